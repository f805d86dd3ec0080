import { describe, expect, it } from 'vitest';
import { askTestCatalog } from './ask-test-catalog';
import { parseRequest } from './parse-request';
import { GENRE_PAIRS, GENRE_WORDS, MOOD_WORDS, THEME_WORDS } from './vocabulary';

const catalog = askTestCatalog();
const parse = (text: string) => parseRequest(text, catalog);

/** Every phrase of the vocabulary, alone and inside a request, means what the vocabulary says. */
describe('the vocabulary', () => {
  it.each(Object.entries(GENRE_WORDS).flatMap(([genre, words]) => words.map((w) => [w, genre])))(
    '"%s" is the genre %s',
    (phrase, genre) => {
      expect(parse(phrase).genres).toContain(genre);
      expect(parse(`some ${phrase} from the 90s please`)).toMatchObject({
        genres: expect.arrayContaining([genre]),
        yearFrom: 1990,
      });
      expect(parse(`no ${phrase}`).excludeGenres).toContain(genre);
    },
  );

  it.each(Object.entries(GENRE_PAIRS))('"%s" is both %j', (phrase, genres) => {
    expect(parse(phrase).genres).toEqual(genres);
  });

  it.each(Object.entries(MOOD_WORDS).flatMap(([mood, words]) => words.map((w) => [w, mood])))(
    '"%s" is the mood %s',
    (phrase, mood) => {
      expect(parse(`something ${phrase}`).moods).toContain(mood);
    },
  );

  it.each(Object.entries(THEME_WORDS).flatMap(([tag, words]) => words.map((w) => [w, tag])))(
    '"%s" is the theme %s',
    (phrase, tag) => {
      expect(parse(`${phrase} movies`).tags).toContain(tag);
    },
  );
});

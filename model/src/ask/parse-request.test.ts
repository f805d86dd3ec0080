import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { askTestCatalog } from './ask-test-catalog';
import { parseRequest } from './parse-request';
import { type AskContext, intentOf, understoodSchema } from './understood';

const catalog = askTestCatalog();
const parse = (text: string, context?: AskContext) => parseRequest(text, catalog, context);

describe('the request parser', () => {
  it('reads genres, their synonyms and pairs, and typos in them', () => {
    expect(parse('90s comedies')).toEqual({ genres: ['Comedy'], yearFrom: 1990, yearTo: 1999 });
    expect(parse('a romcom')).toEqual({ genres: ['Romance', 'Comedy'] });
    expect(parse('Sci-Fi please')).toEqual({ genres: ['Sci-Fi'] });
    expect(parse('horor movies')).toEqual({ genres: ['Horror'] });
    // A first letter off is not a typo: "fight" is not "light".
    expect(parse('fight scenes')).toEqual({ notUnderstood: ['fight scenes'] });
  });

  it('maps moods and themes, and takes out what is not wanted', () => {
    expect(parse('something scary')).toEqual({ moods: ['scary'] });
    expect(parse('a feel-good heist movie')).toEqual({ moods: ['feel-good'], tags: ['heist'] });
    expect(parse('no horror')).toEqual({ excludeGenres: ['Horror'] });
    expect(parse('a comedy, not animated')).toEqual({
      genres: ['Comedy'],
      excludeGenres: ['Animation'],
    });
    expect(parse('nothing too scary')).toEqual({ excludeMoods: ['scary'] });
    // The genre asked for wins over the pair that names it.
    expect(parse('comedies except romantic comedies')).toEqual({
      genres: ['Comedy'],
      excludeGenres: ['Romance'],
    });
  });

  it('finds people by role, surname or typo, and only when one person is meant', () => {
    const hanks = { name: 'Tom Hanks', role: 'actor' };
    const nolan = { name: 'Christopher Nolan', role: 'director' };
    expect(parse('with Tom Hanks')).toEqual({ people: [hanks] });
    expect(parse('tom hansk comedies')).toEqual({ people: [hanks], genres: ['Comedy'] });
    expect(parse('directed by Nolan')).toEqual({ people: [nolan] });
    expect(parse('nolan films')).toEqual({ people: [nolan] });
    expect(parse('directed by nollan')).toEqual({ people: [nolan] });
    expect(parse('de niro and pacino')).toEqual({
      people: [
        { name: 'Robert De Niro', role: 'actor' },
        { name: 'Al Pacino', role: 'actor' },
      ],
    });
    expect(parse('the coen brothers')).toEqual({
      people: [
        { name: 'Ethan Coen', role: 'director' },
        { name: 'Joel Coen', role: 'director' },
      ],
    });
    expect(parse('without tom hanks')).toEqual({ excludePeople: [hanks] });
  });

  it('finds similar films with typos, the better known of a title, and what modifies them', () => {
    expect(parse('something like Inception but funnier')).toEqual({
      similarTo: [1],
      moods: ['funny'],
    });
    expect(parse('movies like inceptoin')).toEqual({ similarTo: [1] });
    expect(parse('in the vein of heat')).toEqual({ similarTo: [2] });
    expect(parse('like heat 1986')).toEqual({ similarTo: [3] });
    expect(parse('like heat and ronin')).toEqual({ similarTo: [2, 11] });
    expect(parse('like the matrix but newer')).toEqual({ similarTo: [5], yearFrom: 2000 });
    expect(parse('like interstellar but shorter')).toEqual({ similarTo: [8], maxRuntime: 168 });
    expect(parse('films like amelie')).toEqual({ similarTo: [9] });
    // Wanting, not comparing.
    expect(parse("i'd like a comedy")).toEqual({ genres: ['Comedy'] });
  });

  it('reads years, runtimes, orders, counts, the watchlist and unseen films', () => {
    expect(parse('early 90s')).toEqual({ yearFrom: 1990, yearTo: 1993 });
    expect(parse('from the eighties')).toEqual({ yearFrom: 1980, yearTo: 1989 });
    expect(parse('after 2010')).toEqual({ yearFrom: 2011 });
    expect(parse('since 2010')).toEqual({ yearFrom: 2010 });
    expect(parse('before 1980')).toEqual({ yearTo: 1979 });
    expect(parse('between 1990 and 2000')).toEqual({ yearFrom: 1990, yearTo: 2000 });
    expect(parse('recent films')).toEqual({ yearFrom: 2013 });
    expect(parse('classics')).toEqual({ yearTo: 1979, sort: 'rating' });
    expect(parse('under 2 hours')).toEqual({ maxRuntime: 120 });
    expect(parse('less than an hour and a half')).toEqual({ maxRuntime: 90 });
    expect(parse('epic length, over 3 hours')).toEqual({ minRuntime: 180 });
    expect(parse('something short')).toEqual({ maxRuntime: 100 });
    expect(parse('hidden gems')).toEqual({ sort: 'hidden' });
    expect(parse('crowd-pleasers')).toEqual({ sort: 'popular' });
    expect(parse('top 10 thrillers')).toEqual({ count: 10, sort: 'rating', genres: ['Thriller'] });
    expect(parse('three sci fi films')).toEqual({ count: 3, genres: ['Sci-Fi'] });
    expect(parse('from my watchlist')).toEqual({ watchlistOnly: true });
    expect(parse("a thriller i haven't seen")).toEqual({ genres: ['Thriller'], unseenOnly: true });
  });

  it('answers questions about one film', () => {
    expect(parse('what is Heat about')).toEqual({ info: { kind: 'about', movieId: 2 } });
    expect(parse('who directed alien')).toEqual({ info: { kind: 'director', movieId: 4 } });
    expect(parse('where can I watch Interstellar?')).toEqual({
      info: { kind: 'providers', movieId: 8 },
    });
    expect(intentOf(parse('is inception on netflix'))).toBe('providers');
  });

  it('keeps what it did not understand, and never a negated year as its opposite', () => {
    expect(parse('gnarly movies')).toEqual({ notUnderstood: ['gnarly'] });
    expect(parse('a comedy that is gnarly')).toEqual({
      genres: ['Comedy'],
      notUnderstood: ['gnarly'],
    });
    expect(parse('horror not from the 80s')).toEqual({
      genres: ['Horror'],
      notUnderstood: ['not from the 80s'],
    });
  });

  it('refines the conversation with follow-ups, and starts anew when asked', () => {
    const shown = [4, 5, 1];
    let context: AskContext = { understood: parse('scary movies from the 80s'), shown };
    const lighter = parse('something lighter', context);
    expect(lighter).toEqual({ moods: ['light'], yearFrom: 1980, yearTo: 1989 });
    context = { understood: lighter, shown };
    expect(parse('more like the second one', context)).toEqual({ ...lighter, similarTo: [5] });
    expect(parse('older', context)).toEqual({ moods: ['light'], yearTo: 1979 });
    expect(parse('others', context)).toEqual({ ...lighter, excludeFilms: [4, 5, 1] });
    expect(parse('not the first one', context)).toEqual({ ...lighter, excludeFilms: [4] });
    expect(parse('comedies instead', { understood: { genres: ['Horror'] }, shown })).toEqual({
      genres: ['Comedy'],
    });
    expect(parse('romantic ones', { understood: { genres: ['Comedy'] }, shown })).toEqual({
      genres: ['Comedy', 'Romance'],
    });
    expect(parse('without tom hanks', { understood: parse('tom hanks comedies'), shown })).toEqual({
      genres: ['Comedy'],
      excludePeople: [{ name: 'Tom Hanks', role: 'actor' }],
    });
    expect(parse("what's trending", context)).toEqual({ sort: 'trending' });
    expect(parse('new search: westerns', context)).toEqual({ genres: ['Western'] });
    // "shorter" after "like Interstellar": shorter than it.
    expect(parse('shorter', { understood: parse('like interstellar'), shown })).toEqual({
      similarTo: [8],
      maxRuntime: 168,
    });
  });

  it('never throws, and gives a request the API schema accepts, whatever it is sent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const understood = parse(text);
        expect(understoodSchema.safeParse(understood).success).toBe(true);
      }),
      { numRuns: 500 },
    );
    // A long message of words it does not know is quoted, not refused.
    expect(understoodSchema.safeParse(parse('zq '.repeat(400))).success).toBe(true);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 250, maxLength: 1200 }), (text) => {
        expect(understoodSchema.safeParse(parse(text)).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps each list of a request within what the API accepts', () => {
    const many = Array.from({ length: 25 }, () => 'horror comedy drama war western musical').join(
      ' and ',
    );
    const people = Array.from({ length: 12 }, () => 'with tom hanks and with al pacino').join(' ');
    for (const text of [many, people, 'like heat and ronin and inception and alien'.repeat(20)])
      expect(understoodSchema.safeParse(parse(text)).success).toBe(true);
    const refined = parse('no horror', {
      understood: { excludeGenres: Array.from({ length: 20 }, (_, i) => `Genre ${i}`) },
    });
    expect(understoodSchema.safeParse(refined).success).toBe(true);
  });

  it('calls gibberish not understood, and keeps all of it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[bcdfghjklmnpqrstvwxz]{4,9}$/), {
          minLength: 1,
          maxLength: 4,
        }),
        (words) => {
          const understood = parse(words.join(' '));
          expect(understood).toEqual({ notUnderstood: [words.join(' ')] });
        },
      ),
      { numRuns: 300 },
    );
  });
});

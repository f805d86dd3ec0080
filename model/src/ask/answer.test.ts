import { describe, expect, it } from 'vitest';
import { type AskerState, answerRequest } from './answer';
import { rowScorer } from './ask-scorer';
import { AskCatalog } from './ask-catalog';
import { askTestCatalog, askTestFilms } from './ask-test-catalog';
import { parseRequest } from './parse-request';

const catalog = askTestCatalog();
/** The person likes better-known films, and Inception most. */
const rows = { indexOf: (id: number) => (catalog.byId.has(id) ? id : -1) };
const scorer = rowScorer(rows, {
  personal: (id) => (id === 1 ? 1000 : catalog.byId.get(id)!.ratingCount),
  similarityTo: (a) => (b) => {
    const fa = catalog.byId.get(a)!.genres;
    const fb = catalog.byId.get(b)!.genres;
    return fa.filter((g) => fb.includes(g)).length;
  },
  because: (id) => (id === 8 ? 1 : undefined),
});
const nobody: AskerState = { seen: new Set(), excluded: new Set(), watchlist: new Set() };
const ask = (text: string, person = nobody) =>
  answerRequest(parseRequest(text, catalog), catalog, scorer, person);
const ids = (text: string, person = nobody) => ask(text, person).films.map((f) => f.movieId);

describe('answers', () => {
  it('keeps to the hard constraints and ranks by the person', () => {
    expect(ids('sci-fi films')).toEqual([1, 5, 4, 8]);
    expect(ids('sci-fi from the 90s')).toEqual([5]);
    expect(ids('comedies with tom hanks')).toEqual([6, 7]);
    expect(ids('sci-fi, no horror')).toEqual([1, 5, 8]);
    expect(ids('nolan films under 2 hours')).toEqual([]);
    expect(ids('3 films')).toHaveLength(3);
  });

  it('leaves out what the person rated or hid, and keeps to the watchlist or unseen films', () => {
    const person: AskerState = {
      seen: new Set([1, 5]),
      excluded: new Set([5]),
      watchlist: new Set([8, 4]),
    };
    expect(ids('sci-fi films', person)).toEqual([1, 4, 8]);
    expect(ids('sci-fi films i have not seen', person)).toEqual([4, 8]);
    expect(ids('sci-fi from my watchlist', person)).toEqual([4, 8]);
  });

  it('ranks films like the one asked about first, and never offers that film itself', () => {
    const answer = ask('like the matrix');
    expect(answer.films[0]!.movieId).toBe(1);
    expect(answer.films.map((f) => f.movieId)).not.toContain(5);
    expect(answer.films[0]!.reason).toBe('A film — like The Matrix');
  });

  it('gives reasons that cite the request and what the person liked', () => {
    const answer = ask('sci-fi films directed by nolan');
    expect(answer.films.map((f) => f.reason)).toEqual([
      'A sci-fi by Christopher Nolan',
      'A sci-fi by Christopher Nolan — and you liked Inception',
    ]);
    expect(answer.reply).toBe('Two sci-fi films directed by Christopher Nolan, ranked for you.');
  });

  it('says which constraint emptied the answer and how many dropping it would give', () => {
    const answer = ask('1950s comedies with tom hanks');
    expect(answer.films).toEqual([]);
    expect(answer.relax[0]).toEqual({
      field: 'yearFrom',
      label: '1950s',
      count: 2,
      without: { genres: ['Comedy'], people: [{ name: 'Tom Hanks', role: 'actor' }] },
    });
    expect(answer.reply).toBe(
      'No 1950s comedy films fit all of that. Without “1950s” there are 2 films.',
    );
  });

  it('answers questions about one film from the catalog, linking to it', () => {
    expect(ask('who directed heat')).toMatchObject({
      intent: 'info',
      reply: 'Heat (1995) was directed by Michael Mann.',
      films: [{ movieId: 2 }],
    });
    expect(ask('how long is inception').reply).toBe('Inception (2010) runs 148 minutes.');
  });

  it('says what it did not understand, and that trending is not known offline', () => {
    expect(ask('gnarly sci-fi').reply).toMatch(/I didn't understand “gnarly”\.$/);
    expect(ask('trending').reply).toMatch(/Trending is not known offline/);
    const trending = { ...nobody, trending: [11, 10] };
    expect(ids("what's trending", trending)).toEqual([11, 10]);
  });

  it('lifts the films whose tags or keywords name a theme or mood, and leaves them out when asked', () => {
    const heist = ask('heist films');
    expect(heist.films[0]).toMatchObject({ movieId: 2, reason: 'A heist film' });
    expect(ids('sci-fi without space')).not.toContain(4);
    expect(ids('sci-fi without space')).toContain(1);
    expect(ids('nothing dark')).not.toContain(4);
  });

  it('keeps to two films per director unless the director was asked for', () => {
    expect(ids('films').filter((id) => [1, 8, 10].includes(id))).toEqual([1, 8]);
    expect(ids('nolan films')).toEqual([1, 8, 10]);
  });

  it('filters by any genre of a catalog of more than 32, and by people however their names are written', () => {
    // The first film has 39 genres, so the 40th, seen last, has no bit.
    const many = Array.from({ length: 39 }, (_, g) => `Genre ${g}`);
    const films = askTestFilms.map((f, i) => (i === 0 ? { ...f, genres: many } : f));
    films.push({
      ...askTestFilms[0]!,
      id: 99,
      title: 'Late Genre',
      genres: ['Genre 39', 'Genre 5'],
    });
    const wide = new AskCatalog(films);
    const late = { genres: ['Genre 39', 'Genre 5'] };
    const wideScorer = rowScorer(rows, { similarityTo: () => () => 0 });
    expect(answerRequest(late, wide, wideScorer, nobody).films.map((f) => f.movieId)).toEqual([99]);
    const credits = new AskCatalog([
      ...askTestFilms,
      { ...askTestFilms[5]!, id: 98, title: 'Splash', cast: ['TOM HANKS'] },
    ]);
    const hanks = { people: [{ name: 'Tom Hanks', role: 'actor' as const }] };
    expect(
      answerRequest(hanks, credits, wideScorer, nobody)
        .films.map((f) => f.movieId)
        .sort(),
    ).toEqual([6, 7, 98]);
  });
});

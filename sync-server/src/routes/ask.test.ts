import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { type Database, openDatabase } from '../db/database';
import { trainAndPublish } from '../services/publishing';
import { testSeed } from '../services/test-seed';

// Its own in-memory database: publishing here must not move "latest" under other suites.
describe('POST /api/ask', () => {
  let database: Database;
  const lines: string[] = [];
  const seed = testSeed();
  seed.movies = seed.movies.map((m) => ({
    ...m,
    title: m.id === 16 ? 'Heat' : m.title,
    year: m.id <= 10 ? 1995 : 2005,
  }));
  beforeAll(async () => {
    database = await openDatabase({});
    await trainAndPublish(database, seed, { minRaters: 5 });
  }, 60_000);
  afterAll(() => database.close());
  const app = () => createApp({ database, log: (line) => lines.push(line) });
  const ask = async (body: unknown, into = app()) => {
    const res = await into.request('/api/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const ids = (body: Record<string, unknown>) =>
    (body.films as { movieId: number }[]).map((f) => f.movieId);

  it('understands the request and answers it from the published catalog', async () => {
    const { status, body } = await ask({ message: 'comedies from the 2000s' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      intent: 'mixed',
      understood: { genres: ['Comedy'], yearFrom: 2000, yearTo: 2009 },
      reply: expect.stringMatching(/^Ten 2000s comedy films, ranked for you\.$/),
    });
    expect(ids(body).every((id) => id >= 16 && id <= 30)).toBe(true);
    expect(Object.keys(body).sort()).toEqual(['films', 'intent', 'reply', 'understood']);
  });

  it('ranks by the ratings sent, for this answer only, and leaves the rated films out', async () => {
    const ratings = [1, 2, 3, 4, 5].map((movieId) => ({ movieId, rating: 5 }));
    const { body } = await ask({ message: 'films', ratings });
    const top = ids(body).slice(0, 5);

    expect(top.every((id) => id >= 6 && id <= 15)).toBe(true);
    expect(ids(body).some((id) => id <= 5)).toBe(false);
    const liked = await ask({
      message: 'films',
      ratings: [16, 17, 18].map((movieId) => ({ movieId, rating: 5 })),
    });
    expect(
      ids(liked.body)
        .slice(0, 5)
        .every((id) => id >= 19),
    ).toBe(true);
  });

  it('refines a conversation from the previous answer', async () => {
    const first = await ask({ message: 'comedies' });
    const { body } = await ask({
      message: 'from the 90s',
      context: first.body.understood,
      shown: ids(first.body),
    });
    expect(body).toMatchObject({
      understood: { genres: ['Comedy'], yearFrom: 1990, yearTo: 1999 },
      films: [],
      reply: 'No 1990s comedy films fit all of that. Without “1990s” there are 16 films.',
    });
    const similar = await ask({
      message: 'more like the second one',
      context: first.body.understood,
      shown: ids(first.body),
    });
    expect(similar.body.understood).toMatchObject({ similarTo: [ids(first.body)[1]] });
  });

  it('answers a question about one film', async () => {
    const { body } = await ask({ message: 'when did heat come out' });
    expect(body).toMatchObject({
      intent: 'info',
      reply: 'Heat came out in 2005.',
      films: [{ movieId: 16, title: 'Heat' }],
    });
  });

  it('refuses what it cannot read with a JSON error, and never logs what was asked or rated', async () => {
    lines.length = 0;
    for (const body of [
      { message: '' },
      { message: 'x'.repeat(1001) },
      { message: 'films', ratings: [{ movieId: 1, rating: 7 }] },
      { message: 'films', context: { genres: 'Comedy' } },
    ]) {
      const { status, body: answer } = await ask(body);
      expect(status).toBe(400);
      expect(answer).toMatchObject({ error: { code: 'bad_request' } });
    }
    await ask({ message: 'secret comedies', ratings: [{ movieId: 7, rating: 4.5 }] });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      // Only the request's shape: never the message, the ratings or their films.
      expect(line).not.toMatch(/secret|rating|movieId/);
      expect(Object.keys(JSON.parse(line) as object).sort()).toEqual([
        'id',
        'method',
        'ms',
        'route',
        'status',
        'time',
      ]);
      expect(JSON.parse(line)).toMatchObject({ route: '/api/ask' });
    }
  });

  it('is throttled per address', async () => {
    const once = app();
    let status = 200;
    let retryAfter: string | null = null;
    for (let i = 0; i < 61 && status === 200; i++) {
      const res = await once.request('/api/ask', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ message: 'films' }),
      });
      status = res.status;
      retryAfter = res.headers.get('Retry-After');
    }
    expect(status).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('says it is not ready before the first catalog is published', async () => {
    const empty = await openDatabase({});
    const { status, body } = await ask({ message: 'films' }, createApp({ database: empty }));
    expect(status).toBe(503);
    expect(body).toMatchObject({ error: { code: 'not_ready' } });
    await empty.close();
  });
});

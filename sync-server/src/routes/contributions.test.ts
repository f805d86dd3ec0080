import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../app';
import { contributions } from '../db/schema';
import { describeOnEachDatabase } from '../db/test-databases';
import { browser } from '../http/test-client';

let counter = 0;
const contributorId = () => `contrib${Date.now()}${counter++}`;
const upload = (id: string, ratings: { movieId: number; rating: number; ratedOn: string }[]) => ({
  contributorId: id,
  ratings,
});

describeOnEachDatabase('anonymous contributions', (db) => {
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    app = createApp({ database: db() });
  });

  const rowsOf = (id: string) =>
    db()
      .db.select()
      .from(contributions)
      .where(sql`${contributions.contributorId} = ${id}`);

  it('stores an upload under the contributor id only, replacing the previous one', async () => {
    const id = contributorId();
    const b = browser(app);
    const first = await b.send(
      'POST',
      '/api/contributions',
      upload(id, [
        { movieId: 1, rating: 4, ratedOn: '2024-05-01' },
        { movieId: 2, rating: 2.5, ratedOn: '2024-05-02' },
      ]),
    );
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ stored: 2 });
    await b.send(
      'POST',
      '/api/contributions',
      upload(id, [{ movieId: 3, rating: 5, ratedOn: '2024-05-03' }]),
    );
    expect((await rowsOf(id)).map((r) => r.movieId)).toEqual([3]);
  });

  it('withdraws a contributor’s ratings', async () => {
    const id = contributorId();
    const b = browser(app);
    await b.send(
      'POST',
      '/api/contributions',
      upload(id, [{ movieId: 1, rating: 4, ratedOn: '2024-05-01' }]),
    );
    expect((await b.send('DELETE', `/api/contributions/${id}`)).status).toBe(204);
    expect(await rowsOf(id)).toEqual([]);
  });

  it('refuses times finer than a day, repeated films and bad ratings', async () => {
    const b = browser(app);
    for (const ratings of [
      [{ movieId: 1, rating: 4, ratedOn: '2024-05-01T10:00:00Z' }],
      [
        { movieId: 1, rating: 4, ratedOn: '2024-05-01' },
        { movieId: 1, rating: 3, ratedOn: '2024-05-01' },
      ],
      [{ movieId: 1, rating: 4.2, ratedOn: '2024-05-01' }],
      [],
    ]) {
      expect(
        (await b.send('POST', '/api/contributions', upload(contributorId(), ratings))).status,
      ).toBe(400);
    }
  });

  it('has no column that could join a contribution to an account, a session or an address', async () => {
    const result = await db().db.execute(
      sql`select column_name from information_schema.columns where table_name = 'contributions' order by column_name`,
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      column_name: string;
    }[];
    expect(rows.map((r) => r.column_name)).toEqual([
      'contributor_id',
      'movie_id',
      'rated_on',
      'rating',
    ]);
    const keys = await db().db.execute(
      sql`select count(*)::int as n from information_schema.table_constraints where table_name = 'contributions' and constraint_type = 'FOREIGN KEY'`,
    );
    const [row] = (Array.isArray(keys) ? keys : (keys as { rows: unknown[] }).rows) as {
      n: number;
    }[];
    expect(row!.n).toBe(0);
  });

  it('limits uploads per address', async () => {
    const limited = createApp({ database: db() });
    const b = browser(limited);
    const statuses: number[] = [];
    for (let k = 0; k < 32; k++) {
      statuses.push(
        (
          await b.send(
            'POST',
            '/api/contributions',
            upload(contributorId(), [{ movieId: 1, rating: 4, ratedOn: '2024-05-01' }]),
          )
        ).status,
      );
    }
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });
});

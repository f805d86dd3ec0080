import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readExport } from './read-export';

const BOM = '\uFEFF';
const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

/** A Letterboxd export zip as the site writes it (top folder, BOM, CRLF, quoted fields). */
function letterboxdZip(extra: Record<string, string> = {}) {
  const top = 'letterboxd-sam-2025-01-02-10-00-utc/';
  const files: Record<string, string> = {
    'profile.csv': 'Date Joined,Username\n2019-01-01,sam\n',
    'ratings.csv':
      BOM +
      crlf([
        'Date,Name,Year,Letterboxd URI,Rating',
        '2024-01-05,Heat,1995,https://boxd.it/29uS,4.5',
        '2024-01-06,"Crouching Tiger, Hidden Dragon",2000,https://boxd.it/1ZbG,4',
        '2024-01-07,Broken,1999,https://boxd.it/xx,7',
      ]),
    'diary.csv': crlf([
      'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date',
      '2024-01-05,Heat,1995,https://boxd.it/entry1,4.5,,,2024-01-04',
      '2024-06-01,Heat,1995,https://boxd.it/entry2,5,Yes,,2024-05-31',
    ]),
    'watched.csv': crlf([
      'Date,Name,Year,Letterboxd URI',
      '2024-01-05,Heat,1995,https://boxd.it/29uS',
      '2023-03-03,Amélie,2001,https://boxd.it/2b2S',
    ]),
    'watchlist.csv': crlf([
      'Date,Name,Year,Letterboxd URI',
      '2024-02-02,Alien,1979,https://boxd.it/2aKq',
    ]),
    'likes/films.csv': crlf([
      'Date,Name,Year,Letterboxd URI',
      '2024-02-03,Heat,1995,https://boxd.it/29uS',
    ]),
    'reviews.csv': crlf([
      'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date',
      '2024-01-05,Heat,1995,https://boxd.it/entry1,4.5,,"The bank scene.\nThe diner scene.",,2024-01-04',
    ]),
    'lists/best-of-1999.csv': crlf([
      'Letterboxd list export v7',
      'Date,Name,Tags,URL,Description',
      '2024-03-01,Best of 1999,,https://boxd.it/list1,"A year, ranked"',
      '',
      'Position,Name,Year,URL,Description',
      '1,The Matrix,1999,https://boxd.it/2a1m,',
      '2,Fight Club,1999,https://boxd.it/2a9q,The rules',
    ]),
    ...extra,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [top + n, strToU8(t)])));
}

describe('Letterboxd export', () => {
  it('reads every kind of record, with rewatches, quoted commas and line breaks', () => {
    const result = readExport([{ name: 'letterboxd.zip', bytes: letterboxdZip() }]);
    if (!result.ok) throw new Error(result.error.message);
    const { service, records, problems } = result.value;
    expect(service).toBe('letterboxd');
    const count = (kind: string) => records.filter((r) => r.kind === kind).length;
    expect({
      rating: count('rating'),
      viewing: count('viewing'),
      seen: count('seen'),
      watchlist: count('watchlist'),
      favourite: count('favourite'),
      review: count('review'),
      list: count('list-entry'),
    }).toEqual({ rating: 2, viewing: 2, seen: 2, watchlist: 1, favourite: 1, review: 1, list: 2 });

    const tiger = records.find((r) => r.film.title.startsWith('Crouching'))!;
    expect(tiger).toMatchObject({
      kind: 'rating',
      rating: 4,
      ratedAt: '2024-01-06T12:00:00.000Z',
      film: { year: 2000 },
    });
    const viewings = records.filter((r) => r.kind === 'viewing');
    expect(viewings.map((v) => [v.watchedOn, v.isRewatch, v.rating])).toEqual([
      ['2024-01-04', false, 4.5],
      ['2024-05-31', true, 5],
    ]);
    expect(records.find((r) => r.kind === 'review')).toMatchObject({
      text: 'The bank scene.\nThe diner scene.',
      watchedOn: '2024-01-04',
    });
    expect(
      records.filter((r) => r.kind === 'list-entry').map((r) => [r.list, r.position, r.film.title]),
    ).toEqual([
      ['Best of 1999', 1, 'The Matrix'],
      ['Best of 1999', 2, 'Fight Club'],
    ]);
    // The rating of 7 is a problem with its line, the rest goes on.
    expect(problems).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/ratings\.csv$/), line: 4 }),
    ]);
  });

  it('names the file and the missing column when a file is not what it says', () => {
    const broken = 'Date,Title,Year,Letterboxd URI\n2024-01-01,Heat,1995,x\n';
    const result = readExport([
      { name: 'lb.zip', bytes: letterboxdZip({ 'watchlist.csv': broken }) },
    ]);
    expect(result).toEqual({
      ok: false,
      error: {
        file: expect.stringMatching(/watchlist\.csv$/),
        line: 1,
        message: expect.stringContaining('"Name" is missing'),
      },
    });
  });
});

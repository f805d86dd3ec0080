import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, readExport } from './read-export';

const letterboxd = zipSync({
  'ratings.csv': strToU8(
    'Date,Name,Year,Letterboxd URI,Rating\n2024-01-05,Heat,1995,https://boxd.it/29uS,4.5\n',
  ),
});

describe('a bad file gets a clear message and nothing else', () => {
  it('a truncated zip', () => {
    const result = readExport([
      { name: 'letterboxd.zip', bytes: letterboxd.slice(0, letterboxd.length - 30) },
    ]);
    expect(result).toMatchObject({
      ok: false,
      error: { file: 'letterboxd.zip', message: expect.stringContaining('damaged or incomplete') },
    });
  });

  it('a file far too big to be an export', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    const result = readExport([{ name: 'ratings.csv', bytes: big }]);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('MB') } });
  });

  it('a zip that unpacks to more than the limit', () => {
    const bomb = zipSync({ 'ratings.csv': new Uint8Array(MAX_IMPORT_BYTES + 10) }, { level: 9 });
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES);
    const result = readExport([{ name: 'x.zip', bytes: bomb }]);
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('more than 50 MB') },
    });
  });

  it('an export from another service', () => {
    const netflix = strToU8('Title,Date\n"Stranger Things: Season 1",1/2/24\n');
    const result = readExport([{ name: 'NetflixViewingHistory.csv', bytes: netflix }]);
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('cannot tell which service') },
    });
  });

  it('something that is not an export at all', () => {
    const result = readExport([{ name: 'holiday.jpg', bytes: Uint8Array.of(0xff, 0xd8, 0xff) }]);
    expect(result).toMatchObject({
      ok: false,
      error: { file: 'holiday.jpg', message: expect.stringContaining('.zip, .csv or .json') },
    });
  });
});

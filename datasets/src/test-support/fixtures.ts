// Runs in Node. Small MovieLens releases that tests write for themselves.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import yazl from 'yazl';

export type FixtureFiles = Record<string, string | Buffer>;

/** A tiny ml-latest-small look-alike with the awkward cases of the real files. */
export const LATEST_FIXTURE: FixtureFiles = {
  'movies.csv': [
    'movieId,title,genres',
    '1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy',
    '11,"American President, The (1995)",Comedy|Drama|Romance',
    '29,"City of Lost Children, The (Cité des enfants perdus, La) (1995)",Adventure|Drama|Fantasy|Mystery|Sci-Fi',
    '47,Seven (a.k.a. Se7en) (1995),Mystery|Thriller',
    '176601,Black Mirror,(no genres listed)',
    '',
  ].join('\n'),
  'links.csv': [
    'movieId,imdbId,tmdbId',
    '1,0114709,862',
    '11,0112346,9087',
    '29,0112682,',
    '47,0114369,807',
    '176601,2085059,42009',
    '',
  ].join('\n'),
  'ratings.csv': [
    'userId,movieId,rating,timestamp',
    '1,1,4.0,964982703',
    '1,11,3.5,964981247',
    '2,29,0.5,1445714994',
    '2,47,5.0,1445714996',
    '3,176601,2.5,1700000000',
    '',
  ].join('\n'),
  'tags.csv': [
    'userId,movieId,tag,timestamp',
    '2,47,"twist ending, dark",1445714994',
    '3,1,pixar,1445714996',
    '',
  ].join('\n'),
};

/** A tiny ml-100k look-alike: u.data tab-separated, u.item pipe-separated Latin-1. */
export const ML100K_FIXTURE: FixtureFiles = {
  'u.data': [
    '196\t242\t3\t881250949',
    '186\t302\t3\t891717742',
    '22\t377\t1\t878887116',
    '196\t377\t5\t881250950',
    '',
  ].join('\n'),
  'u.item': Buffer.from(
    [
      '242|Kolya (1996)|24-Jan-1997||http://us.imdb.com/M/title-exact?Kolya%20(1996)|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0',
      '302|L.A. Confidential (1997)|01-Jan-1997||http://us.imdb.com/M/title-exact?L%2EA%2E+Confidential+(1997)|0|0|0|0|0|0|1|0|0|0|1|0|0|1|0|0|1|0|0',
      '377|Heavyweights (1994)|01-Jan-1994||http://us.imdb.com/M/title-exact?Heavyweights%20(1994)|0|0|0|0|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0',
      '1000|Lashou shentan|01-Jan-1992||http://us.imdb.com/|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0',
      '1301|Café au lait (1993)|01-Jan-1993||http://us.imdb.com/|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0',
      '',
    ].join('\n'),
    'latin1',
  ),
};

/** Writes files into a fresh folder (optionally inside a subfolder, as the real zips have). */
export function writeFolder(files: FixtureFiles, subfolder = ''): string {
  const root = mkdtempSync(join(tmpdir(), 'filmfold-ml-'));
  mkdirSync(join(root, subfolder), { recursive: true });
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(root, subfolder, name), content);
  return root;
}

/** Zips files under `folder/` as GroupLens does, and returns the zip's bytes. */
export async function zipBytes(
  files: FixtureFiles,
  folder = 'ml-fixture',
  compress = true,
): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) {
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), `${folder}/${name}`, {
      compress,
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Writes a zip of `files` into a fresh folder and returns its path. */
export async function writeZip(files: FixtureFiles, name = 'ml-fixture.zip'): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'filmfold-zip-')), name);
  const out = createWriteStream(path);
  out.end(await zipBytes(files));
  await finished(out);
  return path;
}

// Runs in Node, in tests: a three-film MovieLens folder, so that training takes a moment.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tinyMovieLens(): string {
  const dir = mkdtempSync(join(tmpdir(), 'filmfold-ml-'));
  writeFileSync(
    join(dir, 'movies.csv'),
    'movieId,title,genres\n1,A (2001),Drama\n2,B (2002),Comedy\n3,C (2003),Drama\n',
  );
  writeFileSync(
    join(dir, 'ratings.csv'),
    'userId,movieId,rating,timestamp\n1,1,4,1\n1,2,3,2\n2,2,5,3\n2,3,4,4\n3,1,2,5\n',
  );
  return dir;
}

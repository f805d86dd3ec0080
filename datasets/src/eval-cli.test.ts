import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { mulberry32 } from '@filmfold/model';
import { describe, expect, it } from 'vitest';
import { writeFolder } from './test-support/fixtures';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('./eval-cli.ts', import.meta.url));

/** The same random ratings written in both formats: 60 users, 80 films. */
function sameRatingsInBothFormats() {
  const random = mulberry32(3);
  const rows: [number, number, number, number][] = [];
  for (let user = 1; user <= 60; user++) {
    for (let item = 1; item <= 80; item++) {
      if (random() < 0.3)
        rows.push([
          user,
          item,
          1 + Math.floor(random() * 5),
          880_000_000 + Math.floor(random() * 1e6),
        ]);
    }
  }
  const items = Array.from({ length: 80 }, (_, k) => k + 1);
  const latest = writeFolder({
    'ratings.csv':
      ['userId,movieId,rating,timestamp', ...rows.map((r) => r.join(','))].join('\n') + '\n',
    'movies.csv':
      ['movieId,title,genres', ...items.map((i) => `${i},Film ${i} (1990),Drama`)].join('\n') +
      '\n',
  });
  const ml100k = writeFolder(
    {
      'u.data': rows.map((r) => r.join('\t')).join('\n') + '\n',
      'u.item': Buffer.from(
        items
          .map(
            (i) =>
              `${i}|Film ${i} (1990)|01-Jan-1990||http://us.imdb.com/|0${'|0'.repeat(7)}|1${'|0'.repeat(10)}`,
          )
          .join('\n') + '\n',
        'latin1',
      ),
    },
    'ml-100k',
  );
  return { latest, ml100k };
}

async function evalJson(data: string) {
  const { stdout } = await run(process.execPath, [
    '--import',
    'tsx',
    cli,
    '--data',
    data,
    '--json',
  ]);
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const withoutTimes = (rows: Record<string, unknown>[]) =>
  rows.map(({ fitMs: _f, scoreMs: _s, ...rest }) => rest);

describe('npm run eval', () => {
  it('evaluates an ml-100k folder exactly as the same ratings in ml-latest format', async () => {
    const { latest, ml100k } = sameRatingsInBothFormats();
    const fromLatest = await evalJson(latest);
    const from100k = await evalJson(ml100k);
    expect(from100k.map((r) => `${r.model}/${r.task}`)).toEqual([
      'global-mean/A',
      'user-item-bias/A',
      'user-item-bias-tuned/A',
      'filmfold-foldin/A',
      'popularity/B',
      'user-item-bias/B',
      'user-item-bias-tuned/B',
      'ease/B',
      'ials/B',
      'filmfold-foldin-float32/B',
      'filmfold-foldin-int8/B',
      'filmfold-foldin-content/B',
      'filmfold-foldin/B',
      'filmfold-foldin-diverse/B',
      'filmfold-min-raters/B',
      'filmfold-min-raters-content/B',
      'filmfold-personal-recency/B',
      'filmfold-personal-content/B',
      'filmfold-personal/B',
    ]);
    for (const row of from100k) {
      const metrics =
        row.task === 'A' ? ['RMSE', 'MAE'] : ['NDCG@10', 'Recall@20', 'HR@10', 'Coverage@10'];
      for (const m of metrics) expect(row[m]).toEqual(expect.any(Number));
      expect(row.fitMs).toEqual(expect.any(Number));
      expect(row.scoreMs).toEqual(expect.any(Number));
    }
    expect(withoutTimes(from100k)).toEqual(withoutTimes(fromLatest));
  }, 60_000);

  it('prints a table with the split sizes by default', async () => {
    const { latest } = sameRatingsInBothFormats();
    const { stdout } = await run(process.execPath, [
      '--import',
      'tsx',
      cli,
      '--data',
      latest,
      '--models',
      'popularity',
    ]);
    expect(stdout).toMatch(
      /Task B: train \d+ \/ test \d+; \d+ users evaluated over \d+ candidate items/,
    );
    expect(stdout).toMatch(
      /\| popularity \| B \| {2}\| {2}\| 0\.\d{4} \| 0\.\d{4} \| 0\.\d{4} \| 0\.\d{4} \|/,
    );
  }, 60_000);

  it.each([
    [
      ['--data', '/nonexistent/ml'],
      /No MovieLens data at \/nonexistent\/ml: no such file or folder\./,
    ],
    [['--data', '.', '--models', 'nope'], /Unknown model "nope"/],
    [['--frobnicate'], /Unknown option '--frobnicate'[\s\S]*Usage: npm run eval/],
  ])(
    'exits 1 with a readable message for %j',
    async (args, message) => {
      const failure = await run(process.execPath, ['--import', 'tsx', cli, ...args]).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(failure).toMatchObject({ code: 1 });
      const { stderr } = failure as { stderr: string };
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    },
    60_000,
  );
});

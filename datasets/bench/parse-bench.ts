// Runs in Node: `npm run bench`. Parse time and peak memory of the MovieLens loaders.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '@filmfold/model';
import { writeSyntheticMovieLens } from '../src/synthetic';

const RUNS = 3;
const here = fileURLToPath(new URL('.', import.meta.url));
const small = fileURLToPath(new URL('../../../shared/datasets/ml-latest-small', import.meta.url));
const synthetic = join(tmpdir(), 'filmfold-bench', 'synthetic-5m');

interface Measure {
  ms: number;
  ratings: number;
  peakRssMiB: number;
}

function measure(path: string, mode: 'table' | 'stream' | 'baseline'): Measure {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(here, 'parse-once.ts'), path, mode],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(output) as Measure;
}

async function main(): Promise<void> {
  if (!existsSync(join(synthetic, 'ratings.csv'))) {
    process.stderr.write(`Writing a synthetic 5,000,000-rating ml-latest set to ${synthetic} …\n`);
    await writeSyntheticMovieLens(synthetic, {
      ratings: 5_000_000,
      users: 50_000,
      items: 40_000,
      seed: 42,
    });
  }
  const cases = [
    ...(existsSync(small) ? [{ name: 'ml-latest-small', path: small }] : []),
    { name: 'synthetic 5M', path: synthetic },
  ];
  const baseline = median(
    Array.from({ length: RUNS }, () => measure(small, 'baseline').peakRssMiB),
  );
  const lines = [
    `Medians of ${RUNS} runs, each in a fresh Node process (tsx). Node with the loaders loaded and nothing read: ${baseline.toFixed(0)} MiB peak RSS.`,
    '',
    '| data | ratings | ratings.csv MiB | mode | parse s | ratings/s | peak RSS MiB | over baseline MiB |',
    '| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const { name, path } of cases) {
    const mib = statSync(join(path, 'ratings.csv')).size / 2 ** 20;
    for (const mode of ['stream', 'table'] as const) {
      process.stderr.write(`Measuring ${name} (${mode}) …\n`);
      const runs = Array.from({ length: RUNS }, () => measure(path, mode));
      const ms = median(runs.map((r) => r.ms));
      const rss = median(runs.map((r) => r.peakRssMiB));
      const ratings = runs[0]!.ratings;
      lines.push(
        `| ${name} | ${ratings} | ${mib.toFixed(1)} | ${mode === 'stream' ? 'stream batches' : 'into RatingTable'} | ${(ms / 1000).toFixed(2)} | ${Math.round(ratings / (ms / 1000))} | ${rss.toFixed(0)} | ${(rss - baseline).toFixed(0)} |`,
      );
    }
  }
  console.log(lines.join('\n'));
}

await main();

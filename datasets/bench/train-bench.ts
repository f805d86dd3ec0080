// Runs in Node: part of `npm run bench` (alone: npm run bench:train [-- --sizes 1,5]). Training
// the shared model (iALS + stars + blend, the server's settings) on synthetic sets shaped like
// ml-25m (datasets/src/synthetic.ts) at 1M, 5M and 25M ratings, on one thread and on every
// core, each case in a child process of its own (so that its peak memory is its own), with the
// floating-point rate against the machine's peak measured in the same run.
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { median } from '@filmfold/model';
import type { CaseResult } from './train-bench-case';

const caseScript = fileURLToPath(new URL('./train-bench-case.ts', import.meta.url));
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1,5,25' } } });
const sizes = values.sizes.split(',').map((m) => Math.round(Number(m) * 1_000_000));
const cores = availableParallelism();

/**
 * A tight float32 multiply-add loop (eight independent sums over arrays that sit in the L1
 * cache): the most this JavaScript engine does per thread, in GFLOPS.
 */
const PEAK_LOOP = `
  const a = new Float32Array(4096).map(() => Math.random());
  const b = new Float32Array(4096).map(() => Math.random());
  const rates = [];
  for (let rep = 0; rep < 5; rep++) {
    const started = performance.now();
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    for (let r = 0; r < 20000; r++)
      for (let i = 0; i < 4096; i += 8) {
        s0 += a[i] * b[i]; s1 += a[i + 1] * b[i + 1]; s2 += a[i + 2] * b[i + 2]; s3 += a[i + 3] * b[i + 3];
        s4 += a[i + 4] * b[i + 4]; s5 += a[i + 5] * b[i + 5]; s6 += a[i + 6] * b[i + 6]; s7 += a[i + 7] * b[i + 7];
      }
    const ms = performance.now() - started;
    if (s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 === 0) throw new Error('unreachable');
    rates.push((20000 * 4096 * 2) / ms / 1e6);
  }
  rates.sort((x, y) => x - y);
  require('node:worker_threads').parentPort.postMessage(rates[2]);
`;

/** Median GFLOPS of the peak loop in each of `threads` threads running at once, summed. */
async function peak(threads: number): Promise<number> {
  const rates = await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(PEAK_LOOP, { eval: true });
          worker.once('message', (rate: number) => {
            resolve(rate);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  return rates.reduce((sum, rate) => sum + rate, 0);
}

function runCase(ratings: number, threads: number): CaseResult {
  process.stderr.write(`Training on ${ratings / 1e6}M synthetic ratings, ${threads} thread(s) …\n`);
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', caseScript, `${ratings}`, `${threads}`],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as CaseResult;
}

const peaks = new Map<number, number>();
for (const threads of new Set([1, cores]))
  peaks.set(threads, median([await peak(threads), await peak(threads), await peak(threads)]));

const lines = [
  `Shared model training on synthetic sets shaped like ml-25m (${cores} cores; peak of a tight float32 multiply-add loop: ${[...peaks].map(([t, g]) => `${g.toFixed(2)} GFLOPS on ${t} thread${t === 1 ? '' : 's'}`).join(', ')}).`,
  '',
  '| ratings | users | films | threads | train s | of it between jobs s | speed-up | GFLOPS | of peak | peak RSS MiB | before training MiB | MiB per M ratings |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const ratings of sizes) {
  let single: CaseResult | null = null;
  for (const threads of new Set([1, cores])) {
    const result = runCase(ratings, threads);
    single ??= result;
    const gflops = result.flops / result.trainMs / 1e6;
    lines.push(
      `| ${(ratings / 1e6).toFixed(0)}M | ${result.users} | ${result.films} | ${threads} | ${(result.trainMs / 1000).toFixed(1)} | ${(result.betweenJobsMs / 1000).toFixed(1)} | ${(single.trainMs / result.trainMs).toFixed(2)}x | ${gflops.toFixed(2)} | ${Math.round((100 * gflops) / peaks.get(threads)!)}% | ${result.peakRssMiB.toFixed(0)} | ${result.beforeTrainingMiB.toFixed(0)} | ${(result.peakRssMiB / (ratings / 1e6)).toFixed(0)} |`,
    );
  }
}
console.log(lines.join('\n'));

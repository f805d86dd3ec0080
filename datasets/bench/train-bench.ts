// Runs in Node: part of `npm run bench` (alone: npm run bench:train [-- --sizes 1,5]). Training
// the shared model (iALS + stars + blend, the server's settings) on synthetic sets shaped like
// ml-25m (datasets/src/synthetic.ts) at 1M, 5M and 25M ratings: the JavaScript row kernels on one
// thread, then the WebAssembly SIMD kernels on one thread and on every core (as the server
// trains), each case in a child process of its own (so that its peak memory is its own), with
// the floating-point rate against the machine's peak measured in the same run. Speed-up is
// against the first row of each size.
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { median } from '@filmfold/model';
import { compileKernels } from '../../model/src/threads/compile-kernels';
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

/** The same in WebAssembly SIMD: eight f32x4 sums of products of registers, no memory at all. */
const SIMD_PEAK_WAT = `(module
  (func (export "peak") (param $n i32) (result f32)
    (local $x v128) (local $y v128) (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local $e v128) (local $f v128) (local $g v128) (local $h v128)
    (local.set $x (f32x4.splat (f32.const 1.0001)))
    (local.set $y (f32x4.splat (f32.const 0.9999)))
    (loop $again
      (local.set $a (f32x4.add (local.get $a) (f32x4.mul (local.get $x) (local.get $y))))
      (local.set $b (f32x4.add (local.get $b) (f32x4.mul (local.get $x) (local.get $y))))
      (local.set $c (f32x4.add (local.get $c) (f32x4.mul (local.get $x) (local.get $y))))
      (local.set $d (f32x4.add (local.get $d) (f32x4.mul (local.get $x) (local.get $y))))
      (local.set $e (f32x4.add (local.get $e) (f32x4.mul (local.get $x) (local.get $y))))
      (local.set $f (f32x4.add (local.get $f) (f32x4.mul (local.get $x) (local.get $y))))
      (local.set $g (f32x4.add (local.get $g) (f32x4.mul (local.get $x) (local.get $y))))
      (local.set $h (f32x4.add (local.get $h) (f32x4.mul (local.get $x) (local.get $y))))
      (local.set $x (f32x4.add (local.get $x) (local.get $y)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $again (local.get $n)))
    (f32x4.extract_lane 0 (f32x4.add (f32x4.add (f32x4.add (local.get $a) (local.get $b))
      (f32x4.add (local.get $c) (local.get $d))) (f32x4.add (f32x4.add (local.get $e) (local.get $f))
      (f32x4.add (local.get $g) (local.get $h)))))))`;

/** SIMD_PEAK_WAT run in a worker: 64 floating-point operations (plus 4 for x) per iteration. */
const simdPeakLoop = (bytes: Uint8Array) => `
  const instance = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([${bytes.join(',')}])));
  const rates = [];
  for (let rep = 0; rep < 5; rep++) {
    const started = performance.now();
    if (instance.exports.peak(20_000_000) === 0) throw new Error('unreachable');
    rates.push((20_000_000 * 68) / (performance.now() - started) / 1e6);
  }
  rates.sort((x, y) => x - y);
  require('node:worker_threads').parentPort.postMessage(rates[2]);
`;

/** Median GFLOPS of a peak loop in each of `threads` threads running at once, summed. */
async function peak(threads: number, loop: string): Promise<number> {
  const rates = await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(loop, { eval: true });
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

function runCase(ratings: number, threads: number, kernels: 'js' | 'simd'): CaseResult {
  process.stderr.write(
    `Training on ${ratings / 1e6}M synthetic ratings, ${threads} thread(s), ${kernels} kernels …\n`,
  );
  const args = ['--import', 'tsx', caseScript, `${ratings}`, `${threads}`, kernels];
  const out = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as CaseResult;
}

const simdLoop = simdPeakLoop(await compileKernels(SIMD_PEAK_WAT, 'peak.wat'));
const peakOf = async (threads: number, loop: string) =>
  median([await peak(threads, loop), await peak(threads, loop), await peak(threads, loop)]);
const peaks = {
  js: await peakOf(1, PEAK_LOOP),
  simd1: await peakOf(1, simdLoop),
  simdAll: await peakOf(cores, simdLoop),
};
const peakFor = (kernels: 'js' | 'simd', threads: number) =>
  kernels === 'js' ? peaks.js : threads === 1 ? peaks.simd1 : peaks.simdAll;

const lines = [
  `Shared model training on synthetic sets shaped like ml-25m, ${cores} cores. Peak of a tight float32 multiply-add loop: JavaScript ${peaks.js.toFixed(2)} GFLOPS on one thread; WebAssembly SIMD ${peaks.simd1.toFixed(2)} GFLOPS on one thread, ${peaks.simdAll.toFixed(2)} on ${cores}. "of peak" compares each row with the peak of its kernels and threads.`,
  '',
  '| ratings | users | films | kernels | threads | train s | of it between jobs s | speed-up | GFLOPS | of peak | peak RSS MiB | before training MiB | (peak − start) MiB per M ratings |',
  '| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const ratings of sizes) {
  let single: CaseResult | null = null;
  const cases: [number, 'js' | 'simd'][] = [
    [1, 'js'],
    [1, 'simd'],
    ...(cores > 1 ? [[cores, 'simd'] as [number, 'simd']] : []),
  ];
  for (const [threads, kernels] of cases) {
    const result = runCase(ratings, threads, kernels);
    single ??= result;
    const gflops = result.flops / result.trainMs / 1e6;
    lines.push(
      `| ${(ratings / 1e6).toFixed(0)}M | ${result.users} | ${result.films} | ${kernels} | ${threads} | ${(result.trainMs / 1000).toFixed(1)} | ${(result.betweenJobsMs / 1000).toFixed(1)} | ${(single.trainMs / result.trainMs).toFixed(2)}x | ${gflops.toFixed(2)} | ${Math.round((100 * gflops) / peakFor(kernels, threads))}% | ${result.peakRssMiB.toFixed(0)} | ${result.beforeTrainingMiB.toFixed(0)} | ${((result.peakRssMiB - result.startMiB) / (ratings / 1e6)).toFixed(0)} |`,
    );
  }
}
console.log(lines.join('\n'));

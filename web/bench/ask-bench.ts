// Runs in Node: part of `npm run bench` (`npm run bench:ask` alone). How long Ask takes to
// understand and answer a request at ml-25m's size (62,000 films; see ask-bench-run.ts): every
// request of the Ask corpus, in Node and in a dedicated worker in Debian's Chromium (the app runs
// Ask in its recommender worker), one after the other on the same machine. Median and p95 per
// request, and the one-off cost of indexing the catalog (the worker does it on the first question).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { median } from '@filmfold/model';
import { AskCatalog } from '@filmfold/model/ask';
import { readCorpus, SHOWN } from '../../datasets/src/ask/ask-corpus';
import { loadAskFilms } from '../../datasets/src/ask/ask-films';
import { openDatasetFiles } from '../../datasets/src/movielens/dataset-files';
import { type AskBenchResult, type BenchTurn, runAskBench } from './ask-bench-run';
import { launchChromium, movieLens } from './bench-browser';

const metadataCsv = fileURLToPath(
  new URL('../../../shared/datasets/metadata/movie_metadata.csv', import.meta.url),
);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** The worker's script: ask-bench-worker.ts and what it imports, in one file. */
async function workerScript(): Promise<string> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./ask-bench-worker.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
  });
  return bundle.outputFiles[0]!.text;
}

async function inChromium(input: unknown): Promise<AskBenchResult> {
  const script = await workerScript();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    return await page.evaluate(
      ({ script, input }) =>
        new Promise<AskBenchResult>((resolve, reject) => {
          const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
          const worker = new Worker(url);
          worker.onmessage = ({ data }) => resolve(data as AskBenchResult);
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage(input);
        }),
      { script, input },
    );
  } finally {
    await browser.close();
  }
}

function row(where: string, result: AskBenchResult) {
  const total = [...result.totalMs].sort((a, b) => a - b);
  const parse = [...result.parseMs].sort((a, b) => a - b);
  return `| ${where} | ${total.length} | ${Math.round(result.indexMs)} | ${median(parse).toFixed(1)} | ${quantile(parse, 0.95).toFixed(1)} | ${median(total).toFixed(1)} | ${quantile(total, 0.95).toFixed(1)} | ${total.at(-1)!.toFixed(1)} |`;
}

async function main() {
  const films = await loadAskFilms(await openDatasetFiles(movieLens), metadataCsv);
  const conversations: BenchTurn[][] = readCorpus(new AskCatalog(films)).map((c) =>
    c.turns.map(({ text, expected }) => ({ text, expected })),
  );
  const input = { films, conversations, shown: SHOWN };
  const node = runAskBench(films, conversations, SHOWN);
  const chromium = await inChromium(input);
  if (process.env.ASK_BENCH_SLOW)
    for (const { ms, text } of chromium.slowest) console.log(ms.toFixed(0), text);
  console.log(
    `Ask at ${node.films.toLocaleString('en-GB')} films (ml-latest-small copied), every request of the corpus parsed and answered:\n`,
  );
  console.log(
    '| where | requests | index the catalog ms (once) | parse median ms | parse p95 ms | parse + answer median ms | parse + answer p95 ms | max ms |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(row('Node', node));
  console.log(row('Chromium, dedicated worker', chromium));
}

await main();

// Runs in Node, in a child process of parse-bench.ts: one measured parse, printed as JSON.
import { openDatasetFiles } from '../src/movielens/dataset-files';
import { readRatings, streamRatings } from '../src/movielens/load';

const [path, mode] = process.argv.slice(2);
if (!path || !['table', 'stream', 'baseline'].includes(mode ?? '')) {
  console.error('usage: parse-once.ts <folder or zip> <table|stream|baseline>');
  process.exit(2);
}
const started = performance.now();
let ratings = 0;
if (mode !== 'baseline') {
  const files = await openDatasetFiles(path);
  if (mode === 'table') {
    ratings = (await readRatings(files)).length;
  } else {
    for await (const batch of streamRatings(files)) ratings += batch.length;
  }
  await files.close();
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, ratings, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));

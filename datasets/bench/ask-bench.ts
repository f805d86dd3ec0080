// Runs in Node: `npm run bench`. How long Ask takes to understand and answer a request at ml-25m's
// size: ml-latest-small's films copied (new ids, the copies' titles marked) up to 62,000, with
// their credits, tags and ratings, and the item space (64 factors a film) a device would hold.
// Every request of the Ask corpus is parsed and answered; median and p95 per request, and the
// one-off cost of indexing the catalog (the worker does it on the first request).
import { fileURLToPath } from 'node:url';
import { median, mulberry32 } from '@filmfold/model';
import { AskCatalog, type AskFilm, answerRequest, parseRequest } from '@filmfold/model/ask';
import { readCorpus, SHOWN } from '../src/ask/ask-corpus';
import { loadAskFilms } from '../src/ask/ask-films';
import { openDatasetFiles } from '../src/movielens/dataset-files';

const FILMS = 62_000;
const FACTORS = 64;
const shared = (path: string) =>
  fileURLToPath(new URL(`../../../shared/datasets/${path}`, import.meta.url));

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function main() {
  const small = await loadAskFilms(
    await openDatasetFiles(shared('ml-latest-small')),
    shared('metadata/movie_metadata.csv'),
  );
  const films: AskFilm[] = [...small];
  for (let copy = 1; films.length < FILMS; copy++)
    for (const film of small) {
      if (films.length === FILMS) break;
      films.push({ ...film, id: film.id + copy * 1_000_000, title: `${film.title} ${copy}` });
    }
  const indexStarted = performance.now();
  const catalog = new AskCatalog(films);
  const indexMs = performance.now() - indexStarted;

  // An item space like the device's: a factor row per film, and a person's score per film.
  const random = mulberry32(11);
  const row = new Map(films.map((f, i) => [f.id, i]));
  const factors = Float32Array.from({ length: films.length * FACTORS }, () => random() - 0.5);
  const personal = Float32Array.from(films, () => random());
  const scorer = {
    personal: (id: number) => personal[row.get(id)!],
    similarity: (a: number, b: number) => {
      const [ia, ib] = [row.get(a)!, row.get(b)!];
      let dot = 0;
      for (let c = 0; c < FACTORS; c++)
        dot += factors[ia * FACTORS + c]! * factors[ib * FACTORS + c]!;
      return dot;
    },
    // As the worker does: the film asked about is read once, each other film by its row.
    similarityTo: (to: number) => {
      const it = row.get(to)!;
      const target = factors.subarray(it * FACTORS, it * FACTORS + FACTORS);
      return (id: number) => {
        const other = row.get(id)! * FACTORS;
        let dot = 0;
        for (let c = 0; c < FACTORS; c++) dot += target[c]! * factors[other + c]!;
        return dot;
      };
    },
  };
  const person = {
    seen: new Set<number>(),
    excluded: new Set<number>(),
    watchlist: new Set<number>(),
  };

  const times: number[] = [];
  const parseTimes: number[] = [];
  const slow: [number, string][] = [];
  for (const conversation of readCorpus(catalog)) {
    let context;
    for (const turn of conversation.turns) {
      const started = performance.now();
      const understood = parseRequest(turn.text, catalog, context);
      parseTimes.push(performance.now() - started);
      answerRequest(understood, catalog, scorer, person);
      times.push(performance.now() - started);
      slow.push([performance.now() - started, turn.text]);
      context = { understood: turn.expected, shown: SHOWN };
    }
  }
  times.sort((a, b) => a - b);
  parseTimes.sort((a, b) => a - b);
  if (process.env.ASK_BENCH_SLOW)
    for (const [ms, text] of slow.sort((a, b) => b[0] - a[0]).slice(0, 15))
      console.log(ms.toFixed(0), text);
  console.log(
    `Ask at ${films.length.toLocaleString('en-GB')} films (ml-latest-small copied), every request of the corpus parsed and answered in Node:\n`,
  );
  console.log(
    '| requests | index the catalog ms (once) | parse median ms | parse p95 ms | parse + answer median ms | parse + answer p95 ms | max ms |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${times.length} | ${Math.round(indexMs)} | ${median(parseTimes).toFixed(1)} | ${quantile(parseTimes, 0.95).toFixed(1)} | ${median(times).toFixed(1)} | ${quantile(times, 0.95).toFixed(1)} | ${times.at(-1)!.toFixed(1)} |`,
  );
}

await main();

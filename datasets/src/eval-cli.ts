// Runs in Node: `npm run eval -- --data <folder or zip> [--json] [--models a,b]`.
import { PERSONAL_MODELS } from '@filmfold/model/personal';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  biasBaseline,
  ease,
  evaluate,
  FILMFOLD_MODELS,
  minRatersContentOnly,
  minRatersOnly,
  globalMean,
  type EvalContent,
  evaluateColdStart,
  type ModelSpec,
  type RatingTable,
  popularity,
  tunedBiasBaseline,
} from '@filmfold/model';
import { loadAskFilms } from './ask/ask-films';
import { askReport } from './ask/ask-report';
import { loadEvalContent } from './content/eval-content';
import { readFilmMetadata } from './content/film-metadata';
import { DatasetError } from './errors';
import { reportJsonLines, reportTable } from './eval-report';
import { readRatings } from './movielens/load';
import { openMovieLens } from './movielens/open-movielens';
import { byteProgress } from './progress';

/** Where the shared metadata sits beside a checkout. */
const DEFAULT_METADATA = new URL(
  '../../../shared/datasets/metadata/movie_metadata.csv',
  import.meta.url,
).pathname;

/** Every model the CLI knows; later issues add theirs here. */
export const MODELS: readonly ModelSpec[] = [
  popularity,
  globalMean,
  biasBaseline,
  tunedBiasBaseline,
  ease,
  ...FILMFOLD_MODELS,
  minRatersOnly,
  minRatersContentOnly,
  ...PERSONAL_MODELS,
];

const USAGE = `Usage: npm run eval -- [--data <folder or zip>] [--download <archive>] [--models a,b] [--json]

Runs the evaluation protocol of ../shared/EVAL.md on a MovieLens ratings set
(ratings.csv as in ml-latest / ml-25m / ml-32m, or ml-100k's u.data).

  --data <path>      a local MovieLens folder or zip (or set FILMFOLD_MOVIELENS)
  --download <name>  without a local copy, the official archive to fetch and verify
                     (default ml-latest-small)
  --metadata <csv>   directors, cast and keywords (movie_metadata.csv, joined by IMDb id) for
                     the content features (or set FILMFOLD_METADATA)
  --models <list>    comma-separated model names (default: all: ${[...new Set(MODELS.map((m) => m.name))].join(', ')})
  --json             one JSON object per model and task on stdout, nothing else
  --cold-start       instead, Filmfold's cold-start check: films nobody has rated yet, ranked
                     from their content alone (genres, and directors, cast and keywords)
  --ask              instead, how well Ask understands its corpus of requests (per field and
                     intent, tuning and held-back parts); people and runtimes come from
                     --metadata (default ../shared/datasets/metadata/movie_metadata.csv)`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      download: { type: 'string' },
      models: { type: 'string' },
      metadata: { type: 'string' },
      json: { type: 'boolean', default: false },
      'cold-start': { type: 'boolean', default: false },
      ask: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const specs = pickModels(values.models);
  const files = await openMovieLens({
    // npm runs workspace scripts in the workspace folder: a relative path means the caller's folder.
    path: values.data && resolve(process.env.INIT_CWD ?? process.cwd(), values.data),
    archive: values.download,
    onDownloadProgress: byteProgress('Downloading MovieLens'),
  });
  try {
    const metadataPath = values.metadata ?? process.env.FILMFOLD_METADATA;
    if (values.ask) {
      const csv = resolve(process.env.INIT_CWD ?? process.cwd(), metadataPath ?? DEFAULT_METADATA);
      if (!existsSync(csv))
        throw new DatasetError(`Ask needs directors and cast: no metadata file at ${csv}.`);
      const films = await loadAskFilms(files, csv);
      console.log(askReport(films, await readRatings(files)));
      return 0;
    }
    const started = performance.now();
    const table = await readRatings(files, byteProgress('Reading ratings'));
    const people = metadataPath
      ? await readFilmMetadata(resolve(process.env.INIT_CWD ?? process.cwd(), metadataPath))
      : undefined;
    const content = await loadEvalContent(files, people);
    if (values['cold-start']) {
      console.log(coldStartTable(table, content, files.location));
      return 0;
    }
    const report = evaluate(table, specs, {
      content,
      onRow: (row) => process.stderr.write(`  ${row.model} (task ${row.task}) done\n`),
    });
    const seconds = (performance.now() - started) / 1000;
    if (values.json) {
      for (const line of reportJsonLines(report)) console.log(line);
    } else {
      console.log(reportTable(report, files.location));
      console.log(`\nTotal ${seconds.toFixed(1)} s (reading and every model).`);
    }
    return 0;
  } finally {
    await files.close();
  }
}

/** Runs the cold-start check and formats it as a Markdown table. */
function coldStartTable(table: RatingTable, content: EvalContent, source: string): string {
  const report = evaluateColdStart(table, content, [
    { name: 'genres', fields: { genres: true } },
    {
      name: 'genres + directors, cast, keywords',
      fields: { genres: true, directors: true, cast: true, keywords: true },
    },
  ]);
  return [
    `Cold-start check on ${source}: ${report.coldFilms} films lose every training rating and tag;`,
    `${report.usersEvaluated} test users liked one of them. Only those films are ranked.`,
    '',
    '| content features | NDCG@10 | HR@10 |',
    '| --- | ---: | ---: |',
    ...report.rows.map(
      (r) => `| ${r.features} | ${r['NDCG@10'].toFixed(4)} | ${r['HR@10'].toFixed(4)} |`,
    ),
  ].join('\n');
}

/** The named models, plus the ones they inherit tuned settings from, in MODELS order. */
function pickModels(list: string | undefined): readonly ModelSpec[] {
  if (!list) return MODELS;
  const wanted = new Set<string>();
  const add = (name: string) => {
    const specs = MODELS.filter((m) => m.name === name);
    if (specs.length === 0)
      throw new DatasetError(
        `Unknown model "${name}". Known: ${[...new Set(MODELS.map((m) => m.name))].join(', ')}.`,
      );
    wanted.add(name);
    for (const spec of specs) if (spec.inherits) add(spec.inherits);
  };
  for (const name of list.split(',')) add(name.trim());
  return MODELS.filter((m) => wanted.has(m.name));
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (
      err instanceof DatasetError ||
      (err instanceof TypeError && 'code' in err && err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    ) {
      console.error(`\n${err.message}`);
      if (!(err instanceof DatasetError)) console.error(`\n${USAGE}`);
      process.exit(1);
    }
    throw err;
  },
);

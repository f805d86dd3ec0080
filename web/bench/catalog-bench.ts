// Runs in Node: `npm run bench`. Search and filtering at the catalog size of ml-25m (62,423 films),
// as the catalog worker runs them: index build, then median query times.
import { fileURLToPath } from 'node:url';
import {
  openMovieLens,
  readFilmMetadata,
  readMovies,
  readRatings,
  readTags,
} from '@filmfold/datasets';
import type { CatalogMovie } from '@filmfold/model';
import { EMPTY_QUERY, type CatalogQuery } from '../src/lib/catalog/catalog-query';
import { CatalogSearch } from '../src/lib/catalog/catalog-search';

const TARGET_FILMS = 62_423;
const RUNS = 7;
const dataDir =
  process.env.FILMFOLD_MOVIELENS ??
  fileURLToPath(new URL('../../../shared/datasets/ml-latest-small', import.meta.url));
/** Directors and three actors for part of the catalog, as TMDB enrichment would give (it gives 8). */
const metadataCsv = fileURLToPath(
  new URL('../../../shared/datasets/metadata/movie_metadata.csv', import.meta.url),
);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const time = async (work: () => unknown) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

/** `runs` timings of `work`, one after another. */
async function times(runs: number, work: () => unknown): Promise<number[]> {
  const taken: number[] = [];
  for (let run = 0; run < runs; run++) taken.push(await time(work));
  return taken;
}

/** ml-latest-small's films as catalog entries, repeated under new ids up to TARGET_FILMS. */
async function catalog(): Promise<CatalogMovie[]> {
  const files = await openMovieLens({ path: dataDir, archive: 'ml-latest-small', env: {} });
  const [movies, ratings, tags] = [
    await readMovies(files),
    await readRatings(files),
    await readTags(files),
  ];
  await files.close();
  const stats = new Map<number, { n: number; sum: number; histogram: number[] }>();
  for (let r = 0; r < ratings.length; r++) {
    const s = stats.get(ratings.movieIds[r]!) ?? {
      n: 0,
      sum: 0,
      histogram: new Array<number>(10).fill(0),
    };
    s.n++;
    s.sum += ratings.ratings[r]!;
    s.histogram[Math.round(ratings.ratings[r]! * 2) - 1]!++;
    stats.set(ratings.movieIds[r]!, s);
  }
  const people = await readFilmMetadata(metadataCsv);
  const tagsOf = new Map<number, Set<string>>();
  for (const { movieId, tag } of tags)
    tagsOf.set(movieId, (tagsOf.get(movieId) ?? new Set()).add(tag));
  const base: CatalogMovie[] = movies.map((movie) => {
    const s = stats.get(movie.id);
    const credits = movie.imdbId ? people.get(movie.imdbId) : undefined;
    return {
      ...movie,
      ...(credits ? { directors: credits.directors, cast: credits.cast } : {}),
      tags: [...(tagsOf.get(movie.id) ?? [])].slice(0, 20),
      ratingCount: s?.n ?? 0,
      meanRating: s ? s.sum / s.n : null,
      ratingHistogram: s?.histogram ?? new Array<number>(10).fill(0),
    };
  });
  const films: CatalogMovie[] = [];
  for (let copy = 0; films.length < TARGET_FILMS; copy++) {
    for (const film of base) {
      if (films.length === TARGET_FILMS) break;
      films.push(
        copy === 0
          ? film
          : {
              ...film,
              id: film.id + copy * 1_000_000,
              ratingCount: Math.floor(film.ratingCount / (copy + 1)),
            },
      );
    }
  }
  return films;
}

const films = await catalog();
const credited = films.filter((film) => film.directors?.length).length;
const uncredited = films.map((film) => ({ ...film, directors: undefined, cast: undefined }));
const buildsWithout = await times(3, () => new CatalogSearch(uncredited).prepareText());
let search: CatalogSearch | null = null;
const builds = await times(3, () => (search = new CatalogSearch(films)).prepareText());
const index = search!;

const cases: [string, CatalogQuery][] = [
  ['text "toy story"', { ...EMPTY_QUERY, text: 'toy story', sort: 'relevance' }],
  ['text with a typo "toy stroy"', { ...EMPTY_QUERY, text: 'toy stroy', sort: 'relevance' }],
  ['prefix "incep"', { ...EMPTY_QUERY, text: 'incep', sort: 'relevance' }],
  ['tag words "dark comedy"', { ...EMPTY_QUERY, text: 'dark comedy', sort: 'relevance' }],
  [
    'director "christopher nolan"',
    { ...EMPTY_QUERY, text: 'christopher nolan', sort: 'relevance' },
  ],
  ['person filter "Tom Hanks", by popularity', { ...EMPTY_QUERY, people: ['Tom Hanks'] }],
  ['all films, by popularity', EMPTY_QUERY],
  [
    'Comedy, 1990-1999, 3.5★+, by rating',
    {
      ...EMPTY_QUERY,
      genres: ['Comedy'],
      yearFrom: 1990,
      yearTo: 1999,
      minRating: 3.5,
      sort: 'rating',
    },
  ],
  ['not yet rated (2,000 rated), by title', { ...EMPTY_QUERY, isUnratedOnly: true, sort: 'title' }],
];
const rated = new Set(films.slice(0, 2000).map((film) => film.id));

console.log(
  `Catalog search over ${films.length.toLocaleString()} films (ml-latest-small's ${(films.length > 9742 ? 9742 : films.length).toLocaleString()} repeated under new ids), median of ${RUNS} runs.\n`,
);
console.log('| step | median ms | results |');
console.log('| --- | ---: | ---: |');
console.log(
  `| build the index without credits (median of 3) | ${median(buildsWithout).toFixed(0)} | ${films.length} |`,
);
console.log(
  `| build the index with credits for ${credited.toLocaleString()} films (median of 3) | ${median(builds).toFixed(0)} | ${films.length} |`,
);
for (const [label, query] of cases) {
  let found: number[] = [];
  const taken = await times(RUNS, async () => (found = await index.run(query, rated)));
  console.log(`| ${label} | ${median(taken).toFixed(1)} | ${found.length} |`);
}

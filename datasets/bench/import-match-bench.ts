// Runs in Node: `npm run bench`. How well an import finds the right films: 2,000 films of
// ml-latest-small (seeded) written the way Letterboxd writes them (article in front, original
// punctuation, a year), and 2,000 as an IMDb ratings export by their links.csv ids, read by the
// real parsers from a real zip / CSV and matched by the device's FilmMatcher.
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { mulberry32 } from '@filmfold/model';
import {
  FilmMatcher,
  type MatchableFilm,
  normaliseTitle,
  readExport,
} from '@filmfold/model/imports';
import { openDatasetFiles } from '../src/movielens/dataset-files';
import { readMovies, readRatings } from '../src/movielens/load';

const SAMPLE = 2_000;
const SEED = 20261207;
const small = fileURLToPath(new URL('../../../shared/datasets/ml-latest-small', import.meta.url));

const csvCell = (value: string) =>
  /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

function sample<T>(items: readonly T[], count: number, seed: number): T[] {
  const random = mulberry32(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

interface Tally {
  rows: number;
  right: number;
  wrong: number;
  ambiguous: number;
  unmatched: number;
}

function tally(outcomes: { expected: number; outcome: ReturnType<FilmMatcher['match']> }[]): Tally {
  const t: Tally = { rows: outcomes.length, right: 0, wrong: 0, ambiguous: 0, unmatched: 0 };
  for (const { expected, outcome } of outcomes) {
    if (outcome.status !== 'matched') t[outcome.status]++;
    else if (outcome.movieId === expected) t.right++;
    else t.wrong++;
  }
  return t;
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(2)}%` : '–');

async function main() {
  const files = await openDatasetFiles(small);
  const movies = await readMovies(files);
  const ratings = await readRatings(files);
  const counts = new Map<number, number>();
  for (let i = 0; i < ratings.length; i++)
    counts.set(ratings.movieIds[i]!, (counts.get(ratings.movieIds[i]!) ?? 0) + 1);
  const catalog: MatchableFilm[] = movies.map((m) => ({
    ...m,
    ratingCount: counts.get(m.id) ?? 0,
  }));
  const matcher = new FilmMatcher(catalog);
  const sameTitleYear = new Map<string, number>();
  for (const m of catalog) {
    const key = `${normaliseTitle(m.title)}|${m.year}`;
    sameTitleYear.set(key, (sameTitleYear.get(key) ?? 0) + 1);
  }

  // Letterboxd: ratings.csv in the export zip, by name and year only.
  const chosen = sample(catalog, SAMPLE, SEED);
  const lines = ['Date,Name,Year,Letterboxd URI,Rating'];
  for (const [i, m] of chosen.entries())
    lines.push(`2024-01-01,${csvCell(m.title)},${m.year ?? ''},https://boxd.it/b${i},4`);
  const zip = zipSync({ 'letterboxd-bench/ratings.csv': strToU8(lines.join('\n')) });
  const letterboxd = readExport([{ name: 'letterboxd.zip', bytes: zip }]);
  if (!letterboxd.ok) throw new Error(letterboxd.error.message);
  const lbOutcomes = letterboxd.value.records.map((r, i) => ({
    expected: chosen[i]!.id,
    isUnique: sameTitleYear.get(`${normaliseTitle(chosen[i]!.title)}|${chosen[i]!.year}`) === 1,
    outcome: matcher.match(r.film),
  }));

  // The same films as a real export tends to differ from the catalog: a year off by one, the
  // subtitle dropped, accents and punctuation lost, the article moved behind (seeded).
  const random = mulberry32(SEED + 2);
  const noisy = chosen.map((m) => {
    const roll = random();
    if (roll < 0.1 && m.year) return { title: m.title, year: m.year + (random() < 0.5 ? -1 : 1) };
    if (roll < 0.2 && /:\s/.test(m.title)) return { title: m.title.split(/:\s/)[0]!, year: m.year };
    if (roll < 0.3)
      return {
        title: m.title
          .normalize('NFKD')
          .replace(/\p{M}/gu, '')
          .replace(/[.,:!?'-]/g, '')
          .toUpperCase(),
        year: m.year,
      };
    if (roll < 0.35 && /^The /.test(m.title))
      return { title: `${m.title.slice(4)}, The`, year: m.year };
    return { title: m.title, year: m.year };
  });
  const noisyOutcomes = noisy.map((n, i) => ({
    expected: chosen[i]!.id,
    outcome: matcher.match({ ...letterboxd.value.records[i]!.film, title: n.title, year: n.year }),
  }));

  // IMDb: a ratings export by links.csv ids (Const without its film's title being needed).
  const withIds = sample(
    catalog.filter((m) => m.imdbId),
    SAMPLE,
    SEED + 1,
  );
  const imdbLines = [
    'Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors',
  ];
  for (const m of withIds)
    imdbLines.push(`${m.imdbId},8,2024-01-01,${csvCell(m.title)},,,movie,,,${m.year ?? ''},,,,`);
  const imdb = readExport([{ name: 'ratings.csv', bytes: strToU8(imdbLines.join('\n')) }]);
  if (!imdb.ok) throw new Error(imdb.error.message);
  const imdbOutcomes = imdb.value.records.map((r, i) => ({
    expected: withIds[i]!.id,
    outcome: matcher.match(r.film),
  }));

  const rows: [string, Tally][] = [
    ['Letterboxd, all', tally(lbOutcomes)],
    ['Letterboxd, unique title+year', tally(lbOutcomes.filter((o) => o.isUnique))],
    ['Letterboxd, perturbed (35% of rows)', tally(noisyOutcomes)],
    ['IMDb ids (links.csv)', tally(imdbOutcomes)],
  ];
  console.log(
    `Import matching on ml-latest-small (${catalog.length.toLocaleString('en-GB')} films, seed ${SEED}).\n`,
  );
  console.log('| file | rows | right | wrong | ambiguous | unmatched |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, t] of rows)
    console.log(
      `| ${name} | ${t.rows} | ${pct(t.right, t.rows)} | ${pct(t.wrong, t.rows)} | ${pct(t.ambiguous, t.rows)} | ${pct(t.unmatched, t.rows)} |`,
    );
  const wrong = [...lbOutcomes, ...noisyOutcomes].filter(
    (o) => o.outcome.status === 'matched' && o.outcome.movieId !== o.expected,
  );
  for (const o of wrong.slice(0, 5)) {
    const got = catalog.find((m) => o.outcome.status === 'matched' && m.id === o.outcome.movieId)!;
    const want = catalog.find((m) => m.id === o.expected)!;
    console.log(`wrong: "${want.title}" (${want.year}) → "${got.title}" (${got.year})`);
  }
}

await main();

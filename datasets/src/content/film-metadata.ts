// Runs in Node. Directors, cast and keywords from an IMDb-5000-style CSV (movie_metadata.csv),
// joined to MovieLens films by IMDb id.
import { createReadStream } from 'node:fs';
import { forEachCsvRecord } from '../movielens/csv-rows';

export interface FilmPeople {
  directors: string[];
  cast: string[];
  keywords: string[];
  /** Minutes, where the file says. */
  runtime?: number;
}

const COLUMNS = [
  'director_name',
  'actor_1_name',
  'actor_2_name',
  'actor_3_name',
  'plot_keywords',
  'movie_imdb_link',
  'duration',
] as const;

/** Reads the CSV into a map from IMDb id (tt0499549) to its people and keywords. */
export async function readFilmMetadata(path: string): Promise<Map<string, FilmPeople>> {
  const films = new Map<string, FilmPeople>();
  await forEachCsvRecord(
    createReadStream(path),
    path,
    { delimiter: ',', isQuoted: true, encoding: 'utf8' },
    COLUMNS,
    (get) => {
      const imdbId = /tt\d{7,10}/.exec(get('movie_imdb_link'))?.[0];
      if (!imdbId || films.has(imdbId)) return; // the source repeats some rows
      const names = (...values: string[]) =>
        values.map((v) => v.trim()).filter((v) => v.length > 0);
      const runtime = Number(get('duration'));
      films.set(imdbId, {
        directors: names(get('director_name')),
        cast: names(get('actor_1_name'), get('actor_2_name'), get('actor_3_name')),
        keywords: names(...get('plot_keywords').split('|')),
        ...(Number.isInteger(runtime) && runtime > 0 ? { runtime } : {}),
      });
    },
  );
  return films;
}

/** The plot summaries (Overview column) of an imdb_top_1000.csv, in file order. */
export async function readOverviews(path: string): Promise<string[]> {
  const overviews: string[] = [];
  await forEachCsvRecord(
    createReadStream(path),
    path,
    { delimiter: ',', isQuoted: true, encoding: 'utf8' },
    ['Overview'],
    (get) => {
      const overview = get('Overview').trim();
      if (overview) overviews.push(overview);
    },
  );
  return overviews;
}

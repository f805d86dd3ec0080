// Runs in browser and worker. What the recommender and the taste page need of every film (year,
// genres, number of community ratings), as a few typed arrays stored beside the catalog: read in
// one go, without the 62,000 film records.
import type { CatalogMovie } from '@filmfold/model';

export interface CatalogColumns {
  movieIds: Int32Array;
  /** Release year, NaN where unknown. */
  years: Float32Array;
  /** Community ratings of each film. */
  ratingCounts: Uint32Array;
  genreNames: string[];
  /** Film i's genres are genreNames[genreIds[j]] for j in genreStart[i] … genreStart[i + 1]. */
  genreStart: Uint32Array;
  genreIds: Uint16Array;
}

/** The columns of `films`, in their order. */
export function catalogColumns(films: readonly CatalogMovie[]): CatalogColumns {
  const names = new Map<string, number>();
  const genreStart = new Uint32Array(films.length + 1);
  const ids: number[] = [];
  films.forEach((film, i) => {
    for (const genre of film.genres) {
      if (!names.has(genre)) names.set(genre, names.size);
      ids.push(names.get(genre)!);
    }
    genreStart[i + 1] = ids.length;
  });
  return {
    movieIds: Int32Array.from(films, (film) => film.id),
    years: Float32Array.from(films, (film) => film.year ?? NaN),
    ratingCounts: Uint32Array.from(films, (film) => film.ratingCount),
    genreNames: [...names.keys()],
    genreStart,
    genreIds: Uint16Array.from(ids),
  };
}

/** Year and genres of each of `movieIds` (null year and no genres for a film not in the columns). */
export function factsOf(
  columns: CatalogColumns,
  movieIds: ArrayLike<number>,
): { year: number | null; genres: string[] }[] {
  const position = new Map<number, number>();
  columns.movieIds.forEach((id, i) => position.set(id, i));
  return Array.from({ length: movieIds.length }, (_, row) => {
    const i = position.get(movieIds[row]!);
    if (i === undefined) return { year: null, genres: [] };
    const year = columns.years[i]!;
    return { year: Number.isNaN(year) ? null : year, genres: genresAt(columns, i) };
  });
}

/** Every film's genres and community ratings, as communityGenreCounts (taste/stats.ts) reads them. */
export function* genresAndCounts(
  columns: CatalogColumns,
): Generator<{ genres: string[]; ratingCount: number }> {
  for (let i = 0; i < columns.movieIds.length; i++)
    yield { genres: genresAt(columns, i), ratingCount: columns.ratingCounts[i]! };
}

/** The genres of the film at position `i`. */
function genresAt(columns: CatalogColumns, i: number): string[] {
  const genres: string[] = [];
  for (let j = columns.genreStart[i]!; j < columns.genreStart[i + 1]!; j++)
    genres.push(columns.genreNames[columns.genreIds[j]!]!);
  return genres;
}

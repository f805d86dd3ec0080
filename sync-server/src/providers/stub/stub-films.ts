// Runs in Node, for the provider stub: the films it answers about as TMDB would, so that a stubbed
// catalog has real directors and cast where ../shared/datasets/metadata knows them.
import { openMovieLens, readFilmMetadata, readMovies } from '@filmfold/datasets';

export interface StubFilm {
  title: string;
  imdbId: string | null;
  year: number | null;
  directors: string[];
  cast: string[];
  keywords: string[];
}

/** TMDB id → film, from a MovieLens folder (links give the ids) and a movie_metadata.csv. */
export async function loadStubFilms(
  movielens: string,
  metadataCsv: string,
): Promise<Map<number, StubFilm>> {
  const [movies, people] = [
    await readMovies(await openMovieLens({ path: movielens })),
    await readFilmMetadata(metadataCsv),
  ];
  const films = new Map<number, StubFilm>();
  for (const movie of movies) {
    if (movie.tmdbId === null) continue;
    const known = movie.imdbId ? people.get(movie.imdbId) : undefined;
    films.set(movie.tmdbId, {
      title: movie.title,
      imdbId: movie.imdbId,
      year: movie.year,
      directors: known?.directors ?? [],
      cast: known?.cast ?? [],
      keywords: known?.keywords ?? [],
    });
  }
  return films;
}

/** Inception as the stub knows it, for tests (TMDB id 27205). */
export const INCEPTION: ReadonlyMap<number, StubFilm> = new Map([
  [
    27205,
    {
      title: 'Inception',
      imdbId: 'tt1375666',
      year: 2010,
      directors: ['Christopher Nolan'],
      cast: ['Leonardo DiCaprio', 'Tom Hardy'],
      keywords: ['dream', 'heist'],
    },
  ],
]);

// Runs in Node. The catalog as Ask sees it, built from a MovieLens folder (titles, genres, tags,
// rating counts) and a movie_metadata.csv (directors, cast, keywords, runtimes, by IMDb id): what
// the server's catalog holds once TMDB has enriched it, for the Ask corpus, eval and bench.
import type { AskFilm } from '@filmfold/model/ask';
import { readFilmMetadata } from '../content/film-metadata';
import type { DatasetFiles } from '../movielens/dataset-files';
import { readMovies, readRatings, readTags } from '../movielens/load';

export async function loadAskFilms(files: DatasetFiles, metadataCsv?: string): Promise<AskFilm[]> {
  const [movies, tags, table] = [
    await readMovies(files),
    await readTags(files),
    await readRatings(files),
  ];
  const people = metadataCsv ? await readFilmMetadata(metadataCsv) : new Map();
  const stats = new Map<number, { n: number; sum: number }>();
  for (let r = 0; r < table.length; r++) {
    const s = stats.get(table.movieIds[r]!) ?? { n: 0, sum: 0 };
    s.n++;
    s.sum += table.ratings[r]!;
    stats.set(table.movieIds[r]!, s);
  }
  const tagCounts = new Map<number, Map<string, number>>();
  for (const { movieId, tag } of tags) {
    const counts = tagCounts.get(movieId) ?? new Map<string, number>();
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
    tagCounts.set(movieId, counts);
  }
  return movies.map((movie) => {
    const s = stats.get(movie.id);
    const known = movie.imdbId ? people.get(movie.imdbId) : undefined;
    const filmTags = [...(tagCounts.get(movie.id) ?? new Map<string, number>())]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([tag]) => tag);
    return {
      id: movie.id,
      title: movie.title,
      alternateTitles: movie.alternateTitles,
      year: movie.year,
      genres: movie.genres,
      tags: filmTags,
      ratingCount: s?.n ?? 0,
      meanRating: s ? s.sum / s.n : null,
      ...(known
        ? {
            directors: known.directors,
            cast: known.cast,
            keywords: known.keywords,
            ...(known.runtime ? { runtime: known.runtime } : {}),
          }
        : {}),
    };
  });
}

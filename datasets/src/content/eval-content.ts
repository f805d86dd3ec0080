// Runs in Node. Film content for the evaluation: genres and tags from the release, people from metadata.
import type { ContentDocument, EvalContent, UserTag } from '@filmfold/model';
import type { DatasetFiles } from '../movielens/dataset-files';
import { readMovies, readUserTags } from '../movielens/load';
import type { FilmPeople } from './film-metadata';

/** Documents per movieId (without tags) and the tags with their authors. */
export async function loadEvalContent(
  files: DatasetFiles,
  people?: ReadonlyMap<string, FilmPeople>,
): Promise<EvalContent> {
  const documents = new Map<number, Omit<ContentDocument, 'tags'>>();
  for (const movie of await readMovies(files)) {
    const known = movie.imdbId ? people?.get(movie.imdbId) : undefined;
    documents.set(movie.id, {
      year: movie.year,
      genres: movie.genres,
      directors: known?.directors ?? [],
      cast: known?.cast ?? [],
      keywords: known?.keywords ?? [],
    });
  }
  const tags: UserTag[] = await readUserTags(files);
  return { documents, tags };
}

// Runs in Node, in tests: catalog films made by hand.
import type { CatalogMovie } from '@filmfold/model';

/** A catalog film with sensible defaults; `fields` override them. */
export function film(id: number, title: string, fields: Partial<CatalogMovie> = {}): CatalogMovie {
  return {
    id,
    title,
    alternateTitles: [],
    year: 2000,
    genres: [],
    imdbId: null,
    tmdbId: null,
    tags: [],
    ratingCount: 0,
    meanRating: null,
    ratingHistogram: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ...fields,
  };
}

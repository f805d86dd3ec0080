// Runs in browser, worker and Node. What an answer needs from a model, asked for the whole catalog
// at once: the person's score for every film, and how alike each candidate is to a film asked
// about. At 62,000 films a call per film (a map lookup and a closure each) cost more than the
// arithmetic, so a film's row in the model is looked up once per catalog and model, and the
// loops run over rows.
import { type AskCatalog, type AskFilm } from './ask-catalog';

export interface AskScorer {
  /** The person's score for each of the catalog's films, in its order (higher is better; NaN where unknown). */
  personal(catalog: AskCatalog): ArrayLike<number>;
  /**
   * How alike film `to` is to the catalog films at positions `at` (higher is more alike), in the
   * order of `at`; NaN where unknown.
   */
  similarity(to: number, catalog: AskCatalog, at: Int32Array): ArrayLike<number>;
  /** The person's rated film that pushed this one up most, for the reason. */
  because?(movieId: number): number | undefined;
}

/**
 * How well known and liked a film is: the score an answer ranks by for nobody in particular (an
 * API client that sent no ratings, the "like X" evaluation).
 */
export const wellLiked = (film: AskFilm) => Math.log1p(film.ratingCount) * (film.meanRating ?? 3);

/** A model's films by row. */
export interface RowModel {
  /** The row of a movie id, -1 where the model lacks it. */
  indexOf(movieId: number): number;
}

const rowCache = new WeakMap<AskCatalog, WeakMap<RowModel, Int32Array>>();

/** Each catalog film's row in `model` (-1 where it has none), looked up once per catalog and model. */
export function rowsOf(catalog: AskCatalog, model: RowModel): Int32Array {
  let byModel = rowCache.get(catalog);
  if (!byModel) rowCache.set(catalog, (byModel = new WeakMap()));
  let rows = byModel.get(model);
  if (!rows) {
    const { films } = catalog;
    rows = new Int32Array(films.length);
    for (let i = 0; i < films.length; i++) rows[i] = model.indexOf(films[i]!.id);
    byModel.set(model, rows);
  }
  return rows;
}

export interface RowScorerParts {
  /** The person's score of a row; absent, films are ranked by `wellLiked`. */
  personal?: (row: number) => number;
  /** How alike row `to` is to each other row, prepared once for many rows. */
  similarityTo: (to: number) => (row: number) => number;
  /** The movie id of the person's rated film that pushed this row up most. */
  because?: (row: number) => number | undefined;
}

/** An AskScorer over a model's rows. */
export function rowScorer(model: RowModel, parts: RowScorerParts): AskScorer {
  const { personal, similarityTo, because } = parts;
  return {
    personal(catalog) {
      const { films } = catalog;
      const out = new Float64Array(films.length);
      if (!personal) {
        for (let i = 0; i < films.length; i++) out[i] = wellLiked(films[i]!);
        return out;
      }
      const rows = rowsOf(catalog, model);
      for (let i = 0; i < rows.length; i++) out[i] = rows[i]! < 0 ? NaN : personal(rows[i]!);
      return out;
    },
    similarity(to, catalog, at) {
      const out = new Float64Array(at.length).fill(NaN);
      const row = model.indexOf(to);
      if (row < 0) return out;
      const alike = similarityTo(row);
      const rows = rowsOf(catalog, model);
      for (let k = 0; k < at.length; k++) {
        const other = rows[at[k]!]!;
        if (other >= 0) out[k] = alike(other);
      }
      return out;
    },
    ...(because && {
      because: (movieId: number) => {
        const row = model.indexOf(movieId);
        return row < 0 ? undefined : because(row);
      },
    }),
  };
}

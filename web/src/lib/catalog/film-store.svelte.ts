// Runs in the browser. The films the page shows, read from IndexedDB by id as they are asked for,
// in one batch per tick: the page never holds the whole catalog (the device worker does).
import type { CatalogMovie } from '@filmfold/model';
import { SvelteMap } from 'svelte/reactivity';
import type { FilmfoldDb } from '$lib/db/database';
import { handleError } from '$lib/ui/toasts.svelte';

/** The page's films by id; it is the `Films` that the taste statistics read (taste/stats.ts). */
export class FilmStore {
  readonly #films = new SvelteMap<number, CatalogMovie | null>();
  // Not state: ids waiting for the next batched read.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #wanted = new Set<number>();
  #db: FilmfoldDb | null = null;
  /** Bumped when the catalog changes, so that a read begun before it is dropped. */
  #generation = 0;

  /** Reads from `db` from now on, forgetting every film read from the catalog before. */
  reset(db: FilmfoldDb): void {
    this.#db = db;
    this.#generation++;
    this.#wanted.clear();
    this.#films.clear();
  }

  /**
   * The film; null when the catalog has no such film; undefined while it is being read (reactive:
   * a component showing it updates once it is read).
   */
  get(movieId: number): CatalogMovie | null | undefined {
    const film = this.#films.get(movieId);
    if (film === undefined && this.#db) {
      if (this.#wanted.size === 0)
        queueMicrotask(() =>
          this.#readWanted().catch((err: unknown) => handleError(err, 'Reading the catalog')),
        );
      this.#wanted.add(movieId);
    }
    return film;
  }

  /** Every one of `movieIds` that the catalog has, read now if not yet (for exports and reports). */
  async many(movieIds: Iterable<number>): Promise<ReadonlyMap<number, CatalogMovie>> {
    const ids = [...new Set(movieIds)]; // eslint-disable-line svelte/prefer-svelte-reactivity
    await this.#read(ids.filter((id) => !this.#films.has(id)));
    // A plain answer for one export, not state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const found = new Map<number, CatalogMovie>();
    for (const id of ids) {
      const film = this.#films.get(id);
      if (film) found.set(id, film);
    }
    return found;
  }

  async #readWanted(): Promise<void> {
    const ids = [...this.#wanted];
    this.#wanted.clear();
    await this.#read(ids);
  }

  async #read(ids: number[]): Promise<void> {
    const db = this.#db;
    if (!db || ids.length === 0) return;
    const generation = this.#generation;
    const films = await db.films.bulkGet(ids);
    if (generation !== this.#generation) return;
    ids.forEach((id, i) => this.#films.set(id, films[i] ?? null));
  }
}

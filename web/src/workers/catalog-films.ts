// Runs in the device worker. The installed catalog's films, read from IndexedDB once per catalog
// version however many ask at once: the one copy of them on the device, which Browse's search
// and Ask's index both hold references into.
import type { CatalogMovie } from '@filmfold/model';
import type { FilmfoldDb } from '$lib/db/database';

export interface CatalogFilms {
  version: string;
  films: CatalogMovie[];
}

let current: CatalogFilms | null = null;
let reading: { version: string; done: Promise<CatalogFilms> } | null = null;

/** The stored catalog's films, or null when none is installed yet. */
export async function catalogFilms(db: FilmfoldDb): Promise<CatalogFilms | null> {
  const snapshot = await db.snapshots.get('catalog');
  if (!snapshot) return null;
  if (current?.version === snapshot.version) return current;
  if (reading?.version !== snapshot.version) {
    const { version } = snapshot;
    const done = db.films
      .toArray()
      .then((films) => (current = { version, films }))
      .finally(() => {
        if (reading?.done === done) reading = null;
      });
    reading = { version, done };
  }
  return reading.done;
}

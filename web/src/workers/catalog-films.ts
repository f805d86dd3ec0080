// Runs in the device worker. The installed catalog's films, read from IndexedDB once per catalog
// version however many ask at once: the one copy of them on the device, which Browse's search
// and Ask's index both hold references into.
import type { CatalogMovie } from '@filmfold/model';
import type { FilmfoldDb } from '$lib/db/database';
import { perVersion } from './per-version';

export interface CatalogFilms {
  version: string;
  films: CatalogMovie[];
}

const films = perVersion<CatalogFilms>();

/** The stored catalog's films, or null when none is installed yet. */
export async function catalogFilms(db: FilmfoldDb): Promise<CatalogFilms | null> {
  const snapshot = await db.snapshots.get('catalog');
  if (!snapshot) return null;
  const { version } = snapshot;
  return films(version, async () => ({ version, films: await db.films.toArray() }));
}

// Runs in browser and worker. The device's one database (Dexie over IndexedDB).
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  CatalogMovie,
  Change,
  Favourite,
  Feedback,
  Rating,
  RecordKind,
  ViewingEntry,
  WatchlistEntry,
} from '@filmfold/model';

/** The newest clock seen for a synced record, kept for deletions too (tombstones). */
export interface CellClock {
  kind: RecordKind;
  key: string;
  hlc: string;
}

/** A local change waiting to be pushed; `seq` orders the outbox. */
export interface OutboxEntry {
  seq?: number;
  change: Change;
}

/** A stored snapshot: what the manifest said, and for the model its bytes. */
export interface SnapshotRow {
  kind: 'catalog' | 'model';
  version: string;
  sha256: string;
  bytes: number;
  storedAt: string;
  data?: Uint8Array;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'filmfold';

/**
 * Tables and their indexes. A new version appends a `this.version(n)` with the changed stores and
 * an `upgrade()` that rewrites old rows; Dexie runs every step a device has missed, in order.
 */
export class FilmfoldDb extends Dexie {
  films!: EntityTable<CatalogMovie, 'id'>;
  ratings!: EntityTable<Rating, 'movieId'>;
  watchlist!: EntityTable<WatchlistEntry, 'movieId'>;
  favourites!: EntityTable<Favourite, 'movieId'>;
  viewings!: EntityTable<ViewingEntry, 'id'>;
  feedback!: EntityTable<Feedback, 'movieId'>;
  clocks!: Table<CellClock, [string, string]>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  snapshots!: EntityTable<SnapshotRow, 'kind'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      films: 'id',
      ratings: 'movieId, ratedAt',
      watchlist: 'movieId, addedAt',
      favourites: 'movieId, addedAt',
      viewings: 'id, movieId, watchedOn',
      feedback: 'movieId',
      clocks: '[kind+key]',
      outbox: '++seq',
      snapshots: 'kind',
      settings: 'key',
    });
  }
}

/** The table that holds each kind of synced record. */
export function recordTable(db: FilmfoldDb, kind: RecordKind): Table<unknown, string | number> {
  const tables = {
    rating: db.ratings,
    watchlist: db.watchlist,
    favourite: db.favourites,
    viewing: db.viewings,
    feedback: db.feedback,
  } as const;
  return tables[kind] as unknown as Table<unknown, string | number>;
}

/** The primary key of a record of `kind` under sync key `key`: a movie id, or a diary id. */
export const recordKey = (kind: RecordKind, key: string): string | number =>
  kind === 'viewing' ? key : Number(key);

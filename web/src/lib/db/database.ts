// Runs in browser and worker. The device's one database (Dexie over IndexedDB).
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Understood } from '@filmfold/model/ask';
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
import { type CatalogColumns, catalogColumns } from '$lib/catalog/catalog-columns';

/** The newest clock seen for a synced record, kept for deletions too (tombstones). */
export interface CellClock {
  kind: RecordKind;
  key: string;
  hlc: string;
}

/**
 * The clock of a cell as this device last knew the server to hold it for `account` (pulled,
 * pushed and acknowledged, or sent back as the winner). Compared by digest with what the server
 * says it holds, so that a change this device missed, or one the server lost, is found.
 */
export interface ServerClock extends CellClock {
  account: string;
}

/** Whose unsent changes these are when nobody is signed in: "this device, signed out". */
export const SIGNED_OUT = '';

/**
 * Local changes waiting to be pushed (one edit, or a batch of an import: see outbox.ts); `seq`
 * orders the outbox. `owner` is the account that was signed in when the changes were made (or
 * SIGNED_OUT): they are only ever pushed to that account.
 */
export interface OutboxEntry {
  seq?: number;
  changes: Change[];
  owner: string;
  /**
   * The server refused this change (a 400): it is set aside, shown, and not pushed again. Only an
   * entry of one change is ever set aside.
   */
  refusal?: string;
}

/** A stored snapshot: what the manifest said (what it holds is in `snapshotData`). */
export interface SnapshotRow {
  kind: 'catalog' | 'model';
  version: string;
  sha256: string;
  bytes: number;
  storedAt: string;
}

/**
 * What the installed snapshots hold beyond the films: the model's bytes, and the catalog's columns
 * for the recommender. Apart from `snapshots`, so that checking which version is installed never
 * reads megabytes.
 */
export type SnapshotData =
  | { kind: 'model'; bytes: Uint8Array }
  | { kind: 'catalog-columns'; columns: CatalogColumns }
  /** The item factors' Gramian, kept by the recommender the first time it loads the model. */
  | { kind: 'model-gramian'; sha256: string; gramian: Float64Array };

/** One exchange with Ask, kept on this device only (never synced), until the person clears it. */
export interface AskTurn {
  id?: number;
  message: string;
  understood: Understood;
  /** The films of the answer, in order ("the second one"). */
  shown: number[];
  reply: string;
  askedAt: string;
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
  serverClocks!: Table<ServerClock, [string, string, string]>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  snapshots!: EntityTable<SnapshotRow, 'kind'>;
  snapshotData!: Table<SnapshotData, SnapshotData['kind']>;
  settings!: EntityTable<SettingRow, 'key'>;
  askHistory!: EntityTable<AskTurn, 'id'>;

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
    // Unsent changes get an owner: the account signed in when they were made, as far as known.
    this.version(2)
      .stores({ outbox: '++seq, owner' })
      .upgrade(async (tx) => {
        const account = (await tx.table('settings').get('account')) as
          { value: { id: string } } | undefined;
        await tx
          .table('outbox')
          .toCollection()
          .modify((entry: OutboxEntry) => {
            entry.owner = account?.value.id ?? SIGNED_OUT;
          });
      });
    // Starts empty: the first digest check re-pulls every bucket once and fills it.
    this.version(3).stores({ serverClocks: '[account+kind+key], account' });
    // Set-aside entries indexed, so that counting what waits never reads the whole outbox.
    this.version(4).stores({ outbox: '++seq, owner, refusal' });
    // An entry holds a list of changes, so that an import queues a few hundred, not thousands.
    this.version(5)
      .stores({})
      .upgrade(async (tx) => {
        await tx
          .table('outbox')
          .toCollection()
          .modify((entry: OutboxEntry & { change?: Change }) => {
            if (entry.change) entry.changes = [entry.change];
            delete entry.change;
          });
      });
    // Ask's conversation history, on this device only.
    this.version(6).stores({ askHistory: '++id' });
    // The model's bytes leave the snapshot row, and the catalog gets the recommender's columns.
    this.version(7)
      .stores({ snapshotData: 'kind' })
      .upgrade(async (tx) => {
        const model = (await tx.table('snapshots').get('model')) as
          (SnapshotRow & { data?: Uint8Array }) | undefined;
        if (model?.data) {
          await tx.table('snapshotData').put({ kind: 'model', bytes: model.data });
          delete model.data;
          await tx.table('snapshots').put(model);
        }
        const films = (await tx.table('films').toArray()) as CatalogMovie[];
        if (films.length)
          await tx
            .table('snapshotData')
            .put({ kind: 'catalog-columns', columns: catalogColumns(films) });
      });
  }

  /** The device's wall clock; tests give each simulated device its own, skewed and drifting. */
  wallClock: () => number = () => Date.now();
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

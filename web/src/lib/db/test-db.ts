// Runs in Node, in tests: a fresh device database over fake-indexeddb.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { FilmfoldDb } from './database';

let opened = 0;

/** A new, empty database on its own in-memory IndexedDB. */
export function testDb(): FilmfoldDb {
  return new FilmfoldDb(`test-${opened++}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

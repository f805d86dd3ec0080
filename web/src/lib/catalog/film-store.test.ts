import { describe, expect, it } from 'vitest';
import { testDb } from '$lib/db/test-db';
import { FilmStore } from './film-store.svelte';
import { film } from './test-films';

/** Lets the store's batched read run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the page’s film store', () => {
  it('reads the films asked for in one batch, and says which the catalog lacks', async () => {
    const db = testDb();
    await db.films.bulkPut([film(1, 'One'), film(2, 'Two'), film(3, 'Three')]);
    const store = new FilmStore();
    store.reset(db);
    expect(store.get(1)).toBeUndefined();
    expect(store.get(3)).toBeUndefined();
    expect(store.get(99)).toBeUndefined();
    await settle();
    expect(store.get(1)?.title).toBe('One');
    expect(store.get(3)?.title).toBe('Three');
    expect(store.get(99)).toBeNull();
    const many = await store.many([2, 3, 99]);
    expect([...many.keys()]).toEqual([2, 3]);
  });

  it('forgets the old catalog’s films when a new one is installed, even a read under way', async () => {
    const db = testDb();
    await db.films.put(film(1, 'Old title'));
    const store = new FilmStore();
    store.reset(db);
    store.get(1);
    await db.films.put(film(1, 'New title'));
    store.reset(db);
    await settle();
    expect(store.get(1)).toBeUndefined();
    await settle();
    expect(store.get(1)?.title).toBe('New title');
  });
});

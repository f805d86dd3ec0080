import { describe, expect, it } from 'vitest';
import { rowScorer, rowsOf, wellLiked } from './ask-scorer';
import { askTestCatalog } from './ask-test-catalog';

const catalog = askTestCatalog();
/** A model that knows the films of even id, each in row id / 2. */
const model = { indexOf: (id: number) => (id % 2 === 0 ? id / 2 : -1) };

describe('rowScorer', () => {
  it('looks up each catalog film’s row once per catalog and model', () => {
    const rows = rowsOf(catalog, model);
    expect(rowsOf(catalog, model)).toBe(rows);
    expect(rows[catalog.placeOf(4)]).toBe(2);
    expect(rows[catalog.placeOf(5)]).toBe(-1);
    expect(rowsOf(catalog, { indexOf: () => 0 })).not.toBe(rows);
  });

  it('gives the person’s scores in the catalog’s order, NaN where the model lacks a film', () => {
    const scores = rowScorer(model, {
      personal: (row) => row * 10,
      similarityTo: () => () => 0,
    }).personal(catalog);
    expect(scores[catalog.placeOf(8)]).toBe(40);
    expect(scores[catalog.placeOf(7)]).toBeNaN();
  });

  it('ranks by how well known and liked a film is when there is no person', () => {
    const scores = rowScorer(model, { similarityTo: () => () => 0 }).personal(catalog);
    expect(scores[catalog.placeOf(5)]).toBe(wellLiked(catalog.byId.get(5)!));
  });

  it('gives similarity in the order of the places asked for', () => {
    const scorer = rowScorer(model, { similarityTo: (to) => (row) => to * 100 + row });
    const at = Int32Array.of(catalog.placeOf(10), catalog.placeOf(3), catalog.placeOf(2));
    const out = Array.from(scorer.similarity(4, catalog, at));
    expect(out).toEqual([205, NaN, 201]);
    expect(Array.from(scorer.similarity(3, catalog, at)).every(Number.isNaN)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { nearestRegion, regionLabels } from './map-regions';

const cluster = (cx: number, cy: number, from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    x: cx + ((i % 5) - 2) * 0.1,
    y: cy + (Math.floor(i / 5) - 2) * 0.1,
    movieId: from + i,
  }));

describe('taste map region labels', () => {
  // Horror films on the left, comedies on the right; dramas everywhere.
  const points = [...cluster(0, 0, 1, 20), ...cluster(10, 10, 101, 20)];
  const genresOf = (id: number) => (id < 100 ? ['Horror', 'Drama'] : ['Comedy', 'Drama']);

  it('names each filled region by what sets it apart, not by what is everywhere', () => {
    const labels = regionLabels(points, genresOf);
    expect(labels.map((l) => l.label).sort()).toEqual(['Comedy', 'Horror']);
    const horror = labels.find((l) => l.label === 'Horror')!;
    expect(horror.x).toBeCloseTo(0, 5);
    expect(horror.films).toBe(20);
  });

  it('names a genre once, by its fullest region, and never by a screen format', () => {
    // Three crime regions: the biggest is Crime, the next falls back to its second genre.
    const crime = [...cluster(0, 0, 1, 30), ...cluster(10, 0, 101, 15), ...cluster(0, 10, 201, 15)];
    const labels = regionLabels(crime, (id) =>
      id < 100 ? ['Crime', 'IMAX'] : id < 200 ? ['Crime', 'Thriller'] : ['IMAX'],
    );
    expect(labels.map((l) => [l.label, l.films])).toEqual([
      ['Crime', 30],
      ['Thriller', 15],
    ]);
  });

  it('leaves sparse regions and an empty map unlabelled', () => {
    expect(regionLabels(points, genresOf, 3, 25)).toEqual([]);
    expect(regionLabels([], genresOf)).toEqual([]);
  });

  it('says which labelled region a film is nearest', () => {
    const labels = regionLabels(points, genresOf);
    expect(nearestRegion({ x: 9, y: 8 }, labels)).toBe('Comedy');
    expect(nearestRegion({ x: 1, y: -1 }, labels)).toBe('Horror');
    expect(nearestRegion({ x: 1, y: 1 }, [])).toBeNull();
  });
});

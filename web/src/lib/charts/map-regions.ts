// Runs in browser and Node. Names for the regions of the taste map: the map is cut into a grid,
// and each well-filled cell is labelled with the genre that is most over-represented in it
// against the whole map (its lift), so that labels say what sets a region apart.

export interface RegionLabel {
  /** Where to write it: the middle of the films in the region, in map coordinates. */
  x: number;
  y: number;
  label: string;
  films: number;
}

interface Placed {
  x: number;
  y: number;
  movieId: number;
}

/** A genre must be this share of a region's films to name it. */
const MIN_SHARE = 0.3;
/** MovieLens tags that say how a film was shown or catalogued, not what it is. */
const NOT_A_TASTE = new Set(['IMAX', '(no genres listed)']);

/**
 * Labels for the cells of a `grid` × `grid` cut of the map holding at least `minFilms` films.
 * @example regionLabels(points, (id) => films.get(id)?.genres ?? [])
 */
export function regionLabels(
  points: readonly Placed[],
  genresOf: (movieId: number) => readonly string[],
  grid = 3,
  minFilms = 12,
): RegionLabel[] {
  if (points.length === 0) return [];
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const cellOf = (value: number, lo: number, hi: number) =>
    hi === lo ? 0 : Math.min(grid - 1, Math.floor(((value - lo) / (hi - lo)) * grid));

  const overall = new Map<string, number>();
  const cells = new Map<number, Placed[]>();
  for (const p of points) {
    for (const genre of genresOf(p.movieId)) overall.set(genre, (overall.get(genre) ?? 0) + 1);
    const cell = cellOf(p.x, x0, x1) * grid + cellOf(p.y, y0, y1);
    const list = cells.get(cell);
    if (list) list.push(p);
    else cells.set(cell, [p]);
  }

  // The fullest regions choose first; each genre names one region only, so a label says where
  // that genre's films gather rather than repeating over half the map.
  const labels: RegionLabel[] = [];
  const used = new Set<string>();
  const filled = [...cells.values()]
    .filter((members) => members.length >= minFilms)
    .sort((a, b) => b.length - a.length);
  for (const members of filled) {
    const counts = new Map<string, number>();
    for (const p of members)
      for (const genre of genresOf(p.movieId)) counts.set(genre, (counts.get(genre) ?? 0) + 1);
    const candidates = [...counts]
      .filter(([genre, count]) => !NOT_A_TASTE.has(genre) && count / members.length >= MIN_SHARE)
      .map(([genre, count]) => ({
        genre,
        lift: count / members.length / (overall.get(genre)! / points.length),
      }))
      .sort((a, b) => b.lift - a.lift || a.genre.localeCompare(b.genre));
    const best = candidates.find((c) => !used.has(c.genre));
    if (!best) continue;
    used.add(best.genre);
    labels.push({
      x: members.reduce((sum, p) => sum + p.x, 0) / members.length,
      y: members.reduce((sum, p) => sum + p.y, 0) / members.length,
      label: best.genre,
      films: members.length,
    });
  }
  return labels;
}

/** The label written nearest to a point, for saying in words where a film sits on the map. */
export function nearestRegion(
  point: { x: number; y: number },
  regions: readonly RegionLabel[],
): string | null {
  let best: RegionLabel | null = null;
  let bestDistance = Infinity;
  for (const region of regions) {
    const distance = (region.x - point.x) ** 2 + (region.y - point.y) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [region, distance];
  }
  return best?.label ?? null;
}

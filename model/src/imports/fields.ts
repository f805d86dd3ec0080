// Runs in browser, worker and Node. The small values exports carry, read the same way for every
// service: ids, years, dates and ratings on other scales.

/** "tt0114709", "0114709", "114709" → "tt0114709"; anything else → null. */
export function imdbIdOf(raw: string | null | undefined): string | null {
  const match = /^(?:tt)?(\d{1,10})$/i.exec((raw ?? '').trim());
  return match ? `tt${match[1]!.padStart(7, '0')}` : null;
}

/** A positive whole TMDB id, or null. */
export function tmdbIdOf(raw: string | number | null | undefined): number | null {
  const value = typeof raw === 'number' ? raw : Number((raw ?? '').trim() || NaN);
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** "1995", "2019–2021" (a series), "2019-" → the first year; else null. */
export function yearOf(raw: string | number | null | undefined): number | null {
  const match = /^(\d{4})/.exec(String(raw ?? '').trim());
  const year = match ? Number(match[1]) : NaN;
  return year >= 1870 && year <= 2100 ? year : null;
}

/** A date or timestamp → its day, YYYY-MM-DD, when it is a real date; else null. */
export function dayOf(raw: string | null | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec((raw ?? '').trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d)
    ? `${y}-${m}-${d}`
    : null;
}

/** A day or timestamp as an ISO timestamp (a bare day is taken at noon UTC), or null. */
export function timestampOf(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim();
  const day = dayOf(text);
  if (!day) return null;
  if (text.length === 10) return `${day}T12:00:00.000Z`;
  const time = Date.parse(text);
  return Number.isNaN(time) ? `${day}T12:00:00.000Z` : new Date(time).toISOString();
}

/**
 * Stars 0.5-5 from a rating on a 10-point scale: 1-10 halves exactly (7 → 3.5); TMDB's half
 * points round to the nearest half star (7.5 → 4). Null for anything outside 0.5-10.
 */
export function starsFromTen(raw: string | number | null | undefined): number | null {
  const value = typeof raw === 'number' ? raw : Number(String(raw ?? '').trim() || NaN);
  if (!Number.isFinite(value) || value < 0.5 || value > 10) return null;
  return Math.min(5, Math.max(0.5, Math.round(value) / 2));
}

/** Letterboxd's half stars (0.5-5), or null. */
export function starsOfFive(raw: string | null | undefined): number | null {
  const value = Number((raw ?? '').trim() || NaN);
  return Number.isFinite(value) && value >= 0.5 && value <= 5 && Number.isInteger(value * 2)
    ? value
    : null;
}

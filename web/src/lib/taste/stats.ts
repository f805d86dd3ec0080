// Runs in browser, worker and Node. The numbers behind the taste page and the PDF report: plain
// functions over the person's ratings and diary, in their time zone.
import type { CatalogMovie, Favourite, Rating, ViewingEntry } from '@filmfold/model';
import { dayNumber, localDay, weekStart } from './local-dates';

/** The catalog's films by id (a Map, or the page's film store: undefined while being read). */
export interface Films {
  get(
    movieId: number,
  ): Pick<CatalogMovie, 'title' | 'year' | 'genres' | 'directors' | 'cast'> | null | undefined;
}

export interface Distribution {
  /** Ratings given at 0.5, 1 … 5 stars. */
  counts: number[];
  total: number;
  mean: number | null;
}

export function ratingDistribution(ratings: readonly Pick<Rating, 'rating'>[]): Distribution {
  const counts = new Array<number>(10).fill(0);
  let sum = 0;
  for (const { rating } of ratings) {
    counts[Math.round(rating * 2) - 1]!++;
    sum += rating;
  }
  return { counts, total: ratings.length, mean: ratings.length ? sum / ratings.length : null };
}

export interface GenreStat {
  genre: string;
  count: number;
  mean: number;
  /** Share of the person's genre tags that are this genre. */
  share: number;
  /** The same share over the community's ratings of the whole catalog. */
  communityShare: number;
}

/** Community ratings per genre over the whole catalog (the device worker counts them). */
export function communityGenreCounts(
  films: Iterable<Pick<CatalogMovie, 'genres' | 'ratingCount'>>,
): Map<string, number> {
  const community = new Map<string, number>();
  for (const film of films) {
    for (const genre of film.genres)
      community.set(genre, (community.get(genre) ?? 0) + film.ratingCount);
  }
  return community;
}

/**
 * Per genre: how many the person rated, how well, and how their mix differs from everyone's
 * (`community`: communityGenreCounts of the catalog).
 */
export function genreStats(
  ratings: readonly Rating[],
  films: Films,
  community: ReadonlyMap<string, number>,
): GenreStat[] {
  const mine = new Map<string, { count: number; sum: number }>();
  let myTotal = 0;
  for (const { movieId, rating } of ratings) {
    for (const genre of films.get(movieId)?.genres ?? []) {
      const stat = mine.get(genre) ?? { count: 0, sum: 0 };
      stat.count++;
      stat.sum += rating;
      mine.set(genre, stat);
      myTotal++;
    }
  }
  let communityTotal = 0;
  for (const count of community.values()) communityTotal += count;
  return [...mine]
    .map(([genre, { count, sum }]) => ({
      genre,
      count,
      mean: sum / count,
      share: count / myTotal,
      communityShare: communityTotal ? (community.get(genre) ?? 0) / communityTotal : 0,
    }))
    .sort((a, b) => b.count - a.count || (a.genre < b.genre ? -1 : 1));
}

export interface PersonStat {
  name: string;
  /** Films of theirs the person rated. */
  count: number;
  mean: number;
}

/**
 * Directors (or cast) of the rated films, by how many of their films the person rated, then by
 * how well; only people with at least `minFilms` rated films. Empty until the catalog carries
 * credits (a server with TMDB).
 */
export function peopleStats(
  ratings: readonly Rating[],
  films: Films,
  role: 'directors' | 'cast',
  minFilms = 2,
): PersonStat[] {
  const people = new Map<string, { count: number; sum: number }>();
  for (const { movieId, rating } of ratings) {
    for (const name of new Set(films.get(movieId)?.[role] ?? [])) {
      const stat = people.get(name) ?? { count: 0, sum: 0 };
      stat.count++;
      stat.sum += rating;
      people.set(name, stat);
    }
  }
  return [...people]
    .filter(([, { count }]) => count >= minFilms)
    .map(([name, { count, sum }]) => ({ name, count, mean: sum / count }))
    .sort((a, b) => b.count - a.count || b.mean - a.mean || (a.name < b.name ? -1 : 1));
}

export interface DecadeStat {
  decade: number;
  count: number;
  mean: number;
}

export function decadeStats(ratings: readonly Rating[], films: Films): DecadeStat[] {
  const decades = new Map<number, { count: number; sum: number }>();
  for (const { movieId, rating } of ratings) {
    const year = films.get(movieId)?.year;
    if (year == null) continue;
    const decade = Math.floor(year / 10) * 10;
    const stat = decades.get(decade) ?? { count: 0, sum: 0 };
    stat.count++;
    stat.sum += rating;
    decades.set(decade, stat);
  }
  return [...decades]
    .map(([decade, { count, sum }]) => ({ decade, count, mean: sum / count }))
    .sort((a, b) => a.decade - b.decade);
}

export interface ActivityBucket {
  /** First day of the week (Monday) or month, YYYY-MM-DD. */
  start: string;
  ratings: number;
  viewings: number;
}

/** Ratings and viewings per week or month in the person's time zone, empty periods included. */
export function activity(
  ratings: readonly Pick<Rating, 'ratedAt'>[],
  viewings: readonly Pick<ViewingEntry, 'watchedOn'>[],
  unit: 'week' | 'month',
  timeZone: string,
): ActivityBucket[] {
  const bucketOf = (day: string) => (unit === 'week' ? weekStart(day) : `${day.slice(0, 7)}-01`);
  const buckets = new Map<string, ActivityBucket>();
  const at = (start: string) => {
    let bucket = buckets.get(start);
    if (!bucket) buckets.set(start, (bucket = { start, ratings: 0, viewings: 0 }));
    return bucket;
  };
  for (const r of ratings) at(bucketOf(localDay(r.ratedAt, timeZone))).ratings++;
  for (const v of viewings) at(bucketOf(v.watchedOn)).viewings++;
  if (buckets.size === 0) return [];
  const starts = [...buckets.keys()].sort();
  const filled: ActivityBucket[] = [];
  for (let start = starts[0]!; start <= starts.at(-1)!; start = next(start, unit))
    filled.push(at(start));
  return filled;
}

function next(start: string, unit: 'week' | 'month'): string {
  if (unit === 'week')
    return new Date((dayNumber(start) + 7) * 86_400_000).toISOString().slice(0, 10);
  const [year, month] = start.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** What a year in review is made of: the person's records, as the device holds them. */
export interface Activity {
  ratings: readonly Rating[];
  viewings: readonly ViewingEntry[];
  favourites: readonly Favourite[];
}

export interface YearInReview {
  year: number;
  /**
   * Distinct films seen that year: logged in the diary or rated then (a rating says the film was
   * seen). The one definition of "films watched", on the page, in the PDF and in the year's list.
   */
  filmsWatched: number;
  viewings: number;
  ratingsGiven: number;
  /** The year's ratings, best first (ties: earlier first). */
  topRated: { movieId: number; rating: number }[];
  /** Films marked favourite (♥) that year: the one definition of a favourite, nothing inferred. */
  newFavourites: number[];
  /**
   * Genre shares that year against the years before, largest change first; empty when there
   * were no years before, since then there is nothing to shift from.
   */
  genreShifts: { genre: string; share: number; before: number }[];
  /** Most consecutive days with a rating or a viewing. */
  longestStreak: number;
}

/** The years with any rating or viewing in the person's time zone, newest first. */
export function reviewYears(
  { ratings, viewings }: Pick<Activity, 'ratings' | 'viewings'>,
  timeZone: string,
): number[] {
  const years = new Set([
    ...ratings.map((r) => Number(localDay(r.ratedAt, timeZone).slice(0, 4))),
    ...viewings.map((v) => Number(v.watchedOn.slice(0, 4))),
  ]);
  return [...years].sort((a, b) => b - a);
}

export function yearInReview(
  year: number,
  { ratings, viewings, favourites }: Activity,
  films: Films,
  timeZone: string,
): YearInReview {
  const prefix = String(year);
  const ratedDay = (r: Rating) => localDay(r.ratedAt, timeZone);
  const thisYear = ratings.filter((r) => ratedDay(r).startsWith(prefix));
  const before = ratings.filter((r) => ratedDay(r) < `${prefix}-01-01`);
  const watched = viewings.filter((v) => v.watchedOn.startsWith(prefix));
  const shares = (list: readonly Rating[]) => {
    const counts = new Map<string, number>();
    let total = 0;
    for (const r of list)
      for (const g of films.get(r.movieId)?.genres ?? []) {
        counts.set(g, (counts.get(g) ?? 0) + 1);
        total++;
      }
    return { counts, total };
  };
  const now = shares(thisYear);
  const then = shares(before);
  const genres = new Set([...now.counts.keys(), ...then.counts.keys()]);
  const days = [...new Set([...thisYear.map(ratedDay), ...watched.map((v) => v.watchedOn)])]
    .map(dayNumber)
    .sort((a, b) => a - b);
  let longestStreak = 0;
  let streak = 0;
  for (let i = 0; i < days.length; i++) {
    streak = i > 0 && days[i]! === days[i - 1]! + 1 ? streak + 1 : 1;
    longestStreak = Math.max(longestStreak, streak);
  }
  return {
    year,
    filmsWatched: new Set([...watched.map((v) => v.movieId), ...thisYear.map((r) => r.movieId)])
      .size,
    viewings: watched.length,
    ratingsGiven: thisYear.length,
    topRated: [...thisYear]
      .sort(
        (a, b) =>
          b.rating - a.rating || a.ratedAt.localeCompare(b.ratedAt) || a.movieId - b.movieId,
      )
      .slice(0, 10)
      .map(({ movieId, rating }) => ({ movieId, rating })),
    newFavourites: favourites
      .filter((f) => localDay(f.addedAt, timeZone).startsWith(prefix))
      .map((f) => f.movieId),
    genreShifts: (then.total === 0 ? [] : [...genres])
      .map((genre) => ({
        genre,
        share: now.total ? (now.counts.get(genre) ?? 0) / now.total : 0,
        before: then.total ? (then.counts.get(genre) ?? 0) / then.total : 0,
      }))
      .sort(
        (a, b) =>
          Math.abs(b.share - b.before) - Math.abs(a.share - a.before) ||
          (a.genre < b.genre ? -1 : 1),
      )
      .slice(0, 5),
    longestStreak,
  };
}

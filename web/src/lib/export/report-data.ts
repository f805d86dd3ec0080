// Runs in browser and Node. What goes into the PDF report, from the person's records and the
// catalog, through the same statistics the taste page shows: one definition of every number.
import type { WatchlistEntry } from '@filmfold/model';
import { localDay } from '$lib/taste/local-dates';
import {
  type Activity,
  type Films,
  genreStats,
  peopleStats,
  ratingDistribution,
  reviewYears,
  yearInReview,
} from '$lib/taste/stats';
import type { ReportData, ReportSection } from './pdf-report';

/** The catalog as the report reads it: the films it names, and everyone's ratings per genre. */
export interface ReportCatalog {
  films: Films;
  /** communityGenreCounts of the whole catalog. */
  genreCounts: ReadonlyMap<string, number>;
}

export interface ReportRequest {
  title: string;
  pageSize: ReportData['pageSize'];
  sections: readonly ReportSection[];
  /** The viewing history's range, as YYYY-MM-DD (empty: unbounded). */
  from: string;
  to: string;
  generatedAt: Date;
  timeZone: string;
}

/** Recommendations as the report lists them (the worker's For you answer, or none). */
export type ReportPicks = { movieId: number; because: number[]; predictedStars: number | null }[];

/** The report's data for `activity` (plus the watchlist, the picks and the posters at hand). */
export function reportData(
  request: ReportRequest,
  activity: Activity & { watchlist: readonly WatchlistEntry[] },
  { films, genreCounts }: ReportCatalog,
  picks: ReportPicks,
  posters: ReportData['posters'] = new Map(),
): ReportData {
  const { ratings, viewings, favourites, watchlist } = activity;
  const film = (id: number) => ({
    movieId: id,
    title: films.get(id)?.title ?? `Film ${id}`,
    year: films.get(id)?.year ?? null,
  });
  const [newestYear] = reviewYears(activity, request.timeZone);
  return {
    title: request.title.trim() || 'My films',
    pageSize: request.pageSize,
    sections: request.sections,
    generatedAt: request.generatedAt,
    ratings: [...ratings]
      .sort((a, b) => b.ratedAt.localeCompare(a.ratedAt) || a.movieId - b.movieId)
      .map((r) => ({
        ...film(r.movieId),
        rating: r.rating,
        ratedOn: localDay(r.ratedAt, request.timeZone),
      })),
    recommendations: picks.map((pick) => ({
      ...film(pick.movieId),
      because: pick.because.slice(0, 2).map((id) => film(id).title),
      predictedStars: pick.predictedStars,
    })),
    favourites: favourites.map((f) => film(f.movieId)),
    watchlist: [...watchlist]
      .sort((a, b) => b.addedAt.localeCompare(a.addedAt))
      .map((w) => ({ ...film(w.movieId), addedAt: w.addedAt })),
    history: [...viewings]
      .sort((a, b) => b.watchedOn.localeCompare(a.watchedOn))
      .filter(
        (v) =>
          (!request.from || v.watchedOn >= request.from) &&
          (!request.to || v.watchedOn <= request.to),
      )
      .map((v) => ({ watchedOn: v.watchedOn, ...film(v.movieId), rating: v.rating })),
    historyRange: { from: request.from || null, to: request.to || null },
    viewingCount: viewings.length,
    distribution: ratingDistribution(ratings),
    genres: genreStats(ratings, films, genreCounts),
    directors: peopleStats(ratings, films, 'directors'),
    review:
      newestYear === undefined ? null : yearInReview(newestYear, activity, films, request.timeZone),
    titleOf: (id) => film(id).title,
    posters,
  };
}

// Runs in the browser. A synced change in a few plain words, for the person who made it.
import type { Change } from '@filmfold/model';

const WHAT: Record<Change['kind'], string> = {
  rating: 'Rating',
  watchlist: 'Watchlist',
  favourite: 'Favourite',
  viewing: 'Diary entry',
  feedback: 'Feedback',
};

/** "Rating for Heat (1995)", "Diary entry removed" …; `title` is the film's, when known. */
export function describeChange(change: Change, title?: string): string {
  if (change.value === null) return `${WHAT[change.kind]} removed`;
  return `${WHAT[change.kind]} for ${title ?? `film ${change.value.movieId}`}`;
}

// Runs in the browser. Dexie live queries as runes: { current, isLoading, error }.
import { liveQuery } from 'dexie';
import { handleError } from '$lib/ui/toasts.svelte';

export interface Live<T> {
  readonly current: T;
  readonly isLoading: boolean;
  readonly error: unknown;
}

/**
 * Runs `query` now and again whenever the tables it read change (in any tab). Reactive values
 * read synchronously inside `query` restart it. Call during component initialisation.
 */
export function live<T>(query: () => Promise<T> | T, initial: T): Live<T> {
  const state = $state({ current: initial, isLoading: true, error: undefined as unknown });
  $effect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        state.current = value;
        state.isLoading = false;
        state.error = undefined;
      },
      error: (err: unknown) => {
        state.error = err;
        state.isLoading = false;
        handleError(err, 'A live query');
      },
    });
    return () => subscription.unsubscribe();
  });
  return state;
}

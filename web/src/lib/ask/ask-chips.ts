// Runs in the browser. What Ask understood, as chips: one per thing it will hold the answer to,
// each knowing the request without it, so that removing a chip re-answers at once.
import { clean, runtimeLabel, type Understood, yearsLabel } from '@filmfold/model/ask';

export interface AskChip {
  key: string;
  label: string;
  /** The request with this chip taken out. */
  without: Understood;
}

const SORTS: Record<NonNullable<Understood['sort']>, string> = {
  trending: 'trending',
  rating: 'best rated',
  popular: 'crowd-pleasers',
  hidden: 'hidden gems',
  newest: 'newest first',
  oldest: 'oldest first',
};

export function chipsOf(u: Understood, titleOf: (movieId: number) => string): AskChip[] {
  const chips: AskChip[] = [];
  const minus = (patch: Partial<Understood>) => clean({ ...u, notUnderstood: undefined, ...patch });
  const each = <K extends keyof Understood>(
    key: K,
    label: (value: NonNullable<Understood[K]> extends (infer T)[] ? T : never) => string,
  ) => {
    const values = (u[key] ?? []) as unknown[];
    values.forEach((value, i) =>
      chips.push({
        key: `${key}-${i}`,
        label: label(value as never),
        without: minus({ [key]: values.filter((_, j) => j !== i) } as Partial<Understood>),
      }),
    );
  };
  each('genres', (g) => g);
  each('excludeGenres', (g) => `no ${g}`);
  each('moods', (m) => m);
  each('excludeMoods', (m) => `nothing ${m}`);
  each('tags', (t) => t);
  each('excludeTags', (t) => `no ${t}`);
  each('people', (p) => (p.role === 'director' ? `by ${p.name}` : `with ${p.name}`));
  each('excludePeople', (p) => `without ${p.name}`);
  each('similarTo', (id) => `like ${titleOf(id)}`);
  each('excludeFilms', (id) => `not ${titleOf(id)}`);
  if (u.yearFrom !== undefined || u.yearTo !== undefined)
    chips.push({
      key: 'years',
      label: yearsLabel(u),
      without: minus({ yearFrom: undefined, yearTo: undefined }),
    });
  if (u.minRuntime !== undefined || u.maxRuntime !== undefined)
    chips.push({
      key: 'runtime',
      label: runtimeLabel(u),
      without: minus({ minRuntime: undefined, maxRuntime: undefined }),
    });
  if (u.sort)
    chips.push({ key: 'sort', label: SORTS[u.sort], without: minus({ sort: undefined }) });
  if (u.count)
    chips.push({ key: 'count', label: `${u.count} films`, without: minus({ count: undefined }) });
  if (u.watchlistOnly)
    chips.push({
      key: 'watchlist',
      label: 'from your watchlist',
      without: minus({ watchlistOnly: undefined }),
    });
  if (u.unseenOnly)
    chips.push({ key: 'unseen', label: 'not seen yet', without: minus({ unseenOnly: undefined }) });
  return chips;
}

// Runs in Node. How well the parser understands the corpus: per field, the share of requests whose
// field is exactly as expected (lists as sets, absent = absent), per intent the share fully right.
import {
  type AskCatalog,
  type AskContext,
  type AskIntent,
  intentOf,
  parseRequest,
  type Understood,
} from '@filmfold/model/ask';
import { type Conversation, SHOWN } from './ask-corpus';

export const SCORED_FIELDS = [
  'genres',
  'excludeGenres',
  'people',
  'excludePeople',
  'similarTo',
  'excludeFilms',
  'yearFrom',
  'yearTo',
  'minRuntime',
  'maxRuntime',
  'moods',
  'excludeMoods',
  'tags',
  'excludeTags',
  'sort',
  'count',
  'watchlistOnly',
  'unseenOnly',
  'info',
  'notUnderstood',
] as const satisfies readonly (keyof Understood)[];

/** A field's value in a form that compares lists as sets. */
function canonical(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return JSON.stringify(value.map((v) => JSON.stringify(v)).sort());
  return JSON.stringify(value);
}

export interface ScoredTurn {
  text: string;
  line: number;
  intent: AskIntent;
  expected: Understood;
  got: Understood;
  wrongFields: string[];
}

/** Parses every turn, each follow-up in the context of the expected turn before it. */
export function scoreCorpus(conversations: Conversation[], catalog: AskCatalog): ScoredTurn[] {
  const scored: ScoredTurn[] = [];
  for (const conversation of conversations) {
    let context: AskContext | undefined;
    for (const turn of conversation.turns) {
      const got = parseRequest(turn.text, catalog, context);
      const wrongFields = SCORED_FIELDS.filter(
        (field) => canonical(got[field]) !== canonical(turn.expected[field]),
      );
      scored.push({ ...turn, intent: intentOf(turn.expected), got, wrongFields });
      // The next turn follows what this one should have understood, so one miss counts once.
      context = { understood: turn.expected, shown: SHOWN };
    }
  }
  return scored;
}

export interface AskReport {
  requests: number;
  fullyRight: number;
  fields: Record<string, number>;
  intents: Record<string, { requests: number; fullyRight: number }>;
}

export function summarise(turns: ScoredTurn[]): AskReport {
  const fields: Record<string, number> = {};
  for (const field of SCORED_FIELDS)
    fields[field] = turns.filter((t) => !t.wrongFields.includes(field)).length / turns.length;
  const intents: AskReport['intents'] = {};
  for (const turn of turns) {
    const row = (intents[turn.intent] ??= { requests: 0, fullyRight: 0 });
    row.requests++;
    if (turn.wrongFields.length === 0) row.fullyRight++;
  }
  return {
    requests: turns.length,
    fullyRight: turns.filter((t) => t.wrongFields.length === 0).length / turns.length,
    fields,
    intents,
  };
}

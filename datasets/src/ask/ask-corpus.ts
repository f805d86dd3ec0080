// Runs in Node. The Ask corpus (ask-corpus.txt): requests as people phrase them and what each must
// be understood as, in conversations; a fixed 30% of the conversations (by a hash of their first
// line) is held back from tuning and reported apart.
import { readFileSync } from 'node:fs';
import { fnv1a32 } from '@filmfold/model';
import {
  type AskCatalog,
  type AskPerson,
  clean,
  PERSON_ROLES,
  type Understood,
} from '@filmfold/model/ask';
import { normaliseTitle } from '@filmfold/model/imports';

export const CORPUS_PATH = new URL('./ask-corpus.txt', import.meta.url);

/** The films a follow-up's context says were shown (the corpus writes them as #1 … #5). */
export const SHOWN = [1, 2, 3, 4, 5];

export interface CorpusTurn {
  text: string;
  expected: Understood;
  line: number;
}

export interface Conversation {
  turns: CorpusTurn[];
  isHeldBack: boolean;
}

/** Held back: 3 in 10 conversations, by the FNV-1a hash of the first line's text. */
export const isHeldBack = (firstText: string) => fnv1a32(firstText) % 10 < 3;

export class CorpusError extends Error {
  override name = 'CorpusError';
}

const LIST_FIELDS = ['genres', 'excludeGenres', 'moods', 'excludeMoods', 'tags', 'excludeTags'];

/** Reads the corpus; films and people in it are looked up in `catalog`, and must be there. */
export function readCorpus(catalog: AskCatalog, text = readFileSync(CORPUS_PATH, 'utf8')) {
  const byTitle = new Map<string, number[]>();
  for (const film of catalog.films)
    for (const title of [film.title, ...film.alternateTitles]) {
      const key = `${normaliseTitle(title)}@${film.year}`;
      byTitle.set(key, [...(byTitle.get(key) ?? []), film.id]);
    }
  const conversations: Conversation[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim() || raw.startsWith('#')) return;
    const isFollowUp = raw.startsWith('> ');
    const [request, fields] = raw.replace(/^> /, '').split(' => ');
    if (fields === undefined) throw new CorpusError(`Line ${line}: no " => " in "${raw}".`);
    const film = (value: string): number => {
      const shown = /^#(\d)$/.exec(value);
      if (shown) return SHOWN[Number(shown[1]) - 1]!;
      const [title, year] = value.split('@');
      const ids = byTitle.get(`${normaliseTitle(title!)}@${year}`);
      if (ids?.length !== 1) throw new CorpusError(`Line ${line}: no one film "${value}".`);
      return ids[0]!;
    };
    const person = (value: string): AskPerson => {
      const [name, role] = value.split('/');
      if (!PERSON_ROLES.includes(role as AskPerson['role']))
        throw new CorpusError(`Line ${line}: "${value}" needs a role.`);
      return { name: name!, role: role as AskPerson['role'] };
    };
    const expected: Record<string, unknown> = {};
    for (const part of fields
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [key, value] = part.split(/=(.*)/s) as [string, string];
      const list = value.split(',').map((v) => v.trim());
      if (LIST_FIELDS.includes(key)) expected[key] = list;
      else if (key === 'people' || key === 'excludePeople') expected[key] = list.map(person);
      else if (key === 'similarTo' || key === 'excludeFilms') expected[key] = list.map(film);
      else if (key === 'notUnderstood') expected[key] = [value.trim()];
      else if (key === 'info') {
        const [kind, title] = value.split(/:(.*)/s);
        expected[key] = { kind, movieId: film(title!) };
      } else if (key === 'sort') expected[key] = value;
      else if (key === 'watchlistOnly' || key === 'unseenOnly') expected[key] = value === 'true';
      else if (['yearFrom', 'yearTo', 'minRuntime', 'maxRuntime', 'count'].includes(key))
        expected[key] = Number(value);
      else throw new CorpusError(`Line ${line}: unknown field "${key}".`);
    }
    const turn = { text: request!, expected: clean(expected as Understood), line };
    if (isFollowUp) {
      const last = conversations.at(-1);
      if (!last) throw new CorpusError(`Line ${line}: a follow-up needs a line before it.`);
      last.turns.push(turn);
    } else conversations.push({ turns: [turn], isHeldBack: isHeldBack(request!) });
  });
  return conversations;
}

import { fileURLToPath } from 'node:url';
import { AskCatalog, understoodSchema } from '@filmfold/model/ask';
import { beforeAll, describe, expect, it } from 'vitest';
import { openMovieLens } from '../movielens/open-movielens';
import { type Conversation, CorpusError, readCorpus } from './ask-corpus';
import { loadAskFilms } from './ask-films';

const shared = (path: string) =>
  fileURLToPath(new URL(`../../../../shared/datasets/${path}`, import.meta.url));

describe('the Ask corpus', () => {
  let catalog: AskCatalog;
  let conversations: Conversation[];
  beforeAll(async () => {
    const files = await openMovieLens({ path: shared('ml-latest-small') });
    catalog = new AskCatalog(await loadAskFilms(files, shared('metadata/movie_metadata.csv')));
    await files.close();
    conversations = readCorpus(catalog);
  }, 60_000);

  it('has at least 400 requests, each a valid request naming films and people the catalog has', () => {
    const turns = conversations.flatMap((c) => c.turns);
    expect(turns.length).toBeGreaterThanOrEqual(400);
    for (const turn of turns) expect(understoodSchema.safeParse(turn.expected).success).toBe(true);
    expect(conversations.filter((c) => c.turns.length > 1).length).toBeGreaterThanOrEqual(20);
  });

  it('holds back about 30% of the conversations, fixed by their text', () => {
    const share = conversations.filter((c) => c.isHeldBack).length / conversations.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
    expect(readCorpus(catalog).map((c) => c.isHeldBack)).toEqual(
      conversations.map((c) => c.isHeldBack),
    );
  });

  it('names the line of a film it cannot find', () => {
    expect(() => readCorpus(catalog, 'like it => similarTo=No Such Film@1900')).toThrow(
      new CorpusError('Line 1: no one film "No Such Film@1900".'),
    );
  });
});

// Runs in Node. `npm run eval -- --ask`: the Ask corpus parsed on a catalog, per field and per
// intent, for the tuning part and the held-back part apart.
import type { RatingTable } from '@filmfold/model';
import { AskCatalog, type AskFilm } from '@filmfold/model/ask';
import { likeXReport } from './like-eval';
import { readCorpus } from './ask-corpus';
import { type AskReport, SCORED_FIELDS, scoreCorpus, summarise } from './ask-score';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function askReport(films: readonly AskFilm[], table: RatingTable): string {
  const catalog = new AskCatalog(films);
  const like = likeXReport(table, catalog);
  const conversations = readCorpus(catalog);
  const parts: [string, AskReport][] = [
    [
      'tuning',
      summarise(
        scoreCorpus(
          conversations.filter((c) => !c.isHeldBack),
          catalog,
        ),
      ),
    ],
    [
      'held back',
      summarise(
        scoreCorpus(
          conversations.filter((c) => c.isHeldBack),
          catalog,
        ),
      ),
    ],
  ];
  const intents = [...new Set(parts.flatMap(([, r]) => Object.keys(r.intents)))].sort();
  return [
    `Ask corpus: ${parts.map(([name, r]) => `${r.requests} requests ${name}`).join(', ')} (30% of conversations held back by hash, never tuned on).`,
    '',
    `| part | requests | fully right |`,
    '| --- | ---: | ---: |',
    ...parts.map(([name, r]) => `| ${name} | ${r.requests} | ${percent(r.fullyRight)} |`),
    '',
    `| field | ${parts.map(([name]) => name).join(' | ')} |`,
    `| --- | ${parts.map(() => '---:').join(' | ')} |`,
    ...SCORED_FIELDS.map(
      (field) => `| ${field} | ${parts.map(([, r]) => percent(r.fields[field]!)).join(' | ')} |`,
    ),
    '',
    `| intent | ${parts.map(([name]) => `${name} (n) | fully right`).join(' | ')} |`,
    `| --- | ${parts.map(() => '---: | ---:').join(' | ')} |`,
    ...intents.map((intent) => {
      const cells = parts.map(([, r]) => {
        const row = r.intents[intent];
        return row ? `${row.requests} | ${percent(row.fullyRight / row.requests)}` : '0 | –';
      });
      return `| ${intent} | ${cells.join(' | ')} |`;
    }),
    '',
    `"Like X" for the ${like.films} most rated films X (model trained on 80% of users; the share of each list's 10 films that the other 20% who rated X 4★+ also rated 4★+):`,
    '',
    '| list | co-liked share | lift over everyone |',
    '| --- | ---: | ---: |',
    `| Ask "like X" (similarity blended with quality) | ${percent(like.coLiked.ask)} | ${like.lift.ask.toFixed(2)} |`,
    `| More like this (item similarity) | ${percent(like.coLiked.moreLikeThis)} | ${like.lift.moreLikeThis.toFixed(2)} |`,
    `| The 10 most rated films (reference) | ${percent(like.coLiked.popular)} | ${like.lift.popular.toFixed(2)} |`,
  ].join('\n');
}

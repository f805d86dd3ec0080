// Runs in Node. `npm run eval -- --ask`: the Ask corpus parsed on a catalog, per field and per
// intent, for the tuning part and the held-back part apart.
import { AskCatalog, type AskFilm } from '@filmfold/model/ask';
import { readCorpus } from './ask-corpus';
import { type AskReport, SCORED_FIELDS, scoreCorpus, summarise } from './ask-score';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function askReport(films: readonly AskFilm[]): string {
  const catalog = new AskCatalog(films);
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
  ].join('\n');
}

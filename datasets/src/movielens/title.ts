// Runs in Node (pure string work, no I/O).

/** Articles that MovieLens moves to the end of a title: "American President, The". */
const TRAILING_ARTICLES = [
  'The',
  'A',
  'An',
  'Les',
  'La',
  'Le',
  "L'",
  'Il',
  'Lo',
  'Gli',
  'I',
  'Das',
  'Der',
  'Die',
  'Den',
  'Det',
  'Het',
  'El',
  'Los',
  'Las',
  'Un',
  'Une',
  'Uno',
  'Una',
  'Ein',
  'Eine',
  'O',
];
const ARTICLE_SUFFIX = new RegExp(`^(.*), (${TRAILING_ARTICLES.map(escape).join('|')})$`);
const YEAR_SUFFIX = /\s*\((\d{4})(?:[-–]\d{0,4})?\)\s*$/;
const PAREN_SUFFIX = /\s*\(([^()]+)\)\s*$/;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\']/g, '\\$&');
}

export interface ParsedTitle {
  title: string;
  alternateTitles: string[];
  year: number | null;
}

/**
 * Splits a MovieLens title into display title, alternate titles and year.
 * @example parseMovieLensTitle('City of Lost Children, The (Cité des enfants perdus, La) (1995)')
 * // { title: 'The City of Lost Children', alternateTitles: ['La Cité des enfants perdus'], year: 1995 }
 */
export function parseMovieLensTitle(raw: string): ParsedTitle {
  let rest = raw.trim();
  let year: number | null = null;
  const yearMatch = YEAR_SUFFIX.exec(rest);
  if (yearMatch) {
    year = Number(yearMatch[1]);
    rest = rest.slice(0, yearMatch.index).trim();
  }
  const alternates: string[] = [];
  // Trailing "(...)" groups are other titles, unless nothing would be left of the main title.
  for (
    let match = PAREN_SUFFIX.exec(rest);
    match && match.index > 0;
    match = PAREN_SUFFIX.exec(rest)
  ) {
    alternates.unshift(match[1]!.replace(/^a\.k\.a\.\s*/i, '').trim());
    rest = rest.slice(0, match.index).trim();
  }
  return {
    title: frontArticle(rest || raw.trim()),
    alternateTitles: alternates.filter((t) => t.length > 0).map(frontArticle),
    year,
  };
}

/** "American President, The" -> "The American President"; "Homme d'à côté, L'" -> "L'Homme d'à côté". */
export function frontArticle(title: string): string {
  const match = ARTICLE_SUFFIX.exec(title);
  if (!match) return title;
  const [, body, article] = match;
  return article!.endsWith("'") ? `${article}${body}` : `${article} ${body}`;
}

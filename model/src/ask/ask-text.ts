// Runs in browser, worker and Node. Text as the request parser reads it: lower case, accents
// folded, contractions spelled out, punctuation as spaces; and how far apart two words are.

const CONTRACTIONS: [RegExp, string][] = [
  [/\bwhat s\b/g, 'what is'],
  [/\bwhats\b/g, 'what is'],
  [/\bwho s\b/g, 'who is'],
  [/\bwhos\b/g, 'who is'],
  [/\bwhere s\b/g, 'where is'],
  [/\bit s\b/g, 'it is'],
  [/\bthat s\b/g, 'that is'],
  [/\blet s\b/g, 'let us'],
  [/\b(have|has|did|do|does|is|are|was|were|could|would|should)n t\b/g, '$1 not'],
  [/\bcan t\b/g, 'can not'],
  [/\bcant\b/g, 'can not'],
  [/\bwon t\b/g, 'will not'],
  [/\bi ve\b/g, 'i have'],
  [/\bive\b/g, 'i have'],
  [/\bi m\b/g, 'i am'],
  [/\bi d\b/g, 'i would'],
  [/\bi ll\b/g, 'i will'],
  [/\byou re\b/g, 'you are'],
];

const SPELLED_NOT: Record<string, string> = {
  havent: 'have not',
  hasnt: 'has not',
  didnt: 'did not',
  dont: 'do not',
  doesnt: 'does not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
};

/** Folds accents and case: "Amélie" → "amelie". */
export const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * A request as the rules read it: "What's a good 80's horror?" → "what is a good 80s horror".
 * Decade apostrophes go ("'90s", "90's"), a possessive "'s" goes ("nolan's" → "nolan").
 */
export function normaliseRequest(text: string): string {
  let out = fold(text)
    .replace(/[’‘`´]/g, "'")
    .replace(/(\d)'s\b/g, '$1s')
    .replace(/'(\d0s)\b/g, '$1')
    .replace(/(\d{2,4}) ?- ?(\d{2,4})/g, '$1 to $2')
    .replace(/(\d)(mins?|minutes|hrs?|hours?|h)\b/g, '$1 $2')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .replace(/'/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, spelled] of CONTRACTIONS) out = out.replace(pattern, spelled);
  out = out.replace(
    /\b(havent|hasnt|didnt|dont|doesnt|isnt|arent|wasnt)\b/g,
    (w) => SPELLED_NOT[w]!,
  );
  // Possessives: "nolan s films" → "nolan films" (contractions were spelled out above).
  return out.replace(/(\p{L}) s\b/gu, '$1');
}

/**
 * Edits between two strings, a swap of neighbours counting as one (optimal string alignment);
 * stops early and returns `limit + 1` once the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Typos a word of this length may carry and still be recognised. */
export const typosAllowed = (word: string) => (word.length < 5 ? 0 : word.length < 9 ? 1 : 2);

// Runs in browser, worker and Node. Text that every store can hold: PostgreSQL's text and jsonb
// refuse a NUL character, and JSON cannot carry a lone UTF-16 surrogate faithfully.
import { z } from 'zod';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` holds a NUL or a surrogate half without its partner. */
export function hasUnstorableCharacters(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

export const UNSTORABLE_TEXT_MESSAGE =
  'Text may not contain a NUL character or a broken (unpaired) surrogate.';

/** A string of storable characters: no NUL, no lone surrogates. Chain .max() and the like on it. */
export const storableText = () =>
  z.string().refine((text) => !hasUnstorableCharacters(text), UNSTORABLE_TEXT_MESSAGE);

// Runs in browser, worker and Node.
import { z } from 'zod';

/** An expected outcome of parsing: a value, or a message a person can read. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Parses `input` with `schema`, turning failures into one readable message.
 * @example parseWith(ratingSchema, json) // { ok: false, error: '✖ Ratings go from 0.5 to 5 …\n  → at rating' }
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
): ParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: z.prettifyError(result.error) };
}

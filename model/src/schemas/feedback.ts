// Runs in browser, worker and Node.
import { z } from 'zod';
import { instantSchema, movieIdSchema } from './ids';

/** What a person can say about a recommendation. */
export const FEEDBACK_KINDS = ['helpful', 'not-for-me', 'hide', 'already-seen'] as const;

export const feedbackKindSchema = z.enum(FEEDBACK_KINDS, {
  error: `Feedback is one of: ${FEEDBACK_KINDS.join(', ')}.`,
});
export type FeedbackKind = z.infer<typeof feedbackKindSchema>;

/** Feedback on one recommended film; a training signal kept like a rating. */
export const feedbackSchema = z.object({
  movieId: movieIdSchema,
  kind: feedbackKindSchema,
  givenAt: instantSchema,
});
export type Feedback = z.infer<typeof feedbackSchema>;

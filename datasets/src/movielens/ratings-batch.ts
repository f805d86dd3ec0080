// Runs in Node. Turns text fields into validated ratings, a batch of typed columns at a time.
import { type RatingTable, RatingTableBuilder } from '@filmfold/model';
import { ParseError } from '../errors';

/** Ratings per batch: small enough that memory stays bounded, large enough to be cheap. */
export const RATING_BATCH_SIZE = 65_536;

const MAX_TIMESTAMP = 0xffffffff;

/** Collects parsed ratings into batches; `push` validates each field. */
export class RatingBatcher {
  private builder = new RatingTableBuilder(RATING_BATCH_SIZE);

  constructor(private readonly file: string) {}

  get isFull(): boolean {
    return this.builder.length >= RATING_BATCH_SIZE;
  }

  get isEmpty(): boolean {
    return this.builder.length === 0;
  }

  push(
    line: number,
    userId: string | undefined,
    movieId: string | undefined,
    rating: string | undefined,
    timestamp: string | undefined,
  ): void {
    const u = this.id(line, 'userId', userId);
    const m = this.id(line, 'movieId', movieId);
    const r = Number(rating);
    if (!(r >= 0.5 && r <= 5 && Number.isInteger(r * 2))) {
      throw new ParseError(
        this.file,
        line,
        `rating ${JSON.stringify(rating)} is not 0.5-5 stars in half steps`,
      );
    }
    const t = Number(timestamp);
    if (!Number.isInteger(t) || t < 0 || t > MAX_TIMESTAMP || timestamp === '') {
      throw new ParseError(
        this.file,
        line,
        `timestamp ${JSON.stringify(timestamp)} is not seconds since 1970`,
      );
    }
    this.builder.push(u, m, r, t);
  }

  /** The batch so far; the batcher starts a new one. */
  take(): RatingTable {
    const batch = this.builder.build();
    this.builder = new RatingTableBuilder(RATING_BATCH_SIZE);
    return batch;
  }

  private id(line: number, column: string, text: string | undefined): number {
    const value = Number(text);
    if (!Number.isInteger(value) || value <= 0 || value > 0x7fffffff || text === '') {
      throw new ParseError(
        this.file,
        line,
        `${column} ${JSON.stringify(text)} is not a positive whole number`,
      );
    }
    return value;
  }
}

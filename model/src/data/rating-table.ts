// Runs in browser, worker and Node.

/**
 * Ratings of many people, column by column: one typed array per field, so that
 * millions of ratings cost 16 bytes each and no object per rating.
 */
export interface RatingTable {
  readonly length: number;
  readonly userIds: Int32Array;
  readonly movieIds: Int32Array;
  /** Stars, 0.5-5. */
  readonly ratings: Float32Array;
  /** Seconds since the Unix epoch. */
  readonly timestamps: Uint32Array;
}

/** Grows a RatingTable row by row, doubling its arrays; `build()` trims them. */
export class RatingTableBuilder {
  private capacity: number;
  private size = 0;
  private userIds: Int32Array;
  private movieIds: Int32Array;
  private ratings: Float32Array;
  private timestamps: Uint32Array;

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(1, initialCapacity);
    this.userIds = new Int32Array(this.capacity);
    this.movieIds = new Int32Array(this.capacity);
    this.ratings = new Float32Array(this.capacity);
    this.timestamps = new Uint32Array(this.capacity);
  }

  get length(): number {
    return this.size;
  }

  push(userId: number, movieId: number, rating: number, timestamp: number): void {
    if (this.size === this.capacity) this.grow();
    const i = this.size++;
    this.userIds[i] = userId;
    this.movieIds[i] = movieId;
    this.ratings[i] = rating;
    this.timestamps[i] = timestamp;
  }

  /** Appends every row of another table. */
  append(table: RatingTable): void {
    while (this.capacity < this.size + table.length) this.grow();
    this.userIds.set(table.userIds.subarray(0, table.length), this.size);
    this.movieIds.set(table.movieIds.subarray(0, table.length), this.size);
    this.ratings.set(table.ratings.subarray(0, table.length), this.size);
    this.timestamps.set(table.timestamps.subarray(0, table.length), this.size);
    this.size += table.length;
  }

  build(): RatingTable {
    return {
      length: this.size,
      userIds: this.userIds.slice(0, this.size),
      movieIds: this.movieIds.slice(0, this.size),
      ratings: this.ratings.slice(0, this.size),
      timestamps: this.timestamps.slice(0, this.size),
    };
  }

  private grow(): void {
    this.capacity *= 2;
    this.userIds = resized(this.userIds, new Int32Array(this.capacity));
    this.movieIds = resized(this.movieIds, new Int32Array(this.capacity));
    this.ratings = resized(this.ratings, new Float32Array(this.capacity));
    this.timestamps = resized(this.timestamps, new Uint32Array(this.capacity));
  }
}

function resized<T extends Int32Array | Float32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The rows of `table` whose index passes `keep`, in their original order. */
export function selectRows(table: RatingTable, keep: (row: number) => boolean): RatingTable {
  const builder = new RatingTableBuilder(table.length);
  for (let row = 0; row < table.length; row++) {
    if (keep(row)) {
      builder.push(table.userIds[row]!, table.movieIds[row]!, table.ratings[row]!, table.timestamps[row]!);
    }
  }
  return builder.build();
}

/** The table as [userId, movieId, rating, timestamp] rows, for tests and small exports. */
export function tableRows(table: RatingTable): [number, number, number, number][] {
  return Array.from({ length: table.length }, (_, r) => [
    table.userIds[r]!,
    table.movieIds[r]!,
    table.ratings[r]!,
    table.timestamps[r]!,
  ]);
}

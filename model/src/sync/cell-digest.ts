// Runs in browser, worker and Node.
// A digest of a person's synced cells, so that a device and the server can tell cheaply whether
// they hold the same clocks, and if not, where they differ. The idea is Actual Budget's Merkle trie
// of message times, flattened to one level: cells fall into DIGEST_BUCKETS buckets by their key,
// and each bucket's digest is the XOR of a 64-bit hash of every (kind, key, clock) in it. XOR makes
// the digest independent of order and cheap to compute from rows read in any order.
import { fnv1a32 } from '../eval/fnv1a';

/** How many buckets a person's cells are split into: a mismatch re-pulls only its buckets. */
export const DIGEST_BUCKETS = 32;

/** What a digest is made of: which cell, and the clock of its value. */
export interface CellStamp {
  kind: string;
  key: string;
  hlc: string;
}

/** The bucket a cell belongs to, from its kind and key (never its clock: it must stay put). */
export const cellBucket = (kind: string, key: string): number =>
  fnv1a32(`${kind}\u0000${key}`) % DIGEST_BUCKETS;

/** Two independent FNV-1a words: 64 bits per cell, so that chance agreement is negligible. */
function cellHash(cell: CellStamp): [number, number] {
  const text = `${cell.kind}\u0000${cell.key}\u0000${cell.hlc}`;
  return [fnv1a32(`a${text}`), fnv1a32(`b${text}`)];
}

const hex = (word: number) => (word >>> 0).toString(16).padStart(8, '0');

/**
 * The digest of a set of cells: one 16-hex-digit string per bucket, `DIGEST_BUCKETS` of them.
 * @example cellDigest([{ kind: 'rating', key: '1', hlc: '2024-05-01T20:15:00.000Z-0000-d1' }])
 */
export function cellDigest(cells: Iterable<CellStamp>): string[] {
  const words = new Uint32Array(DIGEST_BUCKETS * 2);
  for (const cell of cells) {
    const bucket = cellBucket(cell.kind, cell.key);
    const [high, low] = cellHash(cell);
    words[bucket * 2] = words[bucket * 2]! ^ high;
    words[bucket * 2 + 1] = words[bucket * 2 + 1]! ^ low;
  }
  return Array.from(
    { length: DIGEST_BUCKETS },
    (_, b) => hex(words[b * 2]!) + hex(words[b * 2 + 1]!),
  );
}

/** The buckets where two digests disagree, ascending. */
export function differingBuckets(a: readonly string[], b: readonly string[]): number[] {
  const differ: number[] = [];
  for (let bucket = 0; bucket < DIGEST_BUCKETS; bucket++) {
    if (a[bucket] !== b[bucket]) differ.push(bucket);
  }
  return differ;
}

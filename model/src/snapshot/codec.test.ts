import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillNormal, mulberry32 } from '../random';
import { STAR_DEFAULTS, IMPLICIT_DEFAULTS } from '../recommender/filmfold';
import { decodeSnapshot, encodeSnapshot } from './codec';
import { fromHalf, toHalf } from './float16';
import type { Quantization } from './quantize';
import { type Snapshot, SNAPSHOT_FORMAT_VERSION } from './snapshot';

function snapshotOf(n: number, k: number, seed: number, withExtras = true): Snapshot {
  const random = mulberry32(seed);
  return {
    createdAt: '2026-11-22T00:00:00.000Z',
    movieIds: Int32Array.from({ length: n }, (_, i) => 1 + i * 3),
    itemCounts: Uint32Array.from({ length: n }, (_, i) => (i * 7) % 50),
    implicit: {
      params: { ...IMPLICIT_DEFAULTS, factors: k },
      factors: fillNormal(new Float32Array(n * k), random, 0.3),
    },
    stars: withExtras
      ? {
          params: { ...STAR_DEFAULTS, factors: k },
          globalMean: 3.5,
          itemBias: fillNormal(new Float32Array(n), random, 0.5),
          factors: fillNormal(new Float32Array(n * k), random, 0.2),
          blend: { stars: 1.01, implicit: 0.6, offset: -0.15 },
        }
      : null,
    content: withExtras
      ? {
          vocabulary: ['genre:drama', 'tag:twist ending', 'cast:zoë kravitz'],
          idf: Float32Array.of(1.2, 3.4, 5.6),
          k,
          map: fillNormal(new Float32Array(3 * k), random, 0.1),
        }
      : null,
    training: { source: 'test', ratings: 1234, users: 56, items: n, trainMs: 7.5 },
  };
}

const maxError = (a: Float32Array, b: Float32Array) =>
  a.reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i]!)), 0);

describe('snapshot codec', () => {
  it('round-trips exactly in float32, with or without stars and content', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer(),
        fc.boolean(),
        (n, k, seed, extras) => {
          const snapshot = snapshotOf(n, k, seed, extras);
          expect(decodeSnapshot(encodeSnapshot(snapshot, 'float32'))).toEqual(snapshot);
        },
      ),
      { numRuns: 40 },
    );
  });

  it.each([
    ['float16', 1e-3],
    ['int8', 1 / 127 / 2 + 1e-6],
  ] as [Quantization, number][])(
    'round-trips %s within its rounding error, metadata exactly',
    (quantization, relative) => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 40 }),
          fc.integer({ min: 2, max: 16 }),
          fc.integer(),
          (n, k, seed) => {
            const snapshot = snapshotOf(n, k, seed);
            const decoded = decodeSnapshot(encodeSnapshot(snapshot, quantization));
            const largest = snapshot.implicit.factors.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
            expect(
              maxError(decoded.implicit.factors, snapshot.implicit.factors),
            ).toBeLessThanOrEqual(largest * relative);
            expect(decoded.movieIds).toEqual(snapshot.movieIds);
            expect(decoded.itemCounts).toEqual(snapshot.itemCounts);
            expect(decoded.stars!.itemBias).toEqual(snapshot.stars!.itemBias); // biases stay float32
            expect(decoded.content).toEqual(snapshot.content);
            expect(decoded.training).toEqual(snapshot.training);
          },
        ),
        { numRuns: 30 },
      );
    },
  );

  it('int8 is about a quarter of float32', () => {
    const snapshot = snapshotOf(2000, 64, 1, false);
    const float32 = encodeSnapshot(snapshot, 'float32').length;
    const int8 = encodeSnapshot(snapshot, 'int8').length;
    expect(int8 / float32).toBeLessThan(0.3);
  });

  it('refuses a damaged snapshot, naming the checksum', () => {
    const bytes = encodeSnapshot(snapshotOf(10, 4, 1), 'int8');
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0x01;
    expect(() => decodeSnapshot(bytes)).toThrow(
      expect.objectContaining({
        name: 'SnapshotError',
        message: expect.stringMatching(/damaged: its SHA-256 checksum/),
      }),
    );
  });

  it('refuses another format version, saying which to update', () => {
    const bytes = encodeSnapshot(snapshotOf(10, 4, 1), 'int8');
    new DataView(bytes.buffer).setUint32(4, SNAPSHOT_FORMAT_VERSION + 1, true);
    expect(() => decodeSnapshot(bytes)).toThrow(
      /format version 2; this version of Filmfold reads version 1\. Update the app\./,
    );
  });

  it.each([
    ['empty bytes', new Uint8Array(0)],
    ['a PNG', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, ...new Array(60).fill(0))],
  ])('refuses %s as not a snapshot', (_label, bytes) => {
    expect(() => decodeSnapshot(bytes)).toThrow(/not a Filmfold model snapshot/);
  });

  it('refuses a truncated snapshot', () => {
    const bytes = encodeSnapshot(snapshotOf(10, 4, 1), 'int8');
    expect(() => decodeSnapshot(bytes.subarray(0, bytes.length - 100))).toThrow(
      expect.objectContaining({ name: 'SnapshotError' }),
    );
  });
});

describe('float16', () => {
  it.each([
    [1, 0x3c00],
    [-2, 0xc000],
    [65504, 0x7bff],
    [1e6, 0x7c00],
    [2 ** -24, 0x0001],
    [0, 0],
  ])('encodes %d as %i', (value, bits) => {
    expect(toHalf(value)).toBe(bits);
  });

  it('round-trips every float16 bit pattern except NaN', () => {
    for (let bits = 0; bits < 0x10000; bits++) {
      const value = fromHalf(bits);
      if (Number.isNaN(value)) continue;
      expect(toHalf(value)).toBe(bits === 0x8000 ? 0x8000 : bits);
    }
  });
});

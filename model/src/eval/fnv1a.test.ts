import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a32, fnv1a32Pair } from './fnv1a';

/** UTF-8 bytes by way of encodeURIComponent's %XX escapes (model/ has no TextEncoder type). */
function utf8Bytes(text: string): number[] {
  const escaped = encodeURIComponent(text);
  const bytes: number[] = [];
  for (let k = 0; k < escaped.length; k++) {
    if (escaped[k] === '%') {
      bytes.push(parseInt(escaped.slice(k + 1, k + 3), 16));
      k += 2;
    } else {
      bytes.push(escaped.charCodeAt(k));
    }
  }
  return bytes;
}

/** Byte-level reference: FNV-1a with BigInt arithmetic over UTF-8 bytes. */
function referenceFnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const b of utf8Bytes(text)) {
    hash ^= b;
    hash = Number((BigInt(hash) * 0x01000193n) & 0xffffffffn);
  }
  return hash >>> 0;
}

describe('fnv1a32', () => {
  // Published FNV-1a 32-bit test vectors.
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j to the published value', (text, expected) => {
    expect(fnv1a32(text)).toBe(expected);
  });

  it('equals a byte-level reference over UTF-8 for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(fnv1a32(text)).toBe(referenceFnv1a32(text));
      }),
    );
  });
});

describe('fnv1a32Pair', () => {
  it('hashes exactly as fnv1a32 of the joined key', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer(), fc.integer(), (prefix, a, b) => {
        expect(fnv1a32Pair(prefix, a, b)).toBe(fnv1a32(`${prefix}${a}:${b}`));
      }),
    );
    expect(fnv1a32Pair('blend:', 0, Number.MAX_SAFE_INTEGER)).toBe(
      fnv1a32(`blend:0:${Number.MAX_SAFE_INTEGER}`),
    );
    expect(fnv1a32Pair('blend:', 1.5, 2)).toBe(fnv1a32('blend:1.5:2'));
  });
});

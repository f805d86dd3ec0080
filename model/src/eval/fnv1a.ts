// Runs in browser, worker and Node.

const OFFSET_BASIS = 0x811c9dc5;
const PRIME = 0x01000193;

/** FNV-1a, 32-bit, over the UTF-8 bytes of `text` (Fowler, Noll, Vo). Returns an unsigned int. */
export function fnv1a32(text: string): number {
  let hash = OFFSET_BASIS;
  const byte = (b: number) => {
    hash ^= b;
    hash = Math.imul(hash, PRIME);
  };
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp < 0x80) {
      byte(cp);
    } else if (cp < 0x800) {
      byte(0xc0 | (cp >> 6));
      byte(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      byte(0xe0 | (cp >> 12));
      byte(0x80 | ((cp >> 6) & 0x3f));
      byte(0x80 | (cp & 0x3f));
    } else {
      byte(0xf0 | (cp >> 18));
      byte(0x80 | ((cp >> 12) & 0x3f));
      byte(0x80 | ((cp >> 6) & 0x3f));
      byte(0x80 | (cp & 0x3f));
    }
  }
  return hash >>> 0;
}

/**
 * fnv1a32(`${prefix}${a}:${b}`) for integers a and b, without building the string: the shared
 * trainer hashes every rating this way.
 */
export function fnv1a32Pair(prefix: string, a: number, b: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return fnv1a32(`${prefix}${a}:${b}`);
  let hash = OFFSET_BASIS;
  for (let i = 0; i < prefix.length; i++) {
    const code = prefix.charCodeAt(i);
    if (code >= 0x80) return fnv1a32(`${prefix}${a}:${b}`);
    hash = Math.imul(hash ^ code, PRIME);
  }
  hash = hashDigits(hash, a);
  hash = Math.imul(hash ^ 0x3a, PRIME); // ':'
  return hashDigits(hash, b) >>> 0;
}

const digits = new Uint8Array(20);

function hashDigits(hash: number, value: number): number {
  if (value < 0) hash = Math.imul(hash ^ 0x2d, PRIME); // '-'
  let rest = Math.abs(value);
  let count = 0;
  do {
    digits[count++] = 0x30 + (rest % 10);
    rest = Math.floor(rest / 10);
  } while (rest > 0);
  while (count > 0) hash = Math.imul(hash ^ digits[--count]!, PRIME);
  return hash;
}

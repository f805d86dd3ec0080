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

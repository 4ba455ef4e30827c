/**
 * 32-bit hashing of token norms and word n-gram shingles. Hashes are signed
 * int32 values so V8 keeps them as small integers (cheap Map keys, Int32Array).
 */

/** FNV-1a over UTF-16 code units, finished with MurmurHash3's fmix32 for better low bits. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** MurmurHash3's 32-bit finalizer (Appleby 2011): spreads every input bit over the output. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Order-sensitive hash of `n` consecutive token hashes starting at `from`. */
export function hashShingle(tokenHashes: Int32Array, from: number, n: number): number {
  let h = 0x2545f491 ^ n;
  for (let k = 0; k < n; k++) h = Math.imul(h ^ tokenHashes[from + k]!, 0x01000193) + k;
  return fmix32(h);
}

/** All shingle hashes of a token-hash sequence (length `max(0, T - n + 1)`). */
export function shingleHashes(tokenHashes: Int32Array, n: number): Int32Array {
  const count = Math.max(0, tokenHashes.length - n + 1);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = hashShingle(tokenHashes, i, n);
  return out;
}

/** Sorted distinct values of an Int32Array. */
export function sortedUnique(values: Int32Array): Int32Array {
  const s = Int32Array.from(values).sort();
  let w = 0;
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[w - 1]) s[w++] = s[i]!;
  return s.slice(0, w);
}

/** Size of the intersection of two sorted distinct Int32Arrays (linear merge). */
export function intersectionSize(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

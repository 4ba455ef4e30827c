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

/**
 * Size of the intersection of two sorted distinct Int32Arrays (linear merge).
 * The steps are arithmetic on comparison results rather than branches: which
 * side advances is unpredictable, and mispredicted branches were most of the time.
 */
export function intersectionSize(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  const na = a.length;
  const nb = b.length;
  while (i < na && j < nb) {
    const x = a[i]!;
    const y = b[j]!;
    n += +(x === y);
    i += +(x <= y);
    j += +(y <= x);
  }
  return n;
}

/**
 * A read-only hash index over an Int32Array of distinct keys: key → position in
 * the array, by open addressing with linear probing at load ≤ 1/2. Per-pair
 * lookups into an article's bag or seed list are the inner loop of comparing
 * pairs; this answers them from two typed arrays instead of a Map.
 */
export interface IntIndex {
  keys: Int32Array;
  /** Position + 1 of the key in each slot, 0 for an empty slot. */
  slots: Int32Array;
  mask: number;
}

export function intIndex(keys: Int32Array): IntIndex {
  let size = 8;
  while (size < keys.length * 2) size <<= 1;
  const slots = new Int32Array(size);
  const mask = size - 1;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    let s = (k ^ (k >>> 15)) & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = i + 1;
  }
  return { keys, slots, mask };
}

/** Position of `key` in the indexed keys, or -1. */
export function indexOf(index: IntIndex, key: number): number {
  const { keys, slots, mask } = index;
  let s = (key ^ (key >>> 15)) & mask;
  for (;;) {
    const p = slots[s]!;
    if (p === 0) return -1;
    if (keys[p - 1] === key) return p - 1;
    s = (s + 1) & mask;
  }
}

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

/** Scratch tables reused across calls (an article's few thousand hashes fit; larger inputs get their own). */
const SCRATCH_MAX = 1 << 16;
let seenKeys = new Int32Array(1 << 12);
let seenMark = new Int32Array(1 << 12);
let mark = 0;
let radixBuffer = new Int32Array(1 << 12);
let uniqueBuffer = new Int32Array(1 << 12);
/** keys, counts and first positions of the `countBag` being built, before they are copied out at their length. */
let bagBuffer = new Int32Array(3 << 12);
const radixCounts = new Int32Array(4 * 256);

/**
 * Sorted distinct values of an Int32Array. Duplicates are dropped first in a
 * hash set (about half of an article's stems repeat), then the distinct values
 * are sorted by a 4-pass radix sort, faster than the built-in sort from a few
 * hundred values; the result is the same ascending signed order.
 */
export function sortedUnique(values: Int32Array): Int32Array {
  return unique(values, true);
}

/** The distinct values of an Int32Array in first-occurrence order (`sortedUnique` without the sort). */
export function distinctValues(values: Int32Array): Int32Array {
  return unique(values, false);
}

function unique(values: Int32Array, sorted: boolean): Int32Array {
  const n = values.length;
  let bits = 4;
  while (1 << bits < n * 2) bits++;
  const size = 1 << bits;
  let keys: Int32Array;
  let marks: Int32Array;
  let m: number;
  if (size > SCRATCH_MAX) {
    keys = new Int32Array(size);
    marks = new Int32Array(size);
    m = 1;
  } else {
    if (size > seenKeys.length) {
      seenKeys = new Int32Array(size);
      seenMark = new Int32Array(size);
      mark = 0;
    }
    // A new mark value empties the set without clearing it (cleared once before the counter could wrap).
    if (++mark === 0x7fffffff) {
      seenMark.fill(0);
      mark = 1;
    }
    keys = seenKeys;
    marks = seenMark;
    m = mark;
  }
  // Only the first `size` slots are used, so a small article touches a small part of the table.
  const mask = size - 1;
  const shift = 32 - bits;
  // The distinct values gather in scratch and leave as one copy of the right length.
  if (n <= SCRATCH_MAX && uniqueBuffer.length < n) uniqueBuffer = new Int32Array(Math.max(n, 2 * uniqueBuffer.length));
  const out = n <= SCRATCH_MAX ? uniqueBuffer : new Int32Array(n);
  let w = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // Fibonacci hashing, top bits: test values and small ids are not spread like hashes.
    for (let s = Math.imul(v, 0x9e3779b1) >>> shift; ; s = (s + 1) & mask) {
      if (marks[s] !== m) {
        marks[s] = m;
        keys[s] = v;
        out[w++] = v;
        break;
      }
      if (keys[s] === v) break;
    }
  }
  if (sorted) {
    const distinct = out.subarray(0, w);
    if (w < 128) distinct.sort();
    else radixSort(distinct);
  }
  return out.slice(0, w);
}

/** Sorts signed int32 values in place, least significant byte first (the sign bit flipped so negatives come first). */
function radixSort(a: Int32Array): void {
  const n = a.length;
  let buffer = radixBuffer;
  if (buffer.length < n) {
    buffer = new Int32Array(n);
    if (n <= SCRATCH_MAX) radixBuffer = buffer;
  }
  const c = radixCounts;
  c.fill(0);
  for (let i = 0; i < n; i++) {
    const v = a[i]! ^ 0x80000000;
    c[v & 255]! += 1;
    c[256 + ((v >>> 8) & 255)]! += 1;
    c[512 + ((v >>> 16) & 255)]! += 1;
    c[768 + (v >>> 24)]! += 1;
  }
  for (let o = 0; o < 1024; o += 256) {
    let sum = 0;
    for (let k = o; k < o + 256; k++) {
      const t = c[k]!;
      c[k] = sum;
      sum += t;
    }
  }
  // Four passes end back in `a`.
  let from: Int32Array = a;
  let to: Int32Array = buffer;
  for (let pass = 0; pass < 4; pass++) {
    const o = pass * 256;
    const shift = pass * 8;
    for (let i = 0; i < n; i++) {
      const v = from[i]!;
      to[c[o + (((v ^ 0x80000000) >>> shift) & 255)]!++] = v;
    }
    [from, to] = [to, from];
  }
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

/** An empty open-addressing slot array for up to `n` keys at most half full (0 marks a free slot). */
export function slotTable(n: number): { slots: Int32Array; mask: number } {
  let size = 8;
  while (size < n * 2) size <<= 1;
  return { slots: new Int32Array(size), mask: size - 1 };
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
  const { slots, mask } = slotTable(keys.length);
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

/**
 * Distinct values of `values[i]` for `i` in `[from, to)` where `select[i]` is
 * set (every i when `select` is null), in first-occurrence order, with their
 * counts and first positions, and an `IntIndex` over them: a term-count bag in
 * typed arrays (a per-article `Map` allocated an entry per term and cost more
 * than the pairs that read it).
 */
export interface CountBag {
  keys: Int32Array;
  counts: Int32Array;
  /** Position (in `values`) of each key's first occurrence. */
  first: Int32Array;
  index: IntIndex;
}

export function countBag(values: Int32Array, select: Uint8Array | null, from = 0, to = values.length): CountBag {
  const n = Math.max(0, to - from);
  const { slots, mask } = slotTable(n);
  if (bagBuffer.length < 3 * n) bagBuffer = new Int32Array(Math.max(3 * n, 2 * bagBuffer.length));
  const keys = bagBuffer.subarray(0, n);
  const counts = bagBuffer.subarray(n, 2 * n);
  const first = bagBuffer.subarray(2 * n, 3 * n);
  let k = 0;
  for (let i = from; i < to; i++) {
    if (select !== null && !select[i]) continue;
    const v = values[i]!;
    let s = (v ^ (v >>> 15)) & mask;
    for (;;) {
      const p = slots[s]!;
      if (p === 0) {
        keys[k] = v;
        counts[k] = 1;
        first[k] = i;
        slots[s] = ++k;
        break;
      }
      if (keys[p - 1] === v) {
        counts[p - 1]! += 1;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  const distinct = keys.slice(0, k);
  return { keys: distinct, counts: counts.slice(0, k), first: first.slice(0, k), index: { keys: distinct, slots, mask } };
}

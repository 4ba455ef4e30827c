/**
 * Counts keyed by int32 (hashed shingles and stems), in an open-addressing
 * table of two typed arrays. The corpus statistics hold up to 2^21 keys per
 * map: a V8 `Map` spends about 80 bytes an entry and one allocation per key,
 * this table 16 bytes an entry at half load and none, and counting one web
 * article's ~1,000 distinct shingles into it is several times faster. Written
 * by hand because no npm package offers an int32 → int32 counter with pruning;
 * it follows the `Map` methods the statistics use, so code reading them is unchanged.
 */
/** Where the touch pass of `addEach` leaves its loads, so they are not optimized away. */
const touched = new Int32Array(1);

/** Fibonacci hashing: keys are hashes already, but tests and small ids are not spread. Every probe starts here. */
function homeSlot(key: number, mask: number): number {
  return Math.imul(key, 0x9e3779b1) & mask;
}

export class Int32Counts {
  /** Slot i holds its key at 2i and its count at 2i + 1 (one cache line per probe, not two). */
  #slots: Int32Array;
  #mask: number;
  #size = 0;
  /** Slot count from which the table doubles only past 3/4 load (see the constructor). */
  #capSlots: number;

  /**
   * `maxKeys`: the most keys the owner keeps before pruning (0: no bound). The
   * table stops doubling at 2 × maxKeys slots (load 3/4 allowed there), so the
   * few keys one article adds past the bound before it is pruned do not double
   * a table of millions of slots (64 MB) just to be pruned back.
   */
  constructor(capacity = 1024, maxKeys = 0) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.#slots = new Int32Array(2 * n);
    this.#mask = n - 1;
    let cap = 16;
    while (cap < maxKeys * 2) cap *= 2;
    this.#capSlots = maxKeys > 0 ? cap : Infinity;
  }

  get size(): number {
    return this.#size;
  }

  #slot(key: number): number {
    const s = this.#slots;
    let i = homeSlot(key, this.#mask);
    while (s[2 * i + 1] !== 0 && s[2 * i] !== key) i = (i + 1) & this.#mask;
    return i;
  }

  get(key: number): number | undefined {
    const c = this.#slots[2 * this.#slot(key) + 1]!;
    return c === 0 ? undefined : c;
  }

  has(key: number): boolean {
    return this.get(key) !== undefined;
  }

  /** Sets a count (≥ 1; a count of 0 would read as an empty slot). */
  set(key: number, count: number): this {
    if (!(count >= 1)) throw new RangeError(`Int32Counts: counts are ≥ 1, not ${count}`);
    this.#put(key, count, false);
    return this;
  }

  /** Adds `by` to a key's count (a missing key counts 0). */
  add(key: number, by = 1): void {
    this.#put(key, by, true);
  }

  /**
   * Adds 1 to each key's count (`add(key)` for each). In a table of millions of
   * slots every add misses the CPU cache; the keys go in blocks, each block's
   * home slots read first in a loop of independent loads that the CPU overlaps,
   * so the adds then find their cache lines loaded (measured 2× on web articles).
   */
  addEach(keys: ArrayLike<number>): void {
    const n = keys.length;
    for (let from = 0; from < n; from += 32) {
      const to = Math.min(n, from + 32);
      const s = this.#slots;
      const mask = this.#mask;
      let sink = 0;
      for (let i = from; i < to; i++) sink ^= s[2 * homeSlot(keys[i]!, mask) + 1]!;
      touched[0]! ^= sink;
      for (let i = from; i < to; i++) this.#put(keys[i]!, 1, true);
    }
  }

  /**
   * The count of each key (0 for a missing key) into `out`: `get` for each, the
   * keys in blocks whose home slots are read first, as `addEach` does (an
   * article's few hundred IDF lookups each miss the CPU cache).
   */
  getEach(keys: ArrayLike<number>, out: Int32Array): void {
    const n = keys.length;
    const s = this.#slots;
    const mask = this.#mask;
    for (let from = 0; from < n; from += 32) {
      const to = Math.min(n, from + 32);
      let sink = 0;
      for (let i = from; i < to; i++) sink ^= s[2 * homeSlot(keys[i]!, mask) + 1]!;
      touched[0]! ^= sink;
      for (let i = from; i < to; i++) out[i] = s[2 * this.#slot(keys[i]!) + 1]!;
    }
  }

  #put(key: number, value: number, add: boolean): void {
    const s = this.#slots;
    const i = this.#slot(key);
    if (s[2 * i + 1] === 0) {
      s[2 * i] = key;
      s[2 * i + 1] = value;
      const slots = this.#mask + 1;
      if (++this.#size * 2 > slots && (slots < this.#capSlots || this.#size * 4 > slots * 3)) this.#rehash(slots * 2);
    } else s[2 * i + 1] = add ? s[2 * i + 1]! + value : value;
  }

  #rehash(capacity: number): void {
    const old = this.#slots;
    this.#slots = new Int32Array(2 * capacity);
    this.#mask = capacity - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      const j = this.#slot(old[i]!);
      this.#slots[2 * j] = old[i]!;
      this.#slots[2 * j + 1] = old[i + 1]!;
    }
  }

  /** How many keys have each count up to `upTo`: `out[c]` for c in 1..upTo (one pass over the table). */
  countHistogram(upTo: number): Int32Array {
    const s = this.#slots;
    const out = new Int32Array(upTo + 1);
    for (let i = 1; i < s.length; i += 2) {
      const c = s[i]!;
      if (c !== 0 && c <= upTo) out[c]!++;
    }
    return out;
  }

  /**
   * Removes every key whose count is ≤ `floor`, in place: the table keeps its
   * size (a pruned table refills to the same size before the next prune, and
   * no second table is allocated next to it).
   */
  prune(floor: number): void {
    const s = this.#slots;
    const mask = this.#mask;
    let kept = 0;
    for (let i = 1; i < s.length; i += 2) {
      if (s[i]! > floor) kept++;
      else s[i] = 0;
    }
    this.#size = kept;
    // Survivors move back toward their home slots, swept from an empty slot so no
    // probe run wraps past the start: each is lifted and put back by probing from
    // its home, landing at or before where it was, behind entries already placed.
    let e = 0;
    while (s[2 * e + 1] !== 0) e++;
    for (let k = 1; k <= mask; k++) {
      const i = (e + k) & mask;
      const c = s[2 * i + 1]!;
      if (c === 0) continue;
      const key = s[2 * i]!;
      s[2 * i + 1] = 0;
      let j = homeSlot(key, mask);
      while (s[2 * j + 1] !== 0) j = (j + 1) & mask;
      s[2 * j] = key;
      s[2 * j + 1] = c;
    }
  }

  *entries(): IterableIterator<[number, number]> {
    const s = this.#slots;
    for (let i = 0; i < s.length; i += 2) if (s[i + 1] !== 0) yield [s[i]!, s[i + 1]!];
  }

  *keys(): IterableIterator<number> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): IterableIterator<number> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  /** Keys and counts as two arrays (slot order), for handing to another thread. */
  toArrays(): { keys: Int32Array; counts: Int32Array } {
    const s = this.#slots;
    const keys = new Int32Array(this.#size);
    const counts = new Int32Array(this.#size);
    let at = 0;
    for (let i = 0; i < s.length; i += 2) {
      if (s[i + 1] === 0) continue;
      keys[at] = s[i]!;
      counts[at++] = s[i + 1]!;
    }
    return { keys, counts };
  }

  static fromArrays(keys: ArrayLike<number>, counts: ArrayLike<number>): Int32Counts {
    const t = new Int32Counts(keys.length);
    for (let i = 0; i < keys.length; i++) t.set(keys[i]!, counts[i]!);
    return t;
  }
}

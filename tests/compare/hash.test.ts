import { describe, expect, it } from 'vitest';
import { countBag, distinctValues, indexOf, intIndex, intersectionSize, sortedUnique } from '../../src/compare/hash.js';

describe('hash helpers', () => {
  it('intIndex finds every key at its position and misses keys it does not hold, colliding keys included', () => {
    // Keys sharing their low bits land in the same slot first and are found by probing.
    const keys = Int32Array.from([5, 5 + 1024, 5 + 2048, -7, 0, 2147483647, -2147483648]);
    const index = intIndex(keys);
    keys.forEach((k, i) => expect(indexOf(index, k)).toBe(i));
    for (const k of [6, 5 + 4096, 1, -1]) expect(indexOf(index, k)).toBe(-1);
    expect(indexOf(intIndex(new Int32Array(0)), 3)).toBe(-1);
  });

  it('intersectionSize counts the values two sorted distinct arrays share', () => {
    const a = sortedUnique(Int32Array.from([9, -3, 4, 4, 12, 0]));
    const b = sortedUnique(Int32Array.from([4, 12, 13, -3, -4]));
    expect(intersectionSize(a, b)).toBe(3);
    expect(intersectionSize(b, a)).toBe(3);
    expect(intersectionSize(a, new Int32Array(0))).toBe(0);
  });

  it('sortedUnique gives the ascending distinct values, negatives first, and distinctValues the same in first-occurrence order, for small and large inputs and across reused scratch tables', () => {
    // A fixed LCG, so the test is deterministic; small ranges make duplicates, large ones spread over the sign bit.
    let x = 12345;
    const next = (range: number): number => {
      x = (Math.imul(x, 1103515245) + 12345) | 0;
      return range === 0 ? x : (x >>> 0) % range;
    };
    const naive = (v: Int32Array): number[] => [...new Set(v)].sort((p, q) => p - q);
    for (const [n, range] of [[0, 0], [1, 0], [50, 10], [100, 0], [900, 300], [3000, 0], [5000, 1 << 20], [40000, 0]] as const) {
      const v = Int32Array.from({ length: n }, () => next(range) - (range ? range >> 1 : 0));
      expect([...sortedUnique(v)]).toEqual(naive(v));
      expect([...distinctValues(v)]).toEqual([...new Set(v)]);
    }
    // Values a previous call left in the scratch set are not mistaken for this call's.
    const a = Int32Array.from({ length: 400 }, (_, i) => i * 7);
    const b = Int32Array.from({ length: 400 }, (_, i) => i * 7 + (i % 2));
    sortedUnique(a);
    expect([...sortedUnique(b)]).toEqual(naive(b));
  });

  it('countBag counts the selected values in first-occurrence order, with first positions and an index over the keys', () => {
    const values = Int32Array.from([7, -2, 7, 9, -2, 7, 4, 9]);
    const select = Uint8Array.from([1, 1, 1, 0, 1, 1, 1, 1]);
    const bag = countBag(values, select);
    expect([...bag.keys]).toEqual([7, -2, 4, 9]);
    expect([...bag.counts]).toEqual([3, 2, 1, 1]);
    expect([...bag.first]).toEqual([0, 1, 6, 7]);
    bag.keys.forEach((k, i) => expect(indexOf(bag.index, k)).toBe(i));
    expect(indexOf(bag.index, 5)).toBe(-1);
    const lead = countBag(values, null, 2, 5);
    expect([...lead.keys]).toEqual([7, 9, -2]);
    expect([...lead.first]).toEqual([2, 3, 4]);
  });
});

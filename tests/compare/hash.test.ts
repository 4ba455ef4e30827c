import { describe, expect, it } from 'vitest';
import { indexOf, intIndex, intersectionSize, sortedUnique } from '../../src/compare/hash.js';

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
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Int32Counts } from '../../src/compare/counts.js';

const sorted = (it: Iterable<[number, number]>): Array<[number, number]> => [...it].sort((a, b) => a[0] - b[0]);

type Op = { prune: number } | { keys: readonly number[] };

/**
 * Plays the adds and prunes on the table under test (`add`, `prune`) and on the reference model, a Map
 * counted and pruned the way Int32Counts should be; returns the model.
 */
function replay(ops: readonly Op[], add: (keys: readonly number[]) => void, prune: (floor: number) => void): Map<number, number> {
  const m = new Map<number, number>();
  for (const o of ops) {
    if ('prune' in o) {
      prune(o.prune);
      for (const [k, v] of m) if (v <= o.prune) m.delete(k);
    } else {
      add(o.keys);
      for (const k of o.keys) m.set(k, (m.get(k) ?? 0) + 1);
    }
  }
  return m;
}

describe('Int32Counts', () => {
  it('counts like a Map under any sequence of adds and prunes, including key 0 and negative keys', () => {
    const op = fc.oneof(fc.record({ add: fc.integer({ min: -40, max: 40 }) }), fc.record({ prune: fc.integer({ min: 0, max: 3 }) }), fc.record({ big: fc.integer() }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const t = new Int32Counts(4);
        const m = replay(
          ops.map((o) => ('prune' in o ? o : { keys: ['add' in o ? o.add : o.big] })),
          (keys) => t.add(keys[0]!),
          (floor) => t.prune(floor),
        );
        expect(t.size).toBe(m.size);
        expect(sorted(t)).toEqual(sorted(m));
        for (const k of [-41, 0, 41]) expect(t.get(k)).toBe(m.get(k));
      }),
      { numRuns: 200 },
    );
  });

  it('counts like a Map with addEach, a key bound (load past 1/2 at the bound) and in-place prunes, and its histogram matches', () => {
    const op = fc.oneof(fc.record({ each: fc.array(fc.integer({ min: -60, max: 60 }), { maxLength: 40 }) }), fc.record({ prune: fc.integer({ min: 0, max: 3 }) }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), fc.integer({ min: 1, max: 64 }), (ops, maxKeys) => {
        const t = new Int32Counts(4, maxKeys);
        const m = replay(
          ops.map((o) => ('prune' in o ? o : { keys: o.each })),
          (keys) => t.addEach(keys),
          (floor) => t.prune(floor),
        );
        expect(t.size).toBe(m.size);
        expect(sorted(t)).toEqual(sorted(m));
        for (const k of [-61, 0, 61]) expect(t.get(k)).toBe(m.get(k));
        const h = t.countHistogram(3);
        for (let c = 1; c <= 3; c++) expect(h[c]).toBe([...m.values()].filter((v) => v === c).length);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips through its arrays, and refuses a count of 0 (it would read as an empty slot)', () => {
    const t = new Int32Counts();
    for (let k = 0; k < 5000; k++) t.add(k * 7919, (k % 5) + 1);
    const { keys, counts } = t.toArrays();
    expect(sorted(Int32Counts.fromArrays(keys, counts))).toEqual(sorted(t));
    expect(() => t.set(1, 0)).toThrow(RangeError);
  });
});

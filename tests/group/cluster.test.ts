import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageLink } from '../../src/group/cluster.js';

/** The plain rule (Maps per cluster, an object per heap entry, a sorted scan for the best pair): the reference. */
function referenceAverageLink(n: number, edges: Array<[number, number, number]>, threshold: number, together: number[][], apart: Array<[number, number]>, sizes: number[], days?: Array<number | null>, maxSpan = 0): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const size = Array.from({ length: n }, (_, i) => sizes[i] ?? 1);
  const nbr = Array.from({ length: n }, () => new Map<number, number>());
  const forbid = Array.from({ length: n }, () => new Set<number>());
  const members = Array.from({ length: n }, (_, i) => [i]);
  const tooLong = (x: number, y: number): boolean => {
    if (!days) return false;
    const dated = [...members[x]!, ...members[y]!].map((i) => days[i]).filter((d): d is number => d !== null && d !== undefined);
    return dated.length > 0 && Math.max(...dated) - Math.min(...dated) > maxSpan;
  };
  for (const [a, b, sim] of edges) {
    if (a === b) continue;
    const s = sim * size[a]! * size[b]!;
    nbr[a]!.set(b, (nbr[a]!.get(b) ?? 0) + s);
    nbr[b]!.set(a, (nbr[b]!.get(a) ?? 0) + s);
  }
  const merge = (x: number, y: number): number => {
    const [keep, gone] = x < y ? [x, y] : [y, x];
    parent[gone] = keep;
    size[keep]! += size[gone]!;
    members[keep]!.push(...members[gone]!);
    for (const [c, s] of nbr[gone]!) {
      if (c === keep) continue;
      nbr[keep]!.set(c, (nbr[keep]!.get(c) ?? 0) + s);
      nbr[c]!.set(keep, (nbr[c]!.get(keep) ?? 0) + s);
      nbr[c]!.delete(gone);
    }
    nbr[keep]!.delete(gone);
    nbr[gone] = new Map();
    for (const c of forbid[gone]!) {
      forbid[keep]!.add(c);
      forbid[c]!.delete(gone);
      forbid[c]!.add(keep);
    }
    return keep;
  };
  for (const group of together) {
    let root = -1;
    for (const u of group) root = root < 0 ? find(u) : find(u) === root ? root : merge(root, find(u));
  }
  for (const [u, v] of apart) {
    if (find(u) === find(v)) continue;
    forbid[find(u)]!.add(find(v));
    forbid[find(v)]!.add(find(u));
  }
  for (;;) {
    let best: [number, number, number] | null = null;
    for (let x = 0; x < n; x++) {
      if (find(x) !== x) continue;
      for (const [y, s] of nbr[x]!) {
        if (y < x || forbid[x]!.has(y) || tooLong(x, y)) continue;
        const avg = s / (size[x]! * size[y]!);
        if (avg >= threshold && (!best || avg > best[0] || (avg === best[0] && (x < best[1] || (x === best[1] && y < best[2]))))) best = [avg, x, y];
      }
    }
    if (!best) break;
    merge(best[1], best[2]);
  }
  return Array.from({ length: n }, (_, i) => find(i));
}

const graph = fc.integer({ min: 2, max: 24 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    // Similarities from a few values, so that equal means (ties) happen.
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom(0.05, 0.1, 0.2, 0.25, 0.5, 0.8, 1)), { maxLength: 80 }),
    together: fc.array(fc.array(fc.nat(n - 1), { minLength: 2, maxLength: 3 }), { maxLength: 2 }),
    apart: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 }),
    sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: n, maxLength: n }),
    threshold: fc.constantFrom(0.05, 0.1, 0.2),
    days: fc.array(fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }), { minLength: n, maxLength: n }),
  }),
);

describe('averageLink', () => {
  it('gives the clusters of the plain average-link rule (ties, repeated edges, pins and multiplicities included)', () => {
    fc.assert(
      fc.property(graph, ({ n, edges, together, apart, sizes, threshold }) => {
        const typed = { a: Int32Array.from(edges, (e) => e[0]), b: Int32Array.from(edges, (e) => e[1]), sim: Float64Array.from(edges, (e) => e[2]) };
        const got = Array.from(averageLink(n, typed, threshold, together, apart.filter(([u, v]) => u !== v), sizes));
        expect(got).toEqual(referenceAverageLink(n, edges, threshold, together, apart.filter(([u, v]) => u !== v), sizes));
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('never merges clusters whose dated units would span more than maxSpan days (undated units join either side)', () => {
    fc.assert(
      fc.property(graph, ({ n, edges, apart, sizes, threshold, days }) => {
        const typed = { a: Int32Array.from(edges, (e) => e[0]), b: Int32Array.from(edges, (e) => e[1]), sim: Float64Array.from(edges, (e) => e[2]) };
        const day = Float64Array.from(days, (d) => d ?? NaN);
        const got = Array.from(averageLink(n, typed, threshold, [], apart.filter(([u, v]) => u !== v), sizes, { day, maxSpan: 5 }));
        expect(got).toEqual(referenceAverageLink(n, edges, threshold, [], apart.filter(([u, v]) => u !== v), sizes, days, 5));
      }),
      { numRuns: 400, seed: 11 },
    );
    // 0 (day 0) – 2 (undated) – 1 (day 100): the bridge joins one side only.
    const edges = { a: Int32Array.from([0, 1]), b: Int32Array.from([2, 2]), sim: Float64Array.from([0.9, 0.8]) };
    expect(Array.from(averageLink(3, edges, 0.3, [], [], [], { day: Float64Array.from([0, 100, NaN]), maxSpan: 51 }))).toEqual([0, 1, 0]);
    expect(Array.from(averageLink(3, edges, 0.3))).toEqual([0, 0, 0]);
  });

  it('labels each unit with the smallest unit of its cluster and merges only while the mean reaches the threshold', () => {
    // 0–1 joins first (0.9 against 0.8); then {0, 1} and 2 have the mean (0.8 + 0) / 2 = 0.4 (0–2 never proposed).
    const edges = { a: Int32Array.from([0, 1, 3]), b: Int32Array.from([1, 2, 4]), sim: Float64Array.from([0.9, 0.8, 0.05]) };
    expect(Array.from(averageLink(5, edges, 0.4))).toEqual([0, 0, 0, 3, 4]);
    expect(Array.from(averageLink(5, edges, 0.5))).toEqual([0, 0, 2, 3, 4]);
  });
});

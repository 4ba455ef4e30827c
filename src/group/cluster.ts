/**
 * Sparse average-link agglomerative clustering over a candidate graph, with
 * cannot-link constraints: the one clustering rule used for events (articles
 * as units) and stories (events as units).
 *
 * Average link (UPGMA; Sokal & Michener 1958): the similarity of two clusters is
 * the mean similarity over all their cross pairs. Pairs that blocking never
 * proposed count as 0, so a merge needs most cross pairs to be real, similar
 * candidates: the rule that keeps one loose bridge from chaining two events
 * (single link's failure). Clusters merge best-first while the best mean is at
 * least the threshold. Ties break by the clusters' smallest unit index, so the
 * result depends only on the (canonical) unit order.
 */

export interface Edge {
  a: number;
  b: number;
  sim: number;
}

/**
 * Clusters units `0..n-1`. `together` lists groups of units merged before
 * anything else (hard); `apart` lists unit pairs that may never share a
 * cluster (hard; ignored when `together` already joined them). `sizes` gives
 * each unit's multiplicity (identical items counted as one unit; default 1):
 * an edge's similarity then holds for all the cross pairs of the two units.
 * Returns the cluster label of each unit: the smallest unit index in its cluster.
 */
export function averageLink(
  n: number,
  edges: readonly Edge[],
  threshold: number,
  together: readonly (readonly number[])[] = [],
  apart: readonly (readonly [number, number])[] = [],
  sizes: readonly number[] = [],
): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  // Cluster ids are union-find roots; the root is always the smallest unit index.
  const size = Array.from({ length: n }, (_, i) => sizes[i] ?? 1);
  const nbr: Array<Map<number, number>> = Array.from({ length: n }, () => new Map());
  const forbid: Array<Set<number> | null> = new Array<Set<number> | null>(n).fill(null);
  const version = new Array<number>(n).fill(0);

  for (const e of edges) {
    if (e.a === e.b) continue;
    // Summed similarity over all cross pairs of the two units.
    const s = e.sim * size[e.a]! * size[e.b]!;
    nbr[e.a]!.set(e.b, (nbr[e.a]!.get(e.b) ?? 0) + s);
    nbr[e.b]!.set(e.a, (nbr[e.b]!.get(e.a) ?? 0) + s);
  }

  const merge = (x: number, y: number): number => {
    const [keep, gone] = x < y ? [x, y] : [y, x];
    parent[gone] = keep;
    size[keep]! += size[gone]!;
    const big = nbr[keep]!;
    for (const [c, s] of nbr[gone]!) {
      if (c === keep) continue;
      big.set(c, (big.get(c) ?? 0) + s);
      const cn = nbr[c]!;
      cn.set(keep, (cn.get(keep) ?? 0) + s);
      cn.delete(gone);
    }
    big.delete(gone);
    nbr[gone] = new Map();
    const fk = forbid[keep];
    const fg = forbid[gone];
    if (fg) {
      const merged = fk ?? new Set<number>();
      for (const c of fg) {
        merged.add(c);
        forbid[c]!.delete(gone);
        forbid[c]!.add(keep);
      }
      forbid[keep] = merged;
      forbid[gone] = null;
    }
    version[keep]!++;
    version[gone]!++;
    return keep;
  };

  for (const group of together) {
    let root = -1;
    for (const u of group) {
      if (u < 0 || u >= n) continue;
      const r = find(u);
      root = root < 0 ? r : root === r ? root : merge(root, r);
    }
  }
  for (const [u, v] of apart) {
    const a = find(u);
    const b = find(v);
    if (a === b) continue;
    (forbid[a] ??= new Set()).add(b);
    (forbid[b] ??= new Set()).add(a);
  }

  const heap = new MaxHeap();
  const push = (a: number, b: number): void => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const s = nbr[x]!.get(y);
    if (s === undefined) return;
    const avg = s / (size[x]! * size[y]!);
    if (avg >= threshold) heap.push({ avg, x, y, vx: version[x]!, vy: version[y]! });
  };
  for (let u = 0; u < n; u++) {
    if (find(u) !== u) continue;
    for (const c of nbr[u]!.keys()) if (c > u) push(u, c);
  }
  for (;;) {
    const top = heap.pop();
    if (!top) break;
    const { x, y } = top;
    if (parent[x] !== x || parent[y] !== y || version[x] !== top.vx || version[y] !== top.vy) continue;
    if (forbid[x]?.has(y)) continue;
    const k = merge(x, y);
    for (const c of nbr[k]!.keys()) push(k, c);
  }
  return Array.from({ length: n }, (_, i) => find(i));
}

interface Entry {
  avg: number;
  x: number;
  y: number;
  vx: number;
  vy: number;
}

/** Higher mean first; ties by the smaller cluster ids, so pops are deterministic. */
function before(p: Entry, q: Entry): boolean {
  if (p.avg !== q.avg) return p.avg > q.avg;
  if (p.x !== q.x) return p.x < q.x;
  return p.y < q.y;
}

class MaxHeap {
  private items: Entry[] = [];
  push(e: Entry): void {
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): Entry | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

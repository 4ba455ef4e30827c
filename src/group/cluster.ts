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
 *
 * Scale: the summed similarity of each pair of clusters lives in one open-addressing table keyed by the
 * pair, each cluster keeps a list of its neighbours (entries may name a cluster since merged into another:
 * they are resolved through the union-find), and the heap is typed arrays; no object per pair or per heap
 * entry (Maps per cluster and an object per heap entry cost most of the story clustering of a large
 * corpus). The merge order and every sum are those of the plain rule: a merged pair's sum is the sum of
 * the two sums it replaces, and the heap pops the same best pair whatever the order entries were pushed in.
 */

/** Candidate edges as parallel arrays: units `a[q]` and `b[q]` with similarity `sim[q]`. */
export interface Edges {
  a: Int32Array;
  b: Int32Array;
  sim: Float64Array;
}

/**
 * Clusters units `0..n-1`. `together` lists groups of units merged before
 * anything else (hard); `apart` lists unit pairs that may never share a
 * cluster (hard; ignored when `together` already joined them). `sizes` gives
 * each unit's multiplicity (identical items counted as one unit; default 1):
 * an edge's similarity then holds for all the cross pairs of the two units.
 * `dates` (optional): each unit's day number (NaN when undated) and the longest span of days one
 * cluster may hold; a merge that would hold dated units further apart is skipped (hard, as `apart`;
 * `together` groups are merged whatever their dates).
 * Returns the cluster label of each unit: the smallest unit index in its cluster.
 */
export function averageLink(
  n: number,
  edges: Edges,
  threshold: number,
  together: readonly (readonly number[])[] = [],
  apart: readonly (readonly [number, number])[] = [],
  sizes: ArrayLike<number> = [],
  dates?: { day: ArrayLike<number>; maxSpan: number },
): Int32Array {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  // Cluster ids are union-find roots; the root is always the smallest unit index.
  const size = new Float64Array(n);
  for (let i = 0; i < n; i++) size[i] = sizes[i] ?? 1;
  const forbid: Array<Set<number> | null> = new Array<Set<number> | null>(n).fill(null);
  // Earliest and latest dated day per cluster (NaN while it holds no dated unit).
  const lo = new Float64Array(n).fill(NaN);
  const hi = new Float64Array(n).fill(NaN);
  if (dates) {
    for (let i = 0; i < n; i++) {
      const d = dates.day[i]!;
      lo[i] = d;
      hi[i] = d;
    }
  }
  // NaN compares false: a cluster without dated units never exceeds the span.
  const tooLong = (x: number, y: number): boolean => dates !== undefined && Math.max(hi[x]!, hi[y]!) - Math.min(lo[x]!, lo[y]!) > dates.maxSpan;
  const version = new Int32Array(n);
  const sums = new PairSums(n, edges.a.length);
  // Per edge, whether it created its pair (a repeated pair is listed once).
  const fresh = new Uint8Array(edges.a.length);

  // Neighbour lists (CSR of the edges; a cluster's list is replaced when it merges).
  const deg = new Int32Array(n + 1);
  const m = edges.a.length;
  for (let q = 0; q < m; q++) {
    const a = edges.a[q]!;
    const b = edges.b[q]!;
    if (a === b) continue;
    // Summed similarity over all cross pairs of the two units.
    const s = edges.sim[q]! * size[a]! * size[b]!;
    if (sums.add(a, b, s)) {
      fresh[q] = 1;
      deg[a + 1]!++;
      deg[b + 1]!++;
    }
  }
  for (let i = 0; i < n; i++) deg[i + 1]! += deg[i]!;
  const flat = new Int32Array(deg[n]!);
  const fill = deg.slice(0, n);
  for (let q = 0; q < m; q++) {
    const a = edges.a[q]!;
    const b = edges.b[q]!;
    if (fresh[q] === 0) continue;
    flat[fill[a]!++] = b;
    flat[fill[b]!++] = a;
  }
  const adj: Int32Array[] = [];
  for (let i = 0; i < n; i++) adj.push(flat.subarray(deg[i]!, deg[i + 1]!));

  // Stamps for deduplicating resolved neighbours.
  const seen = new Int32Array(n);
  let stamp = 0;
  let scratch = new Int32Array(64);

  const merge = (x: number, y: number): number => {
    const keep = x < y ? x : y;
    const gone = x < y ? y : x;
    stamp++;
    let len = 0;
    const listed = adj[keep]!.length + adj[gone]!.length;
    if (scratch.length < listed) scratch = new Int32Array(listed * 2);
    const own = adj[keep]!;
    for (let r = 0; r < own.length; r++) {
      const c = find(own[r]!);
      if (c === keep || c === gone || seen[c] === stamp) continue;
      seen[c] = stamp;
      scratch[len++] = c;
    }
    const theirs = adj[gone]!;
    for (let r = 0; r < theirs.length; r++) {
      const c = find(theirs[r]!);
      if (c === keep || c === gone || seen[c] === -stamp) continue;
      const s = sums.take(gone, c);
      if (seen[c] === stamp) sums.set(keep, c, sums.get(keep, c) + s);
      else {
        sums.set(keep, c, 0 + s);
        scratch[len++] = c;
      }
      // Marked as handled from gone's side (a list may name one cluster twice).
      seen[c] = -stamp;
    }
    sums.take(keep, gone);
    parent[gone] = keep;
    size[keep]! += size[gone]!;
    if (!Number.isNaN(lo[gone]!)) {
      lo[keep] = Number.isNaN(lo[keep]!) ? lo[gone]! : Math.min(lo[keep]!, lo[gone]!);
      hi[keep] = Number.isNaN(hi[keep]!) ? hi[gone]! : Math.max(hi[keep]!, hi[gone]!);
    }
    adj[keep] = scratch.slice(0, len);
    adj[gone] = EMPTY;
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

  const heap = new PairHeap(n);
  const push = (a: number, b: number): void => {
    const x = a < b ? a : b;
    const y = a < b ? b : a;
    const avg = sums.get(x, y) / (size[x]! * size[y]!);
    if (avg >= threshold) heap.push(avg, x, y, version[x]!, version[y]!);
  };
  for (let u = 0; u < n; u++) {
    if (find(u) !== u) continue;
    stamp++;
    const list = adj[u]!;
    for (let r = 0; r < list.length; r++) {
      const c = find(list[r]!);
      if (c <= u || seen[c] === stamp) continue;
      seen[c] = stamp;
      push(u, c);
    }
  }
  while (heap.size > 0) {
    const x = heap.topX();
    const y = heap.topY();
    const stale = parent[x] !== x || parent[y] !== y || version[x] !== heap.topVx() || version[y] !== heap.topVy();
    heap.pop();
    if (stale) continue;
    if (forbid[x]?.has(y) || tooLong(x, y)) continue;
    const k = merge(x, y);
    const list = adj[k]!;
    for (let r = 0; r < list.length; r++) push(k, list[r]!);
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = find(i);
  return out;
}

const EMPTY = new Int32Array(0);

/**
 * Summed similarity of cluster pairs (x < y): open addressing on the pair code x × n + y, the code and
 * the sum side by side (one cache line per probe), deleted entries left as tombstones and swept by an
 * in-place rehash. Live pairs never outnumber the edges (a merge folds two pairs into one), so the table
 * never grows.
 */
class PairSums {
  private t: Float64Array;
  private mask: number;
  private used = 0;
  private readonly limit: number;
  constructor(
    private readonly n: number,
    edges: number,
  ) {
    let cap = 16;
    while (cap < edges * 2.5) cap *= 2;
    this.t = new Float64Array(2 * cap).fill(EMPTY_SLOT);
    this.mask = cap - 1;
    this.limit = Math.floor(cap * 0.7);
  }
  /** Index (even) of pair x < y's entry, or of the empty entry where it would go. */
  private slot(x: number, y: number): number {
    const code = x * this.n + y;
    let h = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y, 0x85ebca6b)) >>> 0;
    h = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const k = this.t[2 * h]!;
      if (k === code || k === EMPTY_SLOT) return 2 * h;
      h = (h + 1) & this.mask;
    }
  }
  /** Adds an edge's similarity to its pair (edges in input order); true when the pair is new. */
  add(a: number, b: number, s: number): boolean {
    const x = a < b ? a : b;
    const y = a < b ? b : a;
    const at = this.slot(x, y);
    const isNew = this.t[at] === EMPTY_SLOT;
    if (isNew) this.insertAt(at, x, y, 0 + s);
    else this.t[at + 1] = this.t[at + 1]! + s;
    return isNew;
  }
  /** The sum of a live pair (a, b in any order). */
  get(a: number, b: number): number {
    return this.t[(a < b ? this.slot(a, b) : this.slot(b, a)) + 1]!;
  }
  set(a: number, b: number, s: number): void {
    const x = a < b ? a : b;
    const y = a < b ? b : a;
    const at = this.slot(x, y);
    if (this.t[at] === EMPTY_SLOT) this.insertAt(at, x, y, s);
    else this.t[at + 1] = s;
  }
  /** Removes a pair and returns its sum (0 when absent). */
  take(a: number, b: number): number {
    const at = a < b ? this.slot(a, b) : this.slot(b, a);
    if (this.t[at] === EMPTY_SLOT) return 0;
    // A tombstone: no lookup asks for this pair again (one of its clusters has merged into the other or away).
    this.t[at] = GONE_SLOT;
    return this.t[at + 1]!;
  }
  private insertAt(at: number, x: number, y: number, s: number): void {
    this.t[at] = x * this.n + y;
    this.t[at + 1] = s;
    if (++this.used > this.limit) this.sweep();
  }
  /** Rehashes the live pairs in place of the tombstones. */
  private sweep(): void {
    const old = this.t;
    this.t = new Float64Array(old.length).fill(EMPTY_SLOT);
    this.used = 0;
    for (let at = 0; at < old.length; at += 2) {
      const code = old[at]!;
      if (code < 0) continue;
      const x = Math.floor(code / this.n);
      const to = this.slot(x, code - x * this.n);
      this.t[to] = code;
      this.t[to + 1] = old[at + 1]!;
      this.used++;
    }
  }
}

const EMPTY_SLOT = -1;
const GONE_SLOT = -2;

/**
 * Max-heap of pair entries (mean, pair code x × n + y, both clusters' versions) in typed arrays: higher
 * mean first, ties by the smaller code (smaller x, then smaller y). A pop walks the hole down the better
 * children to a leaf and sifts the last entry up from there (Floyd): one comparison per level.
 */
class PairHeap {
  size = 0;
  private avg = new Float64Array(1024);
  private code = new Float64Array(1024);
  private vx = new Int32Array(1024);
  private vy = new Int32Array(1024);
  constructor(private readonly n: number) {}
  topX(): number {
    return Math.floor(this.code[0]! / this.n);
  }
  topY(): number {
    return this.code[0]! - this.topX() * this.n;
  }
  topVx(): number {
    return this.vx[0]!;
  }
  topVy(): number {
    return this.vy[0]!;
  }
  private move(to: number, from: number): void {
    this.avg[to] = this.avg[from]!;
    this.code[to] = this.code[from]!;
    this.vx[to] = this.vx[from]!;
    this.vy[to] = this.vy[from]!;
  }
  /** Sifts entry (a, c, vx, vy) up from the hole at i. */
  private siftUp(i: number, a: number, c: number, vx: number, vy: number): void {
    const { avg, code } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pa = avg[p]!;
      if (a < pa || (a === pa && c > code[p]!)) break;
      this.move(i, p);
      i = p;
    }
    avg[i] = a;
    code[i] = c;
    this.vx[i] = vx;
    this.vy[i] = vy;
  }
  push(a: number, x: number, y: number, vx: number, vy: number): void {
    if (this.size === this.avg.length) this.grow();
    this.siftUp(this.size++, a, x * this.n + y, vx, vy);
  }
  pop(): void {
    const last = --this.size;
    if (last === 0) return;
    const { avg, code } = this;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      let c = l;
      if (r < last) {
        const la = avg[l]!;
        const ra = avg[r]!;
        if (ra > la || (ra === la && code[r]! < code[l]!)) c = r;
      }
      this.move(i, c);
      i = c;
    }
    this.siftUp(i, avg[last]!, code[last]!, this.vx[last]!, this.vy[last]!);
  }
  private grow(): void {
    const cap = this.avg.length * 2;
    const avg = new Float64Array(cap);
    const code = new Float64Array(cap);
    const vx = new Int32Array(cap);
    const vy = new Int32Array(cap);
    avg.set(this.avg);
    code.set(this.code);
    vx.set(this.vx);
    vy.set(this.vy);
    this.avg = avg;
    this.code = code;
    this.vx = vx;
    this.vy = vy;
  }
}

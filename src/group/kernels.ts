/**
 * The per-article and per-pair parts of grouping, over typed arrays only, so that the main thread and a
 * helper thread (`parallel.ts`) can each run any range of them on shared memory. Each result slot depends
 * on its own article or pair alone and is computed by the same code on either thread: the grouping is the
 * same whatever the split (and with no helper at all).
 */

/** Sublinear tf, 1 + ln(count), for small counts (the same doubles Math.log gives, read from a table). */
const LOG_TF = Float64Array.from({ length: 1024 }, (_, c) => 1 + Math.log(c));

/** A count too large for the shared 16-bit counts: that article is weighed on the main thread from its own counts. */
export const COUNT_ESCAPE = 0xffff;

/** Inputs and outputs of {@link weighRange}: unit TF-IDF vectors and block keys of articles. */
export interface WeighData {
  /** Per article, its range of `ids` / `counts` (length n + 1). */
  idsOff: Int32Array;
  /** Dense feature id of every article feature, in the article's (ascending raw key) order. */
  ids: Int32Array;
  /** Occurrences parallel to `ids`; {@link COUNT_ESCAPE} marks a count kept only in the article's own features. */
  counts: Uint16Array;
  /** Per article: 1 when one of its counts is escaped (weighed on the main thread only). */
  escaped: Uint8Array;
  /** Per dense id: idf × kind weight at 2 id, its compact id (−1: held by one article) at 2 id + 1. */
  featW: Float64Array;
  vectorSize: number;
  blockKeys: number;
  /** Per article, where its vector starts in `vecKeys` / `vecW` (room for min(features, vectorSize)). */
  vecOff: Int32Array;
  vecKeys: Int32Array;
  vecW: Float32Array;
  /** Per article, the length of its vector. */
  vecLen: Int32Array;
  /** Block keys of article a at a × blockKeys …, `blkLen[a]` of them. */
  blk: Int32Array;
  blkLen: Int32Array;
}

/** Per-thread scratch, grown on demand (no allocation per article). */
let wsBuf = new Float64Array(1024);
let compBuf = new Int32Array(1024);
let packedBuf = new Float64Array(1024);

/** Weighs articles `from … to − 1` (articles whose counts are escaped are skipped unless `own` gives their counts). */
export function weighRange(d: WeighData, from: number, to: number, own?: (a: number) => ArrayLike<number>): void {
  for (let a = from; a < to; a++) {
    if (d.escaped[a]) {
      if (own) weighArticle(d, a, own(a), 0);
    } else weighArticle(d, a, d.counts, d.idsOff[a]!);
  }
}

/**
 * Unit TF-IDF vector (sublinear tf × idf × kind weight, heaviest `vectorSize` kept, features held by one
 * article counted in the norm only; keys ascending) and block keys (the `blockKeys` heaviest features
 * held by ≥ 2 articles) of article `a`, its counts read from `counts` at `countFrom`.
 */
function weighArticle(d: WeighData, a: number, counts: ArrayLike<number>, countFrom: number): void {
  const from = d.idsOff[a]!;
  const len = d.idsOff[a + 1]! - from;
  if (wsBuf.length < len) {
    wsBuf = new Float64Array(len * 2);
    compBuf = new Int32Array(len * 2);
    packedBuf = new Float64Array(len * 2);
  }
  const ws = wsBuf;
  const comp = compBuf;
  const featW = d.featW;
  for (let q = 0; q < len; q++) {
    const id = d.ids[from + q]!;
    const c = counts[countFrom + q] ?? 1;
    ws[q] = (c >= 0 && c < LOG_TF.length && (c | 0) === c ? LOG_TF[c]! : 1 + Math.log(c)) * featW[2 * id]!;
    comp[q] = featW[2 * id + 1]!;
  }
  // Heavier first, ties by raw key (keys ascending, so by position).
  let norm = 0;
  let kept = 0;
  const packed = packedBuf;
  if (len > d.vectorSize) {
    for (const q of topByWeight(ws, len, d.vectorSize, null, null, false)) {
      norm += ws[q]! * ws[q]!;
      if (comp[q]! >= 0) packed[kept++] = comp[q]! * 2097152 + q;
    }
  } else {
    for (let q = 0; q < len; q++) {
      norm += ws[q]! * ws[q]!;
      // Ascending compact id: pack (id, position) into one exact float so a native numeric sort does it.
      if (comp[q]! >= 0) packed[kept++] = comp[q]! * 2097152 + q;
    }
  }
  norm = Math.sqrt(norm) || 1;
  const sorted = packed.subarray(0, kept).sort();
  const at = d.vecOff[a]!;
  for (let r = 0; r < kept; r++) {
    const q = sorted[r]! % 2097152;
    d.vecKeys[at + r] = comp[q]!;
    d.vecW[at + r] = ws[q]! / norm;
  }
  d.vecLen[a] = kept;
  const top = topByWeight(ws, len, d.blockKeys, null, comp, true);
  const base = a * d.blockKeys;
  for (let r = 0; r < top.length; r++) d.blk[base + r] = comp[top[r]!]!;
  d.blkLen[a] = top.length;
}

/** Inputs and outputs of {@link candidateRange}: blocking with a bounded candidate list (see `candidatePairs`). */
export interface CandidateData {
  /** Units. */
  n: number;
  /** Per unit, its range of `blk` / `blkW` (length n + 1). */
  blkOff: Int32Array;
  blk: Int32Array;
  blkW: Float32Array;
  /** Postings: per feature id its range of `unit` / `weight` (CSR, length features + 1). */
  post: Int32Array;
  unit: Int32Array;
  weight: Float32Array;
  cap: number;
  maxCandidates: number;
  minShared: number;
  /** Time window (null: every pair allowed): units published further apart than `windowDays` are never candidates; `hasPub` 0 = undated. */
  pubDays: Float64Array | null;
  hasPub: Uint8Array | null;
  windowDays: number;
  /** Unit i's kept candidates as pair codes (min × n + max) at i × maxCandidates …, `outLen[i]` of them. */
  out: Float64Array;
  outLen: Int32Array;
}

let scoreBuf = new Float64Array(0);
let sharedBuf = new Int32Array(0);
let touchedBuf = new Int32Array(0);
const keep: number[] = [];
let keepW = new Float64Array(64);

/**
 * Candidates of units `from … to − 1`: the units met in their postings (lists longer than `cap`
 * skipped), scored by the dot product over shared block keys, the `maxCandidates` best kept.
 */
export function candidateRange(d: CandidateData, from: number, to: number): void {
  const n = d.n;
  if (scoreBuf.length < n) {
    scoreBuf = new Float64Array(n);
    sharedBuf = new Int32Array(n);
    touchedBuf = new Int32Array(n);
  }
  const score = scoreBuf;
  const shared = sharedBuf;
  const touched = touchedBuf;
  const { post, unit, weight, blk, blkW, cap, maxCandidates, minShared, pubDays, hasPub, windowDays } = d;
  for (let i = from; i < to; i++) {
    let nt = 0;
    for (let r = d.blkOff[i]!; r < d.blkOff[i + 1]!; r++) {
      const id = blk[r]!;
      const lo = post[id]!;
      const hi = post[id + 1]!;
      if (hi - lo > cap) continue;
      const wi = blkW[r]!;
      for (let p = lo; p < hi; p++) {
        const j = unit[p]!;
        if (j === i) continue;
        if (score[j] === 0) touched[nt++] = j;
        score[j] = score[j]! + wi * weight[p]! + 1e-12;
        shared[j]!++;
      }
    }
    keep.length = 0;
    for (let t = 0; t < nt; t++) {
      const j = touched[t]!;
      if (shared[j]! < minShared) continue;
      // Time-window blocking: both dated and further apart than the window.
      if (pubDays && hasPub && hasPub[i] && hasPub[j] && !(Math.abs(pubDays[i]! - pubDays[j]!) <= windowDays)) continue;
      keep.push(j);
    }
    const base = i * maxCandidates;
    let len = 0;
    if (keep.length > maxCandidates) {
      if (keepW.length < keep.length) keepW = new Float64Array(keep.length * 2);
      for (let t = 0; t < keep.length; t++) keepW[t] = score[keep[t]!]!;
      for (const x of topByWeight(keepW, keep.length, maxCandidates, keep, null, false)) {
        const j = keep[x]!;
        d.out[base + len++] = i < j ? i * n + j : j * n + i;
      }
    } else {
      for (const j of keep) d.out[base + len++] = i < j ? i * n + j : j * n + i;
    }
    d.outLen[i] = len;
    for (let t = 0; t < nt; t++) {
      score[touched[t]!] = 0;
      shared[touched[t]!] = 0;
    }
  }
}

/** Inputs and outputs of {@link dotRange}: dot products of unit vectors held in one or two arenas. */
export interface DotData {
  pairA: Int32Array;
  pairB: Int32Array;
  /** Per unit: its vector's start and end in arena `arena[u]` (0: keys0/w0, 1: keys1/w1). */
  start: Int32Array;
  end: Int32Array;
  arena: Uint8Array;
  keys0: Int32Array;
  w0: Float32Array;
  keys1: Int32Array;
  w1: Float32Array;
  /** Table size bits (at most a quarter full for the longest vector). */
  bits: number;
  /** With flags, also the part of each dot product over the flagged (event-specific) features. */
  specific: Uint8Array | null;
  sims: Float64Array;
  specificSims: Float64Array;
}

let slotKey = new Int32Array(0);
let slotW = new Float64Array(0);

/**
 * Dot products of pairs `from … to − 1` (sorted by their first member): the first member is put into a
 * small open-addressing table once (it stays in the fastest cache; a dense scatter array over all
 * features missed the cache on most reads), and each partner looks up its keys in order, so the sum
 * runs in the partner's key order whoever computes it.
 */
export function dotRange(d: DotData, from: number, to: number): void {
  const size = 1 << d.bits;
  if (slotKey.length < size) {
    slotKey = new Int32Array(size);
    slotW = new Float64Array(size);
  }
  const sk = slotKey;
  const sw = slotW;
  const mask = size - 1;
  const shift = 32 - d.bits;
  const { pairA, pairB, start, end, arena, keys0, w0, keys1, w1, specific } = d;
  const clear = (u: number): void => {
    const keys = arena[u] ? keys1 : keys0;
    for (let r = start[u]!; r < end[u]!; r++) {
      let h = Math.imul(keys[r]!, 0x9e3779b1) >>> shift;
      while (sk[h] !== 0) {
        sk[h] = 0;
        h = (h + 1) & mask;
      }
    }
  };
  let cur = -1;
  for (let q = from; q < to; q++) {
    const i = pairA[q]!;
    if (i !== cur) {
      if (cur >= 0) clear(cur);
      cur = i;
      const keys = arena[i] ? keys1 : keys0;
      const w = arena[i] ? w1 : w0;
      for (let r = start[i]!; r < end[i]!; r++) {
        let h = Math.imul(keys[r]!, 0x9e3779b1) >>> shift;
        while (sk[h] !== 0) h = (h + 1) & mask;
        sk[h] = keys[r]! + 1;
        sw[h] = w[r]!;
      }
    }
    const j = pairB[q]!;
    const keys = arena[j] ? keys1 : keys0;
    const w = arena[j] ? w1 : w0;
    let s = 0;
    let sp = 0;
    for (let r = start[j]!; r < end[j]!; r++) {
      const k = keys[r]!;
      let h = Math.imul(k, 0x9e3779b1) >>> shift;
      for (let e = sk[h]!; e !== 0; e = sk[h]!) {
        if (e === k + 1) {
          const x = sw[h]!;
          if (x !== 0) {
            const p = x * w[r]!;
            s += p;
            if (specific && specific[k]) sp += p;
          }
          break;
        }
        h = (h + 1) & mask;
      }
    }
    d.sims[q] = s;
    if (specific) d.specificSims[q] = sp;
  }
  if (cur >= 0) clear(cur);
}

/**
 * The positions `0..len-1` of the `k` largest weights (only those with `valid[q] >= 0` when `valid` is
 * given), ties by the smaller `tie[q]` (the position when `tie` is null): the k-th largest weight is
 * found by selection (linear on average), then the positions at or above it are kept. Best first when
 * `ordered`, else in position order. A comparator sort of positions cost most of the grouping time on
 * long articles.
 */
export function topByWeight(weight: ArrayLike<number>, len: number, k: number, tie: ArrayLike<number> | null, valid: ArrayLike<number> | null, ordered: boolean): number[] {
  if (selectBuf.length < len) selectBuf = new Float64Array(len * 2);
  const ws = selectBuf;
  let count = 0;
  for (let q = 0; q < len; q++) if (!valid || valid[q]! >= 0) ws[count++] = weight[q]!;
  const tieOf = (q: number): number => (tie ? tie[q]! : q);
  const pos: number[] = [];
  if (count <= k) {
    for (let q = 0; q < len; q++) if (!valid || valid[q]! >= 0) pos.push(q);
  } else {
    const t = kthLargest(ws.subarray(0, count), k);
    const at: number[] = [];
    for (let q = 0; q < len; q++) {
      if (valid && valid[q]! < 0) continue;
      const w = weight[q]!;
      if (w > t) pos.push(q);
      else if (w === t) at.push(q);
    }
    if (tie) at.sort((x, y) => tieOf(x) - tieOf(y));
    for (let r = 0; pos.length < k && r < at.length; r++) pos.push(at[r]!);
    if (!ordered && tie) pos.sort((x, y) => x - y);
  }
  if (ordered) pos.sort((x, y) => weight[y]! - weight[x]! || tieOf(x) - tieOf(y));
  else if (!tie && count > k) pos.sort((x, y) => x - y);
  return pos;
}

let selectBuf = new Float64Array(1024);

/** The k-th largest value of `a` (1-based; reorders `a`): Hoare's selection with a median-of-three pivot. */
function kthLargest(a: Float64Array, k: number): number {
  // The k-th largest is the (n − k)-th smallest, 0-based.
  const target = a.length - k;
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const tmp = a[i]!;
        a[i] = a[j]!;
        a[j] = tmp;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target]!;
  }
  return a[target]!;
}

/** Inputs and outputs of {@link centroidRange}: centroids of events of several articles. */
export interface CentroidData {
  /** Per event, its range of `members` (article indices, ascending; length events + 1). */
  memOff: Int32Array;
  members: Int32Array;
  /** Article vectors: `vecKeys` / `vecW` from `vecOff[a]`, `vecLen[a]` long. */
  vecOff: Int32Array;
  vecLen: Int32Array;
  vecKeys: Int32Array;
  vecW: Float32Array;
  /** Compact feature ids (scratch size). */
  features: number;
  size: number;
  /** Event e's centroid at e × size …, `outLen[e]` long. */
  keys: Int32Array;
  w: Float32Array;
  outLen: Int32Array;
}

let sumBuf = new Float64Array(0);

/**
 * Mean direction of each event's member vectors (their sum, heaviest `size` kept, unit-normalized),
 * summed in a dense scratch array, for events `from … to − 1`.
 */
export function centroidRange(d: CentroidData, from: number, to: number): void {
  if (sumBuf.length < d.features) sumBuf = new Float64Array(d.features);
  const scratch = sumBuf;
  const touched: number[] = [];
  for (let e = from; e < to; e++) {
    touched.length = 0;
    for (let t = d.memOff[e]!; t < d.memOff[e + 1]!; t++) {
      const a = d.members[t]!;
      for (let r = d.vecOff[a]!; r < d.vecOff[a]! + d.vecLen[a]!; r++) {
        const k = d.vecKeys[r]!;
        if (scratch[k] === 0) touched.push(k);
        scratch[k] = scratch[k]! + d.vecW[r]!;
      }
    }
    let ids = new Int32Array(touched.length);
    for (let r = 0; r < touched.length; r++) ids[r] = touched[r]!;
    if (ids.length > d.size) {
      const ws = new Float64Array(ids.length);
      for (let r = 0; r < ids.length; r++) ws[r] = scratch[ids[r]!]!;
      const top = topByWeight(ws, ids.length, d.size, ids, null, false);
      const kept = new Int32Array(top.length);
      for (let r = 0; r < top.length; r++) kept[r] = ids[top[r]!]!;
      ids = kept;
    }
    ids.sort();
    let norm = 0;
    for (let r = 0; r < ids.length; r++) norm += scratch[ids[r]!]! ** 2;
    norm = Math.sqrt(norm) || 1;
    const at = e * d.size;
    for (let r = 0; r < ids.length; r++) {
      d.keys[at + r] = ids[r]!;
      d.w[at + r] = scratch[ids[r]!]! / norm;
    }
    d.outLen[e] = ids.length;
    for (const k of touched) scratch[k] = 0;
  }
}

/** Inputs and outputs of {@link tieRange}: the heaviest features shared by the parts of events and stories. */
export interface TieData {
  /** Per group, its range of parts (length groups + 1). */
  partOff: Int32Array;
  /** Per part, its range of `members` (article indices; length parts + 1). */
  memOff: Int32Array;
  members: Int32Array;
  /** Dense feature ids of every article feature (article a's at `idsOff[a]` …). */
  idsOff: Int32Array;
  ids: Int32Array;
  /** Dense ids of every article's labelled features (article a's at `labOff[a]` …). */
  labOff: Int32Array;
  labIds: Int32Array;
  /** Per dense id: idf, kind weight, raw key (the tie-breaker). */
  idf: Float64Array;
  kindW: Float64Array;
  raw: Uint32Array;
  /** Dense ids (scratch size). */
  features: number;
  maxTies: number;
  /** Group g's ties (dense ids, weights) at g × maxTies …, heaviest first, `tieLen[g]` of them. */
  tieIds: Int32Array;
  tieW: Float64Array;
  tieLen: Int32Array;
}

let tieMark = new Int32Array(0);
let tieCount = new Int32Array(0);
let tieLast = new Int32Array(0);
let tieStamp = 0;
let unionBuf = new Int32Array(1024);
let topW = new Float64Array(16);
let topRaw = new Float64Array(16);
let topId = new Int32Array(16);

/**
 * Ties of groups `from … to − 1`: the labelled features (labelled by a member) held by at least two parts,
 * weighted by idf × kind weight × share of parts holding them, the `maxTies` heaviest kept (ties by the
 * smaller raw key). Parts holding a feature are counted over every member's features, labelled or not.
 */
export function tieRange(d: TieData, from: number, to: number): void {
  if (tieMark.length < d.features) {
    tieMark = new Int32Array(d.features);
    tieCount = new Int32Array(d.features);
    tieLast = new Int32Array(d.features);
  }
  const k = d.maxTies;
  if (topW.length < k) {
    topW = new Float64Array(k);
    topRaw = new Float64Array(k);
    topId = new Int32Array(k);
  }
  const mark = tieMark;
  const count = tieCount;
  const last = tieLast;
  const { partOff, memOff, members, idsOff, ids, labOff, labIds, idf, kindW, raw } = d;
  for (let g = from; g < to; g++) {
    const stamp = ++tieStamp;
    const p0 = partOff[g]!;
    const p1 = partOff[g + 1]!;
    let nu = 0;
    for (let p = p0; p < p1; p++) {
      for (let t = memOff[p]!; t < memOff[p + 1]!; t++) {
        const a = members[t]!;
        for (let r = labOff[a]!; r < labOff[a + 1]!; r++) {
          const id = labIds[r]!;
          if (mark[id] === stamp) continue;
          mark[id] = stamp;
          count[id] = 0;
          last[id] = -1;
          if (nu === unionBuf.length) {
            const grown = new Int32Array(nu * 2);
            grown.set(unionBuf);
            unionBuf = grown;
          }
          unionBuf[nu++] = id;
        }
      }
    }
    for (let p = p0; p < p1; p++) {
      for (let t = memOff[p]!; t < memOff[p + 1]!; t++) {
        const a = members[t]!;
        for (let r = idsOff[a]!; r < idsOff[a + 1]!; r++) {
          const id = ids[r]!;
          if (mark[id] === stamp && last[id] !== p) {
            last[id] = p;
            count[id]!++;
          }
        }
      }
    }
    const parts = p1 - p0;
    let len = 0;
    for (let u = 0; u < nu; u++) {
      const id = unionBuf[u]!;
      const c = count[id]!;
      if (c < 2) continue;
      const w = idf[id]! * kindW[id]! * (c / parts);
      const rk = raw[id]!;
      // Insertion into the best k (heavier first, then smaller raw key).
      let at = len;
      while (at > 0 && (w > topW[at - 1]! || (w === topW[at - 1]! && rk < topRaw[at - 1]!))) at--;
      if (at >= k) continue;
      for (let s = Math.min(len, k - 1); s > at; s--) {
        topW[s] = topW[s - 1]!;
        topRaw[s] = topRaw[s - 1]!;
        topId[s] = topId[s - 1]!;
      }
      topW[at] = w;
      topRaw[at] = rk;
      topId[at] = id;
      if (len < k) len++;
    }
    const base = g * k;
    for (let s = 0; s < len; s++) {
      d.tieIds[base + s] = topId[s]!;
      d.tieW[base + s] = topW[s]!;
    }
    d.tieLen[g] = len;
  }
}

/**
 * Inputs and outputs of {@link numberRange}: dense feature ids. The corpus's feature occurrences are cut
 * into parts (consecutive articles); each part is numbered on its own, in first-seen order, by an
 * open-addressing table of its own, and the parts are joined afterwards (`denseIds` in group.ts), so
 * that the ids are the corpus's first-seen order whichever thread numbered which part.
 */
export interface NumberData {
  /** Raw keys of every article feature in canonical order. */
  keys: Uint32Array;
  /** Output: each occurrence's id within its part. */
  ids: Int32Array;
  /** Part p's occurrences are `partOff[p] … partOff[p + 1] − 1`. */
  partOff: Int32Array;
  /** Table slots per part (a power of two), and the most keys a part may hold (a part with more reports −1 in `distinct`). */
  slots: number;
  limit: number;
  /** Output per part: its table, (key, id + 1) per slot at 2 × (p × slots + slot). */
  table: Int32Array;
  /** Output per part: its distinct keys in first-seen order and their document frequencies (written once the part is done), at p × limit …; `distinct[p]` of them (−1: over the limit). */
  raw: Uint32Array;
  df: Int32Array;
  distinct: Int32Array;
}

/** Fibonacci hashing: the top `bits` bits of the key times 2^32 / φ. */
function slotOf(k: number, bits: number): number {
  return Math.imul(k, 0x9e3779b1) >>> (32 - bits);
}

let numTable = new Int32Array(0);
let numDf = new Int32Array(0);

/**
 * Numbers parts `from … to − 1` (see {@link NumberData}) in this thread's own table, then copies the table
 * out: a part numbered twice (a chunk run again) writes the same values.
 */
export function numberRange(d: NumberData, from: number, to: number): void {
  const bits = Math.log2(d.slots);
  const mask = d.slots - 1;
  if (numTable.length !== 2 * d.slots) numTable = new Int32Array(2 * d.slots);
  if (numDf.length !== d.limit) numDf = new Int32Array(d.limit);
  const table = numTable;
  const df = numDf;
  const { keys, ids, raw } = d;
  for (let p = from; p < to; p++) {
    table.fill(0);
    const r0 = p * d.limit;
    let size = 0;
    let over = false;
    for (let q = d.partOff[p]!; q < d.partOff[p + 1]! && !over; q++) {
      const k = keys[q]! | 0;
      for (let h = slotOf(k, bits); ; h = (h + 1) & mask) {
        const stored = table[2 * h + 1]!;
        if (stored === 0) {
          if (size === d.limit) {
            over = true;
            break;
          }
          table[2 * h] = k;
          table[2 * h + 1] = ++size;
          raw[r0 + size - 1] = k;
          df[size - 1] = 1;
          ids[q] = size - 1;
          break;
        }
        if (table[2 * h] === k) {
          df[stored - 1]!++;
          ids[q] = stored - 1;
          break;
        }
      }
    }
    if (!over) {
      d.table.set(table, 2 * p * d.slots);
      d.df.set(df.subarray(0, size), r0);
    }
    d.distinct[p] = over ? -1 : size;
  }
  // Large scratch: not kept between groupings.
  numTable = new Int32Array(0);
  numDf = new Int32Array(0);
}

/** The id of raw key `k` in part `p`'s table, or −1. */
export function idInPart(d: NumberData, p: number, k: number): number {
  const bits = Math.log2(d.slots);
  const mask = d.slots - 1;
  const t0 = 2 * p * d.slots;
  const key = k | 0;
  for (let h = slotOf(key, bits); ; h = (h + 1) & mask) {
    const stored = d.table[t0 + 2 * h + 1]!;
    if (stored === 0) return -1;
    if (d.table[t0 + 2 * h] === key) return stored - 1;
  }
}

/** Inputs and output of {@link remapRange}: occurrence ids of a part through a map (a part's own ids to the corpus's). */
export interface RemapData {
  ids: Int32Array;
  out: Int32Array;
  /** The first occurrence of the part (items are counted from it). */
  start: number;
  map: Int32Array;
}

export function remapRange(d: RemapData, from: number, to: number): void {
  const { ids, out, map } = d;
  for (let q = d.start + from; q < d.start + to; q++) out[q] = map[ids[q]!]!;
}

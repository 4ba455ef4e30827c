import type { CorpusStats } from './stats.js';
import type { DocProfile } from './profile.js';
import { hasContent, seedIndex } from './profile.js';

/** Thresholds of the aligner (token counts are words and numbers; punctuation is not a token). */
export interface AlignOptions {
  /** Seed size: shared word n-grams of this many token norms start a passage. */
  ngram: number;
  /** Shortest passage kept, in words (the shorter side counts). */
  minPassageWords: number;
  /**
   * Shortest passage kept when it is inside quotation marks on both sides: a
   * shared quotation ("Asian version of NATO") is a travelled phrase even when short.
   */
  minQuotedPassageWords: number;
  /** Largest unmatched stretch (words, on either side) bridged between two exact runs of one passage. */
  maxGap: number;
  /** Content words a passage needs that are covered by non-stock shared n-grams. */
  minPassageWeight: number;
  /** A shingle is stock once its corpus df reaches max(stockMinDocs, stockShare × docCount). */
  stockMinDocs: number;
  stockShare: number;
  /** Exactly matching words that make a passage count even when every n-gram in it is stock (long verbatim text is reuse however often it is reprinted). */
  longStockWords: number;
}

/** A passage in token indices: `[aFirst, aEnd)` in A, `[bFirst, bEnd)` in B. */
export interface TokenPassage {
  aFirst: number;
  aEnd: number;
  bFirst: number;
  bEnd: number;
  /** Tokens matched exactly (summed over the passage's runs). */
  matched: number;
  /** Longest exact run, in words. */
  longestRun: number;
  /** Token edit distance of the alignment (Levenshtein over the gaps between runs). */
  editDistance: number;
  /** Content words covered by non-stock shared n-grams. */
  weight: number;
  /** Exact runs `[a, b, length]` inside the passage. */
  runs: [number, number, number][];
}

interface Run {
  a: number;
  b: number;
  len: number;
}

/** Document frequency from which a shingle counts as a stock phrase. */
export function stockDf(stats: CorpusStats, o: Pick<AlignOptions, 'stockMinDocs' | 'stockShare'>): number {
  return Math.max(o.stockMinDocs, Math.ceil(o.stockShare * stats.docCount));
}

/**
 * Per shingle position of one article: 0 = not looked up yet, 1 = stock, 2 = not
 * stock, for one corpus state and threshold. The corpus map is large (a
 * lookup misses the CPU cache), and an article of a large event meets the
 * same shingles in every pair it is in, so each position is looked up once.
 */
interface StockFlags {
  stats: CorpusStats;
  docCount: number;
  stock: number;
  flags: Uint8Array;
}
const stockCache = new WeakMap<DocProfile, StockFlags>();

function stockFlagsOf(p: DocProfile, stats: CorpusStats, stock: number): StockFlags {
  const hit = stockCache.get(p);
  if (hit && hit.stats === stats && hit.docCount === stats.docCount && hit.stock === stock) return hit;
  const made = { stats, docCount: stats.docCount, stock, flags: new Uint8Array(p.shingles.length) };
  stockCache.set(p, made);
  return made;
}

function isStock(s: StockFlags, stats: CorpusStats, h: number, i: number, stock: number): boolean {
  let f = s.flags[i]!;
  if (f === 0) s.flags[i] = f = (stats.shingleDf.get(h) ?? 0) < stock ? 2 : 1;
  return f === 1;
}

/** Exact runs of two documents after extension and merging, in order of `a`, with A's tokens covered by non-stock seeds. */
export interface SeededRuns {
  merged: Run[];
  /** Valid until the next `seededRuns` call (a scratch array shared by all pairs). */
  nonStock: Uint8Array;
  /** Content tokens of A flagged in `nonStock`: no chain weighs more. */
  nonStockContent: number;
}

/**
 * Scratch state of `seededRuns`, reused by every pair (a pair allocated a flag
 * array and a Map per call, and most of an event's pairs share a few seeds):
 * `nonStock` is zero outside `[dirtyFrom, dirtyTo)`, cleared at the next call;
 * `diagRun[d]` holds the index + 1 of the last run on diagonal d (offset by
 * A's length) when `diagMark[d]` is the current call's stamp.
 */
let nonStockScratch = new Uint8Array(1 << 13);
let dirtyFrom = 0;
let dirtyTo = 0;
let diagRun = new Int32Array(1 << 14);
let diagMark = new Int32Array(1 << 14);
let diagStamp = 0;

function scratchFor(aLength: number, diagonals: number): Uint8Array {
  if (dirtyTo > dirtyFrom) nonStockScratch.fill(0, dirtyFrom, dirtyTo);
  dirtyFrom = dirtyTo = 0;
  if (nonStockScratch.length < aLength) nonStockScratch = new Uint8Array(Math.max(aLength, 2 * nonStockScratch.length));
  if (diagRun.length < diagonals) {
    const size = Math.max(diagonals, 2 * diagRun.length);
    diagRun = new Int32Array(size);
    diagMark = new Int32Array(size);
    diagStamp = 0;
  }
  // A new stamp empties the diagonal table without a clear (cleared once before the counter could wrap).
  if (++diagStamp === 0x7fffffff) {
    diagMark.fill(0);
    diagStamp = 1;
  }
  return nonStockScratch;
}

/** Per key of A: the `sharedStamp` of the last scan that found it in B (a new stamp empties the set without a clear). */
let sharedMark = new Int32Array(1 << 12);
let sharedStamp = 0;

/** What one scan of A's shingles against B's index finds. */
export interface PairScan {
  /** Distinct shingles A and B share (counted when asked for, else -1). */
  shared: number;
  /** Null when no seed is shared. */
  seeded: SeededRuns | null;
}

/**
 * Seeds (shared content n-grams), runs on their diagonals, extended exactly
 * both ways and merged; with `countShared`, also the number of distinct
 * shingles the two share, from the same lookups (every shingle of A is
 * looked up in B's index once either way).
 */
export function seededRuns(pa: DocProfile, pb: DocProfile, stats: CorpusStats, o: AlignOptions, countShared = false): PairScan {
  const n = o.ngram;
  const A = pa.tokenHashes;
  const B = pb.tokenHashes;
  const shingles = pa.shingles;
  const content = pa.content;
  const seeds = seedIndex(pb);
  const stock = stockDf(stats, o);
  // Set up at the first shared seed: most pairs of a large event or story have none.
  let nonStock: Uint8Array | null = null;
  let stockFlags: StockFlags | null = null;
  let nonStockContent = 0;
  const runs: Run[] = [];
  // Diagonal d = j - i is at table index d + offset.
  const offset = A.length;
  // The seed lookup, inlined: it runs for every shingle of A, for every pair (`indexOf` in hash.ts).
  const { keys, slots, mask } = seeds.index;
  const { filter, start, positions } = seeds;
  // A's key id at each position, so that a shingle A repeats is counted once.
  const keyAt = countShared ? seedIndex(pa).keyAt : null;
  let shared = 0;
  if (keyAt !== null) {
    if (sharedMark.length < keyAt.length) sharedMark = new Int32Array(Math.max(keyAt.length, 2 * sharedMark.length));
    if (++sharedStamp === 0x7fffffff) {
      sharedMark.fill(0);
      sharedStamp = 1;
    }
  }
  for (let i = 0, count = shingles.length; i < count; i++) {
    const h = shingles[i]!;
    if ((filter[(h >>> 5) & 1023]! & (1 << (h & 31))) === 0) continue;
    let at = -1;
    for (let s = (h ^ (h >>> 15)) & mask; ; s = (s + 1) & mask) {
      const p = slots[s]!;
      if (p === 0) break;
      if (keys[p - 1] === h) {
        at = p - 1;
        break;
      }
    }
    if (at < 0) continue;
    if (keyAt !== null) {
      const ka = keyAt[i]!;
      if (sharedMark[ka] !== sharedStamp) {
        sharedMark[ka] = sharedStamp;
        shared++;
      }
    }
    if (start[at] === start[at + 1] || !hasContent(pa, i)) continue;
    if (nonStock === null) {
      nonStock = scratchFor(A.length, A.length + B.length);
      stockFlags = stockFlagsOf(pa, stats, stock);
    }
    let marked = false;
    for (let q = start[at]!, qEnd = start[at + 1]!; q < qEnd; q++) {
      const j = positions[q]!;
      let same = true;
      for (let k = 0; k < n && same; k++) same = A[i + k] === B[j + k];
      if (!same) continue;
      if (!marked && !isStock(stockFlags!, stats, h, i, stock)) {
        for (let k = i; k < i + n; k++)
          if (nonStock[k] === 0) {
            nonStock[k] = 1;
            nonStockContent += content[k]!;
          }
        if (dirtyTo === dirtyFrom) dirtyFrom = i;
        dirtyTo = i + n;
        marked = true;
      }
      const d = j - i + offset;
      const r = diagMark[d] === diagStamp ? runs[diagRun[d]! - 1]! : null;
      if (r && i <= r.a + r.len) r.len = i + n - r.a;
      else {
        runs.push({ a: i, b: j, len: n });
        diagMark[d] = diagStamp;
        diagRun[d] = runs.length;
      }
    }
  }
  if (keyAt === null) shared = -1;
  if (runs.length === 0 || nonStock === null) return { shared, seeded: null };
  const merged = extendAndMerge(runs, A, B);
  return { shared, seeded: { merged, nonStock, nonStockContent } };
}

/**
 * Runs extended exactly both ways along their diagonals, then merged where extension made runs on one
 * diagonal overlap; in order of `a`. Mutates and reuses the given runs.
 */
export function extendAndMerge<R extends { a: number; b: number; len: number }>(runs: R[], A: ArrayLike<number>, B: ArrayLike<number>): R[] {
  for (const r of runs) {
    while (r.a > 0 && r.b > 0 && A[r.a - 1] === B[r.b - 1]) {
      r.a--;
      r.b--;
      r.len++;
    }
    while (r.a + r.len < A.length && r.b + r.len < B.length && A[r.a + r.len] === B[r.b + r.len]) r.len++;
  }
  // Extension can make runs on one diagonal overlap: merge them.
  runs.sort((x, y) => x.b - x.a - (y.b - y.a) || x.a - y.a || y.len - x.len);
  const merged: R[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && last.b - last.a === r.b - r.a && r.a <= last.a + last.len) last.len = Math.max(last.len, r.a + r.len - last.a);
    else merged.push(r);
  }
  merged.sort((x, y) => x.a - y.a || x.b - y.b || y.len - x.len);
  return merged;
}

/** Runs chained into passage candidates: each run joins the open chain it continues at the least gap cost. */
function chainRuns(merged: readonly Run[], o: AlignOptions): Run[][] {
  const n = o.ngram;
  const chains: Run[][] = [];
  const open: Run[][] = [];
  for (const r0 of merged) {
    let best: Run[] | null = null;
    let bestCost = Infinity;
    let bestTrim = 0;
    for (const ch of open) {
      const last = ch[ch.length - 1]!;
      const gapA = r0.a - (last.a + last.len);
      const gapB = r0.b - (last.b + last.len);
      if (gapA > o.maxGap || gapB > o.maxGap || gapA < -n || gapB < -n) continue;
      const trim = Math.max(0, -gapA, -gapB);
      if (trim >= r0.len) continue;
      const cost = Math.max(gapA + trim, gapB + trim);
      if (cost < bestCost) {
        best = ch;
        bestCost = cost;
        bestTrim = trim;
      }
    }
    const r = { a: r0.a + bestTrim, b: r0.b + bestTrim, len: r0.len - bestTrim };
    if (best) best.push(r);
    else {
      const ch = [r];
      chains.push(ch);
      open.push(ch);
    }
    // Chains ending too far before this run can take no later run (runs come in order of a): drop them, in place.
    let kept = 0;
    for (const ch of open) {
      const last = ch[ch.length - 1]!;
      if (last.a + last.len + o.maxGap >= r0.a) open[kept++] = ch;
    }
    open.length = kept;
  }
  return chains;
}

/** A chain's extent, length test and weight (a passage but its runs and edit distance): what decides whether it is kept. */
type ChainFacts = Omit<TokenPassage, 'editDistance' | 'runs'> & { kept: boolean };

function chainFacts(ch: readonly Run[], pa: DocProfile, pb: DocProfile, nonStock: Uint8Array, o: AlignOptions): ChainFacts {
  const first = ch[0]!;
  const last = ch[ch.length - 1]!;
  const aFirst = first.a;
  const aEnd = last.a + last.len;
  const bFirst = first.b;
  const bEnd = last.b + last.len;
  const shortest = Math.min(aEnd - aFirst, bEnd - bFirst);
  const quotedBoth = shortest >= o.minQuotedPassageWords && allSet(pa.quoted, aFirst, aEnd) && allSet(pb.quoted, bFirst, bEnd);
  const facts = { aFirst, aEnd, bFirst, bEnd, matched: 0, longestRun: 0, weight: 0, kept: false };
  if (shortest < o.minPassageWords && !quotedBoth) return facts;
  for (const r of ch) {
    facts.matched += r.len;
    facts.longestRun = Math.max(facts.longestRun, r.len);
    for (let t = r.a; t < r.a + r.len; t++) if (nonStock[t] && pa.content[t]) facts.weight++;
  }
  // A short shared quotation needs fewer content words than a narrative passage, but never none.
  const minWeight = shortest < o.minPassageWords ? Math.min(o.minPassageWeight, 2) : o.minPassageWeight;
  facts.kept = !(facts.weight < minWeight && facts.matched < o.longStockWords);
  return facts;
}

/**
 * Shared passages of two documents: seed-and-extend local alignment over token
 * norms, the BLAST scheme (Altschul et al. 1990) as used for text reuse by
 * Smith et al. 2014 ("Detecting and modeling local text reuse"): exact shared
 * n-grams seed runs on a diagonal, runs extend exactly to both sides, and runs
 * within `maxGap` words of each other on both sides chain into one passage
 * (an inserted clause or a changed word becomes a gap).
 */
export function alignPassages(pa: DocProfile, pb: DocProfile, stats: CorpusStats, o: AlignOptions): TokenPassage[] {
  return passagesOf(pa, pb, seededRuns(pa, pb, stats, o).seeded, o);
}

/** `alignPassages` with the number of distinct shingles the two documents share (what a pair comparison reports besides the passages). */
export function alignWithOverlap(pa: DocProfile, pb: DocProfile, stats: CorpusStats, o: AlignOptions): { passages: TokenPassage[]; sharedShingles: number } {
  const scan = seededRuns(pa, pb, stats, o, true);
  return { passages: passagesOf(pa, pb, scan.seeded, o), sharedShingles: scan.shared };
}

function passagesOf(pa: DocProfile, pb: DocProfile, seeded: SeededRuns | null, o: AlignOptions): TokenPassage[] {
  if (seeded === null) return [];
  const A = pa.tokenHashes;
  const B = pb.tokenHashes;
  const out: TokenPassage[] = [];
  for (const ch of chainRuns(seeded.merged, o)) {
    const f = chainFacts(ch, pa, pb, seeded.nonStock, o);
    if (!f.kept) continue;
    let editDistance = 0;
    for (let k = 0; k + 1 < ch.length; k++) {
      const r = ch[k]!;
      const next = ch[k + 1]!;
      editDistance += levenshtein(A, r.a + r.len, next.a, B, r.b + r.len, next.b);
    }
    out.push({ aFirst: f.aFirst, aEnd: f.aEnd, bFirst: f.bFirst, bEnd: f.bEnd, matched: f.matched, longestRun: f.longestRun, editDistance, weight: f.weight, runs: ch.map((r) => [r.a, r.b, r.len]) });
  }
  out.sort((x, y) => x.aFirst - y.aFirst || x.bFirst - y.bFirst || x.aEnd - y.aEnd || x.bEnd - y.bEnd);
  return out;
}

/**
 * `alignPassages(pa, pb, stats, o).length > 0`, without edit distances or
 * passage objects, stopping at the first kept chain. With fewer non-stock
 * content words than the least weight a passage needs, a passage needs
 * `longStockWords` matched words, which the merged runs together must then
 * hold (a chain's runs are some of them, trimmed).
 */
export function hasAlignedPassage(pa: DocProfile, pb: DocProfile, stats: CorpusStats, o: AlignOptions): boolean {
  const seeded = seededRuns(pa, pb, stats, o).seeded;
  if (seeded === null) return false;
  // A chain's runs are disjoint in A, so no chain weighs more than the non-stock content words of A.
  if (seeded.nonStockContent < Math.min(o.minPassageWeight, 2)) {
    let total = 0;
    for (const r of seeded.merged) total += r.len;
    if (total < o.longStockWords) return false;
  }
  for (const ch of chainRuns(seeded.merged, o)) if (chainFacts(ch, pa, pb, seeded.nonStock, o).kept) return true;
  return false;
}

function allSet(flags: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!flags[i]) return false;
  return true;
}

/** Levenshtein distance between `A[a0, a1)` and `B[b0, b1)` (token hashes; gaps are short). */
export function levenshtein(A: Int32Array, a0: number, a1: number, B: Int32Array, b0: number, b1: number): number {
  const m = a1 - a0;
  const n = b1 - b0;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const x = A[a0 + i - 1];
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1]! + (x === B[b0 + j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n]!;
}

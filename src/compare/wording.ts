import type { Doc, Finding } from '../doc/types.js';
import { spanToOriginal } from '../doc/offsets.js';
import { makeFinding } from '../doc/span.js';
import { alignWithOverlap, hasAlignedPassage, type AlignOptions, type TokenPassage } from './align.js';
import type { IntIndex } from './hash.js';
import { contentStems, docProfile, seedIndex, type DocProfile } from './profile.js';
import type { Derivation, Direction, Passage, Score, Wording } from './schema.js';
import { contentIdf, type CorpusStats } from './stats.js';
import { similarityScore } from './similarity.js';

export interface CompareOptions extends AlignOptions {
  /** A passage is "inside quotes" on a side when at least this share of its words is quoted. */
  quoteShare: number;
  /** Coverage (share of an article's words in shared passages) from which it is wholly derived. */
  whollyDerivedCoverage: number;
  /** Skip the overall similarity (entity, number and title components) when only wording is wanted. */
  withSimilarity: boolean;
}

/**
 * Defaults. 4-word seeds catch passages with an edit every few words while
 * stop-word-only 4-grams are never seeds; 8 words is the shortest passage
 * (shorter shared strings are mostly names and set phrases), except 4 words
 * quoted on both sides (a shared quotation); a gap of 12 words
 * bridges an inserted clause next to a changed word. Stock phrases: shingles in at least 5 documents
 * and 0.2% of the corpus.
 */
// Frozen: a comparison without options reads this object itself (withDefaults).
export const defaultCompareOptions: Readonly<CompareOptions> = Object.freeze({
  ngram: 4,
  minPassageWords: 8,
  minQuotedPassageWords: 4,
  maxGap: 12,
  minPassageWeight: 4,
  stockMinDocs: 5,
  stockShare: 0.002,
  longStockWords: 25,
  quoteShare: 0.5,
  whollyDerivedCoverage: 0.6,
  withSimilarity: true,
});

function ref(d: Doc): Wording['a'] {
  return { id: d.id, outlet: d.meta.outlet.value, published: d.meta.published.value, words: d.tokens.length };
}

function quotedShare(p: DocProfile, first: number, end: number): number {
  let q = 0;
  for (let i = first; i < end; i++) q += p.quoted[i]!;
  return end > first ? q / (end - first) : 0;
}

function toPassage(a: Doc, b: Doc, pa: DocProfile, pb: DocProfile, tp: TokenPassage, index: number, o: CompareOptions): Passage {
  const as = { start: a.tokens[tp.aFirst]!.start, end: a.tokens[tp.aEnd - 1]!.end };
  const bs = { start: b.tokens[tp.bFirst]!.start, end: b.tokens[tp.bEnd - 1]!.end };
  const wa = tp.aEnd - tp.aFirst;
  const wb = tp.bEnd - tp.bFirst;
  const qa = quotedShare(pa, tp.aFirst, tp.aEnd);
  const qb = quotedShare(pb, tp.bFirst, tp.bEnd);
  const inA = qa >= o.quoteShare;
  const inB = qb >= o.quoteShare;
  return {
    id: `p${index}`,
    index,
    a: as,
    b: bs,
    original: { a: spanToOriginal(a.map, as), b: spanToOriginal(b.map, bs) },
    text: { a: a.text.slice(as.start, as.end), b: b.text.slice(bs.start, bs.end) },
    words: { a: wa, b: wb },
    matchedWords: tp.matched,
    longestRun: tp.longestRun,
    editSimilarity: round(Math.max(0, 1 - tp.editDistance / Math.max(wa, wb))),
    weight: tp.weight,
    quoteShare: { a: round(qa), b: round(qb) },
    inQuote: { a: inA, b: inB },
    kind: inA && inB ? 'quote' : inA || inB ? 'mixed' : 'narrative',
  };
}

/** Rounds to 4 decimals so JSON output stays stable and readable. */
export function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Matched-token flags of one side (runs only: the gaps are not shared wording). */
function coveredTokens(length: number, passages: readonly TokenPassage[], side: 'a' | 'b'): Uint8Array {
  const out = new Uint8Array(length);
  for (const p of passages) for (const [ra, rb, len] of p.runs) out.fill(1, side === 'a' ? ra : rb, (side === 'a' ? ra : rb) + len);
  return out;
}

/** A TF-IDF vector as parallel arrays in the order terms first occur, with a hash index for lookups. */
interface TfidfVector {
  keys: Int32Array;
  weights: Float64Array;
  index: IntIndex;
  norm: number;
}

const tfidfCache = new WeakMap<CorpusStats, { docCount: number; docs: WeakMap<Doc, TfidfVector> }>();

/** TF-IDF vector of a document's content-word stems (raw term counts × smoothed IDF). */
function tfidfVector(doc: Doc, stats: CorpusStats): TfidfVector {
  let perStats = tfidfCache.get(stats);
  // Counts only grow by whole articles, so an unchanged docCount means unchanged IDFs.
  if (!perStats || perStats.docCount !== stats.docCount) tfidfCache.set(stats, (perStats = { docCount: stats.docCount, docs: new WeakMap() }));
  const hit = perStats.docs.get(doc);
  if (hit) return hit;
  const bag = contentStems(doc);
  const idfs = contentIdf(doc, stats);
  const weights = new Float64Array(bag.keys.length);
  let norm = 0;
  for (let i = 0; i < bag.keys.length; i++) {
    const w = bag.counts[i]! * idfs[i]!;
    weights[i] = w;
    norm += w * w;
  }
  const out = { keys: bag.keys, weights, index: bag.index, norm: Math.sqrt(norm) };
  perStats.docs.set(doc, out);
  return out;
}

/** TF-IDF cosine of two documents' content-word stems (`_ngram` is kept for callers: the vectors do not depend on it). */
export function tfidfCosine(a: Doc, b: Doc, stats: CorpusStats, _ngram = defaultCompareOptions.ngram): number {
  const va = tfidfVector(a, stats);
  const vb = tfidfVector(b, stats);
  if (va.norm === 0 || vb.norm === 0) return 0;
  const small = va.keys.length <= vb.keys.length ? va : vb;
  const large = small === va ? vb : va;
  let dot = 0;
  // `indexOf(large.index, key)`, inlined: this loop runs for every term of every pair.
  const { keys, slots, mask } = large.index;
  for (let i = 0; i < small.keys.length; i++) {
    const k = small.keys[i]!;
    for (let s = (k ^ (k >>> 15)) & mask; ; s = (s + 1) & mask) {
      const p = slots[s]!;
      if (p === 0) break;
      if (keys[p - 1] === k) {
        dot += small.weights[i]! * large.weights[p - 1]!;
        break;
      }
    }
  }
  return dot / (va.norm * vb.norm);
}

function dayOf(s: string): string {
  return s.slice(0, 10);
}

/**
 * Which article is the likely source of shared wording: the earlier one. Dates
 * compare by timestamp when both carry a time, else by calendar day; a tie or a
 * missing date leaves the direction unknown and says why.
 */
export function reuseDirection(a: Doc, b: Doc, hasPassages: boolean): Direction {
  const pa = a.meta.published.value;
  const pb = b.meta.published.value;
  const published = { a: pa, b: pb };
  if (!hasPassages) return { source: null, sourceId: null, reason: 'no-shared-passages', note: 'no shared passage, so no reuse to direct', published };
  if (!pa || !pb) {
    const missing = [!pa ? a.id : null, !pb ? b.id : null].filter((x) => x !== null).join(' and ');
    return { source: null, sourceId: null, reason: 'missing-date', note: `no publication date for ${missing}: direction unknown`, published };
  }
  const timed = pa.length > 10 && pb.length > 10 && !Number.isNaN(Date.parse(pa)) && !Number.isNaN(Date.parse(pb));
  const cmp = timed ? Date.parse(pa) - Date.parse(pb) : dayOf(pa) < dayOf(pb) ? -1 : dayOf(pa) > dayOf(pb) ? 1 : 0;
  if (cmp === 0) return { source: null, sourceId: null, reason: 'same-date', note: `both published ${timed ? pa : dayOf(pa)}: direction unknown (an earlier date would point to the source)`, published };
  const src = cmp < 0 ? a : b;
  const other = cmp < 0 ? b : a;
  return { source: cmp < 0 ? 'a' : 'b', sourceId: src.id, reason: 'earlier-date', note: `${src.id} (${src.meta.published.value}) predates ${other.id} (${other.meta.published.value})`, published };
}

function derivation(coverage: number, count: number, all: number[], o: CompareOptions, other: string): Derivation {
  if (count === 0) return { label: 'non', coverage: round(coverage), passages: [], reason: `no passage of ${o.minPassageWords}+ words shared with ${other}` };
  if (coverage >= o.whollyDerivedCoverage) return { label: 'wholly', coverage: round(coverage), passages: all, reason: `${Math.round(coverage * 100)}% of the words are in passages shared with ${other} (wholly derived from ${Math.round(o.whollyDerivedCoverage * 100)}%)` };
  return { label: 'partially', coverage: round(coverage), passages: all, reason: `${count} passage(s) shared with ${other} cover ${Math.round(coverage * 100)}% of the words` };
}

/** The options with the defaults filled in; the defaults themselves when none is given (no object a pair). */
function withDefaults(options: Partial<CompareOptions>): CompareOptions {
  for (const _ in options) return { ...defaultCompareOptions, ...options };
  return defaultCompareOptions;
}

/**
 * Wording overlap of two articles: aligned shared passages plus pair scores,
 * each score listing the passages behind it. Runs in time linear in the two
 * token counts plus the seeds found (per-document profiles are cached).
 */
export function compareWording(a: Doc, b: Doc, stats: CorpusStats, options: Partial<CompareOptions> = {}): Wording {
  const o = withDefaults(options);
  const pa = docProfile(a, o.ngram);
  const pb = docProfile(b, o.ngram);
  // The seed indexes' keys are the documents' distinct shingles; the aligner's scan counts the shared ones.
  const sizeA = seedIndex(pa).index.keys.length;
  const sizeB = seedIndex(pb).index.keys.length;
  const { passages: tps, sharedShingles: shared } = alignWithOverlap(pa, pb, stats, o);
  const passages = tps.map((tp, i) => toPassage(a, b, pa, pb, tp, i, o));
  const all = passages.map((p) => p.index);
  const score = (value: number, ids: number[] = all): Score => ({ value: round(value), passages: ids });

  const union = sizeA + sizeB - shared;
  const shares = (cov: Uint8Array, p: DocProfile): { all: number; quoted: number; narrative: number } => {
    let all = 0;
    let quoted = 0;
    for (let i = 0; i < cov.length; i++)
      if (cov[i]) {
        all++;
        quoted += p.quoted[i]!;
      }
    const n = Math.max(1, cov.length);
    return { all: all / n, quoted: quoted / n, narrative: (all - quoted) / n };
  };
  // Without passages nothing is covered: skip building the flags (most pairs of a large event share none).
  const none = { all: 0, quoted: 0, narrative: 0 };
  const sa = tps.length ? shares(coveredTokens(pa.tokenHashes.length, tps, 'a'), pa) : none;
  const sb = tps.length ? shares(coveredTokens(pb.tokenHashes.length, tps, 'b'), pb) : none;
  const quotedIds = (side: 'a' | 'b') => passages.filter((p) => p.quoteShare[side] > 0).map((p) => p.index);
  const narrativeIds = (side: 'a' | 'b') => passages.filter((p) => p.quoteShare[side] < 1).map((p) => p.index);
  let longest = 0;
  let longestAt: number[] = [];
  for (const p of passages)
    if (p.longestRun > longest) {
      longest = p.longestRun;
      longestAt = [p.index];
    }

  return {
    a: ref(a),
    b: ref(b),
    passages,
    scores: {
      jaccard: score(union > 0 ? shared / union : 0),
      containment: { a: score(sizeA ? shared / sizeA : 0), b: score(sizeB ? shared / sizeB : 0) },
      longestRun: score(longest, longestAt),
      tfidfCosine: score(tfidfCosine(a, b, stats, o.ngram)),
      coverage: { a: score(sa.all), b: score(sb.all) },
      sharedQuoted: { a: score(sa.quoted, quotedIds('a')), b: score(sb.quoted, quotedIds('b')) },
      sharedNarrative: { a: score(sa.narrative, narrativeIds('a')), b: score(sb.narrative, narrativeIds('b')) },
    },
    derivation: { a: derivation(sa.all, passages.length, all, o, b.id), b: derivation(sb.all, passages.length, all, o, a.id) },
    direction: reuseDirection(a, b, passages.length > 0),
    reuse: passages.length === 0 ? 'none' : passages.every((p) => p.kind === 'quote') ? 'shared-quotes' : 'copied-narrative',
    similarity: o.withSimilarity ? similarityScore(a, b, stats) : 0,
  };
}

/**
 * Whether two articles share a passage: `compareWording(a, b, stats).passages.length > 0`
 * without the pair scores, for callers that keep only pairs with passages
 * (most cross-event pairs of a story share none and need no scores).
 */
export function hasSharedPassage(a: Doc, b: Doc, stats: CorpusStats, options: Partial<CompareOptions> = {}): boolean {
  const o = withDefaults(options);
  const pa = docProfile(a, o.ngram);
  const pb = docProfile(b, o.ngram);
  // No shingle-set intersection first: the aligner's seed scan answers "nothing shared" as fast, and a passage implies a shared shingle.
  return hasAlignedPassage(pa, pb, stats, o);
}

/** The passages of a comparison as findings on one side's document (for `doc.layers`). */
export function passageFindings(doc: Doc, wording: Wording, side: 'a' | 'b'): Finding[] {
  const other = side === 'a' ? wording.b.id : wording.a.id;
  return wording.passages.map((p) =>
    makeFinding(doc, 'compare', 'shared-passage', p[side].start, p[side].end, {
      label: p.kind,
      reason: `shared with ${other} (edit similarity ${p.editSimilarity})`,
      data: { other, passage: p.id, editSimilarity: p.editSimilarity, inQuote: p.inQuote[side] },
    }),
  );
}

import type { Doc } from '../doc/types.js';
import { contentStems, distinctStemHashes, docShingles } from './profile.js';
import { distinctValues } from './hash.js';
import { Int32Counts } from './counts.js';

export { Int32Counts } from './counts.js';

/**
 * Corpus-wide document frequencies of word n-gram shingles and of words, used to
 * down-weight stock phrases ("said in a statement", "state-run Korean Central
 * News Agency") and as IDF for TF-IDF cosine.
 *
 * Built in one streaming pass (`addToStats` per document) and mergeable across
 * workers (`mergeStats`). Memory is bounded by `maxEntries` keys per map: when a
 * map grows past it, the keys with the lowest counts are pruned and `floor`
 * rises, as in lossy counting (Manku & Motwani 2002). A key missing from a map
 * then has df ≤ floor, and a kept key's df is undercounted by at most floor,
 * which is harmless here: only high document frequencies (stock phrases) and
 * IDF of words (about 10^5–10^6 distinct norms) matter. The counts are
 * typed-array hash tables (counts.ts, 16 bytes an entry at half load), so the
 * default cap (2^21 keys each) holds both in about 130 MB at worst, where V8
 * Maps took about 350 MB; small corpora use far less.
 */
export interface CorpusStats {
  docCount: number;
  /** Shingle size (words) the shingle counts were made with. */
  ngram: number;
  /** Hashed shingle (int32) → number of documents holding it. */
  shingleDf: Int32Counts;
  /** Hashed word stem (int32) → number of documents holding it. */
  wordDf: Int32Counts;
  maxEntries: number;
  /** Lossy-counting floors: a key missing from the map has df ≤ floor. */
  shingleFloor: number;
  wordFloor: number;
}

export interface StatsOptions {
  ngram: number;
  maxEntries: number;
}

export const defaultStatsOptions: StatsOptions = { ngram: 4, maxEntries: 1 << 21 };

export function emptyStats(options: Partial<StatsOptions> = {}): CorpusStats {
  const o = { ...defaultStatsOptions, ...options };
  return { docCount: 0, ngram: o.ngram, shingleDf: new Int32Counts(1024, o.maxEntries), wordDf: new Int32Counts(1024, o.maxEntries), maxEntries: o.maxEntries, shingleFloor: 0, wordFloor: 0 };
}

/**
 * Raises the floor until at most 3/4 of the cap is left, so pruning stays rare:
 * the lowest such floor read off a histogram of the counts, then one prune
 * (the same floor and keys as pruning one floor at a time, without a pass per floor).
 */
function prune(counts: Int32Counts, maxEntries: number, floor: number): number {
  const target = (maxEntries * 3) >> 2;
  if (counts.size <= target) return floor;
  const upTo = floor + 64;
  const histogram = counts.countHistogram(upTo);
  // Keys added since the last prune may have counts at or under the old floor: they go too.
  let left = counts.size;
  for (let c = 1; c <= floor; c++) left -= histogram[c]!;
  // At least one step up, as one floor at a time would take.
  let f = floor + 1;
  left -= histogram[f]!;
  while (left > target && f < upTo) left -= histogram[++f]!;
  counts.prune(f);
  // Past the histogram (counts this flat are not met in practice): one floor at a time.
  while (counts.size > target) counts.prune(++f);
  return f;
}

/** Adds one document's distinct shingles and words to the counts (mutates and returns `stats`). */
export function addToStats(stats: CorpusStats, doc: Doc): CorpusStats {
  const s = statsHashes(doc, stats.ngram);
  return addHashesToStats(stats, s.shingles, s.stems);
}

/**
 * One article's contribution to the counts, as `addHashesToStats` takes it: its distinct shingle and
 * stem hashes, in no particular order (computed in a worker, next to the tokens; counts do not depend on order).
 */
export function statsHashes(doc: Doc, ngram: number): { shingles: Int32Array; stems: Int32Array } {
  return { shingles: docShingles(doc, ngram).shingleSet, stems: distinctValues(distinctStemHashes(doc)) };
}

/**
 * Adds one article from its distinct shingle and stem hashes (computed where the
 * tokens are, e.g. in a worker), with the same lossy-count pruning as `addToStats`.
 */
export function addHashesToStats(stats: CorpusStats, shingles: ArrayLike<number>, stems: ArrayLike<number>): CorpusStats {
  stats.docCount++;
  stats.shingleDf.addEach(shingles);
  stats.wordDf.addEach(stems);
  if (stats.shingleDf.size > stats.maxEntries) stats.shingleFloor = prune(stats.shingleDf, stats.maxEntries, stats.shingleFloor);
  if (stats.wordDf.size > stats.maxEntries) stats.wordFloor = prune(stats.wordDf, stats.maxEntries, stats.wordFloor);
  return stats;
}

/** Sums two workers' counts into a new stats object (floors add up, as their errors do). */
export function mergeStats(a: CorpusStats, b: CorpusStats): CorpusStats {
  if (a.ngram !== b.ngram) throw new RangeError(`mergeStats: expected equal ngram sizes, not ${a.ngram} and ${b.ngram}`);
  const out = emptyStats({ ngram: a.ngram, maxEntries: Math.max(a.maxEntries, b.maxEntries) });
  out.docCount = a.docCount + b.docCount;
  out.shingleFloor = a.shingleFloor + b.shingleFloor;
  out.wordFloor = a.wordFloor + b.wordFloor;
  for (const [m, target] of [
    [a.shingleDf, out.shingleDf],
    [b.shingleDf, out.shingleDf],
    [a.wordDf, out.wordDf],
    [b.wordDf, out.wordDf],
  ] as const)
    for (const [k, v] of m) target.add(k, v);
  if (out.shingleDf.size > out.maxEntries) out.shingleFloor = prune(out.shingleDf, out.maxEntries, out.shingleFloor);
  if (out.wordDf.size > out.maxEntries) out.wordFloor = prune(out.wordDf, out.maxEntries, out.wordFloor);
  return out;
}

/** Document frequencies over `docs` in one pass (any iterable, so a stream of docs works). */
export function corpusStats(docs: Iterable<Doc>, options: Partial<StatsOptions> = {}): CorpusStats {
  const stats = emptyStats(options);
  for (const d of docs) addToStats(stats, d);
  return stats;
}

/** Smoothed IDF, ln((1 + N) / (1 + df)) + 1 (scikit-learn's `smooth_idf`). */
export function idf(stats: CorpusStats, wordHash: number): number {
  return Math.log((1 + stats.docCount) / (1 + (stats.wordDf.get(wordHash) ?? 0))) + 1;
}

const contentIdfCache = new WeakMap<CorpusStats, { docCount: number; docs: WeakMap<Doc, Float64Array> }>();

/**
 * `idf(stats, key)` of each key of `contentStems(doc)`, in the bag's order (cached
 * per article and corpus state): the TF-IDF cosine and the overall similarity
 * weigh the same stems, and each lookup misses the CPU cache of a large corpus table.
 */
export function contentIdf(doc: Doc, stats: CorpusStats): Float64Array {
  let perStats = contentIdfCache.get(stats);
  // Counts only grow by whole articles, so an unchanged docCount means unchanged IDFs.
  if (!perStats || perStats.docCount !== stats.docCount) contentIdfCache.set(stats, (perStats = { docCount: stats.docCount, docs: new WeakMap() }));
  let out = perStats.docs.get(doc);
  if (!out) {
    const keys = contentStems(doc).keys;
    if (dfScratch.length < keys.length) dfScratch = new Int32Array(Math.max(keys.length, 2 * dfScratch.length));
    // The document frequencies in one batched pass over the table; then `idf` of each.
    stats.wordDf.getEach(keys, dfScratch);
    out = new Float64Array(keys.length);
    const docs = 1 + stats.docCount;
    for (let i = 0; i < keys.length; i++) out[i] = Math.log(docs / (1 + dfScratch[i]!)) + 1;
    perStats.docs.set(doc, out);
  }
  return out;
}

let dfScratch = new Int32Array(1 << 12);

/** Serializable form (for handing counts between worker threads or saving them). */
export function statsToJSON(stats: CorpusStats): { docCount: number; ngram: number; maxEntries: number; shingleFloor: number; wordFloor: number; shingleDf: number[]; wordDf: number[] } {
  const flat = (m: Int32Counts): number[] => [...m].sort((x, y) => x[0] - y[0]).flat();
  return { docCount: stats.docCount, ngram: stats.ngram, maxEntries: stats.maxEntries, shingleFloor: stats.shingleFloor, wordFloor: stats.wordFloor, shingleDf: flat(stats.shingleDf), wordDf: flat(stats.wordDf) };
}

export function statsFromJSON(json: ReturnType<typeof statsToJSON>): CorpusStats {
  const unflat = (a: number[]): Int32Counts => {
    const m = new Int32Counts(a.length / 2);
    for (let i = 0; i + 1 < a.length; i += 2) m.set(a[i]!, a[i + 1]!);
    return m;
  };
  return { ...json, shingleDf: unflat(json.shingleDf), wordDf: unflat(json.wordDf) };
}

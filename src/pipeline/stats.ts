/**
 * Corpus statistics gathered from per-article contributions (distinct shingle
 * and stem hashes computed in workers), counted on the main thread in input
 * order, so the counts never depend on how many workers ran.
 */
import { emptyStats, Int32Counts, type CorpusStats } from '../compare/index.js';

export { addHashesToStats } from '../compare/index.js';

/** Statistics as typed arrays: cheap to hand to worker threads (structured clone copies them as memory blocks). */
export interface FlatStats {
  docCount: number;
  ngram: number;
  maxEntries: number;
  shingleFloor: number;
  wordFloor: number;
  shingleKeys: Int32Array;
  shingleCounts: Int32Array;
  wordKeys: Int32Array;
  wordCounts: Int32Array;
}

export function flattenStats(s: CorpusStats): FlatStats {
  const flat = (m: Int32Counts): [Int32Array, Int32Array] => {
    const { keys, counts } = m.toArrays();
    return [keys, counts];
  };
  const [shingleKeys, shingleCounts] = flat(s.shingleDf);
  const [wordKeys, wordCounts] = flat(s.wordDf);
  return { docCount: s.docCount, ngram: s.ngram, maxEntries: s.maxEntries, shingleFloor: s.shingleFloor, wordFloor: s.wordFloor, shingleKeys, shingleCounts, wordKeys, wordCounts };
}

export function statsFromFlat(f: FlatStats): CorpusStats {
  const s = emptyStats({ ngram: f.ngram, maxEntries: f.maxEntries });
  s.docCount = f.docCount;
  s.shingleFloor = f.shingleFloor;
  s.wordFloor = f.wordFloor;
  s.shingleDf = Int32Counts.fromArrays(f.shingleKeys, f.shingleCounts);
  s.wordDf = Int32Counts.fromArrays(f.wordKeys, f.wordCounts);
  return s;
}

/** Writes the statistics for the story tasks (each worker thread reads them once). */
export function encodeStats(s: CorpusStats): Uint8Array {
  const f = flattenStats(s);
  const head = [f.docCount, f.ngram, f.maxEntries, f.shingleFloor, f.wordFloor, f.shingleKeys.length, f.wordKeys.length];
  const out = new Int32Array(head.length + 2 * f.shingleKeys.length + 2 * f.wordKeys.length);
  out.set(head, 0);
  let at = head.length;
  for (const a of [f.shingleKeys, f.shingleCounts, f.wordKeys, f.wordCounts]) {
    out.set(a, at);
    at += a.length;
  }
  return new Uint8Array(out.buffer);
}

export function decodeStats(bytes: Uint8Array): CorpusStats {
  const a = new Int32Array(Uint8Array.prototype.slice.call(bytes).buffer);
  const [docCount, ngram, maxEntries, shingleFloor, wordFloor, ns, nw] = a;
  let at = 7;
  const take = (n: number): Int32Array => a.subarray(at, (at += n));
  const shingleKeys = take(ns!);
  const shingleCounts = take(ns!);
  const wordKeys = take(nw!);
  const wordCounts = take(nw!);
  return statsFromFlat({ docCount: docCount!, ngram: ngram!, maxEntries: maxEntries!, shingleFloor: shingleFloor!, wordFloor: wordFloor!, shingleKeys, shingleCounts, wordKeys, wordCounts });
}

import type { Doc } from '../doc/types.js';
import { countBag, hashString, indexOf, type CountBag, type IntIndex } from './hash.js';
import { contentStems, tokenProfile } from './profile.js';
import type { CorpusStats } from './stats.js';
import { contentIdf, idf } from './stats.js';

/** Per-article bags for the overall similarity, cached on the Doc object (typed count bags, in first-occurrence order). */
interface SimFeatures {
  /** Content-word stems → term count, with each stem's first token (evidence). */
  words: CountBag;
  /** Stems of the first `LEAD_TOKENS` tokens (the title and lead: texts are title-first). */
  lead: CountBag;
  /** Capitalized names (entities, places) and numbers, years, months, weekdays: built when first asked for (the reported score weighs them 0). */
  entities?: CountBag;
  numbers?: CountBag;
}

const LEAD_TOKENS = 40;
const TIME_WORDS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

const cache = new WeakMap<Doc, SimFeatures>();
const hashes = new Map<string, number>();
function h(s: string): number {
  let v = hashes.get(s);
  if (v === undefined) {
    v = hashString(s);
    if (hashes.size > 500_000) hashes.clear();
    // A 13+ character slice is a view of the whole article in V8: caching it would keep the article alive.
    if (s.length < 13) hashes.set(s, v);
  }
  return v;
}

/** The key a word is counted under in `CorpusStats.wordDf` (its stem). */
export function wordKey(stem: string): number {
  return h(stem);
}

function features(doc: Doc): SimFeatures {
  const hit = cache.get(doc);
  if (hit) return hit;
  // Stem hashes and stop-word flags are the compare profile's (the same hashes `wordKey` gives).
  const { stemHashes, content } = tokenProfile(doc);
  const f: SimFeatures = { words: contentStems(doc), lead: countBag(stemHashes, content, 0, Math.min(LEAD_TOKENS, stemHashes.length)) };
  cache.set(doc, f);
  return f;
}

/** Adds the name and number bags to `f` (one pass over the tokens). */
function namesAndNumbers(doc: Doc, f: SimFeatures): { entities: CountBag; numbers: CountBag } {
  if (f.entities && f.numbers) return { entities: f.entities, numbers: f.numbers };
  const tokens = doc.tokens;
  const { stemHashes, content } = tokenProfile(doc);
  // A capitalized word is a name when it is capitalized somewhere other than a sentence start or the title-first lead.
  const names = new Set<string>();
  for (let i = LEAD_TOKENS / 2; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.cap || t.kind !== 'word' || !content[i]) continue;
    const prev = tokens[i - 1];
    if (prev && prev.sent === t.sent) names.add(t.norm);
  }
  const isNumber = new Uint8Array(tokens.length);
  const isEntity = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    if (!content[i]) continue;
    const t = tokens[i]!;
    if (t.kind === 'number' || TIME_WORDS.has(t.norm)) isNumber[i] = 1;
    else if (t.cap && names.has(t.norm)) isEntity[i] = 1;
  }
  f.entities = countBag(stemHashes, isEntity);
  f.numbers = countBag(stemHashes, isNumber);
  return { entities: f.entities, numbers: f.numbers };
}

function bagOf(doc: Doc, f: SimFeatures, name: BagName): CountBag {
  return name === 'words' || name === 'lead' ? f[name] : namesAndNumbers(doc, f)[name];
}

/**
 * A bag with each key's IDF looked up once per article and corpus (not once
 * per pair): keys, counts and IDF weights in the bag's insertion order, and
 * Σ (count × idf)², summed in that order so cosines are bit-identical to
 * summing them pair by pair.
 */
interface WeightedBag {
  index: IntIndex;
  keys: Int32Array;
  counts: Float64Array;
  idf: Float64Array;
  norm2: number;
}

type BagName = 'words' | 'lead' | 'entities' | 'numbers';
type Weighted = Partial<Record<BagName, WeightedBag>>;

const weightedCache = new WeakMap<CorpusStats, { docCount: number; docs: WeakMap<Doc, Weighted> }>();

function weighted(doc: Doc, f: SimFeatures, name: BagName, stats: CorpusStats): WeightedBag {
  let perStats = weightedCache.get(stats);
  // Counts only grow by whole articles, so an unchanged docCount means unchanged IDFs.
  if (!perStats || perStats.docCount !== stats.docCount) weightedCache.set(stats, (perStats = { docCount: stats.docCount, docs: new WeakMap() }));
  let w = perStats.docs.get(doc);
  if (!w) perStats.docs.set(doc, (w = {}));
  const hit = w[name];
  if (hit) return hit;
  const bag = bagOf(doc, f, name);
  const n = bag.keys.length;
  const counts = new Float64Array(n);
  // The words bag is `contentStems(doc)`, whose IDFs the TF-IDF cosine looks up too.
  const shared = name === 'words' ? contentIdf(doc, stats) : null;
  const weights = shared ?? new Float64Array(n);
  let norm2 = 0;
  for (let i = 0; i < n; i++) {
    const c = bag.counts[i]!;
    const x = shared ? shared[i]! : idf(stats, bag.keys[i]!);
    counts[i] = c;
    if (!shared) weights[i] = x;
    norm2 += (c * x) ** 2;
  }
  return (w[name] = { index: bag.index, keys: bag.keys, counts, idf: weights, norm2 });
}

interface Overlap {
  value: number;
  /** Shared keys with their IDF, in x's order (only when asked for). */
  shared: { k: number; w: number }[];
}

/** Cosine of two bags weighted by tf × IDF (Salton & Buckley 1988). */
function weightedCosine(x: WeightedBag, y: WeightedBag, withShared: boolean): Overlap {
  let dot = 0;
  const shared: Overlap['shared'] = [];
  // `indexOf(y.index, k)`, inlined: this loop runs for every term of every pair.
  const { keys, slots, mask } = y.index;
  for (let i = 0; i < x.keys.length; i++) {
    const k = x.keys[i]!;
    for (let s = (k ^ (k >>> 15)) & mask; ; s = (s + 1) & mask) {
      const p = slots[s]!;
      if (p === 0) break;
      if (keys[p - 1] === k) {
        const w = x.idf[i]!;
        dot += x.counts[i]! * y.counts[p - 1]! * w * w;
        if (withShared) shared.push({ k, w });
        break;
      }
    }
  }
  return { value: x.norm2 > 0 && y.norm2 > 0 ? dot / Math.sqrt(x.norm2 * y.norm2) : 0, shared };
}

/** IDF-weighted Jaccard of two sets of keys (a set-overlap view that ignores repetition). */
function weightedJaccard(x: WeightedBag, y: WeightedBag, withShared: boolean): Overlap {
  let inter = 0;
  let uni = 0;
  const shared: Overlap['shared'] = [];
  for (let i = 0; i < x.keys.length; i++) {
    const k = x.keys[i]!;
    const w = x.idf[i]!;
    uni += w;
    if (indexOf(y.index, k) >= 0) {
      inter += w;
      if (withShared) shared.push({ k, w });
    }
  }
  for (let i = 0; i < y.keys.length; i++) if (indexOf(x.index, y.keys[i]!) < 0) uni += y.idf[i]!;
  return { value: uni > 0 ? inter / uni : 0, shared };
}

function overlap(a: Doc, b: Doc, fa: SimFeatures, fb: SimFeatures, name: BagName, stats: CorpusStats, withShared: boolean): Overlap {
  const x = weighted(a, fa, name, stats);
  const y = weighted(b, fb, name, stats);
  return name === 'numbers' ? weightedJaccard(x, y, withShared) : weightedCosine(x, y, withShared);
}

export interface SimilarityComponents {
  /** TF-IDF cosine of content-word stems over the whole text. */
  words: number;
  /** TF-IDF cosine of the title and lead (first 40 words). */
  lead: number;
  /** IDF-weighted cosine of capitalized names (people, organizations, places). */
  entities: number;
  /** IDF-weighted Jaccard of numbers, years, months and weekdays. */
  numbers: number;
}

export interface SimilarityEvidence {
  /** Shared terms per component, with their first offsets in each article's cleaned text (strongest first, at most 12). */
  terms: Record<keyof SimilarityComponents, { text: string; a: { start: number; end: number }; b: { start: number; end: number } }[]>;
}

export interface SimilarityResult {
  score: number;
  components: SimilarityComponents;
  evidence: SimilarityEvidence;
}

/**
 * Component weights of the overall score: non-negative, summing to 1, chosen by
 * the procedure in src/eval/similarity.ts (the grid of step 0.05 maximizing
 * Pearson r with people's ratings of SemEval-2022 Task 8 English pairs, Chen et
 * al. 2022; its 10-fold cross-validated r is what the eval reports). Names and
 * numbers are already inside `words`; on their own they add no agreement there,
 * so they weigh 0 and stay as components and evidence for the report.
 */
export const SIMILARITY_WEIGHTS: SimilarityComponents = { words: 0.85, lead: 0.15, entities: 0, numbers: 0 };

/**
 * Overall article similarity in [0, 1]: a weighted mean of square-rooted
 * component similarities. The square root spreads the low end, where
 * unrelated and loosely related articles differ (cosines of 0.02 vs 0.15).
 */
export function similarity(a: Doc, b: Doc, stats: CorpusStats): SimilarityResult {
  const fa = features(a);
  const fb = features(b);
  const words = overlap(a, b, fa, fb, 'words', stats, true);
  const lead = overlap(a, b, fa, fb, 'lead', stats, true);
  const entities = overlap(a, b, fa, fb, 'entities', stats, true);
  const numbers = overlap(a, b, fa, fb, 'numbers', stats, true);
  const components: SimilarityComponents = { words: words.value, lead: lead.value, entities: entities.value, numbers: numbers.value };
  let score = 0;
  for (const k of COMPONENTS) score += SIMILARITY_WEIGHTS[k] * Math.sqrt(Math.max(0, components[k]));
  const ev = (shared: Overlap['shared']) =>
    [...shared]
      .sort((x, y) => y.w - x.w || x.k - y.k)
      .slice(0, 12)
      .map(({ k }) => {
        const ta = a.tokens[fa.words.first[indexOf(fa.words.index, k)]!]!;
        const tb = b.tokens[fb.words.first[indexOf(fb.words.index, k)]!]!;
        return { text: a.text.slice(ta.start, ta.end), a: { start: ta.start, end: ta.end }, b: { start: tb.start, end: tb.end } };
      });
  return {
    score: round(Math.min(1, Math.max(0, score))),
    components: { words: round(components.words), lead: round(components.lead), entities: round(components.entities), numbers: round(components.numbers) },
    evidence: { terms: { words: ev(words.shared), lead: ev(lead.shared), entities: ev(entities.shared), numbers: ev(numbers.shared) } },
  };
}

/**
 * `similarity(a, b, stats).score` alone (what a wording comparison reports):
 * components weighing 0 are skipped (they add exactly 0) and no evidence is built.
 */
export function similarityScore(a: Doc, b: Doc, stats: CorpusStats): number {
  const fa = features(a);
  const fb = features(b);
  let score = 0;
  for (const k of COMPONENTS) if (SIMILARITY_WEIGHTS[k] !== 0) score += SIMILARITY_WEIGHTS[k] * Math.sqrt(Math.max(0, overlap(a, b, fa, fb, k, stats, false).value));
  return round(Math.min(1, Math.max(0, score)));
}

const COMPONENTS = Object.keys(SIMILARITY_WEIGHTS) as (keyof SimilarityComponents)[];

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

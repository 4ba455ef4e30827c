import type { Doc } from '../doc/types.js';
import { isStopword } from '../text/index.js';
import { hashString } from './hash.js';
import type { CorpusStats } from './stats.js';
import { idf } from './stats.js';

/** Per-article bags for the overall similarity, cached on the Doc object. */
interface SimFeatures {
  /** Content-word stems → term count. */
  words: Map<number, number>;
  /** Stems of the first `LEAD_TOKENS` tokens (the title and lead: texts are title-first). */
  lead: Map<number, number>;
  /** Capitalized names (entities, places) → count. */
  entities: Map<number, number>;
  /** Numbers, years, months, weekdays (the time and figures of the story) → count. */
  numbers: Map<number, number>;
  /** Where each key first occurs (token index), for evidence. */
  firstAt: Map<number, number>;
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

function add(m: Map<number, number>, k: number, by = 1): void {
  m.set(k, (m.get(k) ?? 0) + by);
}

/** The key a word is counted under in `CorpusStats.wordDf` (its stem). */
export function wordKey(stem: string): number {
  return h(stem);
}

function features(doc: Doc): SimFeatures {
  const hit = cache.get(doc);
  if (hit) return hit;
  const f: SimFeatures = { words: new Map(), lead: new Map(), entities: new Map(), numbers: new Map(), firstAt: new Map() };
  const tokens = doc.tokens;
  // A capitalized word is a name when it is capitalized somewhere other than a sentence start or the title-first lead.
  const names = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.cap || t.kind !== 'word' || isStopword(t.norm) || i < LEAD_TOKENS / 2) continue;
    const prev = tokens[i - 1];
    if (prev && prev.sent === t.sent) names.add(t.norm);
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isStopword(t.norm)) continue;
    const k = h(t.stem);
    if (!f.firstAt.has(k)) f.firstAt.set(k, i);
    add(f.words, k);
    if (i < LEAD_TOKENS) add(f.lead, k);
    if (t.kind === 'number' || TIME_WORDS.has(t.norm)) add(f.numbers, k);
    else if (t.cap && names.has(t.norm)) add(f.entities, k);
  }
  cache.set(doc, f);
  return f;
}

/** Cosine of two bags weighted by tf × IDF (Salton & Buckley 1988). */
function weightedCosine(x: Map<number, number>, y: Map<number, number>, stats: CorpusStats): { value: number; shared: number[] } {
  let dot = 0;
  let nx = 0;
  let ny = 0;
  const shared: number[] = [];
  for (const [k, c] of x) {
    const w = idf(stats, k);
    nx += (c * w) ** 2;
    const d = y.get(k);
    if (d !== undefined) {
      dot += c * d * w * w;
      shared.push(k);
    }
  }
  for (const [k, c] of y) ny += (c * idf(stats, k)) ** 2;
  return { value: nx > 0 && ny > 0 ? dot / Math.sqrt(nx * ny) : 0, shared };
}

/** IDF-weighted Jaccard of two sets of keys (a set-overlap view that ignores repetition). */
function weightedJaccard(x: Map<number, number>, y: Map<number, number>, stats: CorpusStats): { value: number; shared: number[] } {
  let inter = 0;
  let uni = 0;
  const shared: number[] = [];
  for (const k of x.keys()) {
    const w = idf(stats, k);
    uni += w;
    if (y.has(k)) {
      inter += w;
      shared.push(k);
    }
  }
  for (const k of y.keys()) if (!x.has(k)) uni += idf(stats, k);
  return { value: uni > 0 ? inter / uni : 0, shared };
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
  const words = weightedCosine(fa.words, fb.words, stats);
  const lead = weightedCosine(fa.lead, fb.lead, stats);
  const entities = weightedCosine(fa.entities, fb.entities, stats);
  const numbers = weightedJaccard(fa.numbers, fb.numbers, stats);
  const components: SimilarityComponents = { words: words.value, lead: lead.value, entities: entities.value, numbers: numbers.value };
  let score = 0;
  for (const k of Object.keys(SIMILARITY_WEIGHTS) as (keyof SimilarityComponents)[]) score += SIMILARITY_WEIGHTS[k] * Math.sqrt(Math.max(0, components[k]));
  const ev = (keys: number[]) =>
    keys
      .map((k) => ({ k, w: idf(stats, k) }))
      .sort((x, y) => y.w - x.w || x.k - y.k)
      .slice(0, 12)
      .map(({ k }) => {
        const ta = a.tokens[fa.firstAt.get(k)!]!;
        const tb = b.tokens[fb.firstAt.get(k)!]!;
        return { text: a.text.slice(ta.start, ta.end), a: { start: ta.start, end: ta.end }, b: { start: tb.start, end: tb.end } };
      });
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    score: round(Math.min(1, Math.max(0, score))),
    components: { words: round(components.words), lead: round(components.lead), entities: round(components.entities), numbers: round(components.numbers) },
    evidence: { terms: { words: ev(words.shared), lead: ev(lead.shared), entities: ev(entities.shared), numbers: ev(numbers.shared) } },
  };
}

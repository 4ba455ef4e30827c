/**
 * The trained loaded-language tagger: three logistic-regression heads over
 * the token features of features.ts (L2, L-BFGS; logreg.ts), decoded to spans.
 *
 * - `span`  (PTC): P(token inside a Loaded_Language or Name_Calling span);
 * - `nc`    (PTC): P(Name_Calling | token inside one of them) → the span's label;
 * - `basil` (BASIL): P(token inside a lexical-bias span); BASIL marks fewer,
 *   more central words than PTC, so it has its own head and threshold.
 *
 * Decoding: tokens with p ≥ θ are positive; adjacent positives in one sentence
 * merge into a span, and a span extends over up to `maxGap` function words
 * when the tokens on both sides are positive. θ is chosen by inner
 * cross-validation on the training articles only (span F1, SemEval-2020
 * Task 11 scoring). Features whose weights are all below `prune` are dropped
 * from the shipped model.
 */
import type { Doc } from '../../doc/types.js';
import { isStopword } from '../../text/index.js';
import { featureGeneration, featureHash, featureHashById, makeScoringHead, PAIR, scoreTokens, tokenFeatureHashes, walkSpanFeatures, type ScoringHead, type TokenFeatureHashes } from './features.js';
import { matchPhrases, type PhraseIndex } from './lexicon.js';
import { sigmoid, trainLogReg } from './logreg.js';
import { foldOf, scoreSpans, type ScoredSpan } from './score.js';

export interface LabeledSpan {
  start: number;
  end: number;
  label: string;
}

export interface TrainingExample {
  id: string;
  doc: Pick<Doc, 'text' | 'tokens'>;
  spans: readonly LabeledSpan[];
  /** Which annotation scheme the spans follow (default 'ptc'). */
  corpus?: 'ptc' | 'basil';
}

export interface TrainOptions {
  /** PTC labels the lexicon-phrase verdicts consider. */
  labels: readonly string[];
  /** PTC labels of the `span` head (one class). */
  spanLabels: readonly string[];
  /** The label the `nc` head separates from the other span labels. */
  ncLabel: string;
  /** Feature kept for training when seen in at least this many tokens of the training articles. */
  minFeatureCount: number;
  /** λ of the L2 penalty, L-BFGS iterations, loss weight of positive tokens. */
  l2: number;
  iterations: number;
  positiveWeight: number;
  /** Inner folds used to choose the thresholds (on training articles only). */
  innerFolds: number;
  /** Candidate thresholds. */
  thresholds: readonly number[];
  /** Candidate ratios θ_low / θ for hysteresis decoding. */
  lowRatios: readonly number[];
  /** Function words a span may bridge when both sides are positive. */
  maxGap: number;
  /** Drop features whose |weight| is below this in every head. */
  prune: number;
  /** A lexicon phrase seen at least this often in the training texts gets a verdict (keep, relabel, drop). */
  phraseMinCount: number;
  /** Drop a lexicon phrase whose smoothed share inside any gold span is below this. */
  phraseMinShare: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  labels: ['Loaded_Language', 'Name_Calling,Labeling', 'Exaggeration,Minimisation', 'Doubt', 'Flag-Waving', 'Appeal_to_fear-prejudice'],
  spanLabels: ['Loaded_Language', 'Name_Calling,Labeling'],
  ncLabel: 'Name_Calling,Labeling',
  minFeatureCount: 2,
  l2: 4,
  iterations: 60,
  positiveWeight: 1,
  innerFolds: 2,
  thresholds: [0.1, 0.125, 0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3, 0.325, 0.35, 0.375, 0.4, 0.45, 0.5, 0.55, 0.6],
  lowRatios: [1, 0.7, 0.5],
  maxGap: 1,
  prune: 0.02,
  phraseMinCount: 3,
  phraseMinShare: 0.2,
};

export const HEADS = ['span', 'nc', 'basil'] as const;
export type HeadName = (typeof HEADS)[number];

export interface HeadInfo {
  bias: number;
  /** Decision threshold on P (for `nc`: P ≥ θ → Name_Calling). */
  threshold: number;
  /** Lower threshold a span grows over (hysteresis decoding; = threshold for none). */
  low: number;
  /** Training tokens and positives. */
  tokens: number;
  positives: number;
}

/** A verdict on a lexicon phrase from labeled data: best label (null = drop the phrase), positives, total. */
export type PhraseVerdict = [label: string | null, positive: number, total: number];

export interface LoadedModel {
  kind: 'framelens-loaded-tagger';
  version: 2;
  options: TrainOptions;
  /** Articles trained on, per corpus. */
  trainedOn: { ptc: number; basil: number };
  /** Heads present (a head without training data is absent). */
  heads: Partial<Record<HeadName, HeadInfo>>;
  /** Feature key → weights of the heads in HEADS order (0 where a head lacks the feature). Sorted keys. */
  weights: Record<string, number[]>;
  /** Verdicts on hand-lexicon phrases (key: phrase norms joined by spaces). */
  phrases?: Record<string, PhraseVerdict>;
}

/** Features per doc, cached: the eval scores one doc under several configurations and folds. */
const featureCache = new WeakMap<object, { lexicon: PhraseIndex | null; features: TokenFeatureHashes }>();
export function docFeatures(doc: Pick<Doc, 'text' | 'tokens'>, lexicon: PhraseIndex | null, withNames = false): TokenFeatureHashes {
  const hit = featureCache.get(doc);
  if (hit && hit.lexicon === lexicon && (!withNames || hit.features.names)) return hit.features;
  const features = tokenFeatureHashes(doc, lexicon, withNames);
  featureCache.set(doc, { lexicon, features });
  return features;
}

/** 1 where the token overlaps a span with one of the labels. */
export function tokenLabels(ex: TrainingExample, labels: ReadonlySet<string> | null): Uint8Array {
  const { tokens } = ex.doc;
  const y = new Uint8Array(tokens.length);
  for (const s of ex.spans) {
    if (labels && !labels.has(s.label)) continue;
    for (let i = 0; i < tokens.length; i++) if (tokens[i]!.start < s.end && s.start < tokens[i]!.end) y[i] = 1;
  }
  return y;
}

interface FittedHead {
  /** Feature hash → weight (non-zero weights only). */
  weights: Map<number, number>;
  bias: number;
  tokens: number;
  positives: number;
}

/** Fits one head on the given tokens (mask: which tokens take part). */
export function fitHead(features: readonly TokenFeatureHashes[], labels: readonly Uint8Array[], masks: readonly (Uint8Array | null)[], options: TrainOptions): FittedHead {
  const counts = new Map<number, number>();
  for (let d = 0; d < features.length; d++) {
    const { keys, off } = features[d]!;
    const mask = masks[d];
    for (let i = 0; i + 1 < off.length; i++) {
      if (mask && !mask[i]) continue;
      for (let k = off[i]!; k < off[i + 1]!; k++) counts.set(keys[k]!, (counts.get(keys[k]!) ?? 0) + 1);
    }
  }
  const keys = [...counts.keys()].filter((k) => counts.get(k)! >= options.minFeatureCount).sort((a, b) => a - b);
  const index = new Map(keys.map((k, i) => [k, i]));
  const rows: Int32Array[] = [];
  const y: number[] = [];
  const row = new Int32Array(256);
  for (let d = 0; d < features.length; d++) {
    const { keys: fk, off } = features[d]!;
    const mask = masks[d];
    for (let i = 0; i + 1 < off.length; i++) {
      if (mask && !mask[i]) continue;
      let r = 0;
      for (let k = off[i]!; k < off[i + 1]! && r < row.length; k++) {
        const j = index.get(fk[k]!);
        if (j !== undefined) row[r++] = j;
      }
      rows.push(row.slice(0, r));
      y.push(labels[d]![i]!);
    }
  }
  const fit = trainLogReg({ rows, labels: y, dim: keys.length }, { l2: options.l2, iterations: options.iterations, positiveWeight: options.positiveWeight });
  const weights = new Map<number, number>();
  keys.forEach((k, i) => {
    if (fit.weights[i] !== 0) weights.set(k, fit.weights[i]!);
  });
  return { weights, bias: fit.bias, tokens: rows.length, positives: y.reduce((a, b) => a + b, 0) };
}

export function headProbs(features: TokenFeatureHashes, head: Pick<FittedHead, 'weights' | 'bias'>): Float64Array {
  const { keys, off } = features;
  const p = new Float64Array(off.length - 1);
  for (let i = 0; i < p.length; i++) {
    let z = head.bias;
    for (let k = off[i]!; k < off[i + 1]!; k++) z += head.weights.get(keys[k]!) ?? 0;
    p[i] = sigmoid(z);
  }
  return p;
}

/** A decoded span: tokens [first, last) and its mean token probability. */
export interface TokenSpan {
  first: number;
  last: number;
  score: number;
}

/**
 * Spans of positive tokens within a sentence (hysteresis, as in Canny edge
 * linking): a span needs one token with p ≥ θ, and grows over neighbours with
 * p ≥ θ_low (joined by whitespace, hyphens or quotes only), and across up to
 * `maxGap` stopword tokens when the tokens on both sides pass θ_low; stopwords
 * below θ are trimmed from its edges.
 */
export function decodeSpans(doc: Pick<Doc, 'text' | 'tokens'>, probs: ArrayLike<number>, threshold: number, maxGap: number, low = threshold): TokenSpan[] {
  const { tokens, text } = doc;
  const out: TokenSpan[] = [];
  const joinable = (a: number, b: number): boolean => tokens[a]!.sent === tokens[b]!.sent && /^[\s\-\u2010-\u2015'"“”‘’]*$/u.test(text.slice(tokens[a]!.end, tokens[b]!.start));
  let i = 0;
  let prevEnd = 0;
  while (i < tokens.length) {
    if (probs[i]! < threshold) {
      i++;
      continue;
    }
    let first = i;
    while (first > prevEnd && probs[first - 1]! >= low && joinable(first - 1, first)) first--;
    let last = i + 1;
    for (;;) {
      if (last < tokens.length && probs[last]! >= low && joinable(last - 1, last)) {
        last++;
        continue;
      }
      // Bridge a short run of function words ("cesspool of filth").
      let g = 0;
      while (g < maxGap && last + g < tokens.length && probs[last + g]! < low && isStopword(tokens[last + g]!.norm) && joinable(last + g - 1, last + g)) g++;
      const next = last + g;
      if (g > 0 && next < tokens.length && probs[next]! >= low && joinable(next - 1, next)) {
        last = next + 1;
        continue;
      }
      break;
    }
    i = last;
    prevEnd = last;
    // Function words that only passed θ_low do not start or end a span ("the", "our").
    while (first < last && probs[first]! < threshold && isStopword(tokens[first]!.norm)) first++;
    while (last > first && probs[last - 1]! < threshold && isStopword(tokens[last - 1]!.norm)) last--;
    let s = 0;
    for (let k = first; k < last; k++) s += probs[k]!;
    out.push({ first, last, score: s / (last - first) });
  }
  return out;
}

/** Picks θ and θ_low maximising span F1 of out-of-fold predictions over the training articles (inner CV). */
function innerThreshold(docs: readonly TrainingExample[], features: readonly TokenFeatureHashes[], labels: readonly Uint8Array[], spanLabels: ReadonlySet<string> | null, options: TrainOptions): { threshold: number; low: number } {
  const probs: Float64Array[] = new Array(docs.length);
  for (let k = 0; k < options.innerFolds; k++) {
    const inFold = docs.map((d) => foldOf(`${d.id}#inner`, options.innerFolds) === k);
    const tr = docs.map((_, i) => i).filter((i) => !inFold[i]);
    if (tr.length === 0) continue;
    const head = fitHead(tr.map((i) => features[i]!), tr.map((i) => labels[i]!), tr.map(() => null), options);
    docs.forEach((_, i) => {
      if (inFold[i]) probs[i] = headProbs(features[i]!, head);
    });
  }
  const gold = new Map<string, ScoredSpan[]>(docs.map((d) => [d.id, d.spans.filter((s) => !spanLabels || spanLabels.has(s.label)).map((s) => ({ start: s.start, end: s.end, label: 'x' }))]));
  let best = { threshold: 0.5, low: 0.5 };
  let bestF = -1;
  for (const ratio of options.lowRatios) {
    for (const th of options.thresholds) {
      const pred = new Map<string, ScoredSpan[]>();
      docs.forEach((d, i) => {
        const p = probs[i];
        if (!p) return;
        pred.set(d.id, decodeSpans(d.doc, p, th, options.maxGap, th * ratio).map((s) => ({ start: d.doc.tokens[s.first]!.start, end: d.doc.tokens[s.last - 1]!.end, label: 'x' })));
      });
      const f = scoreSpans(pred, gold).f1;
      if (f > bestF + 1e-12) {
        bestF = f;
        best = { threshold: th, low: Math.round(th * ratio * 1e4) / 1e4 };
      }
    }
  }
  return best;
}

/** Trains the tagger heads (span and nc on PTC examples, basil on BASIL examples) and the lexicon verdicts; deterministic. */
export function trainLoadedModel(examples: readonly TrainingExample[], options: TrainOptions = DEFAULT_TRAIN_OPTIONS, lexicon?: PhraseIndex): LoadedModel {
  const lex = lexicon ?? null;
  const ptc = examples.filter((e) => e.corpus !== 'basil');
  const basil = examples.filter((e) => e.corpus === 'basil');
  const fitted: Partial<Record<HeadName, FittedHead>> = {};
  const heads: LoadedModel['heads'] = {};
  const spanLabels = new Set(options.spanLabels);
  if (ptc.length > 0) {
    const feats = ptc.map((e) => docFeatures(e.doc, lex));
    const y = ptc.map((e) => tokenLabels(e, spanLabels));
    const span = fitHead(feats, y, ptc.map(() => null), options);
    fitted.span = span;
    const th = ptc.length >= 2 * options.innerFolds ? innerThreshold(ptc, feats, y, spanLabels, options) : { threshold: 0.5, low: 0.5 };
    heads.span = { bias: span.bias, ...th, tokens: span.tokens, positives: span.positives };
    const yNc = ptc.map((e) => tokenLabels(e, new Set([options.ncLabel])));
    const nc = fitHead(feats, yNc, y, options);
    if (nc.tokens > 0) {
      fitted.nc = nc;
      heads.nc = { bias: nc.bias, threshold: 0.5, low: 0.5, tokens: nc.tokens, positives: nc.positives };
    }
  }
  if (basil.length > 0) {
    const feats = basil.map((e) => docFeatures(e.doc, lex));
    const y = basil.map((e) => tokenLabels(e, null));
    const head = fitHead(feats, y, basil.map(() => null), options);
    fitted.basil = head;
    const th = basil.length >= 2 * options.innerFolds ? innerThreshold(basil, feats, y, null, options) : { threshold: 0.5, low: 0.5 };
    heads.basil = { bias: head.bias, ...th, tokens: head.tokens, positives: head.positives };
  }
  const kept = new Map<number, number[]>();
  for (const h of HEADS) {
    for (const k of fitted[h]?.weights.keys() ?? []) {
      if (kept.has(k)) continue;
      const w = HEADS.map((hh) => Math.round((fitted[hh]?.weights.get(k) ?? 0) * 1e4) / 1e4);
      if (w.some((x) => Math.abs(x) >= options.prune)) kept.set(k, w);
    }
  }
  // The shipped weights are keyed by readable feature names (hashed again on load).
  const names = featureNames(examples.map((e) => docFeatures(e.doc, lex, true)), kept);
  const weights: Record<string, number[]> = {};
  for (const [name, k] of [...names].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) weights[name] = kept.get(k)!;
  for (const h of HEADS) if (heads[h]) heads[h].bias = Math.round(heads[h].bias * 1e4) / 1e4;
  const model: LoadedModel = { kind: 'framelens-loaded-tagger', version: 2, options, trainedOn: { ptc: ptc.length, basil: basil.length }, heads, weights };
  if (lexicon) model.phrases = phraseVerdicts(ptc, options, lexicon);
  return model;
}

/** Name → hash of the wanted hashes, from the docs' feature names (the smallest name if two share a hash). */
function featureNames(features: readonly TokenFeatureHashes[], wanted: ReadonlyMap<number, unknown>): Map<string, number> {
  const best = new Map<number, string>();
  for (const { keys, names } of features) {
    for (let k = 0; k < keys.length; k++) {
      const h = keys[k]!;
      if (!wanted.has(h)) continue;
      const name = names![k]!;
      const cur = best.get(h);
      if (cur === undefined || name < cur) best.set(h, name);
    }
  }
  return new Map([...best].map(([h, name]) => [name, h]));
}

/**
 * How often each hand-lexicon phrase falls inside a gold span, by label.
 * Share = (positives + 1·π) / (n + 1) with π the mean share over all phrases;
 * below `phraseMinShare` the phrase is dropped, else it takes its majority label.
 */
function phraseVerdicts(examples: readonly TrainingExample[], options: TrainOptions, lexicon: PhraseIndex): Record<string, PhraseVerdict> {
  const labels = new Set(options.labels);
  const total = new Map<string, number>();
  const inAny = new Map<string, number>();
  const byLabel = new Map<string, Map<string, number>>();
  for (const ex of examples) {
    const spans = ex.spans.filter((s) => labels.has(s.label));
    for (const h of matchPhrases(ex.doc, lexicon)) {
      const key = h.entry.norms.join(' ');
      const start = ex.doc.tokens[h.first]!.start;
      const end = ex.doc.tokens[h.last - 1]!.end;
      total.set(key, (total.get(key) ?? 0) + 1);
      const hit = spans.filter((s) => s.start < end && start < s.end);
      if (hit.length === 0) continue;
      inAny.set(key, (inAny.get(key) ?? 0) + 1);
      let m = byLabel.get(key);
      if (!m) byLabel.set(key, (m = new Map()));
      for (const l of new Set(hit.map((s) => s.label))) m.set(l, (m.get(l) ?? 0) + 1);
    }
  }
  let sumPos = 0;
  let sumAll = 0;
  for (const [k, n] of total) {
    sumAll += n;
    sumPos += inAny.get(k) ?? 0;
  }
  const prior = sumAll > 0 ? sumPos / sumAll : 0;
  const out: Record<string, PhraseVerdict> = {};
  for (const k of [...total.keys()].sort()) {
    const n = total.get(k)!;
    if (n < options.phraseMinCount) continue;
    const pos = inAny.get(k) ?? 0;
    const share = (pos + prior) / (n + 1);
    if (share < options.phraseMinShare) {
      out[k] = [null, pos, n];
      continue;
    }
    const m = byLabel.get(k);
    const best = m ? [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] : undefined;
    // Relabel only on a clear majority of at least two votes.
    if (best && best[1] >= 2 && best[1] * 2 > pos) out[k] = [best[0], pos, n];
  }
  return out;
}

/**
 * The model's weights as an open-addressing hash table over feature hashes
 * (linear probing, load ≤ 1/2; built once per model object): the hot loop does
 * one probe per feature, with no string built or hashed. A slot holds the
 * hash and entry side by side (one cache line per probe), and a 2^20-bit
 * presence filter answers most misses (neighbour bigrams are rarely in the
 * model) without touching the table.
 */
interface WeightTable {
  mask: number;
  /** Slot s: hash at [2s], entry + 1 at [2s + 1] (0 = empty). */
  slots: Int32Array;
  /** Bit (h & 0xfffff) set when some entry has hash h. */
  present: Int32Array;
  /** Entry e's weights at [e·H … e·H + H) in HEADS order. */
  weights: Float64Array;
  /** Head j's weights by entry (the same numbers as `weights`, contiguous for the scoring loop). */
  byHead: Float64Array[];
  names: string[];
  /** Feature hash by entry. */
  hashes: Uint32Array;
  /** Entry by feature id (features.ts), for ids of `generation`: −2 unresolved, −1 not in the model. */
  entryOfId: Int32Array;
  generation: number;
  /** Scorer of each head (features.ts scoreTokens), built on first use. */
  scorers: (ScoringHead | undefined)[];
  /** Scratch for applyLoadedModel's cues, by entry (all 0 between calls). */
  cueBest: Float64Array;
}

function growEntryOfId(t: WeightTable, id: number): Int32Array {
  let size = t.entryOfId.length;
  while (size <= id) size *= 2;
  const grown = new Int32Array(size).fill(-2);
  grown.set(t.entryOfId);
  t.entryOfId = grown;
  return grown;
}
const weightTables = new WeakMap<LoadedModel, WeightTable>();
function weightTable(model: LoadedModel): WeightTable {
  const hit = weightTables.get(model);
  if (hit) return hit;
  const names = Object.keys(model.weights);
  const H = HEADS.length;
  let size = 16;
  while (size < names.length * 2) size *= 2;
  const t: WeightTable = { mask: size - 1, slots: new Int32Array(2 * size), present: new Int32Array(1 << 15), weights: new Float64Array(names.length * H), byHead: HEADS.map(() => new Float64Array(names.length)), names, hashes: new Uint32Array(names.length), entryOfId: new Int32Array(1 << 16).fill(-2), generation: featureGeneration(), scorers: [], cueBest: new Float64Array(names.length) };
  names.forEach((name, e) => {
    const h = featureHash(name);
    t.hashes[e] = h;
    model.weights[name]!.forEach((w, j) => {
      t.weights[e * H + j] = w;
      t.byHead[j]![e] = w;
    });
    t.present[(h & 0xfffff) >>> 5]! |= 1 << (h & 31);
    let s = h & t.mask;
    while (t.slots[2 * s + 1] !== 0) s = (s + 1) & t.mask;
    t.slots[2 * s] = h;
    t.slots[2 * s + 1] = e + 1;
  });
  weightTables.set(model, t);
  return t;
}

/** Head j of the table as a scorer (features.ts), built once per model head. */
function scoringHeadOf(t: WeightTable, j: number, bias: number): ScoringHead {
  const hit = t.scorers[j];
  if (hit && hit.bias === bias) return hit;
  const scorer = makeScoringHead(bias, t.hashes, t.byHead[j]!);
  t.scorers[j] = scorer;
  return scorer;
}

/** Entry of hash h in the table, or −1. */
function lookup(t: WeightTable, h: number): number {
  if ((t.present[(h & 0xfffff) >>> 5]! & (1 << (h & 31))) === 0) return -1;
  const slots = t.slots;
  const hs = h | 0;
  let s = h & t.mask;
  for (;;) {
    const e = slots[2 * s + 1]!;
    if (e === 0) return -1;
    if (slots[2 * s] === hs) return e - 1;
    s = (s + 1) & t.mask;
  }
}

/**
 * Names of the (up to) three entries of `touched` with the largest best[e],
 * ties by name: the first three of sorting them that way, found in one pass
 * (a span touches dozens of entries; only three are kept).
 */
export function topCues(touched: readonly number[], best: Float64Array, names: readonly string[]): string[] {
  const top: number[] = [];
  for (const e of touched) {
    // Insert e before the first kept entry it precedes in the order (larger weight, then smaller name).
    let k = top.length;
    while (k > 0) {
      const o = top[k - 1]!;
      if (best[e]! > best[o]! || (best[e] === best[o] && names[e]! < names[o]!)) k--;
      else break;
    }
    if (k < 3) {
      top.splice(k, 0, e);
      if (top.length > 3) top.pop();
    }
  }
  return top.map((e) => names[e]!);
}

/** A model hit: tokens [first, last), label, mean span-head probability, and the strongest cue features. */
export interface ModelHit {
  first: number;
  last: number;
  label: 'Loaded_Language' | 'Name_Calling,Labeling';
  score: number;
  cues: string[];
}

/**
 * Tags a doc with the `span` head (scheme 'ptc', labels from the `nc` head) or
 * the `basil` head (scheme 'basil', label Loaded_Language). `lexicon` must be
 * the one the model was trained with (its membership is a feature).
 */
export function applyLoadedModel(doc: Pick<Doc, 'text' | 'tokens'>, model: LoadedModel, lexicon: PhraseIndex | null, scheme: 'ptc' | 'basil' = 'ptc'): ModelHit[] {
  const headName: HeadName = scheme === 'basil' ? 'basil' : 'span';
  const head = model.heads[headName];
  if (!head || doc.tokens.length === 0) return [];
  const h = HEADS.indexOf(headName);
  const ncHead = scheme === 'ptc' ? model.heads.nc : undefined;
  const table = weightTable(model);
  const H = HEADS.length;
  const tw = table.weights;
  // Tokens whose z is clearly below logit(θ_low) get p = 0 (no exp): decoding only compares them with θ_low and θ.
  const lowest = Math.min(head.low, head.threshold);
  const zFloor = lowest > 0 && lowest < 1 ? Math.log(lowest / (1 - lowest)) - 0.01 : -Infinity;
  const { probs, z: zs, walk } = scoreTokens(doc, lexicon, scoringHeadOf(table, h, head.bias), zFloor);
  // Entry of every feature id, resolved on first sight (−2: not yet; −1: not in the model).
  if (table.generation !== featureGeneration()) {
    table.entryOfId.fill(-2);
    table.generation = featureGeneration();
  }
  if (table.cueBest.length < table.names.length) table.cueBest = new Float64Array(table.names.length);
  const best = table.cueBest;
  const out: ModelHit[] = [];
  for (const s of decodeSpans(doc, probs, head.threshold, model.options.maxGap, head.low)) {
    // The mean p over the span from exact probabilities (a bridged function word may have had p = 0 above).
    let sum = 0;
    for (let k = s.first; k < s.last; k++) sum += sigmoid(zs[k]!);
    const score = sum / (s.last - s.first);
    // The span's features again, as ids (few tokens): the nc head and the cues need them one by one.
    const { ids, off, pairs } = walkSpanFeatures(walk, s.first, s.last);
    let entryOfId = table.entryOfId;
    // Largest positive weight of each model feature in the span (best[e] > 0 only for entries in `touched`).
    const touched: number[] = [];
    let nc = 0;
    let p = 0;
    for (let i = 0; i < s.last - s.first; i++) {
      let z = ncHead?.bias ?? 0;
      for (let k = off[i]!; k < off[i + 1]!; k++) {
        const id = ids[k]!;
        let e: number;
        if (id === PAIR) e = lookup(table, pairs[p++]!);
        else {
          if (id >= entryOfId.length) entryOfId = growEntryOfId(table, id);
          e = entryOfId[id]!;
          if (e === -2) e = entryOfId[id] = lookup(table, featureHashById(id));
        }
        if (e < 0) continue;
        if (ncHead) z += tw[e * H + 1]!;
        const w = tw[e * H + h]!;
        if (w > 0) {
          if (best[e] === 0) touched.push(e);
          if (w > best[e]!) best[e] = w;
        }
      }
      nc += sigmoid(z);
    }
    const cues = topCues(touched, best, table.names);
    for (const e of touched) best[e] = 0;
    const isNc = ncHead !== undefined && nc / (s.last - s.first) >= ncHead.threshold;
    out.push({ first: s.first, last: s.last, label: isNc ? 'Name_Calling,Labeling' : 'Loaded_Language', score: Math.round(score * 1e4) / 1e4, cues });
  }
  return out;
}

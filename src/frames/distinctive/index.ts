/**
 * Distinctive wording per outlet: the weighted log-odds ratio with an
 * informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin'
 * Words", Political Analysis 16(4), §3.5). For a word w, group i against the
 * rest j, counts y, group totals n, prior pseudo-counts α_w with α_0 = Σ α_w:
 *
 *   δ_w = log[(y_wi + α_w) / (n_i + α_0 − y_wi − α_w)] − log[(y_wj + α_w) / (n_j + α_0 − y_wj − α_w)]
 *   σ²(δ_w) ≈ 1/(y_wi + α_w) + 1/(y_wj + α_w),   z_w = δ_w / σ(δ_w)
 *
 * z > 0: the word is more typical of group i. The prior is informative: α_w
 * = α_0 · f_w with f_w the word's share of a background set (by default the
 * docs compared; pass the whole collection to compare outlets within one
 * event against a corpus-wide prior), scaled to α_0 = `priorScale`.
 *
 * Terms are token norms (lower case). Stopwords (natural's English list plus
 * news glue words, `isStopword`), numbers and one-letter tokens are left out
 * before counting: they dominate raw counts and say nothing about wording.
 */
import { z } from 'zod';
import type { Doc, Token } from '../../doc/types.js';
import { formMemo, isStopword, tokenForms } from '../../text/index.js';
import { byOutlet } from '../hedges/per-outlet.js';
import { settableLimit } from '../limit.js';

export type Counts = ReadonlyMap<string, number>;

export interface LogOdds {
  term: string;
  delta: number;
  variance: number;
  z: number;
  countA: number;
  countB: number;
}

/**
 * Fightin' Words log-odds with prior `alpha` (term → α_w) for every term
 * counted in A or B (terms only in the prior are skipped). Sorted by z
 * descending, then term.
 */
export function logOddsDirichlet(a: Counts, b: Counts, alpha: Counts): LogOdds[] {
  let nA = 0;
  let nB = 0;
  let a0 = 0;
  for (const v of a.values()) nA += v;
  for (const v of b.values()) nB += v;
  for (const v of alpha.values()) a0 += v;
  const terms = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: LogOdds[] = [];
  for (const term of terms) {
    const aw = alpha.get(term) ?? 0;
    if (aw <= 0) continue;
    const ya = a.get(term) ?? 0;
    const yb = b.get(term) ?? 0;
    const delta = Math.log((ya + aw) / (nA + a0 - ya - aw)) - Math.log((yb + aw) / (nB + a0 - yb - aw));
    const variance = 1 / (ya + aw) + 1 / (yb + aw);
    out.push({ term, delta, variance, z: delta / Math.sqrt(variance), countA: ya, countB: yb });
  }
  out.sort((x, y) => y.z - x.z || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  return out;
}

/** A token counted for distinctive wording (see the module comment). */
export function isContentTerm(norm: string, kind: string): boolean {
  return kind === 'word' && norm.length > 1 && !isStopword(norm);
}

/**
 * Content terms numbered across docs: one id per distinct norm, whatever the doc. A comparison then
 * counts by id in flat arrays instead of hashing each doc's terms again in
 * every event, story and background it is part of. The table starts over
 * (between comparisons, never during one) past TERM_LIMIT norms, so memory
 * stays flat over millions of articles; a doc's cached ids carry the
 * generation they belong to.
 */
export const TERM_LIMIT = 1 << 18;
const termLimit = settableLimit(TERM_LIMIT);
/** Sets the term limit (tests); returns the previous one. */
export const setTermLimit = termLimit.set;
let termGeneration = 0;
let termIds = new Map<string, number>();
/** The norm of each term id (a doc's terms are read from here, not from its token objects). */
let termNorms: string[] = [];

function termId(norm: string): number {
  let id = termIds.get(norm);
  if (id === undefined) {
    id = termIds.size;
    termIds.set(norm, id);
    termNorms.push(norm);
  }
  return id;
}

/** Starts the term table over when it has grown past TERM_LIMIT (call only before a comparison reads any doc). */
function trimTerms(): void {
  if (termIds.size <= termLimit.value()) return;
  termGeneration++;
  termIds = new Map();
  termNorms = [];
}

/** Scratch by term id: its slot in the comparison being counted (−1: none). Reset after each comparison. */
let cmpSlot: Int32Array = new Int32Array(1 << 12).fill(-1);
/** `slots` grown to hold every term id (new entries −1). */
function grownSlots(slots: Int32Array): Int32Array {
  if (slots.length >= termIds.size) return slots;
  const grown = new Int32Array(Math.max(termIds.size, 2 * slots.length)).fill(-1);
  grown.set(slots);
  return grown;
}

/**
 * One article's content terms, cached per token array: an article is counted
 * once however many events, stories and backgrounds it is compared in.
 * `terms` in order of first occurrence, their ids, counts and first token index;
 * `other`: first index and count of each norm that only its token kind keeps from
 * being a content term (a number token, say), which evidence scans still match.
 */
interface DocTerms {
  generation: number;
  terms: string[];
  /** Per token: its term's position in `terms`, −1 for tokens that are no content term or not words. */
  tokenTerm: Int32Array;
  ids: Int32Array;
  n: Int32Array;
  first: Int32Array;
  other: Map<string, [number, number]> | null;
}
const docTermsCache = new WeakMap<readonly unknown[], DocTerms>();

/** A token's class for counting: its content term's id (≥ 0), NOT_TERM, or OTHER_TERM (a non-word whose norm would be one). */
const NOT_TERM = -1;
const OTHER_TERM = -3;
const UNKNOWN = -2;

function classify(t: Token): number {
  if (!isContentTerm(t.norm, 'word')) return NOT_TERM;
  return t.kind === 'word' ? termId(t.norm) : OTHER_TERM;
}

/**
 * classify by tokenizer form entry (text/tokenize.ts `tokenForms`: equal entries, equal kind
 * and norm), per form table and term generation: a token costs an array read instead of a
 * stopword probe and a hash of its norm. UNKNOWN until the entry is first met.
 */
const formClasses = formMemo(UNKNOWN);

/** Scratch by term id: the term's position in the doc being read (−1: not seen yet). Reset after each doc. */
let docSlot: Int32Array = new Int32Array(1 << 12).fill(-1);

function docTerms(doc: Doc): DocTerms {
  const hit = docTermsCache.get(doc.tokens);
  if (hit && hit.generation === termGeneration) return hit;
  const terms: string[] = [];
  const ids: number[] = [];
  const n: number[] = [];
  const first: number[] = [];
  let other: Map<string, [number, number]> | null = null;
  const tokens = doc.tokens;
  const tokenTerm = new Int32Array(tokens.length).fill(-1);
  const forms = tokenForms(tokens);
  // Per term generation: after a restart the ids held are stale (the table object stays, its entries too).
  const classes = forms ? formClasses(forms, termGeneration) : null;
  for (let i = 0; i < tokens.length; i++) {
    let g: number;
    if (classes) {
      const e = forms!.ids[i]!;
      g = classes[e]!;
      if (g === UNKNOWN) classes[e] = g = classify(tokens[i]!);
    } else g = classify(tokens[i]!);
    if (g === NOT_TERM) continue;
    if (g === OTHER_TERM) {
      const norm = tokens[i]!.norm;
      const o = other?.get(norm);
      if (o) o[1]++;
      else (other ??= new Map()).set(norm, [i, 1]);
      continue;
    }
    if (g >= docSlot.length) {
      const grown = new Int32Array(Math.max(g + 1, 2 * docSlot.length)).fill(-1);
      grown.set(docSlot);
      docSlot = grown;
    }
    const k = docSlot[g]!;
    if (k >= 0) {
      n[k]!++;
      tokenTerm[i] = k;
    } else {
      tokenTerm[i] = terms.length;
      docSlot[g] = terms.length;
      terms.push(termNorms[g]!);
      ids.push(g);
      n.push(1);
      first.push(i);
    }
  }
  for (const g of ids) docSlot[g] = -1;
  const entry = { generation: termGeneration, terms, tokenTerm, ids: new Int32Array(ids), n: new Int32Array(n), first: new Int32Array(first), other };
  docTermsCache.set(doc.tokens, entry);
  return entry;
}

/** Position in `dt.terms` of `term` (−1: not there). */
function termIndex(dt: DocTerms, term: string): number {
  const g = termIds.get(term);
  return g === undefined ? -1 : dt.ids.indexOf(g);
}

/**
 * The article's content terms (`isContentTerm`, word tokens): `terms` in order of first
 * occurrence, `first` the token index of each one's first occurrence, `tokenTerm` each token's
 * term (−1: none). Read once per article (cached with the counts above) and shared with the
 * claims comparison, whose content words are these terms' longer ones.
 */
export function contentTerms(doc: Doc): { readonly terms: readonly string[]; readonly first: Int32Array; readonly tokenTerm: Int32Array } {
  return docTerms(doc);
}

/** Content-term counts over `docs`; keys in order of first occurrence (docs in order, tokens in order). */
export function termCounts(docs: readonly Doc[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of docs) {
    const dt = docTerms(d);
    dt.terms.forEach((k, i) => m.set(k, (m.get(k) ?? 0) + dt.n[i]!));
  }
  return m;
}

/** Prior pseudo-counts α_w = scale · f_w from background counts. */
export function scaledPrior(background: Counts, scale: number): Map<string, number> {
  let n = 0;
  for (const v of background.values()) n += v;
  const out = new Map<string, number>();
  if (n === 0) return out;
  for (const [k, v] of background) out.set(k, (scale * v) / n);
  return out;
}

export interface DistinctiveOptions {
  /** Docs whose word frequencies form the prior (default: the docs compared). */
  background?: readonly Doc[];
  /** α_0, the prior's total pseudo-count. Monroe et al. use corpus counts; 1,000 keeps rare words from dominating small groups. */
  priorScale?: number;
  /** Words kept per outlet. */
  top?: number;
  /** Minimum z to report (1.96 ≈ two-sided 5 %). */
  minZ?: number;
  /** Occurrences kept as evidence per word. */
  evidence?: number;
}

export const DistinctiveWordSchema = z.object({
  term: z.string(),
  z: z.number(),
  delta: z.number(),
  /** Occurrences in this outlet's docs and in the other outlets' docs. */
  count: z.number().int(),
  countOthers: z.number().int(),
  evidence: z.array(z.object({ doc: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() })),
});
export const OutletDistinctiveSchema = z.object({ outlet: z.string(), docs: z.number().int(), tokens: z.number().int(), words: z.array(DistinctiveWordSchema) });
export const DistinctiveResultSchema = z.object({ priorScale: z.number(), backgroundDocs: z.number().int(), outlets: z.array(OutletDistinctiveSchema) });
export type DistinctiveWord = z.infer<typeof DistinctiveWordSchema>;
export type OutletDistinctive = z.infer<typeof OutletDistinctiveSchema>;
export type DistinctiveResult = z.infer<typeof DistinctiveResultSchema>;

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * Each outlet's most distinctive words against all other outlets in `docs`
 * (one vs rest), with z-scores, counts and the first occurrences as evidence.
 * Pass an event's docs (and the whole set as `background`) for within-event
 * wording; pass the whole set for overall wording.
 */
export function distinctiveWords(docs: readonly Doc[], options: DistinctiveOptions = {}): DistinctiveResult {
  const priorScale = options.priorScale ?? 1000;
  const top = options.top ?? 15;
  const minZ = options.minZ ?? 1.96;
  const maxEvidence = options.evidence ?? 3;
  const background = options.background ?? docs;
  // Terms numbered in order of first occurrence (docs in order, then the background's new terms):
  // the key order of the count maps this replaces, so sums run in the same order (same bits).
  trimTerms();
  const termOf: string[] = [];
  const globalOf: number[] = [];
  const idsOf = (d: Doc): Int32Array => {
    const dt = docTerms(d);
    const slots = (cmpSlot = grownSlots(cmpSlot));
    const out = new Int32Array(dt.ids.length);
    for (let k = 0; k < out.length; k++) {
      const g = dt.ids[k]!;
      let id = slots[g]!;
      if (id < 0) {
        id = termOf.length;
        slots[g] = id;
        termOf.push(dt.terms[k]!);
        globalOf.push(g);
      }
      out[k] = id;
    }
    return out;
  };
  const docIds = new Map<Doc, Int32Array>();
  for (const d of docs) if (!docIds.has(d)) docIds.set(d, idsOf(d));
  const nDocTerms = termOf.length;
  let allCount = new Float64Array(nDocTerms);
  let nAll = 0;
  for (const d of docs) {
    const dn = docTerms(d).n;
    const di = docIds.get(d)!;
    for (let k = 0; k < di.length; k++) {
      allCount[di[k]!]! += dn[k]!;
      nAll += dn[k]!;
    }
  }
  // Prior over the background plus the compared docs, so every counted term has α_w > 0.
  let bgOrder: Int32Array | null = null;
  let bgCount = allCount;
  if (options.background) {
    const order: number[] = [];
    const bg: number[] = [];
    const seen: boolean[] = [];
    for (const d of options.background) {
      const dn = docTerms(d).n;
      const di = idsOf(d);
      for (let k = 0; k < di.length; k++) {
        const id = di[k]!;
        if (!seen[id]) {
          seen[id] = true;
          order.push(id);
          bg[id] = 0;
        }
        bg[id] = bg[id]! + dn[k]!;
      }
    }
    for (let id = 0; id < nDocTerms; id++) {
      if (seen[id]) continue;
      order.push(id);
      bg[id] = allCount[id]!;
    }
    bgOrder = new Int32Array(order);
    bgCount = Float64Array.from({ length: termOf.length }, (_, id) => bg[id] ?? 0);
    const grown = new Float64Array(termOf.length);
    grown.set(allCount);
    allCount = grown;
  }
  let nBg = 0;
  const visit = (f: (id: number) => void): void => {
    if (bgOrder) for (const id of bgOrder) f(id);
    else for (let id = 0; id < nDocTerms; id++) f(id);
  };
  visit((id) => (nBg += bgCount[id]!));
  const alpha = new Float64Array(termOf.length);
  let a0 = 0;
  // α_w = scale · count / n, as scaledPrior computes it; a0 summed in the prior's key order.
  if (nBg !== 0)
    visit((id) => {
      alpha[id] = (priorScale * bgCount[id]!) / nBg;
      a0 += alpha[id]!;
    });
  // One vs rest without building each rest: rest counts are all counts minus the outlet's own.
  const mine = new Float64Array(termOf.length);
  const topId = new Int32Array(Math.max(0, top));
  const topZ = new Float64Array(topId.length);
  const topDelta = new Float64Array(topId.length);
  const outlets = byOutlet(docs).map(([outlet, ds]) => {
    const used: number[] = [];
    let nA = 0;
    for (const d of ds) {
      const dn = docTerms(d).n;
      const di = docIds.get(d)!;
      for (let k = 0; k < di.length; k++) {
        const id = di[k]!;
        if (mine[id] === 0) used.push(id);
        mine[id]! += dn[k]!;
        nA += dn[k]!;
      }
    }
    const nB = nAll - nA;
    // The `top` best in logOddsDirichlet's order, kept sorted as they come (an outlet has hundreds of terms past
    // minZ and keeps 15: no object per term and no sort of them all).
    let kept = 0;
    for (const id of used) {
      const aw = alpha[id]!;
      if (aw <= 0) continue;
      const ya = mine[id]!;
      const yb = allCount[id]! - ya;
      // The arithmetic of logOddsDirichlet, term by term (bit-identical figures).
      const delta = Math.log((ya + aw) / (nA + a0 - ya - aw)) - Math.log((yb + aw) / (nB + a0 - yb - aw));
      const variance = 1 / (ya + aw) + 1 / (yb + aw);
      const z = delta / Math.sqrt(variance);
      if (!(z >= minZ)) continue;
      const term = termOf[id]!;
      let at = kept;
      while (at > 0 && zBefore(z, term, topZ[at - 1]!, termOf[topId[at - 1]!]!)) at--;
      if (at >= top) continue;
      for (let k = Math.min(kept, top - 1); k > at; k--) {
        topId[k] = topId[k - 1]!;
        topZ[k] = topZ[k - 1]!;
        topDelta[k] = topDelta[k - 1]!;
      }
      topId[at] = id;
      topZ[at] = z;
      topDelta[at] = delta;
      if (kept < top) kept++;
    }
    const words: DistinctiveWord[] = [];
    for (let k = 0; k < kept; k++) {
      const id = topId[k]!;
      const term = termOf[id]!;
      const ya = mine[id]!;
      words.push({ term, z: round(topZ[k]!), delta: round(topDelta[k]!), count: ya, countOthers: allCount[id]! - ya, evidence: evidenceOf(ds, term, maxEvidence) });
    }
    for (const id of used) mine[id] = 0;
    return { outlet, docs: ds.length, tokens: nA, words };
  });
  for (const g of globalOf) cmpSlot[g] = -1;
  return { priorScale, backgroundDocs: background.length, outlets };
}

/** True when (z, term) sorts before (z2, term2) in logOddsDirichlet's order (z descending, then term; the same comparison). */
function zBefore(z: number, term: string, z2: number, term2: string): boolean {
  return (z2 - z || (term < term2 ? -1 : term > term2 ? 1 : 0)) < 0;
}

/** The first `max` occurrences of `term` in `docs` (in order), each doc scanned from the term's first token to its last occurrence (by the counts). */
function evidenceOf(docs: readonly Doc[], term: string, max: number): DistinctiveWord['evidence'] {
  const out: DistinctiveWord['evidence'] = [];
  for (const d of docs) {
    const dt = docTerms(d);
    const k = termIndex(dt, term);
    const o = dt.other?.get(term);
    if (k < 0 && o === undefined) continue;
    const from = Math.min(k < 0 ? Infinity : dt.first[k]!, o ? o[0] : Infinity);
    let left = (k < 0 ? 0 : dt.n[k]!) + (o ? o[1] : 0);
    // A word token has the term's norm exactly when it is counted as the term (tokenTerm); other tokens are compared by norm.
    const tokenTerm = dt.tokenTerm;
    for (let i = from; left > 0 && i < d.tokens.length; i++) {
      if (k < 0 || tokenTerm[i] !== k) {
        if (o === undefined) continue;
        const t = d.tokens[i]!;
        if (t.kind === 'word' || t.norm !== term) continue;
      }
      const t = d.tokens[i]!;
      left--;
      out.push({ doc: d.id, start: t.start, end: t.end, text: d.text.slice(t.start, t.end) });
      if (out.length >= max) return out;
    }
  }
  return out;
}

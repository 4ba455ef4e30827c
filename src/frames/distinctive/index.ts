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
import type { Doc } from '../../doc/types.js';
import { isStopword } from '../../text/index.js';
import { byOutlet } from '../hedges/per-outlet.js';

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
 * One article's content-term counts, cached per token array: an article is
 * counted once however many events, stories and backgrounds it is compared in.
 */
const docCountsCache = new WeakMap<readonly unknown[], Map<string, number>>();
function docTermCounts(doc: Doc): Map<string, number> {
  let m = docCountsCache.get(doc.tokens);
  if (m) return m;
  m = new Map<string, number>();
  for (const t of doc.tokens) if (isContentTerm(t.norm, t.kind)) m.set(t.norm, (m.get(t.norm) ?? 0) + 1);
  docCountsCache.set(doc.tokens, m);
  return m;
}

/** Content-term counts over `docs`; keys in order of first occurrence (docs in order, tokens in order). */
export function termCounts(docs: readonly Doc[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of docs) for (const [k, v] of docTermCounts(d)) m.set(k, (m.get(k) ?? 0) + v);
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
  // Prior over the background plus the compared docs, so every counted term has α_w > 0.
  const all = termCounts(docs);
  const bgCounts = options.background ? termCounts(options.background) : all;
  if (options.background) for (const [k, v] of all) if (!bgCounts.has(k)) bgCounts.set(k, v);
  const alpha = scaledPrior(bgCounts, priorScale);
  let a0 = 0;
  for (const v of alpha.values()) a0 += v;
  // One vs rest without building each rest: rest counts are all counts minus the outlet's own.
  let nAll = 0;
  for (const v of all.values()) nAll += v;
  const outlets = byOutlet(docs).map(([outlet, ds]) => {
    const mine = termCounts(ds);
    let nA = 0;
    for (const v of mine.values()) nA += v;
    const scored = oneVsRest(mine, nA, all, nAll - nA, alpha, a0)
      .filter((s) => s.z >= minZ)
      .sort(byZ)
      .slice(0, top);
    const words = scored.map((s) => ({ term: s.term, z: round(s.z), delta: round(s.delta), count: s.countA, countOthers: s.countB, evidence: evidenceOf(ds, s.term, maxEvidence) }));
    return { outlet, docs: ds.length, tokens: nA, words };
  });
  return { priorScale, backgroundDocs: background.length, outlets };
}

function byZ(x: LogOdds, y: LogOdds): number {
  return y.z - x.z || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0);
}

/**
 * `logOddsDirichlet(mine, all − mine, alpha)` restricted to the terms the
 * outlet uses (the only ones `distinctiveWords` reports), with the same
 * arithmetic so the figures are bit-identical; `a0` = Σ α_w, `nB` = rest total.
 */
function oneVsRest(mine: Counts, nA: number, all: Counts, nB: number, alpha: Counts, a0: number): LogOdds[] {
  const out: LogOdds[] = [];
  for (const [term, ya] of mine) {
    const aw = alpha.get(term) ?? 0;
    if (aw <= 0) continue;
    const yb = (all.get(term) ?? 0) - ya;
    const delta = Math.log((ya + aw) / (nA + a0 - ya - aw)) - Math.log((yb + aw) / (nB + a0 - yb - aw));
    const variance = 1 / (ya + aw) + 1 / (yb + aw);
    out.push({ term, delta, variance, z: delta / Math.sqrt(variance), countA: ya, countB: yb });
  }
  return out;
}

function evidenceOf(docs: readonly Doc[], term: string, max: number): DistinctiveWord['evidence'] {
  const out: DistinctiveWord['evidence'] = [];
  for (const d of docs) {
    for (const t of d.tokens) {
      if (t.norm !== term) continue;
      out.push({ doc: d.id, start: t.start, end: t.end, text: d.text.slice(t.start, t.end) });
      if (out.length >= max) return out;
    }
  }
  return out;
}

/**
 * SemEval-2020 Task 11 span scoring (Da San Martino et al. 2020): with
 * C(s, t, h) = |s ∩ t| · δ(l(s), l(t)) / h,
 *   P = (1/|S|) Σ_{s,t} C(s, t, |s|),  R = (1/|T|) Σ_{s,t} C(s, t, |t|),  F1 their harmonic mean.
 * Used by the eval (src/eval/spans.ts) and by the trainer to pick thresholds.
 */

export interface ScoredSpan {
  start: number;
  end: number;
  label: string;
}

export interface SpanScore {
  precision: number;
  recall: number;
  f1: number;
  predicted: number;
  gold: number;
}

/**
 * Scores predicted against gold spans per document id. `labels` restricts both
 * sides to those labels; `merge` maps labels before matching (e.g. LL and NC to one class).
 */
export function scoreSpans(
  predicted: ReadonlyMap<string, readonly ScoredSpan[]>,
  gold: ReadonlyMap<string, readonly ScoredSpan[]>,
  labels?: readonly string[],
  merge: (label: string) => string = (l) => l,
): SpanScore {
  const keep = labels ? new Set(labels) : null;
  let pSum = 0;
  let rSum = 0;
  let nPred = 0;
  let nGold = 0;
  for (const id of new Set([...predicted.keys(), ...gold.keys()])) {
    const S = (predicted.get(id) ?? []).filter((s) => (!keep || keep.has(s.label)) && s.end > s.start);
    const T = (gold.get(id) ?? []).filter((t) => (!keep || keep.has(t.label)) && t.end > t.start);
    nPred += S.length;
    nGold += T.length;
    for (const s of S) {
      for (const t of T) {
        if (merge(s.label) !== merge(t.label)) continue;
        const o = Math.min(s.end, t.end) - Math.max(s.start, t.start);
        if (o <= 0) continue;
        pSum += o / (s.end - s.start);
        rSum += o / (t.end - t.start);
      }
    }
  }
  const precision = nPred > 0 ? pSum / nPred : 0;
  const recall = nGold > 0 ? rSum / nGold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, predicted: nPred, gold: nGold };
}

/** FNV-1a 32-bit hash of a string → fold in [0, k); independent of file order. */
export function foldOf(id: string, k: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % k;
}

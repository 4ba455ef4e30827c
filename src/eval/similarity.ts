/**
 * `npm run eval -- similarity [file]`: Pearson r between framelens' overall
 * similarity and people's ratings (SemEval-2022 Task 8 `overall`, 1 = very
 * similar … 4 = very dissimilar; r is reported sign-flipped so higher is better).
 *
 * The score's weights are fixed in src/compare/similarity.ts. As a check that
 * they are not over-fitted to this slice, the eval also fits a ridge linear
 * combination of the same components by 10-fold cross-validation (folds by a
 * hash of pair_id, so deterministic) and reports the out-of-fold r.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleCorrelation, sampleRankCorrelation } from 'simple-statistics';
import { buildDoc, recordFromText } from '../pipeline/build-doc.js';
import { corpusStats, similarity, SIMILARITY_WEIGHTS, type SimilarityComponents } from '../compare/index.js';
import { hashString } from '../compare/hash.js';
import type { Doc } from '../doc/types.js';

interface PairRow {
  pair_id: string;
  text1: string;
  text2: string;
  overall: number;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_FILE = resolve(ROOT, '../shared/eval/similarity-pairs.jsonl');

async function readPairs(file: string): Promise<PairRow[]> {
  const rows: PairRow[] = [];
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) if (line.trim()) rows.push(JSON.parse(line) as PairRow);
  return rows;
}

/** Solves (XᵀX + λI) w = Xᵀy by Gaussian elimination (intercept column unpenalized). */
function ridge(X: number[][], y: number[], lambda: number): number[] {
  const p = X[0]!.length;
  const A = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  for (let r = 0; r < X.length; r++)
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) A[i]![j]! += X[r]![i]! * X[r]![j]!;
      A[i]![p]! += X[r]![i]! * y[r]!;
    }
  for (let i = 1; i < p; i++) A[i]![i]! += lambda;
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[piv]![c]!)) piv = r;
    [A[c], A[piv]] = [A[piv]!, A[c]!];
    for (let r = 0; r < p; r++) {
      if (r === c || A[c]![c] === 0) continue;
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k <= p; k++) A[r]![k]! -= f * A[c]![k]!;
    }
  }
  return A.map((row, i) => (row[i] ? row[p]! / row[i]! : 0));
}

function bowCosine(a: Doc, b: Doc): number {
  const bag = (d: Doc) => {
    const m = new Map<string, number>();
    for (const t of d.tokens) m.set(t.norm, (m.get(t.norm) ?? 0) + 1);
    return m;
  };
  const x = bag(a);
  const y = bag(b);
  let dot = 0;
  for (const [k, v] of x) dot += v * (y.get(k) ?? 0);
  const n = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, v) => s + v * v, 0));
  return dot / (n(x) * n(y) || 1);
}

export async function run(file: string | undefined): Promise<void> {
  const path = file ? resolve(file) : DEFAULT_FILE;
  const rows = await readPairs(path);
  const pairs = rows.map((r) => ({ row: r, a: buildDoc(recordFromText(`${r.pair_id}/1`, r.text1)), b: buildDoc(recordFromText(`${r.pair_id}/2`, r.text2)) }));
  const stats = corpusStats(pairs.flatMap((p) => [p.a, p.b]));
  const results = pairs.map((p) => similarity(p.a, p.b, stats));
  const y = rows.map((r) => -r.overall);
  const keys = Object.keys(SIMILARITY_WEIGHTS) as (keyof SimilarityComponents)[];
  const r = (x: number[]) => sampleCorrelation(x, y);
  const rho = (x: number[]) => sampleRankCorrelation(x, y);
  const score = results.map((s) => s.score);
  const table: [string, number, number][] = [['similarity (fixed weights)', r(score), rho(score)]];
  for (const k of keys) {
    const x = results.map((s) => Math.sqrt(s.components[k]));
    table.push([`  component ${k} (sqrt)`, r(x), rho(x)]);
  }
  const bow = pairs.map((p) => bowCosine(p.a, p.b));
  table.push(['baseline: plain BoW cosine', r(bow), rho(bow)]);

  // 10-fold CV of a ridge fit over the same components (out-of-fold predictions pooled).
  const K = 10;
  const fold = rows.map((row) => ((hashString(row.pair_id) >>> 0) % K));
  const X = results.map((s) => [1, ...keys.map((k) => Math.sqrt(s.components[k]))]);
  const oof = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < K; f++) {
    const tr = rows.map((_, i) => i).filter((i) => fold[i] !== f);
    const w = ridge(tr.map((i) => X[i]!), tr.map((i) => y[i]!), 0.1);
    for (let i = 0; i < rows.length; i++) if (fold[i] === f) oof[i] = X[i]!.reduce((s, v, j) => s + v * w[j]!, 0);
  }
  const cv = r(oof);
  table.push([`ridge fit, ${K}-fold CV (out-of-fold)`, cv, rho(oof)]);
  const wAll = ridge(X, y, 0.1);

  // The shipped weights' procedure: non-negative weights summing to 1 (a grid of step 0.05)
  // that maximize Pearson r on the training folds; scored out of fold.
  const C = results.map((s) => keys.map((k) => Math.sqrt(s.components[k])));
  const grid = simplexGrid(keys.length, 20);
  const fitSimplex = (idx: number[]): number[] => {
    let best = grid[0]!;
    let bestR = -Infinity;
    for (const w of grid) {
      const pr = sampleCorrelation(idx.map((i) => dot(w, C[i]!)), idx.map((i) => y[i]!));
      if (pr > bestR + 1e-12) {
        bestR = pr;
        best = w;
      }
    }
    return best;
  };
  const oofS = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < K; f++) {
    const w = fitSimplex(rows.map((_, i) => i).filter((i) => fold[i] !== f));
    for (let i = 0; i < rows.length; i++) if (fold[i] === f) oofS[i] = dot(w, C[i]!);
  }
  const cvSimplex = r(oofS);
  table.push([`simplex fit, ${K}-fold CV (out-of-fold)`, cvSimplex, rho(oofS)]);
  const wSimplex = fitSimplex(rows.map((_, i) => i));

  const pad = (s: string, n: number) => s.padEnd(n);
  process.stdout.write(`similarity eval: ${rows.length} pairs from ${path}\n`);
  process.stdout.write(`${pad('score', 40)} ${pad('Pearson r', 10)} Spearman\n`);
  for (const [name, pr, sr] of table) process.stdout.write(`${pad(name, 40)} ${pad(pr.toFixed(3), 10)} ${sr.toFixed(3)}\n`);
  process.stdout.write(`simplex weights fitted on all pairs: ${keys.map((k, i) => `${k} ${wSimplex[i]!.toFixed(2)}`).join(', ')} (shipped: ${keys.map((k) => `${k} ${SIMILARITY_WEIGHTS[k]}`).join(', ')})\n`);
  process.stdout.write(`ridge weights on all pairs (for reading only): ${keys.map((k, i) => `${k} ${wAll[i + 1]!.toFixed(3)}`).join(', ')}\n`);
  const json = {
    eval: 'similarity',
    file: path,
    pairs: rows.length,
    pearson: round(r(score)),
    spearman: round(rho(score)),
    components: Object.fromEntries(keys.map((k) => [k, round(r(results.map((s) => Math.sqrt(s.components[k]))))])),
    baselineBowPearson: round(r(bow)),
    cvRidgePearson: round(cv),
    cvSimplexPearson: round(cvSimplex),
    cvSimplexSpearman: round(rho(oofS)),
    note: 'Pearson/Spearman sign-flipped: ratings are 1 = very similar … 4 = very dissimilar',
  };
  process.stdout.write(`${JSON.stringify(json)}\n`);
}

function dot(w: readonly number[], x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i]! * x[i]!;
  return s;
}

/** All weight vectors of `k` non-negative multiples of 1/steps summing to 1, in lexicographic order. */
function simplexGrid(k: number, steps: number): number[][] {
  const out: number[][] = [];
  const rec = (prefix: number[], left: number): void => {
    if (prefix.length === k - 1) {
      out.push([...prefix, left].map((v) => v / steps));
      return;
    }
    for (let v = 0; v <= left; v++) rec([...prefix, v], left - v);
  };
  rec([], steps);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * L2-regularised logistic regression over sparse binary features, fitted by
 * full-batch L-BFGS (Nocedal & Wright 2006, Numerical Optimization, alg. 7.4/7.5)
 * with a backtracking Armijo line search. Minimises
 *
 *   f(w, b) = Σ_i c_i · log(1 + exp(−y_i · (b + Σ_{j ∈ x_i} w_j))) + (λ/2) · ‖w‖²
 *
 * with y_i ∈ {−1, +1}, c_i = `positiveWeight` for positives and 1 otherwise; the
 * bias b is not regularised. Full-batch and a fixed iteration cap make the fit
 * deterministic: no shuffling, so no seed is needed.
 */

export interface SparseDataset {
  /** Feature indices present in each example (binary features, value 1). */
  rows: readonly Int32Array[];
  /** 1 = positive, 0 = negative. */
  labels: ArrayLike<number>;
  /** Number of features (indices are 0 … dim−1). */
  dim: number;
}

export interface LogRegOptions {
  /** λ of the L2 penalty (on the summed, not averaged, loss). */
  l2: number;
  /** Maximum L-BFGS iterations. */
  iterations: number;
  /** Number of (s, y) pairs L-BFGS keeps. */
  memory: number;
  /** Loss weight c of positive examples. */
  positiveWeight: number;
  /** Stop when ‖∇f‖∞ falls below this. */
  tolerance: number;
}

export const DEFAULT_LOGREG_OPTIONS: LogRegOptions = { l2: 1, iterations: 150, memory: 8, positiveWeight: 1, tolerance: 1e-4 };

export interface LogRegFit {
  /** Feature weights, index-aligned with the dataset's features. */
  weights: Float64Array;
  bias: number;
  /** Objective value at the end, and iterations used (for tests and logs). */
  loss: number;
  iterations: number;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  // One exp call (the same value both times, so the same result as writing it twice).
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + exp(−m)) without overflow. */
function logLoss(m: number): number {
  return m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
}

/** The rows packed into one index array (row i = idx[off[i] … off[i+1])): one pass over contiguous memory. */
interface Packed {
  idx: Int32Array;
  off: Int32Array;
  /** ±1 per row, and the loss weight c per row. */
  sign: Float64Array;
  cost: Float64Array;
  dim: number;
}

function pack(data: SparseDataset, opts: LogRegOptions): Packed {
  const m = data.rows.length;
  const off = new Int32Array(m + 1);
  for (let i = 0; i < m; i++) off[i + 1] = off[i]! + data.rows[i]!.length;
  const idx = new Int32Array(off[m]!);
  const sign = new Float64Array(m);
  const cost = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    idx.set(data.rows[i]!, off[i]!);
    const positive = data.labels[i]! > 0;
    sign[i] = positive ? 1 : -1;
    cost[i] = positive ? opts.positiveWeight : 1;
  }
  return { idx, off, sign, cost, dim: data.dim };
}

/** Objective and gradient at x = [w_0 … w_{dim−1}, b]; writes the gradient into g. */
function evaluate(data: Packed, l2: number, x: Float64Array, g: Float64Array): number {
  const { idx, off, sign, cost, dim } = data;
  let f = 0;
  for (let j = 0; j < dim; j++) {
    const w = x[j]!;
    f += 0.5 * l2 * w * w;
    g[j] = l2 * w;
  }
  g[dim] = 0;
  const b = x[dim]!;
  let gb = 0;
  const m = sign.length;
  for (let i = 0; i < m; i++) {
    const lo = off[i]!;
    const hi = off[i + 1]!;
    let z = b;
    for (let k = lo; k < hi; k++) z += x[idx[k]!]!;
    const y = sign[i]!;
    const c = cost[i]!;
    const margin = y * z;
    f += c * logLoss(margin);
    // d/dz of c·log(1+exp(−y z)) = −c·y·σ(−y z)
    const d = -c * y * sigmoid(-margin);
    for (let k = lo; k < hi; k++) g[idx[k]!]! += d;
    gb += d;
  }
  g[dim] = gb;
  return f;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Fits the model; same data and options → identical weights. */
export function trainLogReg(data: SparseDataset, options: Partial<LogRegOptions> = {}): LogRegFit {
  const opts = { ...DEFAULT_LOGREG_OPTIONS, ...options };
  const n = data.dim + 1;
  const packed = pack(data, opts);
  const x = new Float64Array(n);
  const g = new Float64Array(n);
  let f = evaluate(packed, opts.l2, x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  let it = 0;
  for (; it < opts.iterations; it++) {
    let gMax = 0;
    for (let i = 0; i < n; i++) gMax = Math.max(gMax, Math.abs(g[i]!));
    if (gMax < opts.tolerance) break;
    // Two-loop recursion: d = −H·g.
    for (let i = 0; i < n; i++) d[i] = -g[i]!;
    const alpha: number[] = new Array(S.length);
    for (let k = S.length - 1; k >= 0; k--) {
      const a = rho[k]! * dot(S[k]!, d);
      alpha[k] = a;
      const yk = Y[k]!;
      for (let i = 0; i < n; i++) d[i] = d[i]! - a * yk[i]!;
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = dot(S[last]!, Y[last]!) / dot(Y[last]!, Y[last]!);
      for (let i = 0; i < n; i++) d[i] = d[i]! * gamma;
    } else {
      // First step: a unit-length move along the steepest descent.
      const norm = Math.sqrt(dot(d, d));
      for (let i = 0; i < n; i++) d[i] = d[i]! / norm;
    }
    for (let k = 0; k < S.length; k++) {
      const beta = rho[k]! * dot(Y[k]!, d);
      const sk = S[k]!;
      for (let i = 0; i < n; i++) d[i] = d[i]! + (alpha[k]! - beta) * sk[i]!;
    }
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction (curvature information went stale): restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      slope = dot(g, d);
    }
    let step = 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * d[i]!;
      fNew = evaluate(packed, opts.l2, xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < f)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
      if (S.length > opts.memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    x.set(xNew);
    g.set(gNew);
    const converged = f - fNew < 1e-9 * Math.max(1, Math.abs(f));
    f = fNew;
    if (converged) {
      it++;
      break;
    }
  }
  return { weights: x.subarray(0, data.dim).slice(), bias: x[data.dim]!, loss: f, iterations: it };
}

/** P(y = 1 | x) for one example's feature indices. */
export function predictLogReg(fit: Pick<LogRegFit, 'weights' | 'bias'>, row: ArrayLike<number>): number {
  let z = fit.bias;
  for (let k = 0; k < row.length; k++) z += fit.weights[row[k]!]!;
  return sigmoid(z);
}

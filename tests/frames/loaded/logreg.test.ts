import { describe, expect, it } from 'vitest';
import { predictLogReg, sigmoid, trainLogReg, type SparseDataset } from '../../../src/frames/loaded/logreg.js';

/** Feature 0 marks positives, feature 1 negatives; features 2–4 are noise shared by both. */
function separable(): SparseDataset {
  const rows: Int32Array[] = [];
  const labels: number[] = [];
  for (let i = 0; i < 40; i++) {
    const positive = i % 3 === 0;
    rows.push(Int32Array.from([positive ? 0 : 1, 2 + (i % 3)]));
    labels.push(positive ? 1 : 0);
  }
  return { rows, labels, dim: 5 };
}

describe('trainLogReg', () => {
  it('learns separable toy data', () => {
    const data = separable();
    const fit = trainLogReg(data, { l2: 0.1 });
    data.rows.forEach((row, i) => expect(predictLogReg(fit, row) >= 0.5 ? 1 : 0).toBe(data.labels[i]));
    expect(fit.weights[0]!).toBeGreaterThan(1);
    expect(fit.weights[1]!).toBeLessThan(-1);
  });

  it('shrinks weights as the L2 penalty grows', () => {
    const loose = trainLogReg(separable(), { l2: 0.1 });
    const tight = trainLogReg(separable(), { l2: 10 });
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!));
  });

  it('is deterministic: the same data gives identical weights', () => {
    const a = trainLogReg(separable(), { l2: 1 });
    const b = trainLogReg(separable(), { l2: 1 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(a.bias).toBe(b.bias);
  });

  it('reaches the optimum of a one-feature problem (the gradient vanishes)', () => {
    // 3 positives and 1 negative, all with feature 0 only, no penalty on the bias: P = 3/4 at the optimum.
    const data: SparseDataset = { rows: [0, 0, 0, 0].map(() => Int32Array.from([0])), labels: [1, 1, 1, 0], dim: 1 };
    const fit = trainLogReg(data, { l2: 1e-6, iterations: 200 });
    expect(predictLogReg(fit, [0])).toBeCloseTo(0.75, 3);
  });

  it('weights positives more when asked to', () => {
    const data: SparseDataset = { rows: [0, 0, 0, 0].map(() => Int32Array.from([0])), labels: [1, 0, 0, 0], dim: 1 };
    const plain = predictLogReg(trainLogReg(data, { l2: 1e-6 }), [0]);
    const weighted = predictLogReg(trainLogReg(data, { l2: 1e-6, positiveWeight: 3 }), [0]);
    expect(plain).toBeCloseTo(0.25, 3);
    expect(weighted).toBeCloseTo(0.5, 3);
  });

  it('computes the logistic function without overflow', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
  });
});

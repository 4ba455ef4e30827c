import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../../helpers.js';
import { distinctiveWords, logOddsDirichlet, scaledPrior } from '../../../src/frames/distinctive/index.js';

describe('logOddsDirichlet', () => {
  it('matches a hand-computed Fightin’ Words z-score and sign', () => {
    // Group A: x=3, y=1 (n=4); group B: x=1, y=3 (n=4); prior α_x = α_y = 1 (α_0 = 2).
    const a = new Map([['x', 3], ['y', 1]]);
    const b = new Map([['x', 1], ['y', 3]]);
    const alpha = new Map([['x', 1], ['y', 1]]);
    const res = logOddsDirichlet(a, b, alpha);
    // δ_x = log(4 / (4+2-3-1)) − log(2 / (4+2-1-1)) = log 2 − log 0.5 = 2 ln 2; σ² = 1/4 + 1/2.
    const x = res.find((r) => r.term === 'x')!;
    expect(x.delta).toBeCloseTo(2 * Math.LN2, 12);
    expect(x.variance).toBeCloseTo(0.75, 12);
    expect(x.z).toBeCloseTo((2 * Math.LN2) / Math.sqrt(0.75), 12);
    const y = res.find((r) => r.term === 'y')!;
    expect(y.z).toBeCloseTo(-x.z, 12);
    expect(res.map((r) => r.term)).toEqual(['x', 'y']);
  });

  it('scales the prior to the requested total', () => {
    const prior = scaledPrior(new Map([['a', 3], ['b', 1]]), 100);
    expect(prior.get('a')).toBeCloseTo(75);
    expect(prior.get('b')).toBeCloseTo(25);
  });
});

describe('distinctiveWords', () => {
  it('ranks each outlet’s own wording first, skips stopwords and gives evidence spans', () => {
    const docs = [
      makeTestDoc('The regime provocation again. The regime provocation continues. Regime provocation.', { id: 'k1', outlet: 'KCNA' }),
      makeTestDoc('The government exercise again. The government exercise continues. Government exercise.', { id: 'r1', outlet: 'Reuters' }),
    ];
    const res = distinctiveWords(docs, { minZ: 0, priorScale: 10 });
    const kcna = res.outlets.find((o) => o.outlet === 'KCNA')!;
    expect(kcna.words.slice(0, 2).map((w) => w.term).sort()).toEqual(['provocation', 'regime']);
    expect(kcna.words.some((w) => w.term === 'the')).toBe(false);
    const regime = kcna.words.find((w) => w.term === 'regime')!;
    expect(regime.z).toBeGreaterThan(0);
    expect(regime.count).toBe(3);
    expect(regime.countOthers).toBe(0);
    expect(regime.evidence[0]).toEqual({ doc: 'k1', start: 4, end: 10, text: 'regime' });
    const reuters = res.outlets.find((o) => o.outlet === 'Reuters')!;
    expect(reuters.words.map((w) => w.term)).not.toContain('regime');
  });

  it('does not depend on input order', () => {
    const a = makeTestDoc('Missile launch condemned.', { id: 'a', outlet: 'A' });
    const b = makeTestDoc('Satellite launch celebrated.', { id: 'b', outlet: 'B' });
    expect(JSON.stringify(distinctiveWords([a, b], { minZ: 0 }))).toBe(JSON.stringify(distinctiveWords([b, a], { minZ: 0 })));
  });
});

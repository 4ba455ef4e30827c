import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../../helpers.js';
import type { Doc } from '../../../src/doc/types.js';
import { distinctiveWords, logOddsDirichlet, scaledPrior, termCounts } from '../../../src/frames/distinctive/index.js';

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

/** distinctiveWords spelled out with the exported building blocks (count maps, one vs rest), top terms and counts only. */
function reference(docs: readonly Doc[], background: readonly Doc[] | undefined, minZ: number): Array<[string, Array<[string, number, number, number, number]>]> {
  const all = termCounts(docs);
  const bg = background ? termCounts(background) : all;
  if (background) for (const [k, v] of all) if (!bg.has(k)) bg.set(k, v);
  const alpha = scaledPrior(bg, 1000);
  const outlets = [...new Set(docs.map((d) => d.meta.outlet.value ?? ''))].sort();
  return outlets.map((o) => {
    const mine = termCounts(docs.filter((d) => d.meta.outlet.value === o).sort((a, b) => (a.id < b.id ? -1 : 1)));
    const rest = new Map([...all].map(([k, v]) => [k, v - (mine.get(k) ?? 0)]));
    const words = logOddsDirichlet(mine, rest, alpha).filter((w) => w.countA > 0 && w.z >= minZ).slice(0, 15);
    const round = (x: number): number => Math.round(x * 1e4) / 1e4;
    return [o, words.map((w): [string, number, number, number, number] => [w.term, round(w.z), round(w.delta), w.countA, w.countB])];
  });
}

describe('distinctiveWords counting', () => {
  const docs = [
    makeTestDoc('The regime launched a missile. The regime said the missile test was a success for the regime.', { id: 'k1', outlet: 'KCNA' }),
    makeTestDoc('Seoul said the launch was a provocation. The missile flew 800 km, Seoul said.', { id: 'y1', outlet: 'Yonhap' }),
    makeTestDoc('The launch drew condemnation. Officials in Seoul and Tokyo condemned the missile launch.', { id: 'r1', outlet: 'Reuters' }),
    makeTestDoc('Tokyo protested the missile launch through diplomatic channels.', { id: 'r2', outlet: 'Reuters' }),
  ];
  const background = [...docs, makeTestDoc('Markets rose in Tokyo and Seoul as the yen fell.', { id: 'b1', outlet: 'Other' })];
  const summary = (r: ReturnType<typeof distinctiveWords>) => r.outlets.map((o) => [o.outlet, o.words.map((w) => [w.term, w.z, w.delta, w.count, w.countOthers])]);

  it('gives the figures of the count-map computation, with and without a background prior', () => {
    expect(summary(distinctiveWords(docs, { minZ: -Infinity }))).toEqual(reference(docs, undefined, -Infinity));
    expect(summary(distinctiveWords(docs, { minZ: -Infinity, background }))).toEqual(reference(docs, background, -Infinity));
  });

  it('gives the same result from cached per-article counts as from fresh ones, and recounts replaced tokens', () => {
    const first = JSON.stringify(distinctiveWords(docs, { minZ: 0 }));
    expect(JSON.stringify(distinctiveWords(docs, { minZ: 0 }))).toBe(first);
    const fresh = docs.map((d) => ({ ...d, tokens: [...d.tokens] }));
    expect(JSON.stringify(distinctiveWords(fresh, { minZ: 0 }))).toBe(first);
    // New tokens (a re-tokenized article) are counted afresh, not served from the old array's counts.
    const changed = makeTestDoc('The puppet regime regime regime.', { id: 'k1', outlet: 'KCNA' });
    const edited = [{ ...docs[0]!, text: changed.text, tokens: changed.tokens }, ...docs.slice(1)];
    const kcna = distinctiveWords(edited, { minZ: -Infinity }).outlets.find((o) => o.outlet === 'KCNA')!;
    expect(kcna.words.find((w) => w.term === 'regime')!.count).toBe(3);
    expect(kcna.words.find((w) => w.term === 'regime')!.evidence.map((e) => e.text)).toEqual(['regime', 'regime', 'regime']);
  });
});

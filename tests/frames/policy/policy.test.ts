import { describe, expect, it } from 'vitest';
import { distance } from 'ml-distance';
import { makeTestDoc } from '../../helpers.js';
import { compareFrames, FRAME_IDS, frameDistribution, framesAnalyzer, jensenShannon, scoreFrames, type FrameDistribution } from '../../../src/frames/policy/index.js';

const MILITARY = 'The military staged missile drills with warships and fighter jets, and troops rehearsed an attack as the defense ministry warned of nuclear threats.';
const ECONOMY = 'The budget deficit grew as tax revenue fell, prices rose and the market worried about jobs and wages.';

describe('scoreFrames', () => {
  it('gives a distribution summing to 1 with security leading for a military text', () => {
    const s = scoreFrames(makeTestDoc(MILITARY));
    const total = FRAME_IDS.reduce((a, f) => a + s.distribution[f], 0);
    expect(total).toBeCloseTo(1, 5);
    const top = [...FRAME_IDS].sort((a, b) => s.distribution[b] - s.distribution[a])[0];
    expect(top).toBe('security_defense');
    expect(s.words.find((w) => w.frame === 'security_defense')!.cues.map((c) => c.cue)).toContain('missil');
  });

  it('puts all mass on "other" when no cue occurs', () => {
    expect(scoreFrames(makeTestDoc('Blue sky, quiet afternoon.')).distribution.other).toBe(1);
  });

  it('emits one finding per cue word whose text is the covered slice', () => {
    const doc = makeTestDoc(ECONOMY);
    for (const f of framesAnalyzer.run(doc)) expect(f.text).toBe(doc.text.slice(f.start, f.end));
  });
});

describe('jensenShannon and compareFrames', () => {
  it('is zero for identical docs', () => {
    const docs = [makeTestDoc(MILITARY, { id: 'a', outlet: 'A' }), makeTestDoc(MILITARY, { id: 'b', outlet: 'B' })];
    const cmp = compareFrames(docs);
    expect(cmp.pairs).toHaveLength(1);
    expect(cmp.pairs[0]!.jsd).toBe(0);
    expect(cmp.pairs[0]!.drivers).toEqual([]);
  });

  it('equals ml-distance’s natural-log value divided by ln 2 and its contributions sum to it', () => {
    const p = Object.fromEntries(FRAME_IDS.map((f, i) => [f, (i + 1) / 120])) as FrameDistribution;
    const q = Object.fromEntries(FRAME_IDS.map((f, i) => [f, (15 - i) / 120])) as FrameDistribution;
    const { jsd, contributions } = jensenShannon(p, q);
    const ml = distance.jensenShannon(FRAME_IDS.map((f) => p[f]), FRAME_IDS.map((f) => q[f]));
    expect(jsd).toBeCloseTo(ml / Math.LN2, 10);
    expect(FRAME_IDS.reduce((a, f) => a + contributions[f], 0)).toBeCloseTo(jsd, 12);
  });

  it('reaches 1 bit for disjoint distributions and names the frames that drive it', () => {
    const docs = [makeTestDoc(MILITARY, { id: 'm', outlet: 'Mil' }), makeTestDoc(ECONOMY, { id: 'e', outlet: 'Eco' })];
    const cmp = compareFrames(docs);
    expect(cmp.outlets.map((o) => o.outlet)).toEqual(['Eco', 'Mil']);
    const pair = cmp.pairs[0]!;
    expect(pair.jsd).toBeGreaterThan(0.5);
    expect(pair.drivers.map((d) => d.frame)).toContain('security_defense');
    expect(pair.drivers.map((d) => d.frame)).toContain('economic');
  });
});

describe('frameDistribution', () => {
  it('gives the scoreFrames distribution with frames in codebook order, as a copy the caller may change', () => {
    const doc = makeTestDoc('The court ruled the tax law unconstitutional, and the army said the border was secure.');
    doc.layers.frames = framesAnalyzer.run(doc);
    const d = frameDistribution(doc);
    expect(Object.keys(d)).toEqual([...FRAME_IDS]);
    expect(d).toEqual(scoreFrames(doc).distribution);
    d.economic = 99;
    expect(frameDistribution(doc).economic).not.toBe(99);
  });
});

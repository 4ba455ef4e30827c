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

describe('compareFrames words', () => {
  it('sums an outlet’s cue counts over its articles and takes the first evidence in article order', () => {
    const d1 = makeTestDoc(MILITARY, { id: 'd1', outlet: 'A' });
    const d2 = makeTestDoc(`${ECONOMY} The army and the missile budget.`, { id: 'd2', outlet: 'A' });
    const words = compareFrames([d2, d1]).outlets[0]!.words;
    const [s1, s2] = [scoreFrames(d1), scoreFrames(d2)];
    for (const frame of FRAME_IDS) {
      const w1 = s1.words.find((w) => w.frame === frame);
      const w2 = s2.words.find((w) => w.frame === frame);
      const got = words.find((w) => w.frame === frame);
      if (!w1 && !w2) {
        expect(got).toBeUndefined();
        continue;
      }
      const counts = new Map<string, number>();
      for (const c of [...(w1?.cues ?? []), ...(w2?.cues ?? [])]) counts.set(c.cue, (counts.get(c.cue) ?? 0) + c.count);
      const cues = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([cue, count]) => ({ cue, count }));
      expect(got!.cues).toEqual(cues);
      expect(got!.evidence).toEqual([...(w1?.evidence ?? []), ...(w2?.evidence ?? [])].slice(0, 3));
    }
    expect(words.map((w) => w.frame)).toEqual(FRAME_IDS.filter((f) => words.some((w) => w.frame === f)));
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

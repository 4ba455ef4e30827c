import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../helpers.js';
import { analyzeDoc } from '../../src/frames/index.js';
import { compareFramingPair, compareGroupFraming, GroupFramingSchema, PairFramingSchema } from '../../src/frames/compare.js';
import { distinctiveWords, setTermLimit } from '../../src/frames/distinctive/index.js';
import { setStemLimit } from '../../src/frames/claims/index.js';
import type { Doc } from '../../src/doc/types.js';

function framed(text: string, id: string, outlet: string): Doc {
  const d = makeTestDoc(text, { id, outlet, published: '2024-06-30' });
  analyzeDoc(d);
  return d;
}

const a = framed(
  'North Korea on Sunday slammed the so-called Asian NATO. "The reckless drills are a grave provocation," the Foreign Ministry said. ' +
    'The ministry claimed the puppet regime in Seoul was a lackey of Washington. "We will respond," the Foreign Ministry said.',
  'a',
  'KCNA',
);
const b = framed(
  'Pyongyang criticised joint drills by the United States, Japan and South Korea. "The drills are defensive," a Pentagon spokesman said. ' +
    'The Foreign Ministry said the exercises raised tensions, according to state media.',
  'b',
  'Reuters',
);

describe('compareFramingPair', () => {
  const pair = compareFramingPair(a, b);

  it('fits its schema', () => {
    expect(PairFramingSchema.parse(pair)).toEqual(pair);
  });

  it('counts each side from the article’s own findings, which hold the spans', () => {
    for (const [doc, side] of [[a, pair.voices.a], [b, pair.voices.b]] as const) {
      for (const row of side) expect(row.count).toBe((doc.layers.quotes ?? []).filter((f) => (f.data as { speaker?: string } | undefined)?.speaker === row.speaker).length);
    }
    const loadedA = pair.loaded.a.reduce((n, r) => n + r.count, 0);
    expect(loadedA).toBe((a.layers.loaded ?? []).length);
    for (const row of pair.naming) {
      const names = (a.layers.mentions ?? []).filter((f) => (f.data as { actorId?: string } | undefined)?.actorId === row.actorId);
      expect(row.a.reduce((n, r) => n + r.count, 0)).toBe(names.length);
    }
  });

  it('names what only one side uses and the speakers both quote', () => {
    const termsA = new Set(pair.loaded.a.map((r) => r.term));
    const termsB = new Set(pair.loaded.b.map((r) => r.term));
    expect(pair.loaded.onlyA).toEqual([...termsA].filter((t) => !termsB.has(t)).sort());
    expect(pair.loaded.onlyB).toEqual([...termsB].filter((t) => !termsA.has(t)).sort());
    const speakersB = new Set(pair.voices.b.map((v) => v.speaker));
    expect(pair.voices.shared).toEqual(pair.voices.a.map((v) => v.speaker).filter((s) => speakersB.has(s)).sort());
  });

  it('reads a replaced hedges layer afresh (sides are cached per article)', () => {
    const c = framed('Officials may possibly respond. The drills allegedly raised tensions across the region.', 'c', 'AP');
    const before = compareFramingPair(c, b).hedges.a;
    expect(before.counts.hedge.count).toBeGreaterThan(0);
    c.layers.hedges = [];
    const after = compareFramingPair(c, b).hedges.a;
    expect(after.counts.hedge.count).toBe(0);
    expect(after.words).toBe(before.words);
  });

  it('is symmetric: swapping the articles swaps the sides', () => {
    const swapped = compareFramingPair(b, a);
    expect(swapped.voices.a).toEqual(pair.voices.b);
    expect(swapped.loaded.onlyA).toEqual(pair.loaded.onlyB);
    expect(swapped.frames.jsd).toBe(pair.frames.jsd);
  });
});

describe('compareGroupFraming', () => {
  it('fits its schema at both levels', () => {
    expect(() => GroupFramingSchema.parse(compareGroupFraming([a, b], 'event'))).not.toThrow();
    expect(() => GroupFramingSchema.parse(compareGroupFraming([a, b], 'story'))).not.toThrow();
  });

  it('gives the same tables when the word and stem id tables start over before every comparison, mixing stale and fresh cached ids', () => {
    const textC =
      'The Foreign Ministry said the drills by the United States and South Korea were a rehearsal for invasion. "We will respond," it said. ' +
      'Seoul said the exercises were defensive and routine, according to officials.';
    const textD = 'South Korea and the United States began joint drills on Monday. Officials in Seoul said the drills were routine and defensive.';
    // Every term's counts (minZ −∞), which these short texts keep under the tables' own z threshold.
    const tables = (c: Doc, d: Doc): string =>
      JSON.stringify([compareGroupFraming([a, b, c], 'event'), compareGroupFraming([a, b, c], 'story'), compareGroupFraming([a, d], 'event'), distinctiveWords([a, b, c, d], { minZ: -Infinity })]);
    const expected = tables(framed(textC, 'c', 'Yonhap'), framed(textD, 'd', 'AP'));
    const terms = setTermLimit(1);
    const stems = setStemLimit(1);
    try {
      // a and b keep the ids cached above, from tables that have since started over; fresh copies of c and
      // d are numbered anew from 0: a stale id must never be read as a fresh one.
      expect(tables(framed(textC, 'c', 'Yonhap'), framed(textD, 'd', 'AP'))).toBe(expected);
      expect(tables(framed(textC, 'c', 'Yonhap'), framed(textD, 'd', 'AP'))).toBe(expected);
    } finally {
      setTermLimit(terms);
      setStemLimit(stems);
    }
  });
});

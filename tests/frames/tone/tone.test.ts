import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../../helpers.js';
import { ToneSummarySchema, compareTone, scoreTokens, toneAnalyzer, toneByArticle, toneSummary, type ToneData } from '../../../src/frames/tone/index.js';

describe('sentence tone', () => {
  it('scores a hostile sentence about an actor negative and a friendly one positive', () => {
    const doc = makeTestDoc('North Korea condemned the reckless threat. Japan praised the peaceful agreement.');
    const f = toneAnalyzer.run(doc);
    const nk = f.find((x) => (x.data as ToneData).actorId === 'north-korea')!;
    const jp = f.find((x) => (x.data as ToneData).actorId === 'japan')!;
    expect((nk.data as ToneData).score).toBeLessThan(0);
    expect((jp.data as ToneData).score).toBeGreaterThan(0);
    expect(nk.text).toBe('North Korea condemned the reckless threat.');
  });

  it('flips a word after a negator', () => {
    const doc = makeTestDoc('The plan was a success. The plan was not a success.');
    const [a, b] = [0, 1].map((s) => {
      const toks = doc.tokens.map((t, i) => [t, i] as const).filter(([t]) => t.sent === s);
      return scoreTokens(doc, toks[0]![1], toks[toks.length - 1]![1] + 1).score;
    });
    expect(a).toBeGreaterThan(0);
    expect(b).toBe(-a!);
  });

  it('scores a multi-word entry as one word, with or without its apostrophe', () => {
    const doc = makeTestDoc("It was bad luck. They don't like it. They dont like it.");
    const { words } = scoreTokens(doc, 0, doc.tokens.length);
    expect(words.map((w) => [w.word, w.value])).toEqual([
      ['bad luck', -2],
      ["don't like", -2],
      ['dont like', -2],
    ]);
  });

  it('falls back to the stem for inflections the list lacks', () => {
    const doc = makeTestDoc('Seoul condemned it.');
    const { words } = scoreTokens(doc, 0, doc.tokens.length);
    expect(words.map((w) => w.word)).toEqual(['condemned']);
  });
});

describe('tone summaries', () => {
  const a = makeTestDoc('Pyongyang warned of a catastrophic war. The DPRK is a threat.', { id: 'a', outlet: 'Wire' });
  const b = makeTestDoc('North Korea hailed the great victory and peace.', { id: 'b', outlet: 'KCNA' });

  it('gives per-article actor tone', () => {
    const rows = toneByArticle(a);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: 'north-korea', sentences: 2 });
    expect(rows[0]!.mean).toBeLessThan(0);
  });

  it('compares outlets for one actor with sentences as evidence, independent of input order', () => {
    const s = toneSummary([a, b]);
    ToneSummarySchema.parse(s);
    expect(JSON.stringify(toneSummary([b, a]))).toBe(JSON.stringify(s));
    expect(compareTone(s, 'north-korea').map((r) => r.outlet)).toEqual(['Wire', 'KCNA']);
    const wire = s.rows.find((r) => r.outlet === 'Wire')!;
    expect(wire.evidence).toHaveLength(2);
    expect(a.text.slice(wire.evidence[0]!.start, wire.evidence[0]!.end)).toMatch(/catastrophic|threat/);
  });
});

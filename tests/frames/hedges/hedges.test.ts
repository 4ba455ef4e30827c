import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../../helpers.js';
import { countHedges, findShortQuotes, hedgesAnalyzer, HedgeDataSchema, summarizeHedges } from '../../../src/frames/hedges/index.js';

describe('hedgesAnalyzer', () => {
  it('labels hedges, boosters, distance markers and modals', () => {
    const doc = makeTestDoc('The strike allegedly hit a school. It clearly violated the truce, and it may possibly continue, the so-called council claimed.');
    const kinds = hedgesAnalyzer.run(doc).map((f) => [f.text, f.label]);
    expect(kinds).toEqual([
      ['allegedly', 'distance'],
      ['clearly', 'booster'],
      ['may', 'modal'],
      ['possibly', 'hedge'],
      ['so-called', 'distance'],
      ['claimed', 'distance'],
    ]);
    for (const f of hedgesAnalyzer.run(doc)) expect(() => HedgeDataSchema.parse(f.data)).not.toThrow();
  });

  it('does not read the month May as a modal verb', () => {
    const found = hedgesAnalyzer.run(makeTestDoc('The talks began on May 5 in Seoul. Officials met again in May as planned.'));
    expect(found.filter((f) => f.label === 'modal')).toEqual([]);
  });

  it('tells a scare quote from attributed speech', () => {
    const doc = makeTestDoc('“The reality clearly shows that the US is spreading the rumor about ‘threat from North Korea’ to justify its drills,” said the spokesperson. He called the drills “reckless”.');
    const quotes = findShortQuotes(doc);
    const scare = quotes.filter((q) => q.reportingWord === null).map((q) => doc.text.slice(q.innerStart, q.innerEnd));
    const attributed = quotes.filter((q) => q.reportingWord !== null).map((q) => doc.text.slice(q.innerStart, q.innerEnd));
    expect(scare).toEqual(['threat from North Korea']);
    expect(attributed).toEqual(['reckless']);
    expect(hedgesAnalyzer.run(doc).filter((f) => f.label === 'scare-quote').map((f) => f.text)).toEqual(['‘threat from North Korea’']);
  });
});

describe('countHedges and summarizeHedges', () => {
  it('counts each kind per article with spans and rates per 1,000 words', () => {
    const doc = makeTestDoc('Clearly the plan might fail. It reportedly could collapse.', { id: 'x' });
    const c = countHedges(doc);
    expect(c.words).toBe(9);
    expect(c.counts.booster.count).toBe(1);
    expect(c.counts.modal.count).toBe(2);
    expect(c.counts.distance.count).toBe(1);
    expect(c.counts.modal.rate).toBeCloseTo((2 / 9) * 1000, 2);
    expect(c.spans.map((s) => s.text)).toEqual(['Clearly', 'might', 'reportedly', 'could']);
  });

  it('summarizes per outlet in name order with the top cues and evidence', () => {
    const docs = [
      makeTestDoc('Allegedly it happened. Allegedly again.', { id: 'b1', outlet: 'B' }),
      makeTestDoc('It certainly happened.', { id: 'a1', outlet: 'A' }),
    ];
    const s = summarizeHedges(docs);
    expect(s.map((o) => o.outlet)).toEqual(['A', 'B']);
    expect(s[1]!.counts.distance.count).toBe(2);
    expect(s[1]!.topCues[0]).toMatchObject({ kind: 'distance', cue: 'allegedly', count: 2 });
    expect(s[1]!.topCues[0]!.evidence[0]).toMatchObject({ doc: 'b1', start: 0, end: 9 });
    expect(s[0]!.counts.booster.rate).toBeCloseTo((1 / 3) * 1000, 2);
  });
});

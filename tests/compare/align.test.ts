import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../helpers.js';
import { alignPassages, hasAlignedPassage } from '../../src/compare/align.js';
import { docProfile } from '../../src/compare/profile.js';
import { corpusStats, defaultCompareOptions } from '../../src/compare/index.js';

const SHARED = 'The foreign ministry condemned the joint naval drills near the disputed islands on Monday and called them a threat to peace.';
const OTHER = [
  'Heavy rain flooded the riverside market and traders moved their stalls to higher ground.',
  'The city council approved a new budget for school repairs after a long debate.',
  'A local football club signed two young players from the regional academy.',
];

describe('hasAlignedPassage', () => {
  it('hasAlignedPassage(pa, pb) is alignPassages(pa, pb).length > 0 for shared, partly shared and unrelated texts', () => {
    const docs = [makeTestDoc(`${OTHER[0]} ${SHARED}`), makeTestDoc(`${SHARED} ${OTHER[1]}`), makeTestDoc(OTHER[2]!), makeTestDoc(`${OTHER[1]} ${OTHER[2]}`)];
    const stats = corpusStats(docs);
    let found = 0;
    for (const a of docs)
      for (const b of docs) {
        const pa = docProfile(a, 4);
        const pb = docProfile(b, 4);
        const expected = alignPassages(pa, pb, stats, defaultCompareOptions).length > 0;
        expect(hasAlignedPassage(pa, pb, stats, defaultCompareOptions)).toBe(expected);
        if (expected) found++;
      }
    expect(found).toBeGreaterThan(docs.length);
  });

  it('hasAlignedPassage keeps a long verbatim passage whose every n-gram is stock, and drops a short one', () => {
    // Six copies of the shared text make its shingles stock (df 6 >= stockMinDocs 5); a 20+ word copy still counts.
    const docs = Array.from({ length: 6 }, (_, i) => makeTestDoc(`${OTHER[i % 3]} ${SHARED}`));
    const stats = corpusStats(docs);
    const pa = docProfile(docs[0]!, 4);
    const pb = docProfile(docs[1]!, 4);
    expect(hasAlignedPassage(pa, pb, stats, defaultCompareOptions)).toBe(alignPassages(pa, pb, stats, defaultCompareOptions).length > 0);
    const long = { ...defaultCompareOptions, longStockWords: 10 };
    const short = { ...defaultCompareOptions, longStockWords: 60 };
    expect(hasAlignedPassage(pa, pb, stats, long)).toBe(true);
    expect(alignPassages(pa, pb, stats, long).length).toBeGreaterThan(0);
    const pc = docProfile(docs[3]!, 4);
    expect(hasAlignedPassage(pa, pc, stats, short)).toBe(alignPassages(pa, pc, stats, short).length > 0);
  });
});

describe('alignment scratch', () => {
  it('alignPassages gives the same passages for a pair before and after aligning longer pairs (scratch arrays reused between pairs)', () => {
    const long = `${OTHER.join(' ')} ${SHARED} ${OTHER.join(' ')} ${SHARED.replace('Monday', 'Tuesday')} ${OTHER.join(' ')}`;
    const docs = [makeTestDoc(`${OTHER[0]} ${SHARED}`), makeTestDoc(`${SHARED} ${OTHER[1]}`), makeTestDoc(long), makeTestDoc(`${long} ${long}`)];
    const stats = corpusStats(docs);
    const ps = docs.map((d) => docProfile(d, 4));
    const before = alignPassages(ps[0]!, ps[1]!, stats, defaultCompareOptions);
    expect(before.length).toBe(1);
    expect(alignPassages(ps[3]!, ps[2]!, stats, defaultCompareOptions).length).toBeGreaterThan(0);
    expect(hasAlignedPassage(ps[2]!, ps[3]!, stats, defaultCompareOptions)).toBe(true);
    expect(alignPassages(ps[0]!, ps[1]!, stats, defaultCompareOptions)).toEqual(before);
    expect(alignPassages(ps[1]!, ps[0]!, stats, defaultCompareOptions).map((p) => [p.bFirst, p.bEnd, p.aFirst, p.aEnd])).toEqual(before.map((p) => [p.aFirst, p.aEnd, p.bFirst, p.bEnd]));
  });
});

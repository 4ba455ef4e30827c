import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../helpers.js';
import { addToStats, corpusStats, emptyStats, mergeStats, statsFromJSON, statsToJSON } from '../../src/compare/index.js';

const texts = ['Rain fell on the market square all day long.', 'The market square was busy on the first day of sales.', 'Nothing happened on the coast road today at all.'];

describe('corpusStats', () => {
  it('corpusStats(docs) counts each shingle once per document', () => {
    const docs = texts.map((t, i) => makeTestDoc(t, { id: `d${i}` }));
    const s = corpusStats([...docs, makeTestDoc('the market square the market square', { id: 'rep' })], { ngram: 2 });
    expect(s.docCount).toBe(4);
    expect(Math.max(...s.shingleDf.values())).toBe(3);
  });

  it('mergeStats(a, b) of two workers equals one pass over all documents', () => {
    const docs = texts.map((t, i) => makeTestDoc(t, { id: `d${i}` }));
    const whole = corpusStats(docs);
    const merged = mergeStats(corpusStats(docs.slice(0, 1)), corpusStats(docs.slice(1)));
    expect(statsToJSON(merged)).toEqual(statsToJSON(whole));
    expect(statsToJSON(statsFromJSON(statsToJSON(whole)))).toEqual(statsToJSON(whole));
  });

  it('addToStats(stats, doc) prunes the lowest counts past maxEntries and records the floor', () => {
    const s = emptyStats({ ngram: 2, maxEntries: 8 });
    for (let i = 0; i < 5; i++) addToStats(s, makeTestDoc(`${texts[i % 3]} extra words number ${i}`, { id: `x${i}` }));
    expect(s.shingleDf.size).toBeLessThanOrEqual(8);
    expect(s.shingleFloor).toBeGreaterThan(0);
  });
});

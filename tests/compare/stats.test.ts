import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../helpers.js';
import { addHashesToStats, addToStats, corpusStats, emptyStats, mergeStats, statsFromJSON, statsToJSON } from '../../src/compare/index.js';

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

  it('addHashesToStats prunes to the floor and keys of pruning one floor at a time (floor read off a histogram)', () => {
    // Reference: the lossy-counting rule spelled out with a Map.
    const m = new Map<number, number>();
    let floor = 0;
    const s = emptyStats({ maxEntries: 16 });
    for (let d = 0; d < 60; d++) {
      const keys = Array.from({ length: 6 }, (_, k) => ((d * 7 + k * 13) % 40) + (k === 5 ? d * 100 : 0));
      const distinct = [...new Set(keys)];
      addHashesToStats(s, distinct, []);
      for (const k of distinct) m.set(k, (m.get(k) ?? 0) + 1);
      if (m.size > 16) {
        while (m.size > 12) {
          floor++;
          for (const [k, v] of m) if (v <= floor) m.delete(k);
        }
      }
      expect(s.shingleFloor).toBe(floor);
      expect([...s.shingleDf].sort((x, y) => x[0] - y[0])).toEqual([...m].sort((x, y) => x[0] - y[0]));
    }
  });
});

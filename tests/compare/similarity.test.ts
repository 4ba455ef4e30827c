import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../helpers.js';
import { corpusStats, similarity, similarityScore } from '../../src/compare/index.js';

describe('similarity', () => {
  const a = makeTestDoc('North Korea condemns drills. North Korea condemned the Freedom Edge drills by the United States, Japan and South Korea on June 30, 2024.', { id: 'a' });
  const b = makeTestDoc('Pyongyang slams exercise. Pyongyang criticised the Freedom Edge exercise held by Washington, Tokyo and Seoul in June 2024.', { id: 'b' });
  const c = makeTestDoc('Local bakery wins prize. A family bakery in Lyon won the national bread prize for its sourdough on Saturday.', { id: 'c' });
  const stats = corpusStats([a, b, c]);

  it('similarity(a, b) scores two reports of one event above an unrelated pair, within [0, 1]', () => {
    const same = similarity(a, b, stats);
    const diff = similarity(a, c, stats);
    expect(same.score).toBeGreaterThan(diff.score);
    expect(same.score).toBeLessThanOrEqual(1);
    expect(diff.score).toBeGreaterThanOrEqual(0);
    expect(similarity(a, a, stats).score).toBeCloseTo(1, 3);
  });

  it('similarity(a, b) gives evidence offsets that point at the shared terms in both articles', () => {
    const s = similarity(a, b, stats);
    expect(s.evidence.terms.words.length).toBeGreaterThan(0);
    for (const t of s.evidence.terms.words) {
      expect(a.text.slice(t.a.start, t.a.end)).toBe(t.text);
      expect(b.text.slice(t.b.start, t.b.end).toLowerCase()).toBe(t.text.toLowerCase());
    }
  });

  it('similarityScore(a, b) is the score similarity(a, b) reports', () => {
    for (const [x, y] of [[a, b], [a, c], [b, c], [a, a]] as const) expect(similarityScore(x, y, stats)).toBe(similarity(x, y, stats).score);
  });
});

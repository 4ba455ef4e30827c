import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { composeText, spanToOriginal, toClean, toOriginal } from '../../src/doc/offsets.js';
import { charSpan } from '../../src/doc/span.js';
import { makeTestDoc } from '../helpers.js';

describe('composeText(original, kept)', () => {
  it('joins kept slices with the separator and maps every kept character back to the same character', () => {
    const original = 'MENU\nFirst paragraph.\nAd\nSecond one.\nFooter';
    const kept = [{ start: 5, end: 21 }, { start: 25, end: 36 }];
    const { text, map } = composeText(original, kept);
    expect(text).toBe('First paragraph.\n\nSecond one.');
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n') continue;
      expect(original[toOriginal(map, i)]).toBe(text[i]);
    }
    expect(spanToOriginal(map, { start: 18, end: 29 })).toEqual({ start: 25, end: 36 });
    expect(toClean(map, 0)).toBeNull();
    expect(toClean(map, 25)).toBe(18);
  });

  it('composeText(original, kept) keeps the map monotonic for any sorted disjoint slices', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.array(fc.nat(), { maxLength: 20 }), (original, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (original.length + 1)))].sort((a, b) => a - b);
        const kept = [];
        for (let i = 0; i + 1 < points.length; i += 2) kept.push({ start: points[i]!, end: points[i + 1]! });
        const { text, map } = composeText(original, kept, '\n');
        let lastOrig = -1;
        let lastClean = -1;
        for (const seg of map) {
          expect(seg.orig).toBeGreaterThan(lastOrig);
          expect(seg.clean).toBeGreaterThan(lastClean);
          expect(text.slice(seg.clean, seg.clean + seg.length)).toBe(original.slice(seg.orig, seg.orig + seg.length));
          lastOrig = seg.orig;
          lastClean = seg.clean;
        }
      }),
    );
  });
});

describe('charSpan(doc, start, end, mode)', () => {
  const doc = makeTestDoc('North Korea condemned the drills.');
  it('returns token indices in strict mode only on token boundaries', () => {
    expect(charSpan(doc, 0, 11, 'strict')).toEqual({ first: 0, last: 2 });
    expect(charSpan(doc, 0, 9, 'strict')).toBeNull();
  });
  it('contracts to whole tokens inside or expands to cover partial ones', () => {
    expect(charSpan(doc, 0, 9, 'contract')).toEqual({ first: 0, last: 1 });
    expect(charSpan(doc, 0, 9, 'expand')).toEqual({ first: 0, last: 2 });
  });
});

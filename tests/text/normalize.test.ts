import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldPunctuation } from '../../src/text/index.js';

/** The three replacements foldPunctuation made before it folded in one pass. */
function referenceFold(s: string): string {
  return s.replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g, '"').replace(/[\u2010-\u2015\u2212]/g, '-');
}

const PIECES = ['a', 'Korea', ' ', '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`', '\u00B4', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2016', '\u2212', '-', "'", '"', '\u2009', '😀'];

describe('foldPunctuation(text)', () => {
  it('folds the same characters to the same ASCII marks as three separate replacements', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(foldPunctuation(text)).toBe(referenceFold(text));
      }),
      { numRuns: 1000 },
    );
  });
});

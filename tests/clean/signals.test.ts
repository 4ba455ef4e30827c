import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCERPT_END, contentStems, endsWithExcerptMarker, normalizeForDuplicates, wordCount, wordCountUpTo } from '../../src/clean/signals.js';
import { foldPunctuation, isStopword, normalizeWord, stemWord, tokenOffsets } from '../../src/text/index.js';

const PIECES = ['a', 'B', ' ', '  ', '\t', '\n', '\u00A0', '.', '...', '…', '[…]', '[...]', '[', ']', '’', '“', '—', 'Said'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join(''));

describe('endsWithExcerptMarker(text)', () => {
  it('agrees with the EXCERPT_END pattern', () => {
    fc.assert(fc.property(text, (t) => {
      expect(endsWithExcerptMarker(t)).toBe(EXCERPT_END.test(t));
    }), { numRuns: 500 });
  });
});

describe('normalizeForDuplicates(text)', () => {
  it('folds punctuation, lower-cases and collapses every run of white space to one space', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(normalizeForDuplicates(t)).toBe(foldPunctuation(t).toLowerCase().replace(/\s+/gu, ' '));
      }),
      { numRuns: 500 },
    );
  });
});

describe('contentStems(text)', () => {
  it('keeps the stems of content words of two letters or more, as the text stage forms them', () => {
    const t = 'The U.S. Navy’s ships said 12 drills were a rehearsal: Officials RESPONDED.';
    const expected = new Set<string>();
    for (const tok of tokenOffsets(t)) {
      const norm = normalizeWord(t.slice(tok.start, tok.end));
      if (tok.kind === 'word' && tok.end - tok.start >= 2 && norm.length >= 2 && !isStopword(norm)) expected.add(stemWord(norm, 'en'));
    }
    expect(contentStems(t)).toEqual(expected);
    expect(contentStems(t).has('navi')).toBe(true);
  });
});

describe('wordCount(text) and wordCountUpTo(text, limit)', () => {
  const SPACES = [' ', '\t', '\n', '\r', '\u00A0', '\u2000', '\u2009', '\u200B', '\u202F', '\u3000', '\u2028', '\u00AD'];
  /** The white space wordCount splits on, as a pattern. */
  const SPACE_RE = /[ \t\n\r\u00A0\u202F\u3000\u2000-\u200B]/;
  const reference = (t: string): number => t.split(SPACE_RE).filter((w) => w.length > 0).length;

  it('counts runs of characters between its white space, and stops counting at the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SPACES, 'a', 'Word', '.', '’', '😀', 'é'), { maxLength: 40 }), fc.integer({ min: 0, max: 30 }), (parts, limit) => {
        const t = parts.join('');
        expect(wordCount(t)).toBe(reference(t));
        expect(wordCountUpTo(t, limit)).toBe(Math.min(reference(t), limit));
      }),
      { numRuns: 1000 },
    );
  });
});

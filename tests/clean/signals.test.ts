import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCERPT_END, contentStems, duplicateForm, endsWithExcerptMarker, foldedUnit, lastFormWords, isHeadlineLike, isProse, lastBeforeClosers, normalizeForDuplicates, SIGNATURE_WORDS, signatureWithin, wordCount, wordCountIn, wordCountUpTo, WORDS_COUNTED } from '../../src/clean/signals.js';
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

/** The signals as they were written with patterns, the reference for the hand-written reads. */
const CLOSERS = /["”’'»)\]]+$/u;
const referenceProse = (t: string, words: number): boolean => {
  if (words >= 25) return true;
  if (words < 6 || !/\p{Ll}/u.test(t)) return false;
  const end = t.replace(CLOSERS, '');
  return /[.!…]$/u.test(end) || (end.endsWith('?') && words >= 20);
};
const referenceHeadline = (t: string, words: number): boolean => {
  if (t.length > 200 || words > 20) return false;
  if (/[.:]$/u.test(t.replace(CLOSERS, ''))) return false;
  return !/\p{Ll}{2,}[.!]\s+["“‘(]?\p{Lu}/u.test(t);
};

describe('isProse, isHeadlineLike and lastBeforeClosers', () => {
  const SHAPES = ['word', 'Word', ' ', '. ', '.', '!', '?', ':', '…', '"', '”', '’', "'", '»', ')', ']', '“', '‘', '(', 'U.S.', 'He said. They', 'ok! "Yes', '😀', 'é'];
  const shaped = fc.array(fc.constantFrom(...SHAPES), { maxLength: 40 }).map((p) => p.join(''));

  it('read the end past closing quotes and brackets as the closers pattern does', () => {
    fc.assert(
      fc.property(shaped, (t) => {
        const end = t.replace(CLOSERS, '');
        expect(lastBeforeClosers(t)).toBe(end.charCodeAt(end.length - 1));
      }),
      { numRuns: 1000 },
    );
  });

  it('agree with the pattern-based definitions', () => {
    fc.assert(
      fc.property(shaped, (t) => {
        const words = wordCount(t);
        expect(isProse(t, words)).toBe(referenceProse(t, words));
        expect(isHeadlineLike(t, words)).toBe(referenceHeadline(t, words));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('wordCountIn(text, start, end, limit)', () => {
  it('counts the words of the slice, as wordCountUpTo does on it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\t', '\u00A0', '\u2003', 'a', 'Word', '.'), { maxLength: 30 }), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 30 }), (parts, a, b, limit) => {
        const t = parts.join('');
        const start = t.length === 0 ? 0 : a % (t.length + 1);
        const end = start + (t.length === 0 ? 0 : b % (t.length - start + 1));
        expect(wordCountIn(t, start, end, limit)).toBe(wordCountUpTo(t.slice(start, end), limit));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('duplicateForm', () => {
  // Letters whose lower case looks at neighbours (Σ) or changes length (İ), and marks folding changes.
  const PARTS = ['a', 'B', ' ', '  ', '\t', '\n', '\u00A0', '\u2003', '’', '‚', '′', '`', '“', '«', '—', '−', 'Σ', 'ΟΣ', 'σ', 'İ', '\u212A', 'Said', '.', '😀'];
  const text = fc.array(fc.constantFrom(...PARTS), { maxLength: 16 }).map((p) => p.join(''));

  it('gives normalizeForDuplicates(text) from the lower-cased copy', () => {
    fc.assert(
      fc.property(text, (t) => {
        const sig = new Int32Array(SIGNATURE_WORDS);
        expect(duplicateForm(t, t.toLowerCase(), sig, 0)).toBe(normalizeForDuplicates(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a form contained in another a signature within the other one', () => {
    fc.assert(
      fc.property(text, text, text, (before, middle, after) => {
        const outer = `${before}${middle}${after}`;
        const sig = new Int32Array(2 * SIGNATURE_WORDS);
        const inner = duplicateForm(middle, middle.toLowerCase(), sig, 0);
        const whole = duplicateForm(outer, outer.toLowerCase(), sig, SIGNATURE_WORDS);
        if (whole.includes(inner)) expect(signatureWithin(sig, 0, SIGNATURE_WORDS)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts the words of the text as wordCountUpTo does, or leaves them to it (-1) at white space to fold', () => {
    const words = fc.array(fc.constantFrom(...PARTS, '\u200B', ' \u200B ', 'x'), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(
      fc.property(words, (t) => {
        duplicateForm(t, t.toLowerCase(), new Int32Array(SIGNATURE_WORDS), 0);
        const n = lastFormWords();
        if (n >= 0) expect(n).toBe(wordCountUpTo(t, WORDS_COUNTED));
        else expect(/[^\S ]| {2}/.test(t)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    duplicateForm('one two', 'one two', new Int32Array(SIGNATURE_WORDS), 0);
    expect(lastFormWords()).toBe(2);
  });

  it('folds each unit as foldPunctuation does (foldedUnit on every UTF-16 unit)', () => {
    for (let c = 0; c <= 0xffff; c++) expect(foldedUnit(c)).toBe(foldPunctuation(String.fromCharCode(c)).charCodeAt(0));
  });

  it('gives a form with folded quotes and a sigma the signature of the plain route', () => {
    const a = 'Η ΟΔΟΣ “open” — said';
    const b = 'the “open” — said';
    for (const t of [a, b]) {
      const sig = new Int32Array(2 * SIGNATURE_WORDS);
      const form = duplicateForm(t, t.toLowerCase(), sig, 0);
      expect(form).toBe(normalizeForDuplicates(t));
      duplicateForm(form, form, sig, SIGNATURE_WORDS);
      expect(signatureWithin(sig, 0, SIGNATURE_WORDS) && signatureWithin(sig, SIGNATURE_WORDS, 0)).toBe(true);
    }
  });

  it('tells most paragraphs apart by signature alone', () => {
    const sig = new Int32Array(2 * SIGNATURE_WORDS);
    const a = 'The foreign ministry said the drills near the peninsula were a rehearsal for invasion.';
    const b = 'South Korea said the exercises were defensive and would continue with the United States next year.';
    duplicateForm(a, a.toLowerCase(), sig, 0);
    duplicateForm(b, b.toLowerCase(), sig, SIGNATURE_WORDS);
    expect(signatureWithin(sig, 0, SIGNATURE_WORDS)).toBe(false);
  });
});

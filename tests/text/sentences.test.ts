import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText, splitSentences } from '../../src/text/index.js';

/** A small gold set of real news sentence boundaries (each case: the sentences, joined by one space). */
const GOLD: string[][] = [
  ['The U.S. and Japan agreed on Monday.', 'Mr. Kim did not comment.'],
  ['The meeting began at 3 p.m. on Jan. 5 in Seoul.', 'It ended an hour later.'],
  ['“The reality clearly shows the purpose,” said the spokesperson according to the outlet.', '“The situation calls for defenses,” the spokesperson added.'],
  ['J. R. R. Tolkien wrote it.', 'Nobody else did.'],
  ['He said "no."', 'She left.'],
  ['Pyongyang, March 14 (KCNA) -- The U.S. and Japanese reactionaries have supplemented the plan.', 'They are now working hard.'],
  ['US Secretary of Defense Lloyd Austin visited Seoul.', 'Gen. Mark Milley did not.'],
  ['The drills ran from June 27 to 29, according to the U.S. Navy.', 'North Korea objected.'],
  ['Is this an Asian NATO?', 'Pyongyang says so!', 'Washington disagrees.'],
];

describe('splitSentences(text)', () => {
  for (const sentences of GOLD) {
    it(`splits "${sentences[0]!.slice(0, 40)}…" into ${sentences.length} sentences`, () => {
      const text = sentences.join(' ');
      expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(sentences);
    });
  }
});

describe('analyzeText(text, language)', () => {
  it('keeps paragraphs, sentences and tokens as offsets that slice back to the text', () => {
    const text = 'North Korea’s U.S.-Japan talks.\n\nThey cost 1,000 won.';
    const { paragraphs, sentences, tokens } = analyzeText(text, 'en');
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['North Korea’s U.S.-Japan talks.', 'They cost 1,000 won.']);
    expect(sentences).toHaveLength(2);
    expect(tokens.map((t) => t.norm)).toEqual(['north', 'korea', 'us', 'japan', 'talks', 'they', 'cost', '1000', 'won']);
    expect(tokens[4]!.stem).toBe('talk');
    expect(tokens[5]!.sent).toBe(1);
    for (const t of tokens) expect(text.slice(t.start, t.end).length).toBe(t.end - t.start);
  });
});

/**
 * The candidate boundaries are UAX #29 rules run by hand (ICU's segmenter was most of the text
 * stage's time); they must equal Intl.Segmenter's. Without abbreviation merges in the way: no
 * letter is followed by ".", so every candidate stays a sentence.
 */
describe('splitSentences candidates', () => {
  const PIECES = [' ', '  ', '\t', '\u00A0', 'a', 'x', 'A', 'T', 'Ж', 'ж', '中', 'ª', '5', '٣', '.', '!', '?', '。', '‼', '"', ')', '(', '’', '“', '”', '»', ',', ';', ':', '-', '–', '$', '/', '…', '\u2024', '\u0301', '\u00AD', '\u2028', '😀', ' .', '5.', ').', '".'];
  const icu = (text: string, language: string): string[] => {
    const out: string[] = [];
    for (const s of new Intl.Segmenter(language, { granularity: 'sentence' }).segment(text)) {
      const t = s.segment.trim();
      if (t) out.push(t);
    }
    return out;
  };
  for (const language of ['en', 'ru', 'ja']) {
    it(`matches Intl.Segmenter (${language}) on random strings of letters, terminals, closers and spaces`, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }), (parts) => {
          const text = parts.join('');
          fc.pre(!/\p{L}\./u.test(text));
          expect(splitSentences(text, language).map((s) => text.slice(s.start, s.end))).toEqual(icu(text, language));
        }),
        { numRuns: 500 },
      );
    });
  }
});

/**
 * analyzeText splits each paragraph in place (sentencesInto on a range of the whole text, without
 * slicing): the spans must be those of splitSentences on the paragraph's slice, and the paragraphs
 * those of the maximal runs between line breaks, trimmed.
 */
describe('analyzeText paragraphs and sentences', () => {
  const PIECES = ['\n', '\n\n', ' ', '\t', 'a', 'The', 'Mr.', 'U.S.', 'p.m.', 'J.', 'Navy', 'x.', '5', '.', '!', '?', '"', '“', '”', ')', '’', '\u2028', '\u0301', '😀', '\uD83D', 'Ж', 'ж'];
  it('gives the spans of splitSentences on each paragraph slice, moved by the paragraph start', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const { paragraphs, sentences } = analyzeText(text, 'en');
        const runs: Array<{ start: number; end: number }> = [];
        for (const m of text.matchAll(/[^\n]+/g)) {
          let start = m.index;
          let end = m.index + m[0].length;
          while (start < end && /\s/.test(text[start]!)) start++;
          while (end > start && /\s/.test(text[end - 1]!)) end--;
          if (end > start) runs.push({ start, end });
        }
        expect(paragraphs).toEqual(runs);
        expect(sentences).toEqual(runs.flatMap((p) => splitSentences(text.slice(p.start, p.end), 'en', p.start)));
      }),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachTokenForm, normalizeWord, stemWord, tokenOffsets, tokenize } from '../../src/text/index.js';

/** The regex the hand-written scanner replaced: both must find the same tokens. */
const TOKEN_RE = /(?:\p{Lu}\.){2,}|\p{Ll}\.\p{Ll}\.|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*/gu;
function byRegex(text: string): { start: number; end: number; kind: string }[] {
  return [...text.matchAll(TOKEN_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length, kind: /^\p{N}/u.test(m[0]) ? 'number' : 'word' }));
}

const PIECES = ['a', 'b', 'Z', 'U', 'S', 'é', 'É', 'Ж', 'ж', '中', 'ǅ', '\u0301', '0', '7', '٣', '½', '²', '.', ',', "'", '’', '-', ' ', '\n', '“', '(', '$', '𝐀', '𝟙', '😀', '\uD800', 'U.S.', 'p.m.', '1,000.5', "don't", 'Korea’s'];

describe('tokenOffsets(text)', () => {
  it('finds the same tokens as the original Unicode regex on random text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(tokenOffsets(text)).toEqual(byRegex(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps dotted acronyms, separated numbers and inner apostrophes whole', () => {
    const text = 'The U.S. paid 1,000.5 won at 3 p.m. for Korea’s don\'t-list.';
    expect(tokenOffsets(text).map((t) => text.slice(t.start, t.end))).toEqual(['The', 'U.S.', 'paid', '1,000.5', 'won', 'at', '3', 'p.m.', 'for', 'Korea’s', "don't", 'list']);
  });
});

describe('tokenize(text, sentences, language)', () => {
  it('gives each token the forms normalizeWord and stemWord give its surface', () => {
    const text = 'Officials said the U.S. Navy’s ships were RUNNING drills; 1,200 sailors ran. Officials said so.';
    for (const t of tokenize(text, [], 'en')) {
      const surface = text.slice(t.start, t.end);
      expect(t.norm).toBe(normalizeWord(surface));
      expect(t.stem).toBe(t.kind === 'word' ? stemWord(t.norm, 'en') : t.norm);
      expect(t.cap).toBe(surface[0] !== surface[0]!.toLowerCase());
    }
  });

  it('visits the same forms through forEachTokenForm', () => {
    const text = 'Пхеньян заявил. The talks resumed in Seoul.';
    const seen: string[] = [];
    forEachTokenForm(text, 'en', (start, end, number, norm, stem) => seen.push(`${start}-${end}-${number}-${norm}-${stem}`));
    expect(seen).toEqual(tokenize(text, [], 'en').map((t) => `${t.start}-${t.end}-${t.kind === 'number'}-${t.norm}-${t.stem}`));
  });
});

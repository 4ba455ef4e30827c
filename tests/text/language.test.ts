import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage, englishStopwords } from '../../src/text/index.js';

/** The detector before its one-pass rewrite: counting scripts per code point, then matching words in the lower-cased sample. */
const EN_STOP = new Set(englishStopwords);
function scriptOf(ch: string): string | null {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 'latin' : null;
  if (/\p{Script=Latin}/u.test(ch)) return 'latin';
  if (/\p{Script=Cyrillic}/u.test(ch)) return 'cyrillic';
  if (/\p{Script=Hangul}/u.test(ch)) return 'hangul';
  if (/\p{Script=Arabic}/u.test(ch)) return 'arabic';
  if (/\p{Script=Han}/u.test(ch)) return 'han';
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) return 'kana';
  if (/\p{Script=Hebrew}/u.test(ch)) return 'hebrew';
  if (/\p{Script=Greek}/u.test(ch)) return 'greek';
  return null;
}
function referenceDetect(text: string): string {
  const sample = text.slice(0, 4000);
  const counts: Record<string, number> = { latin: 0, cyrillic: 0, hangul: 0, arabic: 0, han: 0, kana: 0, hebrew: 0, greek: 0 };
  for (const ch of sample) {
    const script = scriptOf(ch);
    if (script) counts[script]!++;
  }
  const [top, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  if (n === 0) return 'und';
  switch (top) {
    case 'cyrillic':
      return /[іїєґ]/i.test(sample) ? 'uk' : 'ru';
    case 'hangul':
      return 'ko';
    case 'arabic':
      return 'ar';
    case 'han':
      return counts.kana! > 0 ? 'ja' : 'zh';
    case 'kana':
      return 'ja';
    case 'hebrew':
      return 'he';
    case 'greek':
      return 'el';
    default: {
      const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
      if (words.length === 0) return 'und';
      const stop = words.filter((w) => EN_STOP.has(w)).length;
      return stop / words.length >= 0.15 ? 'en' : 'und';
    }
  }
}

const PIECES = ['the', 'The', 'THE', 'of', 'and', 'said', 'Korea', 'talks', 'yourselves', 'yourselvesx', ' ', '  ', '\n', '.', ',', '’', '“', '—', '1', '$', '_', 'é', 'É', 'İ', 'ı', 'ΣΑΣ', 'σ', 'Ⅸ', 'Ⓐ', 'K', 'ſ', 'Москва', 'і', 'Київ', '서울', 'مرحبا', '北京', 'カナ', 'ひら', 'שלום', 'Αθήνα', '𝐀', '😀', '\uD800', '\uDC00', '\u0301'];

describe('detectLanguage(text)', () => {
  it('gives the same language as the per-code-point reference on random mixed-script text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(detectLanguage(text)).toBe(referenceDetect(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads only the first 4,000 characters, a surrogate pair cut at the limit included', () => {
    const english = 'The talks were held in the capital and the ministers said that they would meet again. ';
    const long = english.repeat(60);
    for (const text of [long, 'x'.repeat(3999) + '😀' + long, 'Москва '.repeat(600) + long, '𝐀'.repeat(1999) + 'é😀' + english]) {
      expect(detectLanguage(text)).toBe(referenceDetect(text));
    }
    expect(detectLanguage(long)).toBe('en');
  });
});

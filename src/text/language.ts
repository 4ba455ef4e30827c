import { englishStopwords } from './natural.js';

const EN_STOP = new Set(englishStopwords);

type Script = 'latin' | 'cyrillic' | 'hangul' | 'arabic' | 'han' | 'kana' | 'hebrew' | 'greek';

// Per-character script tests are the hot loop of language detection (1.5 ms an article with
// Unicode-property regexes): ASCII is decided by range, other characters once per code point.
const scriptCache = new Map<string, Script | null>();

function scriptOf(ch: string): Script | null {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 'latin' : null;
  let s = scriptCache.get(ch);
  if (s === undefined) {
    s = /\p{Script=Latin}/u.test(ch)
      ? 'latin'
      : /\p{Script=Cyrillic}/u.test(ch)
        ? 'cyrillic'
        : /\p{Script=Hangul}/u.test(ch)
          ? 'hangul'
          : /\p{Script=Arabic}/u.test(ch)
            ? 'arabic'
            : /\p{Script=Han}/u.test(ch)
              ? 'han'
              : /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)
                ? 'kana'
                : /\p{Script=Hebrew}/u.test(ch)
                  ? 'hebrew'
                  : /\p{Script=Greek}/u.test(ch)
                    ? 'greek'
                    : null;
    if (scriptCache.size < 65_536) scriptCache.set(ch, s);
  }
  return s;
}

/**
 * A coarse language guess from script and, for Latin script, English function
 * words. Enough to choose a stemmer and a sentence locale; `und` when unsure.
 * (franc-class detectors need n-gram models larger than this choice warrants.)
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 4000);
  const counts = { latin: 0, cyrillic: 0, hangul: 0, arabic: 0, han: 0, kana: 0, hebrew: 0, greek: 0 };
  for (const ch of sample) {
    const script = scriptOf(ch);
    if (script) counts[script]++;
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
      return counts.kana > 0 ? 'ja' : 'zh';
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

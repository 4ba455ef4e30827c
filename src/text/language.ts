import { englishStopwords } from './natural.js';

const EN_STOP = new Set(englishStopwords);

/**
 * A coarse language guess from script and, for Latin script, English function
 * words. Enough to choose a stemmer and a sentence locale; `und` when unsure.
 * (franc-class detectors need n-gram models larger than this choice warrants.)
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 4000);
  const counts = { latin: 0, cyrillic: 0, hangul: 0, arabic: 0, han: 0, kana: 0, hebrew: 0, greek: 0 };
  for (const ch of sample) {
    if (/\p{Script=Latin}/u.test(ch)) counts.latin++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) counts.cyrillic++;
    else if (/\p{Script=Hangul}/u.test(ch)) counts.hangul++;
    else if (/\p{Script=Arabic}/u.test(ch)) counts.arabic++;
    else if (/\p{Script=Han}/u.test(ch)) counts.han++;
    else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) counts.kana++;
    else if (/\p{Script=Hebrew}/u.test(ch)) counts.hebrew++;
    else if (/\p{Script=Greek}/u.test(ch)) counts.greek++;
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

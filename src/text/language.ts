import * as chars from './chars.js';
import { englishStopwords } from './natural.js';

/** The scripts counted, in the order that breaks ties between equal counts (first wins). */
const SCRIPTS = ['latin', 'cyrillic', 'hangul', 'arabic', 'han', 'kana', 'hebrew', 'greek'] as const;
const LATIN = 1;
/** Script code of a character outside the counted scripts (codes 1–8 are SCRIPTS[code - 1]). */
const NO_SCRIPT = 9;

function classifyScript(ch: string): number {
  if (/\p{Script=Latin}/u.test(ch)) return 1;
  if (/\p{Script=Cyrillic}/u.test(ch)) return 2;
  if (/\p{Script=Hangul}/u.test(ch)) return 3;
  if (/\p{Script=Arabic}/u.test(ch)) return 4;
  if (/\p{Script=Han}/u.test(ch)) return 5;
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) return 6;
  if (/\p{Script=Hebrew}/u.test(ch)) return 7;
  if (/\p{Script=Greek}/u.test(ch)) return 8;
  return NO_SCRIPT;
}

// Script per code point, asked of the Unicode property regexes once per character (0 = not yet):
// per-character regex tests were the hot loop of detection. ASCII counts only its letters.
const bmpScript = new Uint8Array(65_536);
for (let c = 0; c < 128; c++) bmpScript[c] = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? LATIN : NO_SCRIPT;
const astralScript = new Map<number, number>();

/**
 * English function words (natural's list) by their letters packed into two integers (five bits a
 * letter, up to ten letters: the longest entry), so a word of the sample is looked up without
 * making a string of it. Entries that are not all a–z can never be a run of letters: left out.
 */
const STOP_SLOTS = 1024;
const stopLo = new Int32Array(STOP_SLOTS);
const stopHi = new Int32Array(STOP_SLOTS);
/** Length + 1 per slot (0 = empty). */
const stopLen = new Int32Array(STOP_SLOTS);
const MAX_STOP = 10;

function stopSlot(lo: number, hi: number, len: number): number {
  return (Math.imul(lo ^ Math.imul(hi, 0x2545f491) ^ len, 0x9e3779b1) >>> 22) & (STOP_SLOTS - 1);
}

for (const w of englishStopwords) {
  if (!/^[a-z]{1,10}$/.test(w)) continue;
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < w.length; k++) {
    const v = w.charCodeAt(k) - 96;
    if (k < 5) lo = lo * 32 + v;
    else hi = hi * 32 + v;
  }
  let s = stopSlot(lo, hi, w.length);
  while (stopLen[s] !== 0 && !(stopLo[s] === lo && stopHi[s] === hi && stopLen[s] === w.length + 1)) s = (s + 1) & (STOP_SLOTS - 1);
  stopLo[s] = lo;
  stopHi[s] = hi;
  stopLen[s] = w.length + 1;
}

function isStopKey(lo: number, hi: number, len: number): boolean {
  for (let s = stopSlot(lo, hi, len); stopLen[s] !== 0; s = (s + 1) & (STOP_SLOTS - 1)) if (stopLo[s] === lo && stopHi[s] === hi && stopLen[s] === len + 1) return true;
  return false;
}

/** Words (maximal runs of letters) of a sample and how many are English function words. */
let wordTotal = 0;
let stopTotal = 0;

/**
 * Counts the words of `lower` (already lower-cased) by code point: the runs /\p{L}+/gu matches.
 * Used when the sample holds non-ASCII letters, which lower-casing may change in context.
 */
function countWords(lower: string): void {
  const n = lower.length;
  wordTotal = 0;
  stopTotal = 0;
  let i = 0;
  while (i < n) {
    if ((chars.flagsAt(lower, i) & chars.LETTER) === 0) {
      i += chars.unitsAt(lower, i);
      continue;
    }
    let lo = 0;
    let hi = 0;
    let len = 0;
    let ascii = true;
    while (i < n && chars.flagsAt(lower, i) & chars.LETTER) {
      const c = lower.charCodeAt(i);
      if (c >= 97 && c <= 122) {
        if (len < 5) lo = lo * 32 + (c - 96);
        else if (len < MAX_STOP) hi = hi * 32 + (c - 96);
      } else ascii = false;
      len++;
      i += chars.unitsAt(lower, i);
    }
    wordTotal++;
    if (ascii && len <= MAX_STOP && isStopKey(lo, hi, len)) stopTotal++;
  }
}

/**
 * A coarse language guess from script and, for Latin script, English function
 * words. Enough to choose a stemmer and a sentence locale; `und` when unsure.
 * (franc-class detectors need n-gram models larger than this choice warrants.)
 *
 * Reads the first 4,000 characters. One pass counts scripts and, while no non-ASCII letter has
 * been seen, the words and function words too (ASCII lower-casing is then all that
 * String.toLowerCase would do to the letters: no other character lower-cases to a letter).
 * Same results as counting `for (const ch of sample)` and matching /\p{L}+/gu in the lower-cased
 * sample (tests/text/language.test.ts compares both).
 */
export function detectLanguage(text: string): string {
  const n = Math.min(text.length, 4000);
  const counts = new Int32Array(NO_SCRIPT + 1);
  let words = 0;
  let stops = 0;
  let lo = 0;
  let hi = 0;
  let len = 0;
  let asciiOnly = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const lower = c >= 65 && c <= 90 ? c + 32 : c;
      if (lower >= 97 && lower <= 122) {
        counts[LATIN]!++;
        if (len < 5) lo = lo * 32 + (lower - 96);
        else if (len < MAX_STOP) hi = hi * 32 + (lower - 96);
        len++;
        continue;
      }
    } else {
      let code: number;
      let letter: boolean;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        const cp = ((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000;
        let s = astralScript.get(cp);
        if (s === undefined) {
          s = classifyScript(String.fromCodePoint(cp));
          if (astralScript.size < 65_536) astralScript.set(cp, s);
        }
        code = s;
        letter = (chars.flagsAt(text, i) & chars.LETTER) !== 0;
        i++;
      } else {
        code = bmpScript[c]!;
        if (code === 0) bmpScript[c] = code = classifyScript(String.fromCharCode(c));
        letter = (chars.flagsOfUnit(c) & chars.LETTER) !== 0;
      }
      counts[code]!++;
      if (letter) asciiOnly = false;
      if (letter || !asciiOnly) continue;
    }
    // A non-letter ends the current word.
    if (len > 0) {
      words++;
      if (len <= MAX_STOP && isStopKey(lo, hi, len)) stops++;
      lo = hi = len = 0;
    }
  }
  if (len > 0) {
    words++;
    if (len <= MAX_STOP && isStopKey(lo, hi, len)) stops++;
  }
  let top = LATIN;
  for (let s = 2; s <= SCRIPTS.length; s++) if (counts[s]! > counts[top]!) top = s;
  if (counts[top] === 0) return 'und';
  switch (SCRIPTS[top - 1]) {
    case 'cyrillic':
      return /[іїєґ]/i.test(text.slice(0, 4000)) ? 'uk' : 'ru';
    case 'hangul':
      return 'ko';
    case 'arabic':
      return 'ar';
    case 'han':
      return counts[6]! > 0 ? 'ja' : 'zh';
    case 'kana':
      return 'ja';
    case 'hebrew':
      return 'he';
    case 'greek':
      return 'el';
    default: {
      if (!asciiOnly) {
        countWords(text.slice(0, 4000).toLowerCase());
        words = wordTotal;
        stops = stopTotal;
      }
      if (words === 0) return 'und';
      return stops / words >= 0.15 ? 'en' : 'und';
    }
  }
}

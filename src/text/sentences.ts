import type { Span } from '../doc/types.js';
import * as chars from './chars.js';

/**
 * Sentence boundaries on news text. ICU's sentence segmenter (Intl.Segmenter)
 * handles quotes followed by "he said" and every script; it over-splits after
 * abbreviations, so we merge those candidates back with the rules below
 * (sbd, the other candidate, merged "Jan. 5. “This…" and 'said "no." She').
 * Hand-written because no library gets both right: see tests/text/sentences.test.ts.
 */

/** Abbreviations that never end a sentence when followed by a capitalized word. */
const TITLE_ABBR = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'cpl', 'sen', 'rep', 'gov',
  'pres', 'amb', 'rev', 'hon', 'st', 'mt', 'ft', 'no', 'nos', 'vol', 'art', 'fig', 'jr', 'sr', 'messrs', 'supt', 'insp',
]);
/** Abbreviations that end a sentence only when the next word starts lower-case or with a number. */
const SOFT_ABBR = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.u',
  'a.m', 'p.m', 'inc', 'corp', 'ltd', 'co', 'vs', 'etc', 'approx', 'est', 'dept', 'univ', 'e.g', 'i.e', 'cf', 'al',
]);

/** Capitalized words that follow "U.S." / "U.K." as a modifier, not a new sentence ("the U.S. Navy"). */
const AFTER_ACRONYM = new Set([
  'navy', 'army', 'air', 'force', 'forces', 'marine', 'marines', 'president', 'secretary', 'ambassador', 'embassy', 'state',
  'department', 'defense', 'defence', 'treasury', 'congress', 'senate', 'house', 'government', 'military', 'command', 'coast',
  'special', 'envoy', 'representative', 'trade', 'officials', 'troops', 'dollar', 'dollars', 'forces', 'intelligence', 'attorney',
  'district', 'supreme', 'federal', 'national', 'central', 'strategic', 'indo-pacific', 'pacific', 'navy’s', 'citizens',
]);

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language === 'und' ? 'en' : language, { granularity: 'sentence' });
    segmenters.set(language, s);
  }
  return s;
}

/*
 * Candidate boundaries: the Unicode sentence-boundary rules (UAX #29, SB6–SB11), run here by hand
 * because ICU's segmenter (Intl.Segmenter) costs ~10 µs a paragraph, most of the text stage.
 * No npm library implements UAX #29 sentence breaks exactly (sbd and natural's sentence tokenizer
 * use their own heuristics; the abbreviation merges below are tuned on ICU's candidates, so they
 * must stay ICU's). To stay exactly ICU's, the class of each character is not taken from tables
 * but asked of that locale's Intl.Segmenter itself (a few probe strings per distinct character,
 * cached), and paragraphs holding characters whose rules are not done here (marks and format
 * characters that SB5 folds into their neighbour, line separators, astral characters) go to
 * Intl.Segmenter as before. tests/text/sentences.test.ts compares both on random strings.
 */
const SB_OTHER = 1;
const SB_SP = 2;
const SB_LOWER = 3;
const SB_UPPER = 4;
const SB_OLETTER = 5;
const SB_NUMERIC = 6;
const SB_ATERM = 7;
const SB_STERM = 8;
const SB_CLOSE = 9;
const SB_SCONTINUE = 10;
/** A character whose rules are not implemented here: the paragraph goes to Intl.Segmenter. */
const SB_UNSUPPORTED = 255;

const UNSUPPORTED_CHAR = /[\p{Grapheme_Extend}\p{Mc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\r\n\u0085]/u;

/** Segment lengths of `s` by the segmenter, e.g. [4, 3] for "Hi. The". */
function lengths(seg: Intl.Segmenter, s: string): number[] {
  return Array.from(seg.segment(s), (x) => x.segment.length);
}

/** The sentence-break class of one BMP character under `seg`, found by probing the segmenter (see above). */
function probeClass(seg: Intl.Segmenter, c: string): number {
  if (UNSUPPORTED_CHAR.test(c)) return SB_UNSUPPORTED;
  const same = (a: number[], b: number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
  // A sentence terminal ends "Hi? The" after the space; ATerm (".") does not end "Hi.5" (SB6), STerm does.
  if (same(lengths(seg, `Hi${c} The`), [4, 3])) return lengths(seg, `Hi${c}5`).length === 1 ? SB_ATERM : SB_STERM;
  // Spaces after spaces stay with the sentence (SB10); a closing mark after a space does not.
  if (same(lengths(seg, `Hi. ${c}The`), [5, 3])) return SB_SP;
  const afterATerm = lengths(seg, `Hi.${c} The`);
  // A closing mark stays with the sentence (SB9).
  if (same(afterATerm, [5, 3])) return SB_CLOSE;
  if (afterATerm.length === 1) {
    // Kept by SB8a (after any terminal), SB8 (lower case after "."), SB6 (number) or SB7 (upper case).
    if (lengths(seg, `Hi! ${c} The`).length === 1) return SB_SCONTINUE;
    if (lengths(seg, `Hi. ${c} The`).length === 1) return SB_LOWER;
    return lengths(seg, `Hi. ${c}x The`).length === 1 ? SB_NUMERIC : SB_UPPER;
  }
  if (!same(afterATerm, [3, 5])) return SB_UNSUPPORTED;
  // SB8 looks past Other (not past OLetter) for a lower-case letter.
  return lengths(seg, `Hi. ${c}x The`).length === 1 ? SB_OTHER : SB_OLETTER;
}

const classTables = new Map<string, Uint8Array>();

/** Class of text[i] from the language's table, probing the segmenter for a character seen the first time. */
function classAt(table: Uint8Array, text: string, i: number, language: string): number {
  const c = text.charCodeAt(i);
  let k = table[c]!;
  if (k === 0) {
    k = probeClass(segmenter(language), String.fromCharCode(c));
    table[c] = k;
  }
  return k;
}

/**
 * Ends of the candidate sentences of the paragraph text[from, to) (no separators inside) by UAX #29
 * SB6–SB11, in order; null when a character's rules are not implemented here. A range of the whole
 * text rather than a slice: charCodeAt on a sliced string costs several times more per character.
 */
function candidateEnds(text: string, from: number, to: number, language: string): number[] | null {
  let table = classTables.get(language);
  if (!table) classTables.set(language, (table = new Uint8Array(65_536)));
  const n = to;
  const ends: number[] = [];
  let i = from;
  while (i < n) {
    let k = table[text.charCodeAt(i)]!;
    if (k === 0) k = classAt(table, text, i, language);
    if (k < SB_ATERM) {
      // The common case: a character that neither ends a sentence nor is unsupported.
      i++;
      continue;
    }
    if (k === SB_UNSUPPORTED) return null;
    if (k !== SB_ATERM && k !== SB_STERM) {
      i++;
      continue;
    }
    // SATerm Close* Sp* (SB9, SB10), then a break before the next character (SB11) unless SB6–SB8a hold.
    let s = i + 1;
    let x = s < n ? classAt(table, text, s, language) : 0;
    while (x === SB_CLOSE) x = ++s < n ? classAt(table, text, s, language) : 0;
    while (x === SB_SP) x = ++s < n ? classAt(table, text, s, language) : 0;
    if (s >= n) break;
    if (x === SB_UNSUPPORTED) return null;
    let keep = x === SB_SCONTINUE || x === SB_ATERM || x === SB_STERM; // SB8a
    if (!keep && k === SB_ATERM) {
      if (s === i + 1 && x === SB_NUMERIC) keep = true; // SB6
      else if (s === i + 1 && x === SB_UPPER && i > from) {
        const w = classAt(table, text, i - 1, language);
        keep = w === SB_UPPER || w === SB_LOWER; // SB7
      }
      if (!keep) {
        // SB8: a lower-case letter ahead, past anything but letters and terminals.
        let m = s;
        let y = x;
        while (y !== SB_OLETTER && y !== SB_UPPER && y !== SB_LOWER && y !== SB_ATERM && y !== SB_STERM) {
          if (y === SB_UNSUPPORTED) return null;
          if (++m >= n) break;
          y = classAt(table, text, m, language);
        }
        keep = m < n && y === SB_LOWER;
      }
    }
    if (!keep) ends.push(s);
    i = s;
  }
  ends.push(n);
  return ends;
}

/** Ends of the candidate sentences of the paragraph text[from, to): by hand when every character is supported, else by ICU. */
function candidates(text: string, from: number, to: number, language: string): number[] {
  const ends = candidateEnds(text, from, to, language);
  if (ends) return ends;
  const fallback: number[] = [];
  for (const s of segmenter(language).segment(text.slice(from, to))) fallback.push(from + s.index + s.segment.length);
  return fallback;
}

// Local copies: read per character (under tsx each imported binding is a getter call).
const UNITS = chars.unitTable();
const LETTER = chars.LETTER;
const LOWER = chars.LOWER;
const NUMBER = chars.NUMBER;
const SPACE = chars.SPACE;
const flagsAt = chars.flagsAt;
function flagsOfUnit(c: number): number {
  const f = UNITS[c]!;
  return f !== 0 ? f : chars.flagsOfUnit(c);
}

const WORD_BEFORE_DOT = /^(?:\p{L}\.)*\p{L}+$/u;
/** Characters that may precede an abbreviation: the original pattern's [\s(“"'‘]. */
function opensWord(c: number): boolean {
  return c === 40 || c === 0x201c || c === 34 || c === 39 || c === 0x2018 || (flagsOfUnit(c) & SPACE) !== 0;
}

/**
 * True when the candidate boundary between text[curStart, curEnd) and text[segStart, segEnd) should
 * be merged into one sentence. Same decisions as matching
 * /(?:^|[\s(“"'‘])((?:\p{L}\.)*\p{L}+)\.\s*$/u on the text before the boundary, but
 * reading only its last word (that regex scanned the whole sentence so far for each candidate).
 */
function isFalseBoundary(text: string, curStart: number, curEnd: number, segStart: number, segEnd: number): boolean {
  let e = curEnd;
  while (e > curStart && flagsOfUnit(text.charCodeAt(e - 1)) & SPACE) e--;
  if (e === curStart || text.charCodeAt(e - 1) !== 46) return false;
  const dot = e - 1;
  let d = dot;
  while (d > curStart && !opensWord(text.charCodeAt(d - 1))) d--;
  const abbr = text.slice(d, dot);
  if (!WORD_BEFORE_DOT.test(abbr)) return false;
  const word = abbr.toLowerCase();
  let n = segStart;
  while (n < segEnd && flagsOfUnit(text.charCodeAt(n)) & SPACE) n++;
  const nextStartsLower = n < segEnd && (flagsAt(text, n) & (LOWER | NUMBER)) !== 0;
  // A lone capital initial: "J. R. R. Tolkien", "Kim J. Un".
  if (/^\p{Lu}$/u.test(abbr)) return true;
  if (TITLE_ABBR.has(word)) return true;
  const isAcronym = /^(?:\p{L}\.)+\p{L}$/u.test(abbr);
  if (isAcronym && AFTER_ACRONYM.has(nextWord(text, n, segEnd).toLowerCase())) return true;
  if (SOFT_ABBR.has(word)) return nextStartsLower;
  // Dotted acronyms ("U.S.") not in the list behave like soft ones.
  if (isAcronym) return nextStartsLower;
  return false;
}

/** The run of letters, apostrophes and hyphens at `from` (the original /^[\p{L}’'-]+/u), within the segment. */
function nextWord(text: string, from: number, end: number): string {
  let j = from;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 0x2019 || c === 39 || c === 45) j++;
    else if (flagsAt(text, j) & LETTER) j += c >= 0xd800 && c <= 0xdbff && j + 1 < end ? 2 : 1;
    else break;
  }
  return text.slice(from, j);
}

/** Sentence spans of one block of text (no paragraph breaks inside), trimmed of white space. */
export function splitSentences(text: string, language = 'en', offset = 0): Span[] {
  const spans: Span[] = [];
  sentencesInto(text, 0, text.length, language, spans);
  for (const span of spans) {
    span.start += offset;
    span.end += offset;
  }
  return spans;
}

/**
 * Appends the sentence spans of the paragraph text[from, to) to `out`, offsets into `text`: the
 * spans splitSentences(text.slice(from, to), language, from) returns, without the slice.
 */
export function sentencesInto(text: string, from: number, to: number, language: string, out: Span[]): void {
  let curStart = -1;
  let curEnd = -1;
  let start = from;
  for (const end of candidates(text, from, to, language)) {
    if (curStart >= 0 && isFalseBoundary(text, curStart, curEnd, start, end)) {
      curEnd = end;
    } else {
      if (curStart >= 0) pushTrimmed(text, curStart, curEnd, out);
      curStart = start;
      curEnd = end;
    }
    start = end;
  }
  if (curStart >= 0) pushTrimmed(text, curStart, curEnd, out);
}

/** Pushes text[start, end) trimmed of JavaScript white space (`\s`), unless nothing is left. */
function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && flagsOfUnit(text.charCodeAt(start)) & SPACE) start++;
  while (end > start && flagsOfUnit(text.charCodeAt(end - 1)) & SPACE) end--;
  if (end > start) out.push({ start, end });
}

/** Paragraph spans: maximal runs of text between line breaks, trimmed. */
export function splitParagraphs(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  while (from < text.length) {
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = text.length;
    if (nl > from) pushTrimmed(text, from, nl, out);
    from = nl + 1;
  }
  return out;
}

import type { Span } from '../doc/types.js';

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

/** True when the candidate boundary after `before` should be merged into one sentence with `after`. */
function isFalseBoundary(before: string, after: string): boolean {
  const m = /(?:^|[\s(“"'‘])((?:\p{L}\.)*\p{L}+)\.\s*$/u.exec(before);
  if (!m) return false;
  const word = m[1]!.toLowerCase();
  const next = after.trimStart();
  const nextStartsLower = /^[\p{Ll}\p{N}]/u.test(next);
  // A lone capital initial: "J. R. R. Tolkien", "Kim J. Un".
  if (/^\p{Lu}$/u.test(m[1]!)) return true;
  if (TITLE_ABBR.has(word)) return true;
  const isAcronym = /^(?:\p{L}\.)+\p{L}$/u.test(m[1]!);
  if (isAcronym) {
    const nextWord = /^[\p{L}’'-]+/u.exec(next)?.[0]?.toLowerCase() ?? '';
    if (AFTER_ACRONYM.has(nextWord)) return true;
  }
  if (SOFT_ABBR.has(word)) return nextStartsLower;
  // Dotted acronyms ("U.S.") not in the list behave like soft ones.
  if (isAcronym) return nextStartsLower;
  return false;
}

/** Sentence spans of one block of text (no paragraph breaks inside), trimmed of white space. */
export function splitSentences(text: string, language = 'en', offset = 0): Span[] {
  const spans: Span[] = [];
  let curStart = -1;
  let curEnd = -1;
  for (const seg of segmenter(language).segment(text)) {
    const start = seg.index;
    const end = start + seg.segment.length;
    if (curStart >= 0 && isFalseBoundary(text.slice(curStart, curEnd), seg.segment)) {
      curEnd = end;
      continue;
    }
    if (curStart >= 0) pushTrimmed(text, curStart, curEnd, offset, spans);
    curStart = start;
    curEnd = end;
  }
  if (curStart >= 0) pushTrimmed(text, curStart, curEnd, offset, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, offset: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start: start + offset, end: end + offset });
}

/** Paragraph spans: maximal runs of text between line breaks, trimmed. */
export function splitParagraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (const m of text.matchAll(re)) pushTrimmed(text, m.index, m.index + m[0].length, 0, out);
  return out;
}

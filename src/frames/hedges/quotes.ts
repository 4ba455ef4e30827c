/**
 * Quoted stretches of text, told apart into attributed speech and scare
 * quotes. A scare quote puts distance between the writer and a word ("the
 * ‘threat from North Korea’"): one to four words in quotation marks with no
 * reporting verb close by. A short quote next to "said", "called", "dubbed"…
 * is the speaker's word, i.e. attributed speech, not the writer's distance.
 */
import type { Doc } from '../../doc/types.js';
import { tokenOffsets } from '../../text/index.js';

export interface QuotedSpan {
  /** Offsets of the whole quotation including its marks. */
  start: number;
  end: number;
  /** Offsets of the words inside the marks. */
  innerStart: number;
  innerEnd: number;
  words: number;
  /** The reporting word that makes it attributed speech, or null for a scare quote. */
  reportingWord: string | null;
}

/** Reporting and naming verbs: a short quote beside one of them is someone's words. */
export const REPORTING_WORDS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'saying', 'told', 'tell', 'tells', 'telling', 'stated', 'states', 'state', 'added', 'adds', 'wrote', 'writes', 'write',
  'according', 'calls', 'call', 'calling', 'dubbed', 'dubs', 'dub', 'described', 'describes', 'describe', 'describing', 'termed', 'terms',
  'labeled', 'labelled', 'labels', 'branded', 'brands', 'declared', 'declares', 'insisted', 'insists', 'claimed', 'claims', 'argued', 'argues',
  'noted', 'notes', 'explained', 'explains', 'asked', 'asks', 'replied', 'replies', 'tweeted', 'tweets', 'posted', 'warned', 'warns', 'urged',
  'urges', 'announced', 'announces', 'quoted', 'quoting', 'referred', 'refers', 'referring', 'vowed', 'vows', 'promised', 'promises', 'spokesperson',
  'spokesman', 'spokeswoman', 'statement', 'remarks', 'words', 'phrase', 'term', 'slogan', 'headline', 'titled', 'entitled', 'nicknamed', 'named', 'names', 'codenamed', 'code', 'called', 'known',
  'characterized', 'characterizes', 'denounced', 'condemned', 'accused', 'mocked', 'praised', 'hailed',
]);

const PAIRS: Readonly<Record<string, string>> = { '“': '”', '"': '"', '‘': '’', "'": "'", '«': '»', '„': '“' };
/** An opening mark not glued to a preceding letter, a short run of quotable text, the matching close. */
const QUOTE_RE = /(?<![\p{L}\p{N}])([“"‘'«„])([\p{L}\p{N}][^“”"‘’«»„\n]{0,80}?)([”"’'»“])(?![\p{L}\p{N}])/gu;

const WINDOW_BEFORE = 6;
const WINDOW_AFTER = 4;

/**
 * Quotations of any length per document, keyed by its token array (text checked
 * too): the loaded-language patterns and the hedges analyzer both ask for short
 * quotes of the same article, and one regex scan of the text serves both.
 */
const quotesByDoc = new WeakMap<readonly unknown[], { text: string; quotes: QuotedSpan[] }>();

/** Short quotations (1–`maxWords` words) with their attribution status. */
export function findShortQuotes(doc: Pick<Doc, 'text' | 'tokens'>, maxWords = 4): QuotedSpan[] {
  let hit = quotesByDoc.get(doc.tokens);
  if (!hit || hit.text !== doc.text) {
    hit = { text: doc.text, quotes: findQuotes(doc) };
    quotesByDoc.set(doc.tokens, hit);
  }
  return hit.quotes.filter((q) => q.words <= maxWords);
}

/** Every quotation QUOTE_RE finds (at least one word), in text order. */
function findQuotes(doc: Pick<Doc, 'text' | 'tokens'>): QuotedSpan[] {
  const { text, tokens } = doc;
  const out: QuotedSpan[] = [];
  for (const m of text.matchAll(QUOTE_RE)) {
    const open = m[1]!;
    const inner = m[2]!;
    const close = m[3]!;
    if (PAIRS[open] !== close && !(open === "'" && close === '’')) continue;
    // A closing single mark followed by "s" would have been an apostrophe; the regex's lookahead already rules it out.
    const trimmed = inner.replace(/[\s.,;:!?]+$/u, '');
    const n = tokenOffsets(trimmed).length;
    if (n === 0) continue;
    const start = m.index;
    const end = start + m[0].length;
    const innerStart = start + open.length;
    const endsSentence = /[.!?]\s*$/.test(inner);
    // Frozen: the same objects are handed to every caller (see quotesByDoc).
    out.push(Object.freeze({ start, end, innerStart, innerEnd: innerStart + trimmed.length, words: n, reportingWord: reportingNear(text, tokens, start, end, !endsSentence) }));
  }
  return out;
}

/** A reporting word within a few tokens of the quote, not crossing a sentence end. */
function reportingNear(text: string, tokens: Pick<Doc, 'tokens'>['tokens'], start: number, end: number, lookAfter: boolean): string | null {
  // First token at or after `start` (binary search: tokens are sorted).
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1, k = 0; i >= 0 && k < WINDOW_BEFORE; i--, k++) {
    const t = tokens[i]!;
    if (/[.!?]\s*$/.test(text.slice(t.end, tokens[i + 1]?.start ?? start))) break;
    if (REPORTING_WORDS.has(t.norm)) return t.norm;
  }
  if (!lookAfter) return null;
  let j = lo;
  while (j < tokens.length && tokens[j]!.start < end) j++;
  for (let k = 0; j < tokens.length && k < WINDOW_AFTER; j++, k++) {
    const t = tokens[j]!;
    if (REPORTING_WORDS.has(t.norm)) return t.norm;
    if (/[.!?]/.test(text.slice(t.end, tokens[j + 1]?.start ?? t.end))) break;
  }
  return null;
}

/**
 * Quotation spans from quote marks. News text mixes straight and curly marks
 * and sometimes uses a closing ” to open (RT), so a mark's role comes from its
 * neighbours first (a mark after a space and before a letter opens) and from
 * its glyph only when the neighbours do not decide (CommonMark's flanking idea).
 * A quote still open at the end of its paragraph runs to the paragraph's end:
 * the convention for quotes that continue into the next paragraph.
 */
import { bisectLeft } from 'd3-array';
import type { Span } from '../../doc/types.js';

export interface QuoteSpan {
  /** Offsets including the marks. */
  start: number;
  end: number;
  /** Offsets of the quoted words, marks excluded. */
  innerStart: number;
  innerEnd: number;
  /** False when the paragraph ended before a closing mark. */
  closed: boolean;
  /** Double marks or curly single marks (‘…’). */
  marks: 'double' | 'single';
}

const DOUBLE = new Set(['"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB']);
const OPEN_GLYPH = new Set(['\u201C', '\u201E', '\u00AB', '\u2018']);
const CLOSE_GLYPH = new Set(['\u201D', '\u00BB', '\u2019']);
const BEFORE_OPEN = /[\s([{\u2014\u2013\-:/]/;
const AFTER_CLOSE = /[\s.,;:!?)\]}\u2014\u2013\-/…]/;

type Role = 'open' | 'close' | 'either';

/** Per UTF-16 unit: bit 1 white space, 2 BEFORE_OPEN, 4 AFTER_CLOSE, 8 DOUBLE, 16 `\p{L}`, 32 decided (filled on first use). */
const unitClass = new Uint8Array(0x10000);
const SPACE_UNIT = 1;
const BEFORE_OPEN_UNIT = 2;
const AFTER_CLOSE_UNIT = 4;
const DOUBLE_UNIT = 8;
const LETTER_UNIT = 16;
const LETTER = /\p{L}/u;

/** Class bits (unitClass) of the unit at `i`: the regexes and set of the rules, decided once per unit value. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let v = unitClass[c]!;
  if (v === 0) {
    const ch = text[i]!;
    v = 32 | (/\s/.test(ch) ? SPACE_UNIT : 0) | (BEFORE_OPEN.test(ch) ? BEFORE_OPEN_UNIT : 0) | (AFTER_CLOSE.test(ch) ? AFTER_CLOSE_UNIT : 0) | (DOUBLE.has(ch) ? DOUBLE_UNIT : 0) | (LETTER.test(ch) ? LETTER_UNIT : 0);
    unitClass[c] = v;
  }
  return v;
}

function roleOf(text: string, i: number, from: number, to: number): Role {
  // Neighbour classes (-1: none, at the paragraph's edge).
  const p = i > from ? classAt(text, i - 1) : -1;
  const n = i + 1 < to ? classAt(text, i + 1) : -1;
  const openCtx = (p === -1 || (p & (BEFORE_OPEN_UNIT | DOUBLE_UNIT)) !== 0) && n !== -1 && (n & SPACE_UNIT) === 0;
  const closeCtx = (n === -1 || (n & (AFTER_CLOSE_UNIT | DOUBLE_UNIT)) !== 0) && p !== -1 && (p & SPACE_UNIT) === 0;
  if (openCtx && !closeCtx) return 'open';
  if (closeCtx && !openCtx) return 'close';
  const ch = text[i]!;
  if (OPEN_GLYPH.has(ch)) return 'open';
  if (CLOSE_GLYPH.has(ch)) return 'close';
  return 'either';
}

/** DOUBLE.has for the character with code `c` (read by code, without a one-character string and a set look-up per mark). */
function isDoubleMark(c: number): boolean {
  return c === 0x22 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb;
}

/** Every quote mark, double or curly single (a straight apostrophe is never a quote mark here). */
const ANY_MARK = /["\u201C\u201D\u201E\u00AB\u00BB\u2018\u2019]/g;

/** Quote spans in each paragraph, sorted by start. Single-mark quotes are kept only outside double ones. */
export function findQuoteSpans(text: string, paragraphs: readonly Span[]): QuoteSpan[] {
  // One pass over the text for the marks, then each paragraph pairs its own (time linear in the text).
  const doubleAt: number[] = [];
  const singleAt: number[] = [];
  ANY_MARK.lastIndex = 0;
  // test() moves lastIndex past the match without building a match array (a mark is one UTF-16 unit).
  while (ANY_MARK.test(text)) {
    const at = ANY_MARK.lastIndex - 1;
    (isDoubleMark(text.charCodeAt(at)) ? doubleAt : singleAt).push(at);
  }
  const out: QuoteSpan[] = [];
  for (const para of paragraphs) {
    const doubles = pairMarks(text, para, doubleAt, 'double');
    out.push(...doubles);
    for (const s of pairMarks(text, para, singleAt, 'single')) if (s.closed && !overlapsAny(doubles, s)) out.push(s);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** True when `s` overlaps one of `spans` (sorted, disjoint). */
function overlapsAny(spans: readonly QuoteSpan[], s: QuoteSpan): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= s.start) lo = mid + 1;
    else hi = mid;
  }
  const d = spans[lo];
  return d !== undefined && d.start < s.end;
}

function pairMarks(text: string, para: Span, positions: readonly number[], marks: QuoteSpan['marks']): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open = -1;
  for (let pi = bisectLeft(positions, para.start); pi < positions.length && positions[pi]! < para.end; pi++) {
    const i = positions[pi]!;
    const ch = text[i]!;
    const role = roleOf(text, i, para.start, para.end);
    if (marks === 'single' && role === 'either') continue;
    // An apostrophe inside a word (Korea’s, don’t) is not a closing mark.
    if (marks === 'single' && ch === '\u2019' && i + 1 < text.length && i > 0 && (classAt(text, i + 1) & LETTER_UNIT) !== 0 && (classAt(text, i - 1) & LETTER_UNIT) !== 0) continue;
    if (open < 0) {
      if (role === 'open' || role === 'either') open = i;
    } else if (role === 'close' || role === 'either') {
      if (i > open + 1) out.push({ start: open, end: i + 1, innerStart: open + 1, innerEnd: i, closed: true, marks });
      open = -1;
    } else {
      // Two openings in a row: the first quote lost its closing mark; it ends where the next begins.
      if (marks === 'double') out.push({ start: open, end: trimEnd(text, open + 1, i), innerStart: open + 1, innerEnd: trimEnd(text, open + 1, i), closed: false, marks });
      open = i;
    }
  }
  if (open >= 0 && marks === 'double') {
    const end = trimEnd(text, open + 1, para.end);
    if (end > open + 1) out.push({ start: open, end, innerStart: open + 1, innerEnd: end, closed: false, marks });
  }
  return out;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

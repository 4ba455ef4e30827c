/**
 * Quotation spans from quote marks. News text mixes straight and curly marks
 * and sometimes uses a closing ” to open (RT), so a mark's role comes from its
 * neighbours first (a mark after a space and before a letter opens) and from
 * its glyph only when the neighbours do not decide (CommonMark's flanking idea).
 * A quote still open at the end of its paragraph runs to the paragraph's end:
 * the convention for quotes that continue into the next paragraph.
 */
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

function roleOf(text: string, i: number, from: number, to: number): Role {
  const p = i > from ? text[i - 1] : undefined;
  const n = i + 1 < to ? text[i + 1] : undefined;
  const openCtx = (p === undefined || BEFORE_OPEN.test(p) || DOUBLE.has(p)) && n !== undefined && !/\s/.test(n);
  const closeCtx = (n === undefined || AFTER_CLOSE.test(n) || DOUBLE.has(n)) && p !== undefined && !/\s/.test(p);
  if (openCtx && !closeCtx) return 'open';
  if (closeCtx && !openCtx) return 'close';
  const ch = text[i]!;
  if (OPEN_GLYPH.has(ch)) return 'open';
  if (CLOSE_GLYPH.has(ch)) return 'close';
  return 'either';
}

/** Every quote mark, double or curly single (a straight apostrophe is never a quote mark here). */
const ANY_MARK = /["\u201C\u201D\u201E\u00AB\u00BB\u2018\u2019]/g;

/** Quote spans in each paragraph, sorted by start. Single-mark quotes are kept only outside double ones. */
export function findQuoteSpans(text: string, paragraphs: readonly Span[]): QuoteSpan[] {
  // One pass over the text for the marks, then each paragraph pairs its own (time linear in the text).
  const doubleAt: number[] = [];
  const singleAt: number[] = [];
  ANY_MARK.lastIndex = 0;
  for (let m = ANY_MARK.exec(text); m; m = ANY_MARK.exec(text)) (DOUBLE.has(m[0]) ? doubleAt : singleAt).push(m.index);
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

/** Index of the first of the sorted `positions` at or after `offset`. */
function firstAtOrAfter(positions: readonly number[], offset: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pairMarks(text: string, para: Span, positions: readonly number[], marks: QuoteSpan['marks']): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open = -1;
  for (let pi = firstAtOrAfter(positions, para.start); pi < positions.length && positions[pi]! < para.end; pi++) {
    const i = positions[pi]!;
    const ch = text[i]!;
    const role = roleOf(text, i, para.start, para.end);
    if (marks === 'single' && role === 'either') continue;
    // An apostrophe inside a word (Korea’s, don’t) is not a closing mark.
    if (marks === 'single' && ch === '\u2019' && /\p{L}/u.test(text[i + 1] ?? '') && /\p{L}/u.test(text[i - 1] ?? '')) continue;
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

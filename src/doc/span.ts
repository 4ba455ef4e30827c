import type { Doc, Finding, Span } from './types.js';

/** How `charSpan` treats offsets that fall inside a token (spaCy's alignment modes). */
export type AlignMode = 'strict' | 'contract' | 'expand';

/**
 * Aligns a character range to whole tokens: returns `[first, last)` token
 * indices, or null when `strict` and the range does not fall on token
 * boundaries, or when no token is covered.
 */
export function charSpan(doc: Pick<Doc, 'tokens'>, start: number, end: number, mode: AlignMode = 'strict'): { first: number; last: number } | null {
  const { tokens } = doc;
  let first = -1;
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.end <= start) continue;
    if (t.start >= end) break;
    const inside = t.start >= start && t.end <= end;
    if (!inside) {
      if (mode === 'strict') return null;
      if (mode === 'contract') continue;
    }
    if (first < 0) first = i;
    last = i + 1;
  }
  return first < 0 ? null : { first, last };
}

/** The text of a span of the document. */
export function spanText(doc: Pick<Doc, 'text'>, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

/** Builds a finding whose `text` is guaranteed to be the covered slice. */
export function makeFinding(
  doc: Pick<Doc, 'text'>,
  analyzer: string,
  rule: string,
  start: number,
  end: number,
  extra: Omit<Finding, 'analyzer' | 'rule' | 'start' | 'end' | 'text'> = {},
): Finding {
  return { analyzer, rule, start, end, text: doc.text.slice(start, end), ...extra };
}

/** Index of the sentence containing offset (binary search over sorted spans), or -1. */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

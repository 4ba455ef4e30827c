import type { OffsetMap, Span } from './types.js';

/**
 * Builds cleaned text from kept slices of the original, joined by `separator`,
 * and the segment map back to the original. Slices must be sorted and disjoint;
 * empty slices are dropped. Separator characters map to the start of the next slice.
 * A `joined` slice follows the previous one with no separator (the rest of a block
 * after a piece cut out of its middle).
 */
export function composeText(original: string, kept: readonly (Span & { joined?: boolean })[], separator = '\n\n'): { text: string; map: OffsetMap } {
  const parts: string[] = [];
  const map: OffsetMap = [];
  let clean = 0;
  let lastEnd = -1;
  for (const { start, end, joined } of kept) {
    if (end <= start) continue;
    if (start < lastEnd) throw new RangeError(`composeText: slices overlap or are unsorted at ${start}`);
    if (parts.length > 0 && !joined) {
      parts.push(separator);
      clean += separator.length;
    }
    parts.push(original.slice(start, end));
    map.push({ clean, orig: start, length: end - start });
    clean += end - start;
    lastEnd = end;
  }
  return { text: parts.join(''), map };
}

/** Index of the last segment whose clean start is <= offset (binary search), or -1. */
function segmentAt(map: OffsetMap, offset: number): number {
  let lo = 0;
  let hi = map.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]!.clean <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Maps an offset in the cleaned text to the original. Offsets inside a
 * separator map to the start of the following slice (an end offset at a
 * separator maps to the end of the preceding slice, see `spanToOriginal`).
 */
export function toOriginal(map: OffsetMap, offset: number): number {
  if (map.length === 0) return offset;
  const i = segmentAt(map, offset);
  if (i < 0) return map[0]!.orig;
  const seg = map[i]!;
  if (offset <= seg.clean + seg.length) return seg.orig + (offset - seg.clean);
  const next = map[i + 1];
  return next ? next.orig : seg.orig + seg.length;
}

/** Maps a cleaned-text span to the original, keeping an end that falls on a separator at the slice end. */
export function spanToOriginal(map: OffsetMap, span: Span): Span {
  const start = toOriginal(map, span.start);
  if (map.length === 0) return { start, end: span.end };
  const i = segmentAt(map, Math.max(span.end - 1, span.start));
  const seg = i >= 0 ? map[i]! : map[0]!;
  const end = span.end <= seg.clean + seg.length ? seg.orig + (span.end - seg.clean) : seg.orig + seg.length;
  return { start, end: Math.max(start, end) };
}

/** Maps an original offset into the cleaned text, or null when that character was removed. */
export function toClean(map: OffsetMap, offset: number): number | null {
  let lo = 0;
  let hi = map.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = map[mid]!;
    if (offset < seg.orig) hi = mid - 1;
    else if (offset >= seg.orig + seg.length) lo = mid + 1;
    else return seg.clean + (offset - seg.orig);
  }
  return null;
}

/** An identity map for text that was kept whole. */
export function identityMap(text: string): OffsetMap {
  return text.length > 0 ? [{ clean: 0, orig: 0, length: text.length }] : [];
}

/**
 * Highlighting: article HTML from the cleaned text and any number of spans,
 * overlapping or nested. The text is cut at every span boundary into
 * elementary segments; each segment carries the classes, keys and titles of
 * all spans covering it, so markup never has to nest across span edges. Every
 * text piece goes through escapeHtml.
 */
import { escapeHtml } from '../escape.js';

export interface HighlightSpan {
  start: number;
  end: number;
  /** CSS classes for every segment the span covers. */
  classes?: readonly string[];
  /** Link keys (space-free): the inline script lights every segment sharing a key. */
  keys?: readonly string[];
  /** Tooltip text on every segment of the span (joined with line breaks when spans overlap). */
  title?: string;
  /** Tooltip text on the span's first segment only (long spans such as quotes: keeps the page small). */
  firstTitle?: string;
  /** Render as <mark> (a finding a reader should notice) rather than <span>. */
  mark?: boolean;
  /** Keyboard-focusable: the span's first segment gets tabindex="0". */
  focus?: boolean;
  /** Element id placed (as an empty anchor) where the span starts. */
  anchor?: string;
  /** Twin keys: hovering, focusing or clicking a segment lights every segment sharing one (shared passages). */
  pairs?: readonly string[];
  /** A short label shown (by CSS, not as text) on the span's first segment, e.g. a passage number. */
  badge?: string;
  /** A colour class: where spans overlap, the first covering span's colour wins (one colour per segment). */
  colour?: string;
}

export interface Segment {
  start: number;
  end: number;
  /** Indices into the span list, in list order. */
  spans: number[];
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Moves an offset off the middle of a surrogate pair, so no segment holds half a character. */
function snap(text: string, i: number): number {
  if (i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i))) return i - 1;
  return i;
}

/** Clamps, snaps and drops empty spans; returns [start, end] per span, or null when it is empty. */
function normalized(text: string, spans: readonly HighlightSpan[]): Array<[number, number] | null> {
  const n = text.length;
  return spans.map((s) => {
    const a = snap(text, Math.max(0, Math.min(n, Math.floor(s.start))));
    const b = snap(text, Math.max(0, Math.min(n, Math.floor(s.end))));
    return a < b ? [a, b] : null;
  });
}

/** Elementary segments covering the whole text in order; each lists the spans covering all of it. */
export function segmentize(text: string, spans: readonly HighlightSpan[]): Segment[] {
  const ranges = normalized(text, spans);
  const cuts = new Set<number>([0, text.length]);
  for (const r of ranges) if (r) cuts.add(r[0]).add(r[1]);
  const points = [...cuts].sort((x, y) => x - y);
  const starts = new Map<number, number[]>();
  ranges.forEach((r, i) => {
    if (!r) return;
    const list = starts.get(r[0]) ?? [];
    list.push(i);
    starts.set(r[0], list);
  });
  const out: Segment[] = [];
  let active: number[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k]!;
    const b = points[k + 1]!;
    active = active.filter((i) => ranges[i]![1] > a);
    for (const i of starts.get(a) ?? []) active.push(i);
    active.sort((x, y) => x - y);
    out.push({ start: a, end: b, spans: [...active] });
  }
  if (text.length === 0) return [];
  return out;
}

function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/**
 * The text as HTML with every span marked. Text content of the result (tags
 * removed, entities decoded) is escapeHtml's rendering of the text.
 */
export function highlightHtml(text: string, spans: readonly HighlightSpan[]): string {
  const ranges = normalized(text, spans);
  const anchorsAt = new Map<number, string[]>();
  spans.forEach((s, i) => {
    const r = ranges[i];
    if (!r || !s.anchor) return;
    const list = anchorsAt.get(r[0]) ?? [];
    if (!list.includes(s.anchor)) list.push(s.anchor);
    anchorsAt.set(r[0], list);
  });
  const emitted = new Set<string>();
  const parts: string[] = [];
  for (const seg of segmentize(text, spans)) {
    for (const id of anchorsAt.get(seg.start) ?? []) {
      if (emitted.has(id)) continue;
      emitted.add(id);
      parts.push(`<span class="anc" id="${escapeHtml(id)}"></span>`);
    }
    const piece = escapeHtml(text.slice(seg.start, seg.end));
    if (seg.spans.length === 0) {
      parts.push(piece);
      continue;
    }
    const covering = seg.spans.map((i) => spans[i]!);
    const colour = covering.find((s) => s.colour)?.colour;
    const classes = uniq([...covering.flatMap((s) => s.classes ?? []), ...(colour ? [colour] : [])]).sort();
    const keys = uniq(covering.flatMap((s) => s.keys ?? [])).sort();
    const titles = uniq([...covering.map((s) => s.title), ...seg.spans.filter((i) => ranges[i]![0] === seg.start).map((i) => spans[i]!.firstTitle)].filter((t): t is string => !!t));
    const tag = covering.some((s) => s.mark) ? 'mark' : 'span';
    const pairs = uniq(covering.flatMap((s) => s.pairs ?? [])).sort();
    const firsts = seg.spans.filter((i) => ranges[i]![0] === seg.start).map((i) => spans[i]!);
    const focus = firsts.some((s) => s.focus);
    const badge = uniq(firsts.map((s) => s.badge).filter((b): b is string => !!b)).join('·');
    let attrs = '';
    if (classes.length) attrs += ` class="${escapeHtml(classes.join(' '))}"`;
    if (keys.length) attrs += ` data-k="${escapeHtml(keys.join(' '))}"`;
    if (titles.length) attrs += ` title="${escapeHtml(titles.join('\n'))}"`;
    if (pairs.length) attrs += ` data-p="${escapeHtml(pairs.join(' '))}"`;
    if (badge) attrs += ` data-n="${escapeHtml(badge)}"`;
    if (focus) attrs += ' tabindex="0"';
    parts.push(`<${tag}${attrs}>${piece}</${tag}>`);
  }
  return parts.join('');
}

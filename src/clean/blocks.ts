/**
 * Blocks: the units cleaning classifies. A block is one line of the original,
 * or a paragraph of hard-wrapped lines, trimmed, with its leading list/heading
 * markup split off. Offsets are into the original text.
 */

import { isSpaceUnit } from '../text/index.js';

export interface Block {
  /** Start of the trimmed block, markup included. */
  start: number;
  /** Start of the block's words, after leading markup ("• ", "## ", "> "). */
  bodyStart: number;
  end: number;
  /** `original.slice(bodyStart, end)`. */
  text: string;
}

/**
 * Whitespace that never belongs to a kept slice: Unicode spaces (JavaScript `\s`) plus zero-width
 * characters and BOM, the units /^(?:\s|\u200B|\u200C|\u200D|\u2060|\uFEFF)$/u matches (a test per
 * unit by code, where that pattern on a one-unit string showed in profiles).
 */
function isSpaceCode(c: number): boolean {
  return c === 32 || isSpaceUnit(c) || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff;
}
/** Leading markup: bullets, Markdown heading and quote markers, a lone "+" or "*" of a saved list. */
const LEADING_MARKUP = /^(?:[•·▪●◦‣∙*+-]|#{1,6}|>+)[\s\u00A0]+/u;
/** LEADING_MARKUP read in place in the original (sticky, at lastIndex), without a slice per line. */
const LEADING_MARKUP_AT = new RegExp(LEADING_MARKUP.source.slice(1), 'uy');
/** A lower-case letter at lastIndex (/^\p{Ll}/u on a slice starting there). */
const LOWER_AT = /\p{Ll}/uy;

/**
 * Length of the match of LEADING_MARKUP on original.slice(start, end) (0: none), read in place: the
 * sticky match may run on past `end` over white space that the slice does not hold, so it is cut at
 * `end`, and the white space after the marker (markers hold none) must start before `end`.
 */
function markupLength(original: string, start: number, end: number): number {
  LEADING_MARKUP_AT.lastIndex = start;
  if (!LEADING_MARKUP_AT.test(original)) return 0;
  let markerEnd = start + 1;
  while (markerEnd < end && !isSpaceUnit(original.charCodeAt(markerEnd))) markerEnd++;
  return markerEnd < end ? Math.min(LEADING_MARKUP_AT.lastIndex, end) - start : 0;
}

interface Line {
  start: number;
  end: number;
}

/** Non-empty lines, trimmed of whitespace at both ends (offsets into the original). */
function trimmedLines(original: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  while (pos <= original.length) {
    let nl = original.indexOf('\n', pos);
    if (nl < 0) nl = original.length;
    let s = pos;
    let e = nl;
    while (s < e && isSpaceCode(original.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(original.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
    pos = nl + 1;
  }
  return out;
}

/**
 * True when the text is hard-wrapped (lines broken at a fixed width, as in
 * e-mail or wire copy): most long lines end within 15 characters of the
 * longest line, and that width is under 100.
 */
function isHardWrapped(original: string, lines: readonly Line[]): boolean {
  // Counted in two passes over the lines, without an array of lengths per article.
  let long = 0;
  let width = 0;
  for (const l of lines) {
    const n = l.end - l.start;
    if (n < 40) continue;
    long++;
    if (n > width) width = n;
  }
  if (long < 5 || width > 100) return false;
  let nearWidth = 0;
  for (const l of lines) if (l.end - l.start >= Math.max(40, width - 15)) nearWidth++;
  return nearWidth / long >= 0.6 && original.includes('\n');
}

/** The length of the longest line. */
function longestLine(lines: readonly Line[]): number {
  let width = -Infinity;
  for (const l of lines) width = Math.max(width, l.end - l.start);
  return width;
}

/** The characters of /[.!?…:;"”’)\]]$/u: a line ending in one ends a sentence (or introduces what follows). */
function isTerminal(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x3a || c === 0x3b || c === 0x22 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d;
}

/**
 * Whether line `next` continues the paragraph of line `prev`. In hard-wrapped
 * text, every line but the short last line of a paragraph continues; elsewhere
 * only a line that starts lower-case after a line without terminal punctuation
 * ("…the spokesperson\nsaid on Sunday").
 */
function continues(original: string, prev: Line, next: Line, wrapWidth: number | null): boolean {
  // Read in place: slices and a match array per pair of lines were most of this stage's garbage.
  let newlines = 0;
  for (let k = prev.end; k < next.start; k++) if (original.charCodeAt(k) === 10) newlines++;
  if (newlines !== 1) return false;
  if (markupLength(original, next.start, next.end) > 0) return false;
  if (wrapWidth !== null) return prev.end - prev.start >= wrapWidth - 15;
  if (isTerminal(original.charCodeAt(prev.end - 1))) return false;
  LOWER_AT.lastIndex = next.start;
  return LOWER_AT.test(original);
}

/** Splits the original into blocks (see `Block`), in order. */
export function splitBlocks(original: string): Block[] {
  const lines = trimmedLines(original);
  const wrapWidth = isHardWrapped(original, lines) ? longestLine(lines) : null;
  const blocks: Block[] = [];
  let blockStart = -1;
  let last: Line | null = null;
  for (const line of lines) {
    if (last && continues(original, last, line, wrapWidth)) {
      last = line;
      continue;
    }
    if (last) blocks.push(toBlock(original, blockStart, last.end));
    blockStart = line.start;
    last = line;
  }
  if (last) blocks.push(toBlock(original, blockStart, last.end));
  return blocks;
}

function toBlock(original: string, start: number, end: number): Block {
  const markup = markupLength(original, start, end);
  const bodyStart = markup > 0 && start + markup < end ? start + markup : start;
  return { start, bodyStart, end, text: original.slice(bodyStart, end) };
}

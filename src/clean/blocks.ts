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
  const lengths = lines.map((l) => l.end - l.start).filter((n) => n >= 40);
  if (lengths.length < 5) return false;
  const width = Math.max(...lengths);
  if (width > 100) return false;
  const nearWidth = lengths.filter((n) => n >= width - 15).length;
  return nearWidth / lengths.length >= 0.6 && original.includes('\n');
}

const TERMINAL = /[.!?…:;"”’)\]]$/u;

/**
 * Whether line `next` continues the paragraph of line `prev`. In hard-wrapped
 * text, every line but the short last line of a paragraph continues; elsewhere
 * only a line that starts lower-case after a line without terminal punctuation
 * ("…the spokesperson\nsaid on Sunday").
 */
function continues(original: string, prev: Line, next: Line, wrapWidth: number | null): boolean {
  const gap = original.slice(prev.end, next.start);
  if ((gap.match(/\n/g) ?? []).length !== 1) return false;
  const nextText = original.slice(next.start, next.end);
  if (LEADING_MARKUP.test(nextText)) return false;
  const prevText = original.slice(prev.start, prev.end);
  if (wrapWidth !== null) return prev.end - prev.start >= wrapWidth - 15;
  return !TERMINAL.test(prevText) && /^\p{Ll}/u.test(nextText);
}

/** Splits the original into blocks (see `Block`), in order. */
export function splitBlocks(original: string): Block[] {
  const lines = trimmedLines(original);
  const wrapWidth = isHardWrapped(original, lines) ? Math.max(...lines.map((l) => l.end - l.start)) : null;
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
  const m = LEADING_MARKUP.exec(original.slice(start, end));
  const bodyStart = m && start + m[0].length < end ? start + m[0].length : start;
  return { start, bodyStart, end, text: original.slice(bodyStart, end) };
}

import type { Span } from '../doc/types.js';

/**
 * Quoted stretches of a text: straight and typographic double quotes, guillemets,
 * and single quotes used as quotation marks (‘…’, '…'), never apostrophes.
 *
 * The role of a mark is read from its neighbours, not its shape, because news
 * text mixes them up (RT writes ”This means …,” with a closing mark first): a
 * mark after a space or an opening bracket with a non-space after it opens; a
 * mark after a non-space with a space, punctuation or the end after it closes.
 * A double quote left open at the end of a paragraph ends there (the news convention
 * for quotes running over paragraphs re-opens it in the next one).
 */
const DOUBLE = 1;
const SINGLE = 2;

/** DOUBLE for " “ ” „ ‟ « » ″, SINGLE for ' ‘ ’ ‚ ‛, else 0 (by UTF-16 code, so the scan allocates nothing). */
function markKind(c: number): number {
  if (c === 0x22 || c === 0xab || c === 0xbb || c === 0x2033 || (c >= 0x201c && c <= 0x201f)) return DOUBLE;
  if (c === 0x27 || (c >= 0x2018 && c <= 0x201b)) return SINGLE;
  return 0;
}

/** Line breaks and every character `markKind` classes as a mark. */
const MARKS = /[\n"'\u00ab\u00bb\u2018-\u201f\u2033]/g;

function isSpace(c: string | undefined): boolean {
  return c === undefined || /\s/.test(c);
}
function isOpenContext(prev: string | undefined): boolean {
  return prev === undefined || /[\s([{\u2014\u2013:—-]/.test(prev);
}
function isCloseContext(next: string | undefined): boolean {
  return next === undefined || /[\s.,;:!?)\]}\u2014\u2013—-]/.test(next);
}

export function quoteSpans(text: string): Span[] {
  const out: Span[] = [];
  let openAt = -1;
  let openKind = 0;
  const close = (end: number, closed: boolean): void => {
    // An unclosed single mark was an apostrophe or elision ('90s, 'em), not a quote.
    if (openAt >= 0 && end > openAt + 1 && (closed || openKind === DOUBLE)) out.push({ start: openAt, end });
    openAt = -1;
    openKind = 0;
  };
  // Only line breaks and marks matter: the regex engine finds them (a JS loop over every character cost more).
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m !== null; m = MARKS.exec(text)) {
    const i = m.index;
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      if (openAt >= 0) close(i, false);
      continue;
    }
    const kind = markKind(code);
    const prev = i > 0 ? text[i - 1] : undefined;
    const next = text[i + 1];
    if (openAt < 0) {
      if (isOpenContext(prev) && !isSpace(next)) {
        // A single mark opens only before a letter, so "’90s" or "rock 'n' roll" stay words.
        if (kind === SINGLE && !/\p{L}/u.test(next ?? '')) continue;
        openAt = i;
        openKind = kind;
      }
    } else if (kind === openKind && !isSpace(prev) && isCloseContext(next)) {
      close(i + 1, true);
    }
  }
  close(text.length, false);
  return out;
}

/** Per-token flag: 1 when the token lies inside one of the (sorted) quote spans. */
export function quotedTokens(tokens: readonly { start: number; end: number }[], quotes: readonly Span[]): Uint8Array {
  const flags = new Uint8Array(tokens.length);
  let q = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (q < quotes.length && quotes[q]!.end <= t.start) q++;
    const s = quotes[q];
    if (s && s.start <= t.start && t.end <= s.end) flags[i] = 1;
  }
  return flags;
}

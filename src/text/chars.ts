/**
 * Unicode general-category flags per character, for the hand-written scanners of the text
 * stage (tokens, sentence boundaries). Regex tests with \p{…} per character cost far more
 * than a table read; each BMP code unit is classified once (lazily, with the same \p{…}
 * classes the regexes used, so results stay identical) and astral code points once each.
 */

export const LETTER = 1;
export const UPPER = 2;
export const LOWER = 4;
export const MARK = 8;
export const NUMBER = 16;
/** JavaScript `\s` (WhiteSpace and LineTerminator, as String.prototype.trim uses). */
export const SPACE = 32;
const KNOWN = 128;

const bmp = new Uint8Array(65_536);
const astral = new Map<number, number>();

function classify(ch: string): number {
  let f = KNOWN;
  if (/\p{L}/u.test(ch)) f |= LETTER;
  if (/\p{Lu}/u.test(ch)) f |= UPPER;
  if (/\p{Ll}/u.test(ch)) f |= LOWER;
  if (/\p{M}/u.test(ch)) f |= MARK;
  if (/\p{N}/u.test(ch)) f |= NUMBER;
  if (/^\s$/u.test(ch)) f |= SPACE;
  return f;
}

for (let c = 0; c < 128; c++) bmp[c] = classify(String.fromCharCode(c));

/**
 * The BMP table itself, for hot loops in other modules: read `table[c]` and call
 * `flagsOfUnit(c)` only when it is 0 (not yet classified, or a high surrogate: always 0). A local reference avoids
 * a call per character (and, under tsx, a getter per imported binding).
 */
export function unitTable(): Uint8Array {
  return bmp;
}

/**
 * Flags of the BMP code unit `c` (a surrogate half gets no flags: regexes with /u see no letter in a lone half).
 * High surrogates are never stored: their table entry stays 0, so that a hot loop reading `table[c]`
 * goes to its slow path (pairs) on 0 without first testing for a surrogate.
 */
export function flagsOfUnit(c: number): number {
  let f = bmp[c]!;
  if (f === 0) {
    if (c >= 0xd800 && c <= 0xdbff) return KNOWN;
    f = c >= 0xdc00 && c <= 0xdfff ? KNOWN : classify(String.fromCharCode(c));
    bmp[c] = f;
  }
  return f;
}

/**
 * JavaScript's `\s` for one UTF-16 code unit (the SPACE flag): tab to carriage return, space, no-break
 * space, the Zs spaces, the line and paragraph separators and the BOM. Written out rather than read from
 * the flag table: hot scans call it per character (clean's block signatures spent a third of their time
 * in the table lookup). The tests compare it with /\s/ on every code unit.
 */
export function isSpaceUnit(c: number): boolean {
  if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Flags of the code point starting at `i` (a surrogate pair counts as one code point). */
export function flagsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return flagsOfUnit(c);
  const d = text.charCodeAt(i + 1);
  if (!(d >= 0xdc00 && d <= 0xdfff)) return KNOWN;
  return flagsOfCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
}

/** Flags of the code point `cp` (a lone surrogate half gets none, as with flagsOfUnit). */
export function flagsOfCodePoint(cp: number): number {
  if (cp < 0x10000) return flagsOfUnit(cp);
  let f = astral.get(cp);
  if (f === undefined) {
    f = classify(String.fromCodePoint(cp));
    if (astral.size < 65_536) astral.set(cp, f);
  }
  return f;
}

/** Length in UTF-16 units of the code point starting at `i` (2 for a surrogate pair, else 1). */
export function unitsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/**
 * Letter tests read in place on the text (no slice and no regex per call): the attribution runs
 * them at every sentence-end candidate around each quote. Each equals the regex its doc comment names.
 */

/** Per BMP code unit: bit 1 `\p{L}`, bit 2 `\p{Lu}`, bit 4 decided (filled on first use). */
const letterClass = new Uint8Array(0x10000);
const LETTER = /^\p{L}$/u;
const UPPER = /^\p{Lu}$/u;
const SPACE = /^\s$/;

/** Letter bits (letterClass) of the code point `cp`; a lone surrogate is no letter. */
function letterBits(cp: number): number {
  if (cp < 128) return cp >= 65 && cp <= 90 ? 3 : cp >= 97 && cp <= 122 ? 1 : 0;
  if (cp < 0x10000) {
    let c = letterClass[cp]!;
    if (c === 0) letterClass[cp] = c = classifyLetter(cp);
    return c;
  }
  return classifyLetter(cp);
}

function classifyLetter(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return 4 | (LETTER.test(ch) ? 1 : 0) | (UPPER.test(ch) ? 2 : 0);
}

/** Start of the code point ending at `to` (a surrogate pair wholly at or after `from` is one). */
function codePointStart(text: string, from: number, to: number): number {
  const c = text.charCodeAt(to - 1);
  if (c >= 0xdc00 && c <= 0xdfff && to - 2 >= from) {
    const h = text.charCodeAt(to - 2);
    if (h >= 0xd800 && h <= 0xdbff) return to - 2;
  }
  return to - 1;
}

/** The code point of [at, to) (codePointStart's): a pair when two units, else the unit, even a half of a pair cut by `to`. */
function codePointBefore(text: string, at: number, to: number): number {
  return to - at === 2 ? text.codePointAt(at)! : text.charCodeAt(at);
}

/** `/(\p{L}+)$/u.exec(text.slice(from, to))?.[1] ?? ''`, read in place: the letters ending at `to`, not before `from`. */
export function lettersEndingAt(text: string, from: number, to: number): string {
  let k = to;
  while (k > from) {
    const at = codePointStart(text, from, k);
    if ((letterBits(codePointBefore(text, at, k)) & 1) === 0) break;
    k = at;
  }
  return text.slice(k, to);
}

/** `/(?:^|[\s.-])\p{Lu}$/u.test(text.slice(from, to))`, read in place: a capital initial ends at `to`. */
export function initialEndingAt(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  const at = codePointStart(text, from, to);
  if ((letterBits(codePointBefore(text, at, to)) & 2) === 0) return false;
  if (at === from) return true;
  const p = text.charCodeAt(at - 1);
  return p === 46 || p === 45 || SPACE.test(text[at - 1]!);
}

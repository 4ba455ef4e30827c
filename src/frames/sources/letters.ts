/**
 * Letter tests read in place on the text (no slice and no regex per call): the attribution runs
 * them at every sentence-end candidate around each quote. Each equals the regex its doc comment names.
 */
import { flagsOfCodePoint, isSpaceUnit, LETTER, UPPER } from '../../text/index.js';

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
    if ((flagsOfCodePoint(codePointBefore(text, at, k)) & LETTER) === 0) break;
    k = at;
  }
  return text.slice(k, to);
}

/** `/(?:^|[\s.-])\p{Lu}$/u.test(text.slice(from, to))`, read in place: a capital initial ends at `to`. */
export function initialEndingAt(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  const at = codePointStart(text, from, to);
  if ((flagsOfCodePoint(codePointBefore(text, at, to)) & UPPER) === 0) return false;
  if (at === from) return true;
  const p = text.charCodeAt(at - 1);
  return p === 46 || p === 45 || isSpaceUnit(p);
}

/**
 * Structural signals for plain text, standing in for the link density an HTML
 * cleaner would use: sentence shape (prose versus headline-like lines) and
 * vocabulary overlap of a block with the story body.
 */
import { MONTH } from '../meta/dates.js';
import { foldPunctuation, forEachTokenForm, isSpaceUnit, isStopword } from '../text/index.js';

/** Whitespace-separated words (a character loop: this runs on every block of every article). */
export function wordCount(text: string): number {
  return wordCountUpTo(text, Infinity);
}

/**
 * wordCount(text), or `limit` when there are more words: the block tests compare word counts with
 * thresholds of 25 or less, so a long paragraph need not be read past its 25th word.
 */
export function wordCountUpTo(text: string, limit: number): number {
  return wordCountIn(text, 0, text.length, limit);
}

/**
 * wordCountUpTo(text.slice(start, end), limit), read in place: the clean stage counts the words of
 * each block in the original, where a loop over a slice reads each character through the slice.
 */
export function wordCountIn(text: string, start: number, end: number, limit: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII first: one comparison for most characters.
    const space = c <= 32 ? c === 32 || c === 9 || c === 10 || c === 13 : c >= 0xa0 && (c === 0xa0 || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200b));
    if (space) inWord = false;
    else if (!inWord) {
      if (n === limit) return limit;
      inWord = true;
      n++;
    }
  }
  return n;
}

/** The largest word count any block test distinguishes (isProse: 25 words or more is prose). */
export const WORDS_COUNTED = 25;

/** Double quotation marks: quoted speech is story text (headlines quote with single marks). */
export function hasDoubleQuotes(text: string): boolean {
  return /["“”„]/u.test(text);
}

/**
 * Closing quotes and brackets that may follow a sentence's final punctuation: " ” ’ ' » ) ].
 * The tests compare lastBeforeClosers with the pattern /["”’'»)\]]+$/u it stands for.
 */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x201d || c === 0x2019 || c === 0x27 || c === 0xbb || c === 0x29 || c === 0x5d;
}

/**
 * The last code unit of the text once its trailing closers are cut (NaN when nothing is left): what
 * `text.replace(/["”’'»)\]]+$/u, '')` ends with, read from the end (that pattern is tried at every
 * position of the block).
 */
export function lastBeforeClosers(text: string): number {
  let e = text.length;
  while (e > 0 && isCloser(text.charCodeAt(e - 1))) e--;
  return text.charCodeAt(e - 1);
}

/**
 * A prose block is story-shaped: it ends like a sentence (". ! …", or "?"
 * after 20 words) and has at least 6 words, or it has 25 words or more
 * whatever its end (a long paragraph whose final period was lost).
 */
export function isProse(text: string, words = wordCount(text)): boolean {
  if (words >= 25) return true;
  if (words < 6 || !/\p{Ll}/u.test(text)) return false;
  const c = lastBeforeClosers(text);
  return c === 0x2e || c === 0x21 || c === 0x2026 || (c === 0x3f && words >= 20);
}

/** A second sentence: a lower-case word, a period or "!", white space and a capital. */
const SECOND_SENTENCE = /\p{Ll}{2,}[.!]\s+["“‘(]?\p{Lu}/u;

/**
 * A headline-like block: at most 20 words and 200 characters, no final period
 * and no second sentence (a lower-case word, a period and a capital: "U.S. House"
 * is one sentence, "training. They" is two). Headlines may end in ? or !.
 * `words` is the block's wordCount when the caller has it.
 */
export function isHeadlineLike(text: string, words?: number): boolean {
  if (text.length > 200 || (words ?? wordCount(text)) > 20) return false;
  // A final period ends a sentence; a final colon introduces what follows: neither ends a headline.
  const c = lastBeforeClosers(text);
  if (c === 0x2e || c === 0x3a) return false;
  // The pattern needs a "." or "!": most headlines have neither, and a literal search is cheaper.
  return !((text.includes('.') || text.includes('!')) && SECOND_SENTENCE.test(text));
}

/**
 * Stems of the block's content words (no stopwords, no numbers, no one-letter words), as strings.
 * The clean stage itself counts overlap on the text stage's integer stem ids (contentStemIds, same
 * definition of a content word, without a string set per block); this is the readable reference
 * the tests compare those ids with.
 */
const stopword = isStopword;

export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  forEachTokenForm(text, 'en', (start, end, number, norm, stem) => {
    if (number || end - start < 2 || norm.length < 2 || stopword(norm)) return;
    out.add(stem);
  });
  return out;
}

/** Share of the block's content stems found in the body vocabulary (0 when the block has none). */
export function overlap(stems: ReadonlySet<string>, vocabulary: ReadonlySet<string>): number {
  if (stems.size === 0) return 0;
  let hit = 0;
  for (const s of stems) if (vocabulary.has(s)) hit++;
  return hit / stems.size;
}

/** The comparison form for duplicate detection: folded quotes and dashes, lower case, single spaces. */
export function normalizeForDuplicates(text: string): string {
  return foldSpaces(foldPunctuation(text).toLowerCase());
}

function foldSpaces(lower: string): string {
  // Most blocks have no run of spaces and no other white space: nothing to replace.
  return SPACE_TO_FOLD.test(lower) ? lower.replace(SPACE_RUN, ' ') : lower;
}

/** Int32 words of a bigram signature (1,024 bits). */
export const SIGNATURE_WORDS = 32;

/**
 * normalizeForDuplicates(text) from `lower` (text.toLowerCase(), which the clean stage made for its
 * block rules), writing the form's bigram signature into sig[at .. at + SIGNATURE_WORDS) (zeros on
 * entry). Folding and lower-casing commute (no folded character has a case, and no letter lower-cases
 * to one), except where lower-casing looks at neighbours: a capital sigma becomes "ς" or "σ" by the
 * next letter, past case-ignorable marks, and folding turns some marks that are not case-ignorable
 * ("‚", "′") into one that is ("'"); a text with a capital sigma takes the plain route.
 *
 * The signature has one bit per hashed pair of adjacent code units. A form contained in another has
 * all its pairs in the other, so its bits are within the other's: a missing bit rules the containment
 * out without a search. The same pass finds white space and punctuation to fold and counts the words
 * (lastFormWords), in place of two patterns tried at every position of the block and a second loop
 * over its first words.
 */
export function duplicateForm(text: string, lower: string, sig: Int32Array, at: number): string {
  const seen = signInto(lower, sig, at);
  // Lower-casing keeps white space where it was (and adds no unit between two spaces or two letters).
  formWords = (seen & SEEN_SPACE_TO_FOLD) === 0 ? Math.min(passWords, WORDS_COUNTED) : -1;
  // Most blocks: nothing to fold, and `lower` is the form (the pass stood in for a pattern test
  // of foldPunctuation and a search for "Σ" per block).
  if (seen === 0) return lower;
  if ((seen & SEEN_SPACE_TO_FOLD) === 0) {
    if ((seen & SEEN_SIGMA) === 0 || !text.includes('Σ')) return (seen & SEEN_FOLDED) === 0 ? lower : foldPunctuation(lower);
  }
  // White space to fold (the pass stopped there) or a capital sigma: the plain route.
  const form = text.includes('Σ') ? normalizeForDuplicates(text) : foldSpaces(foldPunctuation(lower));
  sig.fill(0, at, at + SIGNATURE_WORDS);
  signInto(form, sig, at);
  return form;
}

/**
 * wordCountUpTo(text, WORDS_COUNTED) of the text of the last duplicateForm call, counted by its pass
 * over the characters, or -1 when the pass stopped at white space to fold (count with wordCountIn).
 */
export function lastFormWords(): number {
  return formWords;
}
let formWords = -1;
/** Words of the last signInto pass that ran to the end: white space (" " and zero-width space) runs, as wordCount counts them. */
let passWords = 0;

/** What signInto met: white space to fold (it stopped there), characters foldPunctuation changes, a small sigma. */
const SEEN_SPACE_TO_FOLD = 1;
const SEEN_FOLDED = 2;
const SEEN_SIGMA = 4;

/**
 * Sets the bits of the pairs of foldPunctuation(form) (folding each unit as it is read), and says what
 * it met (SEEN_*). It stops (bits partly set) at white space to fold: not " ", or a second " " in a row.
 * A small sigma in the lower-cased copy may stand for a capital one in the text.
 */
function signInto(form: string, sig: Int32Array, at: number): number {
  let seen = 0;
  let prev = 32;
  // Runs of word separators (" ", or a zero-width space, which wordCount counts and \s does not);
  // the only others wordCount counts are white space to fold, where the pass stops.
  let gaps = 0;
  for (let k = 0; k < form.length; k++) {
    let c = form.charCodeAt(k);
    // Letters, digits and ASCII punctuation first: none is white space or folded.
    if (c > 0x7a || c < 0x21 || c === 0x60) {
      if (c === 32 || c === 0x200b) {
        const afterGap = k > 0 && (prev === 32 || prev === 0x200b);
        if (c === 32 && prev === 32 && k > 0) return seen | SEEN_SPACE_TO_FOLD;
        if (!afterGap) gaps++;
      } else if (isSpaceUnit(c)) return seen | SEEN_SPACE_TO_FOLD;
      else {
        const folded = foldedUnit(c);
        if (folded !== c) {
          seen |= SEEN_FOLDED;
          c = folded;
        } else if (c === 0x3c3 || c === 0x3c2) seen |= SEEN_SIGMA;
      }
    }
    if (k > 0) {
      const h = (prev * 31 + c) & 1023;
      sig[at + (h >>> 5)]! |= 1 << (h & 31);
    }
    prev = c;
  }
  // Words are the runs between gaps, less a gap at either end.
  const n = form.length;
  passWords = n === 0 ? 0 : gaps + 1 - (isGap(form.charCodeAt(0)) ? 1 : 0) - (isGap(form.charCodeAt(n - 1)) ? 1 : 0);
  return seen;
}

function isGap(c: number): boolean {
  return c === 32 || c === 0x200b;
}

/** The unit foldPunctuation puts for `c` (the tests compare the two on every unit). */
export function foldedUnit(c: number): number {
  if (c === 0x60 || c === 0xb4 || (c >= 0x2018 && c <= 0x201b) || c === 0x2032) return 0x27;
  if (c === 0xab || c === 0xbb || (c >= 0x201c && c <= 0x201f) || c === 0x2033) return 0x22;
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) return 0x2d;
  return c;
}

/** True when every bit of signature `a` is set in signature `b` (both in `sig`). */
export function signatureWithin(sig: Int32Array, a: number, b: number): boolean {
  for (let w = 0; w < SIGNATURE_WORDS; w++) if ((sig[a + w]! & ~sig[b + w]!) !== 0) return false;
  return true;
}
/**
 * White space that normalizeForDuplicates changes: anything but a single " ". Without the u flag:
 * every white-space character is a single UTF-16 unit, so the matches are the same, found faster.
 */
const SPACE_TO_FOLD = /[^\S ]| {2}/;
const SPACE_RUN = /\s+/g;

/** An excerpt marker at the end of a teaser: "[…]", "[...]", "…", "...". */
export const EXCERPT_END = /\s*(?:\[(?:…|\.\.\.)\]|…|\.\.\.)$/u;

/** Same as EXCERPT_END.test(text), without the regex scanning every position of a long block. */
export function endsWithExcerptMarker(text: string): boolean {
  return text.endsWith('…') || text.endsWith('...') || text.endsWith('[…]') || text.endsWith('[...]');
}

/** A month name in any letter case, without the `i` flag (which would also loosen \p{Lu}). */
const MONTH_ANY_CASE = MONTH.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
const PLACE = String.raw`\p{Lu}[\p{L}.'’-]*(?:[ ,]+\p{Lu}[\p{L}.'’-]*){0,4}`;
const DAY_DATE = String.raw`(?:${MONTH_ANY_CASE}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+${MONTH_ANY_CASE}\.?(?:,?\s+\d{4})?)`;
const AGENCY = String.raw`\(([^()\n]{2,60})\)`;
const DASH = String.raw`(?:--|[-–—:])\s`;

/**
 * A news dateline at the start of a paragraph: "Pyongyang, March 14 (KCNA) -- ",
 * "MOSCOW, June 1 (TASS) - ", "WASHINGTON (Reuters) - ", "(AP) — ", "MILWAUKEE – ".
 * Groups: 1 = date (form with a date), 2 = agency of that form, 3 = agency of the form without a date.
 */
export const DATELINE = new RegExp(
  String.raw`^(?:${PLACE},?\s+(${DAY_DATE})\s*(?:${AGENCY})?\s*${DASH}|(?:${PLACE},?\s*)?${AGENCY}\s*${DASH}|\p{Lu}[\p{Lu} .,'’-]{3,40}\s+${DASH})`,
  'u',
);

/** True when the block opens with a dateline: story text, whatever its length. */
export function startsWithDateline(text: string): boolean {
  return DATELINE.test(text);
}

/** Character folding shared by every stage that compares words: quotes, dashes, dotted acronyms. */

/** The characters folded, by the ASCII character they fold to. */
const FOLDS: readonly (readonly [string, string])[] = [
  ["'", '\u2018\u2019\u201A\u201B\u2032\u0060\u00B4'],
  ['"', '\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033'],
  ['-', '\u2010\u2011\u2012\u2013\u2014\u2015\u2212'],
];
const QUOTE_FOLD = new RegExp(`[${FOLDS[0]![1]}]`, 'g');
/** Every character foldPunctuation changes. */
const FOLDED_CHARS = FOLDS.map(([, chars]) => chars).join('');
/** Any character foldPunctuation changes: most texts have none or few, so test before replacing. */
const ANY_FOLD = new RegExp(`[${FOLDED_CHARS}]`);
const ANY_FOLD_ALL = new RegExp(ANY_FOLD.source, 'g');
const FOLDED = new Map<string, string>(FOLDS.flatMap(([ascii, chars]) => [...chars].map((ch) => [ch, ascii] as const)));

/** Folds typographic quotes and dashes to ASCII; length-preserving, so offsets survive. */
export function foldPunctuation(s: string): string {
  if (!ANY_FOLD.test(s)) return s;
  // One pass over the text instead of one per class.
  return s.replace(ANY_FOLD_ALL, (ch) => FOLDED.get(ch)!);
}

/**
 * Memo of normalizeWord per surface, shared across documents and stages (every stage normalizes
 * the same Zipfian vocabulary). Bounded: cleared when full; the form is a pure function of the word.
 */
const memo = new Map<string, string>();
const MAX_MEMO = 200_000;

/** True when `w` is lower-case ASCII letters only (the common case: already its own normal form). */
function isLowerAsciiWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/**
 * The comparison form of a word: lower case, accents kept, dotted acronyms
 * joined ("U.S." → "us"), possessive "'s" dropped ("Korea’s" → "korea").
 */
export function normalizeWord(word: string): string {
  if (isLowerAsciiWord(word)) return word;
  let w = memo.get(word);
  if (w === undefined) {
    w = computeNorm(word);
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(word, w);
  }
  return w;
}

function computeNorm(word: string): string {
  let w = word.toLowerCase();
  if (/^\p{N}/u.test(w)) return w.replace(/,/g, '');
  if (w.includes('.')) w = w.replace(/\./g, '');
  if (w.length > 2 && (w.endsWith("'s") || w.endsWith('’s'))) w = w.slice(0, -2);
  return w.replace(QUOTE_FOLD, "'");
}

/** Character folding shared by every stage that compares words: quotes, dashes, dotted acronyms. */

const QUOTE_FOLD = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DQUOTE_FOLD = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g;
const DASH_FOLD = /[\u2010-\u2015\u2212]/g;

/** Folds typographic quotes and dashes to ASCII; length-preserving, so offsets survive. */
export function foldPunctuation(s: string): string {
  return s.replace(QUOTE_FOLD, "'").replace(DQUOTE_FOLD, '"').replace(DASH_FOLD, '-');
}

/**
 * The comparison form of a word: lower case, accents kept, dotted acronyms
 * joined ("U.S." → "us"), possessive "'s" dropped ("Korea’s" → "korea").
 */
export function normalizeWord(word: string): string {
  let w = word.toLowerCase();
  if (/^\p{N}/u.test(w)) return w.replace(/,/g, '');
  if (w.includes('.')) w = w.replace(/\./g, '');
  if (w.length > 2 && (w.endsWith("'s") || w.endsWith('’s'))) w = w.slice(0, -2);
  return w.replace(QUOTE_FOLD, "'");
}

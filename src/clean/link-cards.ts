/**
 * Inline link cards: the pop-up card behind a person's name, saved into the article as plain words
 * (the person's full name, headlines of other stories about them, then "MORE"). The Hill's pages,
 * and opinion pieces syndicated from them, carry one after most names:
 *
 *   Sen. Bernie Sanders Bernie Sanders2020 Democrats push for gun control action at forum … MORE (Vt.) has …
 *
 * The headlines belong to other stories: left in, they tie unrelated articles together in grouping
 * and read as wording shared between them. Saved as text, they are no longer markup that an
 * extraction library could drop, and no block rule sees them (they sit inside story paragraphs), so
 * the shape is matched here, by hand: "MORE" closes a card; going back on the same line, the card's
 * full name ends with the visible name's last word, either glued to the first headline
 * ("Sanders2020", "McConnellSchumer:") or, unglued, after the visible name's first name again
 * ("Paul Ryan Paul Davis Ryan Retirees should …"). The card runs from after the visible name to "MORE".
 * A card without headlines ends in "MORE" glued to the full name ("John Kelly John Francis KellyMORE").
 * In the 56,597 articles of the bench corpus, 6,807 cards in 1,231 articles (`npm run eval -- chrome`,
 * removals by rule), nearly all The Hill's and pieces syndicated from it. "MORE"s that close no card
 * ("READ MORE" lines, all-caps headings, and a few cards whose name is cut or glued to the visible
 * name) stay.
 */
import type { Span } from '../doc/types.js';

/** A card is at most this long (UTF-16 units, name to "MORE"); the longest in the bench corpus is 702. */
const MAX_CARD_CHARS = 1200;
/** The full name has at most this many words after the visible name ("Hillary Diane Rodham Clinton"). */
const MAX_NAME_WORDS = 6;

/** Words after an unglued full name, before "MORE": at least one short headline. */
const MIN_HEADLINE_WORDS = 4;

const UPPER_OR_DIGIT = /[\p{Lu}\p{Nd}]/u;
const LOWER = /\p{Ll}/u;
/** A name word: capitalized, or a nickname in parentheses ("(Mitch)"). */
const NAME_WORD = /^\(?\p{Lu}/u;
/** Lower-case particles inside names ("Bill de Blasio"). */
const PARTICLE = /^(?:de|del|della|da|di|dos|du|la|le|van|von|der|den|bin|al)$/;
/** A suffix the visible name ends with ("Donald Trump Jr. Donald (Don) John TrumpTrump Jr's …"): kept with it. */
const SUFFIX = /^(?:Jr|Sr)\.|^(?:II|III|IV)\b/;
/** A word as it ends a name in running text: without a possessive or trailing punctuation. */
const bare = (word: string): string => word.replace(/(?:['’]s|[,;:])$/u, '');

interface Word {
  start: number;
  end: number;
  text: string;
}

/**
 * Runs of non-space characters: a card's shape is in the raw words ("Sanders2020", "(Mitch)",
 * "McConnellSchumer:"), which the text stage's tokenizer would split at digits and punctuation.
 */
function wordsIn(original: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  const re = /\S+/gy;
  let at = from;
  while (at < to) {
    while (at < to && /\s/.test(original[at]!)) at++;
    if (at >= to) break;
    re.lastIndex = at;
    const m = re.exec(original)!;
    const end = Math.min(at + m[0].length, to);
    words.push({ start: at, end, text: original.slice(at, end) });
    at = end;
  }
  return words;
}

/** The end of the visible name whose last word is words[j], `length` characters of it. */
function nameEnd(words: readonly Word[], j: number, length: number): number {
  const next = words[j + 1];
  const suffix = next && SUFFIX.exec(next.text);
  return suffix ? next.start + suffix[0].length : words[j]!.start + length;
}

/** Where the card before "MORE" starts: the end of the visible name, or -1 when the words are not a card. */
function cardStart(words: readonly Word[]): number {
  const nameWord = (w: string): boolean => NAME_WORD.test(w) || PARTICLE.test(w);
  // Glued: word k is the name's last word W with the first headline stuck to it, W a word shortly before.
  for (let k = 1; k < words.length; k++) {
    const glued = words[k]!.text;
    if (!NAME_WORD.test(glued)) continue;
    for (let j = k - 1; j >= Math.max(0, k - MAX_NAME_WORDS); j--) {
      const name = bare(words[j]!.text);
      const n = name.length;
      if (n >= 2 && NAME_WORD.test(name) && glued.length > n && glued.startsWith(name) && LOWER.test(name[n - 1]!) && UPPER_OR_DIGIT.test(glued[n]!)) {
        return nameEnd(words, j, n);
      }
      if (!nameWord(words[j]!.text)) break;
    }
  }
  // Unglued: "First Last First … Last Headline …": the full name repeats the visible first name (or holds
  // it in parentheses), and a capitalized headline of a few words follows ("Trump Tower Trump Tower tours" does not).
  for (let k = 2; k + MIN_HEADLINE_WORDS < words.length; k++) {
    const last = words[k]!.text;
    if (!NAME_WORD.test(last) || !UPPER_OR_DIGIT.test(words[k + 1]!.text[0]!)) continue;
    for (let j = k - 1; j >= Math.max(1, k - MAX_NAME_WORDS); j--) {
      if (k - j >= 2 && words[j]!.text === last) {
        const first = words[j - 1]!.text;
        const between = words.slice(j + 1, k).map((w) => w.text);
        if (between[0] === first || between.includes(`(${first})`)) return nameEnd(words, j, words[j]!.text.length);
      }
      if (!nameWord(words[j]!.text)) break;
    }
  }
  return -1;
}

/**
 * Where an empty card ("Brad Parscale Bradley (Brad) James ParscaleMORE": no headlines, "MORE" glued to
 * the full name) starts: the last word repeats the visible name's last word a few name words back.
 */
function emptyCardStart(words: readonly Word[]): number {
  const n = words.length;
  if (n < 3) return -1;
  const last = words[n - 1]!.text;
  for (let j = n - 2; j >= Math.max(0, n - 1 - MAX_NAME_WORDS); j--) {
    if (j < n - 2 && bare(words[j]!.text) === last) return nameEnd(words, j, last.length);
    if (!NAME_WORD.test(words[j]!.text) && !PARTICLE.test(words[j]!.text)) break;
  }
  return -1;
}

/**
 * "MORE" closing a card: after a space (" … forum MORE"), or glued to the full name of a card without
 * headlines ("ParscaleMORE"); never inside a longer word.
 */
const CLOSER = /(?:(?<= )|(?<=\p{Ll}))MORE(?![\p{L}\p{Nd}])/gu;

/** The link cards in `original[from, to)` (one block: a card never crosses a line), as spans of the original. */
export function findLinkCards(original: string, from: number, to: number): Span[] {
  const cards: Span[] = [];
  let floor = from;
  // Searched in the block alone (a slice is a view in V8): a search of the original from `from` would
  // run to the end of the article for every block.
  const block = original.slice(from, to);
  CLOSER.lastIndex = 0;
  for (let m = CLOSER.exec(block); m; m = CLOSER.exec(block)) {
    const more = from + m.index;
    const glued = original[more - 1] !== ' ';
    // The card's words end before the space ahead of "MORE", or right at a glued "MORE".
    const at = glued ? more : more - 1;
    const end = more + 4;
    // A card ends at the first "MORE" after its name: the words before an earlier "MORE" are not this
    // card's (and each stretch of text is read once, however many "MORE"s a paragraph holds).
    const after = floor;
    floor = end;
    let start = Math.max(after, at - MAX_CARD_CHARS);
    // A window cut inside a word starts at the next one.
    if (start > after) while (start < at && !/\s/.test(original[start - 1]!)) start++;
    const words = wordsIn(original, start, at);
    const cardFrom = glued ? emptyCardStart(words) : cardStart(words);
    if (cardFrom >= 0) cards.push({ start: cardFrom, end });
  }
  return cards;
}

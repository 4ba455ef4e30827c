import type { Span, Token, TokenKind } from '../doc/types.js';
import { spanIndexAt } from '../doc/span.js';
import * as chars from './chars.js';
import { normalizeWord } from './normalize.js';
import { stemWord } from './stem.js';

/**
 * Word and number tokens with offsets. Hand-written scanner over Unicode classes
 * (shared/notes/npm.md measured `natural`'s tokenizers far slower on the 56k
 * corpus; this scanner replaced a regex with matchAll, 4× slower on the same
 * text). Punctuation is not kept as tokens, hyphenated compounds split
 * ("US-Japan-ROK" → 3 tokens) so that hyphenation differences do not hide
 * shared wording.
 *
 * It matches exactly what this regex (TOKEN_RE in tests/text/tokenize.test.ts) matches,
 * alternatives tried in order:
 *   (?:\p{Lu}\.){2,} | \p{Ll}\.\p{Ll}\. | \p{N}+(?:[.,]\p{N}+)* | [\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*   (flags gu)
 * dotted acronyms (U.S., p.m.), numbers with separators (1,000.5), words with
 * inner apostrophes (Korea’s, don't). tests/text/tokenize.test.ts checks the two agree.
 */

export interface RawToken {
  start: number;
  end: number;
  kind: TokenKind;
}

const DOT = 46;
const COMMA = 44;
const APOS = 39;
const RIGHT_QUOTE = 0x2019;
// Local copies of the class flags: read per character (and under tsx each imported binding is a getter call).
const TABLE = chars.unitTable();
const LETTER = chars.LETTER;
const UPPER = chars.UPPER;
const LOWER = chars.LOWER;
const MARK = chars.MARK;
const NUMBER = chars.NUMBER;

/** Flags of the code point at `i` (0 past the end); units of that code point via `width`. */
let width = 1;
function at(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) {
    width = 1;
    const f = TABLE[c]!;
    return f !== 0 ? f : chars.flagsOfUnit(c);
  }
  const d = text.charCodeAt(i + 1);
  width = d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
  return chars.flagsAt(text, i);
}

/** Calls `emit` for each token in order: the scanner behind `tokenOffsets` and `tokenize`. */
function scan(text: string, emit: (start: number, end: number, number: boolean) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const f = at(text, i);
    const w = width;
    if ((f & (LETTER | MARK | NUMBER)) === 0) {
      i += w;
      continue;
    }
    if (f & UPPER) {
      // (?:\p{Lu}\.){2,}
      let j = i;
      let pairs = 0;
      for (;;) {
        if ((at(text, j) & UPPER) === 0) break;
        const k = j + width;
        if (text.charCodeAt(k) !== DOT) break;
        j = k + 1;
        pairs++;
      }
      if (pairs >= 2) {
        emit(i, j, false);
        i = j;
        continue;
      }
    } else if (f & LOWER) {
      // \p{Ll}\.\p{Ll}\.
      let j = i + w;
      if (text.charCodeAt(j) === DOT && at(text, j + 1) & LOWER) {
        j += 1 + width;
        if (text.charCodeAt(j) === DOT) {
          emit(i, j + 1, false);
          i = j + 1;
          continue;
        }
      }
    } else if (f & NUMBER) {
      // \p{N}+(?:[.,]\p{N}+)*
      let j = i + w;
      while (j < n && at(text, j) & NUMBER) j += width;
      for (;;) {
        const c = text.charCodeAt(j);
        if ((c !== DOT && c !== COMMA) || (at(text, j + 1) & NUMBER) === 0) break;
        j += 1 + width;
        while (j < n && at(text, j) & NUMBER) j += width;
      }
      emit(i, j, true);
      i = j;
      continue;
    }
    if (f & (LETTER | MARK)) {
      // [\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*
      let j = i + w;
      while (j < n && at(text, j) & (LETTER | MARK | NUMBER)) j += width;
      for (;;) {
        const c = text.charCodeAt(j);
        if ((c !== APOS && c !== RIGHT_QUOTE) || (at(text, j + 1) & (LETTER | MARK)) === 0) break;
        j += 1 + width;
        while (j < n && at(text, j) & (LETTER | MARK)) j += width;
      }
      emit(i, j, false);
      i = j;
      continue;
    }
    i += w;
  }
}

/** Token boundaries only (no normal forms): the hot loop for corpus-wide passes. */
export function tokenOffsets(text: string): RawToken[] {
  const out: RawToken[] = [];
  scan(text, (start, end, number) => out.push({ start, end, kind: number ? 'number' : 'word' }));
  return out;
}

/**
 * Forms per language and surface, shared across documents: word frequencies are Zipfian, so
 * most tokens of an article were seen before and skip normalizing and stemming.
 *
 * An open-addressing hash table keyed by the token's characters in the text, so a hit needs no
 * substring and no string hashing. Entries are numbered in insertion order and their data kept in
 * flat arrays (key characters in one pool): the frequent words arrive first and stay together in
 * cache. (A Map lookup with a fresh slice cost 180 ns a token, more than scanning and building
 * the token together.) Bounded: emptied when full (the forms are pure functions of the surface,
 * so output does not depend on it).
 */
interface FormTable {
  /** Entry number + 1 per slot; 0 = empty. */
  slots: Int32Array;
  hashes: Int32Array;
  /** Key characters of entry e: pool[keyStart[e] .. keyStart[e + 1]). */
  keyStart: Int32Array;
  pool: Uint16Array;
  norms: string[];
  stems: string[];
  caps: Uint8Array;
  size: number;
}
const SLOT_BITS = 18;
/** At most a quarter of the slots are used, so probes stay short. */
const MAX_ENTRIES = 1 << (SLOT_BITS - 2);
const POOL_CHARS = 1 << 21;
const tables = new Map<string, FormTable>();

function emptyTable(): FormTable {
  return {
    slots: new Int32Array(1 << SLOT_BITS),
    hashes: new Int32Array(MAX_ENTRIES),
    keyStart: new Int32Array(MAX_ENTRIES + 1),
    pool: new Uint16Array(POOL_CHARS),
    norms: [],
    stems: [],
    caps: new Uint8Array(MAX_ENTRIES),
    size: 0,
  };
}

function formTable(language: string): FormTable {
  let table = tables.get(language);
  if (!table) tables.set(language, (table = emptyTable()));
  return table;
}

/** Entry number of text[start, end) in the table (adding it, with its forms, when new). */
function entryOf(table: FormTable, text: string, start: number, end: number, number: boolean, language: string): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  const mask = (1 << SLOT_BITS) - 1;
  const len = end - start;
  const { slots, hashes, keyStart, pool } = table;
  let slot = h & mask;
  for (;;) {
    const e = slots[slot]! - 1;
    if (e < 0) break;
    if (hashes[e] === h) {
      const from = keyStart[e]!;
      if (keyStart[e + 1]! - from === len) {
        let k = 0;
        while (k < len && pool[from + k] === text.charCodeAt(start + k)) k++;
        if (k === len) return e;
      }
    }
    slot = (slot + 1) & mask;
  }
  const e = table.size;
  const from = keyStart[e]!;
  if (e >= MAX_ENTRIES || from + len > POOL_CHARS) return -1;
  // Numbers and words never share a surface (the first character decides), so one table serves both.
  const surface = text.slice(start, end);
  const norm = normalizeWord(surface);
  const c = surface.charAt(0);
  for (let k = 0; k < len; k++) pool[from + k] = text.charCodeAt(start + k);
  keyStart[e + 1] = from + len;
  hashes[e] = h;
  table.norms.push(norm);
  table.stems.push(number ? norm : stemWord(norm, language));
  table.caps[e] = c !== c.toLowerCase() ? 1 : 0;
  table.size++;
  slots[slot] = e + 1;
  return e;
}

/**
 * Calls `visit` for each token with its normalized and stemmed forms, allocating nothing per
 * token: for passes that need the forms but not Token objects (the clean stage's content stems).
 */
export function forEachTokenForm(text: string, language: string, visit: (start: number, end: number, number: boolean, norm: string, stem: string) => void): void {
  let table = formTable(language);
  scan(text, (start, end, number) => {
    let e = entryOf(table, text, start, end, number, language);
    if (e < 0) {
      tables.set(language, (table = emptyTable()));
      e = entryOf(table, text, start, end, number, language);
    }
    visit(start, end, number, table.norms[e]!, table.stems[e]!);
  });
}

/** Full tokens with normalized and stemmed forms and their sentence index. */
export function tokenize(text: string, sentences: readonly Span[] = [], language = 'en'): Token[] {
  const out: Token[] = [];
  let table = formTable(language);
  let sent = 0;
  let cur: Span | undefined = sentences[0];
  scan(text, (start, end, number) => {
    let e = entryOf(table, text, start, end, number, language);
    if (e < 0) {
      tables.set(language, (table = emptyTable()));
      e = entryOf(table, text, start, end, number, language);
    }
    if (sentences.length > 0 && (!cur || start >= cur.end || start < cur.start)) {
      const i = spanIndexAt(sentences, start);
      if (i >= 0) {
        sent = i;
        cur = sentences[i];
      }
    }
    out.push({ start, end, kind: number ? 'number' : 'word', norm: table.norms[e]!, stem: table.stems[e]!, cap: table.caps[e] === 1, sent });
  });
  return out;
}

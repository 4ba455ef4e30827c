import type { Span, Token, TokenKind } from '../doc/types.js';
import { spanIndexAt } from '../doc/span.js';
import * as chars from './chars.js';
import { normalizeWord } from './normalize.js';
import { stemWord } from './stem.js';
import { isStopword } from './stopwords.js';

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
const WORD = LETTER | MARK;
const ALNUM = LETTER | MARK | NUMBER;

/**
 * Flags of the code point at `i` inside text[.., to) (0 at or past `to`, and for a lone surrogate);
 * the units of that code point in `width`. Bounded by `to` so that a range of a longer text scans
 * exactly as its slice would (the clean stage scans blocks in place, without slicing).
 */
let width = 1;
function at(text: string, i: number, to: number): number {
  if (i >= to) return 0;
  const c = text.charCodeAt(i);
  width = 1;
  if (c < 0xd800 || c > 0xdbff) {
    const f = TABLE[c]!;
    return f !== 0 ? f : chars.flagsOfUnit(c);
  }
  if (i + 1 < to) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      width = 2;
      return chars.flagsAt(text, i);
    }
  }
  return 0;
}

/**
 * Token buffers, reused across calls: start, end and number flag of each token of the current scan.
 * (A callback per token cost more than the scanning itself: each caller passed its own closure.)
 */
let bufStart = new Int32Array(4096);
let bufEnd = new Int32Array(4096);
let bufNumber = new Uint8Array(4096);
let bufEntry = new Int32Array(4096);
/** FNV-1a hash of each token's units (the form table's key hash), computed while scanning. */
let bufHash = new Int32Array(4096);

function growBuffers(): void {
  const n = bufStart.length * 2;
  const copy = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
    b.set(a);
    return b;
  };
  bufStart = copy(bufStart, new Int32Array(n));
  bufEnd = copy(bufEnd, new Int32Array(n));
  bufNumber = copy(bufNumber, new Uint8Array(n));
  bufEntry = copy(bufEntry, new Int32Array(n));
  bufHash = copy(bufHash, new Int32Array(n));
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashOf(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return h;
}

function push(count: number, start: number, end: number, number: boolean, hash: number): number {
  if (count === bufStart.length) growBuffers();
  bufStart[count] = start;
  bufEnd[count] = end;
  bufNumber[count] = number ? 1 : 0;
  bufHash[count] = hash;
  return count + 1;
}

/** Scans text[from, to) into the token buffers from index `count` on; returns the new count. */
function scanInto(text: string, from: number, to: number, count: number): number {
  let i = from;
  while (i < to) {
    const c0 = text.charCodeAt(i);
    // Most characters are single units whose class the table already holds (a high surrogate reads 0).
    let f = TABLE[c0]!;
    let w = 1;
    if (f === 0) {
      f = at(text, i, to);
      w = width;
    }
    if ((f & ALNUM) === 0) {
      i += w;
      continue;
    }
    if (f & UPPER) {
      // (?:\p{Lu}\.){2,}
      let j = i;
      let pairs = 0;
      for (;;) {
        if ((at(text, j, to) & UPPER) === 0) break;
        const k = j + width;
        if (k >= to || text.charCodeAt(k) !== DOT) break;
        j = k + 1;
        pairs++;
      }
      if (pairs >= 2) {
        count = push(count, i, j, false, hashOf(text, i, j));
        i = j;
        continue;
      }
    } else if (f & LOWER) {
      // \p{Ll}\.\p{Ll}\.
      let j = i + w;
      if (j < to && text.charCodeAt(j) === DOT && at(text, j + 1, to) & LOWER) {
        j += 1 + width;
        if (j < to && text.charCodeAt(j) === DOT) {
          count = push(count, i, j + 1, false, hashOf(text, i, j + 1));
          i = j + 1;
          continue;
        }
      }
    } else if (f & NUMBER) {
      // \p{N}+(?:[.,]\p{N}+)*
      let j = i + w;
      while (j < to && at(text, j, to) & NUMBER) j += width;
      for (;;) {
        const c = j < to ? text.charCodeAt(j) : 0;
        if ((c !== DOT && c !== COMMA) || (at(text, j + 1, to) & NUMBER) === 0) break;
        j += 1 + width;
        while (j < to && at(text, j, to) & NUMBER) j += width;
      }
      count = push(count, i, j, true, hashOf(text, i, j));
      i = j;
      continue;
    }
    if (f & WORD) {
      // [\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*
      let j = i + w;
      // The key hash, built along the common path (single units); recomputed after any other step.
      let h = Math.imul(FNV_OFFSET ^ c0, FNV_PRIME);
      let hashed = w === 1;
      for (;;) {
        // The hot loop: single units by table, anything else through `at`.
        if (j >= to) break;
        const c = text.charCodeAt(j);
        const g = TABLE[c]!;
        if (g !== 0) {
          if ((g & ALNUM) === 0) break;
          h = Math.imul(h ^ c, FNV_PRIME);
          j++;
        } else if (at(text, j, to) & ALNUM) {
          j += width;
          hashed = false;
        } else break;
      }
      for (;;) {
        const c = j < to ? text.charCodeAt(j) : 0;
        if ((c !== APOS && c !== RIGHT_QUOTE) || (at(text, j + 1, to) & WORD) === 0) break;
        j += 1 + width;
        while (j < to && at(text, j, to) & WORD) j += width;
        hashed = false;
      }
      count = push(count, i, j, false, hashed ? h : hashOf(text, i, j));
      i = j;
      continue;
    }
    i += w;
  }
  return count;
}

/** Token boundaries only (no normal forms): the hot loop for corpus-wide passes. */
export function tokenOffsets(text: string): RawToken[] {
  const n = scanInto(text, 0, text.length, 0);
  const out: RawToken[] = new Array<RawToken>(n);
  for (let k = 0; k < n; k++) out[k] = { start: bufStart[k]!, end: bufEnd[k]!, kind: bufNumber[k] === 1 ? 'number' : 'word' };
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
 * the token together.) Bounded: once full, the entries of the current call are kept without a
 * slot, and the table is emptied at the start of the next call (the forms are pure functions of
 * the surface, so output does not depend on it; entry and stem ids stay valid for a whole call).
 */
interface FormTable {
  /** Per slot: entry number + 1 (0 = empty), then the entry's hash; side by side, so a probe reads one cache line. */
  slots: Int32Array;
  /** Key characters of entry e: pool[keyStart[e] .. keyStart[e + 1]). */
  keyStart: Int32Array;
  pool: Uint16Array;
  norms: string[];
  stems: string[];
  caps: boolean[];
  /** 1 when the entry is a word (not a number) whose normal form is a stopword (isStopword), else 0. */
  stop: number[];
  /** Content-stem id of each entry (see contentStemIds); -1 for other words, -2 not yet known. */
  content: number[];
  /** Ids of the stems of content words, numbered from 0 per table. */
  stemIds: Map<string, number>;
  /** Entries with a slot (the rest, once full, are kept for the current call only). */
  slotted: number;
  full: boolean;
}
// 2^18 entries, as the other per-thread word tables (loaded vocabulary, distinctive terms, claim stems).
// At 2^16 the table filled every few thousand web articles (the 56k bench corpus has 229k distinct
// surfaces: 11 restarts in one pass), and each restart also dropped every per-form memo keyed by the
// table (formMemo): without the restarts the 56k run takes 10–20 % less CPU, with byte-identical output. 8 MB of slots, 8 MB of key pool.
const SLOT_BITS = 20;
/** At most a quarter of the slots are used, so probes stay short. */
const MAX_ENTRIES = 1 << (SLOT_BITS - 2);
const POOL_CHARS = 1 << 22;
const MASK = (1 << SLOT_BITS) - 1;
const tables = new Map<string, FormTable>();

function emptyTable(): FormTable {
  return {
    slots: new Int32Array(2 << SLOT_BITS),
    keyStart: new Int32Array(MAX_ENTRIES + 1),
    pool: new Uint16Array(POOL_CHARS),
    norms: [],
    stems: [],
    caps: [],
    stop: [],
    content: [],
    stemIds: new Map(),
    slotted: 0,
    full: false,
  };
}

/** The table for the language, emptied first when the previous call filled it. */
function formTable(language: string): FormTable {
  // "und" text is stemmed as English (stemWord): the same forms, so the same table.
  const key = language === 'und' ? 'en' : language;
  let table = tables.get(key);
  if (!table || table.full) tables.set(key, (table = emptyTable()));
  return table;
}

/**
 * Adds text[start, end) to the table with its forms and returns its entry number: a surface the
 * probe did not find, `slot` being the empty slot the probe ended on and `h` hashOf(text, start, end).
 * Apart from the probe (entriesInto) so that the probe, run for every token, stays a small loop.
 */
function addEntry(table: FormTable, text: string, start: number, end: number, number: boolean, language: string, h: number, slot: number): number {
  const len = end - start;
  const { slots, keyStart, pool } = table;
  // Numbers and words never share a surface (the first character decides), so one table serves both.
  const surface = text.slice(start, end);
  const norm = normalizeWord(surface);
  const c = surface.charAt(0);
  const e = table.norms.length;
  table.norms.push(norm);
  table.stems.push(number ? norm : stemWord(norm, language));
  table.caps.push(c !== c.toLowerCase());
  table.stop.push(!number && isStopword(norm) ? 1 : 0);
  table.content.push(-2);
  const from = keyStart[e]!;
  if (table.full || e >= MAX_ENTRIES || from + len > POOL_CHARS) {
    table.full = true;
    return e;
  }
  for (let k = 0; k < len; k++) pool[from + k] = text.charCodeAt(start + k);
  keyStart[e + 1] = from + len;
  slots[2 * slot] = e + 1;
  slots[2 * slot + 1] = h;
  table.slotted++;
  return e;
}

/**
 * Fills bufEntry[from .. to) with the table entries of the buffered tokens, adding new surfaces.
 * The probe is written out here with the table and buffers in locals: a call per token cost more
 * than the probe itself.
 */
function entriesInto(table: FormTable, text: string, from: number, to: number, language: string): void {
  const { slots, keyStart, pool } = table;
  const starts = bufStart;
  const ends = bufEnd;
  const hashes = bufHash;
  const entries = bufEntry;
  for (let k = from; k < to; k++) {
    const start = starts[k]!;
    const len = ends[k]! - start;
    const h = hashes[k]!;
    let slot = h & MASK;
    let e = -1;
    for (;;) {
      const stored = slots[2 * slot]!;
      if (stored === 0) break;
      if (slots[2 * slot + 1] === h) {
        const keyFrom = keyStart[stored - 1]!;
        if (keyStart[stored]! - keyFrom === len) {
          let i = 0;
          while (i < len && pool[keyFrom + i] === text.charCodeAt(start + i)) i++;
          if (i === len) {
            e = stored - 1;
            break;
          }
        }
      }
      slot = (slot + 1) & MASK;
    }
    entries[k] = e >= 0 ? e : addEntry(table, text, start, start + len, bufNumber[k] === 1, language, h, slot);
  }
}

/**
 * Calls `visit` for each token with its normalized and stemmed forms, allocating nothing per
 * token: for passes that need the forms but not Token objects.
 */
export function forEachTokenForm(text: string, language: string, visit: (start: number, end: number, number: boolean, norm: string, stem: string) => void): void {
  const table = formTable(language);
  const n = scanInto(text, 0, text.length, 0);
  entriesInto(table, text, 0, n, language);
  // Copies: `visit` may scan other text (the buffers are shared).
  const starts = bufStart.slice(0, n);
  const ends = bufEnd.slice(0, n);
  const numbers = bufNumber.slice(0, n);
  const entries = bufEntry.slice(0, n);
  for (let k = 0; k < n; k++) {
    const e = entries[k]!;
    visit(starts[k]!, ends[k]!, numbers[k] === 1, table.norms[e]!, table.stems[e]!);
  }
}

/**
 * Content-stem ids of text ranges: one id per token that is a content word (a word, not a number,
 * of two units or more whose normal form has two characters or more and is no stopword), the id
 * standing for the token's stem: two tokens get the same id exactly when their stems are equal.
 * Ids are small integers (below `idCount`), valid within one call: callers compare them inside
 * one article, where sets of stem strings cost a string hash per token.
 *
 * `ranges` holds [start, end) pairs; the ids of range r are ids[offsets[r] .. offsets[r + 1]),
 * in token order (repeats included). A range scans exactly as its slice would.
 */
export function contentStemIds(text: string, ranges: readonly number[], language: string): ContentStems {
  const table = formTable(language);
  const rangeCount = ranges.length >> 1;
  const tokenEnds = new Int32Array(rangeCount);
  let n = 0;
  for (let r = 0; r < rangeCount; r++) {
    n = scanInto(text, ranges[2 * r]!, ranges[2 * r + 1]!, n);
    tokenEnds[r] = n;
  }
  entriesInto(table, text, 0, n, language);
  const { norms, stems, stop, content, stemIds } = table;
  const ids = new Int32Array(n);
  const offsets = new Int32Array(rangeCount + 1);
  let m = 0;
  for (let r = 0, k = 0; r < rangeCount; r++) {
    for (const end = tokenEnds[r]!; k < end; k++) {
      const e = bufEntry[k]!;
      let id = content[e]!;
      if (id === -2) {
        // Whether an entry is a content word depends on its surface only: decided once per entry.
        const norm = norms[e]!;
        if (bufNumber[k] === 1 || bufEnd[k]! - bufStart[k]! < 2 || norm.length < 2 || stop[e] === 1) id = -1;
        else {
          const stem = stems[e]!;
          id = stemIds.get(stem) ?? stemIds.size;
          if (id === stemIds.size) stemIds.set(stem, id);
        }
        content[e] = id;
      }
      if (id >= 0) ids[m++] = id;
    }
    offsets[r + 1] = m;
  }
  const scan: RangeScan = { text, table, starts: bufStart.slice(0, n), ends: bufEnd.slice(0, n), numbers: bufNumber.slice(0, n), entries: bufEntry.slice(0, n), rangeEnds: tokenEnds };
  return { ids, offsets, idCount: stemIds.size, scan };
}

export interface ContentStems {
  ids: Int32Array;
  offsets: Int32Array;
  idCount: number;
  /** The tokens of the ranges, for offerComposedTokens. */
  scan: RangeScan;
}

/** Tokens of ranges of a text, with their form-table entries (valid while that table lives). */
export interface RangeScan {
  text: string;
  table: object;
  starts: Int32Array;
  ends: Int32Array;
  numbers: Uint8Array;
  entries: Int32Array;
  /** Token count after each range: range r holds tokens rangeEnds[r - 1] .. rangeEnds[r]. */
  rangeEnds: Int32Array;
}

/**
 * Tokens of a text composed of scanned ranges, waiting for the tokenize call on that text: the clean
 * stage scans the blocks it keeps (contentStemIds), and the text stage then tokenizes the text
 * made of exactly those blocks. A range scans as its slice would and no token crosses the blank
 * lines between blocks, so the composed text's tokens are the ranges' tokens, shifted; tokenize
 * takes them instead of scanning and looking up every token again (output identical: same
 * offsets, same table entries). Only the last offer is kept.
 */
let offered: { text: string; table: object; starts: Int32Array; ends: Int32Array; numbers: Uint8Array; entries: Int32Array } | null = null;

/**
 * Offers the tokens of `text`, made of the scanned ranges `pieces[k].range` in order, each moved by
 * `pieces[k].shift` (its offset in `text` minus its offset in the scanned text).
 */
export function offerComposedTokens(text: string, scan: RangeScan, pieces: readonly { range: number; shift: number }[]): void {
  let n = 0;
  for (const { range } of pieces) n += scan.rangeEnds[range]! - (range > 0 ? scan.rangeEnds[range - 1]! : 0);
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const numbers = new Uint8Array(n);
  const entries = new Int32Array(n);
  let m = 0;
  for (const { range, shift } of pieces) {
    const from = range > 0 ? scan.rangeEnds[range - 1]! : 0;
    const to = scan.rangeEnds[range]!;
    for (let k = from; k < to; k++, m++) {
      starts[m] = scan.starts[k]! + shift;
      ends[m] = scan.ends[k]! + shift;
    }
    numbers.set(scan.numbers.subarray(from, to), m - (to - from));
    entries.set(scan.entries.subarray(from, to), m - (to - from));
  }
  offered = { text, table: scan.table, starts, ends, numbers, entries };
}

/**
 * The record rides on the array as a non-enumerable property (invisible to JSON, structured clone,
 * equality in tests and copies). Measured on re-tokenizing web articles: a WeakMap entry per array
 * cost 6% more, a symbol-keyed property 25%, this (with the key a literal where it is defined) ~1%.
 */
const FORMS = 'framelensTokenForms';

/** Full tokens with normalized and stemmed forms and their sentence index. */
export function tokenize(text: string, sentences: readonly Span[] = [], language = 'en'): Token[] {
  const table = formTable(language);
  let starts: Int32Array;
  let ends: Int32Array;
  let numbers: Uint8Array;
  let entries: Int32Array;
  let n: number;
  if (offered !== null && offered.table === table && offered.text === text) {
    ({ starts, ends, numbers, entries } = offered);
    n = starts.length;
  } else {
    n = scanInto(text, 0, text.length, 0);
    entriesInto(table, text, 0, n, language);
    starts = bufStart;
    ends = bufEnd;
    numbers = bufNumber;
    entries = bufEntry;
  }
  const { norms, stems, caps } = table;
  const out: Token[] = new Array<Token>(n);
  // The entries, for tokenForms: a plain array (young-generation memory), where a typed array per
  // call (a buffer of its own off the heap) made re-tokenizing a fifth slower.
  const ids: number[] = new Array<number>(n);
  let sent = 0;
  let cur: Span | undefined = sentences[0];
  for (let k = 0; k < n; k++) {
    const start = starts[k]!;
    const e = entries[k]!;
    if (sentences.length > 0 && (!cur || start >= cur.end || start < cur.start)) {
      const i = spanIndexAt(sentences, start);
      if (i >= 0) {
        sent = i;
        cur = sentences[i];
      }
    }
    out[k] = { start, end: ends[k]!, kind: numbers[k] === 1 ? 'number' : 'word', norm: norms[e]!, stem: stems[e]!, cap: caps[e]!, sent };
    ids[k] = e;
  }
  // The key written out (FORMS): with the constant's name here the define took V8's slow path (+25%).
  Object.defineProperty(out, 'framelensTokenForms', { value: { table, ids, stop: null } satisfies FormsRecord });
  return out;
}

/**
 * The form-table entries of a token array as `tokenize` returned it: `ids[k]` numbers token k's
 * surface (equal ids, equal surfaces: the same kind, norm, stem and cap), so a caller can compute a
 * fact of a form once per entry and read it by index. Ids are valid for `table` only (compare or key
 * per-entry memos by it: a full table is replaced, and each language has its own). Null for an
 * array tokenize did not return, or one whose length changed since.
 */
export interface TokenForms {
  table: object;
  ids: readonly number[];
}

/** What tokenize records per token array: its forms, and the stopword flags once asked for. */
interface FormsRecord {
  table: FormTable;
  ids: readonly number[];
  stop: Uint8Array | null;
}

type TokensWithForms = readonly Token[] & { [FORMS]?: FormsRecord };

export function tokenForms(tokens: readonly Token[]): TokenForms | null {
  const forms = (tokens as TokensWithForms)[FORMS];
  return forms && forms.ids.length === tokens.length ? forms : null;
}

/**
 * One int32 fact per form entry, each computed once per form table: the returned function gives the
 * values of `forms.table` (long enough for every entry id the table has handed out so far, so a caller
 * reads `values[forms.ids[k]]` without a bound check), `unknown` where not computed yet; the caller
 * fills them in. A fact that is an id into the caller's own table, which starts over when full, comes
 * with that table's generation: a new generation starts the values over.
 */
export function formMemo(unknown: number): (forms: TokenForms, generation?: number) => Int32Array {
  const byTable = new WeakMap<object, { generation: number; values: Int32Array }>();
  return (forms, generation = 0) => {
    const entries = (forms.table as FormTable).norms.length;
    let memo = byTable.get(forms.table);
    if (!memo || memo.generation !== generation) {
      memo = { generation, values: new Int32Array(Math.max(entries, memo?.values.length ?? 1 << 12)).fill(unknown) };
      byTable.set(forms.table, memo);
    } else if (memo.values.length < entries) {
      const grown = new Int32Array(Math.max(entries, 2 * memo.values.length)).fill(unknown);
      grown.set(memo.values);
      memo.values = grown;
    }
    return memo.values;
  };
}

/**
 * Per token: 1 for a word token whose normal form is a stopword (`kind === 'word' && isStopword(norm)`),
 * else 0. For an array as `tokenize` (or `analyzeText`) returned it, the flags are read from the form
 * table by entry (decided once per distinct surface; a Set lookup per token cost ~100 ns), once;
 * any other array (or one whose length changed since) is computed token by token. Callers must not
 * write to the result.
 */
export function stopwordFlags(tokens: readonly Token[]): Uint8Array {
  const forms = (tokens as TokensWithForms)[FORMS];
  if (forms && forms.ids.length === tokens.length) {
    if (forms.stop === null) {
      const { ids, table } = forms;
      const stop = new Uint8Array(ids.length);
      for (let k = 0; k < ids.length; k++) stop[k] = table.stop[ids[k]!]!;
      forms.stop = stop;
    }
    return forms.stop;
  }
  const flags = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    flags[i] = t.kind === 'word' && isStopword(t.norm) ? 1 : 0;
  }
  return flags;
}

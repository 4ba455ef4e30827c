/**
 * Per-article features for event grouping: compact, plain, structured-clone-able
 * (built in worker threads, grouped on the main thread).
 *
 * Every feature is a 32-bit hashed key whose low 3 bits name its kind, with a
 * count. The features a person may need to see as a tie (names, places, dates,
 * numbers, repeated phrases and words) also keep a label and the offsets of
 * their first occurrence.
 */
import type { Doc, Token } from '../doc/types.js';
import { formMemo, stopwordFlags, tokenForms } from '../text/index.js';
import { entitiesOf, loadGazetteer } from './entities.js';
import { DATELINE_CHARS, extractDates } from './dates.js';
import { distinctCodes, findCodes } from './subjects.js';

export const KINDS = ['term', 'phrase', 'entity', 'place', 'number', 'date'] as const;
export type FeatureKind = (typeof KINDS)[number];
const KIND_CODE: Record<FeatureKind, number> = { term: 0, phrase: 1, entity: 2, place: 3, number: 4, date: 5 };

export interface ArticleFeatures {
  id: string;
  outlet: string | null;
  /** Publication date `YYYY-MM-DD` when declared (given, manifest, page); an inferred one only sets `anchor`. */
  published: string | null;
  /** The article's date: published, else a dateline date in the text; null when unknown. */
  anchor: string | null;
  /** Earliest year the text can have been written (latest past year it names, dated terms); null when none. */
  floorYear: number | null;
  /** Feature keys, unique and ascending: FNV-1a hash of `kind:value` with the kind code in the low 3 bits. */
  keys: readonly number[] | Uint32Array;
  /** Occurrences of each key in the article (parallel to `keys`). */
  counts: readonly number[] | Int32Array;
  /** Explainable features as triples `[keyIndex, start, end]`: the first occurrence in `doc.text`. Typed arrays when decoded from a batch: a corpus's features are held until grouping, at a third of the memory of number arrays. */
  spans: readonly number[] | Int32Array;
  /** One label per triple of `spans`, joined by "\n" (one string keeps worker messages and memory small). */
  labels: string;
  /**
   * Decimal figures ("5.6", "88.41": magnitudes, rates, shares) first written in the lead, the first
   * {@link LEAD_CHARS} characters, once each. Optional: features built before this field existed hold none.
   */
  leadFigures?: readonly LeadFigure[];
  /**
   * Company codes the title names (tickers, bracketed names: subjects.ts), each once, with offsets into
   * the title (`doc.meta.title`). Optional, as `leadFigures`.
   */
  subjects?: readonly TitleSubject[];
  /** {@link codeKey}s of every company code named in the title or the text, unique and ascending. Optional, as `leadFigures`. */
  codes?: readonly number[];
  /** Number of word tokens (for diagnostics; 0 for an empty text). */
  words: number;
}

/** A piece of the cleaned text (offsets). */
export interface TextRange {
  start: number;
  end: number;
}

/** A decimal figure of the lead: its `number` feature key, its value and its first offsets in `doc.text`. */
export interface LeadFigure {
  key: number;
  value: string;
  start: number;
  end: number;
}

/** A company code of the title: its {@link codeKey}, normalized value and offsets in the title. */
export interface TitleSubject {
  key: number;
  value: string;
  start: number;
  end: number;
}

/** The key of a normalized company code (subjects.ts); not a feature key: codes are not part of the similarity. */
export function codeKey(value: string): number {
  return fnv1a(`code:${value}`);
}

/**
 * The title's company codes and the keys of all codes in title and text (see {@link ArticleFeatures.subjects});
 * nothing when the title names none: the rule that reads them needs both articles' subjects.
 */
export function companyCodes(title: string | null, text: string): { subjects?: TitleSubject[]; codes?: number[] } {
  const subjects = distinctCodes(title ?? '').map((c) => ({ key: codeKey(c.value), ...c }));
  if (subjects.length === 0) return {};
  const keys = new Set(subjects.map((s) => s.key));
  for (const c of findCodes(text)) keys.add(codeKey(c.value));
  return { subjects, codes: [...keys].sort((a, b) => a - b) };
}

/**
 * The lead: headline and first sentence or two, where a report states its measurements (magnitude,
 * turnout, rate); the same span as a dateline ({@link DATELINE_CHARS}).
 */
export const LEAD_CHARS = DATELINE_CHARS;

/** Most labelled (tie-able) features kept per article; names and dates come first. */
export const MAX_LABELS = 64;

/** 32-bit FNV-1a over UTF-16 code units (Fowler–Noll–Vo; stable across runs and machines). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function featureKey(kind: FeatureKind, value: string): number {
  return ((fnv1a(`${kind}:${value}`) & ~7) | KIND_CODE[kind]) >>> 0;
}

/** FNV-1a continued from state `h` over `s` (hashing a concatenation without building it). */
function fnvMore(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

const PREFIX: Record<FeatureKind, number> = {
  term: fnvMore(0x811c9dc5, 'term:'),
  phrase: fnvMore(0x811c9dc5, 'phrase:'),
  entity: fnvMore(0x811c9dc5, 'entity:'),
  place: fnvMore(0x811c9dc5, 'place:'),
  number: fnvMore(0x811c9dc5, 'number:'),
  date: fnvMore(0x811c9dc5, 'date:'),
};

function finishKey(h: number, kind: FeatureKind): number {
  return (((h >>> 0) & ~7) | KIND_CODE[kind]) >>> 0;
}

export function kindOfKey(key: number): FeatureKind {
  return KINDS[key & 7] ?? 'term';
}

/**
 * The per-article accumulator: an open-addressing table from feature key to entry, entries in parallel
 * typed arrays, module-level and reused article after article (one article at a time per thread). A Map
 * of objects cost an allocation per feature and a boxed number per key (keys above 2^31).
 */
let entryCap = 1 << 12;
let eKey: Int32Array = new Int32Array(entryCap);
let eCount: Int32Array = new Int32Array(entryCap);
let eStart: Int32Array = new Int32Array(entryCap);
let eEnd: Int32Array = new Int32Array(entryCap);
/** The phrase's first token (its label is built from it only if the phrase is labelled); -1 otherwise. */
let eToken: Int32Array = new Int32Array(entryCap);
let eSlot: Int32Array = new Int32Array(entryCap);
const eLabel: Array<string | null> = [];
/** Slot → entry + 1 (0: empty); twice the entry capacity, a power of two. */
let table: Int32Array = new Int32Array(entryCap * 2);
let size = 0;

function slotOf(key: number): number {
  const mask = table.length - 1;
  let s = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
  for (;;) {
    const e = table[s]!;
    if (e === 0 || eKey[e - 1] === key) return s;
    s = (s + 1) & mask;
  }
}

function grow(): void {
  const cap = entryCap * 2;
  const widen = (a: Int32Array): Int32Array => {
    const b = new Int32Array(cap);
    b.set(a);
    return b;
  };
  eKey = widen(eKey);
  eCount = widen(eCount);
  eStart = widen(eStart);
  eEnd = widen(eEnd);
  eToken = widen(eToken);
  eSlot = widen(eSlot);
  entryCap = cap;
  table = new Int32Array(cap * 2);
  for (let e = 0; e < size; e++) {
    const s = slotOf(eKey[e]!);
    table[s] = e + 1;
    eSlot[e] = s;
  }
}

/** Counts one occurrence of `key` (uint32); the earliest occurrence keeps its label and offsets (a collision inside one article merges the two features, as it would in the corpus). */
function add(key: number, label: string | null, token: number, start: number, end: number): void {
  const k = key | 0;
  const s = slotOf(k);
  const at = table[s]!;
  if (at !== 0) {
    const e = at - 1;
    eCount[e]!++;
    if (start < eStart[e]!) {
      eLabel[e] = label;
      eToken[e] = token;
      eStart[e] = start;
      eEnd[e] = end;
    }
    return;
  }
  if (size === entryCap) {
    grow();
    add(key, label, token, start, end);
    return;
  }
  const e = size++;
  table[s] = e + 1;
  eSlot[e] = s;
  eKey[e] = k;
  eCount[e] = 1;
  eStart[e] = start;
  eEnd[e] = end;
  eToken[e] = token;
  eLabel[e] = label;
}

function resetAcc(): void {
  for (let e = 0; e < size; e++) table[eSlot[e]!] = 0;
  eLabel.length = 0;
  size = 0;
}

/**
 * Facts of each form of the text stage's form table (tokenForms), computed once per form rather than
 * once per token: whether it is a word (bit WORD) and a content word (bit CONTENT; bit KNOWN once decided), its term key,
 * and the FNV state of "phrase:<stem> " that a phrase starting with it continues with the next stem.
 * One memo per form table (each language has its own, and a full table is replaced).
 */
interface FormMemo {
  facts: Int32Array;
  term: Int32Array;
  head: Int32Array;
}
const KNOWN = 1;
const CONTENT = 2;
/** A word token's form (else a number). */
const WORD = 4;
const formFacts = formMemo(0);
const formTerms = formMemo(0);
const formHeads = formMemo(0);

/** Content word: not a stop word (`stop`: its flag), at least two characters, has a letter. */
function isContent(norm: string, stop: number): boolean {
  if (norm.length < 2 || stop === 1) return false;
  const c = norm.charCodeAt(0);
  // Fast path: an ASCII lower-case first letter; else the Unicode test.
  return (c >= 97 && c <= 122) || /\p{L}/u.test(norm);
}

/** `/^(?:19|20)\d{2}$/`: a four-digit year of these centuries (kept as a date, not a number). */
function isYearLike(s: string): boolean {
  if (s.length !== 4) return false;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(1);
  const c = s.charCodeAt(2);
  const d = s.charCodeAt(3);
  return ((a === 49 && b === 57) || (a === 50 && b === 48)) && c >= 48 && c <= 57 && d >= 48 && d <= 57;
}

/**
 * Features of one document: content-word stems (`term`), adjacent content-word
 * pairs (`phrase`), names (`entity`) and places (`place`) from
 * {@link extractEntities}, numbers outside dates (`number`), and dates and years
 * from {@link extractDates} (`date`). Tokens, names and dates that start in a `leaveOut` range (an
 * outlet's recurring paragraphs: recurring.ts) add nothing; ranges ascending, not overlapping.
 */
export function extractFeatures(doc: Doc, leaveOut: readonly TextRange[] = []): ArticleFeatures {
  const gazetteer = loadGazetteer();
  // Any known date resolves "on Sunday"; only a declared one (not inferred from the text) may block pairs.
  const date = doc.meta.published.value ? doc.meta.published.value.slice(0, 10) : null;
  const published = doc.meta.published.source === 'inferred' ? null : date;
  const time = extractDates(doc.text, date, gazetteer);
  resetAcc();

  const leadFigures: LeadFigure[] = [];
  const leadFigure = (key: number, value: string, start: number, end: number): void => {
    if (start < LEAD_CHARS && !leadFigures.some((x) => x.key === key)) leadFigures.push({ key, value, start, end });
  };
  const dateSpans = time.mentions;
  let d = 0;
  const { tokens, text } = doc;
  let words = 0;
  // Stop-word flag per token (word tokens only), shared with the entity pass: from the text stage's form table.
  const stop = stopwordFlags(tokens);
  // Form ids per token; tokens the text stage did not make are each their own form.
  const forms = tokenForms(tokens);
  let ids: readonly number[] | Int32Array;
  let memo: FormMemo;
  if (forms) {
    ids = forms.ids;
    memo = { facts: formFacts(forms), term: formTerms(forms), head: formHeads(forms) };
  } else {
    ids = new Int32Array(tokens.length);
    for (let i = 0; i < ids.length; i++) ids[i] = i;
    memo = { facts: new Int32Array(tokens.length), term: new Int32Array(tokens.length), head: new Int32Array(tokens.length) };
  }
  const { facts, term, head } = memo;
  /** The facts of token k's form, decided on first sight of the form. */
  const decide = (k: number, t: Token): number => {
    const e = ids[k]!;
    let f = KNOWN;
    if (t.kind === 'word') {
      f |= WORD;
      if (isContent(t.norm, stop[k]!)) {
        f |= CONTENT;
        term[e] = finishKey(fnvMore(PREFIX.term, t.stem), 'term');
        head[e] = fnvMore(fnvMore(PREFIX.phrase, t.stem), ' ');
      }
    }
    facts[e] = f;
    return f;
  };
  let m = 0;
  for (let i = 0; i < tokens.length; i++) {
    const e = ids[i]!;
    const t = tokens[i]!;
    let f = facts[e]!;
    if (f === 0) f = decide(i, t);
    if (m < leaveOut.length) {
      while (m < leaveOut.length && leaveOut[m]!.end <= t.start) m++;
      if (m < leaveOut.length && leaveOut[m]!.start <= t.start) {
        if (f & WORD) words++;
        continue;
      }
    }
    if (f & WORD) {
      words++;
      if ((f & CONTENT) === 0) continue;
      add(term[e]!, t.norm, i, t.start, t.end);
      // The phrase: the next token's form facts first (a stop word ends it: about half of all words).
      if (i + 1 >= tokens.length) continue;
      const e2 = ids[i + 1]!;
      let f2 = facts[e2]!;
      if (f2 === 0) f2 = decide(i + 1, tokens[i + 1]!);
      if ((f2 & CONTENT) === 0) continue;
      const n = tokens[i + 1]!;
      // The phrase key: FNV-1a of "phrase:<stem> <next stem>", continued from the form's head state.
      if (n.sent === t.sent && isSpace(text, t.end, n.start)) add(finishKey(fnvMore(head[e]!, n.stem), 'phrase'), null, i, t.start, n.end);
    } else if (t.kind === 'number') {
      while (d < dateSpans.length && dateSpans[d]!.end <= t.start) d++;
      const inDate = d < dateSpans.length && dateSpans[d]!.start <= t.start;
      if (inDate) continue;
      // "6. 1" is a decimal split by re-joined tokens ("magnitude 6. 1"): one digit, ". ", one digit.
      const n = tokens[i + 1];
      if (n && n.kind === 'number' && t.norm.length === 1 && n.norm.length === 1 && n.start - t.end === 2 && text.charCodeAt(t.end) === 46 && text.charCodeAt(t.end + 1) === 32) {
        const value = `${t.norm}.${n.norm}`;
        const key = finishKey(fnvMore(PREFIX.number, value), 'number');
        add(key, value, i, t.start, n.end);
        leadFigure(key, value, t.start, n.end);
        i++;
        continue;
      }
      if (!isYearLike(t.norm)) {
        const key = finishKey(fnvMore(PREFIX.number, t.norm), 'number');
        add(key, t.norm, i, t.start, t.end);
        if (t.norm.includes('.')) leadFigure(key, t.norm, t.start, t.end);
      }
    }
  }
  const kept = (start: number): boolean => leaveOut.length === 0 || !leaveOut.some((r) => r.start <= start && start < r.end);
  for (const e of entitiesOf(doc, gazetteer, stop)) if (kept(e.start)) add(finishKey(fnvMore(PREFIX[e.kind], e.key), e.kind), e.key, -1, e.start, e.end);
  for (const dm of time.mentions) if (kept(dm.start)) add(finishKey(fnvMore(PREFIX.date, dm.key), 'date'), dm.key, -1, dm.start, dm.end);

  // Keys ascending (the native sort of a typed array: a radix sort of (key, entry) pairs in script cost
  // twice as much), each position's entry found again through the table. Typed arrays are the
  // exported shape too (a batch decodes to them; so are the spans below): plain arrays grown by push
  // cost a third of the function's allocation.
  const keys = new Uint32Array(size);
  for (let e = 0; e < size; e++) keys[e] = eKey[e]!;
  keys.sort();
  const entryOf = new Int32Array(size);
  const counts = new Int32Array(size);
  // Labelled candidates by rank: all of rank r sort before any of rank r + 1, so a rank past the first
  // MAX_LABELS candidates is never sorted.
  const byRank: number[][] = [[], [], []];
  for (let q = 0; q < size; q++) {
    const e = table[slotOf(keys[q]! | 0)]! - 1;
    entryOf[q] = e;
    const c = eCount[e]!;
    counts[q] = c;
    const r = labelRank(keys[q]! & 7, c);
    if (r < 3) byRank[r]!.push(q);
  }
  // Within a rank: more occurrences first, then earlier, then by position. Only which candidates are
  // chosen matters (they are put back in key order below), so a rank that fits whole is taken unsorted,
  // and one that does not is sorted whole and cut.
  const byCount = (x: number, y: number): number => {
    const ex = entryOf[x]!;
    const ey = entryOf[y]!;
    return eCount[ey]! - eCount[ex]! || eStart[ex]! - eStart[ey]! || x - y;
  };
  const chosen: number[] = [];
  for (const group of byRank) {
    if (chosen.length >= MAX_LABELS) break;
    if (chosen.length + group.length > MAX_LABELS) group.sort(byCount);
    for (let g = 0; g < group.length && chosen.length < MAX_LABELS; g++) chosen.push(group[g]!);
  }
  const labelled = new Int32Array(chosen).sort();
  const spans = new Int32Array(3 * labelled.length);
  const labels: string[] = [];
  for (let r = 0; r < labelled.length; r++) {
    const q = labelled[r]!;
    const e = entryOf[q]!;
    spans[3 * r] = q;
    spans[3 * r + 1] = eStart[e]!;
    spans[3 * r + 2] = eEnd[e]!;
    const label = eLabel[e] ?? `${tokens[eToken[e]!]!.norm} ${tokens[eToken[e]! + 1]!.norm}`;
    labels.push(label.includes('\n') ? label.replace(/\n/g, ' ') : label);
  }
  resetAcc();
  return {
    id: doc.id,
    outlet: doc.meta.outlet.value,
    published,
    anchor: time.anchor,
    floorYear: time.floorYear,
    keys,
    counts,
    spans,
    labels: labels.join('\n'),
    leadFigures,
    ...companyCodes(doc.meta.title.value, text),
    words,
  };
}

/** Only whitespace between `from` and `to`. */
function isSpace(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || /\s/.test(text[i]!))) return false;
  }
  return true;
}

/** By kind code (low 3 bits of the key): 0: names, places, dates, numbers; 1: repeated phrases; 2: repeated words; 3: not labelled. */
function labelRank(kind: number, count: number): number {
  if (kind >= 2) return 0;
  if (count < 2) return 3;
  return kind === 1 ? 1 : 2;
}

/** The labels of an article's explainable features, by key: `{ label, start, end }`. */
export function labelsOf(f: ArticleFeatures): Map<number, { label: string; start: number; end: number }> {
  const out = new Map<number, { label: string; start: number; end: number }>();
  const labels = f.labels ? f.labels.split('\n') : [];
  for (let i = 0; i * 3 < f.spans.length; i++) {
    const key = f.keys[f.spans[i * 3]!];
    if (key !== undefined) out.set(key, { label: labels[i] ?? '', start: f.spans[i * 3 + 1]!, end: f.spans[i * 3 + 2]! });
  }
  return out;
}

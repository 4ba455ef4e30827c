/**
 * Per-article features for event grouping: compact, plain, structured-clone-able
 * (built in worker threads, grouped on the main thread).
 *
 * Every feature is a 32-bit hashed key whose low 3 bits name its kind, with a
 * count. The features a person may need to see as a tie (names, places, dates,
 * numbers, repeated phrases and words) also keep a label and the offsets of
 * their first occurrence.
 */
import type { Doc } from '../doc/types.js';
import { isStopword } from '../text/index.js';
import { extractEntities, loadGazetteer } from './entities.js';
import { DATELINE_CHARS, extractDates } from './dates.js';

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
  /** Number of word tokens (for diagnostics; 0 for an empty text). */
  words: number;
}

/** A decimal figure of the lead: its `number` feature key, its value and its first offsets in `doc.text`. */
export interface LeadFigure {
  key: number;
  value: string;
  start: number;
  end: number;
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

interface Acc {
  kind: FeatureKind;
  /** The label, or null for a phrase (built from `token` only if the phrase is labelled). */
  label: string | null;
  token: number;
  count: number;
  start: number;
  end: number;
}

/** Content word: not a stop word, at least two characters, has a letter. */
function isContent(norm: string): boolean {
  if (norm.length < 2 || isStopword(norm)) return false;
  const c = norm.charCodeAt(0);
  // Fast path: an ASCII lower-case first letter; else the Unicode test.
  return (c >= 97 && c <= 122) || /\p{L}/u.test(norm);
}

/**
 * Features of one document: content-word stems (`term`), adjacent content-word
 * pairs (`phrase`), names (`entity`) and places (`place`) from
 * {@link extractEntities}, numbers outside dates (`number`), and dates and years
 * from {@link extractDates} (`date`).
 */
export function extractFeatures(doc: Doc): ArticleFeatures {
  const gazetteer = loadGazetteer();
  // Any known date resolves "on Sunday"; only a declared one (not inferred from the text) may block pairs.
  const date = doc.meta.published.value ? doc.meta.published.value.slice(0, 10) : null;
  const published = doc.meta.published.source === 'inferred' ? null : date;
  const time = extractDates(doc.text, date, gazetteer);
  // Keyed by the feature hash directly: a collision inside one article merges the two (counts added,
  // the earlier occurrence kept), as it would in the corpus anyway.
  const acc = new Map<number, Acc>();
  const add = (kind: FeatureKind, key: number, label: string | null, token: number, start: number, end: number): void => {
    const a = acc.get(key);
    if (!a) acc.set(key, { kind, label, token, count: 1, start, end });
    else {
      a.count++;
      if (start < a.start) Object.assign(a, { kind, label, token, start, end });
    }
  };

  const leadFigures: LeadFigure[] = [];
  const leadFigure = (key: number, value: string, start: number, end: number): void => {
    if (start < LEAD_CHARS && !leadFigures.some((x) => x.key === key)) leadFigures.push({ key, value, start, end });
  };
  const dateSpans = time.mentions;
  let d = 0;
  const { tokens, text } = doc;
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word') {
      words++;
      if (!isContent(t.norm)) continue;
      add('term', finishKey(fnvMore(PREFIX.term, t.stem), 'term'), t.norm, i, t.start, t.end);
      const n = tokens[i + 1];
      if (n && n.kind === 'word' && n.sent === t.sent && isContent(n.norm) && isSpace(text, t.end, n.start)) {
        add('phrase', finishKey(phraseHash(t.stem, n.stem), 'phrase'), null, i, t.start, n.end);
      }
    } else if (t.kind === 'number') {
      while (d < dateSpans.length && dateSpans[d]!.end <= t.start) d++;
      const inDate = d < dateSpans.length && dateSpans[d]!.start <= t.start;
      if (inDate) continue;
      // "6. 1" is a decimal split by re-joined tokens ("magnitude 6. 1"): one digit, ". ", one digit.
      const n = tokens[i + 1];
      if (n && n.kind === 'number' && t.norm.length === 1 && n.norm.length === 1 && text.slice(t.end, n.start) === '. ') {
        const value = `${t.norm}.${n.norm}`;
        const key = finishKey(fnvMore(PREFIX.number, value), 'number');
        add('number', key, value, i, t.start, n.end);
        leadFigure(key, value, t.start, n.end);
        i++;
        continue;
      }
      if (!/^(?:19|20)\d{2}$/.test(t.norm)) {
        const key = finishKey(fnvMore(PREFIX.number, t.norm), 'number');
        add('number', key, t.norm, i, t.start, t.end);
        if (t.norm.includes('.')) leadFigure(key, t.norm, t.start, t.end);
      }
    }
  }
  for (const e of extractEntities(doc, gazetteer)) add(e.kind, finishKey(fnvMore(PREFIX[e.kind], e.key), e.kind), e.key, -1, e.start, e.end);
  for (const m of time.mentions) add('date', finishKey(fnvMore(PREFIX.date, m.key), 'date'), m.key, -1, m.start, m.end);

  const byKey = acc;
  const keys = Array.from(Uint32Array.from(acc.keys()).sort());
  const counts = keys.map((k) => byKey.get(k)!.count);
  const labelled = keys
    .map((k, index) => ({ index, a: byKey.get(k)! }))
    .filter(({ a }) => labelRank(a) < 3)
    .sort((x, y) => labelRank(x.a) - labelRank(y.a) || y.a.count - x.a.count || x.a.start - y.a.start || x.index - y.index)
    .slice(0, MAX_LABELS)
    .sort((x, y) => x.index - y.index);
  const spans: number[] = [];
  for (const { index, a } of labelled) spans.push(index, a.start, a.end);
  return {
    id: doc.id,
    outlet: doc.meta.outlet.value,
    published,
    anchor: time.anchor,
    floorYear: time.floorYear,
    keys,
    counts,
    spans,
    labels: labelled.map(({ a }) => labelOf(a, tokens).replace(/\n/g, ' ')).join('\n'),
    leadFigures,
    words,
  };
}

function phraseHash(a: string, b: string): number {
  return fnvMore(fnvMore(fnvMore(PREFIX.phrase, a), ' '), b);
}

function labelOf(a: Acc, tokens: Doc['tokens']): string {
  return a.label ?? `${tokens[a.token]!.norm} ${tokens[a.token + 1]!.norm}`;
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

/** 0: names, places, dates, numbers; 1: repeated phrases; 2: repeated words; 3: not labelled. */
function labelRank(a: Acc): number {
  if (a.kind === 'entity' || a.kind === 'place' || a.kind === 'date' || a.kind === 'number') return 0;
  if (a.count < 2) return 3;
  return a.kind === 'phrase' ? 1 : 2;
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

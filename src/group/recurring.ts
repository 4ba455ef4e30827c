/**
 * Paragraphs an outlet repeats across its articles: a series' fixed lines ("From the Left"), excerpts a
 * newsletter quotes again and again, author notes, the template of a dividend notice. Cleaning keeps
 * them (they are the outlet's text, and may be content), but they say nothing about which happening an
 * article reports, and since no other outlet shares them they look distinctive: two issues of one
 * newsletter that quote the same old excerpt would form an event. Grouping leaves them out.
 *
 * Media Cloud drops sentences a source repeats within a week from its word counts; here the unit is the
 * paragraph and the rule is the outlet's whole corpus, counted before the per-article stages (every
 * input is a file, so it can be read twice; `readInputs` alone is ≈ 1.6 s for 56k articles):
 *
 * - a paragraph is keyed by its outlet and its first {@link KEY_CHARS} characters, trimmed, as a 32-bit
 *   FNV-1a hash over the text in place (a collision with one of the few hundred recurring keys is a
 *   one-in-ten-million chance a paragraph). Exact characters, not the clean stage's duplicate form
 *   (quotes, case and spaces folded): an outlet's repeated paragraphs are byte-identical; at 56k the folded
 *   form found 450 keys in 10+ articles of an outlet, the exact one 442 (a scratch comparison without
 *   the time rule), and folding was a third of the count's time;
 * - it recurs when at least `minArticles` articles of that outlet hold it and those articles span more
 *   than the grouping's time window (or some are undated): no one event lasts that long, while a
 *   background paragraph an outlet repeats over a week of follow-ups is evidence of the event and stays.
 *
 * Articles without a declared outlet (manifest, record or page tags) are not counted: "the outlet repeats it" needs
 * one. The count reads the input's lines; the per-article stage keys the cleaned text's paragraphs
 * (lines) the same way, so a paragraph the cleaning changed is not matched (it stays in the features).
 */
import type { Diagnostic, Doc, RawRecord } from '../doc/types.js';
import type { ManifestEntry } from '../ingest/index.js';
import { bisectLeft } from 'd3-array';
import { isSpaceUnit } from '../text/index.js';
import { dayNumber } from './dates.js';

/** Characters that make the key: enough to tell excerpts apart, robust to a changed tail. */
export const KEY_CHARS = 160;
/** Shorter paragraphs ("Photo", a date, a name) are too common in story text to be a template. */
export const MIN_CHARS = 12;
/** The diagnostic that marks a left-out paragraph (offsets into the cleaned text). */
export const RECURRING_CODE = 'group:recurring-paragraph';

/** The recurring paragraphs of a corpus: keys ascending, with the number of articles holding each. */
export interface RecurringParagraphs {
  keys: number[];
  articles: number[];
  /** {@link outletState}s of the outlets with a recurring paragraph, ascending: other articles need no keys. */
  outlets: number[];
}

export const noRecurring = (): RecurringParagraphs => ({ keys: [], articles: [], outlets: [] });

/** One key of a partial count ({@link recurringCounter} `partial`). */
export interface PartialCount {
  key: number;
  /** {@link outletState} of the key's outlet. */
  outlet: number;
  articles: number;
  lo: number | null;
  hi: number | null;
  undated: boolean;
}

/** The outlet a paragraph is counted under: the declared one (manifest, then the record's), or none. */
export function declaredOutlet(record: Pick<RawRecord, 'given' | 'pageMeta'>, manifest?: ManifestEntry): string | null {
  return manifest?.given.outlet ?? record.given.outlet ?? record.pageMeta?.outlet ?? null;
}

function declaredDay(record: Pick<RawRecord, 'given' | 'pageMeta'>, manifest?: ManifestEntry): number | null {
  const published = manifest?.given.published ?? record.given.published ?? record.pageMeta?.published ?? null;
  return published ? dayNumber(published) : null;
}

/** FNV-1a state after `${outlet}\t`: the start of every key of the outlet's paragraphs. */
export function outletState(outlet: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < outlet.length; i++) h = Math.imul(h ^ outlet.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 9, 0x01000193);
}

/** White space as the clean stage trims blocks (Unicode spaces, zero-width characters, BOM). */
const isSpace = (c: number): boolean => isSpaceUnit(c) || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060;

/**
 * The key of text[start, end) trimmed, under the outlet whose {@link outletState} is `state`; null when
 * shorter than {@link MIN_CHARS}. Hashed in place: no slice per paragraph.
 */
export function rangeKey(state: number, text: string, start: number, end: number): number | null {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end - start < MIN_CHARS) return null;
  const stop = Math.min(end, start + KEY_CHARS);
  let h = state;
  for (let i = start; i < stop; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A paragraph's key under an outlet, or null when it is too short to count. */
export function paragraphKey(outlet: string, paragraph: string): number | null {
  return rangeKey(outletState(outlet), paragraph, 0, paragraph.length);
}

/**
 * Counts paragraphs by outlet, one article at a time, in any order (the result does not depend on it).
 * Memory: 33 bytes a slot, slots for up to twice the distinct paragraph keys (tables grow by doubling;
 * ≈ 1 M keys at 56k articles, ≈ 17 an article: 35 MB), freed with the counter. An open-addressing table on
 * typed arrays: a Map of a million 32-bit keys (heap numbers, not small integers) made the count twice as
 * slow.
 */
export function recurringCounter(): {
  add(record: Pick<RawRecord, 'given' | 'pageMeta' | 'text'>, manifest?: ManifestEntry): void;
  finish(minArticles: number, windowDays: number): RecurringParagraphs;
  /** Every key counted so far, with its outlet, articles, first and last declared day (null: none) and whether some article was undated: a shard's part of a distributed count. */
  partial(): PartialCount[];
} {
  let table = new Int32Array(1 << 16); // slot + 1 per bucket, 0: empty
  let size = 0;
  let keys = new Uint32Array(1 << 15);
  let outletOf = new Int32Array(1 << 15);
  let count = new Int32Array(1 << 15);
  let lastArticle = new Int32Array(1 << 15);
  // Day numbers (whole days since 1970) fit in 32 bits: 33 bytes a key in all, with the table.
  let lo = new Int32Array(1 << 15);
  let hi = new Int32Array(1 << 15);
  let undated = new Uint8Array(1 << 15);
  let article = 0;
  const bucketOf = (key: number, t: Int32Array): number => {
    const mask = t.length - 1;
    let b = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (t[b] !== 0 && keys[t[b]! - 1] !== key) b = (b + 1) & mask;
    return b;
  };
  const grow = (): void => {
    const n = keys.length * 2;
    [keys, outletOf, count, lastArticle, lo, hi, undated] = [widen(keys, n), widen(outletOf, n), widen(count, n), widen(lastArticle, n), widen(lo, n), widen(hi, n), widen(undated, n)];
    table = new Int32Array(n * 2);
    for (let s = 0; s < size; s++) table[bucketOf(keys[s]!, table)] = s + 1;
  };
  return {
    add(record, manifest) {
      const outlet = declaredOutlet(record, manifest);
      if (!outlet) return;
      const day = declaredDay(record, manifest);
      const state = outletState(outlet);
      article++;
      const text = record.text;
      for (let from = 0; from < text.length; ) {
        let nl = text.indexOf('\n', from);
        if (nl < 0) nl = text.length;
        const key = nl - from >= MIN_CHARS ? rangeKey(state, text, from, nl) : null;
        from = nl + 1;
        if (key === null) continue;
        let b = bucketOf(key, table);
        let s = table[b]! - 1;
        if (s < 0) {
          if (size === keys.length) {
            grow();
            b = bucketOf(key, table);
          }
          s = size++;
          table[b] = s + 1;
          keys[s] = key;
          outletOf[s] = state;
          lo[s] = 0x7fffffff;
          hi[s] = -0x80000000;
        }
        // Once an article.
        if (lastArticle[s] === article) continue;
        lastArticle[s] = article;
        count[s]!++;
        if (day === null) undated[s] = 1;
        else {
          if (day < lo[s]!) lo[s] = day;
          if (day > hi[s]!) hi[s] = day;
        }
      }
    },
    finish(minArticles, windowDays) {
      const out: Array<[number, number]> = [];
      const outlets = new Set<number>();
      if (minArticles > 0) {
        for (let s = 0; s < size; s++) {
          if (count[s]! >= minArticles && (undated[s] === 1 || hi[s]! - lo[s]! > windowDays)) {
            out.push([keys[s]!, count[s]!]);
            outlets.add(outletOf[s]!);
          }
        }
      }
      out.sort((a, b) => a[0] - b[0]);
      return { keys: out.map((x) => x[0]), articles: out.map((x) => x[1]), outlets: [...outlets].sort((a, b) => a - b) };
    },
    partial() {
      const rows: PartialCount[] = [];
      for (let s = 0; s < size; s++) {
        const dated = hi[s]! >= lo[s]!;
        rows.push({ key: keys[s]!, outlet: outletOf[s]!, articles: count[s]!, lo: dated ? lo[s]! : null, hi: dated ? hi[s]! : null, undated: undated[s] === 1 });
      }
      return rows;
    },
  };
}

/**
 * Marks the doc's recurring paragraphs with an info diagnostic each (offsets into the cleaned text),
 * which the grouping features then leave out ({@link recurringSpans}). An article made of nothing else
 * keeps them all: it is the repeated text itself (a reprint, a standing notice), and without them it
 * would have nothing to be grouped by, not even with its own copies.
 */
export function markRecurring(doc: Pick<Doc, 'text' | 'paragraphs' | 'diagnostics'>, outlet: string | null, recurring: RecurringParagraphs): void {
  if (!outlet || recurring.keys.length === 0) return;
  const state = outletState(outlet);
  if (binarySearch(recurring.outlets, state) < 0) return;
  const marked: Diagnostic[] = [];
  let others = 0;
  for (const p of doc.paragraphs) {
    const key = rangeKey(state, doc.text, p.start, p.end);
    const at = key === null ? -1 : binarySearch(recurring.keys, key);
    if (at < 0) {
      if (key !== null) others++;
      continue;
    }
    marked.push({
      severity: 'info',
      code: RECURRING_CODE,
      message: `not used for grouping: ${outlet} repeats this paragraph in ${recurring.articles[at]} articles, dated further apart than one event lasts or undated`,
      start: p.start,
      end: p.end,
    });
  }
  if (others > 0) doc.diagnostics.push(...marked);
}

/** The spans {@link markRecurring} marked, in text order. */
export function recurringSpans(doc: Pick<Doc, 'diagnostics'>): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const d of doc.diagnostics) if (d.code === RECURRING_CODE && d.start !== undefined && d.end !== undefined) out.push({ start: d.start, end: d.end });
  return out.sort((a, b) => a.start - b.start);
}

/** Index of `key` in ascending `keys`, or -1. */
function binarySearch(keys: readonly number[], key: number): number {
  const i = bisectLeft(keys, key);
  return keys[i] === key ? i : -1;
}

type Column = Uint32Array | Int32Array | Uint8Array;

/** A copy of `a` with room for `n` entries. */
function widen<T extends Column>(a: T, n: number): T {
  const b = new (a.constructor as new (length: number) => T)(n);
  b.set(a);
  return b;
}

/**
 * Claims and omissions: each article split into checkable claims, claims
 * aligned across the articles of an event, each cluster labeled shared or
 * unique, with per-outlet omissions and conflicting numbers or dates.
 */
import { z } from 'zod';
import type { Doc, Finding, Span, Token } from '../../doc/types.js';
import { makeFinding } from '../../doc/span.js';
import { formMemo, isStopword, tokenForms } from '../../text/index.js';
import type { Analyzer } from '../index.js';
import { detectMentions } from '../naming/mentions.js';
import { outletOf } from '../naming/index.js';
import { settableLimit } from '../limit.js';
import { tokenLayer, TOKEN_NUMBER } from '../loaded/vocab.js';

/** Claims are sentences or "; "-separated clauses with at least this many word tokens. */
export const MIN_CLAIM_WORDS = 6;
/**
 * Two claims of different articles align when each is the other's most similar
 * claim in the other article (mutual best match, which stops chains of loosely
 * related sentences) and the Dice coefficient of their content-word stems is
 * ≥ ALIGN_DICE, or ≥ ALIGN_DICE_WITH_ANCHOR when they also share an anchor (a
 * number, a date, or a multi-word name the actor table lacks, like "Freedom Edge").
 * Shared actors are not anchors: every claim of an event names the same actors.
 * Set by reading aligned pairs of the bundled sample and hand-made cases, not fitted to a labeled set.
 */
export const ALIGN_DICE = 0.3;
export const ALIGN_DICE_WITH_ANCHOR = 0.2;

const BOILERPLATE = /\b(cookies?|all rights reserved|privacy policy|subscribe|sign up|newsletter|click here|read more|terms of (use|service)|advertisement|copyright)\b|©/i;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15,
  sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12, dozens: 24,
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

export interface NumberFact {
  value: number;
  /** Stem of the word the number counts ("jet", "percent"); '' when none. */
  unit: string;
  start: number;
  end: number;
}
export interface DateFact {
  /** "MM-DD", "YYYY" or a weekday name. */
  value: string;
  kind: 'month-day' | 'year' | 'weekday';
  start: number;
  end: number;
}

export interface Claim {
  id: string;
  articleId: string;
  outlet: string;
  start: number;
  end: number;
  text: string;
  stems: string[];
  actors: string[];
  numbers: NumberFact[];
  dates: DateFact[];
}

const CLOSERS = '"”’)]';

/**
 * A claim span is checkable news text when it is long enough, ends like a
 * sentence (".", "!" or ";", then optional closing quotes or brackets; so not a
 * question) and is not site boilerplate. Character checks, not anchored regexes,
 * since this runs for every sentence of every article.
 */
function isClaimText(text: string, words: number): boolean {
  if (words < MIN_CLAIM_WORDS) return false;
  const t = text.trimEnd();
  let i = t.length - 1;
  while (i >= 0 && CLOSERS.includes(t[i]!)) i--;
  const last = t[i];
  if (last !== '.' && last !== '!' && last !== ';') return false;
  return !BOILERPLATE.test(text);
}


/** What a word can start: a month (index 0-11; abbreviations count), a weekday, or a number word's value. */
interface FactWord {
  month?: number;
  weekday?: boolean;
  number?: number;
}
// A Map, not an object literal, so words like "constructor" never hit Object.prototype.
const FACT_WORDS = new Map<string, FactWord>();
const factWord = (w: string): FactWord => FACT_WORDS.get(w) ?? FACT_WORDS.set(w, {}).get(w)!;
MONTH_ABBR.forEach((m, i) => (factWord(m).month = i));
MONTHS.forEach((m, i) => (factWord(m).month = i));
for (const d of WEEKDAYS) factWord(d).weekday = true;
for (const [w, v] of Object.entries(NUMBER_WORDS)) factWord(w).number = v;
const LONGEST_FACT_WORD = Math.max(...[...FACT_WORDS.keys()].map((w) => w.length));
const FACT_LIST = [...FACT_WORDS.values()];

/** A word token's FactWord, looked up by its normal form. */
function factWordOf(t: Token): FactWord | undefined {
  return t.norm.length <= LONGEST_FACT_WORD ? FACT_WORDS.get(t.norm) : undefined;
}

/**
 * factWordOf by tokenizer form entry (text/tokenize.ts `tokenForms`), per form table: 1 + the
 * word's index in FACT_LIST, 0 for none, −1 not yet known. A word costs an array read, not a
 * hash of its norm.
 */
const formFacts = formMemo(-1);
const SCALE_VALUES = new Map(Object.entries(SCALES));

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** "7", "27": one or two ASCII digits. */
function isDayNumber(s: string): boolean {
  return (s.length === 1 || s.length === 2) && isAsciiDigit(s.charCodeAt(0)) && isAsciiDigit(s.charCodeAt(s.length - 1));
}
/** "1999", "2024": four ASCII digits starting 19 or 20. */
function isYear(s: string): boolean {
  if (s.length !== 4 || !isAsciiDigit(s.charCodeAt(2)) || !isAsciiDigit(s.charCodeAt(3))) return false;
  return (s[0] === '1' && s[1] === '9') || (s[0] === '2' && s[1] === '0');
}
function monthDay(monthIdx: number, day: string): string {
  return `${String(monthIdx + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Numbers (with the word they count) and dates in tokens [from, to). */
export function extractFacts(doc: Doc, from: number, to: number): { numbers: NumberFact[]; dates: DateFact[] } {
  const numbers: NumberFact[] = [];
  const dates: DateFact[] = [];
  const tk = doc.tokens;
  const forms = tokenForms(tk);
  const facts = forms ? formFacts(forms) : null;
  for (let i = from; i < to; i++) {
    const t = tk[i]!;
    let value: number | undefined;
    if (t.kind === 'number') {
      if (isYear(t.norm)) {
        dates.push({ value: t.norm, kind: 'year', start: t.start, end: t.end });
        continue;
      }
      value = Number(t.norm.includes(',') ? t.norm.replace(/,/g, '') : t.norm);
    } else {
      let w: FactWord | undefined;
      if (facts) {
        const e = forms!.ids[i]!;
        let v = facts[e]!;
        if (v < 0) {
          const f = factWordOf(t);
          facts[e] = v = f ? FACT_LIST.indexOf(f) + 1 : 0;
        }
        w = v > 0 ? FACT_LIST[v - 1] : undefined;
      } else w = factWordOf(t);
      if (!w) continue;
      if (t.cap && w.month !== undefined) {
        const next = tk[i + 1];
        if (next && i + 1 < to && next.kind === 'number' && isDayNumber(next.norm) && Number(next.norm) <= 31) {
          dates.push({ value: monthDay(w.month, next.norm), kind: 'month-day', start: t.start, end: next.end });
          // "June 27 and 29": the second day shares the month.
          const and = tk[i + 2];
          const day2 = tk[i + 3];
          if (and && day2 && i + 3 < to && (and.norm === 'and' || and.norm === 'to') && day2.kind === 'number' && isDayNumber(day2.norm)) {
            dates.push({ value: monthDay(w.month, day2.norm), kind: 'month-day', start: day2.start, end: day2.end });
            i += 3;
          } else i += 1;
          continue;
        }
      }
      if (t.cap && w.weekday) {
        dates.push({ value: t.norm, kind: 'weekday', start: t.start, end: t.end });
        continue;
      }
      value = w.number;
      if (value !== undefined && t.norm === 'one' && tk[i + 1]?.norm === 'of') value = undefined;
    }
    if (value === undefined || Number.isNaN(value)) continue;
    let j = i + 1;
    let end = t.end;
    if (doc.text.charCodeAt(t.end) === 37 /* % */) {
      numbers.push({ value, unit: 'percent', start: t.start, end: t.end + 1 });
      continue;
    }
    const scale = j < to ? SCALE_VALUES.get(tk[j]!.norm) : undefined;
    if (scale) {
      value *= scale;
      end = tk[j]!.end;
      j++;
    }
    let unit = '';
    for (let k = j; k < Math.min(to, j + 3); k++) {
      const u = tk[k]!;
      if (u.kind !== 'word' || isStopword(u.norm)) continue;
      unit = u.stem;
      break;
    }
    numbers.push({ value, unit, start: t.start, end });
  }
  return { numbers, dates };
}

/** Claim spans in text order: sentences, split after "; " (long sentences with semicolons hold separate claims). */
function claimSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  const text = doc.text;
  let semi = -1;
  let semiFrom = Infinity;
  for (const s of doc.sentences) {
    // The next ';' at or after the sentence start, found once per stretch of text, not once per sentence.
    if (semiFrom > s.start || (semi !== -1 && semi < s.start)) {
      semi = text.indexOf(';', s.start);
      semiFrom = s.start;
    }
    if (semi === -1 || semi >= s.end) {
      out.push({ start: s.start, end: s.end });
      continue;
    }
    let cursor = s.start;
    for (const m of text.slice(s.start, s.end).matchAll(/;\s+/g)) {
      out.push({ start: cursor, end: s.start + m.index + 1 });
      cursor = s.start + m.index + m[0].length;
    }
    out.push({ start: cursor, end: s.end });
  }
  return out;
}

function tokenRange(doc: Doc, span: Span): [number, number] {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < doc.tokens.length && doc.tokens[end]!.end <= span.end) end++;
  return [lo, end];
}

interface ActorSpan {
  start: number;
  end: number;
  actorId: string;
}

/**
 * Actor mentions sorted by start. Reads the 'mentions' layer when the mentions
 * analyzer already ran (it is `detectMentions` one finding per mention), so the
 * mention detector does not run twice per article.
 */
function actorSpans(doc: Doc): ActorSpan[] {
  const layer = doc.layers.mentions;
  const spans: ActorSpan[] = layer
    ? layer.map((f) => ({ start: f.start, end: f.end, actorId: String(f.data?.actorId) }))
    : detectMentions(doc).map((m) => ({ start: m.start, end: m.end, actorId: m.actorId }));
  return spans.sort((a, b) => a.start - b.start);
}

/** Sorted, de-duplicated actor ids of the mentions inside [start, end). */
function actorsIn(mentions: readonly ActorSpan[], start: number, end: number): string[] {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const ids: string[] = [];
  for (let i = lo; i < mentions.length && mentions[i]!.start <= end; i++) {
    const m = mentions[i]!;
    if (m.end <= end && !ids.includes(m.actorId)) ids.push(m.actorId);
  }
  return ids.sort();
}

/** Sorted, de-duplicated stems of the content words (not stopwords, over two letters) of tokens [first, last). */
function contentStems(doc: Doc, first: number, last: number): string[] {
  const stems = new Set<string>();
  for (let i = first; i < last; i++) {
    const t = doc.tokens[i]!;
    if (t.kind === 'word' && t.norm.length > 2 && !stems.has(t.stem) && !isStopword(t.norm)) stems.add(t.stem);
  }
  return [...stems].sort();
}

/**
 * Calls `visit` for each claim span of the article that is checkable text, with its token range
 * (tokenRange, read from the token layer's offset arrays: the analyzers before this one built it).
 */
function forEachClaim(doc: Doc, visit: (span: Span, first: number, last: number, text: string) => void): void {
  const { starts, ends, flags } = tokenLayer(doc);
  const n = starts.length;
  for (const span of claimSpans(doc)) {
    let first = 0;
    let hi = n;
    while (first < hi) {
      const mid = (first + hi) >> 1;
      if (starts[mid]! < span.start) first = mid + 1;
      else hi = mid;
    }
    let last = first;
    while (last < n && ends[last]! <= span.end) last++;
    let words = 0;
    for (let i = first; i < last; i++) if ((flags[i]! & TOKEN_NUMBER) === 0) words++;
    if (words < MIN_CLAIM_WORDS) continue;
    const text = doc.text.slice(span.start, span.end);
    if (isClaimText(text, words)) visit(span, first, last, text);
  }
}

/** The checkable claims of one article, in text order, with their stems, actors, numbers and dates. */
export function splitClaims(doc: Doc): Claim[] {
  const mentions = actorSpans(doc);
  const outlet = outletOf(doc);
  const claims: Claim[] = [];
  forEachClaim(doc, (span, first, last, text) => {
    const { numbers, dates } = extractFacts(doc, first, last);
    const stems = contentStems(doc, first, last);
    claims.push({ id: `${doc.id}#${claims.length + 1}`, articleId: doc.id, outlet, start: span.start, end: span.end, text, stems, actors: actorsIn(mentions, span.start, span.end), numbers, dates });
  });
  return claims;
}

export const ClaimDataSchema = z.object({
  actors: z.array(z.string()),
  numbers: z.array(z.object({ value: z.number(), unit: z.string(), start: z.number().int(), end: z.number().int() })),
  dates: z.array(z.object({ value: z.string(), kind: z.enum(['month-day', 'year', 'weekday']), start: z.number().int(), end: z.number().int() })),
});
type ClaimData = z.infer<typeof ClaimDataSchema>;

/** Layer 'claims': one finding per checkable claim; `data` carries its actors, numbers and dates. */
export const claimsAnalyzer: Analyzer = {
  name: 'claims',
  requires: ['mentions'],
  run(doc: Doc): Finding[] {
    const mentions = actorSpans(doc);
    const out: Finding[] = [];
    forEachClaim(doc, (span, first, last) => {
      const { numbers, dates } = extractFacts(doc, first, last);
      const data: ClaimData = { actors: actorsIn(mentions, span.start, span.end), numbers, dates };
      out.push(makeFinding(doc, 'claims', 'sentence', span.start, span.end, { data }));
    });
    return out;
  },
};

/**
 * Stems numbered across articles, so claim alignment counts shared stems over
 * integer postings instead of hashing stem strings once per claim and
 * comparison. The table starts over (between comparisons, never during one)
 * past STEM_LIMIT stems; cached ids carry the generation they belong to.
 */
export const STEM_LIMIT = 1 << 18;
const stemLimit = settableLimit(STEM_LIMIT);
/** Sets the stem limit (tests); returns the previous one. */
export const setStemLimit = stemLimit.set;
let stemGeneration = 0;
let stemIds = new Map<string, number>();
/** Scratch by stem id: 1 while the stem is already in the claim being read; the last posting of the stem while aligning (−1: none). */
let stemMark = new Int32Array(1 << 12).fill(-1);

function stemId(stem: string): number {
  let id = stemIds.get(stem);
  if (id === undefined) {
    id = stemIds.size;
    stemIds.set(stem, id);
    if (id >= stemMark.length) {
      const grown = new Int32Array(2 * stemMark.length).fill(-1);
      grown.set(stemMark);
      stemMark = grown;
    }
  }
  return id;
}

/** A token's content stem id (a word over two letters, not a stopword: contentStems), else −1. */
function tokenStemId(t: Token): number {
  return t.kind === 'word' && t.norm.length > 2 && !isStopword(t.norm) ? stemId(t.stem) : -1;
}

/**
 * tokenStemId by tokenizer form entry (text/tokenize.ts `tokenForms`: equal entries, equal kind,
 * norm and stem), per form table and stem generation (−2: not yet known): a token costs an array
 * read instead of a stopword probe and a hash of its stem.
 */
const formStems = formMemo(-2);

/** Each token's content stem id (−1: none), read once per article. */
function tokenStemIds(doc: Doc): Int32Array {
  const tokens = doc.tokens;
  const out = new Int32Array(tokens.length);
  const forms = tokenForms(tokens);
  if (!forms) {
    for (let i = 0; i < tokens.length; i++) out[i] = tokenStemId(tokens[i]!);
    return out;
  }
  const stems = formStems(forms, stemGeneration);
  const ids = forms.ids;
  for (let i = 0; i < tokens.length; i++) {
    const e = ids[i]!;
    let id = stems[e]!;
    if (id === -2) stems[e] = id = tokenStemId(tokens[i]!);
    out[i] = id;
  }
  return out;
}

/**
 * The de-duplicated content-word stems of tokens [first, last) as stem ids, in
 * order of first occurrence: the set `contentStems` sorts (alignment needs only the set).
 */
function contentStemIds(stems: Int32Array, first: number, last: number): Int32Array {
  const ids: number[] = [];
  for (let i = first; i < last; i++) {
    const id = stems[i]!;
    if (id < 0 || stemMark[id] === 1) continue;
    stemMark[id] = 1;
    ids.push(id);
  }
  for (const id of ids) stemMark[id] = -1;
  return new Int32Array(ids);
}

/** A claim for comparison: the reported fields plus its stems as ids. */
interface AlignClaim extends Omit<Claim, 'stems'> {
  stemIds: Int32Array;
}

/**
 * The comparison claims of a 'claims' layer, keyed by the layer array so they are dropped with their doc:
 * an article is compared in its event and again in its story's events, and its claims (ids, stems) are
 * built once. Valid for the article id, outlet and stem generation they were built with.
 */
const claimsOfLayer = new WeakMap<readonly Finding[], { generation: number; articleId: string; outlet: string; claims: AlignClaim[] }>();

/**
 * The claims of one article for comparison: rebuilt from its 'claims' layer
 * when the analyzer ran (same spans, ids and facts; the stems are read from
 * the tokens once per article, not once per comparison), else split afresh.
 * Callers must not change them.
 */
function claimsForComparison(doc: Doc): readonly AlignClaim[] {
  const layer = doc.layers.claims;
  if (!layer || layer.some((f) => !f.data)) {
    return splitClaims(doc).map(({ stems, ...c }) => ({ ...c, stemIds: Int32Array.from(stems, stemId) }));
  }
  const outlet = outletOf(doc);
  const hit = claimsOfLayer.get(layer);
  if (hit && hit.generation === stemGeneration && hit.articleId === doc.id && hit.outlet === outlet) return hit.claims;
  const stems = tokenStemIds(doc);
  const claims = layer.map((f, k): AlignClaim => {
    const data = f.data as ClaimData;
    const [first, last] = tokenRange(doc, f);
    return { id: `${doc.id}#${k + 1}`, articleId: doc.id, outlet, start: f.start, end: f.end, text: f.text, stemIds: contentStemIds(stems, first, last), actors: data.actors, numbers: data.numbers, dates: data.dates };
  });
  claimsOfLayer.set(layer, { generation: stemGeneration, articleId: doc.id, outlet, claims });
  return claims;
}

/** Dice coefficient 2|A∩B| / (|A|+|B|) of two sorted, de-duplicated stem lists. */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  const set = new Set(a);
  let shared = 0;
  for (const x of b) if (set.has(x)) shared++;
  return (2 * shared) / (a.length + b.length);
}

function hasAnchor(a: Pick<Claim, 'numbers' | 'dates' | 'actors'>, b: Pick<Claim, 'numbers' | 'dates' | 'actors'>): boolean {
  for (const x of a.numbers) for (const y of b.numbers) if (x.value === y.value) return true;
  for (const x of a.dates) for (const y of b.dates) if (x.value === y.value) return true;
  return b.actors.some((x) => x.startsWith('x:') && x.includes(' ') && a.actors.includes(x));
}

/** True when two claims of different articles are similar enough to say the same thing (thresholds above; mutual best match is checked by compareClaims). */
export function claimsAlign(a: Claim, b: Claim): boolean {
  if (a.articleId === b.articleId) return false;
  const d = dice(a.stems, b.stems);
  return d >= ALIGN_DICE || (d >= ALIGN_DICE_WITH_ANCHOR && hasAnchor(a, b));
}

/** Below this Dice no pair aligns, so best matches under it never matter. */
const MIN_ALIGN_DICE = Math.min(ALIGN_DICE, ALIGN_DICE_WITH_ANCHOR);

/**
 * Aligned claim pairs [i, j] (indices into `claims`, i < j): each is the other's
 * most similar claim in the other's article (ties: the earlier claim) and the
 * pair passes `claimsAlign`. `group[i]` numbers the article of claim i; an
 * article's claims are contiguous and groups ascend.
 *
 * All-pairs similarity join over an inverted index of stems (Bayardo et al.
 * 2007, "Scaling up all pairs similarity search"): claims are visited in order
 * and only earlier claims of earlier articles sharing a stem are touched, so
 * pairs with nothing in common cost nothing. A best match below
 * MIN_ALIGN_DICE cannot align, and a claim whose best match reaches it has its
 * true best among the pairs kept, so dropping those pairs changes no result.
 */
function alignedPairs(claims: readonly AlignClaim[], group: Int32Array, band: number): [number, number][] {
  const n = claims.length;
  const groups = n ? group[n - 1]! + 1 : 0;
  // First claim of each group or, for a group without claims, of the next one (n past the last).
  const groupStart = new Int32Array(groups + 1).fill(n);
  for (let i = n - 1; i >= 0; i--) groupStart[group[i]!] = i;
  for (let g = groups - 1; g >= 0; g--) if (groupStart[g]! > groupStart[g + 1]!) groupStart[g] = groupStart[g + 1]!;
  // Postings as linked lists over stem ids: stemMark[stem] is the stem's last posting, `next` the one before
  // it (claims visited newest first; which pairs are kept and their best matches do not depend on the order).
  let postings = 0;
  // Stem counts by claim, read per touched pair (no claim object loaded in the inner loop).
  const sizes = (scratch.sizes = atLeast(scratch.sizes, n));
  for (let i = 0; i < n; i++) postings += sizes[i] = claims[i]!.stemIds.length;
  const postClaim = (scratch.postClaim = atLeast(scratch.postClaim, postings));
  const postNext = (scratch.postNext = atLeast(scratch.postNext, postings));
  let used = 0;
  if (scratch.shared.length < n) scratch.shared = new Int32Array(Math.max(n, 2 * scratch.shared.length));
  const shared = scratch.shared;
  const touched = scratch.touched;
  // Best match of claim x in article g: slot (x, g) → index into bestOf/bestDice, in a flat table of
  // n × groups cells (−1 between comparisons) unless that is too large for one event.
  const cells = n * groups;
  const dense = cells <= denseSlotLimit.value();
  if (dense && scratch.slotOf.length < cells) scratch.slotOf = new Int32Array(Math.max(cells, 2 * scratch.slotOf.length)).fill(-1);
  const slotOf = scratch.slotOf;
  const sparse = dense ? null : new Map<number, number>();
  const slotAt = (key: number): number => (sparse ? (sparse.get(key) ?? -1) : slotOf[key]!);
  let slots = 0;
  const offer = (x: number, g: number, y: number, d: number): void => {
    const key = x * groups + g;
    const s = slotAt(key);
    if (s < 0) {
      if (slots === scratch.bestOf.length) growSlots();
      if (sparse) sparse.set(key, slots);
      else slotOf[key] = slots;
      scratch.bestOf[slots] = y;
      scratch.bestDice[slots] = d;
      scratch.slotOwner[slots] = x;
      scratch.slotGroup[slots] = g;
      slots++;
    } else if (d > scratch.bestDice[s]! || (d === scratch.bestDice[s]! && y < scratch.bestOf[s]!)) {
      scratch.bestOf[s] = y;
      scratch.bestDice[s] = d;
    }
  };
  const head = stemMark;
  const pairs: [number, number][] = [];
  try {
    for (let i = 0; i < n; i++) {
      const mine = claims[i]!.stemIds;
      const before = groupStart[group[i]!]!;
      const first = groupStart[Math.max(0, group[i]! - band)]!;
      for (let k = 0; k < mine.length; k++) {
        const s = mine[k]!;
        // Only earlier claims of earlier articles count, and only of the `band` articles before this one:
        // postings run from the newest claim back, so the first one before the band ends the walk.
        for (let e = head[s]!; e >= 0; e = postNext[e]!) {
          const c = postClaim[e]!;
          if (c < first) break;
          if (c >= before) continue;
          if (shared[c]!++ === 0) touched.push(c);
        }
        postClaim[used] = i;
        postNext[used] = head[s]!;
        head[s] = used++;
      }
      for (const c of touched) {
        // The same expression as dice(), so ties compare exactly as before.
        const d = (2 * shared[c]!) / (mine.length + sizes[c]!);
        shared[c] = 0;
        if (d < MIN_ALIGN_DICE) continue;
        offer(i, group[c]!, c, d);
        offer(c, group[i]!, i, d);
      }
      touched.length = 0;
    }
    const { bestOf, bestDice, slotOwner } = scratch;
    for (let s = 0; s < slots; s++) {
      const x = slotOwner[s]!;
      const y = bestOf[s]!;
      if (x > y) continue;
      const back = slotAt(y * groups + group[x]!);
      if (back < 0 || bestOf[back] !== x) continue;
      const d = bestDice[s]!;
      if (d >= ALIGN_DICE || (d >= ALIGN_DICE_WITH_ANCHOR && hasAnchor(claims[x]!, claims[y]!))) pairs.push([x, y]);
    }
  } finally {
    for (const c of claims) for (const s of c.stemIds) head[s] = -1;
    for (const c of touched) shared[c] = 0;
    touched.length = 0;
    if (!sparse) for (let s = 0; s < slots; s++) slotOf[scratch.slotOwner[s]! * groups + scratch.slotGroup[s]!] = -1;
  }
  return pairs;
}

/**
 * Past this many (claim, article) cells, an event's best-match slots are kept in a Map instead of
 * the flat scratch table (4 bytes a cell, reused across events: at most 4 MB a thread).
 */
export const DENSE_SLOT_LIMIT = 1 << 20;
const denseSlotLimit = settableLimit(DENSE_SLOT_LIMIT);
/** Sets the dense slot limit (tests); returns the previous one. */
export const setDenseSlotLimit = denseSlotLimit.set;

/**
 * alignedPairs' working arrays, reused from one comparison to the next (an event's arrays were most of
 * the claim comparison's allocations). Between comparisons `shared` is all 0 and `slotOf` all −1.
 */
const scratch = {
  sizes: new Int32Array(1 << 10),
  postClaim: new Int32Array(1 << 12),
  postNext: new Int32Array(1 << 12),
  shared: new Int32Array(1 << 10),
  touched: [] as number[],
  slotOf: new Int32Array(0),
  bestOf: new Int32Array(1 << 10),
  bestDice: new Float64Array(1 << 10),
  slotOwner: new Int32Array(1 << 10),
  slotGroup: new Int32Array(1 << 10),
};

/** `a` if it holds `n` entries, else a larger array (contents not kept). */
function atLeast(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  return a.length >= n ? a : new Int32Array(Math.max(n, 2 * a.length));
}

function growSlots(): void {
  const size = 2 * scratch.bestOf.length;
  const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
  scratch.bestOf = grow(scratch.bestOf, new Int32Array(size));
  scratch.bestDice = grow(scratch.bestDice, new Float64Array(size));
  scratch.slotOwner = grow(scratch.slotOwner, new Int32Array(size));
  scratch.slotGroup = grow(scratch.slotGroup, new Int32Array(size));
}

const ConflictValueSchema = z.object({ articleId: z.string(), outlet: z.string(), claimId: z.string(), value: z.union([z.number(), z.string()]), start: z.number().int(), end: z.number().int() });

export const ClaimsComparisonSchema = z.object({
  claims: z.array(z.object({ id: z.string(), articleId: z.string(), outlet: z.string(), start: z.number().int(), end: z.number().int(), text: z.string(), clusterId: z.string() })),
  clusters: z.array(z.object({ id: z.string(), articleIds: z.array(z.string()), outlets: z.array(z.string()), label: z.enum(['shared', 'unique']), claimIds: z.array(z.string()) })),
  omissions: z.array(
    z.object({
      outlet: z.string(),
      /** Clusters reported by at least half of the other outlets (rounded up, ≥ 1) and absent from this one. */
      missingClusterIds: z.array(z.string()),
      /** Clusters only this outlet reports. */
      exclusiveClusterIds: z.array(z.string()),
      notes: z.array(z.string()),
    }),
  ),
  conflicts: z.array(z.object({ clusterId: z.string(), kind: z.enum(['number', 'date']), unit: z.string(), values: z.array(ConflictValueSchema) })),
  /** Only in an event past MAX_CLAIM_ARTICLE_PAIRS: each article's claims were aligned with the next `band` articles' (in id order) only. */
  aligned: z.object({ articles: z.number().int(), band: z.number().int() }).optional(),
});
export type ClaimsComparison = z.infer<typeof ClaimsComparisonSchema>;

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/**
 * Article pairs whose claims are aligned in one event. Past it (events of more than 316 articles) each
 * article is aligned with the articles next to it in id order only, so that the work stays linear: a
 * 10,000-article event's claims held every claim's best match in every other article (10^8 slots and more).
 * Claims repeated throughout the event still cluster, through the chain of neighbours.
 */
export const MAX_CLAIM_ARTICLE_PAIRS = 50_000;

/**
 * Claims of the articles of one event, aligned into clusters (single-link over
 * aligned pairs), with omissions and number/date conflicts. Independent of input order.
 */
export function compareClaims(docs: readonly Doc[], maxArticlePairs = MAX_CLAIM_ARTICLE_PAIRS): ClaimsComparison {
  if (stemIds.size > stemLimit.value()) {
    stemGeneration++;
    stemIds = new Map();
  }
  const ordered = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const claims: AlignClaim[] = [];
  const groupOf: number[] = [];
  // Articles sharing an id form one group, as their claims cannot align with each other.
  let g = -1;
  ordered.forEach((d, k) => {
    if (k === 0 || d.id !== ordered[k - 1]!.id) g++;
    for (const c of claimsForComparison(d)) {
      claims.push(c);
      groupOf.push(g);
    }
  });
  const parent = new Int32Array(claims.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const articles = g + 1;
  // As boundedPairs: every article pair, or past the cap each article with its next ones in id order.
  const band = (articles * (articles - 1)) / 2 <= maxArticlePairs ? articles : Math.max(1, Math.floor(maxArticlePairs / articles));
  for (const [x, y] of alignedPairs(claims, new Int32Array(groupOf), band)) {
    const ra = find(parent, x);
    const rb = find(parent, y);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  // Clusters numbered in order of their first claim.
  const clusterOfRoot = new Int32Array(claims.length).fill(-1);
  const clusterOf = new Int32Array(claims.length);
  const members: AlignClaim[][] = [];
  claims.forEach((c, i) => {
    const root = find(parent, i);
    if (clusterOfRoot[root] === -1) {
      clusterOfRoot[root] = members.length;
      members.push([]);
    }
    clusterOf[i] = clusterOfRoot[root]!;
    members[clusterOf[i]!]!.push(c);
  });
  const clusterIds = members.map((_, k) => `c${k + 1}`);
  const allOutlets = [...new Set(ordered.map(outletOf))].sort();
  const clusters: ClaimsComparison['clusters'] = members.map((list, k) => {
    const only = list.length === 1 ? list[0] : undefined;
    const outlets = only ? [only.outlet] : [...new Set(list.map((c) => c.outlet))].sort();
    const articleIds = only ? [only.articleId] : [...new Set(list.map((c) => c.articleId))].sort();
    return { id: clusterIds[k]!, articleIds, outlets, label: outlets.length >= 2 ? 'shared' : 'unique', claimIds: list.map((c) => c.id) };
  });
  const omissions: ClaimsComparison['omissions'] = allOutlets.map((outlet) => {
    const others = allOutlets.length - 1;
    const need = Math.max(1, Math.ceil(others / 2));
    const missing = clusters.filter((c) => c.outlets.length >= need && !c.outlets.includes(outlet));
    const exclusive = clusters.filter((c) => c.outlets.length === 1 && c.outlets[0] === outlet);
    return {
      outlet,
      missingClusterIds: missing.map((c) => c.id),
      exclusiveClusterIds: exclusive.map((c) => c.id),
      notes: missing.map((c) => `${c.id}: reported by ${c.outlets.length} of ${allOutlets.length} outlets, absent from ${outlet}`),
    };
  });
  const conflicts: ClaimsComparison['conflicts'] = [];
  // Conflicts need two outlets, so single-outlet clusters (most of them) are skipped.
  clusters.forEach((c, k) => {
    if (c.outlets.length >= 2) conflicts.push(...clusterConflicts(c.id, members[k]!));
  });
  return {
    claims: claims.map((c, i) => ({ id: c.id, articleId: c.articleId, outlet: c.outlet, start: c.start, end: c.end, text: c.text, clusterId: clusterIds[clusterOf[i]!]! })),
    clusters,
    omissions,
    conflicts,
    ...(band < articles ? { aligned: { articles, band } } : {}),
  };
}

/**
 * Conflicts inside one cluster: claims of different outlets that count the same
 * unit with different numbers ("six jets" / "eight jets"), or give month-day dates
 * (or years) with no value in common.
 */
function clusterConflicts(clusterId: string, list: readonly AlignClaim[]): ClaimsComparison['conflicts'] {
  const out: ClaimsComparison['conflicts'] = [];
  const byUnit = new Map<string, { claim: AlignClaim; fact: NumberFact }[]>();
  for (const c of list) for (const n of c.numbers) if (n.unit) (byUnit.get(n.unit) ?? byUnit.set(n.unit, []).get(n.unit)!).push({ claim: c, fact: n });
  for (const unit of [...byUnit.keys()].sort()) {
    const items = byUnit.get(unit)!;
    const outlets = new Set(items.map((x) => x.claim.outlet));
    const values = new Set(items.map((x) => x.fact.value));
    if (outlets.size < 2 || values.size < 2) continue;
    // Only a conflict when outlets disagree, not when one article lists two counts.
    const perOutlet = new Map<string, Set<number>>();
    for (const x of items) (perOutlet.get(x.claim.outlet) ?? perOutlet.set(x.claim.outlet, new Set()).get(x.claim.outlet)!).add(x.fact.value);
    const sets = [...perOutlet.values()];
    const disjoint = sets.some((a, i) => sets.some((b, j) => j > i && ![...a].some((v) => b.has(v))));
    if (!disjoint) continue;
    out.push({ clusterId, kind: 'number', unit, values: items.map((x) => ({ articleId: x.claim.articleId, outlet: x.claim.outlet, claimId: x.claim.id, value: x.fact.value, start: x.fact.start, end: x.fact.end })) });
  }
  for (const kind of ['month-day', 'year'] as const) {
    const perOutlet = new Map<string, { claim: AlignClaim; fact: DateFact }[]>();
    for (const c of list) for (const d of c.dates) if (d.kind === kind) (perOutlet.get(c.outlet) ?? perOutlet.set(c.outlet, []).get(c.outlet)!).push({ claim: c, fact: d });
    if (perOutlet.size < 2) continue;
    const sets = [...perOutlet.values()].map((xs) => new Set(xs.map((x) => x.fact.value)));
    const disjoint = sets.some((a, i) => sets.some((b, j) => j > i && ![...a].some((v) => b.has(v))));
    if (!disjoint) continue;
    const items = [...perOutlet.values()].flat();
    out.push({ clusterId, kind: 'date', unit: kind, values: items.map((x) => ({ articleId: x.claim.articleId, outlet: x.claim.outlet, claimId: x.claim.id, value: x.fact.value, start: x.fact.start, end: x.fact.end })) });
  }
  return out;
}

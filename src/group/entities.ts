/**
 * Named actors and places, cheaply: capitalized token runs plus a gazetteer.
 *
 * A statistical NER (compromise, spaCy) costs ~40 ms an article; this pass is
 * linear in the tokens the text stage already made, which matters at 10^5+
 * articles. It finds what event grouping needs: multi-word names ("Lloyd
 * Austin", "Freedom Edge", "Korean Central News Agency") as single keys, places
 * with their demonyms folded ("North Korean" → `north korea`), and surname
 * mentions folded into the full name seen in the same article ("Austin" →
 * `lloyd austin`).
 */
import { readFileSync } from 'node:fs';
import type { Doc, Token } from '../doc/types.js';
import { isSpaceUnit, normalizeWord, stopwordFlags, tokenForms, tokenOffsets } from '../text/index.js';

export interface EntityMention {
  /** Normalized key: lower-case tokens joined by one space (`lloyd austin`, `north korea`). */
  key: string;
  /** `place` when the gazetteer knows the name (countries, regions, demonyms). */
  kind: 'entity' | 'place';
  /** `[start, end)` into `doc.text`. */
  start: number;
  end: number;
}

export interface Gazetteer {
  /** Normalized alias → canonical place key. */
  places: Map<string, string>;
  maxPlaceTokens: number;
  /** Person titles stripped before a name ("President", "Gen."). */
  titles: Set<string>;
  /** Words that stack before a title ("Defense" Secretary, "Prime" Minister). */
  titleModifiers: Set<string>;
  /** Term pattern (whole words, case-insensitive) → earliest year a text can mention it (COVID-19 → 2020). */
  datedTerms: Array<{ term: string; pattern: RegExp; floor: number }>;
}

interface GazetteerFile {
  places: Record<string, string[]>;
  titles: string[];
  titleModifiers: string[];
  datedTerms: Record<string, { floor: number }>;
}

/** A name in the comparison form of tokens ("U.S.A" → `usa`, "Asia-Pacific" → `asia pacific`). */
export function normalizeName(name: string): string {
  return tokenOffsets(name)
    .map((t) => normalizeWord(name.slice(t.start, t.end)))
    .join(' ');
}

/** A term's literal text for a regular expression. */
export function escapeTerm(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A dated term as a whole word or phrase, case-insensitive. */
export function datedTermPattern(term: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeTerm(term)}(?![\\p{L}\\p{N}])`, 'iu');
}

let cached: Gazetteer | null = null;

/** The shipped gazetteer (data/gazetteer/places.json), read once. */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(new URL('../../data/gazetteer/places.json', import.meta.url), 'utf8')) as GazetteerFile;
  const places = new Map<string, string>();
  let maxPlaceTokens = 1;
  for (const [place, aliases] of Object.entries(raw.places)) {
    const canonical = normalizeName(place);
    for (const alias of [place, ...aliases]) {
      const key = normalizeName(alias);
      places.set(key, canonical);
      maxPlaceTokens = Math.max(maxPlaceTokens, key.split(' ').length);
    }
  }
  const datedTerms = Object.entries(raw.datedTerms).map(([term, v]) => ({
    term,
    pattern: datedTermPattern(term),
    floor: v.floor,
  }));
  cached = { places, maxPlaceTokens, titles: new Set(raw.titles), titleModifiers: new Set(raw.titleModifiers), datedTerms };
  return cached;
}

const CONNECTORS = new Set(['of', 'de', 'del', 'della', 'la', 'le', 'van', 'von', 'der', 'den', 'al', 'bin', 'da', 'di', 'du', 'y']);
const CALENDAR = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow',
]);

function isCapWord(t: Token): boolean {
  return t.kind === 'word' && t.cap;
}

/** Text between two tokens that may sit inside one name: a space, a hyphen, or ". " after an initial (compared by code unit, no slice). */
function joinable(text: string, a: Token, b: Token): boolean {
  const gap = b.start - a.end;
  const c = text.charCodeAt(a.end);
  // ' ', '\u00a0', '-'; '.' after an initial.
  if (gap === 1) return c === 32 || c === 0xa0 || c === 45 || (c === 46 && a.end - a.start === 1);
  // ' - '
  if (gap === 3) return c === 32 && text.charCodeAt(a.end + 1) === 45 && text.charCodeAt(a.end + 2) === 32;
  // '. ' after an initial.
  return gap === 2 && c === 46 && text.charCodeAt(a.end + 1) === 32 && a.end - a.start === 1;
}

/** `/[.!?]["'”’)]?\s*$/` on the first line of `text[from, to)`: the sentence closes like prose. */
function closesProse(text: string, from: number, to: number): boolean {
  let e = to;
  const nl = text.indexOf('\n', from);
  if (nl >= 0 && nl < e) e = nl;
  while (e > from && isSpaceUnit(text.charCodeAt(e - 1))) e--;
  if (e <= from) return false;
  const last = text.charCodeAt(e - 1);
  if (last === 46 || last === 33 || last === 63) return true;
  const closer = last === 34 || last === 39 || last === 0x201d || last === 0x2019 || last === 41;
  if (!closer || e - 1 <= from) return false;
  const before = text.charCodeAt(e - 2);
  return before === 46 || before === 33 || before === 63;
}

/**
 * Sentences written in title case or capitals (headlines, menus: no closing
 * period, and at least 80% of content words capitalized), so capitalization says nothing about names there. Only gazetteer
 * places are taken from them. A flag per sentence index.
 */
function headlineSentences(text: string, tokens: readonly Token[], stop: Uint8Array): Uint8Array {
  let sentences = 0;
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.sent >= sentences) sentences = tokens[i]!.sent + 1;
  const words = new Int32Array(sentences);
  const caps = new Int32Array(sentences);
  // A sentence that ends with . ! ? (or a closing quote after one) is prose, however many names it holds.
  const prose = new Uint8Array(sentences);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if ((!next || next.sent !== t.sent) && closesProse(text, t.end, next ? next.start : text.length)) prose[t.sent] = 1;
    if (t.kind !== 'word' || stop[i] === 1) continue;
    words[t.sent]!++;
    if (t.cap) caps[t.sent]!++;
  }
  const out = new Uint8Array(sentences);
  for (let s = 0; s < sentences; s++) {
    const n = words[s]!;
    if (n >= 3 && caps[s]! / n >= 0.8 && prose[s] === 0) out[s] = 1;
  }
  return out;
}

/**
 * Entity and place mentions of a document, in text order.
 *
 * Rule: a run of capitalized words in one sentence (joined by a space, a hyphen
 * or an initial's dot; "of"/"de"/"al"… allowed between two capitals) is a name.
 * Leading stop words and person titles are dropped ("The", "Defense Secretary");
 * a lone capitalized word at a sentence start counts only when the article also
 * capitalizes it mid-sentence. Gazetteer places inside a run are emitted too
 * ("North Korean Foreign Ministry" → entity + place `north korea`). A one-word
 * name equal to the last word of a longer name in the same article takes that
 * name's key (a surname after the full name).
 */
export function extractEntities(doc: Pick<Doc, 'text' | 'tokens'>, gazetteer: Gazetteer = loadGazetteer()): EntityMention[] {
  return entitiesOf(doc, gazetteer, null);
}

/** {@link extractEntities} with the caller's stop-word flags per token (`stopwordFlags(tokens)`), when it has them. */
export function entitiesOf(doc: Pick<Doc, 'text' | 'tokens'>, gazetteer: Gazetteer, stopFlags: Uint8Array | null): EntityMention[] {
  const { text, tokens } = doc;
  const stop = stopFlags ?? stopwordFlags(tokens);
  const facts = formFacts(text, tokens, stop, gazetteer);
  const headlines = headlineSentences(text, tokens, stop);
  // Words the article capitalizes mid-sentence: evidence that a sentence-initial capital is a name.
  // Marked per normal form (by its id: forms of one norm share it) with this article's stamp.
  const { capMid } = facts.memo;
  const stamp = ++articleStamp;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isCapWord(t) && tokens[i - 1]!.sent === t.sent && headlines[t.sent] === 0) capMid[facts.normOf(i)] = stamp;
  }
  const out: EntityMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    if (!isCapWord(first)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j]!;
      const prev = tokens[j - 1]!;
      // A possessive ends a name: "South Korea’s KF-16", "Japan's JS Atago".
      if (t.sent !== first.sent || !joinable(text, prev, t) || prev.norm.length < prev.end - prev.start - 1) break;
      if (isCapWord(t)) {
        j++;
        continue;
      }
      const next = tokens[j + 1];
      if (facts.of(j) & CONNECTOR && !t.cap && next && next.sent === t.sent && isCapWord(next) && joinable(text, t, next)) {
        j += 2;
        continue;
      }
      break;
    }
    emitRun(text, tokens, facts, i, j, headlines[first.sent] === 1, stamp, gazetteer, out);
    i = j;
  }
  return foldSurnames(out);
}

/**
 * Facts of a word form for the name rules, decided once per entry of the text stage's form table
 * (tokenForms) rather than once per token (a Set look-up keyed by a string, or a slice, per token):
 * bits below; `norm[e]`: an id of the form's normal form (for the mid-sentence capitals of an article,
 * stamped in `capMid`). One memo per form table and gazetteer (titles and places are the gazetteer's).
 */
interface NameMemo {
  gazetteer: Gazetteer;
  places: number;
  facts: Uint8Array;
  norm: Int32Array;
  normIds: Map<string, number>;
  capMid: Int32Array;
}
const F_KNOWN = 1;
/** {@link isWeak}. */
const WEAK = 2;
const TITLE = 4;
const TITLE_MODIFIER = 8;
const CONNECTOR = 16;
/** The first word of the norm starts a gazetteer place. */
const PLACE_START = 32;
/** Every word of the norm is a month, a day or starts with a digit ({@link allCalendarWords}). */
const CALENDAR_WORDS = 64;

const nameMemos = new WeakMap<object, NameMemo>();
let articleStamp = 0;

interface FormFacts {
  ids: readonly number[] | Int32Array;
  memo: NameMemo;
  /** The facts of token k (a word token), decided on first sight of its form. */
  of: (k: number) => number;
  normOf: (k: number) => number;
}

function emptyNameMemo(gazetteer: Gazetteer, size: number, normIds: Map<string, number>, capMid = 0): NameMemo {
  return { gazetteer, places: gazetteer.places.size, facts: new Uint8Array(size), norm: new Int32Array(size), normIds, capMid: new Int32Array(Math.max(size, normIds.size + 1, capMid)) };
}

function formFacts(text: string, tokens: readonly Token[], stop: Uint8Array, gaz: Gazetteer): FormFacts {
  const forms = tokenForms(tokens);
  let ids: readonly number[] | Int32Array;
  let memo: NameMemo;
  if (forms) {
    ids = forms.ids;
    let size = 0;
    for (let i = 0; i < ids.length; i++) if (ids[i]! >= size) size = ids[i]! + 1;
    let known = nameMemos.get(forms.table);
    if (known && (known.gazetteer !== gaz || known.places !== gaz.places.size)) known = undefined;
    if (!known || known.facts.length < size) {
      const grown = emptyNameMemo(gaz, Math.max(size, 2 * (known?.facts.length ?? 2048)), known?.normIds ?? new Map(), known?.capMid.length);
      if (known) {
        grown.facts.set(known.facts);
        grown.norm.set(known.norm);
        grown.capMid.set(known.capMid);
      }
      nameMemos.set(forms.table, (known = grown));
    }
    memo = known;
  } else {
    ids = new Int32Array(tokens.length);
    for (let i = 0; i < ids.length; i++) ids[i] = i;
    memo = emptyNameMemo(gaz, tokens.length, new Map());
  }
  const { facts, norm, normIds } = memo;
  const starts = placeStartsOf(gaz.places);
  const of = (k: number): number => {
    const e = ids[k]!;
    let f = facts[e]!;
    if (f !== 0) return f;
    const t = tokens[k]!;
    f = F_KNOWN;
    if (isWeak(text, t, stop[k]!)) f |= WEAK;
    if (gaz.titles.has(t.norm)) f |= TITLE;
    if (gaz.titleModifiers.has(t.norm)) f |= TITLE_MODIFIER;
    if (CONNECTORS.has(t.norm)) f |= CONNECTOR;
    if (starts.has(firstWord(t.norm))) f |= PLACE_START;
    if (allCalendarWords(tokens, k, k + 1)) f |= CALENDAR_WORDS;
    facts[e] = f;
    return f;
  };
  if (memo.capMid.length <= normIds.size + ids.length) {
    const grown = new Int32Array(2 * (normIds.size + ids.length) + 1);
    grown.set(memo.capMid);
    memo.capMid = grown;
  }
  /** The id of token k's normal form (first sight of a form: one Map look-up); capMid has room for it. */
  const normOf = (k: number): number => {
    const e = ids[k]!;
    let n = norm[e]!;
    if (n === 0) {
      const key = tokens[k]!.norm;
      n = normIds.get(key) ?? 0;
      if (n === 0) normIds.set(key, (n = normIds.size + 1));
      norm[e] = n;
    }
    return n;
  };
  return { ids, memo, of, normOf };
}

/** First words (up to the first space) of the gazetteer's place keys: a position starting none of them matches no place. */
const placeStarts = new WeakMap<ReadonlyMap<string, string>, { size: number; starts: Set<string> }>();

function placeStartsOf(places: ReadonlyMap<string, string>): Set<string> {
  const known = placeStarts.get(places);
  if (known && known.size === places.size) return known.starts;
  const starts = new Set<string>();
  for (const k of places.keys()) starts.add(firstWord(k));
  placeStarts.set(places, { size: places.size, starts });
  return starts;
}

function firstWord(s: string): string {
  const sp = s.indexOf(' ');
  return sp < 0 ? s : s.slice(0, sp);
}

/** A word that never starts or ends a name: a stop word (unless written in capitals: "US"), a month or day, a connector. */
function isWeak(text: string, tok: Token, stop: number): boolean {
  // `stop`: the token's stopword flag (every token of a run is a word, so isStopword(tok.norm)).
  if (stop === 1) {
    // "US" is a place, not the pronoun: an all-capitals stop word stays.
    const surface = text.slice(tok.start, tok.end);
    const allCaps = surface.length > 1 && surface === surface.toUpperCase() && /\p{Lu}/u.test(surface);
    if (!allCaps) return true;
  }
  return CALENDAR.has(tok.norm) || CONNECTORS.has(tok.norm);
}

/** Every word of `key` (joined by spaces) is a month, a day or starts with a digit. */
function allCalendarWords(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const norm = tokens[k]!.norm;
    const words = norm.includes(' ') || norm === '' ? norm.split(' ') : [norm];
    for (const w of words) {
      const c = w.charCodeAt(0);
      if (!(CALENDAR.has(w) || (c >= 48 && c <= 57))) return false;
    }
  }
  return true;
}

function emitRun(
  text: string,
  tokens: readonly Token[],
  facts: FormFacts,
  from: number,
  to: number,
  headline: boolean,
  stamp: number,
  gaz: Gazetteer,
  out: EntityMention[],
): void {
  const of = facts.of;
  let places: EntityMention[] | null = null;
  // Longest gazetteer match at each position.
  for (let p = from; p < to; ) {
    let matched = 0;
    if (of(p) & PLACE_START) {
      for (let n = Math.min(gaz.maxPlaceTokens, to - p); n >= 1 && !matched; n--) {
        const key = keyOf(tokens, p, p + n);
        const place = gaz.places.get(key);
        if (place) {
          (places ??= []).push({ key: place, kind: 'place', start: tokens[p]!.start, end: tokens[p + n - 1]!.end });
          matched = n;
        }
      }
    }
    p += matched || 1;
  }
  let a = from;
  while (a < to && of(a) & WEAK) a++;
  // Titles: the name is what follows the last person title ("Russian President Vladimir Putin" →
  // vladimir putin; "Secretary of State Antony Blinken" → antony blinken); "Foreign Ministry" stays whole.
  let lastTitle = -1;
  for (let k = a; k < to - 1; k++) if (of(k) & TITLE) lastTitle = k;
  if (lastTitle >= 0) {
    let t = lastTitle + 1;
    while (t < to && of(t) & (WEAK | TITLE_MODIFIER | TITLE)) t++;
    if (t < to) a = t;
  } else {
    let t = a;
    while (t < to && of(t) & TITLE_MODIFIER) t++;
    if (t > a && to - t >= 2) a = t;
  }
  let b = to;
  while (b > a && of(b - 1) & WEAK) b--;
  if (b > a) {
    let allTitles = true;
    for (let k = a; k < b && allTitles; k++) allTitles = (of(k) & (TITLE | TITLE_MODIFIER)) !== 0;
    if (allTitles) b = a;
  }
  let entity: EntityMention | null = null;
  if (!headline && b > a) {
    const isPlace = places !== null && places.length === 1 && places[0]!.start === tokens[a]!.start && places[0]!.end === tokens[b - 1]!.end;
    const sentenceStart = a === from && (from === 0 || tokens[from - 1]!.sent !== tokens[from]!.sent);
    const loneInitial = b - a === 1 && sentenceStart && facts.memo.capMid[facts.normOf(a)] !== stamp;
    let calendar = true;
    for (let k = a; k < b && calendar; k++) calendar = (of(k) & CALENDAR_WORDS) !== 0;
    if (!isPlace && !loneInitial && !calendar) {
      const whole = keyOf(tokens, a, b);
      if (whole.length > 1) entity = { key: whole, kind: 'entity', start: tokens[a]!.start, end: tokens[b - 1]!.end };
    }
  }
  // In text order (start, end, then kind: entity before place); runs are disjoint and come in order,
  // and a run's places do not overlap, so the mentions of the article come out sorted.
  if (places === null) {
    if (entity) out.push(entity);
    return;
  }
  for (const p of places) {
    if (entity && (entity.start < p.start || (entity.start === p.start && entity.end <= p.end))) {
      out.push(entity);
      entity = null;
    }
    out.push(p);
  }
  if (entity) out.push(entity);
}

function keyOf(tokens: readonly Token[], from: number, to: number): string {
  let s = tokens[from]!.norm;
  for (let k = from + 1; k < to; k++) s += ' ' + tokens[k]!.norm;
  return s;
}

/** Folds a lone surname into the article's one full name ending with it; `mentions` in text order, changed in place. */
function foldSurnames(mentions: EntityMention[]): EntityMention[] {
  const byLast = new Map<string, string | null>();
  for (const m of mentions) {
    if (m.kind !== 'entity') continue;
    const sp = m.key.lastIndexOf(' ');
    if (sp < 0) continue;
    const last = m.key.slice(sp + 1);
    const seen = byLast.get(last);
    // Two different full names share the surname: ambiguous, leave the lone mention alone.
    byLast.set(last, seen === undefined || seen === m.key ? m.key : null);
  }
  if (byLast.size === 0) return mentions;
  for (const m of mentions) {
    if (m.kind !== 'entity' || m.key.includes(' ')) continue;
    const full = byLast.get(m.key);
    if (full) m.key = full;
  }
  return mentions;
}

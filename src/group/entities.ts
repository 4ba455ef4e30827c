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
import { isStopword, normalizeWord, tokenOffsets } from '../text/index.js';

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
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu'),
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

/** Text between two tokens that may sit inside one name: a space, a hyphen, or ". " after an initial. */
function joinable(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  if (gap === ' ' || gap === '\u00a0' || gap === '-' || gap === ' - ') return true;
  return (gap === '. ' || gap === '.') && a.end - a.start === 1;
}

/**
 * Sentences written in title case or capitals (headlines, menus: no closing
 * period, and at least 80% of content words capitalized), so capitalization says nothing about names there. Only gazetteer
 * places are taken from them.
 */
function headlineSentences(text: string, tokens: readonly Token[]): Set<number> {
  const content = new Map<number, [number, number]>();
  // A sentence that ends with . ! ? (or a closing quote after one) is prose, however many names it holds.
  const prose = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!next || next.sent !== t.sent) {
      if (/[.!?]["'”’)]?\s*$/.test(text.slice(t.end, next ? next.start : text.length).split('\n')[0]!)) prose.add(t.sent);
    }
  }
  for (const t of tokens) {
    if (t.kind !== 'word' || isStopword(t.norm)) continue;
    const c = content.get(t.sent) ?? [0, 0];
    c[0]++;
    if (t.cap) c[1]++;
    content.set(t.sent, c);
  }
  const out = new Set<number>();
  for (const [sent, [n, caps]] of content) if (n >= 3 && caps / n >= 0.8 && !prose.has(sent)) out.add(sent);
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
  const { text, tokens } = doc;
  const headlines = headlineSentences(text, tokens);
  // Words the article capitalizes mid-sentence: evidence that a sentence-initial capital is a name.
  const capMidSentence = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isCapWord(t) && tokens[i - 1]!.sent === t.sent && !headlines.has(t.sent)) capMidSentence.add(t.norm);
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
      if (CONNECTORS.has(t.norm) && !t.cap && next && next.sent === t.sent && isCapWord(next) && joinable(text, t, next)) {
        j += 2;
        continue;
      }
      break;
    }
    emitRun(text, tokens, i, j, headlines.has(first.sent), capMidSentence, gazetteer, out);
    i = j;
  }
  return foldSurnames(out);
}

function emitRun(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  headline: boolean,
  capMidSentence: ReadonlySet<string>,
  gaz: Gazetteer,
  out: EntityMention[],
): void {
  const places: EntityMention[] = [];
  // Longest gazetteer match at each position.
  for (let p = from; p < to; ) {
    let matched = 0;
    for (let n = Math.min(gaz.maxPlaceTokens, to - p); n >= 1 && !matched; n--) {
      const key = keyOf(tokens, p, p + n);
      const place = gaz.places.get(key);
      if (place) {
        places.push({ key: place, kind: 'place', start: tokens[p]!.start, end: tokens[p + n - 1]!.end });
        matched = n;
      }
    }
    p += matched || 1;
  }
  const weak = (k: number): boolean => {
    const tok = tokens[k]!;
    // "US" is a place, not the pronoun: an all-capitals stop word stays.
    const surface = text.slice(tok.start, tok.end);
    const allCaps = surface.length > 1 && surface === surface.toUpperCase() && /\p{Lu}/u.test(surface);
    return (isStopword(tok.norm) && !allCaps) || CALENDAR.has(tok.norm) || CONNECTORS.has(tok.norm);
  };
  let a = from;
  while (a < to && weak(a)) a++;
  // Titles: the name is what follows the last person title ("Russian President Vladimir Putin" →
  // vladimir putin; "Secretary of State Antony Blinken" → antony blinken); "Foreign Ministry" stays whole.
  let lastTitle = -1;
  for (let k = a; k < to - 1; k++) if (gaz.titles.has(tokens[k]!.norm)) lastTitle = k;
  if (lastTitle >= 0) {
    let t = lastTitle + 1;
    while (t < to && (weak(t) || gaz.titleModifiers.has(tokens[t]!.norm) || gaz.titles.has(tokens[t]!.norm))) t++;
    if (t < to) a = t;
  } else {
    let t = a;
    while (t < to && gaz.titleModifiers.has(tokens[t]!.norm)) t++;
    if (t > a && to - t >= 2) a = t;
  }
  let b = to;
  while (b > a && weak(b - 1)) b--;
  if (b > a && [...Array(b - a).keys()].every((k) => gaz.titles.has(tokens[a + k]!.norm) || gaz.titleModifiers.has(tokens[a + k]!.norm))) b = a;
  const whole = b > a ? keyOf(tokens, a, b) : '';
  const isPlace = places.length === 1 && places[0]!.start === tokens[a]?.start && places[0]!.end === tokens[b - 1]?.end;
  const allCalendar = whole.split(' ').every((w) => CALENDAR.has(w) || /^\d/.test(w));
  const sentenceStart = a === from && (from === 0 || tokens[from - 1]!.sent !== tokens[from]!.sent);
  const loneInitial = b - a === 1 && sentenceStart && !capMidSentence.has(tokens[a]!.norm);
  if (!headline && whole && !isPlace && !allCalendar && !loneInitial && whole.length > 1) {
    out.push({ key: whole, kind: 'entity', start: tokens[a]!.start, end: tokens[b - 1]!.end });
  }
  out.push(...places);
}

function keyOf(tokens: readonly Token[], from: number, to: number): string {
  let s = tokens[from]!.norm;
  for (let k = from + 1; k < to; k++) s += ' ' + tokens[k]!.norm;
  return s;
}

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
  return mentions
    .map((m) => {
      if (m.kind !== 'entity' || m.key.includes(' ')) return m;
      const full = byLast.get(m.key);
      return full ? { ...m, key: full } : m;
    })
    .sort((x, y) => x.start - y.start || x.end - y.end || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0));
}

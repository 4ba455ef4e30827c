/**
 * Actor mentions in one article: alias-table matches (longest first), generic
 * descriptive noun phrases ("the reclusive country") linked to the most salient
 * earlier country, and capitalized sequences for actors the table lacks.
 */
import type { Doc } from '../../doc/types.js';
import { distance, isStopword } from '../../text/index.js';
import { tokenLayer, typeKind, typeNorm, typeValues, TOKEN_CAP, TOKEN_NUMBER, type TokenLayer, type TypeValues } from '../loaded/vocab.js';
import { aliasIndex, type ActorType, type Alias, type AliasIndex, type NameKind } from './actors.js';

export interface Mention {
  start: number;
  end: number;
  actorId: string;
  label: string;
  type: ActorType;
  /** The name as reports show it: the table's spelling, or the text's for generic phrases and unknown actors. */
  name: string;
  kind: NameKind;
  /** 'alias' = table match; 'variant' = Jaro-Winkler match to a table name; 'coreference' = descriptive phrase linked to an earlier actor; 'capitalized' = unknown actor. */
  via: 'alias' | 'variant' | 'coreference' | 'capitalized';
}

/** Heads of descriptive phrases that stand for a state ("the isolated nation"). */
const STATE_HEADS = new Set(['nation', 'country', 'regime', 'kingdom', 'state', 'republic']);
/** Adjectives that make a descriptive phrase disparaging. */
const PEJORATIVE = new Set(['rogue', 'pariah', 'outlaw', 'puppet', 'despotic', 'tyrannical', 'criminal', 'gangster', 'warmongering', 'belligerent', 'evil', 'brutal', 'terrorist', 'bandit', 'fascist']);
/** Capitalized words that are not actors: calendar words and titles kept out of unknown-actor names. */
const NOT_ACTOR = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mr', 'mrs', 'ms', 'dr', 'file', 'photo', 'read', 'more', 'advertisement', 'home', 'news', 'top', 'stories',
]);
/** Titles dropped from the edges of unknown-actor names ("President", "Secretary General"). */
const TITLES = new Set(['president', 'secretary', 'general', 'minister', 'prime', 'senator', 'sen', 'rep', 'gov', 'governor', 'chairman', 'leader', 'supreme', 'vice', 'spokesperson', 'spokesman', 'spokeswoman', 'ambassador', 'director', 'chief', 'commander', 'admiral', 'analyst', 'professor', 'lawyer', 'attorney', 'officer', 'official', 'reporter']);
/** Jaro-Winkler similarity above which an unknown capitalized name is taken as a spelling variant of a table name. */
export const VARIANT_JW = 0.95;
/** Size bound of the per-surface caches (variant lookups, unknown-actor keys): cleared when full, so memory stays flat over millions of articles. */
const CACHE_MAX = 50_000;

/** Tokens a and b (indices) joined by nothing, one space, a hyphen or a no-break space (compared by char code: no slice per call). */
function gapJoins(text: string, layer: TokenLayer, a: number, b: number): boolean {
  const end = layer.ends[a]!;
  const n = layer.starts[b]! - end;
  if (n === 0) return true;
  if (n !== 1) return false;
  const c = text.charCodeAt(end);
  return c === 0x20 || c === 0x2d || c === 0xa0;
}

/** A capitalized word (not a number). */
function capWord(layer: TokenLayer, i: number): boolean {
  return (layer.flags[i]! & (TOKEN_CAP | TOKEN_NUMBER)) === TOKEN_CAP;
}

const LOWER = /\p{Ll}/u;

/** Whether text[start, end) has a lower-case letter (\p{Ll}): ASCII by char code, the rest (rare) by the regex. */
function hasLower(text: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128) return LOWER.test(text.slice(start, end));
  }
  return false;
}

/**
 * What detectMentions asks of a word type, as bits of one number per type id
 * (vocab.ts), computed once per type: its alias list (index + 1, above
 * the flag bits; 0: no alias starts with it) and flags.
 */
const LONG_WORD = 1;
/** Dropped from the start of an unknown-actor name (stopword, calendar word, title). */
const EDGE = 2;
/** Dropped from the end of an unknown-actor name (stopword, calendar word). */
const TRIM = 4;
const THE = 8;
const OF = 16;
/** The normal form is longer than one character. */
const NORM_LONG = 32;
/** A head of descriptive state phrases (STATE_HEADS); STATE: the head "state" itself. */
const STATE_HEAD = 64;
const STATE = 128;
const LIST_SHIFT = 8;

/**
 * The aliases starting with one word, longest first (AliasIndex.byFirst), and for a long list
 * ("the" starts twenty-odd descriptive phrases) the same list narrowed by the second word:
 * `bySecond.get(w)` keeps, in list order, the one-word aliases and those whose second word is w;
 * `singles` the one-word aliases alone (any other second word). A "the" then costs a look-up,
 * not a comparison per phrase.
 */
interface AliasList {
  all: readonly Alias[];
  bySecond: Map<string, readonly Alias[]> | null;
  singles: readonly Alias[];
}

function aliasList(all: readonly Alias[]): AliasList {
  const singles = all.filter((a) => a.norms.length === 1);
  if (all.length - singles.length <= 4) return { all, bySecond: null, singles };
  const bySecond = new Map<string, readonly Alias[]>();
  for (const a of all) {
    const second = a.norms[1];
    if (second !== undefined && !bySecond.has(second)) bySecond.set(second, all.filter((b) => b.norms.length === 1 || b.norms[1] === second));
  }
  return { all, bySecond, singles };
}

function typeInfo(id: number, derived: Derived, idx: AliasIndex): number {
  const norm = typeNorm(id);
  let v = 0;
  if (typeKind(id) === 'word' && norm.length >= 4) v |= LONG_WORD;
  const stop = isStopword(norm);
  if (stop || NOT_ACTOR.has(norm) || TITLES.has(norm)) v |= EDGE;
  if (stop || NOT_ACTOR.has(norm)) v |= TRIM;
  if (norm === 'the') v |= THE;
  if (norm === 'of') v |= OF;
  if (norm.length > 1) v |= NORM_LONG;
  if (STATE_HEADS.has(norm)) v |= STATE_HEAD;
  if (norm === 'state') v |= STATE;
  const list = idx.byFirst.get(norm);
  if (list) {
    derived.lists.push(aliasList(list));
    v |= derived.lists.length << LIST_SHIFT;
  }
  return v;
}

/** Type info (typeInfo) of every token of the doc. */
function tokenInfo(layer: TokenLayer, idx: AliasIndex, derived: Derived): Int32Array {
  const types = layer.types;
  const table = typeValues(derived.types, idx);
  // A new table (the vocabulary started over): the lists it pointed into go too.
  if (table !== derived.types) derived.lists = [];
  derived.types = table;
  const values = table.values;
  const info = new Int32Array(types.length);
  for (let i = 0; i < types.length; i++) {
    const id = types[i]!;
    let v = values[id]!;
    if (v === -2) values[id] = v = typeInfo(id, derived, idx);
    info[i] = v;
  }
  return info;
}

function matchAliasAt(doc: Doc, layer: TokenLayer, i: number, aliases: AliasList | undefined): Alias | null {
  const { tokens, text } = doc;
  if (!aliases) return null;
  let list = aliases.all;
  if (aliases.bySecond) list = (i + 1 < tokens.length ? aliases.bySecond.get(tokens[i + 1]!.norm) : undefined) ?? aliases.singles;
  for (const a of list) {
    const n = a.norms.length;
    if (i + n > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const tk = tokens[i + k]!;
      if (tk.norm !== a.norms[k]) ok = false;
      else if (k > 0 && !gapJoins(text, layer, i + k - 1, i + k)) ok = false;
      else if (a.acronym && hasLower(text, tk.start, tk.end)) ok = false;
    }
    if (!ok) continue;
    // Proper names must be capitalized in the text ("china" the dishware is not China); descriptive phrases need not be.
    if (a.kind === 'descriptive' || a.kind === 'pejorative') return a;
    for (let k = 0; k < n; k++) if (layer.flags[i + k]! & TOKEN_CAP) return a;
  }
  return null;
}

/**
 * matchAliasAt memoized per token (`memo[i]`, undefined = not asked yet):
 * detectMentions asks about the same token up to three times (variant check,
 * alias match, unknown-run extension). Tokens whose type starts no alias are
 * answered from `info` without a memo entry.
 */
function matchAlias(doc: Doc, layer: TokenLayer, i: number, info: Int32Array, lists: readonly AliasList[], memo: (Alias | null | undefined)[]): Alias | null {
  const list = info[i]! >>> LIST_SHIFT;
  if (list === 0) return null;
  let a = memo[i];
  if (a === undefined) memo[i] = a = matchAliasAt(doc, layer, i, lists[list - 1]);
  return a;
}

/** Mentions of actors in `doc`, sorted by start. Pure and deterministic. */
export function detectMentions(doc: Doc, idx: AliasIndex = aliasIndex()): Mention[] {
  const out: Mention[] = [];
  const { tokens, text } = doc;
  const lastCountry: { id: string; label: string; sent: number }[] = [];
  const countryCounts = new Map<string, number>();
  const derived = derivedOf(idx);
  const layer = tokenLayer(doc);
  const info = tokenInfo(layer, idx, derived);
  const lists = derived.lists;
  const { starts, ends, sents } = layer;
  const titleCase = titleCaseSentences(layer, info, doc.sentences.length);
  const memo = new Array<Alias | null | undefined>(tokens.length);
  let i = 0;
  while (i < tokens.length) {
    const start = starts[i]!;
    const sent = sents[i]!;
    // A capitalized run that is not exactly a table name but spelled like one ("Democratic Peoples Republic of Korea").
    if (capWord(layer, i)) {
      const runEnd = capRunEnd(text, layer, i, info);
      const exact = matchAlias(doc, layer, i, info, lists, memo);
      if (runEnd > i && (!exact || exact.norms.length < runEnd - i + 1)) {
        const variant = closestAliasAt(text, start, ends[runEnd]!, derived);
        if (variant) {
          out.push({ start, end: ends[runEnd]!, actorId: variant.actorId, label: variant.label, type: variant.type, name: variant.name, kind: variant.kind, via: 'variant' });
          if (variant.type === 'country') {
            lastCountry.push({ id: variant.actorId, label: variant.label, sent });
            countryCounts.set(variant.actorId, (countryCounts.get(variant.actorId) ?? 0) + 1);
          }
          i = runEnd + 1;
          continue;
        }
      }
    }
    const alias = matchAlias(doc, layer, i, info, lists, memo);
    if (alias) {
      const end = ends[i + alias.norms.length - 1]!;
      out.push({ start, end, actorId: alias.actorId, label: alias.label, type: alias.type, name: surfaceName(text.slice(start, end), alias.kind), kind: alias.kind, via: 'alias' });
      if (alias.type === 'country') {
        lastCountry.push({ id: alias.actorId, label: alias.label, sent });
        countryCounts.set(alias.actorId, (countryCounts.get(alias.actorId) ?? 0) + 1);
      }
      i += alias.norms.length;
      continue;
    }
    // Generic descriptive phrase: "the" + up to two lower-case modifiers + a state head noun.
    // (matchDescriptive is pure: asked only when a country can be linked.)
    if (info[i]! & THE && lastCountry.length > 0) {
      const desc = matchDescriptive(text, layer, info, i);
      if (desc) {
        const target = salientCountry(lastCountry, countryCounts, sent);
        if (target) {
          const end = ends[desc.last]!;
          const phrase = text.slice(start, end).toLowerCase();
          const words = tokens.slice(i + 1, desc.last).map((x) => x.norm);
          const kind: NameKind = words.some((w) => PEJORATIVE.has(w)) ? 'pejorative' : 'descriptive';
          out.push({ start, end, actorId: target.id, label: target.label, type: 'country', name: phrase, kind, via: 'coreference' });
          i = desc.last + 1;
          continue;
        }
      }
    }
    // Unknown actor: a run of capitalized words (inner "of" allowed), not at sentence start when alone.
    if (capWord(layer, i)) {
      let j = i;
      while (j + 1 < tokens.length) {
        if (capWord(layer, j + 1) && gapJoins(text, layer, j, j + 1) && !matchAlias(doc, layer, j + 1, info, lists, memo)) j++;
        else if (info[j + 1]! & OF && j + 2 < tokens.length && layer.flags[j + 2]! & TOKEN_CAP && gapJoins(text, layer, j, j + 1) && gapJoins(text, layer, j + 1, j + 2) && !matchAlias(doc, layer, j + 2, info, lists, memo)) j += 2;
        else break;
      }
      let s = i;
      while (s <= j && info[s]! & EDGE) s++;
      let e = j;
      while (e >= s && info[e]! & TRIM) e--;
      const sentenceStart = i === 0 || sents[i - 1] !== sent;
      if (e >= s && !(s === e && s === i && sentenceStart) && info[s]! & NORM_LONG && titleCase[sent] !== 1) {
        const u = unknownName(text, starts[s]!, ends[e]!);
        out.push({ start: starts[s]!, end: ends[e]!, actorId: u.id, label: u.surface, type: 'unknown', name: u.surface, kind: 'common', via: 'capitalized' });
      }
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

/** Sentences written in Title Case (headlines, menus): every capitalized run there would look like a name (1 by sentence index). */
function titleCaseSentences(layer: TokenLayer, info: Int32Array, sentences: number): Uint8Array {
  // Per-sentence counts of long words and capitalized long words (tokens carry sentence indices < sentences).
  let words = new Int32Array(sentences);
  let caps = new Int32Array(sentences);
  const { sents, flags } = layer;
  for (let i = 0; i < sents.length; i++) {
    if ((info[i]! & LONG_WORD) === 0) continue;
    const s = sents[i]!;
    if (s >= words.length) {
      const grown = new Int32Array(s + 1);
      grown.set(words);
      words = grown;
      const grownCaps = new Int32Array(s + 1);
      grownCaps.set(caps);
      caps = grownCaps;
    }
    words[s] = words[s]! + 1;
    if (flags[i]! & TOKEN_CAP) caps[s] = caps[s]! + 1;
  }
  const out = new Uint8Array(words.length);
  // Title Case: at least three capitalized long words and no lower-case one ("Condemns Joint Drills In The Region").
  for (let s = 0; s < words.length; s++) if (caps[s]! >= 3 && caps[s] === words[s]) out[s] = 1;
  return out;
}

function matchDescriptive(text: string, layer: TokenLayer, info: Int32Array, i: number): { last: number } | null {
  const { flags, sents, ends } = layer;
  for (let k = i + 1; k <= i + 3 && k < flags.length; k++) {
    if (flags[k]! & (TOKEN_CAP | TOKEN_NUMBER) || sents[k] !== sents[i]) return null;
    if (info[k]! & STATE_HEAD) {
      // A bare "the state" is too generic ("the state media"); "the state-run" is an adjective.
      if (info[k]! & STATE && k === i + 1) return null;
      if (text.charCodeAt(ends[k]!) === 0x2d) return null;
      return { last: k };
    }
  }
  return null;
}

function salientCountry(history: readonly { id: string; label: string; sent: number }[], counts: Map<string, number>, sent: number): { id: string; label: string } | null {
  const last = history[history.length - 1]!;
  // The last country named in this or the previous two sentences wins; else the most often named so far.
  if (sent - last.sent <= 2) return last;
  let best: { id: string; label: string } | null = null;
  let bestN = 0;
  for (const h of history) {
    const n = counts.get(h.id) ?? 0;
    if (n > bestN || (n === bestN && best && h.id < best.id)) {
      best = h;
      bestN = n;
    }
  }
  return best;
}

/** Index of the last token of the capitalized run starting at `i` (inner "of" allowed). */
function capRunEnd(text: string, layer: TokenLayer, i: number, info: Int32Array): number {
  const n = layer.types.length;
  let j = i;
  while (j + 1 < n) {
    if (capWord(layer, j + 1) && gapJoins(text, layer, j, j + 1)) j++;
    else if (info[j + 1]! & OF && j + 2 < n && layer.flags[j + 2]! & TOKEN_CAP && gapJoins(text, layer, j, j + 1) && gapJoins(text, layer, j + 1, j + 2)) j += 2;
    else break;
  }
  return j;
}

/** The name as written, for reports: possessive dropped, a leading "The" of descriptive phrases lower-cased. */
function surfaceName(surface: string, kind: NameKind): string {
  const s = surface.replace(/['’]s$/, '').replace(/\s+/g, ' ');
  return kind === 'descriptive' || kind === 'pejorative' ? s.replace(/^The\b/, 'the') : s;
}

/** Comparison key of an unknown actor's name: lower case, titles dropped. */
export function unknownKey(surface: string): string {
  return surface
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** An unknown actor's name as written, and its id (`x:` + unknownKey). */
interface UnknownName {
  surface: string;
  id: string;
}

/**
 * Values by surface, found from the text's characters without slicing it (the
 * same names recur across articles): open addressing over FNV-1a hashes of the
 * surface (slot s: hash at [2s], entry + 1 at [2s + 1]), each entry's characters
 * in `pool` to compare with. Bounded: cleared when full (CACHE_MAX < SURFACE_SLOTS / 2,
 * so probes stay short).
 */
const SURFACE_SLOTS = 1 << 17;
interface SurfaceTable<T> {
  slots: Int32Array;
  values: T[];
  starts: number[];
  pool: Uint16Array;
  used: number;
}

function surfaceTable<T>(): SurfaceTable<T> {
  return { slots: new Int32Array(2 * SURFACE_SLOTS), values: [], starts: [0], pool: new Uint16Array(1 << 16), used: 0 };
}

/** The hash of the surface last looked up (surfaceGet), for the surfaceAdd that follows a miss. */
let lastHash = 0;

function surfaceGet<T>(t: SurfaceTable<T>, text: string, start: number, end: number): T | undefined {
  let h = 0x811c9dc5;
  for (let p = start; p < end; p++) h = Math.imul(h ^ text.charCodeAt(p), 0x01000193);
  lastHash = h;
  const mask = SURFACE_SLOTS - 1;
  const len = end - start;
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const e = t.slots[2 * s + 1]!;
    if (e === 0) return undefined;
    if (t.slots[2 * s] === h) {
      const from = t.starts[e - 1]!;
      if (t.starts[e]! - from === len) {
        let k = 0;
        while (k < len && t.pool[from + k] === text.charCodeAt(start + k)) k++;
        if (k === len) return t.values[e - 1]!;
      }
    }
  }
}

/** Adds the surface text[start, end) that surfaceGet just missed. */
function surfaceAdd<T>(t: SurfaceTable<T>, text: string, start: number, end: number, value: T): void {
  const h = lastHash;
  const mask = SURFACE_SLOTS - 1;
  const len = end - start;
  if (t.values.length >= CACHE_MAX) {
    t.slots.fill(0);
    t.values.length = 0;
    t.starts.length = 1;
    t.used = 0;
  }
  let s = h & mask;
  while (t.slots[2 * s + 1] !== 0) s = (s + 1) & mask;
  if (t.used + len > t.pool.length) {
    const grown = new Uint16Array(2 * (t.used + len));
    grown.set(t.pool.subarray(0, t.used));
    t.pool = grown;
  }
  for (let k = 0; k < len; k++) t.pool[t.used + k] = text.charCodeAt(start + k);
  t.used += len;
  t.values.push(value);
  t.starts.push(t.used);
  t.slots[2 * s] = h;
  t.slots[2 * s + 1] = t.values.length;
}

/** An unknown actor's name as written, and its id (`x:` + unknownKey). */
interface UnknownName {
  surface: string;
  id: string;
}

const unknownTable = surfaceTable<UnknownName>();

function unknownName(text: string, start: number, end: number): UnknownName {
  const hit = surfaceGet(unknownTable, text, start, end);
  if (hit) return hit;
  const surface = text.slice(start, end);
  const name: UnknownName = { surface, id: `x:${unknownKey(surface)}` };
  surfaceAdd(unknownTable, text, start, end, name);
  return name;
}

interface VariantCandidate {
  alias: Alias;
  lower: string;
  /** Character counts in 32 buckets (char code & 31) of `lower`: bounds the Jaro match count from above. */
  hist: Uint16Array;
}

/** What detectMentions derives once per alias index. */
interface Derived {
  /** Table names a capitalized run may be a spelling variant of, in idx.aliases order. */
  candidates: VariantCandidate[];
  /** Per surface length below BY_LENGTH: the candidates of a similar length (closestAliasIn's length test), in candidates order. */
  byLength: VariantCandidate[][];
  /** closestAlias answers by surface; bounded, cleared when full. */
  variants: SurfaceTable<Alias | null>;
  /** Type info by type id (tokenInfo), and the alias lists it points into. */
  types: TypeValues | null;
  lists: AliasList[];
}

const derivedByIndex = new WeakMap<AliasIndex, Derived>();

/** Surface lengths with their own candidate list (longer ones, rare, scan all candidates). */
const BY_LENGTH = 128;

/** Similar length only: a longer name that starts with a table name is another actor ("North Korean Foreign Ministry"). */
function similarLength(a: number, b: number): boolean {
  return !(Math.min(a, b) / Math.max(a, b) < 0.85);
}

function charHist(s: string): Uint16Array {
  const h = new Uint16Array(32);
  for (let k = 0; k < s.length; k++) {
    const b = s.charCodeAt(k) & 31;
    h[b] = h[b]! + 1;
  }
  return h;
}

function derivedOf(idx: AliasIndex): Derived {
  let d = derivedByIndex.get(idx);
  if (!d) {
    const candidates: VariantCandidate[] = [];
    // Same order as idx.aliases: ties between equal names keep the first alias, as a plain scan would.
    for (const a of idx.aliases) {
      if (a.kind === 'descriptive' || a.kind === 'pejorative' || a.name.length < 5) continue;
      const lower = a.name.toLowerCase();
      candidates.push({ alias: a, lower, hist: charHist(lower) });
    }
    const byLength: VariantCandidate[][] = [];
    for (let len = 0; len < BY_LENGTH; len++) byLength.push(candidates.filter((c) => similarLength(c.alias.name.length, len)));
    d = { candidates, byLength, variants: surfaceTable(), types: null, lists: [] };
    derivedByIndex.set(idx, d);
  }
  return d;
}

/**
 * The table name most Jaro-Winkler-similar (natural's implementation, ignoring
 * case) to `surface` above VARIANT_JW; ties go to the alphabetically first name.
 * Each candidate is first bounded from above: Jaro's match count m is at most
 * the shared character count M (bucketed, which only overestimates), so
 * Jaro ≤ (M/|s1| + M/|s2| + 1)/3, and Winkler's boost uses the exact common
 * prefix. Only candidates whose bound reaches the best score so far are scored,
 * which gives the same answer as scoring all of them. Only candidates of a similar
 * length are visited (a list per surface length). Answers are cached by surface.
 */
function closestAliasIn(surface: string, derived: Derived): Alias | null {
  if (surface.length < 5) return null;
  const hit = surfaceGet(derived.variants, surface, 0, surface.length);
  if (hit !== undefined) return hit;
  const best = scoreCandidates(surface, derived);
  surfaceAdd(derived.variants, surface, 0, surface.length, best);
  return best;
}

/** closestAliasIn of text[start, end), looked up by its characters: no slice unless it is scored. */
function closestAliasAt(text: string, start: number, end: number, derived: Derived): Alias | null {
  const len = end - start;
  if (len < 5 || (len < BY_LENGTH && derived.byLength[len]!.length === 0)) return null;
  const hit = surfaceGet(derived.variants, text, start, end);
  if (hit !== undefined) return hit;
  const best = scoreCandidates(text.slice(start, end), derived);
  surfaceAdd(derived.variants, text, start, end, best);
  return best;
}

function scoreCandidates(surface: string, derived: Derived): Alias | null {
  const lower = surface.toLowerCase();
  const hist = charHist(lower);
  const len = surface.length;
  let best: Alias | null = null;
  let bestScore = VARIANT_JW;
  const candidates = len < BY_LENGTH ? derived.byLength[len]! : derived.candidates;
  for (const c of candidates) {
    const a = c.alias;
    if (!similarLength(a.name.length, len)) continue;
    let shared = 0;
    for (let b = 0; b < 32; b++) shared += Math.min(hist[b]!, c.hist[b]!);
    let prefix = 0;
    while (prefix < 4 && prefix < lower.length && lower.charCodeAt(prefix) === c.lower.charCodeAt(prefix)) prefix++;
    const jaroMax = shared === 0 ? 0 : Math.min(1, (shared / lower.length + shared / c.lower.length + 1) / 3);
    const bound = jaroMax + prefix * 0.1 * (1 - jaroMax);
    // The margin absorbs rounding differences between this bound and natural's arithmetic.
    if (bound < bestScore - 1e-9) continue;
    const score = distance.JaroWinklerDistance(surface, a.name, { ignoreCase: true });
    if (score > bestScore || (score === bestScore && best && a.name < best.name)) {
      best = a;
      bestScore = score;
    }
  }
  return best;
}

/** closestAliasIn for an alias index (exported for tests: it must agree with scoring every table name). */
export function closestAlias(surface: string, idx: AliasIndex = aliasIndex()): Alias | null {
  return closestAliasIn(surface, derivedOf(idx));
}

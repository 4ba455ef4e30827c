/**
 * Actor mentions in one article: alias-table matches (longest first), generic
 * descriptive noun phrases ("the reclusive country") linked to the most salient
 * earlier country, and capitalized sequences for actors the table lacks.
 */
import type { Doc, Token } from '../../doc/types.js';
import { distance, isStopword } from '../../text/index.js';
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

function gapJoins(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || gap === '-' || gap === '' || gap === '\u00a0';
}

function matchAlias(doc: Doc, i: number, idx: AliasIndex): Alias | null {
  const t = doc.tokens[i]!;
  const list = idx.byFirst.get(t.norm);
  if (!list) return null;
  for (const a of list) {
    if (i + a.norms.length > doc.tokens.length) continue;
    let ok = true;
    for (let k = 0; k < a.norms.length && ok; k++) {
      const tk = doc.tokens[i + k]!;
      if (tk.norm !== a.norms[k]) ok = false;
      else if (k > 0 && !gapJoins(doc.text, doc.tokens[i + k - 1]!, tk)) ok = false;
      else if (a.acronym && /\p{Ll}/u.test(doc.text.slice(tk.start, tk.end))) ok = false;
    }
    // Proper names must be capitalized in the text ("china" the dishware is not China); descriptive phrases need not be.
    if (ok && (a.kind === 'descriptive' || a.kind === 'pejorative' ? true : doc.tokens.slice(i, i + a.norms.length).some((x) => x.cap))) return a;
  }
  return null;
}

/** Mentions of actors in `doc`, sorted by start. Pure and deterministic. */
export function detectMentions(doc: Doc, idx: AliasIndex = aliasIndex()): Mention[] {
  const out: Mention[] = [];
  const { tokens, text } = doc;
  const lastCountry: { id: string; label: string; sent: number }[] = [];
  const countryCounts = new Map<string, number>();
  const titleCase = titleCaseSentences(tokens);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // A capitalized run that is not exactly a table name but spelled like one ("Democratic Peoples Republic of Korea").
    if (t.cap && t.kind === 'word') {
      const runEnd = capRunEnd(doc, i);
      const exact = matchAlias(doc, i, idx);
      if (runEnd > i && (!exact || exact.norms.length < runEnd - i + 1)) {
        const surface = text.slice(t.start, tokens[runEnd]!.end);
        const variant = closestAlias(surface, idx);
        if (variant) {
          out.push({ start: t.start, end: tokens[runEnd]!.end, actorId: variant.actorId, label: variant.label, type: variant.type, name: variant.name, kind: variant.kind, via: 'variant' });
          if (variant.type === 'country') {
            lastCountry.push({ id: variant.actorId, label: variant.label, sent: t.sent });
            countryCounts.set(variant.actorId, (countryCounts.get(variant.actorId) ?? 0) + 1);
          }
          i = runEnd + 1;
          continue;
        }
      }
    }
    const alias = matchAlias(doc, i, idx);
    if (alias) {
      const end = tokens[i + alias.norms.length - 1]!.end;
      out.push({ start: t.start, end, actorId: alias.actorId, label: alias.label, type: alias.type, name: surfaceName(text.slice(t.start, end), alias.kind), kind: alias.kind, via: 'alias' });
      if (alias.type === 'country') {
        lastCountry.push({ id: alias.actorId, label: alias.label, sent: t.sent });
        countryCounts.set(alias.actorId, (countryCounts.get(alias.actorId) ?? 0) + 1);
      }
      i += alias.norms.length;
      continue;
    }
    // Generic descriptive phrase: "the" + up to two lower-case modifiers + a state head noun.
    if (t.norm === 'the') {
      const desc = matchDescriptive(doc, i);
      if (desc && lastCountry.length > 0) {
        const target = salientCountry(lastCountry, countryCounts, t.sent);
        if (target) {
          const endTok = tokens[desc.last]!;
          const phrase = text.slice(t.start, endTok.end).toLowerCase();
          const words = tokens.slice(i + 1, desc.last).map((x) => x.norm);
          const kind: NameKind = words.some((w) => PEJORATIVE.has(w)) ? 'pejorative' : 'descriptive';
          out.push({ start: t.start, end: endTok.end, actorId: target.id, label: target.label, type: 'country', name: phrase, kind, via: 'coreference' });
          i = desc.last + 1;
          continue;
        }
      }
    }
    // Unknown actor: a run of capitalized words (inner "of" allowed), not at sentence start when alone.
    if (t.cap && t.kind === 'word') {
      let j = i;
      while (j + 1 < tokens.length) {
        const n = tokens[j + 1]!;
        if (n.cap && n.kind === 'word' && gapJoins(text, tokens[j]!, n) && !matchAlias(doc, j + 1, idx)) j++;
        else if (n.norm === 'of' && j + 2 < tokens.length && tokens[j + 2]!.cap && gapJoins(text, tokens[j]!, n) && gapJoins(text, n, tokens[j + 2]!) && !matchAlias(doc, j + 2, idx)) j += 2;
        else break;
      }
      const edge = (x: Token): boolean => isStopword(x.norm) || NOT_ACTOR.has(x.norm) || TITLES.has(x.norm);
      let s = i;
      while (s <= j && edge(tokens[s]!)) s++;
      let e = j;
      while (e >= s && (isStopword(tokens[e]!.norm) || NOT_ACTOR.has(tokens[e]!.norm))) e--;
      const sentenceStart = i === 0 || tokens[i - 1]!.sent !== t.sent;
      if (e >= s && !(s === e && s === i && sentenceStart) && tokens[s]!.norm.length > 1 && !titleCase.has(t.sent)) {
        const first = tokens[s]!;
        const last = tokens[e]!;
        const surface = text.slice(first.start, last.end);
        out.push({ start: first.start, end: last.end, actorId: `x:${unknownKey(surface)}`, label: surface, type: 'unknown', name: surface, kind: 'common', via: 'capitalized' });
      }
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

/** Sentences written in Title Case (headlines, menus): every capitalized run there would look like a name. */
function titleCaseSentences(tokens: readonly Token[]): Set<number> {
  const words = new Map<number, [number, number]>();
  for (const t of tokens) {
    if (t.kind !== 'word' || t.norm.length < 4) continue;
    const c = words.get(t.sent) ?? [0, 0];
    c[0]++;
    if (t.cap) c[1]++;
    words.set(t.sent, c);
  }
  const out = new Set<number>();
  // Title Case: at least three capitalized long words and no lower-case one ("Condemns Joint Drills In The Region").
  for (const [sent, [n, cap]] of words) if (cap >= 3 && cap === n) out.add(sent);
  return out;
}

function matchDescriptive(doc: Doc, i: number): { last: number } | null {
  for (let k = i + 1; k <= i + 3 && k < doc.tokens.length; k++) {
    const tk = doc.tokens[k]!;
    if (tk.cap || tk.kind !== 'word' || tk.sent !== doc.tokens[i]!.sent) return null;
    if (STATE_HEADS.has(tk.norm)) {
      // A bare "the state" is too generic ("the state media"); "the state-run" is an adjective.
      if (tk.norm === 'state' && k === i + 1) return null;
      if (doc.text[tk.end] === '-') return null;
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
function capRunEnd(doc: Doc, i: number): number {
  const { tokens, text } = doc;
  let j = i;
  while (j + 1 < tokens.length) {
    const n = tokens[j + 1]!;
    if (n.cap && n.kind === 'word' && gapJoins(text, tokens[j]!, n)) j++;
    else if (n.norm === 'of' && j + 2 < tokens.length && tokens[j + 2]!.cap && gapJoins(text, tokens[j]!, n) && gapJoins(text, n, tokens[j + 2]!)) j += 2;
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

function closestAlias(surface: string, idx: AliasIndex): Alias | null {
  if (surface.length < 5) return null;
  let best: Alias | null = null;
  let bestScore = VARIANT_JW;
  for (const a of idx.aliases) {
    if (a.kind === 'descriptive' || a.kind === 'pejorative' || a.name.length < 5) continue;
    // Similar length only: a longer name that starts with a table name is another actor ("North Korean Foreign Ministry").
    if (Math.min(a.name.length, surface.length) / Math.max(a.name.length, surface.length) < 0.85) continue;
    const score = distance.JaroWinklerDistance(surface, a.name, { ignoreCase: true });
    if (score > bestScore || (score === bestScore && best && a.name < best.name)) {
      best = a;
      bestScore = score;
    }
  }
  return best;
}

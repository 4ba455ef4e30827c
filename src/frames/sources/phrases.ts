/**
 * Small noun-phrase reader for speakers, over the text stage's tokens (no
 * tagger): a speaker phrase is a run of capitalized words, role nouns
 * ("spokesperson", "ministry") and their modifiers, ended by a head that is a
 * capitalized word, a role noun or a personal pronoun.
 */
import type { Doc, Token } from '../../doc/types.js';
import { isStopword } from '../../text/index.js';
import { tokenLayer, typeKind, typeNorm, typeValues, type TypeValues } from '../loaded/vocab.js';
import { reportingVerbs } from './lexicon.js';

/** Nouns that can head a speaker phrase. */
export const ROLE_NOUNS = new Set([
  'spokesperson', 'spokesman', 'spokeswoman', 'spokespeople', 'spokesmen', 'ministry', 'minister', 'ministers', 'official', 'officials', 'agency', 'source', 'sources',
  'analyst', 'analysts', 'expert', 'experts', 'president', 'leader', 'leaders', 'secretary', 'senator', 'lawmaker', 'lawmakers', 'legislator', 'legislators', 'governor', 'attorney',
  'attorneys', 'lawyer', 'lawyers', 'police', 'prosecutor', 'prosecutors', 'government', 'administration', 'campaign', 'committee', 'department', 'office', 'military', 'army', 'navy',
  'commander', 'general', 'ambassador', 'envoy', 'diplomat', 'diplomats', 'aide', 'aides', 'adviser', 'advisers', 'advisor', 'advisors', 'chairman', 'chairwoman', 'chair', 'director',
  'chief', 'representative', 'representatives', 'member', 'members', 'group', 'groups', 'organization', 'party', 'critics', 'critic', 'supporters', 'residents', 'witnesses', 'people',
  'person', 'insider', 'insiders', 'observers', 'researcher', 'researchers', 'professor', 'scholar', 'scholars', 'economist', 'economists', 'scientist', 'scientists', 'council',
  'court', 'judge', 'judges', 'panel', 'board', 'company', 'firm', 'authorities', 'regime', 'navy', 'forces', 'command', 'statement', 'report', 'reports', 'letter', 'suit', 'lawsuit',
  'complaint', 'filing', 'document', 'memo', 'release', 'announcement', 'tweet', 'message', 'editorial', 'article', 'commentary', 'declaration', 'communique', 'decree', 'resolution',
  'ad', 'advertisement', 'commercial', 'video', 'post', 'ruling', 'indictment', 'newspaper', 'outlet', 'media', 'daily', 'broadcaster', 'website', 'blog', 'study', 'survey', 'poll', 'mayor', 'premier', 'chancellor', 'candidate', 'activist', 'activists',
  'officer', 'officers', 'congressman', 'congresswoman', 'colonel', 'admiral', 'founder', 'owner', 'executive', 'ceo', 'embassy', 'union', 'coalition', 'bloc', 'alliance', 'state', 'country', 'nation', 'kingdom', 'republic',
]);
/** Role nouns naming a text rather than a speaker: resolved to whoever issued it. */
export const DOCUMENT_NOUNS = new Set([
  'statement', 'report', 'reports', 'letter', 'suit', 'lawsuit', 'complaint', 'filing', 'document', 'memo', 'release', 'announcement', 'tweet', 'message', 'editorial', 'article',
  'commentary', 'declaration', 'communique', 'decree', 'resolution', 'study', 'survey', 'poll', 'ad', 'advertisement', 'commercial', 'video', 'post', 'ruling', 'indictment',
]);
/**
 * Document nouns that can name the same text ("a television commercial" … "the advertisement"):
 * a definite document noun refers back to the latest earlier one of its class.
 */
export const DOCUMENT_CLASSES: readonly (readonly string[])[] = [
  ['statement', 'release', 'announcement', 'communique', 'declaration'],
  ['ad', 'advertisement', 'commercial', 'video'],
  ['suit', 'lawsuit', 'complaint', 'filing'],
  ['report', 'reports', 'study', 'survey', 'poll'],
  ['letter', 'memo', 'message', 'tweet', 'post', 'editorial', 'article', 'commentary'],
  ['ruling', 'decree', 'resolution', 'indictment', 'document'],
];
/** Name suffixes written with a period ("Donald Trump Jr. said") that end neither a phrase nor a sentence. */
export const NAME_SUFFIX = new Set(['jr', 'sr']);
/** Role nouns that name one person (so "he"/"she" may refer to them). */
export const PERSON_ROLES = new Set([
  'spokesperson', 'spokesman', 'spokeswoman', 'minister', 'official', 'analyst', 'expert', 'president', 'leader', 'secretary', 'senator', 'lawmaker', 'legislator', 'governor',
  'attorney', 'lawyer', 'prosecutor', 'commander', 'general', 'ambassador', 'envoy', 'diplomat', 'aide', 'adviser', 'advisor', 'chairman', 'chairwoman', 'chair', 'director', 'chief',
  'representative', 'member', 'person', 'insider', 'researcher', 'professor', 'scholar', 'economist', 'scientist', 'judge', 'mayor', 'premier', 'chancellor', 'candidate', 'activist',
  'officer', 'colonel', 'admiral', 'founder', 'owner', 'executive', 'ceo', 'congressman', 'congresswoman',
]);
export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'its', 'his', 'her', 'their', 'our', 'one', 'another', 'some', 'several', 'two', 'three', 'many', 'other']);
/** Title abbreviations that keep "Mr. Fox" one phrase across the period. */
export const TITLE_ABBR = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'adm', 'prof', 'sgt', 'capt', 'maj', 'st', 'amb', 'rev', 'hon']);
const INNER = new Set(['of', 'for']);
/** Words between a speaker and the verb ("has long argued", "also said"). */
export const AUX = new Set([
  'has', 'have', 'had', 'is', 'was', 'were', 'are', 'be', 'been', 'also', 'again', 'later', 'then', 'previously', 'once', 'further', 'repeatedly', 'recently', 'earlier',
  'separately', 'publicly', 'reportedly', 'strongly', 'sharply', 'long', 'already', 'just', 'often', 'flatly', 'bluntly', 'angrily', 'quickly', 'firmly', 'simply', 'only',
  'would', 'will', 'did', 'does', 'do', 'not', 'never', 'himself', 'herself', 'themselves', 'itself', 'openly', 'privately', 'frequently', 'explicitly', 'clearly', 'specifically', 'since', 'subsequently', 'initially',
]);
export const PASSIVE_AUX = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being']);
export const PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'with', 'for', 'from', 'by', 'under', 'as', 'since', 'to', 'of', 'about', 'against', 'over', 'into', 'through', 'without', 'among', 'between', 'near', 'like']);
export const LEAD_CONJ = new Set(['but', 'and', 'so', 'yet', 'still', 'meanwhile', 'however']);
const MAX_MODIFIERS = 4;
const MAX_TOKENS = 12;

export interface Phrase {
  /** Token indices [first, last]. */
  first: number;
  last: number;
  start: number;
  end: number;
  /** Normalized head word. */
  head: string;
  pronoun: boolean;
  /** Has a capitalized (proper-name) word other than a determiner. */
  named: boolean;
  /** Starts with a definite determiner ("the", "this"). */
  definite: boolean;
}

/** Capitalized words that never name a speaker. */
const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'today', 'yesterday', 'tonight',
]);
/** Words that end a phrase on the left even inside a role phrase. */
const STOP_MOD = new Set(['and', 'or', 'but', 'to', 'by', 'in', 'on', 'at', 'with', 'from', 'as', 'that', 'which', 'who', 'said', 'says', 'after', 'before', 'while', 'when', 'where', 'than', 'if', 'because', 'about', 'over', 'into', 'of', 'for', 'via', 'through', 'per']);

// ---------- word facts per token ----------

/** Bits of a word type (docWords): its kind and the word lists its norm is in. */
export const WORD = 1;
/** The norm is the first word of some reporting verb form. */
export const VERB_START = 2;
export const ROLE = 4;
const DETERMINER = 8;
const PRONOUN = 16;
export const AUX_WORD = 32;
const CALENDAR_WORD = 64;
const TITLE_WORD = 128;
const STOPWORD = 256;
const STOP_MOD_WORD = 512;
const INNER_WORD = 1024;
export const PREPOSITION = 2048;
export const LEAD_WORD = 4096;

/**
 * Per-token facts of one doc, read by token index: the offsets (tokenLayer's copy) and the word-list bits
 * of each token's norm. The bits are decided once per word type (vocab.ts type id: most tokens' norms
 * are in no list, and a typed-array read replaces several Set look-ups per token read), and whether
 * a token is a name word (isCapWord) once per token: the attribution of each quote reads the same
 * tokens around it again.
 */
export interface DocWords {
  tokens: readonly Token[];
  text: string;
  n: number;
  starts: Int32Array;
  bits: Uint16Array;
  /** isCapWord per token: 0 not computed yet, 1 false, 2 true. */
  cap: Uint8Array;
}

let typeBits: TypeValues | null = null;
/** typeValues owner of the bits (a table of its own). */
const BITS_OWNER = {};
let lastWords: DocWords | null = null;

function bitsOfType(id: number): number {
  const norm = typeNorm(id);
  let b = typeKind(id) === 'word' ? WORD : 0;
  if (reportingVerbs().has(norm)) b |= VERB_START;
  if (ROLE_NOUNS.has(norm)) b |= ROLE;
  if (DETERMINERS.has(norm)) b |= DETERMINER;
  if (PRONOUNS.has(norm)) b |= PRONOUN;
  if (AUX.has(norm)) b |= AUX_WORD;
  if (CALENDAR.has(norm)) b |= CALENDAR_WORD;
  if (TITLE_ABBR.has(norm)) b |= TITLE_WORD;
  if (isStopword(norm)) b |= STOPWORD;
  if (STOP_MOD.has(norm)) b |= STOP_MOD_WORD;
  if (INNER.has(norm)) b |= INNER_WORD;
  if (PREPOSITIONS.has(norm)) b |= PREPOSITION;
  if (LEAD_CONJ.has(norm)) b |= LEAD_WORD;
  return b;
}

/** The word facts of `doc` (kept for the last doc asked: attribution reads one doc at a time). */
export function docWords(doc: Pick<Doc, 'text' | 'tokens'>): DocWords {
  const w = lastWords;
  if (w !== null && w.tokens === doc.tokens && w.text === doc.text && w.n === doc.tokens.length) return w;
  const layer = tokenLayer(doc);
  typeBits = typeValues(typeBits, BITS_OWNER);
  const values = typeBits.values;
  const types = layer.types;
  const n = types.length;
  const bits = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const id = types[i]!;
    let v = values[id]!;
    if (v === -2) values[id] = v = bitsOfType(id);
    bits[i] = v;
  }
  return (lastWords = { tokens: doc.tokens, text: doc.text, n, starts: layer.starts, bits, cap: new Uint8Array(n) });
}

/** `/^\p{Ll}/u` on the one UTF-16 unit at `at` (ASCII decided without the regex). */
function lowerInitial(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER.test(text[at]!);
}
const LOWER = /^\p{Ll}/u;

/** A capitalized word that can be part of a name: not a sentence-initial function word ("In", "But") nor a date word. */
export function isCapWord(doc: Doc, i: number): boolean {
  return capWord(doc, docWords(doc), i);
}

function capWord(doc: Doc, w: DocWords, i: number): boolean {
  const c = w.cap[i]!;
  if (c !== 0) return c === 2;
  const v = computeCapWord(doc, doc.tokens[i]!, w.bits[i]!);
  w.cap[i] = v ? 2 : 1;
  return v;
}

function computeCapWord(doc: Doc, t: Token, b: number): boolean {
  if (t.cap && (b & TITLE_WORD) !== 0 && doc.text[t.end] === '.') return true;
  // Surnames with a lower-case particle written as one word ("diGenova", "deBlasio").
  if (!t.cap && (b & WORD) !== 0 && mayHaveInnerCapital(doc.text, t) && /^\p{Ll}{1,3}\p{Lu}\p{Ll}/u.test(doc.text.slice(t.start, t.end))) return true;
  // A role noun capitalized only because it starts the sentence ("Officials said") is not a name (a lower-case word is none anyway).
  if (t.cap && (b & ROLE) !== 0 && doc.sentences[t.sent]?.start === t.start) return false;
  if (!t.cap || (b & WORD) === 0 || (b & (DETERMINER | PRONOUN | AUX_WORD | CALENDAR_WORD)) !== 0) return false;
  return !((b & STOPWORD) !== 0 && /\p{Ll}/u.test(doc.text.slice(t.start, t.end)));
}

/**
 * False when the token's second to fourth characters hold no capital: all ASCII and none in A–Z
 * (a quick test before the Unicode regex, which most lower-case words never need).
 */
function mayHaveInnerCapital(text: string, t: Token): boolean {
  const to = Math.min(t.end, t.start + 5);
  for (let k = t.start; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c > 127 || (c >= 65 && c <= 90)) return true;
  }
  return false;
}

/** True when nothing but spaces (or a hyphen, or a title's period) separates two tokens. */
export function joined(doc: Doc, a: Token, b: Token): boolean {
  // Compared by char codes, without slicing the gap: this runs for every pair of neighbouring tokens read.
  const len = b.start - a.end;
  if (len <= 0) return true;
  const c0 = doc.text.charCodeAt(a.end);
  if (len === 1 && (c0 === 32 || c0 === 45 || c0 === 0xa0)) return true;
  // "Mr. Fox", "Jacob J. Lew": a title's or an initial's period does not end the phrase.
  const titleGap = c0 === 46 && (len === 1 || (len === 2 && doc.text.charCodeAt(a.end + 1) === 32));
  return titleGap && (TITLE_ABBR.has(a.norm) || (a.end - a.start === 1 && a.cap));
}

function build(doc: Doc, w: DocWords, first: number, last: number, headIdx: number): Phrase {
  const f = doc.tokens[first]!;
  const l = doc.tokens[last]!;
  const h = doc.tokens[headIdx]!;
  let named = false;
  for (let k = first; k <= last; k++) if (capWord(doc, w, k)) named = true;
  return {
    first,
    last,
    start: f.start,
    end: l.end,
    head: h.norm,
    pronoun: (w.bits[headIdx]! & PRONOUN) !== 0 && first === last,
    named,
    definite: f.norm === 'the' || f.norm === 'this',
  };
}

/** The speaker phrase whose last token is `last`, read leftwards; null when that token cannot head one. */
export function phraseEndingAt(doc: Doc, last: number, floor = 0): Phrase | null {
  const t = doc.tokens[last];
  if (!t) return null;
  const w = docWords(doc);
  const bits = w.bits;
  const bt = bits[last]!;
  if ((bt & WORD) === 0) return null;
  if ((bt & PRONOUN) !== 0) return build(doc, w, last, last, last);
  if ((bt & ROLE) === 0 && !capWord(doc, w, last)) return null;
  let first = last;
  let modifiers = 0;
  let sawRole = (bt & ROLE) !== 0;
  for (let k = last - 1; k >= floor && last - k < MAX_TOKENS; k--) {
    const cur = doc.tokens[k]!;
    const next = doc.tokens[k + 1]!;
    const b = bits[k]!;
    if ((b & WORD) === 0 || !joined(doc, cur, next) || cur.sent !== t.sent) break;
    if ((b & DETERMINER) !== 0) {
      first = k;
      break;
    }
    if ((b & ROLE) !== 0 || capWord(doc, w, k)) {
      if ((b & ROLE) !== 0) sawRole = true;
      first = k;
      continue;
    }
    if ((b & INNER_WORD) !== 0 && next.cap && k > floor && capWord(doc, w, k - 1) && joined(doc, doc.tokens[k - 1]!, cur)) {
      first = k;
      continue;
    }
    // Lower-case modifiers only inside a role phrase ("the isolated nation's foreign ministry spokesperson").
    if (sawRole && modifiers < MAX_MODIFIERS && (b & (AUX_WORD | PRONOUN | STOP_MOD_WORD)) === 0 && lowerInitial(doc.text, cur.start)) {
      modifiers++;
      first = k;
      continue;
    }
    break;
  }
  return build(doc, w, first, last, last);
}

/** The speaker phrase starting at token `first`, read rightwards; null when none starts there. */
export function phraseStartingAt(doc: Doc, first: number, ceil = doc.tokens.length): Phrase | null {
  const t = doc.tokens[first];
  if (!t) return null;
  const w = docWords(doc);
  const bits = w.bits;
  const bt = bits[first]!;
  if ((bt & WORD) === 0) return null;
  if ((bt & PRONOUN) !== 0) return build(doc, w, first, first, first);
  let k = first;
  let lastHead = -1;
  if ((bt & DETERMINER) !== 0) k++;
  for (; k < ceil && k - first < MAX_TOKENS; k++) {
    const cur = doc.tokens[k]!;
    const b = bits[k]!;
    if (k > first) {
      const prev = doc.tokens[k - 1]!;
      if (!joined(doc, prev, cur) || cur.sent !== t.sent) break;
    }
    if ((b & WORD) === 0) break;
    // "Representative-elect Mikie Sherrill": a hyphenated lower-case part continues the phrase.
    if (k > first && lastHead === k - 1 && cur.start - doc.tokens[k - 1]!.end === 1 && doc.text.charCodeAt(cur.start - 1) === 45 && !cur.cap) continue;
    if ((b & ROLE) !== 0 || capWord(doc, w, k)) {
      lastHead = k;
      // A role noun followed by a lower-case non-role word ends the phrase ("the ministry stressed").
      continue;
    }
    if ((b & INNER_WORD) !== 0 && lastHead === k - 1 && k + 1 < ceil && capWord(doc, w, k + 1) && joined(doc, cur, doc.tokens[k + 1]!)) continue;
    // Lower-case modifiers count only when they lead to a role noun ("the White House press secretary").
    const role = roleAhead(doc, w, k, ceil);
    if (role > 0) {
      lastHead = role;
      k = role;
      continue;
    }
    break;
  }
  if (lastHead < 0) return null;
  return build(doc, w, first, lastHead, lastHead);
}

function isModifier(doc: Doc, w: DocWords, j: number): boolean {
  const b = w.bits[j]!;
  return (b & WORD) !== 0 && (b & (AUX_WORD | STOP_MOD_WORD | PRONOUN | DETERMINER)) === 0 && lowerInitial(doc.text, doc.tokens[j]!.start);
}

/** Index of the role noun reached from `k` over at most MAX_MODIFIERS lower-case modifiers, or -1. */
function roleAhead(doc: Doc, w: DocWords, k: number, ceil: number): number {
  for (let j = k, n = 0; j < ceil && n <= MAX_MODIFIERS; j++, n++) {
    if (j > k && !joined(doc, doc.tokens[j - 1]!, doc.tokens[j]!)) return -1;
    if ((w.bits[j]! & ROLE) !== 0) return j;
    if (!isModifier(doc, w, j)) return -1;
  }
  return -1;
}

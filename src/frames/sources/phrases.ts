/**
 * Small noun-phrase reader for speakers, over the text stage's tokens (no
 * tagger): a speaker phrase is a run of capitalized words, role nouns
 * ("spokesperson", "ministry") and their modifiers, ended by a head that is a
 * capitalized word, a role noun or a personal pronoun.
 */
import type { Doc, Token } from '../../doc/types.js';
import { isStopword } from '../../text/index.js';

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
const isWord = (t: Token): boolean => t.kind === 'word';
/** A capitalized word that can be part of a name: not a sentence-initial function word ("In", "But") nor a date word. */
export function isCapWord(doc: Doc, t: Token): boolean {
  if (t.cap && TITLE_ABBR.has(t.norm) && doc.text[t.end] === '.') return true;
  // Surnames with a lower-case particle written as one word ("diGenova", "deBlasio").
  if (!t.cap && isWord(t) && mayHaveInnerCapital(doc.text, t) && /^\p{Ll}{1,3}\p{Lu}\p{Ll}/u.test(doc.text.slice(t.start, t.end))) return true;
  // A role noun capitalized only because it starts the sentence ("Officials said") is not a name (a lower-case word is none anyway).
  if (t.cap && ROLE_NOUNS.has(t.norm) && doc.sentences[t.sent]?.start === t.start) return false;
  if (!t.cap || !isWord(t) || DETERMINERS.has(t.norm) || PRONOUNS.has(t.norm) || AUX.has(t.norm) || CALENDAR.has(t.norm)) return false;
  return !(isStopword(t.norm) && /\p{Ll}/u.test(doc.text.slice(t.start, t.end)));
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

function isHead(doc: Doc, t: Token): boolean {
  return isCapWord(doc, t) || ROLE_NOUNS.has(t.norm);
}

function build(doc: Doc, first: number, last: number, headIdx: number): Phrase {
  const f = doc.tokens[first]!;
  const l = doc.tokens[last]!;
  const h = doc.tokens[headIdx]!;
  let named = false;
  for (let k = first; k <= last; k++) if (isCapWord(doc, doc.tokens[k]!)) named = true;
  return {
    first,
    last,
    start: f.start,
    end: l.end,
    head: h.norm,
    pronoun: PRONOUNS.has(h.norm) && first === last,
    named,
    definite: f.norm === 'the' || f.norm === 'this',
  };
}

/** The speaker phrase whose last token is `last`, read leftwards; null when that token cannot head one. */
export function phraseEndingAt(doc: Doc, last: number, floor = 0): Phrase | null {
  const t = doc.tokens[last];
  if (!t || !isWord(t)) return null;
  if (PRONOUNS.has(t.norm)) return build(doc, last, last, last);
  if (!isHead(doc, t)) return null;
  let first = last;
  let modifiers = 0;
  let sawRole = ROLE_NOUNS.has(t.norm);
  for (let k = last - 1; k >= floor && last - k < MAX_TOKENS; k--) {
    const cur = doc.tokens[k]!;
    const next = doc.tokens[k + 1]!;
    if (!isWord(cur) || !joined(doc, cur, next) || cur.sent !== t.sent) break;
    if (DETERMINERS.has(cur.norm)) {
      first = k;
      break;
    }
    if (isCapWord(doc, cur) || ROLE_NOUNS.has(cur.norm)) {
      sawRole ||= ROLE_NOUNS.has(cur.norm);
      first = k;
      continue;
    }
    if (INNER.has(cur.norm) && next.cap && k > floor && isCapWord(doc, doc.tokens[k - 1]!) && joined(doc, doc.tokens[k - 1]!, cur)) {
      first = k;
      continue;
    }
    // Lower-case modifiers only inside a role phrase ("the isolated nation's foreign ministry spokesperson").
    if (sawRole && modifiers < MAX_MODIFIERS && !AUX.has(cur.norm) && !PRONOUNS.has(cur.norm) && /^\p{Ll}/u.test(doc.text[cur.start]!) && !STOP_MOD.has(cur.norm)) {
      modifiers++;
      first = k;
      continue;
    }
    break;
  }
  return build(doc, first, last, last);
}

/** Words that end a phrase on the left even inside a role phrase. */
const STOP_MOD = new Set(['and', 'or', 'but', 'to', 'by', 'in', 'on', 'at', 'with', 'from', 'as', 'that', 'which', 'who', 'said', 'says', 'after', 'before', 'while', 'when', 'where', 'than', 'if', 'because', 'about', 'over', 'into', 'of', 'for', 'via', 'through', 'per']);

/** The speaker phrase starting at token `first`, read rightwards; null when none starts there. */
export function phraseStartingAt(doc: Doc, first: number, ceil = doc.tokens.length): Phrase | null {
  const t = doc.tokens[first];
  if (!t || !isWord(t)) return null;
  if (PRONOUNS.has(t.norm)) return build(doc, first, first, first);
  let k = first;
  let lastHead = -1;
  if (DETERMINERS.has(t.norm)) k++;
  for (; k < ceil && k - first < MAX_TOKENS; k++) {
    const cur = doc.tokens[k]!;
    if (k > first && (!joined(doc, doc.tokens[k - 1]!, cur) || cur.sent !== t.sent)) break;
    if (!isWord(cur)) break;
    // "Representative-elect Mikie Sherrill": a hyphenated lower-case part continues the phrase.
    if (k > first && lastHead === k - 1 && doc.text.slice(doc.tokens[k - 1]!.end, cur.start) === '-' && !cur.cap) continue;
    if (isCapWord(doc, cur) || ROLE_NOUNS.has(cur.norm)) {
      lastHead = k;
      // A role noun followed by a lower-case non-role word ends the phrase ("the ministry stressed").
      continue;
    }
    if (INNER.has(cur.norm) && lastHead === k - 1 && k + 1 < ceil && isCapWord(doc, doc.tokens[k + 1]!) && joined(doc, cur, doc.tokens[k + 1]!)) continue;
    // Lower-case modifiers count only when they lead to a role noun ("the White House press secretary").
    const role = roleAhead(doc, k, ceil);
    if (role > 0) {
      lastHead = role;
      k = role;
      continue;
    }
    break;
  }
  if (lastHead < 0) return null;
  return build(doc, first, lastHead, lastHead);
}

function isModifier(doc: Doc, t: Token): boolean {
  return isWord(t) && /^\p{Ll}/u.test(doc.text[t.start]!) && !AUX.has(t.norm) && !STOP_MOD.has(t.norm) && !PRONOUNS.has(t.norm) && !DETERMINERS.has(t.norm);
}

/** Index of the role noun reached from `k` over at most MAX_MODIFIERS lower-case modifiers, or -1. */
function roleAhead(doc: Doc, k: number, ceil: number): number {
  for (let j = k, n = 0; j < ceil && n <= MAX_MODIFIERS; j++, n++) {
    const cur = doc.tokens[j]!;
    if (j > k && !joined(doc, doc.tokens[j - 1]!, cur)) return -1;
    if (ROLE_NOUNS.has(cur.norm)) return j;
    if (!isModifier(doc, cur)) return -1;
  }
  return -1;
}

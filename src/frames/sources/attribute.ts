/**
 * Quotes and reported speech with their speakers.
 *
 * 1. Quote spans come from quote marks (marks.ts). 2. Each quote looks for its
 * attribution in the text after it (`"…," said X` / `"…," X said`), before it
 * (`X said: "…"`, `X called it "…"`) and "according to X" in its sentence.
 * 3. Sentences outside quotes with a reporting verb and a subject are
 * reported speech. 4. Speakers that are pronouns, role nouns ("the ministry")
 * or documents ("the statement") are resolved to an earlier, more specific
 * mention: "he"/"she" by Lappin & Leass (1994) salience with gender agreement
 * (persons.ts), kept on the last speaker unless a new person became a clause
 * subject since; role nouns to the latest named holder of the title; documents
 * to the issuer of the document introduced earlier. 5. Each speaker gets the
 * title and party/chamber the article states for that person anywhere.
 */
import { bisectLeft } from 'd3-array';
import type { Doc, Span } from '../../doc/types.js';
import { spanIndexAt } from '../../doc/span.js';
import { flagsAt, unitsAt, LETTER, NUMBER, UPPER } from '../../text/index.js';
import { mentionsOf } from '../naming/index.js';
import type { Mention } from '../naming/mentions.js';
import { findQuoteSpans, type QuoteSpan } from './marks.js';
import { initialEndingAt, lettersEndingAt } from './letters.js';
import { genderCue, groupFromMatches, groupMatches, type Gender, type GroupMatches, type SpeakerGroup } from './persons.js';
import { reportingVerbs, sourceCues, type SourceType, type VerbClass, type VerbForm } from './lexicon.js';
import { AUX_WORD, DOCUMENT_CLASSES, DOCUMENT_NOUNS, LEAD_WORD, NAME_SUFFIX, PASSIVE_AUX, PERSON_ROLES, PREPOSITION, ROLE, TITLE_ABBR, VERB_START, WORD as WORD_TOKEN, docWords, joined, phraseEndingAt, phraseStartingAt, type DocWords, type Phrase } from './phrases.js';

export type QuoteKind = 'direct' | 'partial' | 'reported';
/** How the speaker was found: named in the attribution, or resolved from a pronoun, role noun or document, or carried over from the previous quote. */
export type Resolution = 'name' | 'pronoun' | 'role' | 'document' | 'metonym' | 'inherited' | 'unresolved' | 'none';

export interface Attribution {
  kind: QuoteKind;
  start: number;
  end: number;
  /** The resolved speaker ("North Korean Foreign Ministry"), or null when the text does not say. */
  speaker: string | null;
  /** Where the resolved name is written (may be earlier than the attribution). */
  speakerSpan?: Span;
  /** How the text describes the speaker next to the name ("a spokeswoman for the Obama campaign", "R-Calif."). */
  speakerTitle?: string;
  /** Party and chamber the article states for the speaker ("Sen.", "(R-Ky.)", "Republican"), with the spans saying so. */
  speakerGroup?: SpeakerGroup;
  /** The speaker words of the attribution itself ("the ministry", "he"). */
  mentionSpan?: Span;
  resolution: Resolution;
  verb: string | null;
  verbClass: VerbClass | null;
  /** The reporting verb (or "according to") in the text. */
  cueSpan?: Span;
  sourceType: SourceType;
  /** Rule that found the attribution, for people checking it. */
  rule: string;
}

interface VerbHit {
  first: number;
  last: number;
  form: VerbForm;
}

interface SpeakerRef {
  sourceType?: SourceType;
  /** The appositive describing the speaker ("a spokeswoman for the Obama campaign"). */
  title?: string;
  name: string;
  span: Span;
  mention: Span;
  resolution: Resolution;
  personal: boolean;
  head: string;
}

const PERSONAL_PRONOUNS = new Set(['he', 'she']);
const GENDER_BIT: Record<Gender, number> = { m: 1, f: 2 };

/** Gender facts of one person key: GENDER_BIT of the stated genders (-1 until read), and the gender of the last "he"/"she" resolved to them. */
interface KeyGender {
  stated: number;
  pronoun: Gender | undefined;
}
const MAX_BEFORE = 300;
const MAX_AFTER = 220;

/** All quotes and reported speech in `doc`, sorted by start. */
export function attribute(doc: Doc): Attribution[] {
  startWordLookups(doc);
  const quotes = findQuoteSpans(doc.text, doc.paragraphs);
  const verbStarts: number[] = [];
  const reported = reportedCandidates(doc, quotes, verbStarts);
  // No quote and no reporting verb: nothing to attribute (and no per-article indexes to build).
  if (quotes.length === 0 && reported.length === 0) return [];
  const ctx = new Context(doc, quotes, verbStarts);
  const out: Attribution[] = [];
  const usedVerbs = new Set<number>();
  let prev: { quote: QuoteSpan; attr: Attribution } | null = null;
  // Text order, so that resolution only looks back; a sentence's reported speech comes after its quotes,
  // which claim their reporting verbs first.
  // One shape for both kinds (quotes first: the sort is stable, so ties keep that order).
  const items: { at: number; tie: number; q: QuoteSpan | null; r: ReportedCandidate | null }[] = [];
  for (const q of quotes) items.push({ at: q.start, tie: 0, q, r: null });
  for (const r of reported) items.push({ at: r.sentence.end, tie: r.verb.first, q: null, r });
  items.sort((a, b) => a.at - b.at || a.tie - b.tie);
  for (const item of items) {
    if (item.q) {
      const q = item.q;
      const a = attributeQuote(ctx, q, prev, usedVerbs);
      if (!a) continue;
      out.push(a);
      prev = { quote: q, attr: a };
      if (a.speaker && a.resolution !== 'inherited') ctx.addSpeaker(a, item.at);
    } else if (item.r) {
      const r = item.r;
      if (usedVerbs.has(r.verb.first)) continue;
      const a = finishReported(ctx, r);
      if (!a) continue;
      usedVerbs.add(r.verb.first);
      out.push(a);
      if (a.speaker) ctx.addSpeaker(a, item.at);
    }
  }
  for (const a of out) describeSpeaker(ctx, a);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

type Speaker = SpeakerRef & {
  at: number;
  sourceType: SourceType;
  /** Offset of the item (quote start or reported sentence end) that added it: speakers are added in this order and `at` ≤ `itemAt`, so a backward scan can stop early. */
  itemAt: number;
  /** Sentence of `mention.start` (by the token at or after it; -1 when none), for the pronoun salience window. */
  mentionSent: number;
  /** Index in `speakers`. */
  index: number;
};

/**
 * Per-article state and indexes. Everything the attribution looks up per quote is
 * indexed here (by position, key or head) so that one article costs time linear in
 * its length: no rescans of all mentions, persons, speakers or quotes per quote.
 * Relies on mentions sorted by start (detectMentions scans tokens left to right) and
 * on quote spans being disjoint and sorted (findQuoteSpans pairs marks in sequence).
 */
class Context {
  readonly doc: Doc;
  readonly quotes: readonly QuoteSpan[];
  readonly mentions: Mention[];
  /** Mention ends never decrease (no nesting): then the mentions ending by an offset are a prefix. */
  readonly mentionEndsSorted: boolean;
  readonly speakers: Speaker[] = [];
  readonly roleMentions: { phrase: Phrase }[] = [];
  /** Tokens read for role phrases so far (they are read in text order, only as far as a lookup needs). */
  rolesUpTo = 0;
  /** Indices into roleMentions (ascending, so ascending `phrase.end`) by the stem of the head, named and unnamed apart. */
  readonly roleByStemNamed = new Map<string, number[]>();
  readonly roleByStemUnnamed = new Map<string, number[]>();
  /** Indices of named role mentions by each normalized word before the head ("sen" in "Sen. Marco Rubio"). */
  readonly roleByTitleNamed = new Map<string, number[]>();
  /** Named people (table persons, and capitalized names that read as persons), for pronoun salience and descriptions. */
  readonly persons: PersonMention[] = [];
  /** Sentence of each person (by the token at or after its start; MAX_SAFE_INTEGER when none), non-decreasing. */
  readonly personSent: number[] = [];
  readonly personsByKey = new Map<string, PersonMention[]>();
  /** Gender facts by person key: what the text states (from its `persons`, read on first need: pronouns only) and what "he"/"she" taught. */
  private readonly genders = new Map<string, KeyGender>();
  /** Person keys found in the actor table as persons. */
  readonly tableKeys = new Set<string>();
  /** Speakers by the sentence of their mention, personal speakers by key, and other subsets scanned backwards. */
  readonly speakersBySent = new Map<number, Speaker[]>();
  readonly personalSpeakersByKey = new Map<string, Speaker[]>();
  readonly nonDocumentSpeakers: Speaker[] = [];
  readonly multiWordSpeakersByHead = new Map<string, Speaker[]>();
  readonly orgSpeakers: Speaker[] = [];
  /** Per country actor: how many org speakers were checked against its names, and those that matched. */
  readonly metonymMatches = new Map<string, { checked: number; names: string[]; matches: Speaker[] }>();
  /** Last words of multi-word person/unknown mention names, and names written after an honorific (isPersonal). */
  readonly personSurnames = new Set<string>();
  /** Person/unknown mentions with a multi-word name, by the name's last word, in mention order. */
  readonly mentionsBySurname = new Map<string, Mention[]>();
  /** The name facts (nameInfo) of each name string read in this article, and whether it names a person here (isPersonal). */
  readonly names = new Map<string, ArticleName>();
  readonly aliasNamesMemo = new Map<string, string[]>();
  readonly describeMemo = new Map<string, SpeakerDescription>();
  /** mostNamedPerson after each prefix of mentions (when mention ends are sorted). */
  mostNamedPrefix: { n: number; best: Mention }[] | null = null;
  /** Tokens that may start a reporting verb, ascending (reportedCandidates). */
  readonly verbStarts: readonly number[];
  /** appositiveAfter by the offset it reads from (the same name ends are read for its quotes and its description). */
  readonly appositiveMemo = new Map<number, string | null>();
  constructor(doc: Doc, quotes: readonly QuoteSpan[], verbStarts: readonly number[]) {
    this.doc = doc;
    this.quotes = quotes;
    this.verbStarts = verbStarts;
    this.mentions = mentionsOf(doc);
    let sorted = true;
    // Each mention's record (ArticleName): one per-article look-up per mention, reused below.
    const recs: ArticleName[] = [];
    for (let i = 0; i < this.mentions.length; i++) {
      const m = this.mentions[i]!;
      if (i > 0 && m.end < this.mentions[i - 1]!.end) sorted = false;
      const rec = this.name(m.name);
      recs.push(rec);
      rec.first ??= m;
      if (m.label !== m.name) this.name(m.label).first ??= m;
      if (m.type !== 'person' && m.type !== 'unknown') continue;
      const last = surnameOf(infoOf(rec, m.name), m.name);
      if (last !== null) {
        this.personSurnames.add(last);
        (this.mentionsBySurname.get(last) ?? this.mentionsBySurname.set(last, []).get(last)!).push(m);
      }
      if (mayFollowHonorific(doc.text, m.start) && /\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+$/.test(doc.text.slice(Math.max(0, m.start - 6), m.start))) rec.honorific = true;
    }
    this.mentionEndsSorted = sorted;
    // Sentence of each person by the token at or after its start: mentions come in text order, so one pointer walks the tokens.
    const starts = (doc.tokens === words.tokens ? words : docWords(doc)).starts;
    let ti = 0;
    let lastStart = -1;
    for (let i = 0; i < this.mentions.length; i++) {
      const m = this.mentions[i]!;
      const rec = recs[i]!;
      const institution = afterThe(doc.text, m.start);
      if (!(m.type === 'person' || (m.type === 'unknown' && !institution && isPersonalRec(this, m.name, rec)))) continue;
      const name = m.type === 'person' ? m.label : canonicalOf(infoOf(rec, m.name), m.name);
      const person: PersonMention = { start: m.start, end: m.end, name, key: this.keyOf(name), table: m.type === 'person', description: null, given: undefined };
      this.persons.push(person);
      // Out of order (nested mentions): restart from the first token at or after it, found by bisection, not by a walk from token 0.
      if (m.start < lastStart) ti = bisectLeft(starts, m.start);
      lastStart = m.start;
      while (ti < starts.length && starts[ti]! < m.start) ti++;
      this.personSent.push(doc.tokens[ti]?.sent ?? Number.MAX_SAFE_INTEGER);
      (this.personsByKey.get(person.key) ?? this.personsByKey.set(person.key, []).get(person.key)!).push(person);
      if (person.table) this.tableKeys.add(person.key);
    }
  }
  /** Role phrases ("the foreign ministry spokesperson", "Gov. Mike Pence") ending by `bound`: read on first need and in text order, only as far as asked (most articles never ask). */
  ensureRoles(bound: number): void {
    const { doc } = this;
    for (; this.rolesUpTo < doc.tokens.length && doc.tokens[this.rolesUpTo]!.end <= bound; this.rolesUpTo++) {
      const i = this.rolesUpTo;
      const t = doc.tokens[i]!;
      const next = doc.tokens[i + 1];
      if (!t.cap && (words.bits[i]! & ROLE) === 0) continue;
      // Only maximal phrases: the next token must not continue this one.
      if (next && joined(doc, t, next) && ((words.bits[i + 1]! & ROLE) !== 0 || next.cap) && next.sent === t.sent) continue;
      const p = phraseEndingAt(doc, i);
      if (!p || p.pronoun) continue;
      const index = this.roleMentions.length;
      this.roleMentions.push({ phrase: p });
      const stem = doc.tokens[p.last]!.stem;
      const byStem = p.named ? this.roleByStemNamed : this.roleByStemUnnamed;
      (byStem.get(stem) ?? byStem.set(stem, []).get(stem)!).push(index);
      if (p.named) {
        for (let k = p.first; k < p.last; k++) {
          const norm = doc.tokens[k]!.norm;
          const list = this.roleByTitleNamed.get(norm) ?? this.roleByTitleNamed.set(norm, []).get(norm)!;
          if (list[list.length - 1] !== index) list.push(index);
        }
      }
    }
  }
  private genderFacts(key: string): KeyGender {
    let f = this.genders.get(key);
    if (!f) this.genders.set(key, (f = { stated: -1, pronoun: undefined }));
    return f;
  }
  /** GENDER_BIT of each gender the text states for the person `key`. */
  statedGenders(key: string): number {
    const f = this.genderFacts(key);
    if (f.stated < 0) {
      let bits = 0;
      for (const m of this.personsByKey.get(key) ?? []) {
        const gender = genderCue(this.doc, m.start, m.end);
        if (gender) bits |= GENDER_BIT[gender];
      }
      f.stated = bits;
    }
    return f.stated;
  }
  /** The text states gender `g` for the person `key`, or an earlier "he"/"she" resolved to them. */
  hasGender(key: string, g: Gender): boolean {
    return (this.statedGenders(key) & GENDER_BIT[g]) !== 0 || this.genderFacts(key).pronoun === g;
  }
  /** Learnt from "he"/"she" resolved to the person `key`. */
  setPronounGender(key: string, g: Gender): void {
    this.genderFacts(key).pronoun = g;
  }
  /** The article's record of a name string: one look-up in a small per-article map (the shared facts, nameInfo, are read once per name and article). */
  name(name: string): ArticleName {
    let v = this.names.get(name);
    if (v === undefined) this.names.set(name, (v = { info: undefined, personal: 0, first: undefined, honorific: false }));
    return v;
  }
  /** The shared facts of a name string (nameInfo), looked up once per name and article. */
  info(name: string): NameInfo {
    return infoOf(this.name(name), name);
  }
  keyOf(name: string): string {
    const info = this.info(name);
    return (info.key ??= computePersonKey(name));
  }
  /** lastWord(name). */
  headOf(name: string): string {
    const info = this.info(name);
    return (info.head ??= computeLastWord(name));
  }
  addSpeaker(a: Attribution, itemAt: number): void {
    if (!a.speaker || !a.speakerSpan) return;
    const head = this.headOf(a.speaker);
    // "The Hill", "the White House": a capitalized name after "the" is an institution, not a person.
    const institution = /^the\s+\p{Lu}/iu.test(this.doc.text.slice(a.speakerSpan.start, a.speakerSpan.end));
    const mention = a.mentionSpan ?? a.speakerSpan;
    const s: Speaker = {
      name: a.speaker,
      span: a.speakerSpan,
      mention,
      resolution: a.resolution,
      personal: !institution && isPersonal(this, a.speaker),
      sourceType: a.sourceType,
      head,
      at: a.start,
      itemAt,
      mentionSent: this.doc.tokens[firstTokenAtOrAfter(this.doc, mention.start)]?.sent ?? -1,
      index: this.speakers.length,
    };
    // Assigned, not spread into the literal: conditional spreads are slow in V8 (runtime property copies).
    if (a.speakerTitle) s.title = a.speakerTitle;
    this.speakers.push(s);
    (this.speakersBySent.get(s.mentionSent) ?? this.speakersBySent.set(s.mentionSent, []).get(s.mentionSent)!).push(s);
    if (s.personal) {
      const key = this.keyOf(s.name);
      (this.personalSpeakersByKey.get(key) ?? this.personalSpeakersByKey.set(key, []).get(key)!).push(s);
    }
    if (!DOCUMENT_NOUNS.has(head)) this.nonDocumentSpeakers.push(s);
    if (s.name.includes(' ')) (this.multiWordSpeakersByHead.get(head) ?? this.multiWordSpeakersByHead.set(head, []).get(head)!).push(s);
    const info = this.info(s.name);
    if ((info.orgWord ??= ORG_WORDS.test(s.name))) this.orgSpeakers.push(s);
  }
}

/** An "M" or "D" in the six characters before `at`: every honorific the regex after it looks for has one (most names have none, and skip the slice and regex). */
function mayFollowHonorific(text: string, at: number): boolean {
  for (let i = Math.max(0, at - 6); i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 77 || c === 68) return true;
  }
  return false;
}

/** "the" and a white-space character right before offset `at` (`/^the\s/i` on the four characters before it), read in place. */
function afterThe(text: string, at: number): boolean {
  if (at < 4) return false;
  const t = text.charCodeAt(at - 4);
  const h = text.charCodeAt(at - 3);
  const e = text.charCodeAt(at - 2);
  return (t === 0x74 || t === 0x54) && (h === 0x68 || h === 0x48) && (e === 0x65 || e === 0x45) && SPACE_CHAR.test(text[at - 1]!);
}
const SPACE_CHAR = /^\s$/;

/** The latest speaker in `list` (in the order added) with `at` before `before` that passes `ok`; the scan stops at speakers added before `floor`. */
function lastSpeaker(list: readonly Speaker[], before: number, ok: (s: Speaker) => boolean, floor = -Infinity): Speaker | undefined {
  for (let i = list.length - 1; i >= 0; i--) {
    const s = list[i]!;
    if (s.itemAt < floor) return undefined;
    if (s.at < before && ok(s)) return s;
  }
  return undefined;
}

/** Index of the first mention starting at or after `offset`. */
function firstMentionAtOrAfter(ctx: Context, offset: number): number {
  let lo = 0;
  let hi = ctx.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.mentions[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first quote starting at or after `offset`. */
function firstQuoteAtOrAfter(quotes: readonly QuoteSpan[], offset: number): number {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The quote holding offset (start ≤ offset < end), if any: quotes are disjoint, so only the last one starting by it can. */
function quoteAt(quotes: readonly QuoteSpan[], offset: number): QuoteSpan | undefined {
  const q = quotes[firstQuoteAtOrAfter(quotes, offset + 1) - 1];
  return q && offset < q.end ? q : undefined;
}

interface PersonMention {
  start: number;
  end: number;
  name: string;
  key: string;
  /** Found in the actor table as a person (not only a capitalized name). */
  table: boolean;
  /** describeMention of this mention, once read. */
  description: MentionDescription | null;
  /** givenParts(name), once read (undefined before). */
  given: GivenParts | null | undefined;
}

/**
 * Results of pure string functions (personKey, lastWord) shared across articles: the same names
 * recur in article after article. Emptied when full, so memory stays bounded.
 */
function memoized(f: (s: string) => string): (s: string) => string {
  const memo = new Map<string, string>();
  return (s) => {
    let v = memo.get(s);
    if (v === undefined) {
      if (memo.size >= 50_000) memo.clear();
      memo.set(s, (v = f(s)));
    }
    return v;
  };
}

/** A person's key: the surname (last word, suffixes dropped). */
function computePersonKey(name: string): string {
  const words = (name.replace(/\s+of\s+\p{Lu}.*$/u, '').toLowerCase().replace(/['’]s\b/g, '').match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !['jr', 'sr', 'ii', 'iii'].includes(w));
  return words[words.length - 1] ?? '';
}

/** `s.split(' ').length - 1`, without the array. */
function spaceCount(s: string): number {
  let n = 0;
  for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) n++;
  return n;
}

/** True when two names of the same key can be one person: their given names, when both are written, agree ("Malia Obama" ≠ "Barack Obama"). */
function sameGivenParts(fa: GivenParts | null, fb: GivenParts | null): boolean {
  return fa === null || fb === null || fa.penult === fb.penult || fa.first === fb.first;
}

interface GivenParts {
  first: string;
  penult: string;
}

/** First and second-to-last pieces of `name.split(/\s+/)`, null for one piece (NameInfo: shared across articles). */
function givenOf(ctx: Context, name: string): GivenParts | null {
  const info = ctx.info(name);
  if (info.given === undefined) {
    const parts = name.split(/\s+/);
    info.given = parts.length < 2 ? null : { first: parts[0]!, penult: parts[parts.length - 2]! };
  }
  return info.given;
}

const lastWord = memoized(computeLastWord);

function computeLastWord(s: string): string {
  const words = s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words[words.length - 1] ?? '';
}

const ORG_WORDS = /\b(ministry|agency|department|house|party|committee|council|forces|news|times|post|government|administration|office|command|army|navy|force|corps|court|union|association|institute|university|foundation|campaign|media|network|press|kremlin|pentagon|congress|senate|parliament|ministries|organization|center|centre|group|company|bank|fund|service|commission|bureau)\b/i;

function isPersonal(ctx: Context, full: string): boolean {
  return isPersonalRec(ctx, full, ctx.name(full));
}

function isPersonalRec(ctx: Context, full: string, rec: ArticleName): boolean {
  if (rec.personal === 0) rec.personal = computePersonal(ctx, full, rec) ? 2 : 1;
  return rec.personal === 2;
}

const CAPITALIZED_WORD = 1;
const CAPITALIZED_WORDS = 2;
/**
 * The name split at white space (`split(/\s+/)`, whose pieces are empty at a
 * leading or trailing space) is one capitalized word, or two or more pieces
 * all capitalized: two regex tests, no array of words.
 */
const ONE_CAPITALIZED = /^\p{Lu}\S*$/u;
const ALL_CAPITALIZED = /^\p{Lu}\S*(?:\s+\p{Lu}\S*)+$/u;
function nameShape(name: string): number {
  return ALL_CAPITALIZED.test(name) ? CAPITALIZED_WORDS : ONE_CAPITALIZED.test(name) ? CAPITALIZED_WORD : 0;
}

/** What computePersonal reads from the name alone: the name without "of <Place>", organisation word, shape, role-noun head. */
interface NameFacts {
  name: string;
  org: boolean;
  shape: number;
  personRole: boolean;
}

function computeNameFacts(full: string): NameFacts {
  // "Senator Mark Warner of Virginia": the place after a person's name does not make it an organisation.
  const name = full.includes('of') && /^(?:\p{Lu}[\p{L}.’'-]*\s+){1,5}of\s+\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+)?$/u.test(full) ? full.replace(/\s+of\s+.*$/u, '') : full;
  const org = ORG_WORDS.test(name);
  const shape = org ? 0 : nameShape(name);
  return { name, org, shape, personRole: !org && shape === 0 && PERSON_ROLES.has(lastWord(name)) };
}

/**
 * What attribution reads from a name string alone, filled on first need: shared across articles (the same
 * names recur), so each is computed once; one look-up replaces one per fact. Bounded like `memoized`.
 */
interface NameInfo {
  /** The word after the last space (null: one word). */
  surname: string | null | undefined;
  /** computePersonKey. */
  key: string | undefined;
  /** computeLastWord. */
  head: string | undefined;
  facts: NameFacts | undefined;
  /** computeCanonicalText. */
  canonical: string | undefined;
  /** nameWords. */
  words: readonly string[] | undefined;
  /** ORG_WORDS.test(name). */
  orgWord: boolean | undefined;
  /** givenOf. */
  given: GivenParts | null | undefined;
}

/** A name's shared facts and what this article says of it. */
interface ArticleName {
  /** nameInfo, on first need (most names of countries and organisations never need it). */
  info: NameInfo | undefined;
  /** Names a person here (isPersonal): 0 not decided, 1 no, 2 yes. */
  personal: number;
  /** The first mention whose name or label is this string (isPersonal). */
  first: Mention | undefined;
  /** Some person/unknown mention of this name is written after an honorific ("Mr. Cohen"). */
  honorific: boolean;
}

const nameInfoMemo = new Map<string, NameInfo>();
function nameInfo(name: string): NameInfo {
  let v = nameInfoMemo.get(name);
  if (v === undefined) {
    if (nameInfoMemo.size >= 50_000) nameInfoMemo.clear();
    nameInfoMemo.set(name, (v = { surname: undefined, key: undefined, head: undefined, facts: undefined, canonical: undefined, words: undefined, orgWord: undefined, given: undefined }));
  }
  return v;
}

function infoOf(rec: ArticleName, name: string): NameInfo {
  return (rec.info ??= nameInfo(name));
}

function surnameOf(info: NameInfo, name: string): string | null {
  if (info.surname === undefined) {
    const sp = name.lastIndexOf(' ');
    info.surname = sp >= 0 ? name.slice(sp + 1) : null;
  }
  return info.surname;
}

function canonicalOf(info: NameInfo, name: string): string {
  return (info.canonical ??= computeCanonicalText(name));
}

function computePersonal(ctx: Context, full: string, rec: ArticleName): boolean {
  const facts = (infoOf(rec, full).facts ??= computeNameFacts(full));
  const name = facts.name;
  if (facts.org) return false;
  const mention = name === full ? rec.first : ctx.names.get(name)?.first;
  if (mention && mention.type !== 'person' && mention.type !== 'unknown') return false;
  const shape = facts.shape;
  if (shape === CAPITALIZED_WORDS) return true;
  // A single capitalized word is a person when the article also writes it as the end of a longer name ("Clinton" after "Hillary Clinton").
  // … or writes it after an honorific ("Mr. Cohen").
  if (shape === CAPITALIZED_WORD) return mention?.type === 'person' || ctx.personSurnames.has(name) || ctx.names.get(name)?.honorific === true;
  return facts.personRole;
}

// ---------- token helpers ----------

function firstTokenAtOrAfter(doc: Doc, offset: number): number {
  // Over the typed copy of the offsets (one array, no token object read per step).
  return bisectLeft((doc.tokens === words.tokens ? words : docWords(doc)).starts, offset);
}

function lastTokenEndingBy(doc: Doc, offset: number): number {
  return firstTokenAtOrAfter(doc, offset) - 1;
}

let verbForms: Map<string, VerbForm[]> | null = null;
/**
 * Word facts of the doc being attributed (set by startWordLookups, valid during attribute()): most
 * tokens are no reporting verb's first word nor a role noun, and their bits, decided once per word type
 * (phrases.ts docWords), reject them without hashing the token's norm.
 */
let words: DocWords = docWords({ text: '', tokens: [] });

function startWordLookups(doc: Doc): void {
  words = docWords(doc);
  verbForms ??= reportingVerbs();
}

function matchVerb(doc: Doc, i: number): VerbHit | null {
  const t = doc.tokens[i];
  if (!t || (words.bits[i]! & (WORD_TOKEN | VERB_START)) !== (WORD_TOKEN | VERB_START)) return null;
  // Reporting verbs are lower case in running text; capitalized ones are headlines or names ("United States").
  if (t.cap && !(t.norm === 'according' && (i === 0 || doc.tokens[i - 1]!.sent !== t.sent))) return null;
  const list = (verbForms ??= reportingVerbs()).get(t.norm);
  if (!list) return null;
  for (const form of list) {
    let ok = true;
    for (let k = 1; k < form.norms.length && ok; k++) {
      const tk = doc.tokens[i + k];
      if (!tk || tk.norm !== form.norms[k] || !joined(doc, doc.tokens[i + k - 1]!, tk)) ok = false;
    }
    if (ok) return { first: i, last: i + form.norms.length - 1, form };
  }
  return null;
}

/** Skips auxiliaries and adverbs leftwards from token `i` (exclusive); returns the index before them and whether a passive "be" was among them. */
function skipAuxLeft(doc: Doc, i: number, floor: number): { idx: number; passive: boolean; aux: boolean } {
  let k = i - 1;
  let passive = false;
  let aux = false;
  while (k >= floor && (words.bits[k]! & AUX_WORD) !== 0 && joined(doc, doc.tokens[k]!, doc.tokens[k + 1]!)) {
    if (k === i - 1 && PASSIVE_AUX.has(doc.tokens[k]!.norm)) passive = true;
    if (PASSIVE_AUX.has(doc.tokens[k]!.norm) && doc.tokens[k]!.norm !== 'is' && doc.tokens[k]!.norm !== 'are') passive ||= k === i - 1;
    aux = true;
    k--;
  }
  return { idx: k, passive, aux };
}

function sentenceOf(doc: Doc, offset: number): Span {
  const i = spanIndexAt(doc.sentences, offset);
  if (i >= 0) return doc.sentences[i]!;
  const p = spanIndexAt(doc.paragraphs, offset);
  return p >= 0 ? doc.paragraphs[p]! : { start: offset, end: offset };
}

function paragraphOf(doc: Doc, offset: number): Span {
  const p = spanIndexAt(doc.paragraphs, offset);
  return p >= 0 ? doc.paragraphs[p]! : { start: 0, end: doc.text.length };
}

/** The subject phrase of a verb at token `v`: the phrase ending before it (skipping "has also"), with "Name, appositive," handled. */
function subjectBefore(ctx: Context, v: number, floorOffset: number): { phrase: Phrase; passive: boolean } | null {
  const { doc } = ctx;
  const floor = firstTokenAtOrAfter(doc, floorOffset);
  const { idx, passive } = skipAuxLeft(doc, v, floor);
  if (idx < floor) return null;
  const verbTok = doc.tokens[idx + 1]!;
  const prevTok = doc.tokens[idx]!;
  const gap = doc.text.slice(prevTok.end, verbTok.start);
  // "Mr. Trump, who said …": a relative clause's speaker is the phrase it follows.
  if (prevTok.norm === 'who' && /^\s+$/.test(gap) && idx - 1 >= floor && /,\s*$/.test(doc.text.slice(doc.tokens[idx - 1]!.end, prevTok.start))) {
    const p = phraseEndingAt(doc, idx - 1, floor);
    return p && !p.pronoun ? { phrase: p, passive } : null;
  }
  if (/^\s+$/.test(gap) || (/^\.\s+$/.test(gap) && (TITLE_ABBR.has(prevTok.norm) || NAME_SUFFIX.has(prevTok.norm)))) {
    // A possessive is not a subject ("Trump's claims").
    if (/['’]s$/.test(doc.text.slice(prevTok.start, prevTok.end))) return null;
    const p = phraseEndingAt(doc, idx, floor);
    return p ? { phrase: p, passive } : null;
  }
  if (/^\.?\s*(?:[)\]]\s*)?,\s*$/.test(gap) || /^\.?\s*[)\]]\s*$/.test(gap)) {
    // "Josh Earnest, the White House press secretary, told …": prefer the clause-initial name before the appositive.
    const clauseStart = Math.max(floorOffset, sentenceOf(doc, verbTok.start).start);
    const commas: number[] = [];
    for (let c = verbTok.start - 1; c >= clauseStart && commas.length < 5; c--) if (doc.text[c] === ',') commas.push(c);
    commas.reverse();
    for (const c of commas.slice(0, -1)) {
      const last = lastTokenEndingBy(doc, c + 0.5);
      const p = phraseEndingAt(doc, last, floor);
      if (!p || !p.named) continue;
      const lead = doc.text.slice(clauseStart, p.start);
      if (/^[\s“"‘']*(?:(?:But|And|So|Yet|Meanwhile|However|Still),?\s+)?$/.test(lead) || endsWithBeforeSpaces(doc.text, clauseStart, p.start, ',;:(—–')) return { phrase: p, passive };
    }
    const p = phraseEndingAt(doc, idx, floor);
    return p ? { phrase: p, passive } : null;
  }
  return null;
}

/** A phrase starting right after token `after` (gap of spaces or a comma). */
function phraseAfter(ctx: Context, after: number, ceilOffset: number): Phrase | null {
  const { doc } = ctx;
  const next = after + 1;
  const t = doc.tokens[next];
  if (!t || t.start >= ceilOffset) return null;
  const gap = doc.text.slice(doc.tokens[after]!.end, t.start);
  if (!/^\s*$/.test(gap)) return null;
  return phraseStartingAt(doc, next, firstTokenAtOrAfter(doc, ceilOffset));
}

// ---------- quotes ----------

interface Found {
  phrase: Phrase | null;
  verb: VerbHit | null;
  rule: string;
  passive?: boolean;
}

/** ".", "!" or "?" (char codes; a regex per character is slow). */
function isTerminator(code: number): boolean {
  return code === 46 || code === 33 || code === 63;
}

/** End of the clause after a quote: the next sentence end that is not a title's period, the next quote, or the paragraph end. */
function afterLimit(doc: Doc, from: number, quotes: readonly QuoteSpan[], para: Span): number {
  let limit = Math.min(para.end, from + MAX_AFTER);
  const nextQ = quotes[firstQuoteAtOrAfter(quotes, from)];
  if (nextQ && nextQ.start < limit) limit = nextQ.start;
  for (let i = from; i < limit; i++) {
    if (!isTerminator(doc.text.charCodeAt(i))) continue;
    const word = lettersEndingAt(doc.text, Math.max(from, i - 5), i).toLowerCase();
    if (doc.text[i] === '.' && word && (TITLE_ABBR.has(word) || NAME_SUFFIX.has(word) || word.length === 1)) continue;
    if (i > from) return i + 1;
  }
  return limit;
}

function beforeLimit(doc: Doc, to: number, quotes: readonly QuoteSpan[], para: Span): number {
  let limit = Math.max(para.start, to - MAX_BEFORE);
  // Quotes are disjoint and sorted, so the last one ending by `to` is the last one starting before it (or the one before that).
  let qi = firstQuoteAtOrAfter(quotes, to) - 1;
  while (qi >= 0 && quotes[qi]!.end > to) qi--;
  const prevQ = qi >= 0 ? quotes[qi] : undefined;
  if (prevQ && prevQ.end > limit) limit = prevQ.end;
  for (let i = to - 1; i > limit; i--) {
    if (!isTerminator(doc.text.charCodeAt(i)) || !/\s/.test(doc.text[i + 1] ?? ' ')) continue;
    const word = lettersEndingAt(doc.text, Math.max(limit, i - 5), i).toLowerCase();
    if (doc.text[i] === '.' && word && (TITLE_ABBR.has(word) || NAME_SUFFIX.has(word) || word.length === 1)) continue;
    return i + 1;
  }
  return limit;
}

/** `"…," said X` or `"…," X said` right after the quote; also "X, appositive, said". */
function attributionAfter(ctx: Context, q: QuoteSpan, limit: number): Found | null {
  const { doc } = ctx;
  const i = firstTokenAtOrAfter(doc, q.end);
  const t = doc.tokens[i];
  if (!t || t.start >= limit) return null;
  const lead = doc.text.slice(q.end, t.start);
  if (!/^[\s,;:—–-]*$/.test(lead)) return null;
  const ceil = firstTokenAtOrAfter(doc, limit);
  // Inverted: said the spokesperson / said Mr. Priebus
  const v = matchVerb(doc, i);
  if (v && !v.form.norms.includes('according')) {
    const p = phraseAfter(ctx, v.last, limit);
    if (p) return { phrase: p, verb: v, rule: 'after-inverted' };
  }
  let p = phraseStartingAt(doc, i, ceil);
  if (p) {
    // "Sen. Richard Blumenthal (D-Conn.) said"; "X (D) and Y (D) said": a party code and a second subject joined by "and".
    let k = firstTokenAtOrAfter(doc, afterParen(doc, p.end));
    if (doc.tokens[k]?.norm === 'and' && k + 1 < ceil) {
      const p2 = phraseStartingAt(doc, k + 1, ceil);
      if (p2 && p2.named && p.named) {
        p = { ...p2, first: p.first, start: p.start, definite: p.definite };
        k = firstTokenAtOrAfter(doc, afterParen(doc, p.end));
      }
    }
    const after = doc.text.slice(afterParen(doc, p.end), doc.tokens[k]?.start ?? p.end);
    if (/^\s*,/.test(after)) {
      // "X, the top Democrat on the committee, said"
      for (let j = k; j < ceil && j < k + 25; j++) {
        const gap = doc.text.slice(doc.tokens[j - 1]!.end, doc.tokens[j]!.start);
        if (/[.;!?]/.test(gap)) break;
        if (/,\s*$/.test(gap)) {
          let m = j;
          while (m < ceil && (words.bits[m]! & AUX_WORD) !== 0) m++;
          const vv = matchVerb(doc, m);
          if (vv) return { phrase: p, verb: vv, rule: 'after-appositive' };
        }
      }
      return null;
    }
    while (k < ceil && (words.bits[k]! & AUX_WORD) !== 0) k++;
    const vv = matchVerb(doc, k);
    if (vv) return { phrase: p, verb: vv, rule: 'after-subject' };
  }
  return null;
}

/** The first offset from `from` (below `limit`) that is not white space (`\s`), else `limit`. */
function skipSpaces(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c !== 32 && (c < 9 || c > 13) && (c < 128 || !SPACE_CHAR.test(text[i]!))) break;
    i++;
  }
  return i;
}

/**
 * `/[<chars>]\s*$/.test(text.slice(from, to))` read in place (none of `chars` is white space): the last
 * character before trailing white space is one of `chars`. The regex would try every offset of a long slice.
 */
function endsWithBeforeSpaces(text: string, from: number, to: number, chars: string): boolean {
  let i = to;
  while (i > from) {
    const c = text.charCodeAt(i - 1);
    if (c !== 32 && (c < 9 || c > 13) && (c < 128 || !SPACE_CHAR.test(text[i - 1]!))) break;
    i--;
  }
  return i > from && chars.includes(text[i - 1]!);
}

/** Offset after a parenthesis right after `at` ("(R-Ky.)"), else `at`. */
function afterParen(doc: Doc, at: number): number {
  // Most names are followed by no "(": no slice and no regex for them.
  const limit = Math.min(doc.text.length, at + 48);
  const open = skipSpaces(doc.text, at, limit);
  if (open >= limit || doc.text.charCodeAt(open) !== 40) return at;
  const m = /^\s*\([^()]{1,40}\)/.exec(doc.text.slice(at, at + 48));
  return m ? at + m[0].length : at;
}

/** "according to X" in the given range. */
function accordingTo(ctx: Context, from: number, to: number): Found | null {
  const { doc } = ctx;
  // Only tokens that may start a reporting verb can be "according" (its bit is set): read from that list.
  const starts = ctx.verbStarts;
  for (let s = bisectLeft(starts, firstTokenAtOrAfter(doc, from)); s < starts.length && doc.tokens[starts[s]!]!.end <= to; s++) {
    const i = starts[s]!;
    if (doc.tokens[i]!.norm !== 'according') continue;
    const v = matchVerb(doc, i);
    if (!v) continue;
    const p = phraseAfter(ctx, v.last, to);
    if (p) return { phrase: p, verb: v, rule: 'according-to' };
  }
  return null;
}

/** The last reporting verb before the quote with its subject: `X said: "…"`, `X called it "…"`, `X, saying "…"`. */
function attributionBefore(ctx: Context, q: QuoteSpan, from: number): Found | null {
  const { doc } = ctx;
  const first = firstTokenAtOrAfter(doc, from);
  const last = lastTokenEndingBy(doc, q.start);
  for (let i = last; i >= first; i--) {
    const v = matchVerb(doc, i);
    if (!v || v.last > last || v.form.norms[0] === 'according') continue;
    const form = doc.tokens[v.first]!.norm;
    // The clause starts at the sentence start or, inside a sentence split by an earlier quote, after that quote.
    const clauseFrom = Math.max(sentenceOf(doc, q.start).start, from);
    if (form.endsWith('ing')) {
      const p = clauseSubject(ctx, clauseFrom, doc.tokens[v.first]!.start);
      if (p) return { phrase: p, verb: v, rule: 'before-participle' };
      continue;
    }
    const s = subjectBefore(ctx, v.first, from);
    if (s && !s.passive) return { phrase: s.phrase, verb: v, rule: 'before-subject' };
    if (s?.passive) continue;
    // "She went on to say that …", "X declined to comment, but wrote …": an infinitive's speaker is its clause's subject.
    if (v.first > first && doc.tokens[v.first - 1]!.norm === 'to') {
      const p = clauseSubject(ctx, clauseFrom, doc.tokens[v.first]!.start);
      if (p) return { phrase: p, verb: v, rule: 'before-infinitive' };
      continue;
    }
    // Inverted before the quote: "said the spokesperson: '…'" is rare; "said Rubio, '…'" occurs.
    const p = phraseAfter(ctx, v.last, q.start);
    if (p && p.named) return { phrase: p, verb: v, rule: 'before-inverted' };
  }
  return null;
}

/** The first speaker-like phrase of a clause (subject of a participle: "Bloomberg …, saying"). */
function clauseSubject(ctx: Context, from: number, to: number): Phrase | null {
  const { doc } = ctx;
  const ceil = firstTokenAtOrAfter(doc, to);
  let i = firstTokenAtOrAfter(doc, from);
  // Skip one leading conjunction ("But", "And") and try the sentence start, then the clause after an introductory phrase.
  if (doc.tokens[i] && (words.bits[i]! & LEAD_WORD) !== 0) i++;
  const t = doc.tokens[i];
  if (!t || t.start >= to) return null;
  const p = phraseStartingAt(doc, i, ceil);
  if (p && !/['’]s$/.test(doc.text.slice(p.start, p.end)) && !/^\s*,/.test(doc.text.slice(p.end, p.end + 2))) return p;
  const comma = doc.text.indexOf(',', t.start);
  if (comma >= 0 && comma < to) {
    const j = firstTokenAtOrAfter(doc, comma);
    const q = j < ceil ? phraseStartingAt(doc, j, ceil) : null;
    if (q ?? p) return q ?? p;
  }
  if (p) return p;
  // "In Wednesday's speech the senator also took …": after a leading prepositional phrase, the first phrase followed by a verb-like word.
  for (let k = i + 1; k < ceil; k++) {
    const prev = doc.tokens[k - 1]!;
    if ((words.bits[k - 1]! & PREPOSITION) !== 0 || /['’]s$/.test(doc.text.slice(prev.start, prev.end))) continue;
    const c = phraseStartingAt(doc, k, ceil);
    if (!c || /['’]s$/.test(doc.text.slice(c.start, c.end))) continue;
    const next = doc.tokens[c.last + 1];
    if (next && next.start < to && /^\s+$/.test(doc.text.slice(c.end, next.start)) && /^\p{Ll}/u.test(doc.text.slice(next.start, next.end)) && (words.bits[c.last + 1]! & PREPOSITION) === 0 && next.norm !== 'and') return c;
    k = c.last;
  }
  return null;
}


/** `[\p{L}\p{N}]`: a character of a word in a quoted name or title. */
const WORD_CHAR = LETTER | NUMBER;

/**
 * A quoted name or title rather than speech: at most six words, each capitalized, a number or short, no closing punctuation.
 * A word is `/[\p{L}\p{N}][\p{L}\p{N}'’-]*\/u` (read by code point, with the classes decided once per character).
 */
function isNameLike(doc: Doc, q: QuoteSpan): boolean {
  // Reads at most seven words in place (no slice of a long quote): a longer quote is speech whatever its words.
  // Stripping a final "," or "." first would change no word, so words are read from the raw inner text.
  const text = doc.text;
  let words = 0;
  let capitalized = true;
  for (let i = q.innerStart; i < q.innerEnd; ) {
    const cls = flagsAt(text, i);
    if ((cls & WORD_CHAR) === 0) {
      i += unitsAt(text, i);
      continue;
    }
    if (++words > 6) return false;
    let j = i + unitsAt(text, i);
    while (j < text.length) {
      const c2 = text.charCodeAt(j);
      if (c2 === 39 || c2 === 0x2019 || c2 === 45 || (flagsAt(text, j) & WORD_CHAR) !== 0) j += unitsAt(text, j);
      else break;
    }
    // A word running past the quote is cut where the quote ends, as in the inner text.
    if ((cls & (UPPER | NUMBER)) === 0 && Math.min(j, q.innerEnd) - i > 3) capitalized = false;
    i = j;
  }
  if (words === 0) return true;
  const inner = text.slice(q.innerStart, q.innerEnd).replace(/[,.]\s*$/, '');
  if (/[.!?,]$/.test(inner.trim())) return false;
  return capitalized;
}

/** True when `s` (trimmed) splits into at least `n` whitespace-separated words; stops counting at `n`. */
function wordCountAtLeast(s: string, n: number): boolean {
  let words = 1;
  const gaps = /\s+/g;
  while (words < n && gaps.exec(s)) words++;
  return words >= n;
}

function quoteKind(doc: Doc, q: QuoteSpan, para: Span): 'direct' | 'partial' {
  const inner = doc.text.slice(q.innerStart, q.innerEnd).trim();
  const lead = doc.text.slice(Math.max(para.start, q.start - 3), q.start);
  const sent = sentenceOf(doc, q.start);
  const atStart = q.start <= sent.start || q.start === para.start || /[:,;—–]\s*$/.test(lead) || /[.!?]["”’]?\s*$/.test(lead);
  if (!q.closed) return 'direct';
  if (atStart && (/[.,!?…—–-]$/.test(inner) || wordCountAtLeast(inner, 6))) return 'direct';
  return 'partial';
}

function attributeQuote(ctx: Context, q: QuoteSpan, prev: { quote: QuoteSpan; attr: Attribution } | null, usedVerbs: Set<number>): Attribution | null {
  const { doc } = ctx;
  if (isNameLike(doc, q)) return null;
  const para = paragraphOf(doc, q.start);
  const kind = quoteKind(doc, q, para);
  const quotes = ctx.quotes;
  const aLimit = afterLimit(doc, q.end, quotes, para);
  const bLimit = beforeLimit(doc, q.start, quotes, para);
  let found: Found | null = null;
  // A partial quote that is itself the reporting verb: Pyongyang “strongly denounced” …
  if (kind === 'partial') {
    const i = firstTokenAtOrAfter(doc, q.innerStart);
    for (let k = i; k < i + 2 && k < doc.tokens.length && doc.tokens[k]!.end <= q.innerEnd; k++) {
      const v = matchVerb(doc, k);
      if (!v) continue;
      const last = lastTokenEndingBy(doc, q.start);
      const p = last >= 0 && doc.tokens[last]!.start >= bLimit && /^\s*$/.test(doc.text.slice(doc.tokens[last]!.end, q.start)) ? phraseEndingAt(doc, last) : null;
      if (p) found = { phrase: p, verb: v, rule: 'quoted-verb' };
      break;
    }
  }
  const order = kind === 'direct' ? ['after', 'before', 'according'] : ['before', 'after', 'according'];
  for (const step of order) {
    if (found) break;
    if (step === 'after') found = attributionAfter(ctx, q, aLimit);
    else if (step === 'before') found = attributionBefore(ctx, q, bLimit);
    else found = accordingTo(ctx, sentenceOf(doc, q.start).start, Math.max(aLimit, sentenceOf(doc, q.end - 1).end)) ?? accordingTo(ctx, bLimit, q.start);
  }
  if (found?.verb) usedVerbs.add(found.verb.first);
  // Verbs in an attributed quote's tail ("…," said X, according to Y) belong to that quote, not to reported speech.
  if (found?.rule.startsWith('after')) for (let i = firstTokenAtOrAfter(doc, q.end); i < doc.tokens.length && doc.tokens[i]!.end <= aLimit; i++) usedVerbs.add(i);
  const base = { kind, start: q.start, end: q.end } as const;
  if (found?.phrase) {
    const ref = resolve(ctx, found.phrase, q.start, true);
    return finish(ctx, base, ref, found, found.phrase);
  }
  // No attribution in reach: a quote continuing the previous one (same paragraph, or a new paragraph opening with a quote) keeps its speaker.
  if (prev && prev.attr.speaker) {
    const samePara = paragraphOf(doc, prev.quote.start).start === para.start;
    const continues = !prev.quote.closed || (q.start === para.start && paragraphIndex(doc, para.start) - paragraphIndex(doc, prev.quote.start) === 1);
    if (samePara || continues) {
      const a = { kind: base.kind, start: base.start, end: base.end, speaker: prev.attr.speaker } as Attribution;
      if (prev.attr.speakerSpan) a.speakerSpan = prev.attr.speakerSpan;
      if (prev.attr.speakerTitle) a.speakerTitle = prev.attr.speakerTitle;
      a.resolution = 'inherited';
      a.verb = null;
      a.verbClass = null;
      a.sourceType = prev.attr.sourceType;
      a.rule = 'continues-previous';
      return a;
    }
  }
  // "X posted this update: “…”": the clause introducing a colon speaks.
  if (endsWithBeforeSpaces(doc.text, bLimit, q.start, ':')) {
    const p = clauseSubject(ctx, bLimit, q.start);
    if (p) return finish(ctx, base, resolve(ctx, p, q.start, true), { phrase: p, verb: null, rule: 'colon-intro' }, p);
  }
  // Else the latest speaker of the same paragraph ("Lenahan says he sees … “There is …”").
  let inPara = lastSpeaker(ctx.speakers, q.start, (sp) => sp.at >= para.start, para.start);
  // A paragraph that is only this quote continues the previous paragraph's speaker ("…, Trump tweeted.\n\n“Grandstander? …”").
  const pi = paragraphIndex(doc, q.start);
  const prevPara = pi > 0 ? doc.paragraphs[pi - 1]! : null;
  const wholePara = q.start === para.start && /^[\s.,!?…)\]"”’]*$/.test(doc.text.slice(q.end, para.end));
  const colonPara = prevPara !== null && endsWithBeforeSpaces(doc.text, prevPara.start, prevPara.end, ':');
  if (!inPara && prevPara && q.start === para.start && (wholePara || colonPara)) {
    inPara = lastSpeaker(ctx.speakers, q.start, (sp) => sp.at >= prevPara.start, prevPara.start);
    // "The committee issued a brief statement:" ending the previous paragraph introduces this one.
    if (!inPara && colonPara) {
      const last = sentenceOf(doc, prevPara.end - 1);
      const p = clauseSubject(ctx, Math.max(last.start, prevPara.start), prevPara.end);
      if (p) return finish(ctx, base, resolve(ctx, p, q.start, true), { phrase: p, verb: null, rule: 'colon-intro' }, p);
    }
  }
  if (inPara) {
    const a = { kind: base.kind, start: base.start, end: base.end, speaker: inPara.name, speakerSpan: inPara.span } as Attribution;
    if (inPara.title) a.speakerTitle = inPara.title;
    a.resolution = 'inherited';
    a.verb = null;
    a.verbClass = null;
    a.sourceType = inPara.sourceType;
    a.rule = 'paragraph-speaker';
    return a;
  }
  const dash = dashAttribution(ctx, q, para);
  if (dash) return finish(ctx, base, resolve(ctx, dash, q.start, true), { phrase: dash, verb: null, rule: 'headline-dash' }, dash);
  // A literal, not a spread of `base`: spreads copy properties at run time (slow in V8).
  return { kind: base.kind, start: base.start, end: base.end, speaker: null, resolution: 'none', verb: null, verbClass: null, sourceType: 'other', rule: 'unattributed' };
}

/** Headline convention "West forging ‘Asian version of NATO’ – North Korea": a short line ending in a dash and a name. */
function dashAttribution(ctx: Context, q: QuoteSpan, para: Span): Phrase | null {
  const { doc } = ctx;
  const rest = doc.text.slice(q.end, para.end);
  const m = /^[^.!?]*?\s[–—-]\s+(?=\S)/u.exec(rest);
  if (!m || para.end - para.start > 160 || /[.!?]$/.test(doc.text.slice(para.start, para.end))) return null;
  const i = firstTokenAtOrAfter(doc, q.end + m[0].length);
  const p = phraseStartingAt(doc, i, firstTokenAtOrAfter(doc, para.end));
  return p && p.named && p.end === para.end ? p : null;
}

function paragraphIndex(doc: Doc, offset: number): number {
  return spanIndexAt(doc.paragraphs, offset);
}

function finish(ctx: Context, base: { kind: QuoteKind; start: number; end: number }, ref: SpeakerRef, found: Found, phrase: Phrase): Attribution {
  const verb = found.verb;
  const title = ref.resolution === 'name' ? appositiveAt(ctx, phrase.end) : ref.title;
  const cue = verb ? { start: ctx.doc.tokens[verb.first]!.start, end: ctx.doc.tokens[verb.last]!.end } : undefined;
  // Properties assigned in the order of the Attribution type (the report's key order). No spreads: in V8 a conditional
  // spread inside a literal, or properties added to an object made by a spread, are about 100 times slower.
  const a = { kind: base.kind, start: base.start, end: base.end, speaker: ref.resolution === 'unresolved' && ref.personal === false && phrase.pronoun ? null : ref.name, speakerSpan: ref.span } as Attribution;
  if (title) a.speakerTitle = title;
  a.mentionSpan = ref.mention;
  a.resolution = ref.resolution;
  a.verb = verb ? verb.form.lemma : null;
  a.verbClass = verb ? verb.form.verbClass : null;
  if (cue) a.cueSpan = cue;
  a.sourceType = sourceTypeOf(ctx, ref, phrase);
  a.rule = found.rule;
  return a;
}

/** appositiveAfter, read once per offset of the doc. */
function appositiveAt(ctx: Context, end: number): string | undefined {
  let v = ctx.appositiveMemo.get(end);
  if (v === undefined) ctx.appositiveMemo.set(end, (v = appositiveAfter(ctx.doc, end) ?? null));
  return v ?? undefined;
}

/** The appositive right after a speaker phrase ending at `end`: ", a spokesman for X," or "(R-Calif.)". */
function appositiveAfter(doc: Doc, end0: number): string | undefined {
  // Both forms start with "(" or "," after white space: most names have neither, and skip the slice and regexes.
  const limit = Math.min(doc.text.length, end0 + 200);
  const first = skipSpaces(doc.text, end0, limit);
  if (first >= limit || (doc.text.charCodeAt(first) !== 40 && doc.text.charCodeAt(first) !== 44)) return undefined;
  const rest = doc.text.slice(end0, end0 + 200);
  const paren = /^\s*\(([^()]{1,40})\)/.exec(rest);
  if (paren) return paren[1]!.trim();
  const m = /^\s*,\s*/.exec(rest);
  if (!m) return undefined;
  let end = m[0].length;
  while (end < rest.length) {
    const c = rest.charCodeAt(end);
    // , ; : " “ ” ( )
    if (c === 44 || c === 59 || c === 58 || c === 34 || c === 0x201c || c === 0x201d || c === 40 || c === 41) break;
    if (isTerminator(c) && /\s/.test(rest[end + 1] ?? ' ') && !TITLE_ABBR.has(lettersEndingAt(doc.text, end0, end0 + end).toLowerCase()) && !initialEndingAt(doc.text, end0, end0 + end)) break;
    end++;
  }
  const text = rest.slice(m[0].length, end).trim();
  // A relative clause ("who said", "who did not respond") describes an act, not the speaker's position.
  if (!text || wordCountAtLeast(text, 17) || /^(?:said|says|told|added|according|who|which|that|whose|where|when|though|however)\b/.test(text)) return undefined;
  return text.replace(/\.$/, '');
}

// ---------- reported speech ----------

interface ReportedCandidate {
  sentence: Span;
  verb: VerbHit;
}

/** Reported-speech candidates; `verbStarts` receives every token that may start a reporting verb (ascending). */
function reportedCandidates(doc: Doc, quotes: readonly QuoteSpan[], verbStarts: number[]): ReportedCandidate[] {
  const out: ReportedCandidate[] = [];
  const bits = words.bits;
  let collected = 0;
  for (let i = 0; i < doc.tokens.length; i++) {
    // Most tokens are no reporting verb's first word: rejected here without a call.
    if ((bits[i]! & VERB_START) === 0) continue;
    // The loop skips the words of a matched form (`i = v.last`); the list must not miss them.
    for (let k = collected; k < i; k++) if ((bits[k]! & VERB_START) !== 0) verbStarts.push(k);
    verbStarts.push(i);
    collected = i + 1;
    const v = matchVerb(doc, i);
    if (!v || v.form.quoteOnly) continue;
    const t = doc.tokens[i]!;
    if (quoteAt(quotes, t.start)) continue;
    const sentence = sentenceOf(doc, t.start);
    out.push({ sentence, verb: v });
    i = v.last;
  }
  for (let k = collected; k < doc.tokens.length; k++) if ((bits[k]! & VERB_START) !== 0) verbStarts.push(k);
  return out;
}

/** Where the clause holding offset `at` starts: the sentence start, or the end of the last quote between it and `at`. */
function clauseStart(ctx: Context, sentenceStart: number, at: number): number {
  // The latest quote end by `at` (quotes are disjoint, so ends grow with starts).
  const quotes = ctx.quotes;
  let qi = firstQuoteAtOrAfter(quotes, at) - 1;
  while (qi >= 0 && quotes[qi]!.end > at) qi--;
  const q = quotes[qi];
  return q && q.end > sentenceStart ? q.end : sentenceStart;
}

function finishReported(ctx: Context, r: ReportedCandidate): Attribution | null {
  const { doc } = ctx;
  const v = r.verb;
  const verbTok = doc.tokens[v.first]!;
  let phrase: Phrase | null = null;
  let rule = '';
  if (v.form.norms[0] === 'according') {
    phrase = phraseAfter(ctx, v.last, r.sentence.end);
    rule = 'reported-according-to';
  } else if (verbTok.norm.endsWith('ing')) {
    // ", saying …" / ", warning …": the clause's subject speaks.
    if (!/,\s*$/.test(doc.text.slice(Math.max(r.sentence.start, verbTok.start - 3), verbTok.start))) return null;
    // After another reporting verb in the sentence ("…, the ministry said, blasting …") it repeats that speaker's act.
    for (let k = firstTokenAtOrAfter(doc, r.sentence.start); k < v.first; k++) if (matchVerb(doc, k)) return null;
    phrase = clauseSubject(ctx, clauseStart(ctx, r.sentence.start, verbTok.start), verbTok.start);
    rule = 'reported-participle';
  } else {
    const s = subjectBefore(ctx, v.first, r.sentence.start);
    if (s && !s.passive) {
      phrase = s.phrase;
      rule = 'reported-subject';
    } else if (!s) {
      // "…, the ministry said." / "…, said the ministry."
      const p = phraseAfter(ctx, v.last, r.sentence.end);
      if (p && endsWithBeforeSpaces(doc.text, r.sentence.start, verbTok.start, ',')) {
        phrase = p;
        rule = 'reported-inverted';
      }
    }
  }
  if (!phrase) return null;
  if (v.form.lemma === 'read' && !DOCUMENT_NOUNS.has(phrase.head)) return null;
  const ref = resolve(ctx, phrase, verbTok.start);
  return finish(ctx, { kind: 'reported', start: r.sentence.start, end: r.sentence.end }, ref, { phrase, verb: v, rule }, phrase);
}

// ---------- resolution ----------

/** Titles written before names, by the role noun that refers back to them. */
const TITLE_FORMS: Partial<Record<string, string[]>> = {
  president: ['president', 'pres'],
  governor: ['governor', 'gov'],
  senator: ['senator', 'sen'],
  representative: ['representative', 'rep', 'congressman', 'congresswoman'],
  congressman: ['representative', 'rep', 'congressman'],
  congresswoman: ['representative', 'rep', 'congresswoman'],
  general: ['general', 'gen'],
  secretary: ['secretary'],
  minister: ['minister'],
  ambassador: ['ambassador', 'amb'],
  mayor: ['mayor'],
  judge: ['judge'],
  chairman: ['chairman', 'chair'],
  leader: ['leader'],
  speaker: ['speaker'],
};

const STRIP_LEAD = /^(?:the|a|an|this|that|its|his|her|their|our)\s+/i;
const STRIP_TITLE = /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Adm|Prof|Sgt|Capt|Maj|Amb|Rev|Hon)\.?\s+/;

/** The name to report for a phrase: determiners and title abbreviations dropped, descriptive actor names replaced by the actor ("the isolated nation's" → "North Korea's"). */
function canonicalName(ctx: Context, p: Phrase): string {
  const { doc } = ctx;
  let text = '';
  let cursor = p.start;
  for (let i = firstMentionAtOrAfter(ctx, p.start); i < ctx.mentions.length && ctx.mentions[i]!.start <= p.end; i++) {
    const m = ctx.mentions[i]!;
    if (m.end > p.end) continue;
    if (m.kind !== 'descriptive' && m.kind !== 'pejorative') continue;
    const surface = doc.text.slice(m.start, m.end);
    const poss = /['’]s$/.test(surface) ? '’s' : '';
    text += doc.text.slice(cursor, m.start) + m.label + poss;
    cursor = m.end;
  }
  text += doc.text.slice(cursor, p.end);
  // "Trump Jr." keeps its period; a party code inside a joined subject ("McCabe (D) and …") is not part of the name.
  if (NAME_SUFFIX.has(doc.tokens[p.last]!.norm) && doc.text[p.end] === '.') text += '.';
  return cleanName(text);
}

/** A phrase's text as a name: parentheses, runs of spaces, a possessive, leading determiners and title abbreviations dropped. */
const cleanName = memoized((text) => {
  // A possessive is not part of a speaker's name ("President Trump’s" as the antecedent of "the president").
  let out = text.replace(/\s*\([^()]*\)/g, '').replace(/\s+/g, ' ').trim().replace(/['’]s$/, '');
  for (let k = 0; k < 3; k++) out = out.replace(STRIP_LEAD, '').replace(STRIP_TITLE, '');
  return out;
});

function resolve(ctx: Context, p: Phrase, at: number, quoted = false): SpeakerRef {
  const { doc } = ctx;
  const mention = { start: p.start, end: p.end };
  const own: SpeakerRef = { name: canonicalName(ctx, p), span: mention, mention, resolution: 'name', personal: false, head: p.head };
  own.personal = !(p.definite && p.named) && isPersonal(ctx, own.name);
  if (p.pronoun) {
    const personal = PERSONAL_PRONOUNS.has(p.head);
    if (p.head === 'we') return { ...own, resolution: 'unresolved' };
    if (personal) {
      const r = resolvePersonalPronoun(ctx, p, at);
      if (r) return r;
      // No compatible named person in reach: no guess across a gender cue.
      const want: Gender = p.head === 'she' ? 'f' : 'm';
      const far = mostNamedPerson(ctx, at);
      if (!far || (ctx.statedGenders(ctx.keyOf(far.name)) & GENDER_BIT[want === 'm' ? 'f' : 'm']) !== 0) return { ...own, name: doc.text.slice(p.start, p.end), resolution: 'unresolved', personal };
      return { name: far.type === 'unknown' ? far.name : far.label, span: { start: far.start, end: far.end }, mention, resolution: 'pronoun', personal, head: ctx.headOf(far.name) };
    }
    const sp = lastSpeaker(ctx.speakers, at, (s) => s.personal === personal && at - s.at < 3000, at - 2999);
    if (sp) return { ...sp, mention, resolution: 'pronoun' };
    // Else an earlier mention of a compatible kind within the last two sentences, subjects (sentence-initial) first.
    const sent = spanIndexAt(doc.sentences, at);
    // Only mentions from two sentences back can pass (when there are two sentences back); the filter below decides.
    const from = sent >= 2 ? firstMentionAtOrAfter(ctx, doc.sentences[sent - 2]!.start) : 0;
    const near: Mention[] = [];
    for (let i = from; i < ctx.mentions.length && ctx.mentions[i]!.start <= at; i++) near.push(ctx.mentions[i]!);
    const compatible = near.reverse().filter((x) => {
      if (x.end > at) return false;
      const xs = spanIndexAt(doc.sentences, x.start);
      if (sent - xs > 2) return false;
      const institution = afterThe(doc.text, x.start);
      return personal ? x.type === 'person' || (x.type === 'unknown' && !institution && isPersonal(ctx, x.name)) : x.type !== 'person';
    });
    const isSubject = (x: Mention): boolean => {
      const si = spanIndexAt(doc.sentences, x.start);
      const ss = si >= 0 ? doc.sentences[si]!.start : x.start;
      return /^[\s“"‘(]*(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.test(doc.text.slice(ss, x.start));
    };
    const m = compatible.find(isSubject) ?? compatible[0] ?? (personal ? mostNamedPerson(ctx, at) : undefined);
    if (m) return { name: m.type === 'unknown' ? m.name : m.label, span: { start: m.start, end: m.end }, mention, resolution: 'pronoun', personal, head: ctx.headOf(m.name) };
    return { ...own, name: doc.text.slice(p.start, p.end), resolution: 'unresolved', personal };
  }
  if (!p.named && p.definite) {
    if (DOCUMENT_NOUNS.has(p.head)) {
      const issuer = documentIssuer(ctx, p);
      if (issuer) {
        const r = resolve(ctx, issuer, at, quoted);
        if (r.resolution !== 'unresolved') return { ...r, mention, resolution: 'document' };
      }
      const sp = lastSpeaker(ctx.nonDocumentSpeakers, at, () => true);
      if (sp) return { ...sp, mention, resolution: 'document' };
      return { ...own, resolution: 'unresolved' };
    }
    // "the spokesperson" → the latest more specific phrase with the same head ("the foreign ministry spokesperson");
    // "the governor" → the latest name carrying that title ("Gov. Mike Pence").
    const stem = doc.tokens[p.last]!.stem;
    const titles = TITLE_FORMS[p.head] ?? [p.head];
    const earlier = earlierRoleMention(ctx, p, stem, titles);
    const sp = lastSpeaker(ctx.multiWordSpeakersByHead.get(p.head) ?? [], at, () => true);
    if (sp && (!earlier || sp.span.start >= earlier.phrase.start)) return { ...sp, mention, resolution: 'role' };
    if (earlier) {
      const name = canonicalName(ctx, earlier.phrase);
      return { name, span: { start: earlier.phrase.start, end: earlier.phrase.end }, mention, resolution: 'role', personal: isPersonal(ctx, name), head: p.head };
    }
    return { ...own, resolution: 'unresolved' };
  }
  if (p.named) {
    // A capital or country speaking ("Pyongyang denounced") is refined to the organ of that state already quoted ("North Korean Foreign Ministry").
    let country: Mention | undefined;
    if (quoted) for (let i = firstMentionAtOrAfter(ctx, p.start); i < ctx.mentions.length && ctx.mentions[i]!.start === p.start && !country; i++) {
      const m = ctx.mentions[i]!;
      if (m.end === p.end && m.type === 'country' && m.via === 'alias') country = m;
    }
    if (country) {
      const sp = lastSpeaker(metonymSpeakers(ctx, country.actorId), at, () => true);
      if (sp) return { ...sp, mention, resolution: 'metonym' };
    }
    // A surname alone ("Bloomberg") takes the full name written earlier ("Michael Bloomberg").
    if (!own.name.includes(' ') && /^\p{Lu}/u.test(own.name)) {
      const full = lastMentionEndingBy(ctx.mentionsBySurname.get(own.name) ?? [], p.start);
      if (full) return { ...own, name: full.type === 'person' ? full.label : canonicalOf(ctx.info(full.name), full.name), span: { start: full.start, end: full.end }, resolution: 'name', personal: true };
    }
  }
  return own;
}

/**
 * The latest role mention ending by `p.start` that `p` ("the spokesperson", "the governor") refers to:
 * one with the same head stem that is named or longer ("the foreign ministry spokesperson"), or a
 * named one carrying the title ("Gov. Mike Pence"). A named holder of the title ("Sen. Marco Rubio")
 * beats a longer description without a name ("the conservative senator").
 */
function earlierRoleMention(ctx: Context, p: Phrase, stem: string, titles: readonly string[]): { phrase: Phrase } | undefined {
  ctx.ensureRoles(p.start);
  let best = lastRoleEndingBy(ctx, ctx.roleByStemNamed.get(stem), p.start);
  for (const t of titles) best = Math.max(best, lastRoleEndingBy(ctx, ctx.roleByTitleNamed.get(t), p.start));
  if (best < 0) {
    // The latest unnamed one that is longer (tokens − 1 at least p's token count, below 64).
    const list = ctx.roleByStemUnnamed.get(stem);
    const want = p.last - p.first + 1;
    if (list) {
      for (let k = list.length - 1; k >= 0; k--) {
        const r = ctx.roleMentions[list[k]!]!.phrase;
        const len = r.last - r.first;
        if (r.end <= p.start && len >= want && len < 64) {
          best = list[k]!;
          break;
        }
      }
    }
  }
  return best >= 0 ? ctx.roleMentions[best] : undefined;
}

/** The largest index in `list` (ascending indices into roleMentions) whose phrase ends by `bound`, or -1. */
function lastRoleEndingBy(ctx: Context, list: readonly number[] | undefined, bound: number): number {
  if (!list) return -1;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.roleMentions[list[mid]!]!.phrase.end <= bound) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1]! : -1;
}

/** The last of `list` (mentions in text order) ending by `bound`. */
function lastMentionEndingBy(list: readonly Mention[], bound: number): Mention | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < bound) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) if (list[i]!.end <= bound) return list[i];
  return undefined;
}

/** Speakers whose name holds an organ word and one of the names the article uses for a country ("North Korean Foreign Ministry"), in the order added; checked once per speaker. */
function metonymSpeakers(ctx: Context, actorId: string): Speaker[] {
  let e = ctx.metonymMatches.get(actorId);
  if (!e) ctx.metonymMatches.set(actorId, (e = { checked: 0, names: aliasNamesOf(ctx, actorId), matches: [] }));
  for (; e.checked < ctx.orgSpeakers.length; e.checked++) {
    const s = ctx.orgSpeakers[e.checked]!;
    if (e.names.some((n) => s.name.includes(n))) e.matches.push(s);
  }
  return e.matches;
}

// Salience factor weights of Lappin & Leass (1994): sentence recency 100, subject 80, head noun 80, non-adverbial 50; halved per sentence back.
const SALIENCE = { recency: 100, subject: 80, head: 80, nonAdverbial: 50 } as const;
const SALIENCE_SENTENCES = 3;

/**
 * "he"/"she" → the named person with the highest salience over the current and
 * last three sentences (Lappin & Leass 1994: each mention adds recency 100,
 * subject 80, head noun (not possessive) 80, non-adverbial 50, halved per
 * sentence back; earlier speakers count as subjects at their attribution).
 * Candidates must agree in gender when the text gives a cue (honorific, gendered
 * role noun, given name, an earlier "he"/"she") and be known persons: a table
 * person, an earlier speaker, or a name with a gender cue.
 */
function resolvePersonalPronoun(ctx: Context, p: Phrase, at: number): SpeakerRef | null {
  const { doc } = ctx;
  const want: Gender = p.head === 'she' ? 'f' : 'm';
  // Distances count from the quote (`at`), not from a pronoun after it ("“… Country!” he wrote" is split off by the "!").
  const sentAt = Math.min(doc.tokens[p.first]!.sent, doc.tokens[firstTokenAtOrAfter(doc, at)]?.sent ?? Infinity);
  const mention = { start: p.start, end: p.end };
  const score: SalienceScores = new Map();
  // Only speakers and persons in the salience window can score (`add` drops the rest): speakers by the sentence of
  // their mention (in the order added), persons from the first one in the window (they are in text order).
  const seen = new Set<number>();
  const windowed: Speaker[] = [...(ctx.speakersBySent.get(-1) ?? [])];
  for (let si = Math.max(0, sentAt - SALIENCE_SENTENCES); si <= sentAt; si++) windowed.push(...(ctx.speakersBySent.get(si) ?? []));
  windowed.sort((a, b) => a.index - b.index);
  for (const s of windowed) {
    if (!speaksBefore(s, at, p.start)) continue;
    seen.add(s.mention.start);
    addSalience(ctx, score, sentAt, ctx.keyOf(s.name), s.mention.start, s.mention.end, s.name, true, s);
  }
  for (let i = firstPersonFromSentence(ctx, sentAt - SALIENCE_SENTENCES); i < ctx.persons.length; i++) {
    const m = ctx.persons[i]!;
    if (m.start >= p.start) break;
    // Names inside quotes are the speaker's words, not the narrative's referents.
    if (m.end > p.start || seen.has(m.start) || insideQuote(ctx, m.start)) continue;
    addSalience(ctx, score, sentAt, m.key, m.start, m.end, m.name, isClauseInitial(doc, m.start), null);
  }
  let best: { key: string; total: number; last: number } | null = null;
  for (const [key, e] of score) {
    if (!compatible(ctx, key, want)) continue;
    const known = ctx.hasGender(key, want) || ctx.tableKeys.has(key) || (ctx.personalSpeakersByKey.get(key) ?? []).some((s) => speaksBefore(s, at, p.start));
    if (!known) continue;
    if (!best || e.total > best.total || (e.total === best.total && e.last > best.last)) best = { key, total: e.total, last: e.last };
  }
  // News text keeps "he"/"she" on the last speaker; the salience winner takes over only when it became a clause subject
  // (outside quotes) in this or the previous sentence after that speaker last spoke ("Mr. Cohen was sentenced … He said …").
  const last = lastSpeaker(ctx.speakers, at, (sp) => sp.personal && sp.mention.start < p.start && at - sp.at < 3000 && compatible(ctx, ctx.keyOf(sp.name), want), at - 2999);
  if (last && (!best || best.key !== ctx.keyOf(last.name))) {
    const shifted = new Set<string>();
    for (let i = firstPersonFromSentence(ctx, sentAt - 1); i < ctx.persons.length; i++) {
      const m = ctx.persons[i]!;
      if (m.start >= p.start) break;
      if (m.start > last.mention.end && m.end <= p.start && sentAt - ctx.personSent[i]! <= 1 && !insideQuote(ctx, m.start) && isClauseInitial(doc, m.start)) shifted.add(m.key);
    }
    let shift: { key: string; total: number; last: number } | null = null;
    for (const key of shifted) {
      const e = score.get(key);
      if (!e || !compatible(ctx, key, want)) continue;
      if (!shift || e.total > shift.total || (e.total === shift.total && e.last > shift.last)) shift = { key, total: e.total, last: e.last };
    }
    if (!shift) {
      ctx.setPronounGender(ctx.keyOf(last.name), want);
      return { ...last, mention, resolution: 'pronoun' };
    }
    best = shift;
  }
  if (!best) return null;
  const e = score.get(best.key)!;
  ctx.setPronounGender(best.key, want);
  if (e.personal) return { ...e.personal, mention, resolution: 'pronoun' };
  return { name: e.name, span: e.span, mention, resolution: 'pronoun', personal: true, head: ctx.headOf(e.name) };
}

type SalienceScores = Map<string, { total: number; last: number; name: string; span: Span; personal: SpeakerRef | null }>;

/** A personal speaker whose attribution and mention come before the pronoun's quote (`at`) and phrase (`pStart`). */
function speaksBefore(s: Speaker, at: number, pStart: number): boolean {
  return s.personal && s.at < at && s.mention.start < pStart;
}

/** No gender cue against `want` unless one for it too. */
function compatible(ctx: Context, key: string, want: Gender): boolean {
  return !(ctx.hasGender(key, want === 'm' ? 'f' : 'm') && !ctx.hasGender(key, want));
}

/** Adds one mention's salience weight (see resolvePersonalPronoun) to `score`; mentions outside the window add nothing. */
function addSalience(ctx: Context, score: SalienceScores, sentAt: number, key: string, start: number, end: number, name: string, subject: boolean, sp: SpeakerRef | null): void {
  const { doc } = ctx;
  const ti = firstTokenAtOrAfter(doc, start);
  const sent = doc.tokens[ti]?.sent ?? sentAt;
  const dist = sentAt - sent;
  if (dist < 0 || dist > SALIENCE_SENTENCES) return;
  const poss = /^['’]s\b/.test(doc.text.slice(end, end + 3));
  const prevTok = doc.tokens[ti - 1];
  const adverbial = !!prevTok && prevTok.sent === sent && (words.bits[ti - 1]! & PREPOSITION) !== 0;
  const w = (SALIENCE.recency + (subject ? SALIENCE.subject : 0) + (poss ? 0 : SALIENCE.head) + (adverbial ? 0 : SALIENCE.nonAdverbial)) / 2 ** dist;
  const e = score.get(key) ?? { total: 0, last: -1, name, span: { start, end }, personal: null };
  e.total += w;
  if (start > e.last) e.last = start;
  if (sp) e.personal = sp;
  else if (spaceCount(name) > spaceCount(e.name)) {
    e.name = name;
    e.span = { start, end };
  }
  score.set(key, e);
}

/** Index of the first person whose sentence is `sent` or later. */
function firstPersonFromSentence(ctx: Context, sent: number): number {
  let lo = 0;
  let hi = ctx.persons.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.personSent[mid]! < sent) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insideQuote(ctx: Context, offset: number): boolean {
  const q = quoteAt(ctx.quotes, offset);
  return !!q && q.marks === 'double' && offset > q.start;
}

/** A name opening its clause: only capitalized words (titles, first names) between the clause start and it. */
function isClauseInitial(doc: Doc, start: number): boolean {
  const si = spanIndexAt(doc.sentences, start);
  const from = si >= 0 ? doc.sentences[si]!.start : start;
  // The clause starts after the last ",", ";" or "—" before the name (one scan back instead of three lastIndexOf calls).
  let k = start - 1;
  for (; k >= from; k--) {
    const c = doc.text.charCodeAt(k);
    if (c === 44 || c === 59 || c === 0x2014) break;
  }
  const clause = doc.text.slice(k + 1, start);
  return /^[\s“"‘(]*(?:(?:But|And|So|Yet|Meanwhile|However|Still|Then|and|but)\s+)?(?:[\p{Lu}][\p{L}.’'-]*\s+|former\s+|then-\s*)*$/u.test(clause);
}

/**
 * Who issued the document a definite document noun refers to ("the advertisement",
 * "the suit"): the latest earlier noun of its class, and there the owner ("Romney’s ad"),
 * the source after "from"/"by" ("the lawsuit from Nebraska and Oklahoma") or the subject
 * of its clause ("The Romney campaign retorted with an ad").
 */
function documentIssuer(ctx: Context, p: Phrase): Phrase | null {
  const { doc } = ctx;
  const cls = DOCUMENT_CLASSES.find((c) => c.includes(p.head)) ?? [p.head];
  for (let i = p.first - 1; i >= 0 && doc.tokens[i]!.start > p.start - 3000; i--) {
    const t = doc.tokens[i]!;
    if (!cls.includes(t.norm) || t.cap) continue;
    // Owner: a possessive within three words before ("Romney’s new ad").
    for (let k = i - 1; k >= Math.max(0, i - 3) && doc.tokens[k]!.sent === t.sent; k--) {
      const w = doc.tokens[k]!;
      if (/['’]s$/.test(doc.text.slice(w.start, w.end)) || /^['’]s?\s/.test(doc.text.slice(w.end, w.end + 3))) {
        const owner = phraseEndingAt(doc, k);
        if (owner && !owner.pronoun && !DOCUMENT_NOUNS.has(owner.head)) return owner;
        break;
      }
      if ((words.bits[k]! & PREPOSITION) !== 0 || w.norm === 'the' || w.norm === 'a' || w.norm === 'an') break;
    }
    const next = doc.tokens[i + 1];
    if (next && (next.norm === 'from' || next.norm === 'by') && next.sent === t.sent) {
      const src = phraseStartingAt(doc, i + 2);
      if (src && !src.pronoun && !DOCUMENT_NOUNS.has(src.head)) return src;
    }
    const sent = sentenceOf(doc, t.start);
    const subj = t.start > sent.start ? clauseSubject(ctx, clauseStart(ctx, sent.start, t.start), t.start) : null;
    if (subj && !subj.pronoun && !DOCUMENT_NOUNS.has(subj.head) && subj.last < i) return subj;
    return null;
  }
  return null;
}

/** What the article states about a speaker everywhere it names that person: the first title found and the party/chamber words of each description. */
interface SpeakerDescription {
  person: boolean;
  title: string | undefined;
  /** groupMatches of each mention's description spans (those naming a party or chamber), in mention order. */
  groups: GroupMatches[];
}

/** What the text writes around one person mention: its description spans' party/chamber words and its title (words before the name, else the appositive). */
interface MentionDescription {
  title: string | undefined;
  group: GroupMatches;
}

/** Sets the speaker's title (when none) and stated party/chamber from all places the article names that person. */
function describeSpeaker(ctx: Context, a: Attribution): void {
  if (!a.speaker || !a.speakerSpan) return;
  const { doc } = ctx;
  let d = ctx.describeMemo.get(a.speaker);
  if (!d) ctx.describeMemo.set(a.speaker, (d = describePerson(ctx, a.speaker)));
  const own: Span[] = [a.speakerSpan];
  // The same span twice would only repeat its matches (groupFromMatches drops duplicate evidence).
  if (a.mentionSpan && (a.mentionSpan.start !== a.speakerSpan.start || a.mentionSpan.end !== a.speakerSpan.end)) own.push(a.mentionSpan);
  const title = a.speakerTitle ?? d.title;
  if (title && !a.speakerTitle) a.speakerTitle = title;
  if (!d.person && !a.speakerTitle) return;
  const group = groupFromMatches([groupMatches(doc, own), ...d.groups]);
  if (group) a.speakerGroup = group;
}

/**
 * The descriptions of every mention of the person `speaker`, computed once per speaker name; each
 * mention's own description once per article (speaker names sharing a surname read the same mentions).
 * The union of the mentions' matches is the matches of their spans together (groupFromMatches merges them).
 */
function describePerson(ctx: Context, speaker: string): SpeakerDescription {
  let title: string | undefined;
  let person = false;
  const groups: GroupMatches[] = [];
  const given = givenOf(ctx, speaker);
  for (const m of ctx.personsByKey.get(ctx.keyOf(speaker)) ?? []) {
    if (m.given === undefined) m.given = givenOf(ctx, m.name);
    if (!sameGivenParts(m.given, given)) continue;
    person = true;
    const md = (m.description ??= describeMention(ctx, m));
    title ??= md.title;
    if (md.group.parties.size > 0 || md.group.chambers.size > 0) groups.push(md.group);
  }
  return { person, title, groups };
}

/** The spans around one person mention (title words before, party code or appositive after) and the title they give. */
function describeMention(ctx: Context, m: PersonMention): MentionDescription {
  const { doc } = ctx;
  const spans: Span[] = [];
  let title: string | undefined;
  const li = lastTokenEndingBy(doc, m.end);
  const ph = li >= 0 ? phraseEndingAt(doc, li) : null;
  if (ph && ph.start < m.start) {
    spans.push({ start: ph.start, end: m.start });
    // Words before the name are a title only when they hold more than honorifics and given names ("Sen.", "Obama campaign spokeswoman").
    const pre = doc.text.slice(ph.start, m.start).replace(/^(?:the|a|an)\s+/i, '').replace(/\b(?:Mr|Mrs|Ms|Miss)\.?\s*/g, '').trim();
    if (pre && /(?:^|\s)(?:\p{Ll}|(?:Sen|Rep|Gov|Gen|Dr|Prof|Lt|Col|Adm|Amb|Rev)\.|(?:President|Senator|Representative|Governor|Secretary|Speaker|Leader|Judge|Attorney|General|Chairman|Director|Minister)\b)/u.test(pre)) title = pre;
  }
  const pe = afterParen(doc, m.end);
  if (pe > m.end) spans.push({ start: m.end, end: pe });
  const app = appositiveAt(ctx, m.end);
  if (app) {
    const s0 = doc.text.indexOf(app, m.end);
    if (s0 >= 0 && s0 < m.end + 60) spans.push({ start: s0, end: s0 + app.length });
    title ??= app;
  }
  return { title, group: groupMatches(doc, spans) };
}

/** The person named most often before `at` (by surname), for "she said" far from any name. */
function mostNamedPerson(ctx: Context, at: number): Mention | undefined {
  if (!ctx.mentionEndsSorted) return mostNamedPersonScan(ctx, at);
  // Mentions ending by `at` are a prefix; the leader after each prefix is computed once.
  ctx.mostNamedPrefix ??= mostNamedPrefix(ctx);
  let lo = 0;
  let hi = ctx.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.mentions[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  const top = lo > 0 ? ctx.mostNamedPrefix[lo - 1] : undefined;
  return top && top.n >= 2 ? top.best : undefined;
}

function qualifiesAsNamed(ctx: Context, m: Mention): boolean {
  return m.type === 'person' || (m.type === 'unknown' && isPersonal(ctx, m.name));
}

/** For each prefix of the mentions, the surname named most often and its longest (then latest) mention, as mostNamedPersonScan picks it. */
function mostNamedPrefix(ctx: Context): { n: number; best: Mention }[] {
  const counts = new Map<string, { n: number; best: Mention; order: number }>();
  const out: { n: number; best: Mention }[] = [];
  let top: { n: number; best: Mention; order: number } | undefined;
  for (const m of ctx.mentions) {
    if (qualifiesAsNamed(ctx, m)) {
      const key = ctx.headOf(m.name);
      let c = counts.get(key);
      if (!c) counts.set(key, (c = { n: 1, best: m, order: counts.size }));
      else {
        c.n++;
        if (spaceCount(m.name) >= spaceCount(c.best.name)) c.best = m;
      }
      // Only this surname's count changed, and only upwards: the leader is the old one or this one
      // (more mentions, then the later best mention, then the surname counted first).
      if (!top || (c !== top && (c.n > top.n || (c.n === top.n && (c.best.start > top.best.start || (c.best.start === top.best.start && c.order < top.order)))))) top = c;
    }
    out.push(top ? { n: top.n, best: top.best } : { n: 0, best: m });
  }
  return out;
}

/** mostNamedPerson by one scan (mentions that nest). */
function mostNamedPersonScan(ctx: Context, at: number): Mention | undefined {
  const counts = new Map<string, { n: number; best: Mention }>();
  for (const m of ctx.mentions) {
    if (m.end > at || !qualifiesAsNamed(ctx, m)) continue;
    const key = ctx.headOf(m.name);
    const c = counts.get(key);
    if (!c) counts.set(key, { n: 1, best: m });
    else {
      c.n++;
      if (spaceCount(m.name) >= spaceCount(c.best.name)) c.best = m;
    }
  }
  let top: { n: number; best: Mention } | undefined;
  for (const c of counts.values()) if (!top || c.n > top.n || (c.n === top.n && c.best.start > top.best.start)) top = c;
  return top && top.n >= 2 ? top.best : undefined;
}

function computeCanonicalText(s: string): string {
  let out = s;
  for (let k = 0; k < 3; k++) out = out.replace(STRIP_LEAD, '').replace(STRIP_TITLE, '');
  return out;
}

function aliasNamesOf(ctx: Context, actorId: string): string[] {
  const memo = ctx.aliasNamesMemo.get(actorId);
  if (memo) return memo;
  const names = new Set<string>();
  for (const m of ctx.mentions) if (m.actorId === actorId && m.kind !== 'descriptive' && m.kind !== 'pejorative') names.add(ctx.doc.text.slice(m.start, m.end).replace(/['’]s$/, ''));
  const out = [...names];
  ctx.aliasNamesMemo.set(actorId, out);
  return out;
}

// ---------- source type ----------

/** Source-type cues (names and cue phrases together) by type and first word, compiled once from sourceCues(). */
interface CompiledCues {
  order: SourceType[];
  /** Every type's sequences by first word, each with the bit of its type (1 << index in `order`): one look-up per word for all types. */
  byFirst: Map<string, { bit: number; seq: string[] }[]>;
  /** Types with an empty cue, which every phrase contains. */
  always: Set<SourceType>;
  /** First words of the anonymous cues ("source", "official"). */
  anonymousHeads: Set<string>;
}

let compiledCues: CompiledCues | null = null;

function compiled(): CompiledCues {
  if (compiledCues) return compiledCues;
  const cues = sourceCues();
  const byFirst = new Map<string, { bit: number; seq: string[] }[]>();
  const always = new Set<SourceType>();
  cues.order.forEach((type, k) => {
    for (const seq of [...(cues.names.get(type) ?? []), ...(cues.cues.get(type) ?? [])]) {
      if (seq.length === 0) {
        always.add(type);
        continue;
      }
      (byFirst.get(seq[0]!) ?? byFirst.set(seq[0]!, []).get(seq[0]!)!).push({ bit: 1 << k, seq });
    }
  });
  const anonymousHeads = new Set((cues.cues.get('anonymous') ?? []).map((c) => c[0]).filter((w): w is string => w !== undefined));
  compiledCues = { order: cues.order, byFirst, always, anonymousHeads };
  return compiledCues;
}

/** Bits of the types (CompiledCues.byFirst) some of whose sequences occur in `norms`. */
function typesIn(norms: readonly string[], byFirst: CompiledCues['byFirst']): number {
  let found = 0;
  for (let i = 0; i < norms.length; i++) {
    const seqs = byFirst.get(norms[i]!);
    if (!seqs) continue;
    outer: for (const { bit, seq } of seqs) {
      if ((found & bit) !== 0 || i + seq.length > norms.length) continue;
      for (let k = 1; k < seq.length; k++) if (norms[i + k] !== seq[k]) continue outer;
      found |= bit;
    }
  }
  return found;
}

/** Normalized words of the tokens inside span `s`, appended to `out`. */
function pushNormsIn(doc: Doc, s: Span, out: string[]): void {
  for (let i = firstTokenAtOrAfter(doc, s.start); i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!;
    if (t.end > s.end) break;
    out.push(t.norm);
  }
}

/** Lower-cased letter/digit runs of a name (NameInfo: shared across articles; callers copy, never change). */
function nameWords(ctx: Context, name: string): readonly string[] {
  const info = ctx.info(name);
  return (info.words ??= name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** First type (in the lexicon's order) whose names or cues occur in the speaker phrase, its resolved name, and the words around it (appositive). */
function sourceTypeOf(ctx: Context, ref: SpeakerRef, p: Phrase): SourceType {
  const { doc } = ctx;
  const cues = compiled();
  const norms: string[] = [];
  pushNormsIn(doc, ref.span, norms);
  pushNormsIn(doc, ref.mention, norms);
  norms.push('|', ...nameWords(ctx, ref.name));
  const named = p.named || (ref.resolution !== 'name' && ref.resolution !== 'unresolved' && /\p{Lu}/u.test(ref.name));
  const found = typesIn(norms, cues.byFirst);
  for (let k = 0; k < cues.order.length; k++) {
    const type = cues.order[k]!;
    if (type === 'other') continue;
    if (type === 'anonymous') {
      if (!named && !p.definite && !p.pronoun && cues.anonymousHeads.has(p.head)) return 'anonymous';
      continue;
    }
    if (cues.always.has(type) || (found & (1 << k)) !== 0) return type;
    if (type === 'government') {
      // A state, its capital or a known leader speaking is the government speaking.
      for (let i = firstMentionAtOrAfter(ctx, ref.span.start); i < ctx.mentions.length && ctx.mentions[i]!.start <= ref.span.end; i++) {
        const x = ctx.mentions[i]!;
        if (x.end <= ref.span.end && (x.type === 'country' || x.type === 'person') && x.actorId.indexOf(':') < 0) return 'government';
      }
    }
  }
  return 'other';
}

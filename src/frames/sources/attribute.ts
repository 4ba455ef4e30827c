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
import type { Doc, Span, Token } from '../../doc/types.js';
import { spanIndexAt } from '../../doc/span.js';
import { detectMentions, type Mention } from '../naming/mentions.js';
import { findQuoteSpans, type QuoteSpan } from './marks.js';
import { genderCue, groupOf, type Gender, type SpeakerGroup } from './persons.js';
import { reportingVerbs, sourceCues, type SourceType, type VerbClass, type VerbForm } from './lexicon.js';
import { AUX, DOCUMENT_CLASSES, DOCUMENT_NOUNS, NAME_SUFFIX, PASSIVE_AUX, PERSON_ROLES, ROLE_NOUNS, TITLE_ABBR, joined, phraseEndingAt, phraseStartingAt, type Phrase } from './phrases.js';

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
const MAX_BEFORE = 300;
const MAX_AFTER = 220;

/** All quotes and reported speech in `doc`, sorted by start. */
export function attribute(doc: Doc): Attribution[] {
  const ctx = new Context(doc);
  const quotes = findQuoteSpans(doc.text, doc.paragraphs);
  const out: Attribution[] = [];
  const usedVerbs = new Set<number>();
  let prev: { quote: QuoteSpan; attr: Attribution } | null = null;
  // Text order, so that resolution only looks back; a sentence's reported speech comes after its quotes,
  // which claim their reporting verbs first.
  const reported = reportedCandidates(ctx, quotes);
  const items = [...quotes.map((q) => ({ at: q.start, tie: 0, q })), ...reported.map((r) => ({ at: r.sentence.end, tie: r.verb.first, r }))].sort((a, b) => a.at - b.at || a.tie - b.tie);
  for (const item of items) {
    if ('q' in item && item.q) {
      const q = item.q;
      const a = attributeQuote(ctx, q, prev, usedVerbs);
      if (!a) continue;
      out.push(a);
      prev = { quote: q, attr: a };
      if (a.speaker && a.resolution !== 'inherited') ctx.addSpeaker(a);
    } else if ('r' in item && item.r) {
      const r = item.r;
      if (usedVerbs.has(r.verb.first)) continue;
      const a = finishReported(ctx, r);
      if (!a) continue;
      usedVerbs.add(r.verb.first);
      out.push(a);
      if (a.speaker) ctx.addSpeaker(a);
    }
  }
  for (const a of out) describeSpeaker(ctx, a);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

class Context {
  readonly doc: Doc;
  readonly mentions: Mention[];
  readonly speakers: (SpeakerRef & { at: number; sourceType: SourceType })[] = [];
  readonly roleMentions: { phrase: Phrase; text: string }[] = [];
  /** Named people (table persons, and capitalized names that read as persons), for pronoun salience and descriptions. */
  readonly persons: PersonMention[] = [];
  /** Gender learnt from "he"/"she" resolved to a person, by person key. */
  readonly pronounGender = new Map<string, Gender>();
  constructor(doc: Doc) {
    this.doc = doc;
    this.mentions = detectMentions(doc);
    for (const m of this.mentions) {
      const institution = /^the\s/i.test(doc.text.slice(Math.max(0, m.start - 4), m.start));
      if (!(m.type === 'person' || (m.type === 'unknown' && !institution && isPersonal(this, m.name)))) continue;
      const name = m.type === 'person' ? m.label : canonicalText(m.name);
      const gender = genderCue(doc, m.start, m.end);
      this.persons.push({ start: m.start, end: m.end, name, key: personKey(name), table: m.type === 'person', ...(gender ? { gender } : {}) });
    }
    for (let i = 0; i < doc.tokens.length; i++) {
      const t = doc.tokens[i]!;
      const next = doc.tokens[i + 1];
      if (!ROLE_NOUNS.has(t.norm) && !t.cap) continue;
      // Only maximal phrases: the next token must not continue this one.
      if (next && joined(doc, t, next) && (ROLE_NOUNS.has(next.norm) || next.cap) && next.sent === t.sent) continue;
      const p = phraseEndingAt(doc, i);
      if (p && !p.pronoun) this.roleMentions.push({ phrase: p, text: doc.text.slice(p.start, p.end) });
    }
  }
  addSpeaker(a: Attribution): void {
    if (!a.speaker || !a.speakerSpan) return;
    const head = lastWord(a.speaker);
    // "The Hill", "the White House": a capitalized name after "the" is an institution, not a person.
    const institution = /^the\s+\p{Lu}/iu.test(this.doc.text.slice(a.speakerSpan.start, a.speakerSpan.end));
    this.speakers.push({
      name: a.speaker,
      span: a.speakerSpan,
      mention: a.mentionSpan ?? a.speakerSpan,
      ...(a.speakerTitle ? { title: a.speakerTitle } : {}),
      resolution: a.resolution,
      personal: !institution && isPersonal(this, a.speaker),
      sourceType: a.sourceType,
      head,
      at: a.start,
    });
  }
}

interface PersonMention {
  start: number;
  end: number;
  name: string;
  key: string;
  /** Found in the actor table as a person (not only a capitalized name). */
  table: boolean;
  gender?: Gender;
}

/** A person's key: the surname (last word, suffixes dropped). */
function personKey(name: string): string {
  const words = (name.replace(/\s+of\s+\p{Lu}.*$/u, '').toLowerCase().replace(/['’]s\b/g, '').match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !['jr', 'sr', 'ii', 'iii'].includes(w));
  return words[words.length - 1] ?? '';
}

/** True when two names of the same key can be one person: their given names, when both are written, agree ("Malia Obama" ≠ "Barack Obama"). */
function sameGiven(a: string, b: string): boolean {
  const fa = a.split(/\s+/);
  const fb = b.split(/\s+/);
  return fa.length < 2 || fb.length < 2 || fa[fa.length - 2] === fb[fb.length - 2] || fa[0] === fb[0];
}

function lastWord(s: string): string {
  const words = s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words[words.length - 1] ?? '';
}

const ORG_WORDS = /\b(ministry|agency|department|house|party|committee|council|forces|news|times|post|government|administration|office|command|army|navy|force|corps|court|union|association|institute|university|foundation|campaign|media|network|press|kremlin|pentagon|congress|senate|parliament|ministries|organization|center|centre|group|company|bank|fund|service|commission|bureau)\b/i;

function isPersonal(ctx: Context, full: string): boolean {
  // "Senator Mark Warner of Virginia": the place after a person's name does not make it an organisation.
  const name = /^(?:\p{Lu}[\p{L}.’'-]*\s+){1,5}of\s+\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+)?$/u.test(full) ? full.replace(/\s+of\s+.*$/u, '') : full;
  if (ORG_WORDS.test(name)) return false;
  const mention = ctx.mentions.find((m) => m.name === name || m.label === name);
  if (mention && mention.type !== 'person' && mention.type !== 'unknown') return false;
  const words = name.split(/\s+/);
  if (words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w))) return true;
  // A single capitalized word is a person when the article also writes it as the end of a longer name ("Clinton" after "Hillary Clinton").
  // … or writes it after an honorific ("Mr. Cohen").
  if (words.length === 1 && /^\p{Lu}/u.test(name))
    return (
      mention?.type === 'person' ||
      ctx.mentions.some((m) => (m.type === 'person' || m.type === 'unknown') && (m.name.endsWith(` ${name}`) || (m.name === name && /\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+$/.test(ctx.doc.text.slice(Math.max(0, m.start - 6), m.start)))))
    );
  return PERSON_ROLES.has(lastWord(name));
}

// ---------- token helpers ----------

function firstTokenAtOrAfter(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lastTokenEndingBy(doc: Doc, offset: number): number {
  return firstTokenAtOrAfter(doc, offset) - 1;
}

function matchVerb(doc: Doc, i: number): VerbHit | null {
  const t = doc.tokens[i];
  if (!t || t.kind !== 'word') return null;
  // Reporting verbs are lower case in running text; capitalized ones are headlines or names ("United States").
  if (t.cap && !(t.norm === 'according' && (i === 0 || doc.tokens[i - 1]!.sent !== t.sent))) return null;
  const list = reportingVerbs().get(t.norm);
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
  while (k >= floor && AUX.has(doc.tokens[k]!.norm) && joined(doc, doc.tokens[k]!, doc.tokens[k + 1]!)) {
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
      if (/^[\s“"‘']*(?:(?:But|And|So|Yet|Meanwhile|However|Still),?\s+)?$/.test(lead) || /[,;:(—–]\s*$/.test(lead)) return { phrase: p, passive };
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

const TERMINATOR = /[.!?]/;

/** End of the clause after a quote: the next sentence end that is not a title's period, the next quote, or the paragraph end. */
function afterLimit(doc: Doc, from: number, quotes: readonly QuoteSpan[], para: Span): number {
  let limit = Math.min(para.end, from + MAX_AFTER);
  const nextQ = quotes.find((q) => q.start >= from);
  if (nextQ && nextQ.start < limit) limit = nextQ.start;
  for (let i = from; i < limit; i++) {
    if (!TERMINATOR.test(doc.text[i]!)) continue;
    const before = doc.text.slice(Math.max(from, i - 5), i);
    const word = /(\p{L}+)$/u.exec(before)?.[1]?.toLowerCase();
    if (doc.text[i] === '.' && word && (TITLE_ABBR.has(word) || NAME_SUFFIX.has(word) || word.length === 1)) continue;
    if (i > from) return i + 1;
  }
  return limit;
}

function beforeLimit(doc: Doc, to: number, quotes: readonly QuoteSpan[], para: Span): number {
  let limit = Math.max(para.start, to - MAX_BEFORE);
  const prevQ = [...quotes].reverse().find((q) => q.end <= to);
  if (prevQ && prevQ.end > limit) limit = prevQ.end;
  for (let i = to - 1; i > limit; i--) {
    if (!TERMINATOR.test(doc.text[i]!) || !/\s/.test(doc.text[i + 1] ?? ' ')) continue;
    const word = /(\p{L}+)$/u.exec(doc.text.slice(Math.max(limit, i - 5), i))?.[1]?.toLowerCase();
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
          while (m < ceil && AUX.has(doc.tokens[m]!.norm)) m++;
          const vv = matchVerb(doc, m);
          if (vv) return { phrase: p, verb: vv, rule: 'after-appositive' };
        }
      }
      return null;
    }
    while (k < ceil && AUX.has(doc.tokens[k]!.norm)) k++;
    const vv = matchVerb(doc, k);
    if (vv) return { phrase: p, verb: vv, rule: 'after-subject' };
  }
  return null;
}

/** Offset after a parenthesis right after `at` ("(R-Ky.)"), else `at`. */
function afterParen(doc: Doc, at: number): number {
  const m = /^\s*\([^()]{1,40}\)/.exec(doc.text.slice(at, at + 48));
  return m ? at + m[0].length : at;
}

/** "according to X" in the given range. */
function accordingTo(ctx: Context, from: number, to: number): Found | null {
  const { doc } = ctx;
  for (let i = firstTokenAtOrAfter(doc, from); i < doc.tokens.length && doc.tokens[i]!.end <= to; i++) {
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
  if (doc.tokens[i] && LEAD_CONJ.has(doc.tokens[i]!.norm)) i++;
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
    if (PREPOSITIONS.has(prev.norm) || /['’]s$/.test(doc.text.slice(prev.start, prev.end))) continue;
    const c = phraseStartingAt(doc, k, ceil);
    if (!c || /['’]s$/.test(doc.text.slice(c.start, c.end))) continue;
    const next = doc.tokens[c.last + 1];
    if (next && next.start < to && /^\s+$/.test(doc.text.slice(c.end, next.start)) && /^\p{Ll}/u.test(doc.text.slice(next.start, next.end)) && !PREPOSITIONS.has(next.norm) && next.norm !== 'and') return c;
    k = c.last;
  }
  return null;
}

const PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'with', 'for', 'from', 'by', 'under', 'as', 'since', 'to', 'of', 'about', 'against', 'over', 'into', 'through', 'without', 'among', 'between', 'near', 'like']);

const LEAD_CONJ = new Set(['but', 'and', 'so', 'yet', 'still', 'meanwhile', 'however']);

function isNameLike(doc: Doc, q: QuoteSpan): boolean {
  const inner = doc.text.slice(q.innerStart, q.innerEnd).replace(/[,.]\s*$/, '');
  const words = inner.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  if (words.length === 0) return true;
  if (words.length > 6 || /[.!?,]$/.test(inner.trim())) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || w.length <= 3);
}

function quoteKind(doc: Doc, q: QuoteSpan, para: Span): 'direct' | 'partial' {
  const inner = doc.text.slice(q.innerStart, q.innerEnd).trim();
  const lead = doc.text.slice(Math.max(para.start, q.start - 3), q.start);
  const sent = sentenceOf(doc, q.start);
  const atStart = q.start <= sent.start || q.start === para.start || /[:,;—–]\s*$/.test(lead) || /[.!?]["”’]?\s*$/.test(lead);
  const words = inner.split(/\s+/).length;
  if (!q.closed) return 'direct';
  if (atStart && (/[.,!?…—–-]$/.test(inner) || words >= 6)) return 'direct';
  return 'partial';
}

function attributeQuote(ctx: Context, q: QuoteSpan, prev: { quote: QuoteSpan; attr: Attribution } | null, usedVerbs: Set<number>): Attribution | null {
  const { doc } = ctx;
  if (isNameLike(doc, q)) return null;
  const para = paragraphOf(doc, q.start);
  const kind = quoteKind(doc, q, para);
  const quotes = findQuoteSpansCached(ctx);
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
      return {
        ...base,
        speaker: prev.attr.speaker,
        ...(prev.attr.speakerSpan ? { speakerSpan: prev.attr.speakerSpan } : {}),
        ...(prev.attr.speakerTitle ? { speakerTitle: prev.attr.speakerTitle } : {}),
        resolution: 'inherited',
        verb: null,
        verbClass: null,
        sourceType: prev.attr.sourceType,
        rule: 'continues-previous',
      };
    }
  }
  // "X posted this update: “…”": the clause introducing a colon speaks.
  const lead = doc.text.slice(bLimit, q.start);
  if (/:\s*$/.test(lead)) {
    const p = clauseSubject(ctx, bLimit, q.start);
    if (p) return finish(ctx, base, resolve(ctx, p, q.start, true), { phrase: p, verb: null, rule: 'colon-intro' }, p);
  }
  // Else the latest speaker of the same paragraph ("Lenahan says he sees … “There is …”").
  let inPara = [...ctx.speakers].reverse().find((sp) => sp.at < q.start && sp.at >= para.start);
  // A paragraph that is only this quote continues the previous paragraph's speaker ("…, Trump tweeted.\n\n“Grandstander? …”").
  const pi = paragraphIndex(doc, q.start);
  const prevPara = pi > 0 ? doc.paragraphs[pi - 1]! : null;
  const wholePara = q.start === para.start && /^[\s.,!?…)\]"”’]*$/.test(doc.text.slice(q.end, para.end));
  const colonPara = prevPara !== null && /:\s*$/.test(doc.text.slice(prevPara.start, prevPara.end));
  if (!inPara && prevPara && q.start === para.start && (wholePara || colonPara)) {
    inPara = [...ctx.speakers].reverse().find((sp) => sp.at < q.start && sp.at >= prevPara.start);
    // "The committee issued a brief statement:" ending the previous paragraph introduces this one.
    if (!inPara && colonPara) {
      const last = sentenceOf(doc, prevPara.end - 1);
      const p = clauseSubject(ctx, Math.max(last.start, prevPara.start), prevPara.end);
      if (p) return finish(ctx, base, resolve(ctx, p, q.start, true), { phrase: p, verb: null, rule: 'colon-intro' }, p);
    }
  }
  if (inPara) return { ...base, speaker: inPara.name, speakerSpan: inPara.span, ...(inPara.title ? { speakerTitle: inPara.title } : {}), resolution: 'inherited', verb: null, verbClass: null, sourceType: inPara.sourceType, rule: 'paragraph-speaker' };
  const dash = dashAttribution(ctx, q, para);
  if (dash) return finish(ctx, base, resolve(ctx, dash, q.start, true), { phrase: dash, verb: null, rule: 'headline-dash' }, dash);
  return { ...base, speaker: null, resolution: 'none', verb: null, verbClass: null, sourceType: 'other', rule: 'unattributed' };
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

const quoteCache = new WeakMap<Context, QuoteSpan[]>();
function findQuoteSpansCached(ctx: Context): QuoteSpan[] {
  let q = quoteCache.get(ctx);
  if (!q) quoteCache.set(ctx, (q = findQuoteSpans(ctx.doc.text, ctx.doc.paragraphs)));
  return q;
}

function finish(ctx: Context, base: { kind: QuoteKind; start: number; end: number }, ref: SpeakerRef, found: Found, phrase: Phrase): Attribution {
  const verb = found.verb;
  const title = ref.resolution === 'name' ? appositiveAfter(ctx.doc, phrase) : ref.title;
  const cue = verb ? { start: ctx.doc.tokens[verb.first]!.start, end: ctx.doc.tokens[verb.last]!.end } : undefined;
  return {
    ...base,
    speaker: ref.resolution === 'unresolved' && ref.personal === false && phrase.pronoun ? null : ref.name,
    speakerSpan: ref.span,
    ...(title ? { speakerTitle: title } : {}),
    mentionSpan: ref.mention,
    resolution: ref.resolution,
    verb: verb ? verb.form.lemma : null,
    verbClass: verb ? verb.form.verbClass : null,
    ...(cue ? { cueSpan: cue } : {}),
    sourceType: sourceTypeOf(ctx, ref, phrase),
    rule: found.rule,
  };
}

/** The appositive right after a speaker phrase: ", a spokesman for X," or "(R-Calif.)". */
function appositiveAfter(doc: Doc, p: Phrase): string | undefined {
  const rest = doc.text.slice(p.end, p.end + 200);
  const paren = /^\s*\(([^()]{1,40})\)/.exec(rest);
  if (paren) return paren[1]!.trim();
  const m = /^\s*,\s*/.exec(rest);
  if (!m) return undefined;
  let end = m[0].length;
  while (end < rest.length) {
    const ch = rest[end]!;
    if (',;:"“”()'.includes(ch)) break;
    if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(rest[end + 1] ?? ' ') && !TITLE_ABBR.has((/(\p{L}+)$/u.exec(rest.slice(0, end))?.[1] ?? '').toLowerCase()) && !/(?:^|[\s.-])\p{Lu}$/u.test(rest.slice(0, end))) break;
    end++;
  }
  const text = rest.slice(m[0].length, end).trim();
  const words = text.split(/\s+/).length;
  // A relative clause ("who said", "who did not respond") describes an act, not the speaker's position.
  if (!text || words > 16 || /^(?:said|says|told|added|according|who|which|that|whose|where|when|though|however)\b/.test(text)) return undefined;
  return text.replace(/\.$/, '');
}

// ---------- reported speech ----------

interface ReportedCandidate {
  sentence: Span;
  verb: VerbHit;
}

function reportedCandidates(ctx: Context, quotes: readonly QuoteSpan[]): ReportedCandidate[] {
  const { doc } = ctx;
  const out: ReportedCandidate[] = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    const v = matchVerb(doc, i);
    if (!v || v.form.quoteOnly) continue;
    const t = doc.tokens[i]!;
    if (quotes.some((q) => t.start >= q.start && t.start < q.end)) continue;
    const sentence = sentenceOf(doc, t.start);
    out.push({ sentence, verb: v });
    i = v.last;
  }
  return out;
}

/** Where the clause holding offset `at` starts: the sentence start, or the end of the last quote between it and `at`. */
function clauseStart(ctx: Context, sentenceStart: number, at: number): number {
  let from = sentenceStart;
  for (const q of findQuoteSpansCached(ctx)) if (q.end > from && q.end <= at) from = q.end;
  return from;
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
      if (p && /,\s*$/.test(doc.text.slice(r.sentence.start, verbTok.start))) {
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
  for (const m of ctx.mentions) {
    if (m.start < p.start || m.end > p.end) continue;
    if (m.kind !== 'descriptive' && m.kind !== 'pejorative') continue;
    const surface = doc.text.slice(m.start, m.end);
    const poss = /['’]s$/.test(surface) ? '’s' : '';
    text += doc.text.slice(cursor, m.start) + m.label + poss;
    cursor = m.end;
  }
  text += doc.text.slice(cursor, p.end);
  // "Trump Jr." keeps its period; a party code inside a joined subject ("McCabe (D) and …") is not part of the name.
  if (NAME_SUFFIX.has(doc.tokens[p.last]!.norm) && doc.text[p.end] === '.') text += '.';
  // A possessive is not part of a speaker's name ("President Trump’s" as the antecedent of "the president").
  let out = text.replace(/\s*\([^()]*\)/g, '').replace(/\s+/g, ' ').trim().replace(/['’]s$/, '');
  for (let k = 0; k < 3; k++) out = out.replace(STRIP_LEAD, '').replace(STRIP_TITLE, '');
  return out;
}

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
      const clash = (name: string): boolean => ctx.persons.some((m) => m.key === personKey(name) && m.gender !== undefined && m.gender !== want);
      const far = mostNamedPerson(ctx, at);
      if (!far || clash(far.name)) return { ...own, name: doc.text.slice(p.start, p.end), resolution: 'unresolved', personal };
      return { name: far.type === 'unknown' ? far.name : far.label, span: { start: far.start, end: far.end }, mention, resolution: 'pronoun', personal, head: lastWord(far.name) };
    }
    const sp = [...ctx.speakers].reverse().find((s) => s.at < at && s.personal === personal && at - s.at < 3000);
    if (sp) return { ...sp, mention, resolution: 'pronoun' };
    // Else an earlier mention of a compatible kind within the last two sentences, subjects (sentence-initial) first.
    const sent = spanIndexAt(doc.sentences, at);
    const compatible = [...ctx.mentions].reverse().filter((x) => {
      if (x.end > at) return false;
      const xs = spanIndexAt(doc.sentences, x.start);
      if (sent - xs > 2) return false;
      const institution = /^the\s/i.test(doc.text.slice(Math.max(0, x.start - 4), x.start));
      return personal ? x.type === 'person' || (x.type === 'unknown' && !institution && isPersonal(ctx, x.name)) : x.type !== 'person';
    });
    const isSubject = (x: Mention): boolean => {
      const si = spanIndexAt(doc.sentences, x.start);
      const ss = si >= 0 ? doc.sentences[si]!.start : x.start;
      return /^[\s“"‘(]*(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.test(doc.text.slice(ss, x.start));
    };
    const m = compatible.find(isSubject) ?? compatible[0] ?? (personal ? mostNamedPerson(ctx, at) : undefined);
    if (m) return { name: m.type === 'unknown' ? m.name : m.label, span: { start: m.start, end: m.end }, mention, resolution: 'pronoun', personal, head: lastWord(m.name) };
    return { ...own, name: doc.text.slice(p.start, p.end), resolution: 'unresolved', personal };
  }
  if (!p.named && p.definite) {
    if (DOCUMENT_NOUNS.has(p.head)) {
      const issuer = documentIssuer(ctx, p);
      if (issuer) {
        const r = resolve(ctx, issuer, at, quoted);
        if (r.resolution !== 'unresolved') return { ...r, mention, resolution: 'document' };
      }
      const sp = [...ctx.speakers].reverse().find((s) => s.at < at && !DOCUMENT_NOUNS.has(s.head));
      if (sp) return { ...sp, mention, resolution: 'document' };
      return { ...own, resolution: 'unresolved' };
    }
    // "the spokesperson" → the latest more specific phrase with the same head ("the foreign ministry spokesperson");
    // "the governor" → the latest name carrying that title ("Gov. Mike Pence").
    const stem = doc.tokens[p.last]!.stem;
    const titles = TITLE_FORMS[p.head] ?? [p.head];
    const matches = (r: { phrase: Phrase }): boolean => {
      if (r.phrase.end > p.start) return false;
      if (doc.tokens[r.phrase.last]!.stem === stem && (r.phrase.named || r.phrase.last - r.phrase.first > p.last - p.first)) return true;
      if (!r.phrase.named) return false;
      for (let k = r.phrase.first; k < r.phrase.last; k++) if (titles.includes(doc.tokens[k]!.norm)) return true;
      return false;
    };
    // A named holder of the title ("Sen. Marco Rubio") beats a longer description without a name ("the conservative senator").
    const earlier = [...ctx.roleMentions].reverse().find((r) => r.phrase.named && matches(r)) ?? [...ctx.roleMentions].reverse().find(matches);
    const sp = [...ctx.speakers].reverse().find((s) => s.at < at && s.head === p.head && s.name.split(' ').length > 1);
    if (sp && (!earlier || sp.span.start >= earlier.phrase.start)) return { ...sp, mention, resolution: 'role' };
    if (earlier) {
      const name = canonicalName(ctx, earlier.phrase);
      return { name, span: { start: earlier.phrase.start, end: earlier.phrase.end }, mention, resolution: 'role', personal: isPersonal(ctx, name), head: p.head };
    }
    return { ...own, resolution: 'unresolved' };
  }
  if (p.named) {
    // A capital or country speaking ("Pyongyang denounced") is refined to the organ of that state already quoted ("North Korean Foreign Ministry").
    const country = quoted && ctx.mentions.find((m) => m.start === p.start && m.end === p.end && m.type === 'country' && m.via === 'alias');
    if (country) {
      const names = new Set(aliasNamesOf(ctx, country.actorId));
      const sp = [...ctx.speakers].reverse().find((s) => s.at < at && ORG_WORDS.test(s.name) && [...names].some((n) => s.name.includes(n)));
      if (sp) return { ...sp, mention, resolution: 'metonym' };
    }
    // A surname alone ("Bloomberg") takes the full name written earlier ("Michael Bloomberg").
    const words = own.name.split(' ');
    if (words.length === 1 && /^\p{Lu}/u.test(own.name)) {
      const full = [...ctx.mentions].reverse().find((m) => m.end <= p.start && m.name !== own.name && m.name.endsWith(` ${own.name}`) && (m.type === 'person' || m.type === 'unknown'));
      if (full) return { ...own, name: full.type === 'person' ? full.label : canonicalText(full.name), span: { start: full.start, end: full.end }, resolution: 'name', personal: true };
    }
  }
  return own;
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
  const genders = new Map<string, Set<Gender>>();
  const addGender = (key: string, g: Gender | undefined): void => {
    if (g) (genders.get(key) ?? genders.set(key, new Set()).get(key)!).add(g);
  };
  for (const m of ctx.persons) addGender(m.key, m.gender);
  for (const [k, g] of ctx.pronounGender) addGender(k, g);
  const speakerKeys = new Set<string>();
  const score = new Map<string, { total: number; last: number; name: string; span: Span; personal: SpeakerRef | null }>();
  const add = (key: string, start: number, end: number, name: string, subject: boolean, sp: SpeakerRef | null): void => {
    const ti = firstTokenAtOrAfter(doc, start);
    const sent = doc.tokens[ti]?.sent ?? sentAt;
    const dist = sentAt - sent;
    if (dist < 0 || dist > SALIENCE_SENTENCES) return;
    const poss = /^['’]s\b/.test(doc.text.slice(end, end + 3));
    const prevTok = doc.tokens[ti - 1];
    const adverbial = !!prevTok && prevTok.sent === sent && PREPOSITIONS.has(prevTok.norm);
    const w = (SALIENCE.recency + (subject ? SALIENCE.subject : 0) + (poss ? 0 : SALIENCE.head) + (adverbial ? 0 : SALIENCE.nonAdverbial)) / 2 ** dist;
    const e = score.get(key) ?? { total: 0, last: -1, name, span: { start, end }, personal: null };
    e.total += w;
    if (start > e.last) e.last = start;
    if (sp) e.personal = sp;
    else if (name.split(' ').length > e.name.split(' ').length) {
      e.name = name;
      e.span = { start, end };
    }
    score.set(key, e);
  };
  const seen = new Set<number>();
  for (const s of ctx.speakers) {
    if (!s.personal || s.at >= at || s.mention.start >= p.start) continue;
    const key = personKey(s.name);
    speakerKeys.add(key);
    seen.add(s.mention.start);
    add(key, s.mention.start, s.mention.end, s.name, true, s);
  }
  for (const m of ctx.persons) {
    // Names inside quotes are the speaker's words, not the narrative's referents.
    if (m.end > p.start || seen.has(m.start) || insideQuote(ctx, m.start)) continue;
    add(m.key, m.start, m.end, m.name, isClauseInitial(doc, m.start), null);
  }
  const compatible = (key: string): boolean => {
    const g = genders.get(key);
    return !(g?.has(want === 'm' ? 'f' : 'm') && !g.has(want));
  };
  let best: { key: string; total: number; last: number } | null = null;
  for (const [key, e] of score) {
    if (!compatible(key)) continue;
    const known = !!genders.get(key)?.has(want) || speakerKeys.has(key) || ctx.persons.some((m) => m.key === key && m.table);
    if (!known) continue;
    if (!best || e.total > best.total || (e.total === best.total && e.last > best.last)) best = { key, total: e.total, last: e.last };
  }
  // News text keeps "he"/"she" on the last speaker; the salience winner takes over only when it became a clause subject
  // (outside quotes) in this or the previous sentence after that speaker last spoke ("Mr. Cohen was sentenced … He said …").
  const last = [...ctx.speakers].reverse().find((sp) => sp.personal && sp.at < at && sp.mention.start < p.start && at - sp.at < 3000 && compatible(personKey(sp.name)));
  if (last && (!best || best.key !== personKey(last.name))) {
    const shifted = new Set(
      ctx.persons
        .filter((m) => m.start > last.mention.end && m.end <= p.start && sentAt - (doc.tokens[firstTokenAtOrAfter(doc, m.start)]?.sent ?? -9) <= 1 && !insideQuote(ctx, m.start) && isClauseInitial(doc, m.start))
        .map((m) => m.key),
    );
    let shift: { key: string; total: number; last: number } | null = null;
    for (const key of shifted) {
      const e = score.get(key);
      if (!e || !compatible(key)) continue;
      if (!shift || e.total > shift.total || (e.total === shift.total && e.last > shift.last)) shift = { key, total: e.total, last: e.last };
    }
    if (!shift) {
      ctx.pronounGender.set(personKey(last.name), want);
      return { ...last, mention, resolution: 'pronoun' };
    }
    best = shift;
  }
  if (!best) return null;
  const e = score.get(best.key)!;
  ctx.pronounGender.set(best.key, want);
  if (e.personal) return { ...e.personal, mention, resolution: 'pronoun' };
  return { name: e.name, span: e.span, mention, resolution: 'pronoun', personal: true, head: lastWord(e.name) };
}

function insideQuote(ctx: Context, offset: number): boolean {
  return findQuoteSpansCached(ctx).some((q) => q.marks === 'double' && offset > q.start && offset < q.end);
}

/** A name opening its clause: only capitalized words (titles, first names) between the clause start and it. */
function isClauseInitial(doc: Doc, start: number): boolean {
  const si = spanIndexAt(doc.sentences, start);
  const from = si >= 0 ? doc.sentences[si]!.start : start;
  const lead = doc.text.slice(from, start);
  const clause = lead.slice(Math.max(lead.lastIndexOf(','), lead.lastIndexOf(';'), lead.lastIndexOf('—')) + 1);
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
      if (PREPOSITIONS.has(w.norm) || w.norm === 'the' || w.norm === 'a' || w.norm === 'an') break;
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

/** Sets the speaker's title (when none) and stated party/chamber from all places the article names that person. */
function describeSpeaker(ctx: Context, a: Attribution): void {
  if (!a.speaker || !a.speakerSpan) return;
  const { doc } = ctx;
  const key = personKey(a.speaker);
  const spans: Span[] = [a.speakerSpan];
  if (a.mentionSpan) spans.push(a.mentionSpan);
  let title = a.speakerTitle;
  const person = ctx.persons.some((m) => m.key === key && sameGiven(m.name, a.speaker!));
  if (person) {
    for (const m of ctx.persons) {
      if (m.key !== key || !sameGiven(m.name, a.speaker)) continue;
      const li = lastTokenEndingBy(doc, m.end);
      const ph = li >= 0 ? phraseEndingAt(doc, li) : null;
      if (ph && ph.start < m.start) {
        spans.push({ start: ph.start, end: m.start });
        // Words before the name are a title only when they hold more than honorifics and given names ("Sen.", "Obama campaign spokeswoman").
        const pre = doc.text.slice(ph.start, m.start).replace(/^(?:the|a|an)\s+/i, '').replace(/\b(?:Mr|Mrs|Ms|Miss)\.?\s*/g, '').trim();
        if (pre && /(?:^|\s)(?:\p{Ll}|(?:Sen|Rep|Gov|Gen|Dr|Prof|Lt|Col|Adm|Amb|Rev)\.|(?:President|Senator|Representative|Governor|Secretary|Speaker|Leader|Judge|Attorney|General|Chairman|Director|Minister)\b)/u.test(pre)) title ??= pre;
      }
      const pe = afterParen(doc, m.end);
      if (pe > m.end) spans.push({ start: m.end, end: pe });
      const app = appositiveAfter(doc, { end: m.end } as Phrase);
      if (app) {
        const s0 = doc.text.indexOf(app, m.end);
        if (s0 >= 0 && s0 < m.end + 60) spans.push({ start: s0, end: s0 + app.length });
        title ??= app;
      }
    }
  }
  if (title && !a.speakerTitle) a.speakerTitle = title;
  if (!person && !a.speakerTitle) return;
  const group = groupOf(doc, spans);
  if (group) a.speakerGroup = group;
}

/** The person named most often before `at` (by surname), for "she said" far from any name. */
function mostNamedPerson(ctx: Context, at: number): Mention | undefined {
  const counts = new Map<string, { n: number; best: Mention }>();
  for (const m of ctx.mentions) {
    if (m.end > at || !(m.type === 'person' || (m.type === 'unknown' && isPersonal(ctx, m.name)))) continue;
    const key = lastWord(m.name);
    const c = counts.get(key);
    if (!c) counts.set(key, { n: 1, best: m });
    else {
      c.n++;
      if (m.name.split(' ').length >= c.best.name.split(' ').length) c.best = m;
    }
  }
  let top: { n: number; best: Mention } | undefined;
  for (const c of counts.values()) if (!top || c.n > top.n || (c.n === top.n && c.best.start > top.best.start)) top = c;
  return top && top.n >= 2 ? top.best : undefined;
}

function canonicalText(s: string): string {
  let out = s;
  for (let k = 0; k < 3; k++) out = out.replace(STRIP_LEAD, '').replace(STRIP_TITLE, '');
  return out;
}

function aliasNamesOf(ctx: Context, actorId: string): string[] {
  const names = new Set<string>();
  for (const m of ctx.mentions) if (m.actorId === actorId && m.kind !== 'descriptive' && m.kind !== 'pejorative') names.add(ctx.doc.text.slice(m.start, m.end).replace(/['’]s$/, ''));
  return [...names];
}

// ---------- source type ----------

function containsSeq(norms: readonly string[], seq: readonly string[]): boolean {
  outer: for (let i = 0; i + seq.length <= norms.length; i++) {
    for (let k = 0; k < seq.length; k++) if (norms[i + k] !== seq[k]) continue outer;
    return true;
  }
  return false;
}

/** First type (in the lexicon's order) whose names or cues occur in the speaker phrase, its resolved name, and the words around it (appositive). */
function sourceTypeOf(ctx: Context, ref: SpeakerRef, p: Phrase): SourceType {
  const { doc } = ctx;
  const cues = sourceCues();
  const tokensOf = (s: Span): Token[] => doc.tokens.filter((t) => t.start >= s.start && t.end <= s.end);
  const spanNorms = [...tokensOf(ref.span), ...tokensOf(ref.mention)].map((t) => t.norm);
  const nameNorms = ref.name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const norms = [...spanNorms, '|', ...nameNorms];
  const named = p.named || (ref.resolution !== 'name' && ref.resolution !== 'unresolved' && /\p{Lu}/u.test(ref.name));
  for (const type of cues.order) {
    if (type === 'other') continue;
    if (type === 'anonymous') {
      if (!named && !p.definite && !p.pronoun && (cues.cues.get('anonymous') ?? []).some((c) => c[0] === p.head)) return 'anonymous';
      continue;
    }
    if ((cues.names.get(type) ?? []).some((n) => containsSeq(norms, n))) return type;
    if ((cues.cues.get(type) ?? []).some((n) => containsSeq(norms, n))) return type;
    if (type === 'government') {
      // A state, its capital or a known leader speaking is the government speaking.
      const m = ctx.mentions.find((x) => x.start >= ref.span.start && x.end <= ref.span.end && (x.type === 'country' || x.type === 'person') && x.actorId.indexOf(':') < 0);
      if (m) return 'government';
    }
  }
  return 'other';
}

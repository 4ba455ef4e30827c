/**
 * What an article itself says about a named person: a gender cue for "he"/"she"
 * (honorific, gendered role noun, common given name) and the position or party
 * written next to the name ("Sen.", "(R-Ky.)", "a spokeswoman for the Obama
 * campaign", "Republican Sen. Rand Paul"), with the spans that state it.
 */
import { readFileSync } from 'node:fs';
import type { Doc, Span } from '../../doc/types.js';
import { dataPath } from '../naming/actors.js';

export type Gender = 'm' | 'f';

/** Party and chamber stated in the text for a speaker, with the spans saying so. */
export interface SpeakerGroup {
  party?: 'Democratic' | 'Republican';
  chamber?: 'Senate' | 'House';
  evidence: Span[];
}

let names: Map<string, Gender> | null = null;

/** Given names by gender (data/lexicons/given-names.json). */
export function givenNames(): Map<string, Gender> {
  if (names) return names;
  const json = JSON.parse(readFileSync(dataPath('lexicons', 'given-names.json'), 'utf8')) as { female: string[]; male: string[] };
  const map = new Map<string, Gender>();
  for (const n of json.female) map.set(n, 'f');
  for (const n of json.male) map.set(n, 'm');
  names = map;
  return map;
}

const FEMALE_WORDS = /\b(?:Mrs|Ms|Miss|spokeswoman|congresswoman|chairwoman|businesswoman|councilwoman|actress|wife|mother|daughter|sister|widow|queen|first lady)\.?\s+$/i;
const MALE_WORDS = /\b(?:Mr|spokesman|congressman|chairman|businessman|councilman|husband|father|son|brother|king)\.?\s+$/i;
const HONORIFIC_START = /^(?:(Mrs|Ms|Miss)|(Mr))\.?\s/;

/** Last words of the FEMALE_WORDS and MALE_WORDS alternatives ("lady" of "first lady"), lower case. */
const CUE_LAST_WORDS = new Set(['mrs', 'ms', 'miss', 'spokeswoman', 'congresswoman', 'chairwoman', 'businesswoman', 'councilwoman', 'actress', 'wife', 'mother', 'daughter', 'sister', 'widow', 'queen', 'lady', 'mr', 'spokesman', 'congressman', 'chairman', 'businessman', 'councilman', 'husband', 'father', 'son', 'brother', 'king']);
const SPACE = /^\s$/;
const TITLES_BEFORE_NAME = /^(?:(?:Sen|Rep|Gov|Gen|Dr|Prof|President|Senator|Representative|Governor|Secretary|Judge)\.?\s+)+/;
const LETTERS = /\p{L}+/gu;

/**
 * The ASCII letters (lower case) right before an optional "." and white space ending at `to`, not before `from`:
 * FEMALE_WORDS or MALE_WORDS can match `text.slice(from, to)` only when this is the last word of one of their
 * alternatives (they match ASCII letters only, after a word boundary), so most names skip both regexes.
 */
function wordBeforeSpaces(text: string, from: number, to: number): string {
  let k = to;
  while (k > from && SPACE.test(text[k - 1]!)) k--;
  if (k === to) return '';
  if (k > from && text.charCodeAt(k - 1) === 46) k--;
  const wordEnd = k;
  for (; k > from; k--) {
    const c = text.charCodeAt(k - 1) | 0x20;
    if (c < 97 || c > 122) break;
  }
  return text.slice(k, wordEnd).toLowerCase();
}

/** Gender cue for a name written at [start, end): a word right before it, an honorific in it, or its given name. */
export function genderCue(doc: Doc, start: number, end: number): Gender | undefined {
  const surface = doc.text.slice(start, end);
  const h = HONORIFIC_START.exec(surface);
  if (h) return h[1] ? 'f' : 'm';
  const from = Math.max(0, start - 40);
  if (CUE_LAST_WORDS.has(wordBeforeSpaces(doc.text, from, start))) {
    const before = doc.text.slice(from, start);
    if (FEMALE_WORDS.test(before)) return 'f';
    if (MALE_WORDS.test(before)) return 'm';
  }
  // The first two letter runs after leading titles (the first is the given name; a single word is a surname, not a given name: "Paul").
  const rest = surface.replace(TITLES_BEFORE_NAME, '');
  LETTERS.lastIndex = 0;
  const first = LETTERS.exec(rest)?.[0].toLowerCase();
  return first && LETTERS.exec(rest) ? givenNames().get(first) : undefined;
}

const PARTY = [
  { party: 'Republican', re: /\bR-[A-Z][\w.]*|\(R\)|\bRepublicans?\b|\bGOP\b/g },
  { party: 'Democratic', re: /\bD-[A-Z][\w.]*|\(D\)|\bDemocrat(?:s|ic)?\b/g },
] as const;
const CHAMBER = [
  { chamber: 'Senate', re: /\bSen\.|\bSenator\b|\bsenator\b|\bSenate\b/g },
  { chamber: 'House', re: /\bRep\.|\bRepresentative\b|\bCongress(?:wo)?man\b|\bcongress(?:wo)?man\b|(?<!White )\bHouse\b/g },
] as const;

/** Every text PARTY or CHAMBER matches holds one of these (a quick test before running them). */
const ANY_GROUP_WORD = /[RD]-|\([RD]\)|GOP|Democrat|Sen|senator|Rep|ongress|House/;

/** Party and chamber words found in some description spans, by party and by chamber. */
export interface GroupMatches {
  parties: Map<string, Span[]>;
  chambers: Map<string, Span[]>;
}

/** The matches of spans naming no party nor chamber (most): shared, never changed (groupFromMatches only reads). */
const NO_MATCHES: GroupMatches = { parties: new Map(), chambers: new Map() };

/** The party and chamber words in the given spans (the speaker's phrase, its title words before the name, a party code or appositive after it). */
export function groupMatches(doc: Doc, spans: readonly Span[]): GroupMatches {
  let out: GroupMatches | null = null;
  for (const s of spans) {
    const text = doc.text.slice(s.start, s.end);
    if (!ANY_GROUP_WORD.test(text)) continue;
    out ??= { parties: new Map(), chambers: new Map() };
    const { parties, chambers } = out;
    for (const { party, re } of PARTY) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) (parties.get(party) ?? parties.set(party, []).get(party)!).push({ start: s.start + m.index, end: s.start + m.index + m[0].length });
    }
    for (const { chamber, re } of CHAMBER) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) (chambers.get(chamber) ?? chambers.set(chamber, []).get(chamber)!).push({ start: s.start + m.index, end: s.start + m.index + m[0].length });
    }
  }
  return out ?? NO_MATCHES;
}

/**
 * Party and chamber stated by the union of some matches (groupMatches of several span lists). A party is
 * kept only when the spans name one party; likewise the chamber. Evidence is sorted, duplicates dropped.
 */
export function groupFromMatches(all: readonly GroupMatches[]): SpeakerGroup | undefined {
  // Most speakers' descriptions name no party nor chamber: no maps to merge.
  let any = false;
  for (const g of all) if (g.parties.size > 0 || g.chambers.size > 0) any = true;
  if (!any) return undefined;
  const parties = new Map<string, Span[]>();
  const chambers = new Map<string, Span[]>();
  for (const g of all) {
    for (const [k, v] of g.parties) (parties.get(k) ?? parties.set(k, []).get(k)!).push(...v);
    for (const [k, v] of g.chambers) (chambers.get(k) ?? chambers.set(k, []).get(k)!).push(...v);
  }
  const out: SpeakerGroup = { evidence: [] };
  if (parties.size === 1) {
    const [party, ev] = [...parties.entries()][0]!;
    out.party = party as SpeakerGroup['party'];
    out.evidence.push(...ev);
  }
  if (chambers.size === 1) {
    const [chamber, ev] = [...chambers.entries()][0]!;
    out.chamber = chamber as SpeakerGroup['chamber'];
    out.evidence.push(...ev);
  }
  if (!out.party && !out.chamber) return undefined;
  out.evidence.sort((a, b) => a.start - b.start || a.end - b.end);
  // Copies: the matches may be shared between speakers' descriptions.
  out.evidence = out.evidence.filter((e, i, all) => i === 0 || e.start !== all[i - 1]!.start || e.end !== all[i - 1]!.end).map((e) => ({ start: e.start, end: e.end }));
  return out;
}

/**
 * Party and chamber stated in the given description spans (the speaker's phrase, its
 * title words before the name, a party code or appositive after it). A party is kept
 * only when the spans name one party; likewise the chamber.
 */
export function groupOf(doc: Doc, spans: readonly Span[]): SpeakerGroup | undefined {
  return groupFromMatches([groupMatches(doc, spans)]);
}

/**
 * Phrase lexicons of loaded words (data/lexicons/loaded-*.json): each entry is
 * a technique code, its surface forms ("blast|blasts|blasted") and optionally
 * neutral alternatives aligned form by form ("criticize|criticizes|criticized";
 * one alternative applies to every form). Matching is on token norms, so case,
 * typographic quotes and a possessive "'s" do not matter; words of a phrase may
 * be joined by spaces or hyphens ("muscle-flexing" = "muscle flexing").
 */
import { readFileSync } from 'node:fs';
import type { Doc } from '../../doc/types.js';
import { normalizeWord, tokenOffsets } from '../../text/index.js';
import { TECHNIQUE_CODES, type Technique } from './techniques.js';

export interface LexiconFileEntry {
  /** Technique code (LL, NC, EM, DB, FW, AF). */
  t: string;
  /** Surface forms separated by "|". */
  w: string;
  /** Neutral alternatives separated by "|", aligned with `w` (or one for all). */
  n?: string;
  /** A teaching entry: kept even when labeled data rarely marks it (the model's verdicts do not apply). */
  k?: boolean;
}

export interface LexiconFile {
  name: string;
  source: string;
  licence: string;
  entries: LexiconFileEntry[];
}

export interface PhraseEntry {
  technique: Technique;
  /** Token norms of the phrase. */
  norms: string[];
  /** The form as written in the lexicon. */
  form: string;
  neutral: string | null;
  lexicon: string;
  keep: boolean;
}

/** Entries indexed by their first norm, longest phrase first. */
export interface PhraseIndex {
  byFirst: Map<string, PhraseEntry[]>;
  size: number;
}

/** Token norms of a lexicon phrase, with the tokenizer the documents use. */
export function phraseNorms(phrase: string): string[] {
  return tokenOffsets(phrase).map((t) => normalizeWord(phrase.slice(t.start, t.end)));
}

export function buildPhraseIndex(files: readonly LexiconFile[]): PhraseIndex {
  const byFirst = new Map<string, PhraseEntry[]>();
  let size = 0;
  for (const file of files) {
    for (const e of file.entries) {
      const technique = TECHNIQUE_CODES[e.t];
      if (!technique) throw new Error(`${file.name}: unknown technique code ${e.t} in "${e.w}"`);
      const forms = e.w.split('|');
      const neutrals = e.n ? e.n.split('|') : [];
      forms.forEach((form, i) => {
        const norms = phraseNorms(form);
        if (norms.length === 0) return;
        const neutral = neutrals.length === 0 ? null : (neutrals.length === 1 ? neutrals[0]! : (neutrals[i] ?? neutrals[0]!));
        const entry: PhraseEntry = { technique, norms, form, neutral, lexicon: file.name, keep: e.k === true };
        const list = byFirst.get(norms[0]!) ?? [];
        // First entry for an identical phrase wins: files listed first take precedence.
        if (!list.some((x) => x.norms.join(' ') === norms.join(' '))) {
          list.push(entry);
          size++;
        }
        byFirst.set(norms[0]!, list);
      });
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.norms.length - a.norms.length || a.form.localeCompare(b.form));
  return { byFirst, size };
}

/** Words of a phrase may be separated by white space or hyphens/dashes, nothing else. */
const JOINER = /^[\s\-\u2010-\u2015]*$/;

export interface PhraseHit {
  first: number;
  last: number;
  entry: PhraseEntry;
}

/** The last doc's hits: the analyzer matches each doc twice (as tagger features, then as lexicon findings). */
let lastMatch: { tokens: readonly unknown[]; text: string; index: PhraseIndex; hits: readonly PhraseHit[] } | null = null;

/**
 * Longest-match, left-to-right phrase hits over the doc's tokens (non-overlapping).
 * `firstLists[i]`, when given, must be `index.byFirst.get(tokens[i].norm)` (a caller that caches it per word type).
 */
export function matchPhrases(doc: Pick<Doc, 'text' | 'tokens'>, index: PhraseIndex, firstLists?: readonly (readonly PhraseEntry[] | undefined)[]): readonly PhraseHit[] {
  if (lastMatch && lastMatch.tokens === doc.tokens && lastMatch.text === doc.text && lastMatch.index === index) return lastMatch.hits;
  const hits = findPhrases(doc, index, firstLists);
  lastMatch = { tokens: doc.tokens, text: doc.text, index, hits };
  return hits;
}

function findPhrases(doc: Pick<Doc, 'text' | 'tokens'>, index: PhraseIndex, firstLists?: readonly (readonly PhraseEntry[] | undefined)[]): PhraseHit[] {
  const { tokens } = doc;
  const out: PhraseHit[] = [];
  for (let i = 0; i < tokens.length; ) {
    const list = firstLists ? firstLists[i] : index.byFirst.get(tokens[i]!.norm);
    const hit = list ? phraseAt(doc, i, list) : null;
    if (hit) {
      out.push(hit);
      i = hit.last;
    } else i++;
  }
  return out;
}

/**
 * A phrase list split by second word: `bySecond.get(norm)` holds, in list order,
 * the one-word entries and the longer ones whose second norm is `norm`;
 * `singles` only the one-word entries. Only these can match where the next
 * token has that norm, so a common first word ("the", "our": a dozen phrases)
 * costs one map read instead of a string comparison per phrase.
 */
interface SplitList {
  singles: readonly PhraseEntry[];
  bySecond: Map<string, PhraseEntry[]>;
}
const splitLists = new WeakMap<readonly PhraseEntry[], SplitList>();

function splitList(list: readonly PhraseEntry[]): SplitList {
  let split = splitLists.get(list);
  if (split) return split;
  const bySecond = new Map<string, PhraseEntry[]>();
  for (const entry of list) if (entry.norms.length > 1 && !bySecond.has(entry.norms[1]!)) bySecond.set(entry.norms[1]!, []);
  for (const entry of list) {
    if (entry.norms.length === 1) for (const sub of bySecond.values()) sub.push(entry);
    else bySecond.get(entry.norms[1]!)!.push(entry);
  }
  split = { singles: list.filter((e) => e.norms.length === 1), bySecond };
  splitLists.set(list, split);
  return split;
}

/** The longest phrase of `all` (phrases starting with token i's norm, longest first) that matches at token i. */
function phraseAt(doc: Pick<Doc, 'text' | 'tokens'>, i: number, all: readonly PhraseEntry[]): PhraseHit | null {
  const { tokens, text } = doc;
  let list = all;
  if (all.length > 1) {
    const split = splitList(all);
    const next = tokens[i + 1];
    list = (next && split.bySecond.get(next.norm)) || split.singles;
  }
  for (const entry of list) {
    const n = entry.norms.length;
    if (i + n > tokens.length) continue;
    let ok = true;
    for (let k = 1; k < n && ok; k++) {
      const a = tokens[i + k - 1]!;
      const b = tokens[i + k]!;
      ok = b.norm === entry.norms[k] && JOINER.test(text.slice(a.end, b.start));
    }
    if (ok) return { first: i, last: i + n, entry };
  }
  return null;
}

/**
 * matchPhrases given only the tokens a phrase can start at: `starts[k]`
 * (ascending token indices) with `lists[k]` = `index.byFirst.get(tokens[starts[k]].norm)`;
 * every other token starts none. The same hits (and cache) as matchPhrases.
 */
export function matchPhraseStarts(doc: Pick<Doc, 'text' | 'tokens'>, index: PhraseIndex, starts: ArrayLike<number>, lists: readonly (readonly PhraseEntry[])[], count: number): readonly PhraseHit[] {
  if (lastMatch && lastMatch.tokens === doc.tokens && lastMatch.text === doc.text && lastMatch.index === index) return lastMatch.hits;
  const hits: PhraseHit[] = [];
  let next = 0;
  for (let k = 0; k < count; k++) {
    const i = starts[k]!;
    // Tokens inside an earlier hit start nothing (left to right, non-overlapping).
    if (i < next) continue;
    const hit = phraseAt(doc, i, lists[k]!);
    if (hit) {
      hits.push(hit);
      next = hit.last;
    }
  }
  lastMatch = { tokens: doc.tokens, text: doc.text, index, hits };
  return hits;
}

/** Reads a lexicon shipped under data/ (path relative to the repository root). */
export function readDataJson<T>(relative: string): T {
  // src/frames/loaded/ and dist/frames/loaded/ are both three levels below the root.
  const url = new URL(`../../../${relative}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

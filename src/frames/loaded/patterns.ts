/**
 * Syntactic patterns for techniques a word list cannot see:
 * - name-calling: "so-called X", "the <Name> regime", scare-quoted labels;
 * - doubt: rhetorical questions in the writer's voice (a question sentence
 *   outside quotation marks).
 */
import type { Doc } from '../../doc/types.js';
import { isSpaceUnit } from '../../text/index.js';
import { findShortQuotes } from '../hedges/quotes.js';
import type { Technique } from './techniques.js';
import { tokenTypes, typesOfNorm } from './vocab.js';

export interface PatternHit {
  start: number;
  end: number;
  technique: Technique;
  pattern: string;
  words: string[];
  neutral: string | null;
  /** Overlap priority against lexicon (3) and model (1) hits. */
  priority: number;
}

const WORD_GAP = /^[\s\-\u2010-\u2015]*$/;

/** Word types a pattern starts at: "so" (of "so-called") and "regime(s)". */
const SO = 1;
const REGIME = 2;
const PATTERN_NORMS: readonly (readonly [string, number])[] = [['so', SO], ['regime', REGIME], ['regimes', REGIME]];


/** Whether text[start, end) ends with "?" and white space only after it (/\?\s*$/ on the slice, without slicing). */
function endsWithQuestion(text: string, start: number, end: number): boolean {
  let p = end - 1;
  while (p >= start && isSpaceUnit(text.charCodeAt(p))) p--;
  return p >= start && text.charCodeAt(p) === 0x3f;
}

/** Token k continues the label of "so-called" in sentence `sent`: same sentence, only spaces, quotes or hyphens before it. */
function joinedInSentence(text: string, tokens: Doc['tokens'], sent: number, k: number): boolean {
  return tokens[k]!.sent === sent && /^[\s“”"‘’'-]*$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));
}

/**
 * The pattern hits of a doc. No closure in the token loop captures a loop
 * variable: one would make V8 allocate a context object for every token
 * (35 KB of garbage per web article). `scareQuotes: false` leaves out the scare-quote
 * pattern (a caller that drops those hits saves the quotation scan).
 */
export function findPatterns(doc: Pick<Doc, 'text' | 'tokens' | 'sentences'>, scareQuotes = true): PatternHit[] {
  const { text, tokens } = doc;
  const out: PatternHit[] = [];
  const types = tokenTypes(doc);
  // The few type ids of those norms (vocab.ts), compared with each token's: no per-type table read per token.
  const watched: number[] = [];
  const watchedKinds: number[] = [];
  for (const [norm, kind] of PATTERN_NORMS) {
    for (const id of typesOfNorm(norm)) {
      watched.push(id);
      watchedKinds.push(kind);
    }
  }
  // Almost always three ids (one type per norm): compared without an inner loop.
  const few = watched.length <= 3;
  const w0 = watched[0] ?? -1;
  const w1 = watched[1] ?? -1;
  const w2 = watched[2] ?? -1;
  const n = types.length;
  for (let i = 0; i < n; i++) {
    const id = types[i]!;
    if (few && id !== w0 && id !== w1 && id !== w2) continue;
    const j = watched.indexOf(id);
    if (j < 0) continue;
    const kind = watchedKinds[j]!;
    const t = tokens[i]!;
    // "so-called X Y": the label after it, up to two words in the same phrase.
    if (kind === SO && tokens[i + 1]?.norm === 'called' && WORD_GAP.test(text.slice(t.end, tokens[i + 1]!.start))) {
      // One word, or a capitalized name of up to three words ("so-called Islamic State").
      let last = i + 2;
      if (last < tokens.length && joinedInSentence(text, tokens, t.sent, last)) {
        last++;
        if (tokens[last - 1]!.cap) while (last < tokens.length && last < i + 5 && tokens[last]!.cap && joinedInSentence(text, tokens, t.sent, last)) last++;
      }
      const end = last > i + 2 ? tokens[last - 1]!.end : tokens[i + 1]!.end;
      const label = last > i + 2 ? text.slice(tokens[i + 2]!.start, end) : '';
      const ws: string[] = [];
      for (let k = i; k < last; k++) ws.push(text.slice(tokens[k]!.start, tokens[k]!.end));
      out.push({ start: t.start, end, technique: 'Name_Calling,Labeling', pattern: 'so-called', words: ws, neutral: label || '(omit)', priority: 4 });
      i = last - 1;
      continue;
    }
    // "<Name> regime": a capitalized name (1–3 words) before "regime".
    if (kind === REGIME) {
      let first = i;
      while (first > 0 && i - first < 3 && tokens[first - 1]!.cap && tokens[first - 1]!.sent === t.sent && /^\s+$/.test(text.slice(tokens[first - 1]!.end, tokens[first]!.start))) first--;
      if (first < i && tokens[first]!.norm !== 'the') {
        const name = text.slice(tokens[first]!.start, tokens[i - 1]!.end);
        const ws: string[] = [];
        for (let k = first; k <= i; k++) ws.push(text.slice(tokens[k]!.start, tokens[k]!.end));
        out.push({ start: tokens[first]!.start, end: t.end, technique: 'Name_Calling,Labeling', pattern: 'name-regime', words: ws, neutral: `${name} government${t.norm === 'regimes' ? 's' : ''}`, priority: 4 });
      }
    }
  }
  for (const q of scareQuotes ? findShortQuotes(doc, 3) : []) {
    if (q.reportingWord) continue;
    const inner = text.slice(q.innerStart, q.innerEnd);
    out.push({ start: q.start, end: q.end, technique: 'Name_Calling,Labeling', pattern: 'scare-quote', words: inner.split(/\s+/u), neutral: inner, priority: 2 });
  }
  for (const s of doc.sentences) {
    // The writer's own question: no quotation marks anywhere in the sentence.
    if (s.end - s.start <= 300 && endsWithQuestion(text, s.start, s.end) && !/[“”"«»]/.test(text.slice(s.start, s.end))) {
      out.push({ start: s.start, end: s.end, technique: 'Doubt', pattern: 'rhetorical-question', words: [], neutral: null, priority: 2 });
    }
  }
  return out;
}

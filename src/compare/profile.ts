import type { Doc, Span, Token } from '../doc/types.js';
import { formMemo, isStopword, tokenForms, type TokenForms } from '../text/index.js';
import { countBag, hashString, shingleHashes, slotTable, sortedUnique, type CountBag, type IntIndex } from './hash.js';
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
const hashCache = new WeakMap<Doc, TokenHashes>();
const shingleCache = new WeakMap<Doc, Map<number, Shingles>>();
const cache = new WeakMap<Doc, Map<number, DocProfile>>();
/** Positions kept per shingle in the seed index: more repeats of one phrase in one article add nothing. */
const MAX_SEED_POSITIONS = 8;

/** What an article's corpus-statistics contribution needs: no stop words, no quotes. */
export interface TokenHashes {
  tokenHashes: Int32Array;
  stemHashes: Int32Array;
}

export interface Shingles {
  shingles: Int32Array;
  shingleSet: Int32Array;
}

/**
 * Token and stem hashes of a document (cached per Doc). For a token array as `tokenize` returned
 * it, each distinct surface (tokenizer form entry) is hashed once per form table (formFacts), so
 * a token costs two array reads; other arrays hash each token's forms where they are.
 */
export function tokenHashes(doc: Doc): TokenHashes {
  return hashCache.get(doc) ?? hashTokens(doc, null).hashes;
}

/**
 * Norm hash, stem hash and stop-word flag per form entry of one tokenizer table (text/tokenize.ts
 * `tokenForms`: equal entries have equal norms and stems). `known[e]` is 0 until entry e is first
 * met, then 1 for a content word, 2 for a stop word. Keyed by the table object: a full table is
 * replaced by a new one (entry ids restart), and the old memo goes with it.
 */
interface FormFacts {
  norm: Int32Array;
  stem: Int32Array;
  known: Int32Array;
}
const formNorms = formMemo(0);
const formStems = formMemo(0);
const formKinds = formMemo(0);

function formFacts(forms: TokenForms): FormFacts {
  return { norm: formNorms(forms), stem: formStems(forms), known: formKinds(forms) };
}

function maxOf(ids: readonly number[]): number {
  let m = -1;
  for (let i = 0; i < ids.length; i++) if (ids[i]! > m) m = ids[i]!;
  return m;
}

/** Fills entry e of the memo from a token of that entry; returns its `known` value. */
function learnForm(f: FormFacts, e: number, t: Token): number {
  const h = hashString(t.norm);
  f.norm[e] = h;
  f.stem[e] = t.stem === t.norm ? h : hashString(t.stem);
  return (f.known[e] = isStopword(t.norm) ? 2 : 1);
}

/**
 * Hashes every token's norm and stem and caches them on the Doc; with `content`, also flags the
 * non-stop words there in the same pass (a story task meets each article in `tokenProfile` first).
 */
function hashTokens(doc: Doc, content: Uint8Array | null): { hashes: TokenHashes; contentCount: number } {
  const tokens = doc.tokens;
  const tokenHashes = new Int32Array(tokens.length);
  const stemHashes = new Int32Array(tokens.length);
  let contentCount = 0;
  const forms = tokenForms(tokens);
  if (forms) {
    const ids = forms.ids;
    const f = formFacts(forms);
    const { norm: normOf, stem: stemOf, known } = f;
    for (let i = 0; i < tokens.length; i++) {
      const e = ids[i]!;
      let k = known[e]!;
      if (k === 0) k = learnForm(f, e, tokens[i]!);
      tokenHashes[i] = normOf[e]!;
      stemHashes[i] = stemOf[e]!;
      if (content && k === 1) {
        content[i] = 1;
        contentCount++;
      }
    }
  } else {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const norm = t.norm;
      const stem = t.stem;
      const h = hashString(norm);
      tokenHashes[i] = h;
      stemHashes[i] = stem === norm ? h : hashString(stem);
      if (content && !isStopHashed(norm, h)) {
        content[i] = 1;
        contentCount++;
      }
    }
  }
  const hashes = { tokenHashes, stemHashes };
  hashCache.set(doc, hashes);
  return { hashes, contentCount };
}

/** Per form entry: the last `distinctStemHashes` call that met it (a new stamp empties the set without a clear). */
let entryStamps = new Int32Array(1 << 12);
let entryStamp = 0;

/**
 * The stem hashes of a document's distinct form entries (for a token array as `tokenize` returned
 * it; else every token's): the same distinct values as `tokenHashes(doc).stemHashes`, with the
 * repeats of a surface (half an article's tokens) dropped by an array read before the hash set.
 */
export function distinctStemHashes(doc: Doc): Int32Array {
  const stemHashes = tokenHashes(doc).stemHashes;
  const forms = tokenForms(doc.tokens);
  if (!forms) return stemHashes;
  const ids = forms.ids;
  const max = maxOf(ids);
  if (max >= entryStamps.length) {
    let size = entryStamps.length;
    while (size <= max) size *= 2;
    entryStamps = new Int32Array(size);
    entryStamp = 0;
  }
  if (++entryStamp === 0x7fffffff) {
    entryStamps.fill(0);
    entryStamp = 1;
  }
  const out = new Int32Array(ids.length);
  let w = 0;
  for (let i = 0; i < ids.length; i++) {
    const e = ids[i]!;
    if (entryStamps[e] === entryStamp) continue;
    entryStamps[e] = entryStamp;
    out[w++] = stemHashes[i]!;
  }
  return out.subarray(0, w);
}

/**
 * Stop-word flags of recent norms, direct-mapped by the norm's hash: a slot
 * holds the last norm seen there, so frequent words are answered by one
 * comparison of (usually identical) strings instead of a Set lookup.
 */
const STOP_SLOTS = 1 << 14;
const stopNorms: (string | undefined)[] = new Array<string | undefined>(STOP_SLOTS).fill(undefined);
const stopFlags = new Uint8Array(STOP_SLOTS);

/** `isStopword(norm)`, given `hashString(norm)`. */
export function isStopHashed(norm: string, hash: number): boolean {
  const slot = hash & (STOP_SLOTS - 1);
  if (stopNorms[slot] === norm) return stopFlags[slot] === 1;
  const stop = isStopword(norm);
  // A 13+ character slice is a view of the whole article in V8: caching it would keep the article alive.
  if (norm.length < 13) {
    stopNorms[slot] = norm;
    stopFlags[slot] = stop ? 1 : 0;
  }
  return stop;
}

/** Token hashes, stem hashes, content and quote flags of a document (cached per Doc). */
export function tokenProfile(doc: Doc): TokenProfile {
  const hit = tokenCache.get(doc);
  if (hit) return hit;
  const tokens = doc.tokens;
  const content = new Uint8Array(tokens.length);
  let contentCount = 0;
  let th = hashCache.get(doc);
  const forms = th ? tokenForms(tokens) : null;
  if (th && forms) {
    const ids = forms.ids;
    const f = formFacts(forms);
    for (let i = 0; i < tokens.length; i++) {
      const e = ids[i]!;
      let k = f.known[e]!;
      if (k === 0) k = learnForm(f, e, tokens[i]!);
      if (k === 1) {
        content[i] = 1;
        contentCount++;
      }
    }
  } else if (th) {
    for (let i = 0; i < tokens.length; i++) {
      if (!isStopHashed(tokens[i]!.norm, th.tokenHashes[i]!)) {
        content[i] = 1;
        contentCount++;
      }
    }
  } else {
    const r = hashTokens(doc, content);
    th = r.hashes;
    contentCount = r.contentCount;
  }
  const quotes = quoteSpans(doc.text);
  const p: TokenProfile = { tokenHashes: th.tokenHashes, stemHashes: th.stemHashes, content, quoted: quotedTokens(tokens, quotes), quotes, contentCount };
  tokenCache.set(doc, p);
  return p;
}

const contentCache = new WeakMap<Doc, CountBag>();

/** Content-word stems of a document with their term counts and first positions (cached per Doc): the TF of TF-IDF cosine and of the overall similarity. */
export function contentStems(doc: Doc): CountBag {
  let bag = contentCache.get(doc);
  if (!bag) {
    const tp = tokenProfile(doc);
    contentCache.set(doc, (bag = countBag(tp.stemHashes, tp.content)));
  }
  return bag;
}

/** Shingle hashes of a document at each position, and their sorted distinct set (cached per Doc and size). */
export function docShingles(doc: Doc, ngram: number): Shingles {
  let perDoc = shingleCache.get(doc);
  if (!perDoc) shingleCache.set(doc, (perDoc = new Map()));
  const hit = perDoc.get(ngram);
  if (hit) return hit;
  const shingles = shingleHashes(tokenHashes(doc).tokenHashes, ngram);
  const out = { shingles, shingleSet: sortedUnique(shingles) };
  perDoc.set(ngram, out);
  return out;
}

export function docProfile(doc: Doc, ngram: number): DocProfile {
  let perDoc = cache.get(doc);
  if (!perDoc) cache.set(doc, (perDoc = new Map()));
  const hit = perDoc.get(ngram);
  if (hit) return hit;
  const tp = tokenProfile(doc);
  const sh = docShingles(doc, ngram);
  const p: DocProfile = { ngram, ...tp, shingles: sh.shingles, shingleSet: sh.shingleSet };
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

/**
 * Built in typed arrays (a per-article Map of position lists cost more than
 * the pairs that used it): keys get ids in first-occurrence order in an
 * open-addressing table that then serves as the lookup index itself.
 */
export function seedIndex(p: DocProfile): SeedIndex {
  if (p.seedIndex) return p.seedIndex;
  const n = p.shingles.length;
  const { slots, mask } = slotTable(n);
  const keys = new Int32Array(n);
  const counts = new Int32Array(n);
  /** Key id + 1 of each kept seed position, 0 for positions that seed nothing. */
  const idAt = new Int32Array(n);
  const filter = new Int32Array(1024);
  let keyCount = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!hasContent(p, i)) continue;
    const h = p.shingles[i]!;
    let k = -1;
    let s = (h ^ (h >>> 15)) & mask;
    for (; slots[s] !== 0; s = (s + 1) & mask)
      if (keys[slots[s]! - 1] === h) {
        k = slots[s]! - 1;
        break;
      }
    if (k < 0) {
      k = keyCount++;
      keys[k] = h;
      slots[s] = k + 1;
      const w = (h >>> 5) & 1023;
      filter[w] = filter[w]! | (1 << (h & 31));
    }
    if (counts[k]! >= MAX_SEED_POSITIONS) continue;
    counts[k]!++;
    idAt[i] = k + 1;
    total++;
  }
  const start = new Int32Array(keyCount + 1);
  for (let k = 0; k < keyCount; k++) start[k + 1] = start[k]! + counts[k]!;
  const positions = new Int32Array(total);
  // Positions ascend per key: filled in text order, each at its key's next free place.
  const next = start.slice(0, keyCount);
  for (let i = 0; i < n; i++) {
    const id = idAt[i]!;
    if (id !== 0) positions[next[id - 1]!++] = i;
  }
  p.seedIndex = { index: { keys: keys.slice(0, keyCount), slots, mask }, filter, start, positions };
  return p.seedIndex;
}

export function hasContent(p: DocProfile, from: number): boolean {
  for (let k = 0; k < p.ngram; k++) if (p.content[from + k]) return true;
  return false;
}

import type { Doc, Span, Token } from '../doc/types.js';
import { isStopword, tokenForms, type TokenForms } from '../text/index.js';
import { countBag, distinctValues, hashString, shingleHashes, slotTable, type CountBag, type IntIndex } from './hash.js';
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
  seedIndex?: SeedIndex;
}

const tokenCache = new WeakMap<Doc, TokenProfile>();
const hashCache = new WeakMap<Doc, TokenHashes>();
const positionalCache = new WeakMap<Doc, Map<number, Int32Array>>();
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
 * `tokenForms`: equal entries have equal norms and stems), interleaved at `4e`, `4e + 1`, `4e + 2`:
 * a rare word's entry is a cache miss, and one line read for the three facts beats three (three
 * separate arrays cost most of `hashTokens`). The kind at `4e + 2` is 0 until entry e is first met,
 * then 1 for a content word, 2 for a stop word. Keyed by the table object: a full table is replaced
 * by a new one (entry ids restart), and the old memo goes with it.
 */
const formFactsByTable = new WeakMap<object, { facts: Int32Array }>();

function formFacts(forms: TokenForms): { facts: Int32Array } {
  let memo = formFactsByTable.get(forms.table);
  if (!memo) formFactsByTable.set(forms.table, (memo = { facts: new Int32Array(4 << 12) }));
  return memo;
}

/** The memo's facts, grown to hold entry e. */
function growFacts(memo: { facts: Int32Array }, e: number): Int32Array {
  let size = memo.facts.length;
  while (size <= 4 * e + 3) size *= 2;
  const grown = new Int32Array(size);
  grown.set(memo.facts);
  return (memo.facts = grown);
}

function maxOf(ids: readonly number[]): number {
  let m = -1;
  for (let i = 0; i < ids.length; i++) if (ids[i]! > m) m = ids[i]!;
  return m;
}

/** Fills the facts of the entry at `base` (= 4e) from a token of that entry; returns its kind. */
function learnForm(facts: Int32Array, base: number, t: Token): number {
  const h = hashString(t.norm);
  facts[base] = h;
  facts[base + 1] = t.stem === t.norm ? h : hashString(t.stem);
  return (facts[base + 2] = isStopword(t.norm) ? 2 : 1);
}

/** Reads each token's facts by its form id (learning a form at its first token): hashes into `out` when given, content flags into `content` when given; returns the content-word count. */
function readFormFacts(tokens: readonly Token[], forms: TokenForms, out: TokenHashes | null, content: Uint8Array | null): number {
  const ids = forms.ids;
  const memo = formFacts(forms);
  let facts = memo.facts;
  let contentCount = 0;
  for (let i = 0; i < tokens.length; i++) {
    const base = ids[i]! << 2;
    if (base >= facts.length) facts = growFacts(memo, base >> 2);
    let k = facts[base + 2]!;
    if (k === 0) k = learnForm(facts, base, tokens[i]!);
    if (out) {
      out.tokenHashes[i] = facts[base]!;
      out.stemHashes[i] = facts[base + 1]!;
    }
    if (content && k === 1) {
      content[i] = 1;
      contentCount++;
    }
  }
  return contentCount;
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
    contentCount = readFormFacts(tokens, forms, { tokenHashes, stemHashes }, content);
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
    contentCount = readFormFacts(tokens, forms, null, content);
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

/** Shingle hashes of a document at each position (cached per Doc and size). */
function positionalShingles(doc: Doc, ngram: number): Int32Array {
  let perDoc = positionalCache.get(doc);
  if (!perDoc) positionalCache.set(doc, (perDoc = new Map()));
  let shingles = perDoc.get(ngram);
  if (!shingles) perDoc.set(ngram, (shingles = shingleHashes(tokenHashes(doc).tokenHashes, ngram)));
  return shingles;
}

/**
 * Shingle hashes of a document at each position, and their distinct set in first-occurrence order
 * (cached per Doc and size): the corpus counts need the set, not an order (a sort was a third of `statsHashes`).
 */
export function docShingles(doc: Doc, ngram: number): Shingles {
  let perDoc = shingleCache.get(doc);
  if (!perDoc) shingleCache.set(doc, (perDoc = new Map()));
  const hit = perDoc.get(ngram);
  if (hit) return hit;
  const shingles = positionalShingles(doc, ngram);
  const out = { shingles, shingleSet: distinctValues(shingles) };
  perDoc.set(ngram, out);
  return out;
}

/**
 * A document's profile for pair comparisons (cached per Doc and size). Its distinct shingles are the
 * keys of `seedIndex` (a hash set, no sorted copy: the pairs only count shared keys).
 */
export function docProfile(doc: Doc, ngram: number): DocProfile {
  let perDoc = cache.get(doc);
  if (!perDoc) cache.set(doc, (perDoc = new Map()));
  const hit = perDoc.get(ngram);
  if (hit) return hit;
  const tp = tokenProfile(doc);
  const p: DocProfile = { ngram, ...tp, shingles: positionalShingles(doc, ngram) };
  perDoc.set(ngram, p);
  return p;
}

/**
 * Every distinct shingle of a document, in first-occurrence order, with a hash
 * index (`index`: the document's shingle set), and for each shingle its first
 * positions that hold a content word (stop-word-only n-grams seed nothing),
 * ascending, at `positions[start[k] .. start[k + 1])` (none for a stop-word-only shingle).
 */
export interface SeedIndex {
  index: IntIndex;
  /**
   * One bit per key hash (bit `h & 31` of word `(h >>> 5) & 1023`): an
   * article's few hundred shingles set about 2% of the bits, so nearly every
   * shingle of the other article is ruled out by one well-predicted test.
   */
  filter: Int32Array;
  start: Int32Array;
  positions: Int32Array;
  /** Key id (position in `index.keys`) of the shingle at each position. */
  keyAt: Int32Array;
}

/** Per-key working arrays of `seedIndex`, shared by all documents (only the index itself is kept). */
/** Marks a kept seed position in `keyAt` while the index is built (key ids are far below 2^31). */
const SEED_BIT = 1 << 31;
let seedScratch = new Int32Array(3 << 12);

/**
 * Built in typed arrays (a per-article Map of position lists cost more than
 * the pairs that used it): keys get ids in first-occurrence order in an
 * open-addressing table that then serves as the lookup index itself, for the
 * seeds and for the shingle-set overlap of a pair alike (one table a document
 * where a sorted set and a seed table took two and a sort).
 */
export function seedIndex(p: DocProfile): SeedIndex {
  if (p.seedIndex) return p.seedIndex;
  const n = p.shingles.length;
  const shingles = p.shingles;
  const { slots, mask } = slotTable(n);
  if (seedScratch.length < 2 * n) seedScratch = new Int32Array(2 * n);
  const keys = seedScratch.subarray(0, n);
  const counts = seedScratch.subarray(n, 2 * n).fill(0);
  /** Key id of each position, with the sign bit set at kept seed positions. */
  const keyAt = new Int32Array(n);
  const filter = new Int32Array(1024);
  let keyCount = 0;
  let total = 0;
  // Content words in the shingle at i (`hasContent(p, i)` is inside > 0), kept as a sliding count.
  const content = p.content;
  const ngram = p.ngram;
  let inWindow = 0;
  for (let k = 0; k < ngram && k < content.length; k++) inWindow += content[k]!;
  for (let i = 0; i < n; i++) {
    if (i > 0) inWindow += content[i + ngram - 1]! - content[i - 1]!;
    const h = shingles[i]!;
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
    keyAt[i] = k;
    if (inWindow === 0) continue;
    const c = counts[k]!;
    if (c >= MAX_SEED_POSITIONS) continue;
    counts[k] = c + 1;
    keyAt[i] = k | SEED_BIT;
    total++;
  }
  const start = new Int32Array(keyCount + 1);
  for (let k = 0; k < keyCount; k++) start[k + 1] = start[k]! + counts[k]!;
  const positions = new Int32Array(total);
  // Positions ascend per key: filled in text order, each at its key's next free place (the counts array, reused).
  const next = counts;
  next.set(start.subarray(0, keyCount));
  for (let i = 0; i < n; i++) {
    const id = keyAt[i]!;
    if (id < 0) {
      const k = id & ~SEED_BIT;
      positions[next[k]!++] = i;
      keyAt[i] = k;
    }
  }
  p.seedIndex = { index: { keys: keys.slice(0, keyCount), slots, mask }, filter, start, positions, keyAt };
  return p.seedIndex;
}

export function hasContent(p: DocProfile, from: number): boolean {
  for (let k = 0; k < p.ngram; k++) if (p.content[from + k]) return true;
  return false;
}

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import type { Doc } from '../doc/types.js';
import { isStopword, normalizeWord, tokenOffsets } from '../text/index.js';
import { fmix32, hashString } from './hash.js';

/**
 * Corpus-wide text reuse in one streaming pass, in the spirit of Smith et al.
 * 2014 (n-gram seeds → aligned passages → clusters of reprinted text):
 *
 * 1. Each article's word 5-grams are winnowed (Schleimer et al. 2003): the
 *    minimum hash of every window of `window` consecutive shingles is kept, so
 *    any shared stretch of `window + ngram − 1` words or more shares at least one
 *    fingerprint while only about 2/(window+1) of the shingles are stored.
 *    Stop-word-only shingles are never fingerprints.
 * 2. Blocking: each article first looks its fingerprints up in an inverted index
 *    of the earlier articles, then adds them. A fingerprint held by `maxDf`
 *    articles is a stock phrase: its list stops growing and it is no longer
 *    looked up, which bounds the work per article.
 * 3. Hits against one earlier article chain along a diagonal (gaps ≤ `maxGap`
 *    words) into a passage pair when at least `minHits` fingerprints and
 *    `minPassageWords` words on both sides support it.
 * 4. Passages overlapping in one article merge, and passage pairs join into
 *    clusters (connected components).
 *
 * Memory: the index is typed arrays (about 20 bytes a stored fingerprint and 10
 * bytes a hash-table slot); each article keeps its id, outlet, date and its text
 * deflated (about a third of the text) to cut passages out at the end. Large
 * multi-machine runs would shard step 1 (`reuseSummary` per article is compact
 * and JSON-serializable) and join fingerprints in a SQL engine.
 */
export interface ReuseOptions {
  ngram: number;
  /** Winnowing window, in shingles. */
  window: number;
  /** Articles from which a fingerprint counts as stock and is dropped from blocking. */
  maxDf: number;
  minHits: number;
  minPassageWords: number;
  maxGap: number;
  /** Largest cluster reported in full (a cluster is cut to its first articles by id beyond it). */
  maxClusterPassages: number;
}

export const defaultReuseOptions: ReuseOptions = { ngram: 5, window: 8, maxDf: 64, minHits: 2, minPassageWords: 15, maxGap: 10, maxClusterPassages: 500 };

/** A Doc, or just the fields findReuse needs (e.g. a JSON Lines record). */
export type ReuseInput = Pick<Doc, 'id' | 'text'> & { tokens?: Doc['tokens']; meta?: Pick<Doc['meta'], 'outlet' | 'published'>; outlet?: string | null; published?: string | null };

const ReusePassageSchema = z.object({ articleId: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() });
export const ReuseClusterSchema = z.object({
  clusterId: z.string(),
  passages: z.array(ReusePassageSchema),
  /** Distinct articles and outlets in the cluster. */
  articleCount: z.number().int(),
  outlets: z.array(z.string()),
  dateRange: z.object({ from: z.string(), to: z.string() }).nullable(),
  /** The earliest-dated article of the cluster: the likely source when dates differ. */
  earliest: z.string().nullable(),
  truncated: z.boolean(),
});
export type ReuseCluster = z.infer<typeof ReuseClusterSchema>;

/** Per-article fingerprints: what a worker would ship to the join. */
export interface ReuseSummary {
  id: string;
  /** Winnowed fingerprint hashes, their token positions, and the char span of each fingerprint's shingle. */
  hashes: Int32Array;
  positions: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

const SENTINEL = 0x7fffffff;
const surfaceIndex = new Map<string, number>();
let surfaceHash = new Int32Array(1 << 17);
let surfaceContent = new Uint8Array(1 << 17);

/** Hash and content flag of a surface word, cached (normalizing every token is the hot loop). */
function surface(word: string): number {
  // V8 keeps a slice of 13+ characters as a view of the whole article: caching it would keep the article alive.
  if (word.length >= 13) return uncached(word);
  let i = surfaceIndex.get(word);
  if (i === undefined) {
    if (surfaceIndex.size >= 1 << 20) surfaceIndex.clear();
    i = LONG + 1 + surfaceIndex.size;
    if (i >= surfaceHash.length) {
      const h = new Int32Array(surfaceHash.length * 2);
      h.set(surfaceHash);
      surfaceHash = h;
      const c = new Uint8Array(surfaceContent.length * 2);
      c.set(surfaceContent);
      surfaceContent = c;
    }
    const norm = normalizeWord(word);
    surfaceHash[i] = hashString(norm);
    surfaceContent[i] = isStopword(norm) ? 0 : 1;
    surfaceIndex.set(word, i);
  }
  return i;
}

const LONG = (1 << 16) - 1;
function uncached(word: string): number {
  const norm = normalizeWord(word);
  surfaceHash[LONG] = hashString(norm);
  surfaceContent[LONG] = isStopword(norm) ? 0 : 1;
  return LONG;
}

/** Winnowed fingerprints of one article (Schleimer et al. 2003, robust winnowing: rightmost minimum). */
export function reuseSummary(input: ReuseInput, options: Partial<ReuseOptions> = {}): ReuseSummary & { tokenCount: number } {
  const o = { ...defaultReuseOptions, ...options };
  const offsets = input.tokens ?? tokenOffsets(input.text);
  const T = offsets.length;
  const th = new Int32Array(T);
  const content = new Uint8Array(T);
  for (let i = 0; i < T; i++) {
    const t = offsets[i]!;
    const s = surface(input.text.slice(t.start, t.end));
    th[i] = surfaceHash[s]!;
    content[i] = surfaceContent[s]!;
  }
  const S = Math.max(0, T - o.ngram + 1);
  const sh = new Int32Array(S);
  let contentInWindow = 0;
  for (let k = 0; k < o.ngram - 1 && k < T; k++) contentInWindow += content[k]!;
  for (let i = 0; i < S; i++) {
    contentInWindow += content[i + o.ngram - 1]!;
    let h = 0x3c6ef372;
    for (let k = 0; k < o.ngram; k++) h = Math.imul(h ^ th[i + k]!, 0x01000193) + k;
    // Hashes compare as signed ints; the sentinel (max int) marks shingles that may not be chosen.
    sh[i] = contentInWindow > 0 ? Math.min(fmix32(h), SENTINEL - 1) : SENTINEL;
    contentInWindow -= content[i]!;
  }
  const picked: number[] = [];
  let last = -1;
  const windows = S === 0 ? 0 : Math.max(1, S - o.window + 1);
  for (let w = 0; w < windows; w++) {
    let m = -1;
    for (let i = w; i < Math.min(S, w + o.window); i++) if (m < 0 || sh[i]! <= sh[m]!) m = i;
    if (m >= 0 && m !== last && sh[m] !== SENTINEL) {
      picked.push(m);
      last = m;
    }
  }
  const hashes = new Int32Array(picked.length);
  const positions = new Int32Array(picked.length);
  const starts = new Int32Array(picked.length);
  const ends = new Int32Array(picked.length);
  picked.forEach((p, k) => {
    hashes[k] = sh[p]!;
    positions[k] = p;
    starts[k] = offsets[p]!.start;
    ends[k] = offsets[p + o.ngram - 1]!.end;
  });
  return { id: input.id, hashes, positions, starts, ends, tokenCount: T };
}

/**
 * Open-addressing hash table (int32 key → posting list) over typed arrays:
 * 10 bytes a slot (key, head + 1 with 0 = empty, df as int16; −1 = stock) and
 * 20 bytes a posting, grown by half when full.
 */
class Int32Index {
  mask: number;
  keys: Int32Array;
  heads: Int32Array;
  counts: Int16Array;
  size = 0;
  pDoc = new Int32Array(1 << 16);
  pPos = new Int32Array(1 << 16);
  pStart = new Int32Array(1 << 16);
  pEnd = new Int32Array(1 << 16);
  pNext = new Int32Array(1 << 16);
  postings = 0;
  constructor(bits = 20) {
    this.mask = (1 << bits) - 1;
    this.keys = new Int32Array(1 << bits);
    this.heads = new Int32Array(1 << bits);
    this.counts = new Int16Array(1 << bits);
  }
  slot(key: number): number {
    let i = fmix32(key ^ 0x5bd1e995) & this.mask;
    while (this.heads[i] !== 0 && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }
  grow(): void {
    const { keys, heads, counts } = this;
    const size = keys.length * 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size);
    this.heads = new Int32Array(size);
    this.counts = new Int16Array(size);
    for (let i = 0; i < keys.length; i++) {
      if (heads[i] === 0) continue;
      const j = this.slot(keys[i]!);
      this.keys[j] = keys[i]!;
      this.heads[j] = heads[i]!;
      this.counts[j] = counts[i]!;
    }
  }
  add(key: number, doc: number, pos: number, start: number, end: number, maxDf: number): void {
    let i = this.slot(key);
    if (this.heads[i] === 0) {
      if ((this.size + 1) * 4 > this.keys.length * 3) {
        this.grow();
        i = this.slot(key);
      }
      this.keys[i] = key;
      this.heads[i] = -1; // occupied, no postings yet (stored as head + 1, so -1 + 1 = 0 would read empty)
      this.size++;
    }
    if (this.counts[i]! < 0) return;
    if (this.counts[i]! >= maxDf) {
      this.counts[i] = -1; // stock: stop storing and stop matching
      return;
    }
    if (this.postings >= this.pDoc.length) {
      const n = Math.ceil(this.pDoc.length * 1.5);
      for (const f of ['pDoc', 'pPos', 'pStart', 'pEnd', 'pNext'] as const) {
        const a = new Int32Array(n);
        a.set(this[f]);
        this[f] = a;
      }
    }
    const p = this.postings++;
    this.pDoc[p] = doc;
    this.pPos[p] = pos;
    this.pStart[p] = start;
    this.pEnd[p] = end;
    this.pNext[p] = this.heads[i]! > 0 ? this.heads[i]! - 1 : -1;
    this.heads[i] = p + 1;
    this.counts[i]!++;
  }
  /** Head of the posting list, or -1 (absent or stock). */
  head(key: number): number {
    const i = this.slot(key);
    return this.heads[i]! > 0 && this.counts[i]! > 0 ? this.heads[i]! - 1 : -1;
  }
  bytes(): number {
    return this.keys.length * 10 + this.pDoc.length * 20;
  }
}

interface Edge {
  a: number;
  aStart: number;
  aEnd: number;
  b: number;
  bStart: number;
  bEnd: number;
}

interface Kept {
  id: string;
  outlet: string | null;
  published: string | null;
  text: Uint8Array;
}

/** Figures of a run, for benchmarks and logs. */
export interface ReuseRunStats {
  articles: number;
  fingerprints: number;
  indexBytes: number;
  textBytes: number;
  passagePairs: number;
  clusters: number;
}

function hitsToEdges(cur: number, summary: ReuseSummary, hits: Map<number, number[]>, index: Int32Index, o: ReuseOptions, out: Edge[]): void {
  for (const [other, list] of hits) {
    if (list.length / 2 < o.minHits) continue;
    // list: pairs (fingerprint index k in the current article, posting p of the other article).
    const pairs: [number, number][] = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i]!, list[i + 1]!]);
    pairs.sort((x, y) => summary.positions[x[0]]! - summary.positions[y[0]]! || index.pPos[x[1]]! - index.pPos[y[1]]!);
    const chains: [number, number][][] = [];
    for (const h of pairs) {
      const pc = summary.positions[h[0]]!;
      const po = index.pPos[h[1]]!;
      let best: [number, number][] | null = null;
      let bestCost = Infinity;
      for (let c = chains.length - 1; c >= 0 && c >= chains.length - 8; c--) {
        const ch = chains[c]!;
        const [lk, lp] = ch[ch.length - 1]!;
        const dc = pc - summary.positions[lk]!;
        const dO = po - index.pPos[lp]!;
        if (dc < 0 || dO <= 0 || dc > o.maxGap + o.window + o.ngram || dO > o.maxGap + o.window + o.ngram || Math.abs(dc - dO) > o.maxGap) continue;
        const cost = Math.abs(dc - dO) + dc;
        if (cost < bestCost) {
          bestCost = cost;
          best = ch;
        }
      }
      if (best) best.push(h);
      else chains.push([h]);
    }
    for (const ch of chains) {
      if (ch.length < o.minHits) continue;
      const [fk, fp] = ch[0]!;
      const [lk, lp] = ch[ch.length - 1]!;
      const wordsCur = summary.positions[lk]! - summary.positions[fk]! + o.ngram;
      const wordsOther = index.pPos[lp]! - index.pPos[fp]! + o.ngram;
      if (Math.min(wordsCur, wordsOther) < o.minPassageWords) continue;
      out.push({ a: other, aStart: index.pStart[fp]!, aEnd: index.pEnd[lp]!, b: cur, bStart: summary.starts[fk]!, bEnd: summary.ends[lk]! });
    }
  }
}

function dateOf(v: string | null | undefined): string | null {
  return v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null;
}

/**
 * Reused passages across a whole corpus, as clusters of passages that share
 * text. Reads `docs` once (a stream is fine); see the module comment for the
 * method and memory. Output is sorted (largest clusters first, then by id) and
 * independent of input order except where `maxDf` cuts a stock phrase's list.
 */
export async function findReuse(docs: AsyncIterable<ReuseInput> | Iterable<ReuseInput>, options: Partial<ReuseOptions> = {}, runStats?: ReuseRunStats): Promise<ReuseCluster[]> {
  const o = { ...defaultReuseOptions, ...options };
  const index = new Int32Index();
  const kept: Kept[] = [];
  const edges: Edge[] = [];
  let fingerprints = 0;
  let textBytes = 0;
  for await (const d of docs) {
    const cur = kept.length;
    const s = reuseSummary(d, o);
    const hits = new Map<number, number[]>();
    for (let k = 0; k < s.hashes.length; k++) {
      for (let p = index.head(s.hashes[k]!); p >= 0; p = index.pNext[p]!) {
        const other = index.pDoc[p]!;
        const list = hits.get(other);
        if (list) list.push(k, p);
        else hits.set(other, [k, p]);
      }
    }
    hitsToEdges(cur, s, hits, index, o, edges);
    const seen = new Set<number>();
    for (let k = 0; k < s.hashes.length; k++) {
      const h = s.hashes[k]!;
      if (seen.has(h)) continue;
      seen.add(h);
      index.add(h, cur, s.positions[k]!, s.starts[k]!, s.ends[k]!, o.maxDf);
    }
    fingerprints += s.hashes.length;
    // Copy out: zlib's result is a view of a 16 KB chunk, which would keep 16 KB per article alive.
    const text = new Uint8Array(deflateRawSync(Buffer.from(d.text, 'utf8'), { level: 1 }));
    textBytes += text.length;
    kept.push({ id: d.id, outlet: d.meta?.outlet.value ?? d.outlet ?? null, published: d.meta?.published.value ?? d.published ?? null, text });
  }
  const clusters = clusterEdges(edges, kept, o);
  if (runStats) Object.assign(runStats, { articles: kept.length, fingerprints, indexBytes: index.bytes(), textBytes, passagePairs: edges.length, clusters: clusters.length });
  return clusters;
}

function clusterEdges(edges: readonly Edge[], kept: readonly Kept[], o: ReuseOptions): ReuseCluster[] {
  // Nodes: per article, merged overlapping passage spans.
  const perDoc = new Map<number, [number, number][]>();
  for (const e of edges) {
    for (const [d, s, t] of [
      [e.a, e.aStart, e.aEnd],
      [e.b, e.bStart, e.bEnd],
    ] as const) {
      const l = perDoc.get(d);
      if (l) l.push([s, t]);
      else perDoc.set(d, [[s, t]]);
    }
  }
  const nodes: { doc: number; start: number; end: number }[] = [];
  const nodeOf = new Map<number, number[]>();
  for (const d of [...perDoc.keys()].sort((x, y) => x - y)) {
    const spans = perDoc.get(d)!.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const ids: number[] = [];
    for (const [s, t] of spans) {
      const last = ids.length ? nodes[ids[ids.length - 1]!]! : null;
      if (last && s < last.end) last.end = Math.max(last.end, t);
      else {
        ids.push(nodes.length);
        nodes.push({ doc: d, start: s, end: t });
      }
    }
    nodeOf.set(d, ids);
  }
  const find = (d: number, s: number): number => {
    const ids = nodeOf.get(d)!;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (nodes[ids[mid]!]!.start <= s) lo = mid;
      else hi = mid - 1;
    }
    return ids[lo]!;
  };
  const parent = nodes.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const e of edges) {
    const x = root(find(e.a, e.aStart));
    const y = root(find(e.b, e.bStart));
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < nodes.length; i++) {
    const r = root(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  const decoded = new Map<number, string>();
  const textOf = (d: number): string => {
    let t = decoded.get(d);
    if (t === undefined) {
      t = inflateRawSync(kept[d]!.text).toString('utf8');
      decoded.set(d, t);
    }
    return t;
  };
  const out: ReuseCluster[] = [];
  const byCount = [...groups.values()].sort((x, y) => y.length - x.length || x[0]! - y[0]!);
  for (const members of byCount) {
    const all = members.map((m) => nodes[m]!).sort((x, y) => cmp(kept[x.doc]!.id, kept[y.doc]!.id) || x.start - y.start);
    const truncated = all.length > o.maxClusterPassages;
    const shown = all.slice(0, o.maxClusterPassages);
    const passages = shown.map((n) => {
      // Offsets from the deflated text are in UTF-16 units of the original string: slice after decoding.
      const text = textOf(n.doc);
      return { articleId: kept[n.doc]!.id, start: n.start, end: n.end, text: text.slice(n.start, n.end) };
    });
    const docsIn = [...new Set(all.map((n) => n.doc))];
    const outlets = [...new Set(docsIn.map((d) => kept[d]!.outlet).filter((x): x is string => !!x))].sort(cmp);
    const dated = docsIn.map((d) => ({ id: kept[d]!.id, date: dateOf(kept[d]!.published) })).filter((x): x is { id: string; date: string } => x.date !== null).sort((x, y) => cmp(x.date, y.date) || cmp(x.id, y.id));
    const first = dated[0];
    const last = dated[dated.length - 1];
    const earliestUnique = first && (dated.length === 1 || dated[1]!.date !== first.date);
    const clusterId = `reuse-${(hashString(passages.map((p) => `${p.articleId}:${p.start}`).join('|')) >>> 0).toString(16).padStart(8, '0')}`;
    out.push({ clusterId, passages, articleCount: docsIn.length, outlets, dateRange: first && last ? { from: first.date, to: last.date } : null, earliest: earliestUnique ? first.id : null, truncated });
  }
  for (const d of decoded.keys()) decoded.delete(d);
  return out.sort((x, y) => y.articleCount - x.articleCount || cmp(x.clusterId, y.clusterId));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeTestDoc } from '../helpers.js';
import { alignPassages, extendAndMerge, hasAlignedPassage, seededRuns, stockDf } from '../../src/compare/align.js';
import { Int32Counts } from '../../src/compare/counts.js';
import { countBag, hashString, sortedUnique } from '../../src/compare/hash.js';
import { contentStems, docProfile, seedIndex, tokenHashes, tokenProfile, type DocProfile } from '../../src/compare/profile.js';
import { quoteSpans } from '../../src/compare/quotes.js';
import { contentIdf, corpusStats, idf, type CorpusStats } from '../../src/compare/stats.js';
import { compareWording, defaultCompareOptions } from '../../src/compare/wording.js';
import { isStopword } from '../../src/text/index.js';
import type { Span } from '../../src/doc/types.js';

/**
 * The fast paths of the compare stage (scratch arrays reused across pairs, one
 * index for seeds and shingle sets, batched table reads, a regex scan for quote
 * marks) against plain versions written the obvious way.
 */

/** A small vocabulary with stop words and a few repeated phrases, so random texts share seeds, stock phrases and quotes. */
const WORDS = ['the', 'of', 'and', 'said', 'ministry', 'talks', 'border', 'Monday', 'Geneva', 'officials', 'resume', 'would', 'in', 'a', 'troops', 'drills', 'peace', 'statement', 'it', 'hoped'];
const PHRASES = ['the foreign ministry said the talks would resume on Monday', '"we hoped the talks would resume"', 'troops held drills near the border in Geneva', '‘peace’ talks'];
const textArb = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...PHRASES), fc.constantFrom('.', ',', '\n', '"', '“', '”', "'")), { minLength: 1, maxLength: 80 }).map((parts) => parts.join(' '));

/** The quote scan as a loop over every character (the code before the regex scan). */
function plainQuoteSpans(text: string): Span[] {
  const kindOf = (c: number): number => (c === 0x22 || c === 0xab || c === 0xbb || c === 0x2033 || (c >= 0x201c && c <= 0x201f) ? 1 : c === 0x27 || (c >= 0x2018 && c <= 0x201b) ? 2 : 0);
  const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
  const out: Span[] = [];
  let openAt = -1;
  let openKind = 0;
  const close = (end: number, closed: boolean): void => {
    if (openAt >= 0 && end > openAt + 1 && (closed || openKind === 1)) out.push({ start: openAt, end });
    openAt = -1;
    openKind = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      if (openAt >= 0) close(i, false);
      continue;
    }
    const kind = kindOf(code);
    if (!kind) continue;
    const prev = i > 0 ? text[i - 1] : undefined;
    const next = text[i + 1];
    if (openAt < 0) {
      if ((prev === undefined || /[\s([{\u2014\u2013:—-]/.test(prev)) && !isSpace(next)) {
        if (kind === 2 && !/\p{L}/u.test(next ?? '')) continue;
        openAt = i;
        openKind = kind;
      }
    } else if (kind === openKind && !isSpace(prev) && (next === undefined || /[\s.,;:!?)\]}\u2014\u2013—-]/.test(next))) close(i + 1, true);
  }
  close(text.length, false);
  return out;
}

interface PlainRun {
  a: number;
  b: number;
  len: number;
}

/** Seeds and runs with a Map per diagonal and fresh arrays per pair, every shingle of A looked up (the code before the scratch arrays). */
function plainSeededRuns(pa: DocProfile, pb: DocProfile, stats: CorpusStats): { merged: PlainRun[]; nonStock: number[]; shared: number } {
  const n = pa.ngram;
  const A = pa.tokenHashes;
  const B = pb.tokenHashes;
  const hasContent = (p: DocProfile, i: number): boolean => [...p.content.subarray(i, i + n)].some((c) => c === 1);
  const seedsOfB = new Map<number, number[]>();
  for (let j = 0; j < pb.shingles.length; j++) {
    if (!hasContent(pb, j)) continue;
    const list = seedsOfB.get(pb.shingles[j]!) ?? [];
    if (list.length < 8) list.push(j);
    seedsOfB.set(pb.shingles[j]!, list);
  }
  const setB = new Set(pb.shingles);
  const shared = new Set([...pa.shingles].filter((h) => setB.has(h))).size;
  const stock = stockDf(stats, defaultCompareOptions);
  const nonStock = new Array<number>(A.length).fill(0);
  const active = new Map<number, PlainRun>();
  const runs: PlainRun[] = [];
  for (let i = 0; i < pa.shingles.length; i++) {
    const h = pa.shingles[i]!;
    const list = seedsOfB.get(h);
    if (!list || !hasContent(pa, i)) continue;
    let marked = false;
    for (const j of list) {
      if ([...A.subarray(i, i + n)].some((x, k) => x !== B[j + k])) continue;
      if (!marked && (stats.shingleDf.get(h) ?? 0) < stock) {
        nonStock.fill(1, i, i + n);
        marked = true;
      }
      const r = active.get(j - i);
      if (r && i <= r.a + r.len) r.len = i + n - r.a;
      else {
        if (r) runs.push(r);
        active.set(j - i, { a: i, b: j, len: n });
      }
    }
  }
  runs.push(...active.values());
  // Extension and merging are align.ts's own (unchanged by the scratch arrays): what is checked here is the seeding.
  const merged = extendAndMerge(runs, A, B);
  return { merged, nonStock, shared };
}

describe('compare fast paths equal their plain versions', () => {
  it('quoteSpans finds the same quotes as a scan of every character', () => {
    fc.assert(
      fc.property(textArb, fc.string({ maxLength: 40 }), (text, noise) => {
        for (const t of [text, noise, `${noise}${text}`]) expect(quoteSpans(t)).toEqual(plainQuoteSpans(t));
      }),
      { numRuns: 200 },
    );
  });

  it('seededRuns gives the runs, non-stock flags and shared shingle count of the plain scan, pair after pair (scratch arrays reused)', () => {
    let seeded = 0;
    let stockOnly = 0;
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 2, maxLength: 7 }), (texts) => {
        const docs = texts.map((t) => makeTestDoc(t));
        // Every text twice more, so some shingles reach the stock threshold (df ≥ 5) and others do not.
        const stats = corpusStats([...docs, ...docs, ...docs]);
        for (const a of docs)
          for (const b of docs) {
            const pa = docProfile(a, 4);
            const pb = docProfile(b, 4);
            const plain = plainSeededRuns(pa, pb, stats);
            const scan = seededRuns(pa, pb, stats, defaultCompareOptions, true);
            expect(scan.shared).toBe(plain.shared);
            expect(seededRuns(pa, pb, stats, defaultCompareOptions).shared).toBe(-1);
            if (scan.seeded === null) {
              expect(plain.merged).toEqual([]);
              continue;
            }
            seeded++;
            if (!plain.nonStock.includes(1)) stockOnly++;
            expect(scan.seeded.merged.map((r) => ({ ...r }))).toEqual(plain.merged);
            expect([...scan.seeded.nonStock.subarray(0, pa.tokenHashes.length)]).toEqual(plain.nonStock);
            expect(scan.seeded.nonStockContent).toBe(plain.nonStock.filter((f, t) => f === 1 && pa.content[t] === 1).length);
            expect(hasAlignedPassage(pa, pb, stats, defaultCompareOptions)).toBe(alignPassages(pa, pb, stats, defaultCompareOptions).length > 0);
          }
      }),
      { numRuns: 40 },
    );
    // The texts did share seeds, some of them all stock.
    expect(seeded).toBeGreaterThan(40);
    expect(stockOnly).toBeGreaterThan(0);
  });

  it('compareWording scores Jaccard and containment from the seed index as sorted shingle sets give them', () => {
    fc.assert(
      fc.property(textArb, textArb, (x, y) => {
        const a = makeTestDoc(x);
        const b = makeTestDoc(y);
        const stats = corpusStats([a, b]);
        const sa = sortedUnique(docProfile(a, 4).shingles);
        const sb = new Set(sortedUnique(docProfile(b, 4).shingles));
        const shared = [...sa].filter((h) => sb.has(h)).length;
        const w = compareWording(a, b, stats);
        const union = sa.length + sb.size - shared;
        expect(w.scores.jaccard.value).toBe(Math.round((union > 0 ? shared / union : 0) * 1e4) / 1e4);
        expect(w.scores.containment.a.value).toBe(Math.round((sa.length ? shared / sa.length : 0) * 1e4) / 1e4);
        expect(seedIndex(docProfile(a, 4)).index.keys.length).toBe(sa.length);
      }),
      { numRuns: 100 },
    );
  });

  it('tokenHashes and tokenProfile from the interleaved per-form memo equal hashing each token', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 4 }), (texts) => {
        for (const t of texts) {
          const doc = makeTestDoc(t);
          const p = tokenProfile(doc);
          expect(tokenHashes(doc).tokenHashes).toBe(p.tokenHashes);
          doc.tokens.forEach((tok, i) => {
            expect(p.tokenHashes[i]).toBe(hashString(tok.norm));
            expect(p.stemHashes[i]).toBe(hashString(tok.stem));
            expect(p.content[i]).toBe(isStopword(tok.norm) ? 0 : 1);
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('Int32Counts.getEach reads what get reads, 0 for a missing key', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.array(fc.integer({ min: -60, max: 60 })), (added, asked) => {
        const counts = new Int32Counts(4);
        for (const k of added) counts.add(k);
        const out = new Int32Array(asked.length);
        counts.getEach(asked, out);
        expect([...out]).toEqual(asked.map((k) => counts.get(k) ?? 0));
      }),
    );
  });

  it('contentIdf is idf of each content stem, and countBag and sortedUnique built in scratch arrays equal a Map and a sorted Set', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 300 }), (text, values) => {
        const doc = makeTestDoc(text);
        const stats = corpusStats([doc, makeTestDoc(`${text} the talks`)]);
        const keys = contentStems(doc).keys;
        expect([...contentIdf(doc, stats)]).toEqual([...keys].map((k) => idf(stats, k)));
        const v = Int32Array.from(values);
        expect([...sortedUnique(v)]).toEqual([...new Set(values)].sort((x, y) => x - y));
        const bag = countBag(v, null);
        const plain = new Map<number, number>();
        for (const x of values) plain.set(x, (plain.get(x) ?? 0) + 1);
        expect([...bag.keys]).toEqual([...plain.keys()]);
        expect([...bag.counts]).toEqual([...plain.values()]);
        expect([...bag.first]).toEqual([...plain.keys()].map((k) => values.indexOf(k)));
      }),
      { numRuns: 100 },
    );
  });
});

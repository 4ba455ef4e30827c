import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../helpers.js';
import { hashString, indexOf, sortedUnique } from '../../src/compare/hash.js';
import { contentStems, docProfile, docShingles, seedIndex, tokenHashes, tokenProfile } from '../../src/compare/profile.js';
import { statsHashes } from '../../src/compare/stats.js';
import { isStopword, tokenForms } from '../../src/text/index.js';
import { distinctStemHashes } from '../../src/compare/profile.js';

const TEXT =
  'The ministry said the talks would resume on Monday. The talks, the ministry said, had stalled over the border; ' +
  'officials said the talks would resume on Monday in Geneva, and the ministry said it hoped the talks would succeed.';

describe('compare profiles', () => {
  it('tokenHashes hashes each token norm and stem, and is computed once per Doc', () => {
    const doc = makeTestDoc(TEXT);
    const th = tokenHashes(doc);
    expect(tokenHashes(doc)).toBe(th);
    doc.tokens.forEach((t, i) => {
      expect(th.tokenHashes[i]).toBe(hashString(t.norm));
      expect(th.stemHashes[i]).toBe(hashString(t.stem));
    });
    // A copy of the Doc is another object: its hashes are its own, equal ones.
    const copy = { ...doc };
    expect(tokenHashes(copy)).not.toBe(th);
    expect([...tokenHashes(copy).tokenHashes]).toEqual([...th.tokenHashes]);
  });

  it('tokenProfile flags content words exactly as isStopword does, whatever norms the stop-word cache saw before', () => {
    // Many distinct norms first, so the direct-mapped cache slots are overwritten and refilled.
    const noise = makeTestDoc(Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x`).join(' ') + ' the of and said');
    tokenProfile(noise);
    for (const doc of [makeTestDoc(TEXT), noise]) {
      const p = tokenProfile(doc);
      doc.tokens.forEach((t, i) => expect(p.content[i]).toBe(isStopword(t.norm) ? 0 : 1));
      expect(p.contentCount).toBe(doc.tokens.filter((t) => !isStopword(t.norm)).length);
    }
  });

  it('statsHashes gives the distinct shingles (first-occurrence order) and stems, of the shingles docProfile and docShingles share', () => {
    const doc = makeTestDoc(TEXT);
    const s = statsHashes(doc, 4);
    const p = docProfile(doc, 4);
    const asc = (v: Iterable<number>): number[] => [...v].sort((x, y) => x - y);
    expect(docShingles(doc, 4).shingles).toBe(p.shingles);
    expect(docShingles(doc, 4).shingleSet).toBe(s.shingles);
    expect([...s.shingles]).toEqual([...new Set(p.shingles)]);
    expect(asc(s.shingles)).toEqual([...sortedUnique(p.shingles)]);
    expect(asc(seedIndex(p).index.keys)).toEqual(asc(s.shingles));
    expect(asc(s.stems)).toEqual(asc(new Set(p.stemHashes)));
    expect(new Set(s.stems).size).toBe(s.stems.length);
    expect(docProfile(doc, 3).shingles.length).toBe(doc.tokens.length - 2);
  });

  it('seedIndex keys every distinct shingle (keyAt at each position) and lists the positions of each that hold a content word in ascending order, at most 8 a shingle', () => {
    const doc = makeTestDoc(`${TEXT} ${'the talks would resume on Monday. '.repeat(12)} It is in the. It is in the.`);
    const p = docProfile(doc, 4);
    const seeds = seedIndex(p);
    expect(seedIndex(p)).toBe(seeds);
    const expected = new Map<number, number[]>();
    for (let i = 0; i < p.shingles.length; i++) {
      let content = false;
      for (let k = 0; k < 4; k++) content ||= p.content[i + k] === 1;
      const list = expected.get(p.shingles[i]!) ?? [];
      if (content && list.length < 8) list.push(i);
      expected.set(p.shingles[i]!, list);
    }
    expect([...seeds.index.keys]).toEqual([...expected.keys()]);
    for (const [h, list] of expected) {
      const at = indexOf(seeds.index, h);
      expect([...seeds.positions.subarray(seeds.start[at], seeds.start[at + 1])]).toEqual(list);
      expect(seeds.filter[(h >>> 5) & 1023]! & (1 << (h & 31))).not.toBe(0);
    }
    expect([...expected.values()].some((l) => l.length === 8)).toBe(true);
    expect([...expected.values()].some((l) => l.length === 0)).toBe(true);
    p.shingles.forEach((h, i) => expect(seeds.index.keys[seeds.keyAt[i]!]).toBe(h));
  });

  it('contentStems counts content-word stems in first-occurrence order, once per Doc', () => {
    const doc = makeTestDoc(TEXT);
    const bag = contentStems(doc);
    expect(contentStems(doc)).toBe(bag);
    const p = tokenProfile(doc);
    const counts = new Map<number, number>();
    for (let i = 0; i < p.stemHashes.length; i++) if (p.content[i]) counts.set(p.stemHashes[i]!, (counts.get(p.stemHashes[i]!) ?? 0) + 1);
    expect([...bag.keys]).toEqual([...counts.keys()]);
    expect([...bag.counts]).toEqual([...counts.values()]);
  });
});

describe('per-form hashes', () => {
  it('tokenHashes and tokenProfile read per-form memos for tokenize arrays and equal the per-token hashes of a plain copy', () => {
    const doc = makeTestDoc(`${TEXT} Talks TALKS talks; the Ministry's talks.`);
    expect(tokenForms(doc.tokens)).not.toBeNull();
    // Profiled first the cheap way (content flags from cached hashes), then the memo way, on a second doc of the same forms.
    const first = makeTestDoc(TEXT);
    tokenHashes(first);
    const p0 = tokenProfile(first);
    const plain = { ...doc, tokens: [...doc.tokens] };
    expect(tokenForms(plain.tokens)).toBeNull();
    const p = tokenProfile(doc);
    const q = tokenProfile(plain);
    expect([...p.tokenHashes]).toEqual([...q.tokenHashes]);
    expect([...p.stemHashes]).toEqual([...q.stemHashes]);
    expect([...p.content]).toEqual([...q.content]);
    expect(p.contentCount).toBe(q.contentCount);
    doc.tokens.forEach((t, i) => expect(p.tokenHashes[i]).toBe(hashString(t.norm)));
    first.tokens.forEach((t, i) => expect(p0.content[i]).toBe(isStopword(t.norm) ? 0 : 1));
  });

  it('distinctStemHashes holds each stem hash of the doc, and statsHashes gives the same set once each with or without form ids', () => {
    const doc = makeTestDoc(`${TEXT} Talks talks talking; ministries.`);
    const plain = { ...doc, tokens: [...doc.tokens] };
    const all = [...new Set(tokenHashes(doc).stemHashes)].sort((a, b) => a - b);
    expect([...new Set(distinctStemHashes(doc))].sort((a, b) => a - b)).toEqual(all);
    expect(distinctStemHashes(doc).length).toBeLessThan(doc.tokens.length);
    for (const d of [doc, plain]) {
      const stems = statsHashes(d, 4).stems;
      expect([...stems].sort((a, b) => a - b)).toEqual(all);
      expect(stems.length).toBe(all.length);
    }
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeTestDoc } from '../../helpers.js';
import { buildPhraseIndex, matchPhrases, type PhraseIndex } from '../../../src/frames/loaded/index.js';
import { featureHash, makeScoringHead, scoreTokens, tokenFeatureHashes, tokenFeatures } from '../../../src/frames/loaded/features.js';
import { sigmoid } from '../../../src/frames/loaded/logreg.js';

const lexicon = buildPhraseIndex([{ name: 't', source: 's', licence: 'MIT', entries: [{ t: 'LL', w: 'blasted', n: 'criticized' }] }]);

describe('tokenFeatureHashes', () => {
  it('hashes exactly the readable feature names, token by token', () => {
    const doc = makeTestDoc('Critics blasted the “so very disgusting” plan! Is it the WORST ever? Prices rose 5% in 2024.');
    const { keys, off, names } = tokenFeatureHashes(doc, lexicon, true);
    expect(off.length).toBe(doc.tokens.length + 1);
    expect(names!.length).toBe(keys.length);
    names!.forEach((name, k) => expect(keys[k]).toBe(featureHash(name)));
    // The fast path (no names) gives the same hashes.
    expect(Array.from(tokenFeatureHashes(doc, lexicon).keys)).toEqual(Array.from(keys));
  });

  it('names word, neighbour, valence, quote, lexicon and intensifier features', () => {
    const doc = makeTestDoc('Critics blasted the “so very disgusting” plan.');
    const feats = tokenFeatures(doc, lexicon);
    const at = (word: string): string[] => feats[doc.tokens.findIndex((t) => t.norm === word)]!;
    expect(at('blasted')).toEqual(expect.arrayContaining(['w:blasted', 'p1:critic', 'pb:critic_blast', 'lex:LL', 'lex:LL:first', 'first-sentence']));
    expect(at('disgusting')).toEqual(expect.arrayContaining(['af:-3', 'af:neg', 'int:p', 'q:in', 'q:close', 'ps:3']));
    expect(at('critics')).toEqual(expect.arrayContaining(['p1:<s>', 'p2:<s>', 'sh:Aa:0', 'lexn:LL']));
  });

  it('uses no ML-SentiCon feature (its licence is unclear)', () => {
    const feats = tokenFeatures(makeTestDoc('A horrible, wicked, shameful and evil decision.'), null).flat();
    expect(feats.some((f) => f.startsWith('sc:'))).toBe(false);
    expect(feats.some((f) => f.startsWith('pp:'))).toBe(true);
  });

  it('is the same whether or not the word caches are warm', () => {
    const text = 'Utterly shameful lies from the regime, again.';
    const a = tokenFeatures(makeTestDoc(text), lexicon);
    const b = tokenFeatures(makeTestDoc(text), lexicon);
    expect(b).toEqual(a);
  });
});

describe('scoreTokens', () => {
  /** Deterministic weights for a set of feature names (some zero, so a model may lack a feature). */
  function weightsFor(names: readonly string[], salt: number): Map<string, number> {
    return new Map(names.map((n) => [n, (featureHash(n, salt) % 7 === 0 ? 0 : ((featureHash(n, salt) % 2001) - 1000) / 737)]));
  }

  /** The uncached reference: bias plus the weight of every hashed feature, summed in feature order. */
  function reference(doc: ReturnType<typeof makeTestDoc>, bias: number, byHash: Map<number, number>): number[] {
    const { keys, off } = tokenFeatureHashes(doc, lexicon);
    return Array.from({ length: doc.tokens.length }, (_, i) => {
      let z = bias;
      for (let k = off[i]!; k < off[i + 1]!; k++) z += byHash.get(keys[k]!) ?? 0;
      return sigmoid(z);
    });
  }

  it('gives the same probabilities as summing the weights of the walked features, cold or warm, as heads alternate', () => {
    const texts = ['Critics blasted the “so very disgusting” plan! Is it the WORST ever?', 'The most shameful regime lies, again and again. Prices rose 5% in 2024.', 'Critics blasted the plan.'];
    const docs = texts.map((t, i) => makeTestDoc(t, { id: `s${i}` }));
    const names = [...new Set(docs.flatMap((d) => tokenFeatures(d, lexicon).flat()))].sort();
    const heads = [1, 2].map((salt) => {
      const w = weightsFor(names, salt);
      const bias = salt === 1 ? -1.5 : 0.25;
      const byHash = new Map<number, number>();
      for (const [n, x] of w) if (!byHash.has(featureHash(n))) byHash.set(featureHash(n), x);
      return { bias, byHash, scorer: makeScoringHead(bias, [...w.keys()].map((n) => featureHash(n)), [...w.values()]) };
    });
    for (let round = 0; round < 2; round++) {
      for (const doc of docs) {
        for (const h of heads) {
          const { probs, z } = scoreTokens(doc, lexicon, h.scorer);
          expect(Array.from(probs)).toEqual(reference(doc, h.bias, h.byHash));
          expect(Array.from(z, sigmoid)).toEqual(Array.from(probs));
        }
      }
    }
  });

  it('scores word types that share a stem (critic, critics; runs, running) under each head with that head\'s neighbour weights', () => {
    // Types sharing a stem share its neighbour features (p1:, n1:, …), whose weights are looked up once per stem and head.
    const docs = ['The critic runs. Critics were running, and critics ran.', 'Running critics: the critic’s runs, a criticism.'].map((t, i) => makeTestDoc(t, { id: `stem${i}` }));
    const names = [...new Set(docs.flatMap((d) => tokenFeatures(d, lexicon).flat()))].sort();
    const heads = [3, 4].map((salt) => {
      const w = weightsFor(names, salt);
      const byHash = new Map<number, number>();
      for (const [n, x] of w) if (!byHash.has(featureHash(n))) byHash.set(featureHash(n), x);
      return { byHash, scorer: makeScoringHead(-0.5, [...w.keys()].map((n) => featureHash(n)), [...w.values()]) };
    });
    for (const doc of docs) for (const h of heads) expect(Array.from(scoreTokens(doc, lexicon, h.scorer).probs)).toEqual(reference(doc, -0.5, h.byHash));
  });

  it('reports tokens below the floor as 0 and keeps their exact sums', () => {
    const doc = makeTestDoc('Critics blasted the plan.');
    const head = makeScoringHead(-3, [featureHash('w:blasted')], [5]);
    const { probs, z } = scoreTokens(doc, lexicon, head, -1);
    const i = doc.tokens.findIndex((t) => t.norm === 'blasted');
    expect(probs[i]).toBe(sigmoid(z[i]!));
    expect(probs[i]).toBeGreaterThan(0.5);
    doc.tokens.forEach((_, k) => {
      if (k !== i) expect([probs[k], z[k]! < -1]).toEqual([0, true]);
    });
  });

  it('lets the first of two features with the same hash decide its weight', () => {
    const doc = makeTestDoc('Critics blasted the plan.');
    const h = featureHash('w:blasted');
    const head = makeScoringHead(0, [h, h], [2, 9]);
    const i = doc.tokens.findIndex((t) => t.norm === 'blasted');
    expect(scoreTokens(doc, lexicon, head).z[i]).toBe(2);
  });
});

describe('the walk\'s lexicon matching', () => {
  // "the" and "of" start only longer phrases, "our" also a one-word one; "deep" and "state" are second words.
  const index = buildPhraseIndex([
    {
      name: 'walk',
      source: 'hand-made',
      licence: 'CC0',
      entries: [
        { t: 'NC', w: 'the regime|the deep state|the elites', n: 'the government' },
        { t: 'FW', w: 'our nation|our great nation|our', k: true },
        { t: 'LL', w: 'deep|state terror|of course' },
        { t: 'EM', w: 'great|great nation' },
      ],
    },
  ]);
  const words = ['the', 'The', 'regime', 'of', 'course', 'deep', 'state', 'terror', 'elites', 'our', 'nation', 'great', 'plan', 'we'];

  /** Longest match, left to right, every token tried as a start, every phrase of its first word in list order. */
  function plainHits(doc: ReturnType<typeof makeTestDoc>, idx: PhraseIndex): [number, number, string][] {
    const { tokens, text } = doc;
    const out: [number, number, string][] = [];
    for (let i = 0; i < tokens.length; ) {
      let hit: [number, number, string] | null = null;
      for (const entry of idx.byFirst.get(tokens[i]!.norm) ?? []) {
        const n = entry.norms.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) ok = tokens[i + k]!.norm === entry.norms[k] && /^[\s\-\u2010-\u2015]*$/.test(text.slice(tokens[i + k - 1]!.end, tokens[i + k]!.start));
        if (ok) {
          hit = [i, i + n, entry.form];
          break;
        }
      }
      if (hit) {
        out.push(hit);
        i = hit[1];
      } else i++;
    }
    return out;
  }

  it('finds the hits of trying every token as a start, though it skips starts whose next word is no phrase\'s second word', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', '-', ', ', '. ')), { maxLength: 30 }), (parts) => {
        const text = parts.map(([w, sep]) => `${w}${sep}`).join('');
        const doc = makeTestDoc(text);
        const features = tokenFeatures(doc, index);
        // The walk matched this doc: matchPhrases hands back its hits.
        const got = matchPhrases(doc, index).map((h): [number, number, string] => [h.first, h.last, h.entry.form]);
        const want = plainHits(doc, index);
        expect(got).toEqual(want);
        const covered = new Set(want.flatMap(([first, last]) => Array.from({ length: last - first }, (_, k) => first + k)));
        features.forEach((names, i) => expect(names.some((n) => /^lex:[A-Z]+$/.test(n))).toBe(covered.has(i)));
      }),
      { numRuns: 300 },
    );
  });
});

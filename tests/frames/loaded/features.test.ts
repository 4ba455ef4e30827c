import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../../helpers.js';
import { buildPhraseIndex } from '../../../src/frames/loaded/index.js';
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

import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../../helpers.js';
import { buildPhraseIndex } from '../../../src/frames/loaded/index.js';
import { featureHash, tokenFeatureHashes, tokenFeatures } from '../../../src/frames/loaded/features.js';

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

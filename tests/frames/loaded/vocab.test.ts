import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeTestDoc } from '../../helpers.js';
import { tokenForms } from '../../../src/text/index.js';
import type { Token } from '../../../src/doc/types.js';
import { setTypeLimit, tokenLayer, tokenTypes, typeCount, typeKind, typeNorm, typeStem, typesOfNorm, typeValues, vocabGeneration, TOKEN_CAP, TOKEN_NUMBER } from '../../../src/frames/loaded/vocab.js';
import { loadedAnalyzer } from '../../../src/frames/loaded/index.js';
import { tokenFeatures } from '../../../src/frames/loaded/features.js';

describe('tokenTypes', () => {
  it('gives tokens one id exactly when their norm, stem and kind are equal', () => {
    const doc = makeTestDoc('The state said the States and the state media met in 2024; 2024 was busy.');
    const ids = tokenTypes(doc);
    doc.tokens.forEach((a, i) =>
      doc.tokens.forEach((b, j) => {
        const same = a.norm === b.norm && a.stem === b.stem && a.kind === b.kind;
        expect(ids[i] === ids[j]).toBe(same);
      }),
    );
    doc.tokens.forEach((t, i) => {
      expect(typeNorm(ids[i]!)).toBe(t.norm);
      expect(typeStem(ids[i]!)).toBe(t.stem);
      expect(typeKind(ids[i]!)).toBe(t.kind);
    });
  });

  it('keeps ids across documents, and separates a surface whose tokens differ (hand-made tokens, another stemmer)', () => {
    const a = makeTestDoc('Critics blasted the plan.');
    const b = makeTestDoc('Critics blasted the plan.');
    expect(Array.from(tokenTypes(b))).toEqual(Array.from(tokenTypes(a)));
    const odd: Token[] = b.tokens.map((t) => (t.norm === 'blasted' ? { ...t, stem: 'blasted-other' } : t));
    const c = { text: b.text, tokens: odd };
    const ids = tokenTypes(c);
    const k = odd.findIndex((t) => t.norm === 'blasted');
    expect(ids[k]).not.toBe(tokenTypes(a)[k]);
    expect(typeStem(ids[k]!)).toBe('blasted-other');
  });

  it('gives tokens with the tokenizer\'s form ids the ids a surface-by-surface look-up gives, across docs and a restart', () => {
    const texts = ['The state said the States and the STATE media met in 2024; 2024 was busy.', 'States blasted the state. The Blasted plan!', 'Regime regimes so-called “so” SO 7 7.5'];
    for (let round = 0; round < 2; round++) {
      for (const text of texts) {
        const doc = makeTestDoc(text);
        // A copy of the array carries no form ids: its types come from the surface hash.
        expect(tokenForms(doc.tokens)).not.toBeNull();
        const copy = { text: doc.text, tokens: [...doc.tokens] };
        const viaForms = Array.from(tokenTypes(doc));
        expect(Array.from(tokenTypes(copy))).toEqual(viaForms);
        doc.tokens.forEach((t, i) => expect([typeNorm(viaForms[i]!), typeStem(viaForms[i]!), typeKind(viaForms[i]!)]).toEqual([t.norm, t.stem, t.kind]));
      }
      // Start the vocabulary over once: the per-form memo must not hand out ids of the old generation.
      const prev = setTypeLimit(1);
      try {
        tokenTypes(makeTestDoc('A fresh start.'));
      } finally {
        setTypeLimit(prev);
      }
    }
  });

  it('lists the types of a norm (typesOfNorm), one per stem and kind', () => {
    const doc = makeTestDoc('The regime and the Regime; regimes too.');
    const ids = tokenTypes(doc);
    const regime = doc.tokens.findIndex((t) => t.norm === 'regime');
    expect(typesOfNorm('regime')).toEqual([ids[regime]]);
    const odd = { text: doc.text, tokens: doc.tokens.map((t) => (t.norm === 'regime' ? { ...t, stem: 'regime-other' } : t)) };
    const oddIds = tokenTypes(odd);
    expect([...typesOfNorm('regime')].sort((a, b) => a - b)).toEqual([ids[regime]!, oddIds[regime]!].sort((a, b) => a - b));
    expect(typesOfNorm('no-such-norm-anywhere')).toEqual([]);
  });

  it('copies offsets, sentences, capitalization and number-ness into the layer', () => {
    const doc = makeTestDoc('North Korea fired 2 missiles. Seoul said so.');
    const layer = tokenLayer(doc);
    doc.tokens.forEach((t, i) => {
      expect(layer.starts[i]).toBe(t.start);
      expect(layer.ends[i]).toBe(t.end);
      expect(layer.sents[i]).toBe(t.sent);
      expect(Boolean(layer.flags[i]! & TOKEN_CAP)).toBe(t.cap);
      expect(Boolean(layer.flags[i]! & TOKEN_NUMBER)).toBe(t.kind === 'number');
    });
  });
});

describe('vocabulary restart (past the type limit)', () => {
  it('starts over between docs: ids from 0 in a new generation, stale layers and per-type tables rebuilt, the same findings', () => {
    const a = makeTestDoc('Critics blasted the brutal regime. The ministry said the “so-called” talks were a disgrace!');
    const b = makeTestDoc('The ministry said the talks were constructive and useful.');
    const findings = JSON.stringify(loadedAnalyzer.run(a));
    expect(JSON.parse(findings)).not.toHaveLength(0);
    const owner = {};
    const table = typeValues(null, owner);
    table.values[tokenTypes(a)[0]!] = 7;
    const generation = vocabGeneration();
    const prev = setTypeLimit(1);
    try {
      const ids = Array.from(tokenTypes(b));
      expect(vocabGeneration()).toBeGreaterThan(generation);
      // Only b's words are numbered, densely from 0, each id naming its token's norm, stem and kind.
      expect(typeCount()).toBe(new Set(b.tokens.map((t) => `${t.norm}\u0000${t.stem}\u0000${t.kind}`)).size);
      expect(Math.max(...ids)).toBe(typeCount() - 1);
      b.tokens.forEach((t, i) => expect([typeNorm(ids[i]!), typeStem(ids[i]!), typeKind(ids[i]!)]).toEqual([t.norm, t.stem, t.kind]));
      // a's layer from the old generation is not reused, and a consumer's per-type table starts over.
      const again = tokenTypes(a);
      a.tokens.forEach((t, i) => expect(typeNorm(again[i]!)).toBe(t.norm));
      expect(typeValues(table, owner).values[again[0]!]).toBe(-2);
      // Every analyzer run now restarts the vocabulary first: the findings do not change.
      expect(JSON.stringify(loadedAnalyzer.run(a))).toBe(findings);
      loadedAnalyzer.run(b);
      expect(JSON.stringify(loadedAnalyzer.run(a))).toBe(findings);
    } finally {
      setTypeLimit(prev);
    }
    expect(JSON.stringify(loadedAnalyzer.run(a))).toBe(findings);
  });
});

/** The quotation state as the tagger read it before: every character between two tokens, in order. */
function quoteFeaturesByGapScan(text: string, tokens: readonly Token[]): string[][] {
  const n = tokens.length;
  const out: string[][] = tokens.map(() => []);
  const inside: boolean[] = new Array<boolean>(n).fill(false);
  const opens: boolean[] = new Array<boolean>(n).fill(false);
  const closes: boolean[] = new Array<boolean>(n).fill(false);
  let open = false;
  for (let i = 0; i <= n; i++) {
    const from = i === 0 ? 0 : tokens[i - 1]!.end;
    const to = i === n ? text.length : tokens[i]!.start;
    for (let p = from; p < to; p++) {
      const c = text.charCodeAt(p);
      if (c === 0x201c || c === 0xab) {
        open = true;
        if (i < n) opens[i] = true;
      } else if (c === 0x201d || c === 0xbb) {
        open = false;
        if (i > 0) closes[i - 1] = true;
      } else if (c === 0x22) {
        if (open && i > 0) closes[i - 1] = true;
        if (!open && i < n) opens[i] = true;
        open = !open;
      } else if (c === 0x0a) open = false;
    }
    if (i < n) inside[i] = open;
  }
  for (let i = 0; i < n; i++) {
    if (inside[i]) out[i]!.push('q:in');
    if (opens[i]) out[i]!.push('q:open');
    if (closes[i]) out[i]!.push('q:close');
    if (opens[i] && closes[i]) out[i]!.push('q:one');
  }
  return out;
}

describe('quotation features', () => {
  it('match a scan of every character between tokens, for texts full of quotation marks and line breaks', () => {
    const piece = fc.constantFrom('word', 'Big', 'x"y', '“', '”', '«', '»', '"', '\n', ' ', '  ', 'don’t', '. ', '!');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), (pieces) => {
        const doc = makeTestDoc(pieces.join(' '));
        const got = tokenFeatures(doc, null).map((f) => f.filter((x) => x.startsWith('q:')));
        expect(got).toEqual(quoteFeaturesByGapScan(doc.text, doc.tokens));
      }),
      { numRuns: 200 },
    );
  });
});

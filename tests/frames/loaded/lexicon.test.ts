import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeTestDoc } from '../../helpers.js';
import { buildPhraseIndex, matchPhrases, type PhraseEntry, type PhraseIndex } from '../../../src/frames/loaded/lexicon.js';

/** Longest match, left to right, trying every phrase of the first word's list in order (the rule before lists were split by second word). */
function reference(doc: ReturnType<typeof makeTestDoc>, index: PhraseIndex): { first: number; last: number; entry: PhraseEntry }[] {
  const { tokens, text } = doc;
  const out: { first: number; last: number; entry: PhraseEntry }[] = [];
  for (let i = 0; i < tokens.length; ) {
    let hit: { first: number; last: number; entry: PhraseEntry } | null = null;
    for (const entry of index.byFirst.get(tokens[i]!.norm) ?? []) {
      const n = entry.norms.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = tokens[i + k]!.norm === entry.norms[k] && /^[\s\-\u2010-\u2015]*$/.test(text.slice(tokens[i + k - 1]!.end, tokens[i + k]!.start));
      if (ok) {
        hit = { first: i, last: i + n, entry };
        break;
      }
    }
    if (hit) {
      out.push(hit);
      i = hit.last;
    } else i++;
  }
  return out;
}

describe('matchPhrases', () => {
  // Many phrases share a first word ("the", "our"), some a second one too, and one-word entries sit among them.
  const index = buildPhraseIndex([
    {
      name: 'test',
      source: 'hand-made',
      licence: 'CC0',
      entries: [
        { t: 'NC', w: 'the regime|the regime of terror|the deep state|the elites', n: 'the government' },
        { t: 'FW', w: 'our nation|our great nation|our boys|our', k: true },
        { t: 'LL', w: 'the|deep|state terror' },
        { t: 'EM', w: 'great|great nation' },
      ],
    },
  ]);
  const words = ['the', 'regime', 'of', 'terror', 'deep', 'state', 'elites', 'our', 'nation', 'great', 'boys', 'plan'];

  it('finds the same hits as trying every phrase of the first word in list order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', '-', ', ', '. ')), { maxLength: 30 }), (parts) => {
        const text = parts.map(([w, sep]) => `${w}${sep}`).join('');
        const doc = makeTestDoc(text);
        const got = matchPhrases(doc, index).map((h) => [h.first, h.last, h.entry.form]);
        expect(got).toEqual(reference(doc, index).map((h) => [h.first, h.last, h.entry.form]));
      }),
      { numRuns: 300 },
    );
  });

  it('takes the longest phrase, and a one-word entry when the next word starts none of the longer ones', () => {
    const doc = makeTestDoc('Our great nation and our plan: the regime of terror, the plan.');
    expect(matchPhrases(doc, index).map((h) => h.entry.form)).toEqual(['our great nation', 'our', 'the regime of terror', 'the']);
  });
});

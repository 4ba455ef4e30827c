import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../../helpers.js';
import fc from 'fast-check';
import type { Doc } from '../../../src/doc/types.js';
import { genderCue, givenNames, groupFromMatches, groupMatches, groupOf } from '../../../src/frames/sources/persons.js';

describe('party and chamber matches', () => {
  const doc = makeTestDoc('Sen. Rand Paul (R-Ky.) spoke. Rep. Jim Jordan, a Republican from Ohio, agreed. Nobody else did.');
  const spanOf = (needle: string) => {
    const start = doc.text.indexOf(needle);
    return { start, end: start + needle.length };
  };

  it('states nothing for spans naming no party nor chamber', () => {
    const none = groupMatches(doc, [spanOf('Nobody else did')]);
    expect(none.parties.size + none.chambers.size).toBe(0);
    expect(groupFromMatches([none, groupMatches(doc, [])])).toBeUndefined();
  });

  it('merges the matches of several span lists as the matches of all their spans together', () => {
    const spans = [spanOf('Sen.'), spanOf('(R-Ky.)'), spanOf('Nobody else did'), spanOf('a Republican from Ohio')];
    const merged = groupFromMatches(spans.map((s) => groupMatches(doc, [s])));
    expect(merged).toEqual(groupOf(doc, spans));
    expect(merged).toMatchObject({ party: 'Republican', chamber: 'Senate' });
    expect(merged!.evidence.map((s) => doc.text.slice(s.start, s.end))).toEqual(['Sen.', 'R-Ky.', 'Republican']);
  });

  it('keeps no chamber when the spans name two', () => {
    expect(groupOf(doc, [spanOf('Sen.'), spanOf('Rep.')])).toBeUndefined();
  });
});

/** genderCue as first written (three regexes over slices and all the name's words): the reference for the in-place prefilter. */
function genderCueReference(text: string, start: number, end: number): 'm' | 'f' | undefined {
  const surface = text.slice(start, end);
  const h = /^(?:(Mrs|Ms|Miss)|(Mr))\.?\s/.exec(surface);
  if (h) return h[1] ? 'f' : 'm';
  const before = text.slice(Math.max(0, start - 40), start);
  if (/\b(?:Mrs|Ms|Miss|spokeswoman|congresswoman|chairwoman|businesswoman|councilwoman|actress|wife|mother|daughter|sister|widow|queen|first lady)\.?\s+$/i.test(before)) return 'f';
  if (/\b(?:Mr|spokesman|congressman|chairman|businessman|councilman|husband|father|son|brother|king)\.?\s+$/i.test(before)) return 'm';
  const words = surface.replace(/^(?:(?:Sen|Rep|Gov|Gen|Dr|Prof|President|Senator|Representative|Governor|Secretary|Judge)\.?\s+)+/, '').match(/\p{L}+/gu) ?? [];
  const first = words[0]?.toLowerCase();
  return first && words.length >= 2 ? givenNames().get(first) : undefined;
}

describe('gender cues', () => {
  it('reads the word before a name, an honorific in it and its given name', () => {
    const text = 'The first lady  Jill Biden met Mr. Smith, whose brother Tom Smith spoke; Sen. Paul left. Anna Lee stayed.';
    const doc = { text } as Doc;
    const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as const;
    expect(genderCue(doc, ...at('Jill Biden'))).toBe('f');
    expect(genderCue(doc, ...at('Mr. Smith'))).toBe('m');
    expect(genderCue(doc, ...at('Tom Smith'))).toBe('m');
    expect(genderCue(doc, ...at('Sen. Paul'))).toBeUndefined();
  });

  it('gives what the regexes over the slices give, whatever the text around the name', () => {
    const word = fc.constantFrom('Mrs', 'Ms', 'MISS', 'spokeswoman', 'first lady', 'wife', 'Mr', 'son', 'King', 'grandmother', 'mother', 'said', 'Sen', 'Anna', 'John', 'Smith', 'x1son', '_son', 'Ms.', 'Mr.');
    const gap = fc.constantFrom(' ', '  ', '. ', '.', '\u00a0', ', ', '', '\n', '-');
    const piece = fc.tuple(word, gap).map(([w, g]) => w + g);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.array(piece, { minLength: 1, maxLength: 3 }), (before, name) => {
        const text = before.join('') + name.join('') + ' said.';
        const start = before.join('').length;
        const end = start + name.join('').trimEnd().length;
        return genderCue({ text } as Doc, start, end) === genderCueReference(text, start, end);
      }),
      { numRuns: 3000 },
    );
  });
});

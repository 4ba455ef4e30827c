import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VARIANT_JW, aliasIndex, closestAlias, detectMentions, type Alias } from '../../../src/frames/naming/index.js';
import { makeTestDoc } from '../../helpers.js';
import { distance } from '../../../src/text/index.js';

/** The plain scan closestAlias replaces: score every table name (natural's Jaro-Winkler, ignoring case). */
function scanAll(surface: string): Alias | null {
  if (surface.length < 5) return null;
  let best: Alias | null = null;
  let bestScore = VARIANT_JW;
  for (const a of aliasIndex().aliases) {
    if (a.kind === 'descriptive' || a.kind === 'pejorative' || a.name.length < 5) continue;
    if (Math.min(a.name.length, surface.length) / Math.max(a.name.length, surface.length) < 0.85) continue;
    const score = distance.JaroWinklerDistance(surface, a.name, { ignoreCase: true });
    if (score > bestScore || (score === bestScore && best && a.name < best.name)) {
      best = a;
      bestScore = score;
    }
  }
  return best;
}

describe('closestAlias', () => {
  const names = aliasIndex().aliases.map((a) => a.name);

  it('finds a spelling variant of a table name', () => {
    expect(closestAlias('Democratic Peoples Republic of Korea')?.actorId).toBe('north-korea');
    expect(closestAlias('Something Else Entirely')).toBeNull();
  });

  it('gives the same answer as scoring every table name, for edited table names and random strings', () => {
    const edited = fc
      .tuple(fc.constantFrom(...names), fc.array(fc.tuple(fc.nat(), fc.constantFrom('del', 'dup', 'swap', 'case', 'sub')), { maxLength: 3 }), fc.string({ minLength: 1, maxLength: 1 }))
      .map(([name, edits, ch]) => {
        let s = name;
        for (const [pos, op] of edits) {
          if (s.length < 2) break;
          const p = pos % (s.length - 1);
          if (op === 'del') s = s.slice(0, p) + s.slice(p + 1);
          else if (op === 'dup') s = s.slice(0, p) + s[p] + s.slice(p);
          else if (op === 'swap') s = s.slice(0, p) + s[p + 1] + s[p] + s.slice(p + 2);
          else if (op === 'case') s = s.slice(0, p) + s[p]!.toUpperCase() + s.slice(p + 1).toLowerCase();
          else s = s.slice(0, p) + ch + s.slice(p + 1);
        }
        return s;
      });
    fc.assert(
      fc.property(fc.oneof(edited, fc.string({ minLength: 5, maxLength: 40 })), (surface) => {
        expect(closestAlias(surface)).toBe(scanAll(surface));
        // Asked again: the cached answer is the same.
        expect(closestAlias(surface)).toBe(scanAll(surface));
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});

describe('alias matching', () => {
  it('finds every table phrase starting with "the" (matched through the second word) with its own actor and kind', () => {
    const phrases = aliasIndex().aliases.filter((a) => a.norms[0] === 'the');
    expect(phrases.length).toBeGreaterThan(4);
    for (const a of phrases) {
      // The descriptive ones refer back to a country: name one first.
      const prefix = 'Officials in Japan spoke on Monday, and ';
      const doc = makeTestDoc(`${prefix}${a.name} answered them.`);
      const m = detectMentions(doc).find((x) => x.start === prefix.length);
      expect(m, a.name).toBeDefined();
      expect([m!.actorId, m!.kind, m!.via, doc.text.slice(m!.start, m!.end)]).toEqual([a.actorId, a.kind, 'alias', a.name]);
    }
  });

  it('does not take "the" before another word for a phrase', () => {
    const doc = makeTestDoc('Officials in Japan spoke, and the isolated village answered.');
    expect(detectMentions(doc).map((m) => m.name)).toEqual(['Japan']);
  });
});

describe('unknown actors', () => {
  it('gives a name recurring in another article the same id, with that article’s offsets and text', () => {
    const a = makeTestDoc('Reporters met Ivan Petrovsky in town.');
    const b = makeTestDoc('Officials said on Monday that Ivan Petrovsky had left.');
    const ma = detectMentions(a).find((m) => m.via === 'capitalized' && m.name === 'Ivan Petrovsky');
    const mb = detectMentions(b).find((m) => m.via === 'capitalized' && m.name === 'Ivan Petrovsky');
    expect(ma?.actorId).toBe('x:ivan petrovsky');
    expect(mb?.actorId).toBe(ma?.actorId);
    expect(b.text.slice(mb!.start, mb!.end)).toBe('Ivan Petrovsky');
    expect(a.text.slice(ma!.start, ma!.end)).toBe('Ivan Petrovsky');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentStemIds, forEachTokenForm, formMemo, isStopword, normalizeWord, offerComposedTokens, stemWord, stopwordFlags, tokenForms, tokenOffsets, tokenize } from '../../src/text/index.js';

/** The regex the hand-written scanner replaced: both must find the same tokens. */
const TOKEN_RE = /(?:\p{Lu}\.){2,}|\p{Ll}\.\p{Ll}\.|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*/gu;
function byRegex(text: string): { start: number; end: number; kind: string }[] {
  return [...text.matchAll(TOKEN_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length, kind: /^\p{N}/u.test(m[0]) ? 'number' : 'word' }));
}

const PIECES = ['a', 'b', 'Z', 'U', 'S', 'é', 'É', 'Ж', 'ж', '中', 'ǅ', '\u0301', '0', '7', '٣', '½', '²', '.', ',', "'", '’', '-', ' ', '\n', '“', '(', '$', '𝐀', '𝟙', '😀', '\uD800', 'U.S.', 'p.m.', '1,000.5', "don't", 'Korea’s'];

describe('tokenOffsets(text)', () => {
  it('finds the same tokens as the original Unicode regex on random text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(tokenOffsets(text)).toEqual(byRegex(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps dotted acronyms, separated numbers and inner apostrophes whole', () => {
    const text = 'The U.S. paid 1,000.5 won at 3 p.m. for Korea’s don\'t-list.';
    expect(tokenOffsets(text).map((t) => text.slice(t.start, t.end))).toEqual(['The', 'U.S.', 'paid', '1,000.5', 'won', 'at', '3', 'p.m.', 'for', 'Korea’s', "don't", 'list']);
  });
});

describe('tokenize(text, sentences, language)', () => {
  it('gives each token the forms normalizeWord and stemWord give its surface', () => {
    const text = 'Officials said the U.S. Navy’s ships were RUNNING drills; 1,200 sailors ran. Officials said so.';
    for (const t of tokenize(text, [], 'en')) {
      const surface = text.slice(t.start, t.end);
      expect(t.norm).toBe(normalizeWord(surface));
      expect(t.stem).toBe(t.kind === 'word' ? stemWord(t.norm, 'en') : t.norm);
      expect(t.cap).toBe(surface[0] !== surface[0]!.toLowerCase());
    }
  });

  it('visits the same forms through forEachTokenForm', () => {
    const text = 'Пхеньян заявил. The talks resumed in Seoul.';
    const seen: string[] = [];
    forEachTokenForm(text, 'en', (start, end, number, norm, stem) => seen.push(`${start}-${end}-${number}-${norm}-${stem}`));
    expect(seen).toEqual(tokenize(text, [], 'en').map((t) => `${t.start}-${t.end}-${t.kind === 'number'}-${t.norm}-${t.stem}`));
  });
});

describe('contentStemIds(text, ranges, language)', () => {
  const WORDS = ['The', 'talks', 'TALKS', 'talked', 'U.S.', 'Navy’s', 'a', 'of', 'said', '12', '1,200', 'Officials', 'official', 'Пхеньян', 'é', 'don\'t', 'p.m.', 'ship', 'ships'];
  const text = fc.array(fc.constantFrom(...WORDS, ' ', '\n', '. ', '-', '“'), { maxLength: 40 }).map((p) => p.join(''));

  it('gives two tokens the same id exactly when contentStems gives them the same stem, range by range as their slices', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), (t, cuts) => {
        const points = [...new Set([0, t.length, ...cuts.map((c) => c % (t.length + 1))])].sort((a, b) => a - b);
        const ranges: number[] = [];
        for (let k = 0; k + 1 < points.length; k++) ranges.push(points[k]!, points[k + 1]!);
        const { ids, offsets } = contentStemIds(t, ranges, 'en');
        const stemOfId = new Map<number, string>();
        for (let r = 0; r < ranges.length / 2; r++) {
          const slice = t.slice(ranges[2 * r]!, ranges[2 * r + 1]!);
          const expected: string[] = [];
          forEachTokenForm(slice, 'en', (start, end, number, norm, stem) => {
            if (!number && end - start >= 2 && norm.length >= 2 && !isStopword(norm)) expected.push(stem);
          });
          const got = Array.from(ids.subarray(offsets[r]!, offsets[r + 1]!));
          expect(got.length).toBe(expected.length);
          got.forEach((id, k) => {
            const stem = stemOfId.get(id) ?? expected[k]!;
            stemOfId.set(id, stem);
            expect(stem).toBe(expected[k]);
          });
        }
        // Distinct stems get distinct ids.
        expect(new Set(stemOfId.values()).size).toBe(stemOfId.size);
      }),
      { numRuns: 300 },
    );
  });
});

describe('offerComposedTokens(text, scan, pieces)', () => {
  it('makes tokenize of the composed text give the tokens a fresh scan gives', () => {
    const original = '  HOME » World\nThe U.S. Navy’s ships sailed at 3 p.m.; 1,200 sailors\n\nwatched.\nOfficials said so';
    const ranges = [9, 14, 15, 68, 70, 78, 79, 96];
    const kept = [1, 3];
    const composed = kept.map((r) => original.slice(ranges[2 * r]!, ranges[2 * r + 1]!)).join('\n\n');
    const expected = tokenize(composed, [{ start: 0, end: 20 }, { start: 20, end: composed.length }], 'en');
    const { scan } = contentStemIds(original, ranges, 'en');
    let at = 0;
    const pieces = kept.map((r) => {
      const piece = { range: r, shift: at - ranges[2 * r]! };
      at += ranges[2 * r + 1]! - ranges[2 * r]! + 2;
      return piece;
    });
    offerComposedTokens(composed, scan, pieces);
    expect(tokenize(composed, [{ start: 0, end: 20 }, { start: 20, end: composed.length }], 'en')).toEqual(expected);
    expect(tokenize(composed, [], 'und').map((t) => t.stem)).toEqual(expected.map((t) => t.stem));
  });
});

describe('tokenize after an offer', () => {
  it('takes the offered tokens of that very text without scanning it again', () => {
    const original = 'Officials said the talks resumed';
    const { scan } = contentStemIds(original, [0, 9], 'en');
    // An offer naming a text it was not scanned from: only taking the offer can yield "Officials" here.
    offerComposedTokens('xyz talks', scan, [{ range: 0, shift: 0 }]);
    expect(tokenize('xyz talks', [], 'en').map((t) => t.norm)).toEqual(['officials']);
    expect(tokenize('xyz talks!', [], 'en').map((t) => t.norm)).toEqual(['xyz', 'talks']);
  });
});

describe('stopwordFlags(tokens) and tokenForms(tokens)', () => {
  const text = 'The U.S. said it will not join the talks, and the 2 sides said so: THE end. Will they?';
  it('gives the flag isStopword gives each word token, from the form table for a tokenize array and computed for any other', () => {
    const tokens = tokenize(text, [], 'en');
    const expected = tokens.map((t) => (t.kind === 'word' && isStopword(t.norm) ? 1 : 0));
    expect([...stopwordFlags(tokens)]).toEqual(expected);
    const copy = tokens.map((t) => ({ ...t }));
    expect(tokenForms(copy)).toBeNull();
    expect([...stopwordFlags(copy)]).toEqual(expected);
  });

  it('gives two tokens the same form id exactly when their surfaces are equal, and none to a changed array', () => {
    const tokens = tokenize(text, [], 'en');
    const forms = tokenForms(tokens)!;
    expect(forms.ids).toHaveLength(tokens.length);
    const surface = (k: number): string => text.slice(tokens[k]!.start, tokens[k]!.end);
    for (let a = 0; a < tokens.length; a++) for (let b = 0; b < tokens.length; b++) expect(forms.ids[a] === forms.ids[b]).toBe(surface(a) === surface(b));
    const longer = [...tokens, tokens[0]!];
    expect(tokenForms(longer)).toBeNull();
    tokens.push(tokens[0]!);
    expect(tokenForms(tokens)).toBeNull();
  });

  it('formMemo keeps one value per form of a table, holds every id handed out since, and starts over with a new generation', () => {
    const memo = formMemo(-1);
    const first = tokenize(text, [], 'en');
    const forms = tokenForms(first)!;
    const values = memo(forms);
    expect(values.length).toBeGreaterThan(Math.max(...forms.ids));
    expect(values[forms.ids[0]!]).toBe(-1);
    values[forms.ids[0]!] = 7;
    // A later article adds forms to the same table: its values keep what was learnt and reach its new ids.
    const later = tokenize(`${'Zebrafish quokka '.repeat(3)}${Array.from({ length: 5000 }, (_, i) => `w${i}x`).join(' ')}`, [], 'en');
    const laterForms = tokenForms(later)!;
    expect(laterForms.table).toBe(forms.table);
    const again = memo(laterForms);
    expect(again.length).toBeGreaterThan(Math.max(...laterForms.ids));
    expect(again[forms.ids[0]!]).toBe(7);
    expect(again[laterForms.ids.at(-1)!]).toBe(-1);
    expect(memo(forms, 1)[forms.ids[0]!]).toBe(-1);
  });
  it('gives the same tokens after the form table fills and starts over, in a new table', () => {
    const sample = 'The Minister’s U.S. visit: 3,500 troops, “peacekeeping” talks.';
    const before = tokenize(sample, [], 'en');
    const table = tokenForms(before)!.table;
    // More distinct surfaces than the table holds (2^18): the call that fills it still gets every form.
    const words = Array.from({ length: 270_000 }, (_, i) => `q${i.toString(36)}z`);
    const filler = tokenize(words.join(' '), [], 'en');
    expect(filler).toHaveLength(words.length);
    expect(filler.at(-1)!.norm).toBe(words.at(-1));
    const after = tokenize(sample, [], 'en');
    expect(tokenForms(after)!.table).not.toBe(table);
    expect(after).toEqual(before);
  });
});

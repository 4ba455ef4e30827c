import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { initialEndingAt, lettersEndingAt } from '../../../src/frames/sources/letters.js';

// Letters, capitals, spaces, periods, hyphens, digits, an astral letter (𝐀, a pair) and its lone halves.
const piece = fc.constantFrom('a', 'Z', 'é', 'Ł', 'ß', ' ', '\u00a0', '.', '-', '1', '’', '\u{1D400}', '\uD835', '\uDC00', 'x');
const case_ = fc.tuple(fc.array(piece, { maxLength: 12 }), fc.nat(), fc.nat()).map(([parts, a, b]) => {
  const text = parts.join('');
  const from = a % (text.length + 1);
  const to = from + (b % (text.length - from + 1));
  return { text, from, to };
});

describe('letter tests read in place', () => {
  it('lettersEndingAt equals /(\\p{L}+)$/u on the slice', () => {
    fc.assert(fc.property(case_, ({ text, from, to }) => lettersEndingAt(text, from, to) === (/(\p{L}+)$/u.exec(text.slice(from, to))?.[1] ?? '')), { numRuns: 3000 });
  });

  it('initialEndingAt equals /(?:^|[\\s.-])\\p{Lu}$/u on the slice', () => {
    fc.assert(fc.property(case_, ({ text, from, to }) => initialEndingAt(text, from, to) === /(?:^|[\s.-])\p{Lu}$/u.test(text.slice(from, to))), { numRuns: 3000 });
  });

  it('reads a title before a period and a capital initial', () => {
    expect(lettersEndingAt('said Sen. Paul', 0, 8)).toBe('Sen');
    expect(initialEndingAt('Jacob J. Lew', 0, 7)).toBe(true);
    expect(initialEndingAt('the U.S.', 0, 7)).toBe(true);
    expect(initialEndingAt('the end', 0, 7)).toBe(false);
  });
});

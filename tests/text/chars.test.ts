import { describe, expect, it } from 'vitest';
import { isSpaceUnit } from '../../src/text/index.js';

describe('isSpaceUnit', () => {
  it("answers as JavaScript's \\s for every UTF-16 code unit", () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceUnit(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('counts the no-break and ideographic spaces and line separators, not letters or zero-width joiners', () => {
    expect([0x20, 0x09, 0x0a, 0xa0, 0x2028, 0x3000, 0xfeff].every(isSpaceUnit)).toBe(true);
    expect([0x41, 0x200d, 0x200b, 0x5f].some(isSpaceUnit)).toBe(false);
  });
});

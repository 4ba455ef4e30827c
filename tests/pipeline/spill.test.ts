import { describe, expect, it } from 'vitest';
import { hashKey } from '../../src/pipeline/spill.js';

describe('hashKey', () => {
  it('gives the same key for the same parts, and a 32-hex-digit key', () => {
    const parts = [{ frames: 'all' }, ['id-1', { file: 'a.jsonl', line: 1 }, 'text one'], ['id-2', null, 'text two']];
    expect(hashKey(parts)).toBe(hashKey(structuredClone(parts)));
    expect(hashKey(parts)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps apart parts that would concatenate to the same text', () => {
    expect(hashKey(['ab', 'c'])).not.toBe(hashKey(['a', 'bc']));
    expect(hashKey([['a', 'b']])).not.toBe(hashKey([['a'], ['b']]));
    expect(hashKey([['a', 'b'], []])).not.toBe(hashKey([['a'], ['b']]));
    // A text that contains the separators the key uses is still one part.
    expect(hashKey([['x\u0000', 'y']])).not.toBe(hashKey([['x', '\u0000y']]));
  });

  it('changes when any article text changes, however deep it sits', () => {
    const batch = (text: string): unknown[] => [{ cache: 'v' }, ['id', { file: 'f', line: 3 }, text, { outlet: 'RT' }]];
    expect(hashKey(batch('North Korea said'))).not.toBe(hashKey(batch('North Korea says')));
  });

  it('tells a string from the same characters written as JSON', () => {
    expect(hashKey(['1'])).not.toBe(hashKey([1]));
  });
});

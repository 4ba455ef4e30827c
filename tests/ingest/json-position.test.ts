import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineAndColumn } from '../../src/ingest/json-position.js';

describe('jsonErrorOffset', () => {
  it('returns -1 for every text JSON.parse accepts', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]} ', '"s"', '0']) {
      expect(JSON.parse(text)).toBeDefined();
      expect(jsonErrorOffset(text)).toBe(-1);
    }
  });

  it('points at the first character that breaks the syntax', () => {
    expect(jsonErrorOffset('{"a": }')).toBe(6);
    expect(jsonErrorOffset('[1, 2,]')).toBe(6);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('{"a": "open')).toBe(11);
    expect(jsonErrorOffset('[01]')).toBe(2);
  });

  it('turns an offset into a 1-based line and column', () => {
    expect(lineAndColumn('ab\ncd\nef', 7)).toEqual({ line: 3, column: 2 });
  });
});

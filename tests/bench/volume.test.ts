import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportVolume, volumeTable } from '../../src/bench/volume.js';
import { tempDir } from '../tmp.js';

// The streamed layout (report/stream.ts): the head indented, then one compact element a line.
const REPORT = `{
  "framelens": {
    "version": "x"
  },
  "articles": [
    {"id":"a","layers":{"quotes":[{"start":0,"end":2,"text":"ab"}]},"text":"abc"},
    {"id":"b","layers":{},"text":"é"}
  ],
  "stories": [],
  "events": [
    {"id":"e1","analyses":{"framing":{"naming":[1,2]},"commonSources":[]}}
  ],
  "memberships": [],
  "comparisons": []
}
`;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const keyBytes = (keys: string[]): number => keys.reduce((n, k) => n + bytes(`"${k}":`), 0);

describe('reportVolume', () => {
  it('puts each field’s bytes in its part, and the parts add up to the file', async () => {
    const path = join(tempDir('volume'), 'report.json');
    writeFileSync(path, REPORT);
    const v = await reportVolume(path);
    const part = (name: string): number | undefined => v.parts.find((p) => p.part === name)?.bytes;
    expect(v.bytes).toBe(bytes(REPORT));
    // Every field of every element, written out by hand: what is not in one is layout.
    const fields = ['"id":"a"', '"layers":{"quotes":[{"start":0,"end":2,"text":"ab"}]}', '"text":"abc"', '"id":"b"', '"layers":{}', '"text":"é"', '"id":"e1"', '"analyses":{"framing":{"naming":[1,2]},"commonSources":[]}'];
    expect(part('layout (braces, commas, indentation, head)')).toBe(bytes(REPORT) - fields.reduce((n, f) => n + bytes(f), 0));
    expect(part('articles.layers (keys and braces)')).toBe(2 * bytes('"layers":{}'));
    expect(part('articles.other fields')).toBe(bytes('"id":"a"') + bytes('"id":"b"'));
    expect(part('events.analyses (keys and braces)')).toBe(bytes('"analyses":{,}'));
    expect(part('events.framing (keys and braces)')).toBe(bytes('"framing":{}'));
    expect(part('events.group fields')).toBe(bytes('"id":"e1"'));
    expect(part('articles.layers.quotes')).toBe(bytes('"quotes":[{"start":0,"end":2,"text":"ab"}]'));
    expect(part('articles.text, offsets, paragraphs, sentences')).toBe(bytes('"text":"abc"') + bytes('"text":"é"'));
    expect(part('events.framing.naming')).toBe(bytes('"naming":[1,2]'));
    expect(part('events.commonSources')).toBe(bytes('"commonSources":[]'));
    // The head is outside the arrays: layout, like the braces and commas.
    expect(v.parts.some((p) => p.part.startsWith('framelens'))).toBe(false);
    expect(v.keyBytes).toBe(keyBytes(['id', 'layers', 'quotes', 'start', 'end', 'text', 'text', 'id', 'layers', 'text', 'id', 'analyses', 'framing', 'naming', 'commonSources']));
    expect(v.keys[0]).toEqual({ part: 'text', bytes: 3 * bytes('"text":') });
    expect(v.findingTextBytes).toBe(bytes('"text":"ab",'));
    expect(volumeTable(v)).toContain('articles.layers.quotes');
  });
});

import { describe, expect, it } from 'vitest';
import { readManifest } from '../../src/ingest/manifest.js';
import { makeTempDir } from './fixtures.js';

const dir = makeTempDir('manifest');

const EXPECTED = new Map([
  ['a1', { given: { outlet: 'RT', published: '2024-06-30' }, extra: { desk: 'world' } }],
  ['a2', { given: { outlet: 'KCNA' }, extra: {} }],
]);

describe('readManifest', () => {
  it('reads a CSV manifest: known fields into given, others into extra, empty cells left out', async () => {
    const file = dir.write('m.csv', 'id,Outlet,published,desk\na1,RT,2024-06-30,world\na2,KCNA,,\n');
    expect(await readManifest(file)).toEqual(EXPECTED);
  });

  it('reads a JSON array, a JSON object keyed by id, and JSON Lines alike', async () => {
    const array = dir.write('m.json', JSON.stringify([{ id: 'a1', outlet: 'RT', published: '2024-06-30', desk: 'world' }, { id: 'a2', outlet: 'KCNA', title: null }]));
    const keyed = dir.write('keyed.json', JSON.stringify({ a1: { outlet: 'RT', published: '2024-06-30', desk: 'world' }, a2: { id: 'a2', outlet: 'KCNA' } }, null, 2));
    const lines = dir.write('m.jsonl', `{"id":"a1","outlet":"RT","published":"2024-06-30","desk":"world"}\n\n{"id":"a2","outlet":"KCNA"}\n`);
    expect(await readManifest(array)).toEqual(EXPECTED);
    expect(await readManifest(keyed)).toEqual(EXPECTED);
    expect(await readManifest(lines)).toEqual(EXPECTED);
  });

  it('accepts numeric ids as strings and guesses the format of another extension from its content', async () => {
    const file = dir.write('meta.txt', '{"id": 7, "outlet": "Yonhap"}\n');
    expect(await readManifest(file)).toEqual(new Map([['7', { given: { outlet: 'Yonhap' }, extra: {} }]]));
  });

  it.each([
    ['no-id.csv', 'id,outlet\na1,RT\n,KCNA\n', ':3: the entry has no "id"'],
    ['no-id-col.csv', 'outlet\nRT\n', ':1: the header has no "id" column (columns: outlet)'],
    ['ragged.csv', 'id,outlet\na1,RT,extra\n', ':2: the row has 3 fields, the header 2'],
    ['dupe.jsonl', '{"id":"a"}\n{"id":"a"}\n', ':2: id "a" appears twice (first at FILE:1)'],
    ['broken.jsonl', '{"id":"a"}\n{"id":\n', ':2: invalid JSON: '],
    ['type.json', '[{"id":"a","published":2024}]', ': entry 1: "published" must be a string, got number'],
    ['broken.json', '[\n  {"id": "a"},\n  {"id": }\n]', ':3: invalid JSON at column 10: '],
    ['scalar.json', '"hello"', ': a JSON manifest must be an array of objects or an object keyed by id, got string'],
    ['mismatch.json', '{"a": {"id": "b"}}', ': entry "a": "id" is "b" but the entry is keyed "a"'],
  ])('throws one line naming file and line for %s', async (name, content, message) => {
    const file = dir.write(name, content);
    const error = await readManifest(file).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const text = (error as Error).message;
    expect(text.startsWith(`${file}${message.replace('FILE', file)}`)).toBe(true);
    expect(text).not.toContain('\n');
  });

  it('throws naming a missing file', async () => {
    const file = dir.path('nope.csv');
    await expect(readManifest(file)).rejects.toThrow(`${file}: cannot read: no such file or directory (ENOENT)`);
  });
});

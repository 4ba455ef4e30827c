import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultIngestOptions, readInputs, resolveIngestOptions, SUPPORTED_EXTENSIONS } from '../../src/ingest/index.js';
import { collect, GOOD_TEXT, makeTempDir, recordsOf, skipsOf } from './fixtures.js';

const dir = makeTempDir('index');

const jsonl = (rows: object[]): string => rows.map((r) => JSON.stringify(r)).join('\n');

describe('readInputs', () => {
  it('reads the bundled sample folder as 5 records named after their files', async () => {
    const sample = fileURLToPath(new URL('../../data/sample', import.meta.url));
    const items = await collect([sample]);
    const names = readdirSync(sample).filter((n) => n.endsWith('.txt')).sort();
    expect(skipsOf(items)).toEqual([]);
    expect(recordsOf(items).map((r) => r.id)).toEqual(names.map((n) => n.replace(/\.txt$/, '')));
    expect(recordsOf(items)).toHaveLength(5);
    expect(recordsOf(items).every((r) => r.source.file.startsWith(`${sample}/`) && r.text.length > 1000)).toBe(true);
  });

  it('reads mixed files and folders in the order given, the same way every time', async () => {
    dir.write('mixed/f/b.txt', GOOD_TEXT);
    dir.write('mixed/f/a.jsonl', jsonl([{ id: 'j1', text: 'One.' }, { id: 'j2', text: 'Two.' }]));
    dir.write('mixed/f/c.csv', 'id,text\nc1,Three.\n');
    const single = dir.write('mixed/single.md', 'Four.');
    const run = () => collect([single, dir.path('mixed/f')]);
    const first = await run();
    expect(recordsOf(first).map((r) => r.id)).toEqual(['single', 'j1', 'j2', 'b', 'c1']);
    expect(await run()).toEqual(first);
  });

  it('keeps the first of duplicate ids across files and names where it was for the later ones', async () => {
    const first = dir.write('dupes/a/story.txt', GOOD_TEXT);
    const second = dir.write('dupes/b/story.txt', 'Another text.');
    const lines = dir.write('dupes/c.jsonl', jsonl([{ id: 'x', text: 'First x.' }, { id: 'story', text: 'Third.' }, { id: 'x', text: 'Second x.' }, { id: 'y', text: 'Unique.' }]));
    const items = await collect([dir.path('dupes')]);
    expect(recordsOf(items).map((r) => [r.id, r.source.file])).toEqual([
      ['story', first],
      ['x', lines],
      ['y', lines],
    ]);
    expect(skipsOf(items)).toEqual([
      { id: 'story', source: { file: second, line: null, format: 'txt' }, code: 'E_DUPLICATE_ID', reason: `${second}: id "story" was already read at ${first}; the first one is kept` },
      { id: 'story', source: { file: lines, line: 2, format: 'jsonl' }, code: 'E_DUPLICATE_ID', reason: `${lines}:2: id "story" was already read at ${first}; the first one is kept` },
      { id: 'x', source: { file: lines, line: 3, format: 'jsonl' }, code: 'E_DUPLICATE_ID', reason: `${lines}:3: id "x" was already read at ${lines}:1; the first one is kept` },
    ]);
  });

  it('skips an unsupported extension naming it and the supported list, and reads the rest', async () => {
    dir.write('types/a.txt', GOOD_TEXT);
    const pdf = dir.write('types/b.pdf', '%PDF-1.4');
    const bare = dir.write('types/README', 'no extension');
    const items = await collect([dir.path('types')]);
    expect(recordsOf(items).map((r) => r.id)).toEqual(['a']);
    expect(skipsOf(items)).toEqual([
      { id: bare, source: { file: bare, line: null, format: 'unknown' }, code: 'E_UNSUPPORTED', reason: `${bare}: unsupported file type (no extension); framelens reads ${SUPPORTED_EXTENSIONS.join(', ')}` },
      { id: pdf, source: { file: pdf, line: null, format: 'unknown' }, code: 'E_UNSUPPORTED', reason: `${pdf}: unsupported file type ".pdf"; framelens reads ${SUPPORTED_EXTENSIONS.join(', ')}` },
    ]);
  });

  it('rejects ids with a NUL character or over 1,000 characters as E_FIELD_TYPE', async () => {
    const file = dir.write('ids.jsonl', jsonl([{ id: 'a\u0000b', text: 'x' }, { id: 'L'.repeat(1001), text: 'y' }, { id: 'L'.repeat(1000), text: 'z' }]));
    const items = await collect([file]);
    expect(recordsOf(items).map((r) => r.id.length)).toEqual([1000]);
    expect(skipsOf(items)).toEqual([
      { id: `${file}:1`, source: { file, line: 1, format: 'jsonl' }, code: 'E_FIELD_TYPE', reason: `${file}:1: the id contains a NUL character` },
      { id: `${file}:2`, source: { file, line: 2, format: 'jsonl' }, code: 'E_FIELD_TYPE', reason: `${file}:2: the id is 1001 characters long, over 1000` },
    ]);
  });

  it('stops at maxArticles with one skip for the rest of the file and one for each later file', async () => {
    const a = dir.write('limit/a.jsonl', jsonl([1, 2, 3, 4, 5].map((i) => ({ id: `a${i}`, text: `Text ${i}.` }))));
    const b = dir.write('limit/b.txt', GOOD_TEXT);
    const items = await collect([dir.path('limit')], { maxArticles: 3 });
    expect(recordsOf(items).map((r) => r.id)).toEqual(['a1', 'a2', 'a3']);
    expect(skipsOf(items)).toEqual([
      { id: 'a4', source: { file: a, line: 4, format: 'jsonl' }, code: 'E_TOO_LARGE', reason: `${a}:4: maxArticles 3 reached; ${a} from line 4 on was not read` },
      { id: b, source: { file: b, line: null, format: 'txt' }, code: 'E_TOO_LARGE', reason: `${b}: not read: maxArticles 3 already reached` },
    ]);
  });

  it('reports a file deleted after the folder was listed as E_READ and goes on', async () => {
    dir.write('vanish/a.txt', GOOD_TEXT);
    const gone = dir.write('vanish/b.txt', GOOD_TEXT);
    dir.write('vanish/c.txt', GOOD_TEXT);
    const items = [];
    for await (const item of readInputs([dir.path('vanish')])) {
      items.push(item);
      if (item.kind === 'record' && item.record.id === 'a') rmSync(gone);
    }
    expect(recordsOf(items).map((r) => r.id)).toEqual(['a', 'c']);
    expect(skipsOf(items)).toEqual([
      { id: 'b', source: { file: gone, line: null, format: 'txt' }, code: 'E_READ', reason: `${gone}: cannot read: no such file or directory (ENOENT)` },
    ]);
  });

  it('throws for a bad option, the one usage error', async () => {
    await expect(collect([dir.root], { maxArticles: 0 })).rejects.toThrow('ingest option maxArticles must be a positive number, got 0');
  });
});

describe('resolveIngestOptions', () => {
  it('fills defaults for missing or undefined options and normalises the encoding name', () => {
    expect(resolveIngestOptions({ maxArticles: undefined, encoding: 'UTF8' })).toEqual(defaultIngestOptions);
    expect(resolveIngestOptions({ encoding: 'Windows-1251' }).encoding).toBe('windows-1251');
  });
});

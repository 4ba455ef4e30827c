import { describe, expect, it } from 'vitest';
import { readWholeFile } from '../../src/ingest/whole.js';
import { defaultIngestOptions } from '../../src/ingest/index.js';
import { collect, GOOD_TEXT, makeTempDir, recordsOf, skipsOf } from './fixtures.js';

const dir = makeTempDir('whole');

describe('one-article files', () => {
  it('reads .txt and .md whole, with the file name without its last extension as id', async () => {
    const txt = dir.write('one/kcna.2024-06-30.txt', 'Pyongyang, June 30 (KCNA) -- Text.\r\n');
    const md = dir.write('one/notes.md', '# Heading\n\nBody.');
    const items = await collect([dir.path('one')]);
    expect(items).toEqual([
      { kind: 'record', record: { id: 'kcna.2024-06-30', source: { file: txt, line: null, format: 'txt' }, text: 'Pyongyang, June 30 (KCNA) -- Text.\r\n', given: {}, extra: {} } },
      { kind: 'record', record: { id: 'notes', source: { file: md, line: null, format: 'md' }, text: '# Heading\n\nBody.', given: {}, extra: {} } },
    ]);
  });

  it('skips a file over maxFileBytes before reading it, with both sizes, and reads the others', async () => {
    dir.write('big/a.txt', GOOD_TEXT);
    const big = dir.write('big/b.txt', 'x'.repeat(5000));
    const items = await collect([dir.path('big')], { maxFileBytes: 1000 });
    expect(recordsOf(items).map((r) => r.id)).toEqual(['a']);
    expect(skipsOf(items)).toEqual([
      { id: 'b', source: { file: big, line: null, format: 'txt' }, code: 'E_TOO_LARGE', reason: `${big}: file is 5000 bytes, over maxFileBytes 1000` },
    ]);
  });

  it('streams JSON Lines over maxFileBytes: only whole-read files are bounded by it', async () => {
    const file = dir.write('big.jsonl', Array.from({ length: 50 }, (_, i) => JSON.stringify({ text: `Article ${i}.` })).join('\n'));
    expect(recordsOf(await collect([file], { maxFileBytes: 100 }))).toHaveLength(50);
  });

  it('reports a file that vanished before it was read as E_READ naming it', async () => {
    const gone = dir.path('vanished.txt');
    expect(await readWholeFile(gone, gone, 'txt', defaultIngestOptions)).toEqual({
      kind: 'skip',
      skip: { id: 'vanished', source: { file: gone, line: null, format: 'txt' }, code: 'E_READ', reason: `${gone}: cannot read: no such file or directory (ENOENT)` },
    });
  });
});

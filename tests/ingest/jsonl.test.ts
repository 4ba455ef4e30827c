import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { collect, GOOD_TEXT, makeTempDir, recordsOf, skipsOf } from './fixtures.js';

const dir = makeTempDir('jsonl');

const line = (value: unknown): string => JSON.stringify(value);

describe('JSON Lines', () => {
  it('reads fields: id (string or number), metadata into given, the rest into extra, default ids by line', async () => {
    const file = dir.write(
      'fields.jsonl',
      [
        line({ id: 'kcna-1', text: 'First.', outlet: 'KCNA', title: 'T', published: '2024-06-30', url: 'http://x/1', language: 'en', section: 'world', tags: ['a'] }),
        '',
        line({ id: 42, text: 'Second.' }),
        line({ text: 'Third, no id.' }),
      ].join('\n'),
    );
    const items = await collect([file]);
    expect(skipsOf(items)).toEqual([]);
    expect(recordsOf(items)).toEqual([
      {
        id: 'kcna-1',
        source: { file, line: 1, format: 'jsonl' },
        text: 'First.',
        given: { outlet: 'KCNA', title: 'T', published: '2024-06-30', url: 'http://x/1', language: 'en' },
        extra: { section: 'world', tags: ['a'] },
      },
      { id: '42', source: { file, line: 3, format: 'jsonl' }, text: 'Second.', given: {}, extra: {} },
      { id: `${file}:4`, source: { file, line: 4, format: 'jsonl' }, text: 'Third, no id.', given: {}, extra: {} },
    ]);
  });

  it('skips each bad line with its own code and keeps every other record of the run', async () => {
    dir.write('bad/a-good.txt', GOOD_TEXT);
    const file = dir.write(
      'bad/b.jsonl',
      [
        line({ id: 'ok1', text: 'Fine.' }),
        '{"id": "broken", "text": "no end',
        '[1, 2, 3]',
        '42',
        line({ id: 'num', text: 12345 }),
        line({ id: 'empty', text: '' }),
        line({ id: 'spaces', text: '  \n ' }),
        line({ id: 'missing', body: 'x' }),
        line({ id: 'null', text: null }),
        line({ id: 'ok2', text: 'Also fine.' }),
      ].join('\n'),
    );
    const items = await collect([dir.path('bad')]);
    expect(recordsOf(items).map((r) => r.id)).toEqual(['a-good', 'ok1', 'ok2']);
    const skips = skipsOf(items);
    expect(skips.map((s) => [s.code, s.id, s.source.line])).toEqual([
      ['E_JSON', `${file}:2`, 2],
      ['E_SHAPE', `${file}:3`, 3],
      ['E_SHAPE', `${file}:4`, 4],
      ['E_FIELD_TYPE', 'num', 5],
      ['E_NO_TEXT', 'empty', 6],
      ['E_NO_TEXT', 'spaces', 7],
      ['E_NO_TEXT', 'missing', 8],
      ['E_NO_TEXT', 'null', 9],
    ]);
    expect(skips[0]?.reason).toMatch(new RegExp(`^${file}:2: invalid JSON: .*(Unterminated|Unexpected end)`));
    expect(skips[1]?.reason).toBe(`${file}:3: the line is a JSON array, not an object`);
    expect(skips[2]?.reason).toBe(`${file}:4: the line is a JSON number, not an object`);
    expect(skips[3]?.reason).toBe(`${file}:5: field "text" is number, not a string`);
    expect(skips.every((s) => s.source.file === file && s.source.format === 'jsonl')).toBe(true);
  });

  it('keeps a record whose metadata field has the wrong type, dropping the field with a warning', async () => {
    const file = dir.write('types.jsonl', line({ id: { nested: true }, text: 'Body.', published: 2024, outlet: 'RT', title: null }));
    const [record] = recordsOf(await collect([file]));
    expect(record?.id).toBe(`${file}:1`);
    expect(record?.given).toEqual({ outlet: 'RT' });
    expect(record?.diagnostics).toEqual([
      { severity: 'warning', code: 'ingest:field-type', message: `${file}:1: field "id" is object, not a string or number; dropped, id is "${file}:1"`, file, line: 1 },
      { severity: 'warning', code: 'ingest:field-type', message: `${file}:1: field "published" is number, not a string; dropped`, file, line: 1 },
    ]);
  });

  it('keeps a "__proto__" field as a plain extra field', async () => {
    const file = dir.write('proto.jsonl', '{"text":"Body.","__proto__":{"polluted":true}}');
    const [record] = recordsOf(await collect([file]));
    expect(Object.keys(record?.extra ?? {})).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads .ndjson, CRLF line ends and gzip-compressed .jsonl.gz', async () => {
    const ndjson = dir.write('win.ndjson', `${line({ id: 'w1', text: 'One.' })}\r\n${line({ id: 'w2', text: 'Two.' })}\r\n`);
    const gz = dir.write('packed.jsonl.gz', gzipSync([1, 2, 3].map((i) => line({ id: `g${i}`, text: `Text ${i}.` })).join('\n')));
    const records = recordsOf(await collect([ndjson, gz]));
    expect(records.map((r) => [r.id, r.text, r.source.line, r.source.format])).toEqual([
      ['w1', 'One.', 1, 'jsonl'],
      ['w2', 'Two.', 2, 'jsonl'],
      ['g1', 'Text 1.', 1, 'jsonl'],
      ['g2', 'Text 2.', 2, 'jsonl'],
      ['g3', 'Text 3.', 3, 'jsonl'],
    ]);
  });

  it('keeps the records before a truncated gzip stream and reports the read error after them', async () => {
    const body = Array.from({ length: 4000 }, (_, i) => line({ id: `t${i}`, text: `Article number ${i} with some words ${i * 7919}.` })).join('\n');
    const packed = gzipSync(body);
    const file = dir.write('cut.jsonl.gz', packed.subarray(0, Math.floor(packed.length * 0.6)));
    const items = await collect([file]);
    const records = recordsOf(items);
    expect(records.length).toBeGreaterThan(100);
    const skips = skipsOf(items);
    expect(skips).toHaveLength(1);
    expect(skips[0]).toMatchObject({ id: file, code: 'E_READ' });
    expect(skips[0]?.reason).toMatch(new RegExp(`^${file}: read failed after line \\d+: unexpected end of file`));
  });

  it('reports a .jsonl.gz file that is not gzip data as E_READ', async () => {
    const file = dir.write('fake.jsonl.gz', line({ text: 'plain' }));
    const skips = skipsOf(await collect([file]));
    expect(skips.map((s) => s.code)).toEqual(['E_READ']);
    expect(skips[0]?.reason).toContain('not gzip data');
  });

  it('bounds a line by maxArticleChars without buffering it and reads on after it', async () => {
    const file = dir.write('long.jsonl', [line({ id: 'long', text: 'y'.repeat(3_000_000) }), line({ id: 'short', text: 'ok' })].join('\n'));
    const items = await collect([file], { maxArticleChars: 100_000 });
    expect(recordsOf(items).map((r) => r.id)).toEqual(['short']);
    const [tooLong] = skipsOf(items);
    expect(tooLong).toMatchObject({ id: `${file}:1`, code: 'E_TOO_LARGE', source: { line: 1 } });
    expect(tooLong?.reason).toBe(`${file}:1: line is 3000023 bytes, over the 1648576-byte line bound set by maxArticleChars 100000`);
  });

  it('skips a text over maxArticleChars with both sizes', async () => {
    const file = dir.write('over.jsonl', [line({ id: 'big', text: 'z'.repeat(500) }), line({ id: 'small', text: 'fine' })].join('\n'));
    const items = await collect([file], { maxArticleChars: 100 });
    expect(recordsOf(items).map((r) => r.id)).toEqual(['small']);
    expect(skipsOf(items)).toEqual([
      { id: 'big', source: { file, line: 1, format: 'jsonl' }, code: 'E_TOO_LARGE', reason: `${file}:1: the text is 500 characters, over maxArticleChars 100` },
    ]);
  });

  it('reports a file of blank lines as E_EMPTY', async () => {
    const file = dir.path('blank.jsonl');
    writeFileSync(file, '\n  \n\n');
    expect(skipsOf(await collect([file]))).toEqual([
      { id: file, source: { file, line: null, format: 'jsonl' }, code: 'E_EMPTY', reason: `${file}: no records (only blank lines)` },
    ]);
  });
});

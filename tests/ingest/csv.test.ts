import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { headerNames } from '../../src/ingest/csv.js';
import { collect, GOOD_TEXT, makeTempDir, recordsOf, skipsOf } from './fixtures.js';

const dir = makeTempDir('csv');

describe('CSV', () => {
  it('reads rows by header: known fields into given, others into extra, ids by row line when missing', async () => {
    const file = dir.write('basic.csv', 'id,Text,outlet,published,section\nrt-1,First story.,RT,2024-06-30,world\n,Second story.,,,\n');
    const items = await collect([file]);
    expect(skipsOf(items)).toEqual([]);
    expect(recordsOf(items)).toEqual([
      { id: 'rt-1', source: { file, line: 2, format: 'csv' }, text: 'First story.', given: { outlet: 'RT', published: '2024-06-30' }, extra: { section: 'world' } },
      { id: `${file}:3`, source: { file, line: 3, format: 'csv' }, text: 'Second story.', given: {}, extra: { section: '' } },
    ]);
  });

  it('reads a quoted field across lines and numbers each record by the line it starts on', async () => {
    const file = dir.write('quoted.csv', 'id,text\r\na,"Line one,\r\nline ""two"".\r\n\r\nParagraph."\r\n\r\nb,After.\r\n');
    const records = recordsOf(await collect([file]));
    expect(records.map((r) => [r.id, r.text, r.source.line])).toEqual([
      ['a', 'Line one,\nline "two".\n\nParagraph.', 2],
      ['b', 'After.', 7],
    ]);
  });

  it('skips a file whose header has no text column once, and reads the other files', async () => {
    dir.write('notext/a.txt', GOOD_TEXT);
    const file = dir.write('notext/b.csv', 'id,body\n1,hello\n2,world\n');
    const items = await collect([dir.path('notext')]);
    expect(recordsOf(items).map((r) => r.id)).toEqual(['a']);
    expect(skipsOf(items)).toEqual([
      { id: file, source: { file, line: null, format: 'csv' }, code: 'E_NO_TEXT', reason: `${file}:1: the header has no "text" column (columns: id, body); file not read` },
    ]);
  });

  it('skips ragged rows and rows without text, naming file and line, and keeps the others', async () => {
    const file = dir.write('ragged.csv', 'id,text,outlet\na,Fine.,RT\nb,Too few\nc,Too,many,fields\nd,,KCNA\ne,Also fine.,KCNA\n');
    const items = await collect([file]);
    expect(recordsOf(items).map((r) => r.id)).toEqual(['a', 'e']);
    expect(skipsOf(items)).toEqual([
      { id: `${file}:3`, source: { file, line: 3, format: 'csv' }, code: 'E_CSV', reason: `${file}:3: the row has 2 fields, the header 3; row skipped` },
      { id: `${file}:4`, source: { file, line: 4, format: 'csv' }, code: 'E_CSV', reason: `${file}:4: the row has 4 fields, the header 3; row skipped` },
      { id: 'd', source: { file, line: 5, format: 'csv' }, code: 'E_NO_TEXT', reason: `${file}:5: field "text" is empty` },
    ]);
  });

  it('keeps the rows before an unclosed quote and reports where reading stopped', async () => {
    const file = dir.write('unclosed.csv', 'id,text\na,One.\nb,Two.\nc,"Never closed\nd,Lost.\n');
    const items = await collect([file]);
    expect(recordsOf(items).map((r) => r.id)).toEqual(['a', 'b']);
    const skips = skipsOf(items);
    expect(skips).toHaveLength(1);
    expect(skips[0]).toMatchObject({ id: `${file}:4`, code: 'E_CSV', source: { file, line: 4, format: 'csv' } });
    expect(skips[0]?.reason).toMatch(new RegExp(`^${file}:4: invalid CSV: Quote Not Closed.*; rows from line 4 on were not read$`));
  });

  it('reads .csv.gz through zlib', async () => {
    const file = dir.write('packed.csv.gz', gzipSync('id,text\nz1,"Zipped, with comma."\n'));
    expect(recordsOf(await collect([file])).map((r) => [r.id, r.text, r.source.format])).toEqual([['z1', 'Zipped, with comma.', 'csv']]);
  });

  it('reports a header with no rows as E_EMPTY and a duplicated column as E_CSV', async () => {
    const headerOnly = dir.write('header-only.csv', 'id,text\n');
    const twice = dir.write('twice.csv', 'text,TEXT\na,b\n');
    const skips = skipsOf(await collect([headerOnly, twice]));
    expect(skips).toEqual([
      { id: headerOnly, source: { file: headerOnly, line: null, format: 'csv' }, code: 'E_EMPTY', reason: `${headerOnly}: a header row but no records` },
      { id: twice, source: { file: twice, line: null, format: 'csv' }, code: 'E_CSV', reason: `${twice}:1: the header names column "text" twice; file not read` },
    ]);
  });

  it('names blank header cells by position', () => {
    expect(headerNames([' ID ', 'text', ''])).toEqual({ names: ['id', 'text', 'column3'] });
  });
});

/**
 * Bad-input catalogue, part 2: records inside JSON Lines, CSV and HTML files. Each case runs
 * analyze on a folder with the bad input and a control article; the exact outcome of every
 * record is checked, including the good records that share a file with a bad one.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/index.js';
import { CONTROL_TEXT, ingestDiagnostics, makeTempDir, runCase, storyText } from './helpers.js';

const dir = makeTempDir('records');

const line = (value: unknown): string => JSON.stringify(value);

describe('JSON Lines records', () => {
  it('JSON Lines with a broken line: that line skipped as E_JSON with file and line, the others analyzed', async () => {
    const body = [line({ id: 'a', text: storyText(1) }), '{"id": "b", "text": "unterminated', line({ id: 'c', text: storyText(3) })].join('\n');
    const { outcome, folder } = await runCase(dir, 'jsonl-broken', { 'feed.jsonl': `${body}\n` });
    const where = `${folder}/feed.jsonl:2`;
    expect(outcome).toEqual({
      analyzed: ['a', 'c', 'control'],
      skipped: [{ id: where, code: 'E_JSON', reason: expect.stringMatching(new RegExp(`^${where}: invalid JSON: `)) }],
    });
  });

  it('JSON Lines with CR-only line ends: one E_JSON skip for the file’s single line, naming the likely cause', async () => {
    const body = [1, 2, 3].map((n) => line({ id: `m${n}`, text: storyText(n) })).join('\r');
    const { outcome, folder } = await runCase(dir, 'jsonl-cr', { 'mac.jsonl': `${body}\r` });
    const where = `${folder}/mac.jsonl:1`;
    expect(outcome.analyzed).toEqual(['control']);
    expect(outcome.skipped).toEqual([{ id: where, code: 'E_JSON', reason: expect.stringMatching(/; the line holds carriage returns: are its line ends CR only \(old Mac\)\? Save the file with LF line ends$/) }]);
  });

  it('JSON Lines line that is an array, a string, or null: each skipped as E_SHAPE naming what it is', async () => {
    const body = [line([{ id: 'x', text: storyText(0) }]), line('just a string'), 'null', line({ id: 'a', text: storyText(1) })].join('\n');
    const { outcome, folder } = await runCase(dir, 'jsonl-shape', { 'feed.jsonl': body });
    const f = `${folder}/feed.jsonl`;
    expect(outcome).toEqual({
      analyzed: ['a', 'control'],
      skipped: [
        { id: `${f}:1`, code: 'E_SHAPE', reason: `${f}:1: the line is a JSON array, not an object` },
        { id: `${f}:2`, code: 'E_SHAPE', reason: `${f}:2: the line is a JSON string, not an object` },
        { id: `${f}:3`, code: 'E_SHAPE', reason: `${f}:3: the line is a JSON null, not an object` },
      ],
    });
  });

  it('JSON Lines text that is a number or an object: skipped as E_FIELD_TYPE', async () => {
    const body = [line({ id: 'n', text: 42 }), line({ id: 'o', text: { body: 'x' } }), line({ id: 'a', text: storyText(1) })].join('\n');
    const { outcome, folder } = await runCase(dir, 'jsonl-text-type', { 'feed.jsonl': body });
    const f = `${folder}/feed.jsonl`;
    expect(outcome).toEqual({
      analyzed: ['a', 'control'],
      skipped: [
        { id: 'n', code: 'E_FIELD_TYPE', reason: `${f}:1: field "text" is number, not a string` },
        { id: 'o', code: 'E_FIELD_TYPE', reason: `${f}:2: field "text" is object, not a string` },
      ],
    });
  });

  it('JSON Lines empty, blank or missing text: skipped as E_NO_TEXT', async () => {
    const body = [line({ id: 'e', text: '' }), line({ id: 'w', text: ' \n\t ' }), line({ id: 'm', title: 'No body' }), line({ id: 'a', text: storyText(1) })].join('\n');
    const { outcome, folder } = await runCase(dir, 'jsonl-no-text', { 'feed.jsonl': body });
    const f = `${folder}/feed.jsonl`;
    expect(outcome).toEqual({
      analyzed: ['a', 'control'],
      skipped: [
        { id: 'e', code: 'E_NO_TEXT', reason: `${f}:1: field "text" is empty` },
        { id: 'w', code: 'E_NO_TEXT', reason: `${f}:2: field "text" is empty` },
        { id: 'm', code: 'E_NO_TEXT', reason: `${f}:3: no "text" field` },
      ],
    });
  });

  it('JSON Lines line nested 100,000 deep: skipped as E_SHAPE, no stack overflow', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const { outcome, folder } = await runCase(dir, 'jsonl-deep', { 'feed.jsonl': `${deep}\n${line({ id: 'a', text: storyText(1) })}\n` });
    expect(outcome).toEqual({
      analyzed: ['a', 'control'],
      skipped: [{ id: `${folder}/feed.jsonl:1`, code: 'E_SHAPE', reason: `${folder}/feed.jsonl:1: the line is a JSON array, not an object` }],
    });
  });

  it('JSON Lines text with lone surrogates and NUL escapes: analyzed, and the report still validates', async () => {
    const { analysis, outcome } = await runCase(dir, 'jsonl-surrogates', {
      'feed.jsonl': `{"id":"s","text":"${CONTROL_TEXT.replaceAll('\n', '\\n')} Broken \\ud800 pair \\udc00 and a \\u0000 NUL."}\n`,
    });
    expect(outcome).toEqual({ analyzed: ['control', 's'], skipped: [] });
    expect(() => buildReport(analysis)).not.toThrow();
  });
});

describe('CSV records', () => {
  it('CSV with quoted newlines, quotes and commas inside a field: one record each, text intact', async () => {
    const text = 'Officials said "no comment", then left.\n\nThe ministry, in a statement, called the drills "a rehearsal for invasion".';
    const csv = `id,outlet,text\nq1,Reuters,"${text.replaceAll('"', '""')}"\nq2,AP,"${storyText(2)}"\n`;
    const { analysis, outcome } = await runCase(dir, 'csv-quoted', { 'feed.csv': csv });
    expect(outcome).toEqual({ analyzed: ['control', 'q1', 'q2'], skipped: [] });
    const q1 = analysis.docs.find((d) => d.id === 'q1');
    expect(q1?.original).toBe(text);
    expect(q1?.source.line).toBe(2);
    expect(analysis.docs.find((d) => d.id === 'q2')?.source.line).toBe(5);
  });

  it('CSV without a text column: the file skipped once as E_NO_TEXT naming its columns', async () => {
    const { outcome, folder } = await runCase(dir, 'csv-no-text', { 'feed.csv': 'id,outlet,body\na,Reuters,Some words here.\n' });
    const f = `${folder}/feed.csv`;
    expect(outcome).toEqual({
      analyzed: ['control'],
      skipped: [{ id: f, code: 'E_NO_TEXT', reason: `${f}:1: the header has no "text" column (columns: id, outlet, body); file not read` }],
    });
  });

  it('CSV with ragged rows: short and long rows skipped as E_CSV with their line, the rest analyzed', async () => {
    const csv = `id,outlet,text\nr1,AP,"${storyText(1)}"\nr2,AP\nr3,AP,"${storyText(3)}",extra\nr4,AP,"${storyText(4)}"\n`;
    const { outcome, folder } = await runCase(dir, 'csv-ragged', { 'feed.csv': csv });
    const f = `${folder}/feed.csv`;
    expect(outcome).toEqual({
      analyzed: ['control', 'r1', 'r4'],
      skipped: [
        // storyText spans 7 lines: r1 is lines 2-8, r2 line 9, r3 from line 10.
        { id: `${f}:9`, code: 'E_CSV', reason: `${f}:9: the row has 2 fields, the header 3; row skipped` },
        { id: `${f}:10`, code: 'E_CSV', reason: `${f}:10: the row has 4 fields, the header 3; row skipped` },
      ],
    });
  });

  it('CSV with invalid UTF-8 in one quoted multi-line row: that row skipped as E_ENCODING, the rows after it still read', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`id,text\nr1,"${storyText(1)}"\nr2,"Caf`),
      Buffer.from([0xe9]),
      Buffer.from(` au lait\nsecond line, with a comma"\nr3,"${storyText(3)}"\n`),
    ]);
    const { outcome, folder } = await runCase(dir, 'csv-bad-utf8', { 'feed.csv': bytes });
    const f = `${folder}/feed.csv`;
    expect(outcome).toEqual({
      analyzed: ['control', 'r1', 'r3'],
      skipped: [{ id: `${f}:9`, code: 'E_ENCODING', reason: expect.stringMatching(new RegExp(`^${f}:9: not valid UTF-8 \\(first bad byte 0xE9 at column 8\\).*; row skipped$`)) }],
    });
  });

  it('CSV with an unclosed quote: the rows before analyzed, the rest reported as not read', async () => {
    const csv = `id,text\nr1,"${storyText(1)}"\nr2,"never closed\nr3,"${storyText(3)}"\n`;
    const { outcome, folder } = await runCase(dir, 'csv-unclosed', { 'feed.csv': csv });
    const f = `${folder}/feed.csv`;
    expect(outcome.analyzed).toEqual(['control', 'r1']);
    expect(outcome.skipped).toHaveLength(1);
    // r1 spans lines 2-8; the unclosed quote opens on line 9.
    expect(outcome.skipped[0]).toMatchObject({ id: `${f}:9`, code: 'E_CSV' });
    expect(outcome.skipped[0]?.reason).toMatch(new RegExp(`^${f}:9: invalid CSV: .*; rows from line 9 on were not read$`));
  });
});

describe('HTML pages', () => {
  it('HTML with no body (head only): skipped as E_HTML saying so', async () => {
    const { outcome, folder } = await runCase(dir, 'html-no-body', { 'page.html': '<!doctype html><html><head><title>Only a title</title><meta charset="utf-8"></head></html>' });
    expect(outcome.analyzed).toEqual(['control']);
    expect(outcome.skipped).toEqual([{ id: 'page', code: 'E_HTML', reason: expect.stringMatching(new RegExp(`^${folder}/page\\.html: no main text found: `)) }]);
  });

  it('HTML frameset nested in a frameset: skipped as E_HTML naming every frame file', async () => {
    const html = '<html><head><title>Frames</title></head><frameset cols="20%,80%"><frame src="menu.html"><frameset rows="50%,50%"><frame src="story.html"><frame src="ads.html"></frameset></frameset></html>';
    const { outcome, folder } = await runCase(dir, 'html-frames', { 'page.html': html });
    expect(outcome).toEqual({
      analyzed: ['control'],
      skipped: [{ id: 'page', code: 'E_HTML', reason: `${folder}/page.html: no main text found: the page is a frameset; its text is in the frame files (menu.html, story.html, ads.html)` }],
    });
  });

  it('HTML with nested iframes around the story: the story analyzed, iframe content never read as text', async () => {
    const paragraphs = CONTROL_TEXT.split('\n\n').map((p) => `<p>${p}</p>`).join('');
    const html = `<html><body><iframe srcdoc="<iframe srcdoc='Ad text inside'></iframe>">Fallback ad</iframe><article>${paragraphs}</article><iframe src="x.html"><iframe>inner</iframe></iframe></body></html>`;
    const { analysis, outcome } = await runCase(dir, 'html-iframes', { 'page.html': html });
    expect(outcome).toEqual({ analyzed: ['control', 'page'], skipped: [] });
    const page = analysis.docs.find((d) => d.id === 'page');
    expect(page?.text).toBe(CONTROL_TEXT);
  });

  it('HTML page that is all navigation: skipped (E_HTML or E_NO_CONTENT), never analyzed as a story', async () => {
    const nav = '<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li><li><a href="/login">Sign in</a></li></ul></nav><footer><a href="/privacy">Privacy policy</a> © 2024 Example News</footer></body></html>';
    const { outcome } = await runCase(dir, 'html-nav', { 'page.html': nav });
    expect(outcome.analyzed).toEqual(['control']);
    expect(outcome.skipped.map((s) => [s.id, s.code])).toEqual([['page', 'E_NO_CONTENT']]);
  });

  it('HTML nested 20,000 elements deep (unclosed tags): analyzed from the body blocks without running Readability, no stack overflow, no hang', async () => {
    const html = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(20_000)}${CONTROL_TEXT.split('\n\n').map((p) => `<p>${p}</p>`).join('')}${'<span>'.repeat(5_000)}</body></html>`;
    const { analysis, outcome, folder } = await runCase(dir, 'html-deep', { 'page.html': html });
    expect(outcome).toEqual({ analyzed: ['control', 'page'], skipped: [] });
    const page = analysis.docs.find((d) => d.id === 'page');
    expect(page?.text).toBe(CONTROL_TEXT);
    expect(ingestDiagnostics(page?.diagnostics).map((d) => d.message)).toEqual([
      `${folder}/page.html: elements nested over 150 deep, too deep for Readability; used all text blocks of the body`,
    ]);
  });

  it('HTML with script, style and hostile markup: only the visible story text is analyzed', async () => {
    const html = `<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><article><h1>Missile launch</h1>${CONTROL_TEXT.split('\n\n').map((p) => `<p>${p}<img src=x onerror="alert(2)"></p>`).join('')}<script>document.write('evil')</script></article></body></html>`;
    const { analysis, outcome } = await runCase(dir, 'html-script', { 'page.html': html });
    expect(outcome).toEqual({ analyzed: ['control', 'page'], skipped: [] });
    const text = analysis.docs.find((d) => d.id === 'page')?.text ?? '';
    expect(text).not.toMatch(/alert|evil|color:red/);
    expect(text).toContain('ballistic missiles');
  });
});

/**
 * Bad-input catalogue, part 1: whole files and encodings. Each case runs the real pipeline
 * (analyze) on a folder holding the bad file and a good control article, and checks the exact
 * outcome of both: nothing crashes, nothing is lost without a skip that says why.
 */
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CONTROL_TEXT, ingestDiagnostics, makeTempDir, runCase } from './helpers.js';

const dir = makeTempDir('files');

const FRENCH = 'Le ministère des Affaires étrangères a déclaré que les exercices menacent la sécurité régionale.\n\nLe porte-parole a ajouté que la France suivait la situation de près. Élève, où êtes-vous ?\n';
const RUSSIAN = 'Министерство иностранных дел заявило, что учения представляют угрозу безопасности региона.\n\nВ заявлении говорится, что Пхеньян ответит на любые провокации.\n';

describe('empty and blank files', () => {
  it('empty .txt file: skipped as E_EMPTY, the control article analyzed', async () => {
    const { outcome, folder } = await runCase(dir, 'empty-txt', { 'empty.txt': '' });
    expect(outcome).toEqual({
      analyzed: ['control'],
      skipped: [{ id: 'empty', code: 'E_EMPTY', reason: `${folder}/empty.txt: empty file (0 bytes)` }],
    });
  });

  it('empty .jsonl and .csv files: each skipped once as E_EMPTY', async () => {
    const { outcome, folder } = await runCase(dir, 'empty-streams', { 'a.jsonl': '', 'b.csv': '' });
    expect(outcome).toEqual({
      analyzed: ['control'],
      skipped: [
        { id: `${folder}/a.jsonl`, code: 'E_EMPTY', reason: `${folder}/a.jsonl: empty file (0 bytes)` },
        { id: `${folder}/b.csv`, code: 'E_EMPTY', reason: `${folder}/b.csv: empty file (0 bytes)` },
      ],
    });
  });

  it('whitespace-only .txt file: skipped as E_EMPTY', async () => {
    const { outcome, folder } = await runCase(dir, 'blank-txt', { 'blank.txt': ' \n\t\r\n\u00a0\n' });
    expect(outcome).toEqual({
      analyzed: ['control'],
      skipped: [{ id: 'blank', code: 'E_EMPTY', reason: `${folder}/blank.txt: only whitespace` }],
    });
  });

  it('JSON Lines file of blank lines: skipped as E_EMPTY', async () => {
    const { outcome, folder } = await runCase(dir, 'blank-jsonl', { 'blank.jsonl': '\n  \n\r\n\n' });
    expect(outcome).toEqual({
      analyzed: ['control'],
      skipped: [{ id: `${folder}/blank.jsonl`, code: 'E_EMPTY', reason: `${folder}/blank.jsonl: no records (only blank lines)` }],
    });
  });

  it('text of zero-width and control characters only: skipped as E_NO_CONTENT after cleaning', async () => {
    const { outcome } = await runCase(dir, 'invisible', { 'invisible.txt': '\u200b\u200c\ufeff\u2060\n\u0007\u0001\n' });
    expect(outcome.analyzed).toEqual(['control']);
    expect(outcome.skipped.map((s) => [s.id, s.code])).toEqual([['invisible', 'E_NO_CONTENT']]);
    expect(outcome.skipped[0]?.reason).toMatch(/^no words left after cleaning/);
  });
});

describe('binary content', () => {
  it('PDF saved as .txt: skipped as E_BINARY naming a PDF', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), Buffer.alloc(64, 0)]);
    const { outcome, folder } = await runCase(dir, 'pdf', { 'report.txt': pdf });
    expect(outcome).toEqual({
      analyzed: ['control'],
      skipped: [{ id: 'report', code: 'E_BINARY', reason: `${folder}/report.txt: looks like a PDF document, not text` }],
    });
  });

  it('PNG saved as .html: skipped as E_BINARY naming a PNG', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    const { outcome, folder } = await runCase(dir, 'png', { 'page.html': png });
    expect(outcome).toEqual({
      analyzed: ['control'],
      skipped: [{ id: 'page', code: 'E_BINARY', reason: `${folder}/page.html: looks like a PNG image, not text` }],
    });
  });

  it('gzip data not named .gz (.jsonl and .txt): skipped as E_BINARY with the rename hint', async () => {
    const gz = gzipSync(`${JSON.stringify({ id: 'inside', text: CONTROL_TEXT })}\n`);
    const { outcome, folder } = await runCase(dir, 'gzip', { 'feed.jsonl': gz, 'story.txt': gz });
    const why = 'looks like gzip-compressed data (name it .jsonl.gz or .csv.gz to read it), not text';
    expect(outcome).toEqual({
      analyzed: ['control'],
      skipped: [
        { id: `${folder}/feed.jsonl`, code: 'E_BINARY', reason: `${folder}/feed.jsonl: ${why}` },
        { id: 'story', code: 'E_BINARY', reason: `${folder}/story.txt: ${why}` },
      ],
    });
  });

  it('random bytes with NULs saved as .md: skipped as E_BINARY naming the NUL offset', async () => {
    const bytes = Buffer.from([0x41, 0x42, 0x00, 0x13, 0xff, 0x00, 0x00, 0x9c, 0x43, 0x01, 0x00, 0x00, 0x7f]);
    const { outcome, folder } = await runCase(dir, 'nul', { 'blob.md': bytes });
    expect(outcome).toEqual({
      analyzed: ['control'],
      skipped: [{ id: 'blob', code: 'E_BINARY', reason: `${folder}/blob.md: looks like binary data (a NUL byte at offset 2), not text` }],
    });
  });
});

describe('text encodings', () => {
  it('UTF-16 LE with a BOM: decoded and analyzed with the same text', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CONTROL_TEXT, 'utf16le')]);
    const { analysis, outcome } = await runCase(dir, 'utf16-bom', { 'wide.txt': bytes });
    expect(outcome).toEqual({ analyzed: ['control', 'wide'], skipped: [] });
    const wide = analysis.docs.find((d) => d.id === 'wide');
    expect(wide?.original).toBe(CONTROL_TEXT);
    expect(ingestDiagnostics(wide?.diagnostics)).toEqual([]);
  });

  it('UTF-16 BE without a BOM: decoded from its NUL pattern, with a warning on the article', async () => {
    const le = Buffer.from(CONTROL_TEXT, 'utf16le');
    const be = Buffer.from(le).swap16();
    const { analysis, outcome, folder } = await runCase(dir, 'utf16-nobom', { 'wide.txt': be });
    expect(outcome).toEqual({ analyzed: ['control', 'wide'], skipped: [] });
    const wide = analysis.docs.find((d) => d.id === 'wide');
    expect(wide?.original).toBe(CONTROL_TEXT);
    expect(ingestDiagnostics(wide?.diagnostics)).toEqual([
      { severity: 'warning', code: 'ingest:encoding', message: `${folder}/wide.txt: no byte-order mark; read as UTF-16BE from its NUL-byte pattern`, file: `${folder}/wide.txt`, line: null },
    ]);
  });

  it('UTF-16 LE JSON Lines with a BOM: every record read', async () => {
    const lines = [1, 2].map((n) => JSON.stringify({ id: `w${n}`, text: `${CONTROL_TEXT} Update ${n}.` })).join('\n');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${lines}\n`, 'utf16le')]);
    const { outcome } = await runCase(dir, 'utf16-jsonl', { 'wide.jsonl': bytes });
    expect(outcome).toEqual({ analyzed: ['control', 'w1', 'w2'], skipped: [] });
  });

  it('Latin-1 text under the default policy: skipped as E_ENCODING naming the line, the guess and the fix', async () => {
    const { outcome, folder } = await runCase(dir, 'latin1-default', { 'fr.txt': iconv.encode(FRENCH, 'latin1') });
    expect(outcome.analyzed).toEqual(['control']);
    expect(outcome.skipped).toHaveLength(1);
    expect(outcome.skipped[0]).toMatchObject({ id: 'fr', code: 'E_ENCODING' });
    expect(outcome.skipped[0]?.reason).toMatch(new RegExp(`^${folder}/fr\\.txt: not valid UTF-8 \\(first bad byte 0xE8 on line 1\\); chardet guesses [\\w-]+; re-run with --encoding auto or --encoding [\\w-]+$`));
  });

  it('Latin-1 text under --encoding auto: decoded with a warning and analyzed', async () => {
    const { analysis, outcome } = await runCase(dir, 'latin1-auto', { 'fr.txt': iconv.encode(FRENCH, 'latin1') }, { encoding: 'auto' });
    expect(outcome).toEqual({ analyzed: ['control', 'fr'], skipped: [] });
    const fr = analysis.docs.find((d) => d.id === 'fr');
    expect(fr?.original).toBe(FRENCH);
    expect(ingestDiagnostics(fr?.diagnostics)[0]).toMatchObject({ severity: 'warning', code: 'ingest:encoding' });
    expect(ingestDiagnostics(fr?.diagnostics)[0]?.message).toMatch(/not valid UTF-8; decoded as (windows-1252|iso-8859-1[05]?) \(guessed by chardet\)$/);
  });

  it('Windows-1251 text: skipped by default naming windows-1251, analyzed as Russian under auto and under the named encoding', async () => {
    const bytes = iconv.encode(RUSSIAN, 'windows-1251');
    const strict = await runCase(dir, 'cp1251-default', { 'ru.txt': bytes });
    expect(strict.outcome.analyzed).toEqual(['control']);
    expect(strict.outcome.skipped.map((s) => [s.id, s.code])).toEqual([['ru', 'E_ENCODING']]);
    expect(strict.outcome.skipped[0]?.reason).toContain('re-run with --encoding auto or --encoding windows-1251');
    for (const encoding of ['auto', 'windows-1251']) {
      const { analysis, outcome } = await runCase(dir, `cp1251-${encoding}`, { 'ru.txt': bytes }, { encoding });
      expect(outcome).toEqual({ analyzed: ['control', 'ru'], skipped: [] });
      const ru = analysis.docs.find((d) => d.id === 'ru');
      expect(ru?.original).toBe(RUSSIAN);
      expect(ru?.language).toBe('ru');
    }
  });

  it('invalid UTF-8 bytes mid-text in a .txt: that article skipped as E_ENCODING naming the line', async () => {
    const bytes = Buffer.concat([Buffer.from(`${CONTROL_TEXT}\nA fourth line, `), Buffer.from([0xc3, 0x28]), Buffer.from(' broken.\n')]);
    const { outcome, folder } = await runCase(dir, 'bad-utf8-txt', { 'broken.txt': bytes });
    expect(outcome.analyzed).toEqual(['control']);
    expect(outcome.skipped.map((s) => [s.id, s.code])).toEqual([['broken', 'E_ENCODING']]);
    expect(outcome.skipped[0]?.reason).toMatch(new RegExp(`^${folder}/broken\\.txt: not valid UTF-8 \\(first bad byte 0xC3 on line 6\\)`));
  });

  it('invalid UTF-8 bytes in one JSON Lines record: that record alone skipped, the file’s other records analyzed', async () => {
    const good = (n: number): string => JSON.stringify({ id: `r${n}`, text: `${CONTROL_TEXT} Update ${n}.` });
    const bytes = Buffer.concat([Buffer.from(`${good(1)}\n{"id":"bad","text":"caf`), Buffer.from([0xe9]), Buffer.from(` au lait"}\n${good(3)}\n${good(4)}\n`)]);
    const { outcome, folder } = await runCase(dir, 'bad-utf8-jsonl', { 'feed.jsonl': bytes });
    expect(outcome).toEqual({
      analyzed: ['control', 'r1', 'r3', 'r4'],
      skipped: [{ id: `${folder}/feed.jsonl:2`, code: 'E_ENCODING', reason: expect.stringMatching(new RegExp(`^${folder}/feed\\.jsonl:2: not valid UTF-8 \\(first bad byte 0xE9 at column 24\\)`)) }],
    });
  });

  it('text with only CR line ends (classic Mac): analyzed, never one unreadable block', async () => {
    const { analysis, outcome } = await runCase(dir, 'cr-only', { 'mac.txt': CONTROL_TEXT.replaceAll('\n\n', '\r') });
    expect(outcome).toEqual({ analyzed: ['control', 'mac'], skipped: [] });
    expect(analysis.docs.find((d) => d.id === 'mac')?.sentences.length).toBe(3);
  });
});

describe('file types', () => {
  it('unsupported extensions (.pdf, .json, none): each skipped as E_UNSUPPORTED with the supported list', async () => {
    const { outcome, folder } = await runCase(dir, 'unsupported', { 'a.pdf': '%PDF-1.4', 'b.json': '{"text":"x"}', README: 'hello' });
    expect(outcome.analyzed).toEqual(['control']);
    expect(outcome.skipped.map((s) => [s.id, s.code])).toEqual([
      [`${folder}/README`, 'E_UNSUPPORTED'],
      [`${folder}/a.pdf`, 'E_UNSUPPORTED'],
      [`${folder}/b.json`, 'E_UNSUPPORTED'],
    ]);
    expect(outcome.skipped[2]?.reason).toBe(`${folder}/b.json: unsupported file type ".json" (write one JSON object per line as .jsonl); framelens reads .txt, .md, .jsonl, .ndjson, .jsonl.gz, .ndjson.gz, .csv, .csv.gz, .html, .htm`);
  });
});

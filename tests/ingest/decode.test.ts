import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeWhole, firstBadUtf8Byte, planDecoding } from '../../src/ingest/decode.js';
import { collect, GOOD_TEXT, makeTempDir, recordsOf, skipsOf } from './fixtures.js';

const dir = makeTempDir('decode');

const RUSSIAN = 'Министерство иностранных дел заявило, что учения представляют угрозу безопасности региона.\nВ заявлении говорится о создании азиатского НАТО.\n';
const FRENCH = 'Le ministère a publié un communiqué.\nLe ministère des Affaires étrangères a déclaré que les exercices menacent la sécurité régionale. Élève, où êtes-vous?\n';

/** Writes a bad file next to a good one in a fresh folder and reads the folder. */
async function withGood(name: string, content: string | Uint8Array, options = {}) {
  const folder = `case-${name.replace(/\W/g, '_')}`;
  dir.write(`${folder}/good.txt`, GOOD_TEXT);
  dir.write(`${folder}/${name}`, content);
  const items = await collect([dir.path(folder)], options);
  const file = `${dir.path(folder)}/${name}`;
  const good = recordsOf(items).find((r) => r.id === 'good');
  expect(good?.text).toBe(GOOD_TEXT);
  return { items, file, records: recordsOf(items).filter((r) => r.id !== 'good'), skips: skipsOf(items) };
}

describe('firstBadUtf8Byte', () => {
  it('finds overlong forms, surrogates and stray continuation bytes', () => {
    expect(firstBadUtf8Byte(Buffer.from('ok ünï', 'utf8'))).toBe(-1);
    expect(firstBadUtf8Byte(Uint8Array.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstBadUtf8Byte(Uint8Array.from([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstBadUtf8Byte(Uint8Array.from([0x80]))).toBe(0);
  });

  it('accepts a sequence cut at the end only when more bytes may follow', () => {
    const cut = Buffer.from('abc€', 'utf8').subarray(0, 5);
    expect(firstBadUtf8Byte(cut, false)).toBe(-1);
    expect(firstBadUtf8Byte(cut, true)).toBe(3);
  });
});

describe('planDecoding', () => {
  it('reads BOM-marked UTF-8 and UTF-16 whatever the policy', () => {
    expect(planDecoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), true, 'windows-1251', 'f')).toMatchObject({ ok: true, encoding: 'utf-8', skipBytes: 3 });
    expect(planDecoding(Uint8Array.from([0xff, 0xfe, 0x61, 0]), true, 'utf-8', 'f')).toMatchObject({ ok: true, encoding: 'utf-16le', skipBytes: 2 });
    expect(planDecoding(Uint8Array.from([0xfe, 0xff, 0, 0x61]), true, 'utf-8', 'f')).toMatchObject({ ok: true, encoding: 'utf-16be', skipBytes: 2 });
  });

  it('uses a named encoding for bytes without a BOM', () => {
    const decoded = decodeWhole(iconv.encode(RUSSIAN, 'windows-1251'), 'windows-1251', 'f.txt');
    expect(decoded).toEqual({ ok: true, text: RUSSIAN, diagnostics: [] });
  });
});

describe('reading files of every encoding', () => {
  it('skips an empty file with E_EMPTY', async () => {
    const { skips, file } = await withGood('empty.txt', '');
    expect(skips).toEqual([{ id: 'empty', source: { file, line: null, format: 'txt' }, code: 'E_EMPTY', reason: `${file}: empty file (0 bytes)` }]);
  });

  it('skips a whitespace-only file with E_EMPTY', async () => {
    const { skips, file } = await withGood('blank.md', ' \n\t\r\n  \n');
    expect(skips).toEqual([{ id: 'blank', source: { file, line: null, format: 'md' }, code: 'E_EMPTY', reason: `${file}: only whitespace` }]);
  });

  it.each([
    ['report.txt', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3])]), 'a PDF document'],
    ['image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'a PNG image'],
    ['photo.md', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'a JPEG image'],
    ['packed.jsonl', gzipSync('{"text":"hidden"}\n'), 'gzip-compressed data'],
    ['archive.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0]), 'a ZIP archive'],
    ['nul.txt', Buffer.from([0x61, 0x62, 0, 0, 0x63, 0x10, 0x00, 0x00, 0x00, 0x05]), 'binary data (a NUL byte at offset 2)'],
  ])('skips %s as E_BINARY naming what it looks like', async (name, bytes, what) => {
    const { skips, file } = await withGood(name, bytes);
    expect(skips).toHaveLength(1);
    expect(skips[0]?.code).toBe('E_BINARY');
    expect(skips[0]?.reason).toContain(`${file}: looks like ${what}`);
  });

  it('strips a UTF-8 byte-order mark', async () => {
    const { records } = await withGood('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Привет, мир')]));
    expect(records[0]?.text).toBe('Привет, мир');
  });

  it('decodes UTF-16 LE and BE with a BOM', async () => {
    const le = await withGood('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello, Ünïcode — 世界', 'utf16le')]));
    expect(le.records[0]?.text).toBe('Hello, Ünïcode — 世界');
    expect(le.records[0]?.diagnostics).toBeUndefined();
    const beBytes = Buffer.from('Hello, Ünïcode — 世界', 'utf16le').swap16();
    const be = await withGood('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), beBytes]));
    expect(be.records[0]?.text).toBe('Hello, Ünïcode — 世界');
  });

  it('detects UTF-16 without a BOM from its NUL bytes and warns that it guessed', async () => {
    const text = 'North Korea said the drills were a threat. Северная Корея заявила.';
    const le = await withGood('nobom-le.txt', Buffer.from(text, 'utf16le'));
    expect(le.skips).toEqual([]);
    expect(le.records[0]?.text).toBe(text);
    expect(le.records[0]?.diagnostics?.[0]).toMatchObject({ severity: 'warning', code: 'ingest:encoding' });
    expect(le.records[0]?.diagnostics?.[0]?.message).toContain('UTF-16LE');
    const be = await withGood('nobom-be.txt', Buffer.from(text, 'utf16le').swap16());
    expect(be.records[0]?.text).toBe(text);
  });

  it('skips Windows-1251 under the default policy, naming the line, the guess and the fix', async () => {
    const { skips, records, file } = await withGood('ru.txt', iconv.encode(`Pyongyang, June 30\n${RUSSIAN}`, 'windows-1251'));
    expect(records).toEqual([]);
    expect(skips).toHaveLength(1);
    expect(skips[0]).toMatchObject({ id: 'ru', code: 'E_ENCODING' });
    expect(skips[0]?.reason).toBe(
      `${file}: not valid UTF-8 (first bad byte 0xCC on line 2); chardet guesses windows-1251; re-run with --encoding auto or --encoding windows-1251`,
    );
  });

  it('skips Latin-1 under the default policy with the line of the first bad byte', async () => {
    const { skips } = await withGood('fr.txt', iconv.encode(FRENCH, 'latin1'));
    expect(skips[0]?.code).toBe('E_ENCODING');
    expect(skips[0]?.reason).toContain('first bad byte 0xE8 on line 1');
    expect(skips[0]?.reason).toContain('--encoding windows-1252');
  });

  it('decodes Windows-1251 and Latin-1 under auto and warns naming the encoding', async () => {
    const ru = await withGood('ru-auto.txt', iconv.encode(RUSSIAN, 'windows-1251'), { encoding: 'auto' });
    expect(ru.records[0]?.text).toBe(RUSSIAN);
    expect(ru.records[0]?.text).toContain('Министерство');
    expect(ru.records[0]?.diagnostics).toEqual([
      { severity: 'warning', code: 'ingest:encoding', message: `${ru.file}: not valid UTF-8; decoded as windows-1251 (guessed by chardet)`, file: ru.file, line: null },
    ]);
    const fr = await withGood('fr-auto.txt', iconv.encode(FRENCH, 'latin1'), { encoding: 'auto' });
    expect(fr.records[0]?.text).toBe(FRENCH);
    expect(fr.records[0]?.diagnostics?.[0]?.message).toContain('windows-1252');
  });

  it('decodes every file with an explicit encoding', async () => {
    const { records } = await withGood('ru-named.txt', iconv.encode(RUSSIAN, 'windows-1251'), { encoding: 'windows-1251' });
    expect(records[0]?.text).toBe(RUSSIAN);
  });

  it('reads valid UTF-8 untouched under auto', async () => {
    const { records } = await withGood('utf8-auto.txt', RUSSIAN, { encoding: 'auto' });
    expect(records[0]).toMatchObject({ text: RUSSIAN });
    expect(records[0]?.diagnostics).toBeUndefined();
  });

  it('skips UTF-8 that breaks mid-text, naming the line of the bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('First line is fine.\nSecond too: ünï.\nThird has '), Buffer.from([0xff]), Buffer.from(' a stray byte.\n')]);
    const { skips } = await withGood('broken.txt', bytes);
    expect(skips[0]?.code).toBe('E_ENCODING');
    expect(skips[0]?.reason).toContain('first bad byte 0xFF on line 3');
  });

  it('rejects an unknown encoding name as a usage error', async () => {
    await expect(collect([dir.path('none')], { encoding: 'klingon-8' })).rejects.toThrow(/unknown encoding "klingon-8"/);
  });
});

describe('streamed files in legacy encodings', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ id: `r${i + 1}`, text: `${RUSSIAN} №${i + 1}` })).join('\n');

  it('skips a Windows-1251 JSON Lines file under the default policy and decodes it under auto', async () => {
    const bytes = iconv.encode(lines(3), 'windows-1251');
    const strict = await withGood('ru.jsonl', bytes);
    expect(strict.skips.map((s) => s.code)).toEqual(['E_ENCODING']);
    expect(strict.skips[0]?.reason).toContain('--encoding windows-1251');
    const auto = await withGood('ru-auto.jsonl', bytes, { encoding: 'auto' });
    expect(auto.records.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(auto.records[2]?.text).toBe(`${RUSSIAN} №3`);
    expect(auto.records[0]?.diagnostics?.[0]?.message).toContain('windows-1251');
  });

  it('skips only a bad line in the first 64 KB of a mostly UTF-8 JSON Lines file, naming it, and keeps the rest', async () => {
    const bytes = Buffer.concat([Buffer.from(`${lines(2)}\n{"id":"bad","text":"caf`), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    const { records, skips, file } = await withGood('early.jsonl', bytes);
    expect(records.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(skips).toHaveLength(1);
    expect(skips[0]).toMatchObject({ id: `${file}:3`, code: 'E_ENCODING', source: { file, line: 3, format: 'jsonl' } });
    expect(skips[0]?.reason).toContain(`${file}:3: not valid UTF-8 (first bad byte 0xE9 at column 24)`);
  });

  it('skips a JSON Lines file whose lines are mostly not UTF-8 once, naming the first bad line', async () => {
    const bytes = Buffer.concat([Buffer.from('{"id":"a","text":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n{"id":"b","text":"na'), Buffer.from([0xef]), Buffer.from('ve"}\n')]);
    const { records, skips, file } = await withGood('legacy.jsonl', bytes);
    expect(records).toEqual([]);
    expect(skips).toHaveLength(1);
    expect(skips[0]).toMatchObject({ id: file, code: 'E_ENCODING', source: { file, line: null, format: 'jsonl' } });
    expect(skips[0]?.reason).toContain('first bad byte 0xE9 on line 1');
  });

  it('skips only a bad line past the first 64 KB of a UTF-8 JSON Lines file and keeps the rest', async () => {
    const filler = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `f${i + 1}`, text: 'x'.repeat(300) })).join('\n');
    const bytes = Buffer.concat([Buffer.from(`${filler}\n{"id":"bad","text":"caf`), Buffer.from([0xe9]), Buffer.from('"}\n{"id":"after","text":"still read"}\n')]);
    const { records, skips, file } = await withGood('late.jsonl', bytes);
    expect(records).toHaveLength(301);
    expect(records.at(-1)?.id).toBe('after');
    expect(skips).toHaveLength(1);
    expect(skips[0]).toMatchObject({ id: `${file}:301`, code: 'E_ENCODING', source: { file, line: 301, format: 'jsonl' } });
    expect(skips[0]?.reason).toContain(`${file}:301: not valid UTF-8 (first bad byte 0xE9 at column 24)`);
  });

  it('decodes a bad line past the first 64 KB under auto, with a warning on that record', async () => {
    const filler = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `f${i + 1}`, text: 'x'.repeat(300) })).join('\n');
    const late = iconv.encode(JSON.stringify({ id: 'ru', text: RUSSIAN }), 'windows-1251');
    const { records, skips, file } = await withGood('late-auto.jsonl', Buffer.concat([Buffer.from(`${filler}\n`), late]), { encoding: 'auto' });
    expect(skips).toEqual([]);
    const ru = records.find((r) => r.id === 'ru');
    expect(ru?.text).toBe(RUSSIAN);
    expect(ru?.diagnostics?.[0]).toMatchObject({ severity: 'warning', code: 'ingest:encoding', file, line: 301 });
    expect(records.find((r) => r.id === 'f1')?.diagnostics).toBeUndefined();
  });

  it('reads UTF-16 JSON Lines with a BOM through the stream', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${lines(2)}\n`, 'utf16le')]);
    const { records } = await withGood('wide.jsonl', bytes);
    expect(records.map((r) => r.text)).toEqual([`${RUSSIAN} №1`, `${RUSSIAN} №2`]);
  });
});

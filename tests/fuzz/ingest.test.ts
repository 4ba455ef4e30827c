/**
 * Property-based fuzzing of ingest: random bytes and mangled records written as files of every
 * supported type. For any content, reading never throws, every file yields at least one item
 * (a record or a skip with a known code and a reason naming the file), every JSON Lines line
 * that is not blank yields exactly one item, and records stay within the limits.
 */
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SKIP_CODES } from '../../src/doc/types.js';
import { readInputs, SUPPORTED_EXTENSIONS, type IngestItem } from '../../src/ingest/index.js';
import { extractHtml } from '../../src/ingest/html.js';
import { analyze } from '../../src/pipeline/index.js';
import { tempDir } from '../tmp.js';

const root = tempDir('fuzz-ingest');
let runId = 0;

async function collect(inputs: string[], options = {}): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(inputs, options)) items.push(item);
  return items;
}

function fileOf(item: IngestItem): string {
  return item.kind === 'record' ? item.record.source.file : item.skip.source.file;
}

/** Bytes that look like the inputs people feed in: text, JSON, CSV, markup, BOMs, binary magic, junk. */
const PIECES = [
  '{"id":"a","text":"North Korea fired two missiles."}', '{"text":', '"}', '[1,2]', 'null', '{"id":5,"text":"x","outlet":7}', 'id,text\n', 'a,"quoted\nline"\n', '"', ',', '\n', '\r\n',
  '<html><body><p>Story text here.</p></body></html>', '<frameset><frame src="a.html"></frameset>', '<p>', '</div>', '&amp;', 'Пхеньян', '북한', '😀', '\u0000', '\ufeff',
];
const bytesArb = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.array(fc.oneof(fc.constantFrom(...PIECES).map((s) => Buffer.from(s)), fc.uint8Array({ maxLength: 8 }), fc.constantFrom(Buffer.from([0xff, 0xfe]), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0x1f, 0x8b]), Buffer.from('%PDF-'), Buffer.from([0xe9]), Buffer.from([0xc3]))), { maxLength: 40 })
    .map((parts) => Buffer.concat(parts)),
);
const extArb = fc.constantFrom(...SUPPORTED_EXTENSIONS, '.json', '.pdf', '');

describe('readInputs under fuzzing', () => {
  it('random bytes as files of every type: never throws, every file accounted for, every skip coded and explained', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(bytesArb, extArb), { minLength: 1, maxLength: 5 }), fc.constantFrom('utf-8', 'auto'), async (files, encoding) => {
        const folder = join(root, `bytes-${++runId}`);
        const names = files.map(([bytes, ext], i) => {
          const name = `f${i}${ext}`;
          writeFileWithParents(join(folder, name), bytes);
          return `${folder}/${name}`;
        });
        const items = await collect([folder], { encoding, maxArticleChars: 5_000 });
        for (const name of names) expect(items.some((item) => fileOf(item) === name), `${name} produced nothing`).toBe(true);
        for (const item of items) {
          if (item.kind === 'skip') {
            expect(Object.keys(SKIP_CODES)).toContain(item.skip.code);
            expect(item.skip.reason).toContain(item.skip.source.file);
          } else {
            expect(typeof item.record.text).toBe('string');
            expect(item.record.text.trim()).not.toBe('');
            expect(item.record.text.length).toBeLessThanOrEqual(5_000);
          }
        }
      }),
      { numRuns: 80, seed: 314 },
    );
  });

  it('JSON Lines with random lines (valid, broken, wrong shapes, bad bytes): exactly one item per non-blank line, in line order', async () => {
    const lineArb = fc.oneof(
      fc.record({ id: fc.string({ maxLength: 8 }), text: fc.string({ maxLength: 40 }) }).map((r) => Buffer.from(JSON.stringify(r))),
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
      fc.string({ maxLength: 30 }).map((s) => Buffer.from(s.replace(/[\r\n]/g, ' '))),
      fc.uint8Array({ maxLength: 20 }).map((b) => Buffer.from(b.map((x) => (x === 0x0a || x === 0x0d || x === 0 ? 0x20 : x)))),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 25 }), async (lines) => {
        const file = join(root, `lines-${++runId}.jsonl`);
        // A leading plain record keeps the head from looking like UTF-16 or binary.
        const all = [Buffer.from('{"id":"first","text":"A plain first record."}'), ...lines];
        writeFileSync(file, Buffer.concat(all.flatMap((l) => [l, Buffer.from('\n')])));
        const items = await collect([file]);
        const expected = all.flatMap((l, i) => (isBlankLine(l) ? [] : [i + 1]));
        const byLine = items.map((item) => (item.kind === 'record' ? item.record.source.line : item.skip.source.line));
        if (byLine.length === 1 && byLine[0] === null) {
          // The whole file was refused at once (mostly not UTF-8): one skip that says why.
          expect(items[0]).toMatchObject({ kind: 'skip', skip: { code: 'E_ENCODING' } });
        } else expect(byLine).toEqual(expected);
      }),
      { numRuns: 100, seed: 2718 },
    );
  });
});

/** Blank as the reader sees it: valid UTF-8 that trims to nothing (a bad byte is a line with a skip). */
function isBlankLine(bytes: Uint8Array): boolean {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).trim() === '';
  } catch {
    return false;
  }
}

function writeFileWithParents(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

describe('extractHtml under fuzzing', () => {
  it('any markup soup: never throws, and a found text is never empty', () => {
    const tag = fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<html>', '<body>', '</body>', '<frameset>', '<frame src="x">', '<iframe>', '<script>', '</script>', '<br>', '<!--', '-->', '<', '>', '&', '<table><tr><td>', '<nav>', '<article>', '<h1>');
    const soup = fc.array(fc.oneof(tag, fc.string({ maxLength: 20 })), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(soup, (html) => {
        const page = extractHtml(html, 'fuzz.html');
        if (page.ok) expect(page.text.trim()).not.toBe('');
        else expect(page.code).toBe('E_HTML');
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});

describe('the whole pipeline under fuzzing', () => {
  it('random files through analyze: never throws, and every record is analyzed or skipped with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(bytesArb, fc.constantFrom('.txt', '.jsonl', '.csv', '.html')), { minLength: 1, maxLength: 3 }), async (files) => {
        const folder = join(root, `run-${++runId}`);
        files.forEach(([bytes, ext], i) => writeFileWithParents(join(folder, `f${i}${ext}`), bytes));
        const items = await collect([folder]);
        const analysis = await analyze({ inputs: [folder] });
        // Ingest's records each end analyzed or as a skip (E_NO_CONTENT, E_ANALYZE); ingest's skips pass through.
        expect(analysis.docs.length + analysis.skips.length).toBe(items.length);
        for (const doc of analysis.docs) expect(doc.tokens.length).toBeGreaterThan(0);
      }),
      { numRuns: 25, seed: 1618 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { buildDoc, recordFromText } from '../../src/pipeline/build-doc.js';
import { analyzeDoc } from '../../src/frames/index.js';
import { coreFromEntry, membershipPiece, putEntry, putEntryLine, putEntryTail, type PutText } from '../../src/pipeline/entry.js';
import type { ByteRef } from '../../src/pipeline/spill.js';
import { articleRecord } from '../../src/report/build.js';
import { ArticleSchema } from '../../src/report/schema.js';
import { reportElement, type ReportSink } from '../../src/report/stream.js';

// Non-ASCII text throughout: the pieces are cut by byte length, not by character.
const TEXT = 'Pyongyang — Le ministère a dénoncé « l’OTAN asiatique ». The Foreign Ministry said on Sunday that the “Asian NATO” threatens peace. 北朝鮮 🚀';

function doc(): ReturnType<typeof buildDoc> {
  const d = buildDoc(recordFromText('a1', TEXT, { outlet: 'KCNA', published: '2024-06-30' }));
  analyzeDoc(d);
  return d;
}

const expected = (d: ReturnType<typeof doc>, m: Parameters<typeof articleRecord>[1], includeText: boolean, layers = d.layers): string =>
  reportElement(ArticleSchema.parse(articleRecord({ ...d, layers, words: d.tokens.length }, m, includeText)));

/** The bytes a writer puts, as one Buffer. */
function written(write: (put: PutText) => unknown): Buffer {
  const parts: Buffer[] = [];
  write((s) => parts.push(Buffer.from(s)) && parts.at(-1)!.length);
  return Buffer.concat(parts);
}

const lineOf = (d: ReturnType<typeof doc>): Buffer => written((put) => putEntryLine(put, d));

/**
 * The entry `putEntry` makes from a spilled line (and a later tail), through a small sink whose buffer
 * already holds other bytes, so that positions inside it are exercised too.
 */
function composed(line: Buffer, membership: Buffer, includeText: boolean, tail: Buffer | null): string {
  const files = new Map<string, Buffer>([
    ['line', Buffer.concat([Buffer.from('before\n'), line])],
    ['tail', tail ?? Buffer.alloc(0)],
  ]);
  const reader = { into: (ref: ByteRef, buf: Uint8Array, at: number) => void buf.set(files.get(ref.file)!.subarray(ref.offset, ref.offset + ref.length), at) };
  let buf = Buffer.from('prefix');
  let used = buf.length;
  const sink: ReportSink = {
    write: () => {
      throw new Error('not used');
    },
    room(n) {
      if (used + n > buf.length) buf = Buffer.concat([buf.subarray(0, used), Buffer.alloc(used + n - buf.length + 3)]);
      return { buf, at: used };
    },
    commit(end) {
      used = end;
    },
  };
  putEntry(sink, reader, { file: 'line', offset: 7, length: line.length }, membership, includeText, tail ? { file: 'tail', offset: 0, length: tail.length } : null);
  expect(buf.subarray(0, 6).toString()).toBe('prefix');
  return buf.subarray(6, used).toString('utf8');
}

describe('spilled article entries', () => {
  it('join to the bytes of the validated report entry, with and without text and membership', () => {
    const d = doc();
    const line = lineOf(d);
    const membership = { story: 's1', event: 'e1', cohesion: 0.8125 };
    for (const includeText of [true, false]) {
      expect(composed(line, membershipPiece(membership), includeText, null)).toBe(expected(d, membership, includeText));
      expect(composed(line, membershipPiece(null), includeText, null)).toBe(expected(d, null, includeText));
    }
  });

  it('take findings made later (deferred framing) in place of the spilled ones', () => {
    const bare = buildDoc(recordFromText('a1', TEXT, { outlet: 'KCNA', published: '2024-06-30' }));
    const line = lineOf(bare);
    const framed = doc();
    const tail = written((put) => putEntryTail(put, framed));
    expect(Object.keys(framed.layers).length).toBeGreaterThan(0);
    for (const includeText of [true, false]) expect(composed(line, membershipPiece(null), includeText, tail)).toBe(expected(framed, null, includeText));
  });

  it('count the bytes of each piece as UTF-8, so the lengths at the end of the line cut it where the fields meet', () => {
    const d = doc();
    const line = lineOf(d).toString('utf8');
    const [entry, lengths] = [line.slice(0, line.lastIndexOf('|')), line.slice(line.lastIndexOf('|') + 1)];
    const [a, w] = lengths.split(',').map(Number) as [number, number];
    const bytes = Buffer.from(entry);
    expect(bytes.subarray(a, a + w).toString()).toBe(`"words":${d.tokens.length},`);
    expect(lengths.endsWith(`,${d.language}`)).toBe(true);
  });

  it('refuse a line spilled in the earlier layout (lengths first), even when a text in it holds a "|" and numbers', () => {
    const d = buildDoc(recordFromText('a1', `${TEXT} Score | 1,2,3,4,en`, { outlet: 'KCNA' }));
    const line = lineOf(d).toString('utf8');
    const at = line.lastIndexOf('|');
    const earlier = Buffer.from(`${line.slice(at + 1)}|${line.slice(0, at)}`);
    expect(() => coreFromEntry(earlier)).toThrow(/without its lengths/);
  });

  it('give back the article a story task needs: text, offsets, sentences, metadata, findings', () => {
    const d = doc();
    const core = coreFromEntry(lineOf(d));
    expect(core).toEqual({
      id: d.id,
      source: d.source,
      text: d.text,
      map: d.map,
      removed: d.removed,
      paragraphs: d.paragraphs,
      sentences: d.sentences,
      language: d.language,
      meta: JSON.parse(JSON.stringify(d.meta)),
      extra: d.extra,
      diagnostics: d.diagnostics,
      layers: JSON.parse(JSON.stringify(d.layers)),
      words: d.tokens.length,
    });
  });
});

/**
 * report.json written piece by piece, for runs too large to hold (or to
 * stringify: V8 strings stop at about 512 MB) as one object. The bytes are those
 * of `reportJson(report)`. Layout: the head (framelens, options, inputs,
 * summary) indented for reading, then each top-level array with one compact
 * element per line, so that a report of 10^5 articles is half the size an
 * indented one would be, and line tools (`grep`, `sed -n`, `jq -c` on a slice)
 * reach one article, event or comparison without parsing the whole file. The
 * producer validates each element with its schema (ArticleSchema,
 * StorySchema, EventSchema, MembershipSchema, ComparisonSchema); the head
 * is validated here.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { ReportSchema, type Report } from './schema.js';

export type ReportHead = Pick<Report, 'framelens' | 'options' | 'inputs' | 'summary'>;
export const REPORT_SECTIONS = ['articles', 'stories', 'events', 'memberships', 'comparisons'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/**
 * Each element a string made by `reportElement` (or several, already joined by ",\n"), the same bytes
 * in pieces, or a function that puts them into the sink itself (spilled pieces are read straight into
 * the sink's buffer, never decoded or copied through a Buffer of their own).
 */
export type SectionPiece = string | readonly Uint8Array[] | ((out: ReportSink) => void);
export type SectionSource = Iterable<SectionPiece> | AsyncIterable<SectionPiece>;

/**
 * Where report.json's bytes go: one buffer, written to the file when full. `room` lends the free end
 * of that buffer to a reader (readSync straight into it), `commit` keeps what the reader put there.
 */
export interface ReportSink {
  write(s: string | Uint8Array): void;
  /** At least `n` free bytes from `at` on in `buf` (the buffer is flushed, or grown, to make room). */
  room(n: number): { buf: Buffer; at: number };
  /** The buffer now holds bytes up to `end` (a position in the buffer `room` gave). */
  commit(end: number): void;
}

const HeadSchema = ReportSchema.pick({ framelens: true, options: true, inputs: true, summary: true });

/** An element of a top-level array of report.json: one compact line, indented under its array. */
export function reportElement(value: unknown): string {
  return `    ${JSON.stringify(value)}`;
}

/** The head of report.json up to the first array, and each array's opening and closing text: shared by `reportJson` and the stream. */
export function headText(head: ReportHead): string {
  const lines = (['framelens', 'options', 'inputs', 'summary'] as const).map((key) => `  ${JSON.stringify(key)}: ${JSON.stringify(head[key], null, 2).replace(/\n/g, '\n  ')},\n`);
  return `{\n${lines.join('')}`;
}

export function sectionOpen(key: ReportSection): string {
  return `  ${JSON.stringify(key)}: [`;
}

export function sectionClose(key: ReportSection, empty: boolean): string {
  return `${empty ? ']' : '\n  ]'}${key === REPORT_SECTIONS.at(-1) ? '\n}\n' : ',\n'}`;
}

/** Size of the sink's buffer: large writes, few of them (a Buffer.concat per MB cost a copy of every byte). */
const SINK_BYTES = 1 << 22;

/** A buffered, atomic file writer (temporary sibling renamed on close). */
function fileSink(path: string): ReportSink & { close(): void; abort(): void } {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  let buf = Buffer.allocUnsafe(SINK_BYTES);
  let used = 0;
  const put = (b: Uint8Array, from: number, to: number): void => {
    while (from < to) from += writeSync(fd, b, from, to - from);
  };
  const flush = (): void => {
    put(buf, 0, used);
    used = 0;
  };
  const room = (n: number): { buf: Buffer; at: number } => {
    if (used + n > buf.length) {
      flush();
      if (n > buf.length) buf = Buffer.allocUnsafe(n);
    }
    return { buf, at: used };
  };
  return {
    write(s) {
      if (typeof s === 'string') {
        // A UTF-16 unit takes at most 3 bytes in UTF-8.
        if (s.length * 3 <= SINK_BYTES) {
          const r = room(s.length * 3);
          used = r.at + r.buf.write(s, r.at, 'utf8');
        } else {
          flush();
          const b = Buffer.from(s);
          put(b, 0, b.length);
        }
      } else if (s.length <= SINK_BYTES >> 1) {
        const r = room(s.length);
        r.buf.set(s, r.at);
        used = r.at + s.length;
      } else {
        flush();
        put(s, 0, s.length);
      }
    },
    room,
    commit(end) {
      used = end;
    },
    close() {
      flush();
      closeSync(fd);
      renameSync(tmp, path);
    },
    abort() {
      closeSync(fd);
      rmSync(tmp, { force: true });
    },
  };
}

/** Writes report.json from its head and its five arrays, streamed in report order. */
export async function writeReportJsonStream(path: string, head: ReportHead, sections: Record<ReportSection, SectionSource>): Promise<void> {
  const parsed = HeadSchema.parse(head);
  const out = fileSink(path);
  try {
    out.write(headText(parsed));
    for (const key of REPORT_SECTIONS) {
      out.write(sectionOpen(key));
      let first = true;
      for await (const piece of sections[key]) {
        if (typeof piece === 'function') {
          out.write(first ? '\n' : ',\n');
          piece(out);
          first = false;
          continue;
        }
        if (!piece || piece.length === 0) continue;
        out.write(first ? '\n' : ',\n');
        if (typeof piece === 'string') out.write(piece);
        else for (const b of piece) out.write(b);
        first = false;
      }
      out.write(sectionClose(key, first));
    }
    out.close();
  } catch (err) {
    out.abort();
    throw err;
  }
}

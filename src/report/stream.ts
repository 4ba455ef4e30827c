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
 * Each element a string made by `reportElement` (or several, already joined by ",\n"), or the
 * same bytes in pieces (spilled entries are joined without being decoded).
 */
export type SectionPiece = string | readonly Uint8Array[];
export type SectionSource = Iterable<SectionPiece> | AsyncIterable<SectionPiece>;

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

/** A buffered, atomic file writer (temporary sibling renamed on close). */
function fileSink(path: string): { write(s: string | Uint8Array): void; close(): void; abort(): void } {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  let buf: Uint8Array[] = [];
  let size = 0;
  const flush = (): void => {
    if (buf.length) writeSync(fd, Buffer.concat(buf, size));
    buf = [];
    size = 0;
  };
  return {
    write(s) {
      const b = typeof s === 'string' ? Buffer.from(s) : s;
      buf.push(b);
      size += b.length;
      if (size >= 1 << 20) flush();
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

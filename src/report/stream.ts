/**
 * report.json written piece by piece, for runs too large to hold (or to
 * stringify: V8 strings stop at about 512 MB) as one object. The bytes are those
 * of `reportJson(report)` (`JSON.stringify(report, null, 2)` plus a newline):
 * each array element is stringified alone and indented to its depth. The
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

/** Each element a string made by `reportElement` (or several, already joined by ",\n"). */
export type SectionSource = Iterable<string> | AsyncIterable<string>;

const HeadSchema = ReportSchema.pick({ framelens: true, options: true, inputs: true, summary: true });

/** An element of a top-level array of report.json, as `JSON.stringify(report, null, 2)` lays it out (depth 2). */
export function reportElement(value: unknown): string {
  // Stringified inside two arrays, V8 indents it to depth 2 itself (a regex pass over the text cost as much again).
  const s = JSON.stringify([[value]], null, 2);
  return s.slice(6, s.length - 6);
}

/** A buffered, atomic file writer (temporary sibling renamed on close). */
function fileSink(path: string): { write(s: string): void; close(): void; abort(): void } {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  let buf: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (buf.length) writeSync(fd, buf.join(''));
    buf = [];
    size = 0;
  };
  return {
    write(s) {
      buf.push(s);
      size += s.length;
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
    out.write('{\n');
    for (const key of ['framelens', 'options', 'inputs', 'summary'] as const) {
      out.write(`  ${JSON.stringify(key)}: ${JSON.stringify(parsed[key], null, 2).replace(/\n/g, '\n  ')},\n`);
    }
    for (const [i, key] of REPORT_SECTIONS.entries()) {
      out.write(`  ${JSON.stringify(key)}: [`);
      let first = true;
      for await (const piece of sections[key]) {
        if (!piece) continue;
        out.write(first ? `\n${piece}` : `,\n${piece}`);
        first = false;
      }
      out.write(first ? ']' : '\n  ]');
      out.write(i === REPORT_SECTIONS.length - 1 ? '\n}\n' : ',\n');
    }
    out.close();
  } catch (err) {
    out.abort();
    throw err;
  }
}

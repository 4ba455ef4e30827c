/** CSV with a header row (.csv, .csv.gz), streamed through csv-parse; quoted newlines work. */
import { parse } from 'csv-parse';
import { META_FIELDS, type Diagnostic, type SkipCode, type SourceRef } from '../doc/types.js';
import { recordFromFields, setField, skip } from './fields.js';
import type { InputMeter } from './bytes.js';
import type { IngestOptions } from './options.js';
import { openLines, type TextLine } from './stream.js';
import type { IngestItem } from './types.js';
import { describeFsError } from './walk.js';

/** Text handed to the parser at a time. */
const BATCH_CHARS = 64 * 1024;

export type CsvEvent =
  /** `problem`: a line of the row could not be decoded; the row is read (so the rows after it stay in step) but must be skipped. */
  | { kind: 'row'; fields: string[]; line: number; diagnostics: Diagnostic[]; problem?: { code: SkipCode; reason: string } }
  /** The file cannot be read on from `line`: nothing follows. */
  | { kind: 'stop'; line: number; code: SkipCode; reason: string };

function newlinesIn(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Rows of decoded lines, each with the line it starts on. csv-parse runs synchronously inside
 * `write`, and `on_record` collects rows there, so rows before a syntax error in the same batch
 * are kept (its stream interface would drop them). Read errors propagate.
 */
export async function* csvRows(lines: AsyncIterable<TextLine>, file: string, maxRecordChars: number): AsyncGenerator<CsvEvent> {
  const done: { fields: string[]; endLine: number }[] = [];
  const parser = parse({
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: maxRecordChars,
    on_record: (fields: string[], context) => {
      done.push({ fields, endLine: context.lines });
      return null;
    },
  });
  parser.on('error', () => undefined); // read through `parser.errored` after each write
  let lastEnd = 0;
  let pending: Diagnostic[] = [];
  /** Lines that were not valid text, by line number: the row holding one is skipped. */
  const badLines = new Map<number, { code: SkipCode; reason: string }>();

  function* drain(): Generator<CsvEvent> {
    for (const row of done.splice(0)) {
      lastEnd = row.endLine;
      const start = row.endLine - newlinesIn(row.fields);
      let problem: { code: SkipCode; reason: string } | undefined;
      for (const [bad, why] of badLines) {
        if (bad > row.endLine) continue;
        badLines.delete(bad);
        problem ??= why;
      }
      // A line of spaces is one empty-looking field, not a row.
      if (!problem && row.fields.length === 1 && (row.fields[0] ?? '').trim() === '') continue;
      yield problem ? { kind: 'row', fields: row.fields, line: start, diagnostics: pending, problem } : { kind: 'row', fields: row.fields, line: start, diagnostics: pending };
      pending = [];
    }
  }
  const failure = (): CsvEvent | null => {
    const error = parser.errored as (Error & { code?: string }) | null;
    if (!error) return null;
    const from = lastEnd + 1;
    const code: SkipCode = error.code === 'CSV_MAX_RECORD_SIZE' ? 'E_TOO_LARGE' : 'E_CSV';
    return { kind: 'stop', line: from, code, reason: `${file}:${from}: invalid CSV: ${error.message}; rows from line ${from} on were not read` };
  };

  let batch = '';
  try {
    for await (const line of lines) {
      if (!line.ok && line.lossy !== undefined) {
        // Undecodable bytes: parse the line with U+FFFD in their place so quoting stays in step, and skip its row.
        badLines.set(line.line, { code: line.code, reason: line.reason });
        batch += `${line.lossy}\n`;
      } else if (!line.ok) {
        if (batch) parser.write(batch);
        yield* drain();
        yield failure() ?? { kind: 'stop', line: line.line, code: line.code, reason: `${line.reason}; rows from line ${lastEnd + 1} on were not read` };
        return;
      } else {
        pending.push(...line.diagnostics);
        batch += `${line.text}\n`;
      }
      if (batch.length >= BATCH_CHARS) {
        parser.write(batch);
        batch = '';
        yield* drain();
        const stop = failure();
        if (stop) {
          yield stop;
          return;
        }
      }
    }
    if (batch) parser.write(batch);
    if (!parser.errored) parser.end();
    yield* drain();
    const stop = failure();
    if (stop) yield stop;
  } finally {
    parser.destroy();
  }
}

/** The header: names as written, known names matched case-insensitively, blanks named by position. */
export function headerNames(fields: readonly string[]): { names: string[] } | { problem: string } {
  const known = new Map<string, string>(['id', 'text', ...META_FIELDS].map((name) => [name, name]));
  const names = fields.map((raw, i) => {
    const name = raw.trim();
    return known.get(name.toLowerCase()) ?? (name === '' ? `column${i + 1}` : name);
  });
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) return { problem: `the header names column "${name}" twice` };
    seen.add(name);
  }
  return { names };
}

export async function* readCsv(path: string, gz: boolean, file: string, options: IngestOptions, meter?: InputMeter): AsyncGenerator<IngestItem> {
  const fileSource: SourceRef = { file, line: null, format: 'csv' };
  const opened = await openLines(path, gz, file, options, meter);
  if (!opened.ok) {
    yield skip(file, fileSource, opened.code, opened.reason);
    return;
  }
  let header: string[] | null = null;
  let yielded = false;
  let lastLine = 0;
  // A text somewhat over maxArticleChars still gets its own E_TOO_LARGE; far over, the parser stops.
  const rows = csvRows(opened.lines, file, options.maxArticleChars * 2 + 1024 * 1024);
  try {
    for await (const event of rows) {
      lastLine = event.line;
      const source: SourceRef = { file, line: event.line, format: 'csv' };
      const where = `${file}:${event.line}`;
      if (event.kind === 'stop') {
        yielded = true;
        yield skip(where, source, event.code, event.reason);
        break;
      }
      if (event.problem) {
        yielded = true;
        if (header === null) {
          yield skip(file, fileSource, event.problem.code, `${event.problem.reason}; the header row cannot be read, file not read`);
          break;
        }
        yield skip(where, source, event.problem.code, `${event.problem.reason}; row skipped`);
        continue;
      }
      if (header === null) {
        const parsed = headerNames(event.fields);
        if ('problem' in parsed || !parsed.names.includes('text')) {
          const [code, why]: [SkipCode, string] = 'problem' in parsed
            ? ['E_CSV', parsed.problem]
            : ['E_NO_TEXT', `the header has no "text" column (columns: ${parsed.names.join(', ')})`];
          yielded = true;
          yield skip(file, fileSource, code, `${where}: ${why}; file not read`);
          break;
        }
        header = parsed.names;
        continue;
      }
      yielded = true;
      if (event.fields.length !== header.length) {
        yield skip(where, source, 'E_CSV', `${where}: the row has ${event.fields.length} fields, the header ${header.length}; row skipped`);
        continue;
      }
      const obj: Record<string, unknown> = {};
      header.forEach((name, i) => setField(obj, name, event.fields[i]));
      yield recordFromFields(obj, source, where, [...opened.diagnostics, ...event.diagnostics]);
    }
  } catch (error) {
    yielded = true;
    yield skip(file, fileSource, 'E_READ', `${file}: read failed after line ${lastLine}: ${describeFsError(error)}; the rows before were read`);
  } finally {
    await rows.return(undefined);
  }
  if (!yielded) yield skip(file, fileSource, 'E_EMPTY', header ? `${file}: a header row but no records` : `${file}: no rows`);
}

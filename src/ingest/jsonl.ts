/** JSON Lines (.jsonl, .ndjson, and .gz): one JSON object a line, streamed. */
import type { SourceRef } from '../doc/types.js';
import { kindOf, recordFromFields, skip } from './fields.js';
import type { InputMeter } from './bytes.js';
import type { IngestOptions } from './options.js';
import { openLines } from './stream.js';
import type { IngestItem } from './types.js';
import { describeFsError } from './walk.js';

export async function* readJsonl(path: string, gz: boolean, file: string, options: IngestOptions, meter?: InputMeter): AsyncGenerator<IngestItem> {
  const fileSource: SourceRef = { file, line: null, format: 'jsonl' };
  const opened = await openLines(path, gz, file, options, meter);
  if (!opened.ok) {
    yield skip(file, fileSource, opened.code, opened.reason);
    return;
  }
  let items = 0;
  let lastLine = 0;
  try {
    for await (const line of opened.lines) {
      lastLine = line.line;
      const source: SourceRef = { file, line: line.line, format: 'jsonl' };
      const where = `${file}:${line.line}`;
      if (line.ok && line.text.trim() === '') continue;
      items++;
      if (!line.ok) {
        yield skip(where, source, line.code, line.reason);
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line.text);
      } catch (error) {
        // JSON never holds a raw CR but as whitespace: one inside a bad line is most likely a line end.
        const crHint = line.text.includes('\r') ? '; the line holds carriage returns: are its line ends CR only (old Mac)? Save the file with LF line ends' : '';
        yield skip(where, source, 'E_JSON', `${where}: invalid JSON: ${error instanceof Error ? error.message : String(error)}${crHint}`);
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        yield skip(where, source, 'E_SHAPE', `${where}: the line is a JSON ${kindOf(value)}, not an object`);
        continue;
      }
      yield recordFromFields(value as Record<string, unknown>, source, where, [...opened.diagnostics, ...line.diagnostics]);
    }
  } catch (error) {
    items++;
    yield skip(file, fileSource, 'E_READ', `${file}: read failed after line ${lastLine}: ${describeFsError(error)}; the lines before were read`);
  }
  if (items === 0) yield skip(file, fileSource, 'E_EMPTY', `${file}: no records (only blank lines)`);
}

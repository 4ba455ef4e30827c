/** Streamed formats (JSON Lines, CSV, and their .gz forms): decoded lines, one at a time. */
import type { Diagnostic, SkipCode } from '../doc/types.js';
import { openChunks, peek, type InputMeter } from './bytes.js';
import { decodeUtf8Line, planDecoding, toUtf8Chunks } from './decode.js';
import { splitLines } from './lines.js';
import type { IngestOptions } from './options.js';
import { describeFsError } from './walk.js';

export type TextLine =
  | { ok: true; line: number; text: string; diagnostics: Diagnostic[] }
  /** `lossy`: the line decoded with U+FFFD for bad bytes, for readers that must stay in step (CSV) but skip the record. */
  | { ok: false; line: number; code: SkipCode; reason: string; lossy?: string };

export type OpenedLines =
  | { ok: true; lines: AsyncGenerator<TextLine>; diagnostics: Diagnostic[] }
  | { ok: false; code: SkipCode; reason: string };

/** Enough for chardet and the UTF-16 check; the rest is never held at once. */
const HEAD_BYTES = 64 * 1024;

/**
 * The byte bound of one line: a text at the maxArticleChars limit written with \uXXXX escapes
 * (6 bytes a character) plus 1 MiB for the other fields.
 */
export function maxLineBytes(options: IngestOptions): number {
  return options.maxArticleChars * 6 + 1024 * 1024;
}

export async function openLines(path: string, gz: boolean, file: string, options: IngestOptions, meter?: InputMeter): Promise<OpenedLines> {
  let peeked;
  try {
    peeked = await peek(openChunks(path, gz, meter), HEAD_BYTES);
  } catch (error) {
    const gzip = gz && (error as { code?: unknown }).code === 'Z_DATA_ERROR' ? ' (named .gz but not gzip data?)' : '';
    return { ok: false, code: 'E_READ', reason: `${file}: cannot read: ${describeFsError(error)}${gzip}` };
  }
  const plan = planDecoding(peeked.head, peeked.complete, options.encoding, file, null, true);
  if (!plan.ok) {
    await peeked.close();
    return plan;
  }
  const bound = maxLineBytes(options);
  const chunks = peeked.chunks;
  const decoding = plan;
  async function* lines(): AsyncGenerator<TextLine> {
    for await (const raw of splitLines(toUtf8Chunks(chunks, decoding), bound)) {
      if ('tooLong' in raw) {
        const reason = `${file}:${raw.line}: line is ${raw.tooLong} bytes, over the ${bound}-byte line bound set by maxArticleChars ${options.maxArticleChars}`;
        yield { ok: false, line: raw.line, code: 'E_TOO_LARGE', reason };
      } else if (decoding.encoding === 'utf-8') {
        const decoded = decodeUtf8Line(raw.bytes, options.encoding, file, raw.line);
        yield decoded.ok
          ? { ok: true, line: raw.line, text: decoded.text, diagnostics: decoded.diagnostics }
          : { ok: false, line: raw.line, code: decoded.code, reason: decoded.reason, lossy: raw.bytes.toString('utf8') };
      } else {
        // Re-encoded from the planned encoding: always valid UTF-8.
        yield { ok: true, line: raw.line, text: raw.bytes.toString('utf8'), diagnostics: [] };
      }
    }
  }
  return { ok: true, lines: lines(), diagnostics: plan.diagnostics };
}

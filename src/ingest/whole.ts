/** One-article files read whole (.txt, .md, .html): bounded by maxFileBytes, id = file name without extension. */
import type { Format, RawRecord, SourceRef } from '../doc/types.js';
import { readWhole } from './bytes.js';
import { declaredCharset, decodeWhole } from './decode.js';
import { skip } from './fields.js';
import { idFromFileName } from './formats.js';
import { extractHtml } from './html.js';
import type { IngestOptions } from './options.js';
import type { IngestItem } from './types.js';

export async function readWholeFile(path: string, file: string, format: Format, options: IngestOptions): Promise<IngestItem> {
  const source: SourceRef = { file, line: null, format };
  const id = idFromFileName(file);
  // A .txt/.md of more than 3 bytes a character over maxArticleChars holds too long a text in any
  // encoding read (UTF-8 takes at most 3 bytes per UTF-16 unit): skipped without reading it.
  const textBound = format === 'html' ? Infinity : options.maxArticleChars * 3 + 3;
  const read = await readWhole(path, Math.min(options.maxFileBytes, textBound));
  if (!read.ok && read.code === 'E_TOO_LARGE' && textBound < options.maxFileBytes) {
    const size = read.size ?? 0;
    const reason = `${file}: file is ${size} bytes, so its text is over maxArticleChars ${options.maxArticleChars} (at least ${Math.floor((size - 3) / 3)} characters); not read`;
    return skip(id, source, 'E_TOO_LARGE', reason);
  }
  if (!read.ok) return skip(id, source, read.code, `${file}: ${read.reason}`);
  const declared = format === 'html' ? declaredCharset(read.bytes) : null;
  const decoded = decodeWhole(read.bytes, options.encoding, file, declared);
  if (!decoded.ok) return skip(id, source, decoded.code, decoded.reason);
  const record: RawRecord = { id, source, text: decoded.text, given: {}, extra: {} };
  const diagnostics = [...decoded.diagnostics];
  if (format === 'html') {
    const page = extractHtml(decoded.text, file);
    if (!page.ok) return skip(id, source, page.code, page.reason);
    record.text = page.text;
    record.pageMeta = page.pageMeta;
    diagnostics.push(...page.diagnostics);
  }
  if (diagnostics.length > 0) record.diagnostics = diagnostics;
  return { kind: 'record', record };
}

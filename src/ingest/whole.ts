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
  const read = await readWhole(path, options.maxFileBytes);
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

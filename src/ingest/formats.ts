/** Which reader a file name selects. */
import type { Format } from '../doc/types.js';

export interface FileKind {
  format: Format;
  /** Gzip-compressed (read through zlib as a stream). */
  gz: boolean;
  /** The matched extension, lower-cased (".jsonl.gz"). */
  ext: string;
}

const KINDS: Readonly<Record<string, FileKind>> = {
  '.txt': { format: 'txt', gz: false, ext: '.txt' },
  '.md': { format: 'md', gz: false, ext: '.md' },
  '.jsonl': { format: 'jsonl', gz: false, ext: '.jsonl' },
  '.ndjson': { format: 'jsonl', gz: false, ext: '.ndjson' },
  '.jsonl.gz': { format: 'jsonl', gz: true, ext: '.jsonl.gz' },
  '.ndjson.gz': { format: 'jsonl', gz: true, ext: '.ndjson.gz' },
  '.csv': { format: 'csv', gz: false, ext: '.csv' },
  '.csv.gz': { format: 'csv', gz: true, ext: '.csv.gz' },
  '.html': { format: 'html', gz: false, ext: '.html' },
  '.htm': { format: 'html', gz: false, ext: '.htm' },
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(KINDS);

/** The extension as a person would name it: ".csv.gz" for gzip files, "" when there is none. */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return '';
  const ext = base.slice(dot);
  if (ext !== '.gz') return ext;
  const inner = base.lastIndexOf('.', dot - 1);
  return inner > 0 ? base.slice(inner) : ext;
}

export function fileKindOf(name: string): FileKind | null {
  return KINDS[extensionOf(name)] ?? null;
}

export function unsupportedReason(file: string): string {
  const ext = extensionOf(file);
  const hint = ext === '.json' ? ' (write one JSON object per line as .jsonl)' : '';
  return `${file}: unsupported file type ${ext ? `"${ext}"` : '(no extension)'}${hint}; framelens reads ${SUPPORTED_EXTENSIONS.join(', ')}`;
}

/** A one-article file's id: its name without the extension ("a/b/x.v2.txt" → "x.v2"). */
export function idFromFileName(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The ingest stage: files and folders in, raw records (or skips with reasons) out. CONTRACT STUB. */
import type { GivenMeta, RawRecord, Skip } from '../doc/types.js';

export interface IngestOptions {
  /** Files larger than this are skipped with E_TOO_LARGE (bytes). */
  maxFileBytes: number;
  /** Records whose text is longer than this are skipped with E_TOO_LARGE (UTF-16 units). */
  maxArticleChars: number;
}

export const defaultIngestOptions: IngestOptions = { maxFileBytes: 256 * 1024 * 1024, maxArticleChars: 2_000_000 };

export type IngestItem = { kind: 'record'; record: RawRecord } | { kind: 'skip'; skip: Skip };

/** A manifest row: metadata by id that adds to or overrides what the input gave. */
export interface ManifestEntry {
  given: GivenMeta;
  extra: Record<string, unknown>;
}

/**
 * Reads files and folders (recursively, sorted, deterministic) and yields one
 * item per record: a RawRecord or a Skip naming file and line. Duplicate ids
 * after the first are skipped with E_DUPLICATE_ID. Never throws for bad input.
 */
export async function* readInputs(_inputs: readonly string[], _options: IngestOptions = defaultIngestOptions): AsyncGenerator<IngestItem> {
  throw new Error('not implemented');
}

/** Reads a manifest (CSV with a header row, JSON array/object, or JSON Lines) keyed by `id`. */
export async function readManifest(_file: string): Promise<Map<string, ManifestEntry>> {
  throw new Error('not implemented');
}

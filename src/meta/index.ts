/** The meta stage: metadata given, from a manifest, from page tags, or inferred from the text with evidence. CONTRACT STUB. */
import type { DocMeta, RawRecord } from '../doc/types.js';
import type { CleanResult } from '../clean/index.js';
import type { ManifestEntry } from '../ingest/index.js';

/**
 * Resolves each metadata field by precedence manifest > given > page > inferred,
 * recording the source and, when inferred, the evidence text with offsets into
 * the original. A field with no evidence stays `null` with source `none`.
 */
export function resolveMeta(_record: RawRecord, _clean: CleanResult, _manifest?: ManifestEntry): DocMeta {
  throw new Error('not implemented');
}

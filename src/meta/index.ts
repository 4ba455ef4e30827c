/** The meta stage: metadata given, from a manifest, from page tags, or inferred from the text with evidence. CONTRACT STUB. */
import { META_FIELDS, type DocMeta, type RawRecord } from '../doc/types.js';
import { emptyMeta } from '../doc/meta.js';
import type { CleanResult } from '../clean/index.js';
import type { ManifestEntry } from '../ingest/index.js';

/**
 * Resolves each metadata field by precedence manifest > given > page > inferred,
 * recording the source and, when inferred, the evidence text with offsets into
 * the original. A field with no evidence stays `null` with source `none`.
 */
// Placeholder until inference lands: given and manifest values only.
export function resolveMeta(record: RawRecord, _clean: CleanResult, manifest?: ManifestEntry): DocMeta {
  const meta = emptyMeta();
  for (const f of META_FIELDS) {
    const key = f === 'outlet' ? 'outlet' : f;
    const m = manifest?.given[f];
    const g = record.given[f];
    if (m) meta[key] = { value: m, source: 'manifest' };
    else if (g) meta[key] = { value: g, source: 'given' };
  }
  return meta;
}

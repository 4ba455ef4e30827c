/** The meta stage: metadata given, from a manifest, from page tags, or inferred from the text with evidence. */
import { META_FIELDS, type DocMeta, type Field, type MetaField, type RawRecord } from '../doc/types.js';
import { emptyMeta } from '../doc/meta.js';
import type { CleanResult } from '../clean/index.js';
import type { ManifestEntry } from '../ingest/index.js';
import { inferOriginalSource, inferOutlet, inferPublished, inferTitle, inferUrl, type Inferred } from './infer.js';

export { lookupOutlet, outletRegistry, findOutletMentions, OutletInfoSchema, type OutletInfo, type OutletMention } from './registry.js';
export { copyrightHolder, inferOriginalSource, inferOutlet, inferPublished, inferTitle, inferUrl, type Inferred } from './infer.js';
export { findDates, DATE_LINE } from './dates.js';

function inferredField(found: Inferred | null): Field {
  return found ? { value: found.value, source: 'inferred', evidence: found.evidence } : { value: null, source: 'none' };
}

/** A value declared outside the text (manifest, input, page tag), in that order of precedence. */
function declared(record: RawRecord, field: MetaField, manifest?: ManifestEntry): Field | null {
  const m = manifest?.given[field];
  if (m) return { value: m, source: 'manifest' };
  const g = record.given[field];
  if (g) return { value: g, source: 'given' };
  const p = record.pageMeta?.[field];
  if (p) {
    // A page tag has no offsets in the text: the evidence is the tag itself, with an empty range.
    const tag = record.pageMeta?.evidence?.[field] ?? p;
    return { value: p, source: 'page', evidence: { text: tag, start: 0, end: 0, rule: 'page-meta-tag' } };
  }
  return null;
}

/**
 * Resolves each metadata field by precedence manifest > given > page > inferred,
 * recording the source and, when inferred, the evidence text with offsets into
 * the original. A field with no evidence stays `null` with source `none`.
 * `originalSource` (the agency behind a republished story) is only inferred.
 * `language` is never inferred here: the pipeline detects it from the clean text.
 */
export function resolveMeta(record: RawRecord, clean: CleanResult, manifest?: ManifestEntry): DocMeta {
  const meta = emptyMeta();
  for (const f of META_FIELDS) {
    const d = declared(record, f, manifest);
    if (d) meta[f] = d;
  }
  const { outlet, agencyCopyright } = inferOutlet(clean.removed);
  if (!meta.outlet.value) meta.outlet = inferredField(outlet);
  meta.originalSource = inferredField(inferOriginalSource(record.text, clean) ?? agencyCopyright);
  if (!meta.title.value) meta.title = inferredField(inferTitle(record.text, clean));
  if (!meta.published.value) meta.published = inferredField(inferPublished(record.text, clean));
  if (!meta.url.value) meta.url = inferredField(inferUrl(clean));
  return meta;
}

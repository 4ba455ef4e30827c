import type { Doc, RawRecord } from '../doc/types.js';
import { cleanText } from '../clean/index.js';
import { resolveMeta } from '../meta/index.js';
import type { ManifestEntry } from '../ingest/index.js';
import { analyzeText, detectLanguage } from '../text/index.js';

/**
 * One record through the per-article stages: clean → meta → text.
 * The language is the given/manifest one when present, else detected from the cleaned text.
 */
export function buildDoc(record: RawRecord, manifest?: ManifestEntry): Doc {
  const clean = cleanText(record.text, { format: record.source.format });
  const meta = resolveMeta(record, clean, manifest);
  let language = meta.language.value;
  if (!language) {
    language = detectLanguage(clean.text);
    meta.language = { value: language, source: 'inferred', evidence: { text: clean.text.slice(0, 80), start: 0, end: Math.min(80, record.text.length), rule: 'script-and-function-words' } };
  }
  const lang = language.toLowerCase().slice(0, 2);
  return {
    id: record.id,
    source: record.source,
    original: record.text,
    text: clean.text,
    map: clean.map,
    removed: clean.removed,
    ...analyzeText(clean.text, lang),
    language: lang,
    meta,
    extra: { ...record.extra, ...(manifest?.extra ?? {}) },
    layers: {},
    diagnostics: [...(record.diagnostics ?? [])],
  };
}

/** A record made from plain text, for library users and evaluations that hold text in memory. */
export function recordFromText(id: string, text: string, given: RawRecord['given'] = {}): RawRecord {
  return { id, source: { file: '<memory>', line: null, format: 'txt' }, text, given, extra: {} };
}

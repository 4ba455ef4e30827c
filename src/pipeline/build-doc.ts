import type { Doc, RawRecord } from '../doc/types.js';
import { cleanText } from '../clean/index.js';
import { resolveMeta } from '../meta/index.js';
import type { ManifestEntry } from '../ingest/index.js';
import { analyzeText, detectLanguage } from '../text/index.js';
import { declaredOutlet, markRecurring, type RecurringParagraphs } from '../group/index.js';

/**
 * One record through the per-article stages: clean → meta → text.
 * The language is the given/manifest one when present, else detected from the cleaned text.
 * Paragraphs in `recurring` (the corpus pass: group/recurring.ts) are marked for grouping to leave out.
 */
export function buildDoc(record: RawRecord, manifest?: ManifestEntry, recurring?: RecurringParagraphs): Doc {
  const clean = cleanText(record.text, { format: record.source.format });
  const meta = resolveMeta(record, clean, manifest);
  let language = meta.language.value;
  if (!language) {
    language = detectLanguage(clean.text);
    // Evidence offsets point into the original, like every metadata evidence: the first kept slice.
    const first = clean.map[0];
    const length = first ? Math.min(80, first.length) : 0;
    const start = first ? first.orig : 0;
    meta.language = { value: language, source: 'inferred', evidence: { text: record.text.slice(start, start + length), start, end: start + length, rule: 'script-and-function-words' } };
  }
  const lang = language.toLowerCase().slice(0, 2);
  const doc: Doc = {
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
  if (recurring) markRecurring(doc, declaredOutlet(record, manifest), recurring);
  return doc;
}

/** A record made from plain text, for library users and evaluations that hold text in memory. */
export function recordFromText(id: string, text: string, given: RawRecord['given'] = {}): RawRecord {
  return { id, source: { file: '<memory>', line: null, format: 'txt' }, text, given, extra: {} };
}

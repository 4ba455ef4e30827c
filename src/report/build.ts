import { createRequire } from 'node:module';
import type { Doc, Skip } from '../doc/types.js';
import type { Analysis } from '../pipeline/analyze.js';
import { ReportSchema, type ArticleRecord, type Report } from './schema.js';

const require = createRequire(import.meta.url);
const VERSION: string = (require('../../package.json') as { version: string }).version;

export interface BuildReportOptions {
  includeText: boolean;
}

function analyzedArticle(doc: Doc, membership: { story: string; event: string; cohesion: number } | undefined, includeText: boolean): ArticleRecord {
  const meta: ArticleRecord['meta'] = {};
  for (const [k, f] of Object.entries(doc.meta)) meta[k] = f;
  const record: ArticleRecord = {
    id: doc.id,
    status: 'analyzed',
    source: doc.source,
    outlet: doc.meta.outlet.value,
    title: doc.meta.title.value,
    published: doc.meta.published.value,
    url: doc.meta.url.value,
    language: doc.meta.language.value ?? doc.language,
    meta,
    story: membership?.story ?? null,
    event: membership?.event ?? null,
    cohesion: membership?.cohesion ?? null,
    words: doc.tokens.length,
    removed: doc.removed,
    layers: doc.layers,
    extra: doc.extra,
    diagnostics: doc.diagnostics,
  };
  if (includeText) {
    record.text = doc.text;
    record.offsetMap = doc.map.map((s) => [s.clean, s.orig, s.length] as [number, number, number]);
    record.paragraphs = doc.paragraphs;
    record.sentences = doc.sentences;
  }
  return record;
}

/** A skipped record as it stands in report.json: every field present, nothing analyzed. */
export function skippedArticle(skip: Skip): ArticleRecord {
  return {
    id: skip.id,
    status: 'skipped',
    code: skip.code,
    reason: skip.reason,
    source: skip.source,
    outlet: null,
    title: null,
    published: null,
    url: null,
    language: null,
    meta: {},
    story: null,
    event: null,
    cohesion: null,
    words: 0,
    removed: [],
    layers: {},
    extra: {},
    diagnostics: [],
  };
}

/** Builds and validates the report; throws when the analysis does not fit the schema (a framelens bug). */
export function buildReport(analysis: Analysis, options: BuildReportOptions = { includeText: analysis.options.includeText }): Report {
  const { docs, skips, grouping } = analysis;
  const membership = new Map(grouping.articles.map((m) => [m.id, m]));
  const articles = [...docs.map((d) => analyzedArticle(d, membership.get(d.id), options.includeText)), ...skips.map(skippedArticle)];
  const skippedByCode: Record<string, number> = {};
  for (const s of skips) skippedByCode[s.code] = (skippedByCode[s.code] ?? 0) + 1;
  const eventAnalyses = new Map(analysis.events.map((e) => [e.eventId, e]));
  const storyAnalyses = new Map(analysis.stories.map((s) => [s.storyId, s]));
  const outlets = [...new Set(docs.map((d) => d.meta.outlet.value).filter((o): o is string => !!o))].sort();
  const report: Report = {
    framelens: { version: VERSION, schemaVersion: 1 },
    options: { ...analysis.options },
    // Sorted: the same set of inputs typed in another order gives the same bytes.
    inputs: [...new Set(analysis.inputs)].sort(),
    summary: {
      articles: articles.length,
      analyzed: docs.length,
      skipped: skips.length,
      skippedByCode: Object.fromEntries(Object.entries(skippedByCode).sort()),
      stories: grouping.stories.length,
      events: grouping.events.length,
      multiArticleEvents: grouping.events.filter((e) => e.articleIds.length > 1).length,
      outlets,
    },
    articles,
    stories: grouping.stories.map((s) => ({ ...s, analyses: storyAnalyses.get(s.id)?.analyses ?? {} })),
    events: grouping.events.map((e) => ({ ...e, analyses: eventAnalyses.get(e.id)?.analyses ?? {} })),
    memberships: grouping.articles,
    comparisons: analysis.events.flatMap((e) => e.pairs),
  };
  return ReportSchema.parse(report);
}

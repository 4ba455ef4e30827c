import { createRequire } from 'node:module';
import type { Doc, Skip } from '../doc/types.js';
import type { Analysis } from '../pipeline/analyze.js';
import type { Grouping } from '../group/index.js';
import { ReportSchema, type ArticleRecord, type Report } from './schema.js';

const require = createRequire(import.meta.url);
const VERSION: string = (require('../../package.json') as { version: string }).version;

export interface BuildReportOptions {
  includeText: boolean;
}

/** What an analyzed article's report entry is built from: a Doc, or the compact form workers spill to disk. */
export type ArticleCore = Pick<Doc, 'id' | 'source' | 'text' | 'map' | 'removed' | 'paragraphs' | 'sentences' | 'language' | 'meta' | 'extra' | 'diagnostics' | 'layers'> & {
  /** Number of tokens (the report's `words`). */
  words: number;
};

/** The report entry of an analyzed article; the in-memory and the streamed report both use it. */
export function articleRecord(doc: ArticleCore, membership: { story: string; event: string; cohesion: number } | null | undefined, includeText: boolean): ArticleRecord {
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
    words: doc.words,
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

/**
 * The head of report.json: version, options, inputs and the summary counts.
 * Shared by the in-memory report and the streamed one so both give the same bytes.
 */
export function reportHead(options: object, inputs: readonly string[], analyzed: number, skips: readonly Skip[], grouping: Grouping): Pick<Report, 'framelens' | 'options' | 'inputs' | 'summary'> {
  const skippedByCode: Record<string, number> = {};
  for (const s of skips) skippedByCode[s.code] = (skippedByCode[s.code] ?? 0) + 1;
  const outlets = new Set<string>();
  for (const e of grouping.events) for (const o of e.outlets) outlets.add(o);
  return {
    framelens: { version: VERSION, schemaVersion: 1 },
    options: { ...options },
    // Sorted: the same set of inputs typed in another order gives the same bytes.
    inputs: [...new Set(inputs)].sort(),
    summary: {
      articles: analyzed + skips.length,
      analyzed,
      skipped: skips.length,
      skippedByCode: Object.fromEntries(Object.entries(skippedByCode).sort()),
      stories: grouping.stories.length,
      events: grouping.events.length,
      multiArticleEvents: grouping.events.filter((e) => e.articleIds.length > 1).length,
      outlets: [...outlets].sort(),
    },
  };
}

/** Builds and validates the report; throws when the analysis does not fit the schema (a framelens bug). */
export function buildReport(analysis: Analysis, options: BuildReportOptions = { includeText: analysis.options.includeText }): Report {
  const { docs, skips, grouping } = analysis;
  const membership = new Map(grouping.articles.map((m) => [m.id, m]));
  const articles = [...docs.map((d) => articleRecord({ ...d, words: d.tokens.length }, membership.get(d.id), options.includeText)), ...skips.map(skippedArticle)];
  const eventAnalyses = new Map(analysis.events.map((e) => [e.eventId, e]));
  const storyAnalyses = new Map(analysis.stories.map((s) => [s.storyId, s]));
  const report: Report = {
    ...reportHead(analysis.options, analysis.inputs, docs.length, skips, grouping),
    articles,
    stories: grouping.stories.map((s) => ({ ...s, analyses: storyAnalyses.get(s.id)?.analyses ?? {} })),
    events: grouping.events.map((e) => ({ ...e, analyses: eventAnalyses.get(e.id)?.analyses ?? {} })),
    memberships: grouping.articles,
    comparisons: analysis.events.flatMap((e) => e.pairs),
  };
  return ReportSchema.parse(report);
}

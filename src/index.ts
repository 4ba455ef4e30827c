/**
 * framelens library API. The pipeline reads top to bottom:
 * ingest → clean → meta → text → frames → group → compare → report.
 */
export * as doc from './doc/index.js';
export * from './doc/types.js';
export { readInputs, readManifest, type IngestOptions, type IngestItem, type ManifestEntry } from './ingest/index.js';
export { cleanText, type CleanResult } from './clean/index.js';
export { resolveMeta } from './meta/index.js';
export { analyzeText, tokenize, splitSentences, splitParagraphs, normalizeWord, stemWord, detectLanguage } from './text/index.js';
export { analyzeDoc, analyzers, type Analyzer } from './frames/index.js';
export { extractFeatures, groupArticles, recurringSpans, type Grouping, type Pin, type GroupOptions, type RecurringParagraphs } from './group/index.js';
export { compareWording, corpusStats, type Wording, type CorpusStats } from './compare/index.js';
export * from './pipeline/index.js';
export { writeReports, buildReport, reportJson, reportMarkdown, reportHtml, ReportSchema, type Report } from './report/index.js';

/** The report stage: report.json (+ JSON Schema), report.md, index.html, and research exports (JSON Lines, CSV, Parquet). */
import type { Analysis } from '../pipeline/analyze.js';
import { buildReport } from './build.js';
import { reportJson, reportJsonSchema } from './json.js';
import { reportMarkdown } from './markdown.js';
import { reportHtml } from './html.js';
import { outPath, writeFileAtomic } from './write.js';
import { writeExports, type ExportFormat } from './exports/index.js';

export { buildReport } from './build.js';
export { ReportSchema, type Report, type ArticleRecord } from './schema.js';
export { reportJson, reportJsonSchema } from './json.js';
export { reportMarkdown } from './markdown.js';
export { reportHtml, CONTENT_SECURITY_POLICY } from './html.js';
export { escapeHtml, neutralizeCsvCell } from './escape.js';
export { writeFileAtomic, outPath } from './write.js';
export { highlightHtml, segmentize, type HighlightSpan } from './html.js';
export { writeExports, exportTables, tableCsv, tableJsonl, dataDictionary, TABLE_SPECS, TABLE_NAMES, type Table, type ExportFormat } from './exports/index.js';
export { writeWorksheet, worksheetHtml, worksheetQuestions, defaultWorksheetEvent, type WorksheetOptions, type Question } from './worksheet/index.js';
export { registerWorksheetCommand } from './worksheet/cli.js';

/** Formats written by default. */
export const REPORT_FORMATS = ['json', 'md', 'html'] as const;
/** Every format `--format` accepts: the defaults plus research exports under exports/ (parquet only when asked). */
export const ALL_REPORT_FORMATS = ['json', 'md', 'html', 'jsonl', 'csv', 'parquet'] as const;
export type ReportFormat = (typeof ALL_REPORT_FORMATS)[number];

/** Parses a `--format` list such as "html,md,csv"; throws on an unknown name. */
export function parseFormats(list: string): ReportFormat[] {
  const names = list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const n of names) if (!(ALL_REPORT_FORMATS as readonly string[]).includes(n)) throw new Error(`unknown format ${JSON.stringify(n)} (expected: ${ALL_REPORT_FORMATS.join(', ')})`);
  return ALL_REPORT_FORMATS.filter((f) => names.includes(f));
}

/** Writes the reports into `outDir`; returns the paths written. */
export async function writeReports(analysis: Analysis, outDir: string, formats: readonly ReportFormat[] = REPORT_FORMATS): Promise<string[]> {
  const report = buildReport(analysis);
  const written: string[] = [];
  const put = async (name: string, data: string): Promise<void> => {
    const path = outPath(outDir, name);
    await writeFileAtomic(path, data);
    written.push(path);
  };
  if (formats.includes('json')) {
    await put('report.json', reportJson(report));
    await put('report.schema.json', reportJsonSchema());
  }
  if (formats.includes('md')) await put('report.md', reportMarkdown(report));
  if (formats.includes('html')) await put('index.html', reportHtml(report));
  const exportFormats = formats.filter((f): f is ExportFormat => f === 'jsonl' || f === 'csv' || f === 'parquet');
  if (exportFormats.length) written.push(...(await writeExports(report, outDir, exportFormats)));
  return written;
}
export { writeReportJsonStream, reportElement, sectionOpen, REPORT_SECTIONS, type ReportHead, type ReportSection, type SectionSource } from './stream.js';

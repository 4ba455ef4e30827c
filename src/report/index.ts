/** The report stage: report.json (+ JSON Schema), report.md, index.html. */
import type { Analysis } from '../pipeline/analyze.js';
import { buildReport } from './build.js';
import { reportJson, reportJsonSchema } from './json.js';
import { reportMarkdown } from './markdown.js';
import { reportHtml } from './html.js';
import { outPath, writeFileAtomic } from './write.js';

export { buildReport } from './build.js';
export { ReportSchema, type Report, type ArticleRecord } from './schema.js';
export { reportJson, reportJsonSchema } from './json.js';
export { reportMarkdown } from './markdown.js';
export { reportHtml, CONTENT_SECURITY_POLICY } from './html.js';
export { escapeHtml, neutralizeCsvCell } from './escape.js';
export { writeFileAtomic, outPath } from './write.js';

export const REPORT_FORMATS = ['json', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

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
  return written;
}

import { z } from 'zod';
import { ReportSchema, type Report } from './schema.js';
import { headText, reportElement, REPORT_SECTIONS, sectionClose, sectionOpen } from './stream.js';

/** Stable JSON, keys in schema order: the head indented, one compact line per array element (the layout `writeReportJsonStream` streams). */
export function reportJson(report: Report): string {
  const parts = [headText(report)];
  for (const key of REPORT_SECTIONS) {
    const items: readonly unknown[] = report[key];
    parts.push(sectionOpen(key), items.length ? `\n${items.map(reportElement).join(',\n')}` : '', sectionClose(key, items.length === 0));
  }
  return parts.join('');
}

/** The JSON Schema of report.json, generated from the zod schema. */
export function reportJsonSchema(): string {
  const schema = z.toJSONSchema(ReportSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return `${JSON.stringify({ title: 'framelens report', ...schema }, null, 2)}\n`;
}

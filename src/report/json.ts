import { z } from 'zod';
import { ReportSchema, type Report } from './schema.js';

/** Stable JSON: two-space indent, keys in schema order, a final newline. */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The JSON Schema of report.json, generated from the zod schema. */
export function reportJsonSchema(): string {
  const schema = z.toJSONSchema(ReportSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return `${JSON.stringify({ title: 'framelens report', ...schema }, null, 2)}\n`;
}

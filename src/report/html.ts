import type { Report } from './schema.js';
import { escapeHtml } from './escape.js';

/** Nothing may load from outside: no scripts but our inline one, no remote images, fonts or frames. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Placeholder HTML report (the full comparison page replaces it). */
export function reportHtml(report: Report): string {
  const rows = report.articles
    .map((a) => `<tr><td>${escapeHtml(a.id)}</td><td>${escapeHtml(a.outlet ?? 'unknown')}</td><td>${escapeHtml(a.title ?? '')}</td><td>${escapeHtml(a.event ?? '')}</td><td>${a.status}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>framelens report</title></head>
<body><h1>framelens report</h1><table>${rows}</table></body></html>
`;
}

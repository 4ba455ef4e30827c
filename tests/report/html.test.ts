import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { buildReport, reportHtml, writeReports, type Report } from '../../src/report/index.js';
import type { Analysis } from '../../src/pipeline/index.js';
import { hostileAnalysis } from './fixtures.js';

function parse(html: string) {
  return parseHTML(html).document;
}

describe('reportHtml on untrusted articles', () => {
  let analysis: Analysis;
  let report: Report;
  let html: string;
  beforeAll(async () => {
    analysis = await hostileAnalysis();
    report = buildReport(analysis);
    html = reportHtml(report);
  });

  it('analyzes both hostile articles into one event', () => {
    expect(report.summary.analyzed).toBe(2);
    expect(report.events.find((e) => e.articleIds.length === 2)).toBeTruthy();
  });

  it('has exactly one script (ours), no images, no event-handler attributes and no javascript: links', () => {
    const doc = parse(html);
    expect(doc.querySelectorAll('script').length).toBe(1);
    expect(doc.querySelectorAll('img,iframe,object,embed,link,base,form').length).toBe(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
        if (attr.name === 'href' || attr.name === 'src') expect(attr.value).toMatch(/^#/);
      }
    }
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toMatch(/<img /);
  });

  it('shows the hostile markup as visible text', () => {
    const text = parse(html).body.textContent ?? '';
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
  });

  it('never lets a right-to-left override through', () => {
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(html).toContain('[U+202E]');
  });

  it('declares the content security policy and loads nothing from outside', () => {
    const doc = parse(html);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute('content')).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
  });

  it('is deterministic: the same report gives the same bytes', () => {
    expect(reportHtml(buildReport(analysis))).toBe(html);
  });

  it('writes markdown with the hostile text inert and CSV with formulas neutralised', async () => {
    const out = await mkdtemp(join(tmpdir(), 'framelens-report-'));
    await writeReports(analysis, out, ['md', 'html', 'csv', 'jsonl']);
    const md = await readFile(join(out, 'report.md'), 'utf8');
    expect(md).not.toMatch(/<script|<img|(?<!\\)\]\(javascript:/);
    expect(md).not.toMatch(/[\u202A-\u202E]/);
    const csv = await readFile(join(out, 'exports', 'articles.csv'), 'utf8');
    expect(csv).toContain("'=cmd|");
    expect(csv).not.toMatch(/(^|,)"?=cmd/m);
    const spans = await readFile(join(out, 'exports', 'spans.csv'), 'utf8');
    for (const line of spans.split('\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@]/);
  });
});

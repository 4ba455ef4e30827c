import { describe, expect, it, beforeAll } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { buildReport, reportHtml, reportMarkdown, writeReports, type Report } from '../../src/report/index.js';
import { analyze, type Analysis } from '../../src/pipeline/index.js';
import { hostileAnalysis } from './fixtures.js';
import { tempDir } from '../tmp.js';

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
    const out = tempDir('report');
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

describe('events kept apart by the conflicting-figures and conflicting-subjects rules', () => {
  it('show, in the page and in Markdown, the look-alike event and the figures of each side, escaped', async () => {
    const report = buildReport(await analyze({ inputs: ['data/sample'] }));
    const [a, b] = report.events;
    expect(a && b).toBeTruthy();
    a!.conflicts = [{ eventId: b!.id, rule: 'figures', similarity: 0.3125, evidence: [
      { articleId: a!.articleIds[0]!, value: '5.6', start: 10, end: 13 },
      { articleId: b!.articleIds[0]!, value: '<b>5.9</b>', start: 20, end: 23 },
    ] }];
    const doc = parse(reportHtml(report));
    const apart = [...doc.querySelectorAll('.ties')].find((el) => el.textContent?.includes('Kept apart'));
    expect(apart?.textContent).toContain('similarity 0.31');
    expect(apart?.textContent).toContain('figures here 5.6; there <b>5.9</b>');
    expect(apart?.querySelector('a')?.getAttribute('href')).toMatch(/^#/);
    expect(apart?.querySelector('b')).toBeNull();
    expect(reportMarkdown(report)).toContain(`Kept apart from event ${b!.id} (similarity 0.31): figures here 5.6; there`);
  });

  it('show companies named in the titles for the conflicting-subjects rule, with title offsets', async () => {
    const report = buildReport(await analyze({ inputs: ['data/sample'] }));
    const [a, b] = report.events;
    a!.conflicts = [{ eventId: b!.id, rule: 'subjects', similarity: 0.5, evidence: [
      { articleId: a!.articleIds[0]!, field: 'title', value: 'EMH', start: 12, end: 17 },
      { articleId: b!.articleIds[0]!, field: 'title', value: 'OBOD', start: 20, end: 26 },
    ] }];
    const doc = parse(reportHtml(report));
    const apart = [...doc.querySelectorAll('.ties')].find((el) => el.textContent?.includes('Kept apart'));
    expect(apart?.textContent).toContain('companies in the titles here EMH; there OBOD');
    expect(apart?.querySelector('.tie')?.getAttribute('title')).toContain('title characters 12–17');
    expect(reportMarkdown(report)).toContain(`Kept apart from event ${b!.id} (similarity 0.50): companies in the titles here EMH; there OBOD.`);
  });
});

describe('event labels', () => {
  it('name an untitled single-article event by its first sentence, in the page and in Markdown', async () => {
    // Seed 000 has no headline and shares nothing with another article of its event (it has none).
    const report = buildReport(await analyze({ inputs: ['data/sample'] }));
    const event = report.events.find((e) => e.articleIds.length === 1 && e.articleIds[0]!.startsWith('000'))!;
    const label = 'North Korea has continued to accuse the United States of trying to establish a military…';
    expect(reportMarkdown(report)).toContain(`### Event ${event.id}: ${label}`);
    expect(parse(reportHtml(report)).querySelector('nav')?.textContent).toContain(label.slice(0, 40));
  });
});

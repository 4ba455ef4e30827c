import { describe, expect, it, beforeAll } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyze, buildReport, writeReports, reportJson, ReportSchema, type Analysis, type Report } from '../../src/index.js';
import { tempDir } from '../tmp.js';

const SAMPLE = 'data/sample';

describe('analyze(data/sample) end to end', () => {
  let analysis: Analysis;
  let report: Report;
  beforeAll(async () => {
    analysis = await analyze({ inputs: [SAMPLE] });
    report = buildReport(analysis);
  });

  it('analyzes all five seeds and skips none', () => {
    expect(report.summary.analyzed).toBe(5);
    expect(report.summary.skipped).toBe(0);
    expect(report.articles.map((a) => a.id).sort()).toEqual([
      '000_1059f36819f99a03', '001_25f2c3e4e1f9c047', '002_c109a28eec74ea5f', '003_d4c057accb7cf467', '004_d6f0f952484ad524',
    ]);
  });

  it('finds one story and four events, with only seeds 001 and 002 together', () => {
    expect(report.stories).toHaveLength(1);
    expect(report.events).toHaveLength(4);
    const multi = report.events.filter((e) => e.articleIds.length > 1);
    expect(multi.map((e) => e.articleIds)).toEqual([['001_25f2c3e4e1f9c047', '002_c109a28eec74ea5f']]);
  });

  it('compares the pair that shares an event, with passages and scores', () => {
    expect(report.comparisons).toHaveLength(1);
    const c = report.comparisons[0]!;
    expect([c.a, c.b]).toEqual(['001_25f2c3e4e1f9c047', '002_c109a28eec74ea5f']);
    expect(c.wording.similarity).toBeGreaterThan(0);
  });

  it('validates against the report schema', () => {
    expect(() => ReportSchema.parse(report)).not.toThrow();
  });

  it('writes byte-identical report.json on two runs', async () => {
    const second = await analyze({ inputs: [SAMPLE] });
    expect(reportJson(buildReport(second))).toBe(reportJson(report));
  });

  it('writes report.json, report.schema.json, report.md and index.html', async () => {
    const out = tempDir('e2e');
    const written = await writeReports(analysis, out);
    expect(written.map((p) => p.slice(out.length + 1)).sort()).toEqual(['index.html', 'report.json', 'report.md', 'report.schema.json']);
    const html = await readFile(join(out, 'index.html'), 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?https?:/i);
  });
});

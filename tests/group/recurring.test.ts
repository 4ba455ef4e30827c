import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFeatures, markRecurring, recurringCounter, recurringSpans, RECURRING_CODE, type RecurringParagraphs } from '../../src/group/index.js';
import { outletState, paragraphKey } from '../../src/group/recurring.js';
import { analyze } from '../../src/pipeline/index.js';
import { analyzeToDir } from '../../src/pipeline/run.js';
import { countRecurring } from '../../src/pipeline/recurring.js';
import { buildDoc, recordFromText } from '../../src/pipeline/build-doc.js';
import { writeReports, ReportSchema } from '../../src/report/index.js';
import { exportTables } from '../../src/report/exports/tables.js';
import { tempDir } from '../tmp.js';
import { EXCERPT, newsletterCorpus } from '../pipeline/corpus.js';

const TOPIC_OF = (i: number): string => `Item ${i}: the harbour board of town number ${i} met to discuss ferry timetables and dredging.`;
const recordOf = (text: string, outlet: string | undefined, published = '') => ({ given: { ...(outlet ? { outlet } : {}), ...(published ? { published } : {}) }, text });

describe('recurring paragraphs', () => {
  it('counts a paragraph once an article, under its declared outlet, and keeps only those spanning more than the window', () => {
    const c = recurringCounter();
    for (let i = 0; i < 10; i++) c.add(recordOf(`${EXCERPT}\n${EXCERPT}\nIssue number ${i} of the weekly letter.`, 'The Letter'));
    // The same paragraph under another outlet, or under none, is another count.
    for (let i = 0; i < 10; i++) c.add(recordOf(EXCERPT, 'Other Paper', `2024-01-${String(i + 1).padStart(2, '0')}`));
    for (let i = 0; i < 10; i++) c.add(recordOf(EXCERPT, undefined));
    const r = c.finish(10, 51);
    expect(r.keys).toEqual([paragraphKey('The Letter', EXCERPT)]);
    expect(r.articles).toEqual([10]);
    // Nine articles are not enough; a dated series over ten days is one story's background, over a year it recurs.
    expect(c.finish(11, 51).keys).toEqual([]);
    const dated = recurringCounter();
    for (let i = 0; i < 10; i++) dated.add(recordOf(EXCERPT, 'Other Paper', `2024-01-${String(i + 1).padStart(2, '0')}`));
    expect(dated.finish(10, 51).keys).toEqual([]);
    dated.add(recordOf(EXCERPT, 'Other Paper', '2025-01-01'));
    expect(dated.finish(10, 51).keys).toEqual([paragraphKey('Other Paper', EXCERPT)]);
    expect(dated.finish(0, 51).keys).toEqual([]);
  });

  it('keeps its counts while its table grows past a hundred thousand keys', () => {
    const c = recurringCounter();
    const many = Array.from({ length: 100_000 }, (_, i) => `Paragraph number ${i} of a long archive page.`).join('\n');
    for (let i = 0; i < 10; i++) c.add(recordOf(i === 5 ? `${many}\n${EXCERPT}` : EXCERPT, 'The Letter'));
    expect(c.finish(10, 51)).toEqual({ keys: [paragraphKey('The Letter', EXCERPT)], articles: [10], outlets: [outletState('The Letter')] });
    expect(c.finish(1, 51).keys).toHaveLength(100_001);
  });

  it('keys paragraphs by outlet and their first 160 characters, trimmed; short lines never count', () => {
    expect(paragraphKey('A', ' \u00a0Terms were not disclosed.\t')).toBe(paragraphKey('A', 'Terms were not disclosed.'));
    expect(paragraphKey('A', 'Terms were not disclosed.')).not.toBe(paragraphKey('A', 'terms were not disclosed.'));
    expect(paragraphKey('A', `${EXCERPT} And more.`)).toBe(paragraphKey('A', `${EXCERPT} Or less.`));
    expect(paragraphKey('A', EXCERPT)).not.toBe(paragraphKey('B', EXCERPT));
    expect(paragraphKey('A', 'From the Left')).not.toBeNull();
    expect(paragraphKey('A', 'Photo')).toBeNull();
  });

  it('marks the recurring paragraphs of a doc with their offsets, and grouping features leave them out', () => {
    const text = `Wildfires in Portugal forced firefighters to evacuate hamlets near Leiria.\n\n${EXCERPT}`;
    const recurring: RecurringParagraphs = { keys: [paragraphKey('The Letter', EXCERPT)!], articles: [12], outlets: [outletState('The Letter')] };
    const doc = buildDoc(recordFromText('x', text, { outlet: 'The Letter' }), undefined, recurring);
    const marked = doc.diagnostics.filter((d) => d.code === RECURRING_CODE);
    expect(marked).toHaveLength(1);
    expect(doc.text.slice(marked[0]!.start, marked[0]!.end)).toBe(EXCERPT);
    expect(marked[0]!.message).toContain('The Letter repeats this paragraph in 12 articles');
    // The text itself is kept.
    expect(doc.text).toContain('soybean');
    const all = extractFeatures(doc);
    const kept = extractFeatures(doc, recurringSpans(doc));
    expect(kept.keys.length).toBeLessThan(all.keys.length);
    expect(kept.labels).not.toMatch(/soybean|tariff/);
    expect(kept.labels).toMatch(/leiria|portugal/i);
    // An article made only of recurring paragraphs keeps them: it is the repeated text itself.
    const only = buildDoc(recordFromText('z', `${EXCERPT}\nPhoto`, { outlet: 'The Letter' }), undefined, recurring);
    expect(recurringSpans(only)).toEqual([]);
    // Another outlet's copy is not marked.
    const other = buildDoc(recordFromText('y', text, { outlet: 'Daily Planet' }), undefined, recurring);
    expect(recurringSpans(other)).toEqual([]);
    markRecurring(other, null, recurring);
    expect(recurringSpans(other)).toEqual([]);
  });

  it('does not read saved web pages for the count (their extraction is the costly part of ingest)', async () => {
    const dir = tempDir('recurring-html');
    for (let i = 0; i < 12; i++) {
      writeFileSync(join(dir, `p${i}.html`), `<html><head><title>Issue ${i}</title><meta property="og:site_name" content="The Letter"></head><body><article><h1>Issue ${i}</h1><p>${TOPIC_OF(i)}</p><p>${EXCERPT}</p></article></body></html>`);
    }
    expect(await countRecurring({ inputs: [dir], ingest: {}, minArticles: 10 })).toEqual({ keys: [], articles: [], outlets: [] });
  });

  it('a newsletter quoting one excerpt in every issue no longer makes one event of unrelated issues; the run and analyze() agree', async () => {
    const dir = tempDir('recurring');
    const file = newsletterCorpus(dir);
    expect((await countRecurring({ inputs: [file], ingest: {}, minArticles: 10 })).keys).toHaveLength(2);
    const off = await analyze({ inputs: [file], options: { recurringMinArticles: 0, frames: 'none' } });
    const on = await analyze({ inputs: [file], options: { frames: 'none' } });
    const largest = (a: typeof on): number => Math.max(...a.grouping.events.filter((e) => e.articleIds.some((id) => id.startsWith('letter'))).map((e) => e.articleIds.length));
    expect(largest(off)).toBeGreaterThan(6);
    expect(largest(on)).toBe(1);
    const a = tempDir('recurring-a');
    const b = tempDir('recurring-b');
    await writeReports(on, a);
    await analyzeToDir({ inputs: [file], options: { frames: 'none' } }, { outDir: b, workers: 0, batchSize: 5 });
    const json = readFileSync(join(b, 'report.json'), 'utf8');
    const html = readFileSync(join(b, 'index.html'), 'utf8');
    expect(html).toContain('Left out of grouping: 2 paragraphs the outlet repeats');
    expect(html).toContain('The Letter repeats this paragraph in 12 articles');
    expect(json).toBe(readFileSync(join(a, 'report.json'), 'utf8'));
    // A second run in the same folder takes the count from the run directory: no count phase, the same report.
    const phases: string[] = [];
    await analyzeToDir({ inputs: [file], options: { frames: 'none' } }, { outDir: b, workers: 0, batchSize: 5, onProgress: (p) => phases.push(p.phase) });
    expect(readFileSync(join(b, 'report.json'), 'utf8')).toBe(json);
    expect(phases).not.toContain('count');
    expect(phases).toContain('articles');
    const report = ReportSchema.parse(JSON.parse(json));
    expect(report.options.recurringMinArticles).toBe(10);
    const rows = exportTables(report).find((t) => t.name === 'articles')!.rows as Array<{ article_id: string; recurring_paragraphs: number }>;
    expect(rows.filter((r) => r.article_id.startsWith('letter')).map((r) => r.recurring_paragraphs)).toEqual(Array(12).fill(2));
    expect(rows.filter((r) => r.article_id.startsWith('other')).every((r) => r.recurring_paragraphs === 0)).toBe(true);
    for (const article of report.articles.filter((x) => x.id.startsWith('letter'))) {
      const marked = article.diagnostics.filter((d) => d.code === RECURRING_CODE);
      expect(marked.map((d) => article.text!.slice(d.start, d.end)).sort()).toEqual(['From the Left', EXCERPT]);
    }
  });
});

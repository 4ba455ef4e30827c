import { describe, expect, it, beforeAll } from 'vitest';
import { readFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';
import { Command } from '@commander-js/extra-typings';
import { buildReport, defaultWorksheetEvent, registerWorksheetCommand, worksheetHtml, writeWorksheet, type Report } from '../../src/report/index.js';
import { analyze, type Analysis } from '../../src/pipeline/index.js';
import { hostileAnalysis, hostileRecords } from './fixtures.js';
import { tempDir } from '../tmp.js';

describe('classroom worksheet', () => {
  let analysis: Analysis;
  let report: Report;
  beforeAll(async () => {
    analysis = await hostileAnalysis();
    report = buildReport(analysis);
  });

  it('defaults to the event covered by the most outlets', () => {
    expect(defaultWorksheetEvent(report)?.articleIds).toEqual(['h1', 'h2']);
  });

  it('shows the articles side by side, asks a class period of questions and puts the key on its own page', () => {
    const doc = parseHTML(worksheetHtml(report)).document;
    expect(doc.querySelectorAll('article.col')).toHaveLength(2);
    const asks = doc.querySelectorAll('.questions > ol > li');
    expect(asks.length).toBeGreaterThanOrEqual(3);
    expect(asks.length).toBeLessThanOrEqual(8);
    expect(doc.querySelectorAll('.key > ol > li')).toHaveLength(asks.length);
    expect(worksheetHtml(report)).toMatch(/\.key\{break-before:page/);
    expect(doc.querySelectorAll('script,img').length).toBe(0);
  });

  it('hides outlet names when blind, and reveals them only in the answer key', () => {
    const html = worksheetHtml(report, { blind: true });
    const doc = parseHTML(html).document;
    const headings = [...doc.querySelectorAll('article.col h2')].map((h) => h.textContent);
    expect(headings).toEqual(['Outlet A', 'Outlet B']);
    const before = html.slice(0, html.indexOf('class="key"'));
    expect(before).not.toContain('Wire');
    expect(doc.querySelector('.key')!.textContent).toContain('Outlet A =');
  });

  it('prints a headline once: a first paragraph repeating the title is left out, and ¶1 is the story\'s first', async () => {
    // The seeds 001 and 002 (the 30 June 2024 statement) were saved with the headline as their first line.
    const doc = parseHTML(worksheetHtml(buildReport(await analyze({ inputs: ['data/sample'] })))).document;
    const cols = [...doc.querySelectorAll('article.col')];
    expect(cols).toHaveLength(2);
    for (const col of cols) {
      const title = col.querySelector('.title')!.textContent!.trim();
      const first = col.querySelector('.text p')!;
      expect(first.querySelector('.pn')!.textContent).toBe('1');
      expect(first.textContent!.slice(1).trim()).not.toBe(title);
    }
  });

  it('keeps hostile text inert', () => {
    const html = worksheetHtml(report);
    expect(html).not.toMatch(/<script>alert|<img /);
    expect(html).not.toMatch(/[\u202A-\u202E]/);
    expect(hostileRecords()[0]!.text).toContain('<script>');
  });

  it('writes worksheet.html, and names an unknown event in its error', async () => {
    const out = tempDir('ws');
    const path = await writeWorksheet(analysis, out, { blind: true });
    expect(await readFile(path, 'utf8')).toContain('Answer key');
    expect(() => worksheetHtml(report, { eventId: 'nope' })).toThrow(/no event "nope"/);
  });

  it('registers a worksheet command with --event, --blind and --out', () => {
    const program = new Command().exitOverride();
    const cmd = registerWorksheetCommand(program);
    expect(cmd.name()).toBe('worksheet');
    const flags = cmd.options.map((o) => o.long);
    expect(flags).toEqual(expect.arrayContaining(['--event', '--blind', '--out']));
  });
});

/**
 * Safe outputs: hostile article text stays text in the HTML report and in Markdown, and CSV
 * cells a spreadsheet would run as formulas are neutralised. (The browser test of the page
 * belongs to the report's own tests.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, escapeHtml, neutralizeCsvCell, reportHtml } from '../../src/report/index.js';
import type { Analysis } from '../../src/pipeline/index.js';
import { CONTROL_TEXT, makeTempDir, run } from './helpers.js';

const dir = makeTempDir('escaping');

const RLO = '\u202e';

describe('escapeHtml', () => {
  it('turns <script> into text', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('turns <img onerror> into text, quotes included, so it cannot break out of an attribute either', () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')">`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;');
    expect(escapeHtml('" onmouseover="alert(1)')).not.toMatch(/"/);
  });

  it('leaves a javascript: link as inert text', () => {
    expect(escapeHtml('<a href="javascript:alert(1)">click</a>')).toBe('&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;');
  });

  it('shows U+202E and the other bidi controls as visible tags instead of reordering the page', () => {
    expect(escapeHtml(`invoice${RLO}fdp.exe`)).toBe('invoice[U+202E]fdp.exe');
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069']) expect(escapeHtml(`a${c}b`)).not.toContain(c);
  });

  it('escapes & first, so existing entities are shown as written, never decoded', () => {
    expect(escapeHtml('&lt;script&gt; &amp; &#x202E;')).toBe('&amp;lt;script&amp;gt; &amp;amp; &amp;#x202E;');
  });
});

describe('neutralizeCsvCell', () => {
  it('prefixes cells starting with =, +, -, @, tab or CR with an apostrophe', () => {
    for (const cell of ['=SUM(A1:A9)', '=cmd|\' /C calc\'!A0', '+1+1', '-2+3', '@SUM(1)', '\t=1+1', '\r=1+1', '=HYPERLINK("http://x","y")']) {
      expect(neutralizeCsvCell(cell)).toBe(`'${cell}`);
    }
  });

  it('leaves ordinary cells alone, including a formula character later in the text and the empty cell', () => {
    for (const cell of ['North Korea fired two missiles', 'a=b', '1+1', '', ' leading space', 'e-mail: a@b.c', 'Пхеньян']) expect(neutralizeCsvCell(cell)).toBe(cell);
  });
});

describe('hostile article text in the HTML report', () => {
  let analysis: Analysis;
  let html: string;
  beforeAll(async () => {
    const hostile = (n: number) => ({
      id: `<script>alert("id${n}")</script>`,
      outlet: `<img src=x onerror=alert(${n})>`,
      title: `"><svg onload=alert(${n})>`,
      url: `javascript:alert(${n})`,
      published: '2024-03-17',
      text: `${CONTROL_TEXT}\n\nA statement read <script>alert("text${n}")</script> and <img src=x onerror="alert(${n})"> and a link <a href="javascript:alert(${n})">here</a>. The file was named invoice${RLO}fdp.exe by the ministry.`,
    });
    dir.write('hostile/feed.jsonl', `${[hostile(1), hostile(2)].map((r) => JSON.stringify(r)).join('\n')}\n`);
    analysis = await run([dir.path('hostile')]);
    html = reportHtml(buildReport(analysis));
  });

  it('the hostile articles are analyzed, not skipped', () => {
    expect(analysis.docs.map((d) => d.id)).toEqual(['<script>alert("id1")</script>', '<script>alert("id2")</script>']);
  });

  it('no article markup survives as markup: no injected <script>, <img>, <svg> or event handler', () => {
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).not.toMatch(/<svg[^>]*onload/i);
    // Article text is escaped, so every real tag is the report's own: none carries an event handler.
    const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
    // (Quoted attribute values are text: article strings inside title="…" are escaped, quotes included.)
    const handlers = tags.map((tag) => tag.replace(/"[^"]*"/g, '""')).filter((tag) => /\son\w+\s*=/i.test(tag));
    expect(handlers).toEqual([]);
  });

  it('no javascript: URL becomes a link or a resource', () => {
    expect(html).not.toMatch(/(href|src|action)\s*=\s*["']?\s*javascript:/i);
  });

  it('no raw U+202E reaches the page', () => {
    expect(html).not.toContain(RLO);
  });
});

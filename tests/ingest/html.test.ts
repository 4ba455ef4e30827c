import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockTexts } from '../../src/ingest/blocks.js';
import type { DomNode } from '../../src/ingest/dom.js';
import { extractHtml } from '../../src/ingest/html.js';
import { collect, GOOD_TEXT, makeTempDir, recordsOf, skipsOf } from './fixtures.js';

const dir = makeTempDir('html');

const PARAGRAPHS = [
  'North Korea on Sunday condemned the first trilateral Freedom Edge drills by the United States, Japan and South Korea, calling them a step towards an Asian NATO.',
  'The foreign ministry said in a statement carried by the state news agency that the exercises posed a grave threat to the security of the region and would be met with a response.',
  'Officials in Seoul said the drills were defensive and had been announced well in advance, and urged Pyongyang to return to talks without preconditions.',
];

const ARTICLE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Asian NATO row | Example News</title>
  <meta property="og:title" content="North Korea condemns  drills">
  <meta property="og:site_name" content="Example News">
  <meta property="article:published_time" content="2024-06-30T08:00:00Z">
  <link rel="canonical" href="https://news.example/asia/nato-row">
  <meta property="og:url" content="https://news.example/og">
  <script>var tracking = "not text";</script>
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <article>
    <h1>North Korea condemns drills</h1>
    <p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p>
    <blockquote><p>“We will respond,” the statement said.</p></blockquote>
    <p>${PARAGRAPHS[2]}</p>
  </article>
  <footer>© 2024 Example News. All rights reserved.</footer>
</body>
</html>`;

describe('blockTexts', () => {
  it('gives one block a paragraph, lines for single <br>s, and keeps <pre> as written', () => {
    const { document } = parseHTML(
      '<html><body><div>Intro <b>bold</b> text<p>Para one.</p>tail</div><ul><li>one</li><li>two <i>items</i></li></ul>' +
        '<h2>Heading</h2><p>Line one<br>line two<br><br>New para</p><pre>  code\n  kept</pre><figure><img src="x"><figcaption>A caption</figcaption></figure>' +
        '<script>skip()</script><table><tr><td>Cell A</td><td>Cell B</td></tr></table></body></html>',
    );
    expect(blockTexts(document.body as unknown as DomNode)).toEqual([
      'Intro bold text', 'Para one.', 'tail', 'one', 'two items', 'Heading', 'Line one\nline two', 'New para', '  code\n  kept', 'A caption', 'Cell A', 'Cell B',
    ]);
  });
});

describe('extractHtml', () => {
  it('returns Readability’s main text block by block and the page metadata with its evidence', () => {
    const page = extractHtml(ARTICLE, 'a.html');
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    for (const p of PARAGRAPHS) expect(page.text).toContain(`${p}`);
    expect(page.text).toContain(`${PARAGRAPHS[0]}\n\n${PARAGRAPHS[1]}\n\n`);
    expect(page.text).toContain('“We will respond,” the statement said.');
    expect(page.text).not.toContain('tracking');
    expect(page.text).not.toContain('Sport');
    expect(page.pageMeta).toEqual({
      title: 'North Korea condemns drills',
      outlet: 'Example News',
      published: '2024-06-30T08:00:00Z',
      url: 'https://news.example/asia/nato-row',
      language: 'en',
      evidence: {
        title: 'meta[property="og:title"]',
        outlet: 'meta[property="og:site_name"]',
        published: 'meta[property="article:published_time"]',
        url: 'link[rel="canonical"]',
        language: 'html[lang]',
      },
    });
    expect(page.diagnostics).toEqual([]);
  });

  it('falls back to <title>, application-name, meta date, <time datetime> and og:url', () => {
    const html = `<html><head><title> Plain  title </title><meta name="application-name" content="KCNA Watch"><meta property="og:url" content="https://k.example/1"></head>
      <body><article><time datetime="2024-03-14">March 14</time><p>${PARAGRAPHS.join('</p><p>')}</p></article></body></html>`;
    const page = extractHtml(html, 'b.html');
    expect(page.ok && page.pageMeta).toEqual({
      title: 'Plain title',
      outlet: 'KCNA Watch',
      published: '2024-03-14',
      url: 'https://k.example/1',
      evidence: { title: '<title>', outlet: 'meta[name="application-name"]', published: '<time datetime>', url: 'meta[property="og:url"]' },
    });
    const dated = extractHtml('<html><head><meta name="DC.date" content="2023-11-14"></head><body><p>Short.</p></body></html>', 'c.html');
    expect(dated.ok && dated.pageMeta.published).toBe('2023-11-14');
    expect(dated.ok && dated.pageMeta.evidence?.published).toBe('meta[name="dc.date"]');
  });

  it('skips a page without a body as E_HTML', () => {
    expect(extractHtml('<html><head><title>Only a head</title></head></html>', 'head.html')).toEqual({
      ok: false,
      code: 'E_HTML',
      reason: 'head.html: no main text found: the page has no body',
    });
  });

  it('skips a frameset page as E_HTML naming its frame files', () => {
    const html = '<html><head><title>Frames</title></head><frameset cols="20%,80%"><frame src="menu.html"><frame src="story.html"></frameset></html>';
    expect(extractHtml(html, 'frames.html')).toEqual({
      ok: false,
      code: 'E_HTML',
      reason: 'frames.html: no main text found: the page is a frameset; its text is in the frame files (menu.html, story.html)',
    });
  });

  it('never throws on a page of navigation only', () => {
    const html = '<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></body></html>';
    expect(extractHtml(html, 'nav.html')).toMatchObject({ ok: true, text: 'Home\n\nNews' });
  });

  it('falls back to the body’s blocks when Readability finds nothing, with an info diagnostic', () => {
    const page = extractHtml('<html><body><footer>Only a footer here.</footer><aside>And an aside.</aside></body></html>', 'footer.html');
    expect(page).toMatchObject({ ok: true, text: 'Only a footer here.\n\nAnd an aside.' });
    expect(page.ok && page.diagnostics.map((d) => [d.severity, d.code])).toEqual([['info', 'ingest:html-fallback']]);
  });

  it('says the body is empty when it is', () => {
    expect(extractHtml('<html><head></head><body></body></html>', 'e.html')).toMatchObject({ ok: false, reason: 'e.html: no main text found: no text in the body (the body is empty)' });
  });

  it('reads a fragment without <html> or <body>', () => {
    expect(extractHtml('<p>First.</p><p>Second.</p>', 'frag.html')).toMatchObject({ ok: true, text: 'First.\n\nSecond.' });
  });

  it('skips markup with no text at all', () => {
    expect(extractHtml('<html><body><script>x()</script><img src="a.png"></body></html>', 'img.html')).toMatchObject({ ok: false, code: 'E_HTML' });
  });
});

describe('reading .html files', () => {
  it('yields the page as a record with pageMeta and keeps the other files of the run', async () => {
    dir.write('run/a.txt', GOOD_TEXT);
    const file = dir.write('run/story.htm', ARTICLE);
    const noBody = dir.write('run/z-empty.html', '<html><head><title>x</title></head></html>');
    const items = await collect([dir.path('run')]);
    const records = recordsOf(items);
    expect(records.map((r) => [r.id, r.source])).toEqual([
      ['a', { file: dir.path('run/a.txt'), line: null, format: 'txt' }],
      ['story', { file, line: null, format: 'html' }],
    ]);
    expect(records[1]?.given).toEqual({});
    expect(records[1]?.pageMeta?.outlet).toBe('Example News');
    expect(skipsOf(items)).toEqual([
      { id: 'z-empty', source: { file: noBody, line: null, format: 'html' }, code: 'E_HTML', reason: `${noBody}: no main text found: the page has no body` },
    ]);
  });

  it('uses a page’s declared charset: named in the skip by default, used to decode under auto', async () => {
    const html = `<html><head><meta charset="windows-1251"><title>Заявление</title></head><body><p>Министерство иностранных дел заявило о создании азиатского НАТО.</p></body></html>`;
    const file = dir.write('ru.html', iconv.encode(html, 'windows-1251'));
    const strict = skipsOf(await collect([file]));
    expect(strict[0]?.code).toBe('E_ENCODING');
    expect(strict[0]?.reason).toContain('the page declares windows-1251; re-run with --encoding auto or --encoding windows-1251');
    const [record] = recordsOf(await collect([file], { encoding: 'auto' }));
    expect(record?.text).toBe('Министерство иностранных дел заявило о создании азиатского НАТО.');
    expect(record?.pageMeta?.title).toBe('Заявление');
    expect(record?.diagnostics?.[0]?.message).toContain('decoded as windows-1251 (as the page declares)');
  });
});

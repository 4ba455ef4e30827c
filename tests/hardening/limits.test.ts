/**
 * Limits through the library API: maxFileBytes, maxArticleChars and maxArticles skip with a
 * reason that names the limit and both sizes; a bad limit is one clear usage error.
 */
import { describe, expect, it } from 'vitest';
import { AnalyzeOptionsSchema } from '../../src/pipeline/index.js';
import { CONTROL_TEXT, makeTempDir, outcomeOf, run, storyText } from './helpers.js';

const dir = makeTempDir('limits');

describe('limits', () => {
  it('defaults are safe: 256 MiB a file, 200,000 characters an article, 10,000,000 articles, 2,000 pairs an event', () => {
    expect(AnalyzeOptionsSchema.parse({})).toMatchObject({ maxFileBytes: 268_435_456, maxArticleChars: 200_000, maxArticles: 10_000_000, maxPairsPerEvent: 2_000, encoding: 'utf-8' });
  });

  it('maxFileBytes: a bigger .html page skipped as E_TOO_LARGE with both sizes; streamed JSON Lines are not bound by it', async () => {
    const html = `<html><body><article>${CONTROL_TEXT.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const page = dir.write('file-bytes/page.html', html);
    const feed = `${JSON.stringify({ id: 'j', text: storyText(1) })}\n`;
    dir.write('file-bytes/feed.jsonl', feed);
    expect(Buffer.byteLength(feed)).toBeGreaterThan(300);
    const outcome = outcomeOf(await run([dir.path('file-bytes')], { maxFileBytes: 300 }));
    expect(outcome).toEqual({
      analyzed: ['j'],
      skipped: [{ id: 'page', code: 'E_TOO_LARGE', reason: `${page}: file is ${Buffer.byteLength(html)} bytes, over maxFileBytes 300` }],
    });
  });

  it('maxArticleChars: a longer text skipped as E_TOO_LARGE in every format, shorter ones analyzed', async () => {
    const long = `${CONTROL_TEXT}\n\n${'More words follow here. '.repeat(30)}`;
    const csv = dir.write('chars/feed.csv', `id,text\nc-long,"${long}"\nc-ok,"${storyText(2)}"\n`);
    const jsonl = dir.write('chars/feed.jsonl', `${JSON.stringify({ id: 'j-long', text: long })}\n${JSON.stringify({ id: 'j-ok', text: storyText(3) })}\n`);
    const txt = dir.write('chars/long.txt', long);
    dir.write('chars/ok.txt', storyText(4));
    const outcome = outcomeOf(await run([dir.path('chars')], { maxArticleChars: 600 }));
    expect(outcome).toEqual({
      analyzed: ['c-ok', 'j-ok', 'ok'],
      skipped: [
        { id: 'c-long', code: 'E_TOO_LARGE', reason: `${csv}:2: the text is ${long.length} characters, over maxArticleChars 600` },
        { id: 'j-long', code: 'E_TOO_LARGE', reason: `${jsonl}:1: the text is ${long.length} characters, over maxArticleChars 600` },
        { id: 'long', code: 'E_TOO_LARGE', reason: `${txt}: the text is ${long.length} characters, over maxArticleChars 600` },
      ],
    });
  });

  it('maxArticles: reading stops at the limit, and the rest of the file and each later file are one E_TOO_LARGE skip apiece', async () => {
    const lines = [1, 2, 3, 4].map((n) => JSON.stringify({ id: `r${n}`, text: storyText(n) })).join('\n');
    const feed = dir.write('articles/a.jsonl', `${lines}\n`);
    const later = dir.write('articles/b.txt', storyText(9));
    const outcome = outcomeOf(await run([dir.path('articles')], { maxArticles: 2 }));
    expect(outcome).toEqual({
      analyzed: ['r1', 'r2'],
      skipped: [
        { id: 'r3', code: 'E_TOO_LARGE', reason: `${feed}:3: maxArticles 2 reached; ${feed} from line 3 on was not read` },
        { id: later, code: 'E_TOO_LARGE', reason: `${later}: not read: maxArticles 2 already reached` },
      ],
    });
  });

  it('invalid limits (0, negative, fractional, NaN) and an unknown encoding: one clear error, nothing read', async () => {
    const input = [dir.path('articles')];
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      await expect(run(input, { maxArticles: bad })).rejects.toThrow(/maxArticles/);
      await expect(run(input, { maxFileBytes: bad })).rejects.toThrow(/maxFileBytes/);
      await expect(run(input, { maxArticleChars: bad })).rejects.toThrow(/maxArticleChars/);
    }
    await expect(run(input, { encoding: 'klingon-8' })).rejects.toThrow('unknown encoding "klingon-8": use utf-8, auto, or an encoding name such as windows-1251');
  });
});

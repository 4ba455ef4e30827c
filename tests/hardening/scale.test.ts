/**
 * Bad-input catalogue, part 6: size. A 50 MB text is skipped by the limits without being held
 * whole; a 10,000-article event finishes with bounded comparisons.
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/pipeline/index.js';
import { CONTROL_TEXT, makeTempDir, outcomeOf, run } from './helpers.js';

const dir = makeTempDir('scale');
afterAll(() => dir.remove());

const FIFTY_MB = 50 * 1024 * 1024;

/** Writes `{"id":…,"text":"<n letters>"}` in pieces, so the test itself never holds the 50 MB string. */
async function writeHugeJsonl(path: string, chars: number, after: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('{"id":"huge","text":"');
  const piece = 'Lorem ipsum dolor sit amet. '.repeat(4096); // 114,688 characters
  let left = chars;
  while (left > 0) {
    const part = left >= piece.length ? piece : piece.slice(0, left);
    if (!out.write(part)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    left -= part.length;
  }
  out.end(`"}\n${after}\n`);
  await finished(out);
}

describe('a 50 MB text', () => {
  const after = JSON.stringify({ id: 'after', text: CONTROL_TEXT });
  let file: string;
  beforeAll(async () => {
    file = dir.path('huge/feed.jsonl');
    dir.write('huge/control.txt', CONTROL_TEXT);
    await writeHugeJsonl(file, FIFTY_MB, after);
  }, 60_000);

  it('50 MB JSON Lines text under the default limits: skipped as E_TOO_LARGE by the line bound (never buffered), the next line analyzed', async () => {
    const outcome = outcomeOf(await run([dir.path('huge')]));
    const bytes = FIFTY_MB + '{"id":"huge","text":""}'.length;
    expect(outcome).toEqual({
      analyzed: ['after', 'control'],
      skipped: [{ id: `${file}:1`, code: 'E_TOO_LARGE', reason: `${file}:1: line is ${bytes} bytes, over the 2248576-byte line bound set by maxArticleChars 200000` }],
    });
  });

  it('50 MB JSON Lines text with a raised line bound: read, then skipped as E_TOO_LARGE by maxArticleChars with both sizes', async () => {
    const outcome = outcomeOf(await run([dir.path('huge')], { maxArticleChars: 10_000_000 }));
    expect(outcome).toEqual({
      analyzed: ['after', 'control'],
      skipped: [{ id: 'huge', code: 'E_TOO_LARGE', reason: `${file}:1: the text is ${FIFTY_MB} characters, over maxArticleChars 10000000` }],
    });
  });

  it('50 MB .txt under the default limits: skipped as E_TOO_LARGE from its size alone, before reading', async () => {
    const txt = dir.path('huge-txt/big.txt');
    dir.write('huge-txt/control.txt', CONTROL_TEXT);
    dir.write('huge-txt/big.txt', Buffer.alloc(FIFTY_MB, 0x61));
    const outcome = outcomeOf(await run([dir.path('huge-txt')]));
    expect(outcome).toEqual({
      analyzed: ['control'],
      skipped: [{ id: 'big', code: 'E_TOO_LARGE', reason: `${txt}: file is ${FIFTY_MB} bytes, so its text is over maxArticleChars 200000 (at least ${Math.floor((FIFTY_MB - 3) / 3)} characters); not read` }],
    });
  });
});

/** 10,000 near-identical short reports of one launch, from eight outlets on one day. */
function eventArticles(n: number): string {
  const outlets = ['Reuters', 'AP', 'RT', 'KCNA', 'Yonhap', 'BBC', 'AFP', 'TASS'];
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const outlet = outlets[i % outlets.length]!;
    const text =
      `North Korea fired ${(i % 3) + 1} ballistic missiles into the sea off its east coast on Sunday, ${outlet} reported. ` +
      'The launch came days after joint drills by South Korea and the United States. ' +
      `Officials in Seoul condemned the launch as a provocation. Update ${i}.`;
    lines.push(JSON.stringify({ id: `a${String(i).padStart(5, '0')}`, outlet, published: '2024-03-17', text }));
  }
  return `${lines.join('\n')}\n`;
}

describe('a 10,000-article event', () => {
  const N = 10_000;
  const MAX_PAIRS = 10_000;
  let analysis: Analysis;
  beforeAll(async () => {
    dir.write('event/launch.jsonl', eventArticles(N));
    analysis = await run([dir.path('event')], { maxPairsPerEvent: MAX_PAIRS });
  }, 120_000);

  it('10,000-article event: the run finishes with every article analyzed and none skipped', () => {
    expect(analysis.skips).toEqual([]);
    expect(analysis.docs).toHaveLength(N);
    expect(analysis.grouping.articles).toHaveLength(N);
  });

  it('10,000-article event: comparisons per event stay within maxPairsPerEvent (or one neighbour each past it)', () => {
    const sizes = new Map(analysis.grouping.events.map((e) => [e.id, e.articleIds.length]));
    for (const event of analysis.events) {
      const n = sizes.get(event.eventId)!;
      expect(event.pairs.length).toBeLessThanOrEqual(Math.max(MAX_PAIRS, n - 1));
    }
  });

  // BUG (group/): blocking skips features found in more than max(200, 0.2% of N) articles, so
  // 10,000 reports of one launch share no usable block key and each becomes its own event
  // (measured: 10,000 singleton events; with 1,000 articles, 20 events split by outlet and count).
  it.fails('10,000-article event: near-identical reports of one launch are grouped into one event', () => {
    const biggest = Math.max(...analysis.grouping.events.map((e) => e.articleIds.length));
    expect(biggest).toBeGreaterThanOrEqual(0.9 * N);
  });
});

describe('one very long article', () => {
  // The quotes analyzer grows faster than the text (measured on prose with quotes: 50,000 characters
  // 1.4 s, 100,000 2.3 s, 200,000 7.2 s), so the default maxArticleChars is 200,000 (about 30,000
  // words, past any news article). Not a test here: the suite allows no timed assertions; this marks
  // the case until the analyzer is linear.
  it.todo('the quotes analyzer is linear in the article length');
});

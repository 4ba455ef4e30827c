/**
 * Bad-input catalogue, part 6: size. A 50 MB text is skipped by the limits without being held
 * whole; a 10,000-article event finishes with bounded comparisons.
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/pipeline/index.js';
import { CONTROL_TEXT, makeTempDir, outcomeOf, run } from './helpers.js';
import { makeTestDoc } from '../helpers.js';
import { mentionsAnalyzer } from '../../src/frames/naming/index.js';
import { quotesAnalyzer } from '../../src/frames/sources/index.js';

const dir = makeTempDir('scale');

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
  }, 300_000);

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

  // Once a known bug (group/): blocking skipped features found in more than max(200, 0.2% of N) articles, so
  // these reports never met (10,000 singleton events); then exact duplicates became one unit, but a corpus
  // that is one event had no event-specific feature by corpus df, so the gate of step 6 kept its 8 outlets
  // apart (8 events of 1,250). Features whose holders are all dated within the grace days are specific now:
  // a one-day collection's shared words are its event's. The claims of one 10,000-article event are then
  // aligned between neighbouring articles only (MAX_CLAIM_ARTICLE_PAIRS), or they filled a Map past its limit.
  it('10,000-article event: near-identical reports of one launch are grouped into one event', () => {
    const biggest = Math.max(...analysis.grouping.events.map((e) => e.articleIds.length));
    expect(biggest).toBeGreaterThanOrEqual(0.9 * N);
  });
});

describe('one very long article', () => {
  // The quotes analyzer once rescanned all mentions, persons, speakers and quotes per quote (50,000 characters
  // 1.4 s, 100,000 2.3 s, 200,000 7.2 s), hence the default maxArticleChars of 200,000. It now indexes them by
  // position, key and sentence. The suite allows no timed assertions, so this counts work instead: reads of
  // the token array, which nearly every step of the analyzer goes through.
  const BLOCK =
    'Officials in Springfield met on Monday to discuss the bridge. "We will rebuild it within a year," said Mayor Ann Lee, ' +
    'a Democrat. She added that the state would pay. The ministry said in a statement that funds were ready. ' +
    '"This is a good day for the city," the spokesman told reporters. According to analyst Tom Park, costs could rise.\n\n' +
    'Mr. Park has long argued that "prices never fall," and he repeated it on Tuesday, saying the market was tight.\n\n';

  /** Attributions and token-array reads of the quotes analyzer on `blocks` copies of BLOCK. */
  function analyzeBlocks(blocks: number): { quotes: number; reads: number } {
    const doc = makeTestDoc(BLOCK.repeat(blocks));
    doc.layers.mentions = mentionsAnalyzer.run(doc);
    let reads = 0;
    doc.tokens = new Proxy(doc.tokens, {
      get(target, key, receiver): unknown {
        if (typeof key === 'string' && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const quotes = quotesAnalyzer.run(doc).length;
    return { quotes, reads };
  }

  it('the quotes analyzer is linear in the article length: four times the text, four times the work', () => {
    const small = analyzeBlocks(30); // 13,470 characters, 180 attributions
    const large = analyzeBlocks(120); // 53,880 characters
    expect(small.quotes).toBeGreaterThanOrEqual(5 * 30);
    expect(large.quotes).toBe(4 * small.quotes);
    // Binary searches add a logarithmic factor (measured 4.3); the former rescans made it 15.8.
    expect(large.reads / small.reads).toBeLessThan(5);
  });
});

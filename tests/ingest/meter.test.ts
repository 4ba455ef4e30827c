import { describe, expect, it } from 'vitest';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { inputBytes, inputBytesRead, inputMeter, readInputs } from '../../src/ingest/index.js';
import { tempDir } from '../tmp.js';

/** A folder with a plain and a gzipped JSON Lines file (the gzip large enough to be read in several chunks), a text file and an unsupported one. */
function corpus(): { dir: string; size: number } {
  const dir = tempDir('meter');
  const line = (i: number): string => JSON.stringify({ id: `r${i}`, text: `Article ${i}: ${'word '.repeat(40 + (i % 17))}${i * 7919}` });
  writeFileSync(join(dir, 'a.jsonl'), Array.from({ length: 20 }, (_, i) => line(i)).join('\n'));
  // Pseudo-random hex, so the gzip stays about a megabyte: larger than the streams read ahead.
  let x = 1;
  const hex = (n: number): string => Array.from({ length: n }, () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8).toString(16)).join(' ');
  const noisy = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `g${i}`, text: `Story ${i}: ${hex(60)}` }));
  writeFileSync(join(dir, 'b.jsonl.gz'), gzipSync(noisy.join('\n')));
  writeFileSync(join(dir, 'c.txt'), 'A short article about nothing in particular.');
  writeFileSync(join(dir, 'd.bin'), Buffer.from([0, 1, 2, 3]));
  const size = ['a.jsonl', 'b.jsonl.gz', 'c.txt', 'd.bin'].reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  return { dir, size };
}

describe('input meter', () => {
  it('counts the bytes read, never going back, up to every input file’s size', async () => {
    const { dir, size } = corpus();
    expect(await inputBytes([dir])).toBe(size);
    const meter = inputMeter();
    const seen: number[] = [];
    let records = 0;
    for await (const item of readInputs([dir], {}, meter)) {
      if (item.kind === 'record') records++;
      seen.push(inputBytesRead(meter));
    }
    expect(records).toBe(3021);
    expect(seen.every((b, i) => i === 0 || b >= seen[i - 1]!)).toBe(true);
    expect(seen.every((b) => b <= size)).toBe(true);
    // Part-way through the gzip the meter is neither at its start nor at its end.
    expect(seen.some((b) => b > statSync(join(dir, 'a.jsonl')).size && b < size - statSync(join(dir, 'c.txt')).size - 4)).toBe(true);
    expect(inputBytesRead(meter)).toBe(size);
  });

  it('counts files left unread after maxArticles as read, so the share still ends at 100 %', async () => {
    const { dir, size } = corpus();
    const meter = inputMeter();
    for await (const item of readInputs([dir], { maxArticles: 5 }, meter)) void item;
    expect(inputBytesRead(meter)).toBe(size);
  });

  it('reads the same items with and without a meter', async () => {
    const { dir } = corpus();
    const plain: unknown[] = [];
    for await (const item of readInputs([dir])) plain.push(item);
    const metered: unknown[] = [];
    for await (const item of readInputs([dir], {}, inputMeter())) metered.push(item);
    expect(metered).toEqual(plain);
  });
});

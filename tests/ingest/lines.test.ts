import { describe, expect, it } from 'vitest';
import { splitLines, type ByteLine } from '../../src/ingest/lines.js';

async function split(chunks: string[], max = 100): Promise<(string | number)[][]> {
  const out: (string | number)[][] = [];
  async function* source() {
    for (const chunk of chunks) yield Buffer.from(chunk);
  }
  for await (const line of splitLines(source(), max) as AsyncGenerator<ByteLine>) {
    out.push('tooLong' in line ? [line.line, 'tooLong', line.tooLong] : [line.line, line.bytes.toString()]);
  }
  return out;
}

describe('splitLines', () => {
  it('splits on LF across chunk boundaries, drops a CR before it, and keeps a last line without LF', async () => {
    expect(await split(['ab', 'c\r', '\nd\n\ne', 'f'])).toEqual([
      [1, 'abc'],
      [2, 'd'],
      [3, ''],
      [4, 'ef'],
    ]);
  });

  it('reports a line over the bound with its full byte count and reads the next one', async () => {
    expect(await split(['x'.repeat(60), 'y'.repeat(60), '\nshort\n'], 100)).toEqual([
      [1, 'tooLong', 120],
      [2, 'short'],
    ]);
  });

  it('yields nothing for an empty stream', async () => {
    expect(await split([])).toEqual([]);
  });
});

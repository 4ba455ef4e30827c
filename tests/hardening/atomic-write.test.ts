/**
 * Reports are written to a temporary sibling and renamed into place. node:fs/promises is
 * wrapped so the test sees every write and rename, and can make a write fail half-way
 * (a full disk): no report file that looks whole may be left behind.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import type { Analysis } from '../../src/pipeline/index.js';
import { CONTROL_TEXT, listTree, makeTempDir, run, storyText } from './helpers.js';

const io = vi.hoisted(() => ({
  writes: [] as string[],
  renames: [] as [string, string][],
  /** When set, a write to a path ending like this writes half its data and then fails. */
  failOn: null as string | null,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const writeFile: typeof fs.writeFile = async (path, data, options) => {
    const p = String(path);
    io.writes.push(p);
    if (io.failOn && p.includes(io.failOn) && (typeof data === 'string' || data instanceof Uint8Array)) {
      await fs.writeFile(path, data.slice(0, Math.floor(data.length / 2)), options);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    return fs.writeFile(path, data, options);
  };
  const rename: typeof fs.rename = async (from, to) => {
    io.renames.push([String(from), String(to)]);
    return fs.rename(from, to);
  };
  return { ...fs, default: { ...fs, writeFile, rename }, writeFile, rename };
});

const { writeFileAtomic, writeReports } = await import('../../src/report/index.js');

const dir = makeTempDir('atomic');

const REPORT_FILES = ['index.html', 'report.json', 'report.md', 'report.schema.json'];

describe('atomic report writing', () => {
  let analysis: Analysis;
  beforeAll(async () => {
    dir.write('in/a.txt', CONTROL_TEXT);
    dir.write('in/b.txt', storyText(2));
    analysis = await run([dir.path('in')]);
  });
  beforeEach(() => {
    io.writes.length = 0;
    io.renames.length = 0;
    io.failOn = null;
  });

  it('writeReports writes every report file to a temporary sibling and renames it into place', async () => {
    const out = dir.path('out-ok');
    await writeReports(analysis, out);
    expect(io.writes.map((p) => p.slice(out.length + 1)).sort()).toEqual(REPORT_FILES.map((f) => `${f}.tmp-${process.pid}`));
    expect(io.renames.map(([from, to]) => [from.slice(out.length + 1), to.slice(out.length + 1)]).sort()).toEqual(REPORT_FILES.map((f) => [`${f}.tmp-${process.pid}`, f]));
    expect(listTree(out)).toEqual(REPORT_FILES);
  });

  it('a write failing half-way leaves no half file and no temporary file, and the error reaches the caller', async () => {
    const path = dir.path('out-half/report.json');
    io.failOn = 'report.json';
    await expect(writeFileAtomic(path, JSON.stringify({ big: 'x'.repeat(10_000) }))).rejects.toThrow('ENOSPC');
    expect(listTree(dir.path('out-half'))).toEqual([]);
  });

  it('a write failing half-way over an earlier report keeps the earlier file whole', async () => {
    const out = dir.path('out-again');
    await writeReports(analysis, out);
    const before = readFileSync(join(out, 'report.json'), 'utf8');
    io.failOn = 'report.md';
    await expect(writeReports(analysis, out)).rejects.toThrow('ENOSPC');
    expect(listTree(out)).toEqual(REPORT_FILES);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(before);
    // The markdown from the first run is still complete: it ends with its final newline, not mid-write.
    expect(JSON.parse(before).summary.analyzed).toBe(2);
    expect(readFileSync(join(out, 'report.md'), 'utf8').endsWith('\n')).toBe(true);
  });
});

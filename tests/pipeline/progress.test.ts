import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { progressState } from '../../src/pipeline/progress.js';
import { analyzeToDir, type RunProgress } from '../../src/pipeline/run.js';
import { tempDir } from '../tmp.js';

describe('progressState', () => {
  it('uses the count when the total is known, with the time left at the rate so far', () => {
    expect(progressState({ phase: 'stories', done: 25, total: 100 }, undefined, 30)).toEqual({ value: 25, total: 100, count: '25/100', eta: '1m30s' });
    expect(progressState({ phase: 'articles', done: 500, total: null }, 1000, 10)).toEqual({ value: 500, total: 1000, count: '500/1000', eta: '10s' });
  });
  it('follows the input bytes while the article count is unknown', () => {
    const s = progressState({ phase: 'articles', done: 1200, total: null, input: { read: 250, total: 1000 } }, undefined, 3600);
    expect(s).toEqual({ value: 250, total: 1000, count: '1200 (25 % of input)', eta: '3h00m' });
  });
  it('shows no ETA when nothing says how far along the run is', () => {
    expect(progressState({ phase: 'articles', done: 7, total: null }, undefined, 5)).toEqual({ value: 7, total: 7, count: '7', eta: '–' });
    expect(progressState({ phase: 'articles', done: 0, total: null, input: { read: 0, total: 10 } }, undefined, 0).eta).toBe('–');
  });
});

describe('analyzeToDir progress', () => {
  it('reports the input bytes read in the articles phase, ending at the inputs’ size', async () => {
    const updates: RunProgress[] = [];
    const size = ['001_25f2c3e4e1f9c047.txt', '002_c109a28eec74ea5f.txt'].reduce((n, f) => n + statSync(join('data/sample', f)).size, 0);
    await analyzeToDir(
      { inputs: ['data/sample/001_25f2c3e4e1f9c047.txt', 'data/sample/002_c109a28eec74ea5f.txt'] },
      { outDir: tempDir('progress'), workers: 0, pageLimit: 0, onProgress: (p) => updates.push(p) },
    );
    const articles = updates.filter((p) => p.phase === 'articles');
    expect(articles.length).toBeGreaterThan(0);
    expect(articles.at(-1)!.input).toEqual({ read: size, total: size });
    // The count of recurring paragraphs reads the inputs first, with its own share of them.
    expect(updates[0]).toEqual({ phase: 'count', done: 2, total: null, input: { read: size, total: size } });
    expect(updates.findIndex((p) => p.phase === 'articles')).toBeGreaterThan(0);
  });
});

describe('runShard progress', () => {
  it('reports the share of all input bytes read, which every shard reads whole', async () => {
    const { runShard } = await import('../../src/shard/index.js');
    const inputs = ['data/sample/001_25f2c3e4e1f9c047.txt', 'data/sample/002_c109a28eec74ea5f.txt'];
    const size = inputs.reduce((n, f) => n + statSync(f).size, 0);
    const updates: RunProgress[] = [];
    await runShard({ inputs, options: {} }, { shards: 1, index: 0, outDir: tempDir('shard-progress'), workers: 0, onProgress: (p) => updates.push(p) });
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.at(-1)).toMatchObject({ phase: 'articles', done: 2, input: { read: size, total: size } });
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/pipeline/index.js';
import { analyzeToDir } from '../../src/pipeline/run.js';
import { writeReports, ReportSchema } from '../../src/report/index.js';
import { syntheticCorpusDir } from './corpus.js';
import { tempDir } from '../tmp.js';

const tmp = (): string => tempDir('run');
const read = (dir: string, name = 'report.json'): string => readFileSync(join(dir, name), 'utf8');

describe('analyzeToDir', () => {
  it('writes the same report.json, report.md and index.html as analyze() with writeReports, on the bundled sample', async () => {
    const a = tmp();
    const b = tmp();
    await writeReports(await analyze({ inputs: ['data/sample'] }), a);
    await analyzeToDir({ inputs: ['data/sample'] }, { outDir: b, workers: 0 });
    for (const name of ['report.json', 'report.md', 'index.html', 'report.schema.json']) expect(read(b, name), name).toBe(read(a, name));
  });

  it('writes a report.json that validates against ReportSchema, with grouped-only framing matching analyze()', async () => {
    const corpus = syntheticCorpusDir();
    const a = tmp();
    const b = tmp();
    await writeReports(await analyze({ inputs: [corpus], options: { frames: 'grouped' } }), a);
    const run = await analyzeToDir({ inputs: [corpus], options: { frames: 'grouped' } }, { outDir: b, workers: 0, batchSize: 5 });
    expect(read(b)).toBe(read(a));
    const report = ReportSchema.parse(JSON.parse(read(b)));
    expect(run.analyzed).toBe(24);
    const layered = report.articles.filter((x) => Object.keys(x.layers).length > 0).map((x) => x.id);
    const grouped = new Set(report.stories.filter((s) => s.articleIds.length > 1).flatMap((s) => s.articleIds));
    expect(layered.sort()).toEqual([...grouped].sort());
    expect(grouped.size).toBeGreaterThan(0);
  });

  it("with frames 'none' writes no findings and no framing, and the same groups and wording as a framed run", async () => {
    const corpus = syntheticCorpusDir();
    const a = tmp();
    const b = tmp();
    const framed = tmp();
    await writeReports(await analyze({ inputs: [corpus], options: { frames: 'none' } }), a);
    await analyzeToDir({ inputs: [corpus], options: { frames: 'none' } }, { outDir: b, workers: 0, batchSize: 5 });
    await analyzeToDir({ inputs: [corpus], options: { frames: 'grouped' } }, { outDir: framed, workers: 0, batchSize: 5 });
    expect(read(b)).toBe(read(a));
    const report = ReportSchema.parse(JSON.parse(read(b)));
    const withFraming = ReportSchema.parse(JSON.parse(read(framed)));
    expect(report.options.frames).toBe('none');
    expect(report.articles.filter((x) => Object.keys(x.layers).length > 0)).toEqual([]);
    expect(report.comparisons.length).toBeGreaterThan(0);
    expect(report.comparisons.every((c) => Object.keys(c.framing).length === 0)).toBe(true);
    expect([...report.events, ...report.stories].filter((g) => 'framing' in g.analyses)).toEqual([]);
    expect(report.events.filter((e) => e.articleIds.length > 1).every((e) => 'commonSources' in e.analyses)).toBe(true);
    // Framing never feeds grouping or wording: the same groups, pairs and passages as with it.
    expect(report.memberships).toEqual(withFraming.memberships);
    expect(report.comparisons.map((c) => c.wording)).toEqual(withFraming.comparisons.map((c) => c.wording));
    expect(read(b, 'report.md')).toContain('Framing was not analyzed');
    expect(read(b, 'index.html')).toContain('Framing was not analyzed');
  });

  it('gives a byte-identical report.json with 0, 1 and 2 worker threads', async () => {
    const corpus = syntheticCorpusDir();
    const outs = [tmp(), tmp(), tmp()];
    for (const [i, workers] of [0, 1, 2].entries()) await analyzeToDir({ inputs: [corpus] }, { outDir: outs[i]!, workers, batchSize: 4 });
    expect(read(outs[1]!)).toBe(read(outs[0]!));
    expect(read(outs[2]!)).toBe(read(outs[0]!));
  }, 60_000);

  it('resumes an interrupted run from the run directory and writes the same report as an uninterrupted run', async () => {
    const corpus = syntheticCorpusDir();
    const clean = tmp();
    await analyzeToDir({ inputs: [corpus] }, { outDir: clean, workers: 0, batchSize: 3 });

    const out = tmp();
    await expect(analyzeToDir({ inputs: [corpus] }, { outDir: out, workers: 0, batchSize: 3, stopAfterBatches: 4 })).rejects.toThrow(/stopped after 4/);
    const resumed = await analyzeToDir({ inputs: [corpus] }, { outDir: out, workers: 0, batchSize: 3 });
    // Batches in flight when it stopped were finished and kept too.
    expect(resumed.timings.cachedBatches).toBeGreaterThanOrEqual(4);
    expect(resumed.timings.cachedBatches).toBeLessThan(12);
    expect(read(out)).toBe(read(clean));

    // Losing some cached results only costs their recomputation.
    const p1 = join(out, '.run', 'p1');
    const bins = readdirSync(p1).filter((f) => f.endsWith('.bin')).sort();
    for (const f of bins.slice(0, 3)) rmSync(join(p1, f));
    for (const f of readdirSync(join(out, '.run', 'p2')).slice(0, 2)) rmSync(join(out, '.run', 'p2', f));
    const again = await analyzeToDir({ inputs: [corpus] }, { outDir: out, workers: 0, batchSize: 3 });
    expect(again.timings.cachedBatches).toBe(bins.length - 3);
    expect(read(out)).toBe(read(clean));
  });

  it('writes no report when no article could be analyzed', async () => {
    const out = tmp();
    const run = await analyzeToDir({ inputs: [join(tmp(), 'missing.txt')] }, { outDir: out, workers: 0 });
    expect(run.analyzed).toBe(0);
    expect(run.written).toEqual([]);
  });
});

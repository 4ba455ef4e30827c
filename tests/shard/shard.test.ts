import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeToDir } from '../../src/pipeline/run.js';
import { mergeCounts, mergeShards, runCountShard, runShard, shardOf, shuffleSql } from '../../src/shard/index.js';
import { countRecurring } from '../../src/pipeline/recurring.js';
import { newsletterCorpus, syntheticCorpusDir } from '../pipeline/corpus.js';
import { tempDir } from '../tmp.js';

const tmp = (): string => tempDir('shard');

async function shardedReport(inputs: string[], shards: number): Promise<{ report: string; candidatePairs: number }> {
  const dir = tmp();
  for (let i = 0; i < shards; i++) await runShard({ inputs }, { shards, index: i, outDir: dir, workers: 0, batchSize: 3 });
  const out = tmp();
  const merged = await mergeShards(dir, { outDir: out, workers: 0 });
  return { report: readFileSync(join(out, 'report.json'), 'utf8'), candidatePairs: merged.candidatePairs };
}

async function singleReport(inputs: string[]): Promise<string> {
  const out = tmp();
  await analyzeToDir({ inputs }, { outDir: out, workers: 0 });
  return readFileSync(join(out, 'report.json'), 'utf8');
}

describe('shards and merge', () => {
  it('assigns every id to one shard, the same one every time', () => {
    expect(shardOf('a', 4)).toBe(shardOf('a', 4));
    const seen = new Set(Array.from({ length: 200 }, (_, i) => shardOf(`id-${i}`, 4)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });

  it('keeps the shuffle in portable SQL files, run in order', () => {
    expect(shuffleSql().map((s) => s.name)).toEqual(['01_df.sql', '02_blocks.sql', '03_candidates.sql']);
  });

  it('4 shards merged give the same groups and report.json as one process, on the bundled sample', async () => {
    const single = await singleReport(['data/sample']);
    const sharded = await shardedReport(['data/sample'], 4);
    expect(JSON.parse(sharded.report).memberships).toEqual(JSON.parse(single).memberships);
    expect(sharded.report).toBe(single);
  }, 60_000);

  it('4 shards merged give the same groups and report.json as one process, on a synthetic corpus with several events', async () => {
    const corpus = syntheticCorpusDir();
    const single = await singleReport([corpus]);
    const sharded = await shardedReport([corpus], 4);
    expect(sharded.candidatePairs).toBeGreaterThan(0);
    const events = (JSON.parse(single) as { events: Array<{ articleIds: string[] }> }).events.filter((e) => e.articleIds.length > 1);
    expect(events.length).toBeGreaterThan(0);
    expect(sharded.report).toBe(single);
  }, 60_000);

  it('4 shards merged leave out the same recurring paragraphs as one process (each shard counts all inputs)', async () => {
    const file = newsletterCorpus(tmp());
    const single = await singleReport([file]);
    expect(single).toContain('"code":"group:recurring-paragraph"');
    expect((await shardedReport([file], 4)).report).toBe(single);
  }, 60_000);

  it('at scale the count is its own step: count shards reduced by SQL give the single-process count, and shards read it', async () => {
    const file = newsletterCorpus(tmp());
    const dir = tmp();
    for (let i = 0; i < 4; i++) await runCountShard({ inputs: [file] }, { shards: 4, index: i, outDir: dir });
    const { recurring } = await mergeCounts(dir);
    expect(recurring.keys.length).toBeGreaterThan(0);
    expect(recurring).toEqual(await countRecurring({ inputs: [file], ingest: {}, minArticles: 10 }));
    const phases = new Set<string>();
    for (let i = 0; i < 4; i++) await runShard({ inputs: [file] }, { shards: 4, index: i, outDir: dir, workers: 0, batchSize: 3, onProgress: (p) => phases.add(p.phase) });
    expect(phases.has('count')).toBe(false);
    const out = tmp();
    await mergeShards(dir, { outDir: out, workers: 0 });
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(await singleReport([file]));
    await expect(mergeCounts(tmp())).rejects.toThrow(/no count-\*\.json files/);
    // A shard run with another threshold than the count's refuses it rather than use it.
    await expect(runShard({ inputs: [file], options: { recurringMinArticles: 5 } }, { shards: 4, index: 0, outDir: dir, workers: 0 })).rejects.toThrow(/recurring\.json was counted for other inputs/);
  }, 60_000);

  it('refuses to merge a shard written by another build, naming the shard and both formats', async () => {
    const dir = tmp();
    await runShard({ inputs: ['data/sample'] }, { shards: 1, index: 0, outDir: dir, workers: 0 });
    const manifest = join(dir, 'shard-0000-of-0001.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), format: 'framelens-run-4' }));
    await expect(mergeShards(dir, { outDir: tmp(), workers: 0 })).rejects.toThrow(/shard 0 was written by another framelens build \(format framelens-run-4/);
  }, 60_000);
});

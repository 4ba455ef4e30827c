/**
 * Beyond one machine: the per-article stages as idempotent shard jobs writing
 * Parquet, and the grouping shuffle (blocking keys → candidate pairs) as SQL
 * (sql/*.sql, run here on an in-memory DuckDB; the same statements run on
 * Spark SQL or Trino, see README.md here).
 *
 * - `runShard`: reads every input, keeps the records whose id hashes to this
 *   shard, runs clean → meta → text (→ frames) → features, and writes
 *   `shard-<i>-of-<n>.articles.parquet` (one row per article: features, corpus
 *   statistics contributions, the spilled article) and
 *   `shard-<i>-of-<n>.features.parquet` (one row per article and feature: the
 *   input of the SQL shuffle). Re-running a shard rewrites the same files.
 * - `runCountShard` and `mergeCounts` (at scale, before the shards): the outlets' recurring paragraphs
 *   counted per shard and reduced by SQL (sql/count/) into `recurring.json`, which `runShard` reads;
 *   without it each shard counts over all inputs itself.
 * - `mergeShards`: candidate pairs by SQL over all shards' feature rows,
 *   checked against group/'s own blocking, then the single-machine grouping,
 *   story comparisons and reports (pipeline/run.ts `finishRun`): the report is
 *   the one `analyzeToDir` writes for the same inputs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Skip } from '../doc/types.js';
import { inputBytes, inputMeter, readInputs, readManifest, type IngestOptions, type ManifestEntry } from '../ingest/index.js';
import { dayNumber, defaultGroupOptions, groupWithDiagnostics, recurringCounter, timeWindowDays, type ArticleFeatures, type Pin, type RecurringParagraphs } from '../group/index.js';
import { emptyStats } from '../compare/index.js';
import { AnalyzeOptionsSchema, ingestOptionsOf, type AnalyzeOptions, type AnalyzeOptionsInput } from '../pipeline/options.js';
import { cpuMsNow, emptyTimings, executor, finishRun, inputShare, ordered, peakRssMb, type RunProgress, type RunResult, type RunSettings } from '../pipeline/run.js';
import { addHashesToStats } from '../pipeline/stats.js';
import { CACHE_VERSION, hashKey, rangeReader, writeAtomic, type BatchResult, type ByteRef } from '../pipeline/spill.js';
import type { BatchTask } from '../pipeline/tasks.js';
import { COUNTED_FORMATS, countRecurring } from '../pipeline/recurring.js';

/** The shard an article id belongs to: first 4 bytes of its SHA-256, modulo the shard count. */
export function shardOf(id: string, shards: number): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0) % shards;
}

export interface ShardRequest {
  inputs: readonly string[];
  options?: AnalyzeOptionsInput;
  manifest?: Map<string, ManifestEntry> | string;
}

export interface ShardSettings {
  shards: number;
  index: number;
  /** Folder shared by all shards (a bucket path on a cluster). */
  outDir: string;
  workers?: number;
  batchSize?: number;
  /** Articles read for this shard, with the share of all input bytes read (every shard reads all the inputs). */
  onProgress?: (p: RunProgress) => void;
}

/** Written beside each shard's Parquet files: what the merge checks all shards agree on. */
interface ShardManifest {
  /** The run-directory format (spill.ts CACHE_VERSION): shards written by another build are not merged. */
  format?: string;
  shards: number;
  index: number;
  inputs: string[];
  options: AnalyzeOptions;
  articles: number;
  skips: number;
}

/** `<dir>/<kind>-0003-of-0016`: the stem of a shard's (or count shard's) files. */
const stem = (dir: string, kind: string, index: number, shards: number): string => join(dir, `${kind}-${String(index).padStart(4, '0')}-of-${String(shards).padStart(4, '0')}`);

const base = (s: ShardSettings): string => stem(s.outDir, 'shard', s.index, s.shards);

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * An in-memory DuckDB whose spill files (a shuffle larger than memory) go to `tempDir`, removed after:
 * DuckDB's default for an in-memory database is `.tmp` in the working directory, which is the user's.
 */
async function withDuckDb<T>(tempDir: string, f: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', { temp_directory: tempDir });
  const connection = await instance.connect();
  try {
    return await f(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/** One shard job: per-article stages for this shard's records, written as Parquet. */
export async function runShard(request: ShardRequest, settings: ShardSettings): Promise<{ articles: number; skips: number; files: string[] }> {
  checkShard(settings);
  const options = AnalyzeOptionsSchema.parse(request.options ?? {});
  const manifest = typeof request.manifest === 'string' ? await readManifest(request.manifest) : request.manifest;
  const work = `${base(settings)}.work`;
  rmSync(work, { recursive: true, force: true });
  const ingest = ingestOptionsOf(options);
  const inputTotal = settings.onProgress ? await inputBytes(request.inputs) : 0;
  // The recurring paragraphs: from `framelens merge-counts` when it ran (recurring.json in the shared
  // folder), else counted here over all inputs, which every shard reads anyway, to the same result.
  const recurring =
    readRecurringFile(settings.outDir, request.inputs, ingest, options.recurringMinArticles) ??
    (await countRecurring({
      inputs: request.inputs,
      ingest,
      manifest,
      minArticles: options.recurringMinArticles,
      onProgress: settings.onProgress ? (done, m) => settings.onProgress?.({ phase: 'count', done, total: null, ...inputShare(m, inputTotal) }) : undefined,
    }));
  const exec = executor(settings.workers ?? availableParallelism());
  const rows: string[] = [];
  const featureRows: string[] = [];
  const reader = rangeReader();
  let articles = 0;
  let skipCount = 0;
  const keep = (id: string): boolean => shardOf(id, settings.shards) === settings.index;
  const meter = settings.onProgress ? inputMeter() : undefined;
  // `seq`: the record's place in the whole input stream, so the merge can count statistics in input order.
  const seqOf = new Map<string, number>();
  const addSkip = (s: Skip, seq: number): void => {
    skipCount++;
    rows.push(JSON.stringify({ seq, id: s.id, kind: 'skip', skip: JSON.stringify(s), core: null, features: null, pub_day: null, shingles: [], stems: [] }));
  };
  const results = ordered<BatchResult>(4, (r) => {
    for (const s of r.skips) addSkip(s, seqOf.get(s.id) ?? -1);
    for (const d of r.docs) {
      articles++;
      const f = d.features;
      rows.push(
        JSON.stringify({
          seq: seqOf.get(d.id) ?? -1,
          id: d.id,
          kind: 'doc',
          skip: null,
          core: reader.read(d.core),
          features: JSON.stringify({ ...f, keys: Array.from(f.keys), counts: Array.from(f.counts), spans: Array.from(f.spans) }),
          pub_day: f.published ? dayNumber(f.published) : null,
          shingles: Array.from(d.shingles),
          stems: Array.from(d.stems),
        }),
      );
      for (let k = 0; k < f.keys.length; k++) featureRows.push(`{"id":${JSON.stringify(d.id)},"feature_key":${f.keys[k]},"cnt":${f.counts[k]}}`);
    }
    settings.onProgress?.({ phase: 'articles', done: articles + skipCount, total: null, ...inputShare(meter, inputTotal) });
  });
  let batch: BatchTask['records'] = [];
  let n = 0;
  const send = async (): Promise<void> => {
    const records = batch;
    batch = [];
    const key = hashKey([options.frames, ...records.map((r) => r.record.id)]);
    await results.push(exec.run<BatchResult>({ kind: 'batch', task: { key, runDir: work, records, withFrames: options.frames === 'all', recurring } }));
  };
  try {
    for await (const item of readInputs(request.inputs, ingest, meter)) {
      const seq = n++;
      if (item.kind === 'skip') {
        if (keep(item.skip.id)) addSkip(item.skip, seq);
        continue;
      }
      if (!keep(item.record.id)) continue;
      seqOf.set(item.record.id, seq);
      batch.push({ record: item.record, manifest: manifest?.get(item.record.id) });
      if (batch.length >= (settings.batchSize ?? 64)) await send();
    }
    if (batch.length) await send();
    await results.drain();
  } finally {
    reader.close();
    await exec.destroy();
  }

  mkdirSync(settings.outDir, { recursive: true });
  const b = base(settings);
  writeFileSync(`${work}/articles.ndjson`, rows.length ? `${rows.join('\n')}\n` : '');
  writeFileSync(`${work}/features.ndjson`, featureRows.length ? `${featureRows.join('\n')}\n` : '');
  const files = [`${b}.articles.parquet`, `${b}.features.parquet`];
  await withDuckDb(`${work}/duckdb.tmp`, async (c) => {
    const articleColumns = "{seq: 'BIGINT', id: 'VARCHAR', kind: 'VARCHAR', skip: 'VARCHAR', core: 'VARCHAR', features: 'VARCHAR', pub_day: 'INTEGER', shingles: 'INTEGER[]', stems: 'INTEGER[]'}";
    const featureColumns = "{id: 'VARCHAR', feature_key: 'BIGINT', cnt: 'INTEGER'}";
    for (const [name, columns, file] of [
      ['articles', articleColumns, files[0]!],
      ['features', featureColumns, files[1]!],
    ] as const) {
      const tmp = `${file}.tmp`;
      await c.run(`COPY (SELECT * FROM read_json(${sqlString(`${work}/${name}.ndjson`)}, format = 'newline_delimited', columns = ${columns}) ORDER BY ${name === 'articles' ? 'seq, id' : 'id, feature_key'}) TO ${sqlString(tmp)} (FORMAT PARQUET)`);
      renameSync(tmp, file);
    }
  });
  const meta: ShardManifest = { format: CACHE_VERSION, shards: settings.shards, index: settings.index, inputs: [...request.inputs], options, articles, skips: skipCount };
  writeAtomic(`${b}.json`, `${JSON.stringify(meta, null, 2)}\n`);
  rmSync(work, { recursive: true, force: true });
  return { articles, skips: skipCount, files: [...files, `${b}.json`] };
}

/** What a count shard and `recurring.json` record, for the shards and the merge to check they agree. */
interface CountManifest {
  format: string;
  inputs: string[];
  ingest: Partial<IngestOptions>;
  minArticles: number;
}

const RECURRING_FILE = 'recurring.json';

/** `<dir>/recurring.json` when `mergeCounts` wrote it for these inputs and options; null when absent. */
function readRecurringFile(dir: string, inputs: readonly string[], ingest: Partial<IngestOptions>, minArticles: number): RecurringParagraphs | null {
  const file = join(dir, RECURRING_FILE);
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8')) as CountManifest & RecurringParagraphs;
  const want: CountManifest = { format: CACHE_VERSION, inputs: [...inputs], ingest, minArticles };
  const got: CountManifest = { format: r.format, inputs: r.inputs, ingest: r.ingest, minArticles: r.minArticles };
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(`${file} was counted for other inputs, options or another framelens build: run \`framelens count\` and \`framelens merge-counts\` again, or delete it to count in every shard`);
  }
  return { keys: r.keys, articles: r.articles, outlets: r.outlets };
}

/**
 * One count job (the step before the shards at scale): the paragraph keys of this shard's articles, with
 * their outlets, article counts and day spans, as `count-<i>-of-<n>.parquet` for {@link mergeCounts}.
 * Its memory is this shard's distinct paragraphs, not the corpus's.
 */
export async function runCountShard(request: ShardRequest, settings: ShardSettings): Promise<{ articles: number; keys: number; files: string[] }> {
  checkShard(settings);
  const options = AnalyzeOptionsSchema.parse(request.options ?? {});
  const manifest = typeof request.manifest === 'string' ? await readManifest(request.manifest) : request.manifest;
  const ingest = ingestOptionsOf(options);
  const counter = recurringCounter();
  const meter = settings.onProgress ? inputMeter() : undefined;
  const inputTotal = meter ? await inputBytes(request.inputs) : 0;
  let articles = 0;
  for await (const item of readInputs(request.inputs, ingest, meter, COUNTED_FORMATS)) {
    if (item.kind !== 'record' || shardOf(item.record.id, settings.shards) !== settings.index) continue;
    counter.add(item.record, manifest?.get(item.record.id));
    if (++articles % 256 === 0) settings.onProgress?.({ phase: 'count', done: articles, total: null, ...inputShare(meter, inputTotal) });
  }
  const rows = counter.partial();
  const b = stem(settings.outDir, 'count', settings.index, settings.shards);
  const work = `${b}.work`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(`${work}/counts.ndjson`, rows.map((r) => `{"paragraph_key":${r.key},"outlet":${r.outlet},"articles":${r.articles},"lo":${r.lo},"hi":${r.hi},"undated":${r.undated ? 1 : 0}}\n`).join(''));
  await withDuckDb(`${work}/duckdb.tmp`, async (c) => {
    const columns = "{paragraph_key: 'BIGINT', outlet: 'INTEGER', articles: 'INTEGER', lo: 'INTEGER', hi: 'INTEGER', undated: 'INTEGER'}";
    await c.run(`COPY (SELECT * FROM read_json(${sqlString(`${work}/counts.ndjson`)}, format = 'newline_delimited', columns = ${columns}) ORDER BY paragraph_key, outlet) TO ${sqlString(`${b}.parquet.tmp`)} (FORMAT PARQUET)`);
  });
  renameSync(`${b}.parquet.tmp`, `${b}.parquet`);
  const meta: CountManifest & { shards: number; index: number } = { format: CACHE_VERSION, inputs: [...request.inputs], ingest, minArticles: options.recurringMinArticles, shards: settings.shards, index: settings.index };
  writeAtomic(`${b}.json`, `${JSON.stringify(meta, null, 2)}\n`);
  rmSync(work, { recursive: true, force: true });
  return { articles, keys: rows.length, files: [`${b}.parquet`, `${b}.json`] };
}

/**
 * The reduce of the count (one job after all count shards): `sql/count/01_recurring.sql` over their
 * Parquet files, written to `<dir>/recurring.json`, which every `framelens shard` into `dir` then reads
 * instead of counting all inputs itself. Gives what the single-process count gives.
 */
export async function mergeCounts(dir: string): Promise<{ recurring: RecurringParagraphs; file: string }> {
  const metas = readdirSync(dir)
    .filter((f) => /^count-\d+-of-\d+\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as CountManifest & { shards: number; index: number });
  if (metas.length === 0) throw new Error(`${dir}: no count-*.json files (run \`framelens count\` first)`);
  const first = metas[0]!;
  const missing = Array.from({ length: first.shards }, (_, i) => i).filter((i) => !metas.some((m) => m.index === i && m.shards === first.shards));
  if (missing.length) throw new Error(`${dir}: count shard(s) ${missing.join(', ')} of ${first.shards} missing`);
  const agree = (m: CountManifest): string => JSON.stringify([m.format, m.inputs, m.ingest, m.minArticles]);
  for (const m of metas) if (agree(m) !== agree(first)) throw new Error(`${dir}: count shard ${m.index} was run with other inputs, options or build than count shard ${first.index}`);
  const files = metas.map((m) => `${stem(dir, 'count', m.index, m.shards)}.parquet`);
  const rows = await withDuckDb(join(dir, `count-merge.duckdb.tmp`), async (c) => {
    await c.run(`CREATE TABLE counts AS SELECT * FROM read_parquet([${files.map(sqlString).join(', ')}])`);
    await c.run(`CREATE TABLE recurring_params AS SELECT ${first.minArticles} AS min_articles, CAST(${timeWindowDays(defaultGroupOptions)} AS DOUBLE) AS window_days`);
    return (await c.runAndReadAll(readFileSync(join(sqlDir(), 'count', '01_recurring.sql'), 'utf8'))).getRowObjectsJS();
  });
  const keys: number[] = [];
  const articles: number[] = [];
  const outlets = new Set<number>();
  for (const r of rows) {
    // A key is one outlet's paragraph; two outlets' paragraphs on one 32-bit key (a collision) count once, as in group/.
    if (keys.at(-1) === Number(r.paragraph_key)) continue;
    keys.push(Number(r.paragraph_key));
    articles.push(Number(r.articles));
    outlets.add(Number(r.outlet));
  }
  const recurring: RecurringParagraphs = { keys, articles, outlets: [...outlets].sort((a, b) => a - b) };
  const file = join(dir, RECURRING_FILE);
  const out: CountManifest & RecurringParagraphs = { format: first.format, inputs: first.inputs, ingest: first.ingest, minArticles: first.minArticles, ...recurring };
  writeAtomic(file, `${JSON.stringify(out)}\n`);
  return { recurring, file };
}

function checkShard(settings: Pick<ShardSettings, 'shards' | 'index'>): void {
  if (!Number.isInteger(settings.shards) || settings.shards < 1 || !Number.isInteger(settings.index) || settings.index < 0 || settings.index >= settings.shards) {
    throw new RangeError(`shard index must be 0..${settings.shards - 1} of ${settings.shards} shards, not ${settings.index}`);
  }
}

const SQL_DIR = resolve(new URL('.', import.meta.url).pathname, 'sql');

/** src/shard/sql, or its copy beside dist/shard. */
const sqlDir = (): string => (existsSync(SQL_DIR) ? SQL_DIR : resolve(new URL('.', import.meta.url).pathname, '../../src/shard/sql'));

/** The portable SQL statements, in order (src/shard/sql; copied beside dist/shard by the build). */
export function shuffleSql(): Array<{ name: string; sql: string }> {
  const dir = sqlDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * Candidate pairs by the SQL shuffle over feature rows, as [a, b] indices into
 * the articles sorted by id (a < b), sorted.
 */
export async function sqlCandidates(c: DuckDBConnection, featureFiles: readonly string[], articlesSql: string, n: number): Promise<Array<[number, number]>> {
  const opt = defaultGroupOptions;
  const list = `[${featureFiles.map(sqlString).join(', ')}]`;
  await c.run(`CREATE TABLE features AS SELECT id, feature_key, cnt FROM read_parquet(${list})`);
  await c.run(`CREATE TABLE articles AS ${articlesSql}`);
  await c.run(`CREATE TABLE corpus AS SELECT CAST(${n} AS DOUBLE) AS n`);
  const kinds = ['term', 'phrase', 'entity', 'place', 'number', 'date'] as const;
  await c.run(`CREATE TABLE kind_weights AS SELECT * FROM (VALUES ${kinds.map((k, i) => `(${i}, CAST(${opt.kindWeights[k]} AS DOUBLE))`).join(', ')}, (6, 1.0), (7, 1.0)) AS t(kind, weight)`);
  const cap = Math.max(opt.maxPostings, Math.ceil(opt.maxPostingShare * n));
  const windowDays = opt.graceDays - opt.decayDays * Math.log(1e-3);
  await c.run(`CREATE TABLE params AS SELECT ${opt.blockKeys} AS block_keys, ${cap} AS cap, ${opt.minSharedKeys} AS min_shared, CAST(${windowDays} AS DOUBLE) AS window_days`);
  const statements = shuffleSql();
  for (const s of statements.slice(0, -1)) await c.run(s.sql);
  const reader = await c.runAndReadAll(statements.at(-1)!.sql);
  return reader.getRowsJS().map((r) => [Number(r[0]), Number(r[1])] as [number, number]);
}

export interface MergeSettings extends Omit<RunSettings, 'stopAfterBatches'> {
  pins?: readonly Pin[];
}

/** All shards of `dir` → grouping (candidate pairs by SQL), comparisons, reports in `settings.outDir`. */
export async function mergeShards(dir: string, settings: MergeSettings): Promise<RunResult & { candidatePairs: number }> {
  const metas = readdirSync(dir)
    .filter((f) => /^shard-\d+-of-\d+\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ShardManifest);
  if (metas.length === 0) throw new Error(`${dir}: no shard-*.json files (run \`framelens shard\` first)`);
  const shards = metas[0]!.shards;
  const missing = Array.from({ length: shards }, (_, i) => i).filter((i) => !metas.some((m) => m.index === i && m.shards === shards));
  if (missing.length) throw new Error(`${dir}: shard(s) ${missing.join(', ')} of ${shards} missing`);
  const first = metas[0]!;
  for (const m of metas) {
    if (m.format !== CACHE_VERSION) throw new Error(`${dir}: shard ${m.index} was written by another framelens build (format ${m.format ?? 'unstamped'}, this build reads ${CACHE_VERSION}): run \`framelens shard\` again`);
    if (JSON.stringify(m.options) !== JSON.stringify(first.options) || JSON.stringify(m.inputs) !== JSON.stringify(first.inputs)) {
      throw new Error(`${dir}: shard ${m.index} was run with other inputs or options than shard ${first.index}`);
    }
  }
  const options = first.options;
  const articleFiles = metas.map((m) => `${stem(dir, 'shard', m.index, shards)}.articles.parquet`);
  const featureFiles = metas.map((m) => `${stem(dir, 'shard', m.index, shards)}.features.parquet`);
  const runDir = settings.runDir ?? join(settings.outDir, '.run');
  const timings = emptyTimings();
  const t = performance.now();

  return withDuckDb(join(runDir, 'duckdb.tmp'), async (c) => {
    // Articles in input order: the statistics are counted in that order, as in a single-process run.
    const rows = (await c.runAndReadAll(`SELECT seq, id, kind, skip, core, features, shingles, stems FROM read_parquet([${articleFiles.map(sqlString).join(', ')}]) ORDER BY seq, id`)).getRowObjectsJS();
    const features: ArticleFeatures[] = [];
    const coreOf = new Map<string, ByteRef>();
    const stats = emptyStats();
    const skips: Skip[] = [];
    const docsFile = join(runDir, 'merged', 'articles.docs');
    mkdirSync(join(runDir, 'merged'), { recursive: true });
    const lines: string[] = [];
    let offset = 0;
    for (const r of rows) {
      if (r.kind === 'skip') {
        skips.push(JSON.parse(String(r.skip)) as Skip);
        settings.onSkip?.(skips.at(-1)!);
        continue;
      }
      const core = String(r.core);
      const length = Buffer.byteLength(core);
      coreOf.set(String(r.id), { file: docsFile, offset, length });
      offset += length + 1;
      lines.push(core);
      features.push(JSON.parse(String(r.features)) as ArticleFeatures);
      addHashesToStats(stats, (r.shingles as number[]).map(Number), (r.stems as number[]).map(Number));
    }
    writeAtomic(docsFile, lines.length ? `${lines.join('\n')}\n` : '');
    lines.length = 0;

    // The shuffle: candidate pairs by SQL, which must be group/'s own blocking.
    const candidates = await sqlCandidates(c, featureFiles, `SELECT id, pub_day, ROW_NUMBER() OVER (ORDER BY id) - 1 AS ord FROM read_parquet([${articleFiles.map(sqlString).join(', ')}]) WHERE kind = 'doc'`, features.length);
    // The SQL gives every pair that shares a usable blocking key; group/ then keeps each article's
    // `maxCandidates` best of them (a per-article top-M, done where the vectors are). So group/'s
    // pairs must all be among the SQL's, and equal to them wherever no article hits the cap.
    // Exact duplicates are blocked once, as one unit (group/'s duplicateUnits), which the SQL does not do
    // yet: pairs of a duplicated unit are left out of the check.
    const diag = groupWithDiagnostics(features, {}, settings.pins ?? []);
    const duplicated = new Set<number>();
    diag.duplicateOf.forEach((r, i) => {
      if (r !== i) duplicated.add(r).add(i);
    });
    const js = diag.candidates.filter(([a, b]) => !duplicated.has(a) && !duplicated.has(b));
    const sqlPairs = new Set(candidates.map(([a, b]) => a * features.length + b));
    const missing = js.filter(([a, b]) => !sqlPairs.has(a * features.length + b)).length;
    if (missing > 0) throw new Error(`SQL blocking missed ${missing} of group/'s ${js.length} candidate pairs: the SQL no longer matches group/group.ts`);
    timings.articlesMs = performance.now() - t;
    timings.peakRssMbAfter.articles = peakRssMb();
    timings.cpuMsAfter.articles = cpuMsNow();
    const statsKey = hashKey(['merge', articleFiles.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'))]);
    const result = await finishRun(
      { features, coreOf, stats, skips, statsKey },
      { options, inputs: first.inputs, pins: settings.pins ?? [], runDir, exec: executor(settings.workers ?? availableParallelism()), settings, timings },
    );
    return { ...result, candidatePairs: candidates.length };
  });
}

/**
 * Research-scale runs: the whole pipeline over both cores with bounded memory,
 * resumable from a run directory, writing the reports into a folder.
 *
 * 1. Batches (main thread reads; workers analyze): records in batches of
 *    `batchSize` → clean, meta, text (+ framing analyzers), grouping features,
 *    corpus-statistics contributions. Each batch is keyed by the hash of its
 *    records and the options; its articles spill to the run directory.
 * 2. Grouping (main thread) over the features, statistics counted in input order.
 * 3. Stories (workers): each story of several articles, rebuilt from the run
 *    directory, compared (events and story); results keyed by hash.
 * 4. report.json streamed in report order (article entries made in workers).
 *
 * The report is byte-identical to `writeReports(await analyze(...))` on the same
 * inputs and options, whatever the number of workers, and whether or not the
 * run resumed.
 */
import { reportHead, skippedArticle } from '../report/build.js';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import v8 from 'node:v8';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { Skip } from '../doc/types.js';
import { inputBytes, inputBytesRead, inputMeter, readInputs, readManifest, type InputMeter, type ManifestEntry } from '../ingest/index.js';
import { groupArticles, MembershipSchema, type ArticleFeatures, type EventGroup, type Grouping, type Pin } from '../group/index.js';
import { emptyStats, type CorpusStats } from '../compare/index.js';
import { EventSchema, StorySchema } from '../report/schema.js';
import { reportElement, writeReportJsonStream, type ReportHead, type ReportSink, type SectionPiece } from '../report/stream.js';
import { reportJsonSchema, reportMarkdown, reportHtml, writeFileAtomic, type Report } from '../report/index.js';
import { AnalyzeOptionsSchema, ingestOptionsOf, type AnalyzeOptions, type AnalyzeOptionsInput } from './options.js';
import { addHashesToStats, encodeStats } from './stats.js';
import { countRecurringCached } from './recurring.js';
import { CACHE_VERSION, hashKey, rangeReader, readCachedBatch, writeAtomic, type BatchResult, type ByteRef } from './spill.js';
import { membershipPiece, putEntry } from './entry.js';
import { readCachedStory, runTask, type StoryResult, type StoryTask, type WorkerTask } from './tasks.js';


const require = createRequire(import.meta.url);
const VERSION: string = (require('../../package.json') as { version: string }).version;

export type RunPhase = 'count' | 'articles' | 'group' | 'stories' | 'report';

export interface RunProgress {
  phase: RunPhase;
  done: number;
  /** Known for stories and report; articles (and the records of the count) are counted as they stream. */
  total: number | null;
  /** Count and articles phases: input bytes read so far of all (compressed bytes for .gz), for a share and an ETA. */
  input?: { read: number; total: number };
}

export interface RunSettings {
  /** Report folder. */
  outDir: string;
  /** Cached per-batch and per-story results (default `<outDir>/.run`). */
  runDir?: string;
  /** Worker threads; 0 runs every task in this thread, grouping included (default: available cores). */
  workers?: number;
  /** Records per batch (worker message), default 64. */
  batchSize?: number;
  /** report.md and index.html are written up to this many articles (they hold the whole report in memory). */
  pageLimit?: number;
  onProgress?: (p: RunProgress) => void;
  onSkip?: (skip: Skip) => void;
  /** Stop (throw) after this many batches are written: simulates an interrupted run (tests). */
  stopAfterBatches?: number;
}

export interface RunRequest {
  inputs: readonly string[];
  options?: AnalyzeOptionsInput;
  manifest?: Map<string, ManifestEntry> | string;
  pins?: readonly Pin[];
}

/** Wall milliseconds per stage, and the process's peak RSS so far at the end of each. */
export interface RunTimings {
  /** The count of recurring paragraphs (a pass over the inputs), part of `articlesMs`. */
  countMs: number;
  articlesMs: number;
  groupMs: number;
  storiesMs: number;
  reportMs: number;
  /** MiB; the peak is monotone, so the first stage whose figure reaches the run's peak is where it happened. */
  peakRssMbAfter: { articles: number; group: number; stories: number; report: number };
  /** The process's CPU time (all threads, user + system, ms since it started) at the end of each phase:
   * a phase's CPU over its wall time says how many cores it kept busy. */
  cpuMsAfter: { articles: number; group: number; stories: number; report: number };
  /** Batches and stories taken from the run directory instead of recomputed. */
  cachedBatches: number;
  cachedStories: number;
}

export interface RunResult {
  options: AnalyzeOptions;
  analyzed: number;
  skips: Skip[];
  grouping: Grouping;
  written: string[];
  timings: RunTimings;
}

export const emptyTimings = (): RunTimings => ({ countMs: 0, articlesMs: 0, groupMs: 0, storiesMs: 0, reportMs: 0, peakRssMbAfter: { articles: 0, group: 0, stories: 0, report: 0 }, cpuMsAfter: { articles: 0, group: 0, stories: 0, report: 0 }, cachedBatches: 0, cachedStories: 0 });

export const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

/** The `input` field of an articles-phase progress update: bytes read of `total` (none without a meter or a size). */
export function inputShare(meter: InputMeter | undefined, total: number): Pick<RunProgress, 'input'> {
  return meter && total > 0 ? { input: { read: Math.min(inputBytesRead(meter), total), total } } : {};
}

export const cpuMsNow = (): number => {
  const u = process.cpuUsage();
  return Math.round((u.user + u.system) / 1000);
};

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Runs a task in a worker pool, or here when there is none. */
export interface Executor {
  run<T>(task: WorkerTask): Promise<T>;
  /**
   * Stops the worker threads until the next task (which starts new ones). Grouping runs on the main
   * thread with the workers idle; their heaps (word caches, lexicon tables) were then the difference
   * between the run's peak memory and less (56k articles: 3.2 GB peak at the end of grouping). Today the
   * peak is in the story phase, and workers kept through grouping (warm caches, compiled code) still
   * cost more than they save: at 56k +190 MB peak and 2 s slower (two rounds, 2026-11-22).
   */
  release(): Promise<void>;
  destroy(): Promise<void>;
}

function workerFile(): { filename: string; execArgv: string[] } {
  // Under tsx/vitest this module is TypeScript: the worker loads tsx itself.
  const ts = import.meta.url.endsWith('.ts');
  return { filename: new URL(ts ? './worker.ts' : './worker.js', import.meta.url).href, execArgv: ts ? ['--import', 'tsx'] : [] };
}

export function executor(workers: number): Executor {
  if (workers <= 0) {
    return { run: <T>(task: WorkerTask) => Promise.resolve().then(() => runTask(task) as T), release: () => Promise.resolve(), destroy: () => Promise.resolve() };
  }
  // Larger semi-spaces for the worker isolates made after this: the per-article stages allocate many
  // short-lived objects, and with V8's default the scavenges cost ≈ 14 % of the CPU of a run (1,500
  // articles: 33.5 → 28.9 s CPU). A V8 flag, not a worker resource limit: that limit did not change it.
  v8.setFlagsFromString('--max-semi-space-size=32');
  let pool: Piscina | null = null;
  const start = (): Piscina => (pool ??= new Piscina({ ...workerFile(), minThreads: workers, maxThreads: workers, idleTimeout: 60_000 }));
  const stop = async (): Promise<void> => {
    const p = pool;
    pool = null;
    await p?.destroy();
  };
  return { run: <T>(task: WorkerTask) => start().run(task) as Promise<T>, release: stop, destroy: stop };
}

/** Keeps up to `limit` promises in flight and hands results back in submission order. */
export function ordered<T>(limit: number, consume: (value: T) => void): { push(p: Promise<T>): Promise<void>; drain(): Promise<void> } {
  const queue: Array<Promise<T>> = [];
  const take = async (): Promise<void> => consume(await queue.shift()!);
  return {
    async push(p) {
      // Attach a handler now so a rejection waiting in the queue is not reported as unhandled.
      p.catch(() => undefined);
      queue.push(p);
      while (queue.length > limit) await take();
    },
    async drain() {
      while (queue.length) await take();
    },
  };
}

export async function analyzeToDir(request: RunRequest, settings: RunSettings): Promise<RunResult> {
  const options = AnalyzeOptionsSchema.parse(request.options ?? {});
  const manifest = typeof request.manifest === 'string' ? await readManifest(request.manifest) : request.manifest;
  const runDir = settings.runDir ?? join(settings.outDir, '.run');
  const workers = settings.workers ?? availableParallelism();
  const batchSize = settings.batchSize ?? 64;
  const progress = settings.onProgress ?? (() => undefined);
  const timings = emptyTimings();
  // Input bytes, for progress only: their count is not known before the stream is read.
  const meter = settings.onProgress ? inputMeter() : undefined;
  const inputTotal = meter ? await inputBytes(request.inputs) : 0;

  // 1. Batches.
  const t = performance.now();
  const ingest = ingestOptionsOf(options);
  const recurring = await countRecurringCached(runDir, {
    inputs: request.inputs,
    ingest,
    manifest,
    minArticles: options.recurringMinArticles,
    onProgress: meter ? (done, m) => progress({ phase: 'count', done, total: null, ...inputShare(m, inputTotal) }) : undefined,
  });
  timings.countMs = performance.now() - t;
  const optionsKey = { frames: options.frames, recurring: hashKey([recurring.keys, recurring.articles]), cache: CACHE_VERSION, version: VERSION };
  const skips: Skip[] = [];
  const skip = (s: Skip): void => {
    skips.push(s);
    settings.onSkip?.(s);
  };
  const features: ArticleFeatures[] = [];
  const coreOf = new Map<string, ByteRef>();
  const stats = emptyStats();
  const batchKeys: string[] = [];
  let batchesDone = 0;
  // Worker threads start only once there is more than one batch: a small run stays in this thread.
  const state: { pool: Executor | null; held: BatchTaskRecords | null } = { pool: null, held: null };
  const results = ordered<BatchResult>(Math.max(2, workers * 2), (r) => {
    for (const d of r.docs) {
      features.push(d.features);
      coreOf.set(d.id, d.core);
      addHashesToStats(stats, d.shingles, d.stems);
    }
    for (const s of r.skips) skip(s);
    batchKeys.push(r.key);
    progress({ phase: 'articles', done: features.length + skips.length, total: null, ...inputShare(meter, inputTotal) });
    if (settings.stopAfterBatches !== undefined && ++batchesDone >= settings.stopAfterBatches) throw new Error(`stopped after ${batchesDone} batch(es) (stopAfterBatches)`);
  });
  let batch: BatchTaskRecords = [];
  const submit = async (last: boolean): Promise<void> => {
    if (!state.pool) {
      if (!last && !state.held) {
        state.held = batch;
        batch = [];
        return;
      }
      state.pool = executor(last && !state.held ? 0 : workers);
      if (state.held) await send(state.held, state.pool);
      state.held = null;
    }
    if (batch.length) await send(batch, state.pool);
    batch = [];
  };
  const send = async (records: BatchTaskRecords, exec: Executor): Promise<void> => {
    const key = hashKey([optionsKey, ...records.map((r) => [r.record.id, r.record.source, r.record.text, r.record.given, r.record.extra, r.record.pageMeta ?? null, r.record.diagnostics ?? [], r.manifest ?? null])]);
    const cached = readCachedBatch(runDir, key);
    if (cached) timings.cachedBatches++;
    await results.push(cached ? Promise.resolve(cached) : exec.run<BatchResult>({ kind: 'batch', task: { key, runDir, records, withFrames: options.frames === 'all', recurring } }));
  };
  try {
    for await (const item of readInputs(request.inputs, ingest, meter)) {
      if (item.kind === 'skip') {
        skip(item.skip);
        continue;
      }
      batch.push({ record: item.record, manifest: manifest?.get(item.record.id) });
      if (batch.length >= batchSize) await submit(false);
    }
    await submit(true);
    await results.drain();
  } catch (err) {
    await state.pool?.destroy();
    throw err;
  }
  timings.articlesMs = performance.now() - t;
  timings.peakRssMbAfter.articles = peakRssMb();
  timings.cpuMsAfter.articles = cpuMsNow();
  const collected: Collected = { features, coreOf, stats, skips, statsKey: hashKey([optionsKey, batchKeys]) };
  return finishRun(collected, { options, inputs: [...request.inputs], pins: request.pins ?? [], runDir, exec: state.pool ?? executor(0), settings, timings });
}

/** What the per-article stages leave for the corpus-level ones, however they ran (batches here, shards in shard/). */
export interface Collected {
  /** Grouping features of every analyzed article. */
  features: ArticleFeatures[];
  /** Each analyzed article's spilled DocCore line. */
  coreOf: Map<string, ByteRef>;
  stats: CorpusStats;
  skips: Skip[];
  /** Identifies the statistics (hash of every batch key, in order): part of each story's cache key. */
  statsKey: string;
}

export interface FinishContext {
  options: AnalyzeOptions;
  inputs: string[];
  pins: readonly Pin[];
  runDir: string;
  exec: Executor;
  settings: RunSettings;
  timings: RunTimings;
}

/** Grouping, story comparisons and reports from collected per-article results; destroys `exec` when done. */
export async function finishRun(collected: Collected, context: FinishContext): Promise<RunResult> {
  const { features, coreOf, stats, skips, statsKey } = collected;
  const { options, runDir, exec, settings, timings } = context;
  const progress = settings.onProgress ?? (() => undefined);
  try {
    // 2. Grouping.
    let t = performance.now();
    await exec.release();
    progress({ phase: 'group', done: 0, total: 1 });
    // `--workers 0` means one thread for the whole run, grouping included.
    const grouping = groupArticles(features, { parallel: settings.workers === 0 ? 'off' : 'auto' }, context.pins);
    features.length = 0;
    skips.sort((a, b) => cmp(a.source.file, b.source.file) || (a.source.line ?? 0) - (b.source.line ?? 0) || cmp(a.id, b.id));
    timings.groupMs = performance.now() - t;
    timings.peakRssMbAfter.group = peakRssMb();
    timings.cpuMsAfter.group = cpuMsNow();
    progress({ phase: 'group', done: 1, total: 1 });

    // 3. Stories of several articles.
    t = performance.now();
    const statsFile = join(runDir, `stats-${statsKey}.bin`);
    writeAtomic(statsFile, encodeStats(stats));
    const eventsOf = new Map<string, EventGroup[]>();
    for (const e of grouping.events) {
      const list = eventsOf.get(e.storyId);
      if (list) list.push(e);
      else eventsOf.set(e.storyId, [e]);
    }
    const tasks: StoryTask[] = grouping.stories
      .filter((s) => s.articleIds.length > 1)
      .map((story) => {
        const docs = story.articleIds.map((id) => ({ id, core: coreOf.get(id)! }));
        const events = eventsOf.get(story.id) ?? [];
        const key = hashKey([statsKey, options, story, events, docs.map((d) => [d.id, d.core.file.slice(d.core.file.lastIndexOf('/') + 1), d.core.offset])]);
        return { key, runDir, statsFile, story, events, docs, options, withFrames: options.frames === 'grouped' };
      });
    const storyResults = new Map<string, StoryResult>();
    let done = 0;
    // Largest stories first: the long tasks start early, so both cores stay busy to the end.
    const bySize = [...tasks].sort((a, b) => b.docs.length - a.docs.length || cmp(a.story.id, b.story.id));
    progress({ phase: 'stories', done, total: tasks.length });
    await Promise.all(
      bySize.map(async (task) => {
        let r = readCachedStory(runDir, task.key);
        if (r) timings.cachedStories++;
        else r = await exec.run<StoryResult>({ kind: 'story', task });
        storyResults.set(task.story.id, r);
        progress({ phase: 'stories', done: ++done, total: tasks.length });
      }),
    );
    timings.storiesMs = performance.now() - t;
    timings.peakRssMbAfter.stories = peakRssMb();
    timings.cpuMsAfter.stories = cpuMsNow();

    // 4. Reports. The idle workers' heaps go first: with them the report phase set the run's peak
    // (56k articles: 2,684 MiB, 87 MiB over the end of the story phase).
    t = performance.now();
    await exec.release();
    // Nothing analyzed: no report (the CLI says so and exits 1).
    const written = coreOf.size === 0 ? [] : await writeRunReports(options, context.inputs, grouping, skips, coreOf, storyResults, settings, progress);
    timings.reportMs = performance.now() - t;
    timings.peakRssMbAfter.report = peakRssMb();
    timings.cpuMsAfter.report = cpuMsNow();
    return { options, analyzed: coreOf.size, skips, grouping, written, timings };
  } finally {
    await exec.destroy();
  }
}

/** Largest read of a story task's piece into report.json's buffer (a comparisons line can be tens of MB). */
const COPY_BYTES = 1 << 22;

type BatchTaskRecords = Extract<WorkerTask, { kind: 'batch' }>['task']['records'];

async function writeRunReports(
  options: AnalyzeOptions,
  inputs: string[],
  grouping: Grouping,
  skips: Skip[],
  coreOf: ReadonlyMap<string, ByteRef>,
  storyResults: ReadonlyMap<string, StoryResult>,
  settings: RunSettings,
  progress: (p: RunProgress) => void,
): Promise<string[]> {
  const ids = [...coreOf.keys()].sort(cmp);
  const membershipOf = new Map(grouping.articles.map((m) => [m.id, m]));
  const layersOf = new Map<string, ByteRef>();
  const eventRefs = new Map<string, StoryResult['events'][number]>();
  for (const r of storyResults.values()) {
    for (const l of r.layers) layersOf.set(l.id, l.ref);
    for (const e of r.events) eventRefs.set(e.id, e);
  }
  const head: ReportHead = reportHead(options, inputs, ids.length, skips, grouping);
  const reader = rangeReader();
  const total = ids.length;
  // Entries were made and validated in the batches (entry.ts): here they are only joined, read from the
  // run directory straight into report.json's output buffer.
  function* articles(): Generator<SectionPiece> {
    let i = 0;
    for (const id of ids) {
      const layers = layersOf.get(id) ?? null;
      const membership = membershipPiece(membershipOf.get(id) ?? null);
      yield (out) => putEntry(out, reader, coreOf.get(id)!, membership, options.includeText, layers);
      if (++i % 1024 === 0 || i === total) progress({ phase: 'report', done: i, total });
    }
    for (const s of skips) yield reportElement(skippedArticle(s));
  }
  // Pieces written by story tasks are copied as bytes, never decoded.
  const copy =
    (ref: ByteRef) =>
    (out: ReportSink): void => {
      for (let done = 0; done < ref.length; ) {
        const n = Math.min(ref.length - done, COPY_BYTES);
        const { buf, at } = out.room(n);
        reader.into({ file: ref.file, offset: ref.offset + done, length: n }, buf, at);
        out.commit(at + n);
        done += n;
      }
    };
  function* stories(): Generator<SectionPiece> {
    for (const s of grouping.stories) {
      const r = storyResults.get(s.id);
      yield r ? copy(r.story) : reportElement(StorySchema.parse({ ...s, analyses: {} }));
    }
  }
  function* events(): Generator<SectionPiece> {
    for (const e of grouping.events) {
      const r = eventRefs.get(e.id);
      yield r ? copy(r.event) : reportElement(EventSchema.parse({ ...e, analyses: {} }));
    }
  }
  function* memberships(): Generator<string> {
    for (const m of grouping.articles) yield reportElement(MembershipSchema.parse(m));
  }
  function* comparisons(): Generator<SectionPiece> {
    for (const e of grouping.events) {
      const ref = eventRefs.get(e.id)?.pairs;
      if (ref) yield copy(ref);
    }
  }
  const jsonPath = join(settings.outDir, 'report.json');
  try {
    await writeReportJsonStream(jsonPath, head, { articles: articles(), stories: stories(), events: events(), memberships: memberships(), comparisons: comparisons() });
  } finally {
    reader.close();
  }
  const written = [jsonPath];
  const put = async (name: string, data: string): Promise<void> => {
    const path = join(settings.outDir, name);
    await writeFileAtomic(path, data);
    written.push(path);
  };
  await put('report.schema.json', reportJsonSchema());
  if (ids.length + skips.length <= (settings.pageLimit ?? 5_000)) {
    const report = JSON.parse(await readFile(jsonPath, 'utf8')) as Report;
    await put('report.md', reportMarkdown(report));
    await put('index.html', reportHtml(report));
  } else {
    // Large runs: instead of the pages, one line per article as `framelens group` writes, for tools that never open report.json.
    await put('groups.jsonl', grouping.articles.map((m) => `${JSON.stringify({ id: m.id, story: m.story, event: m.event, cohesion: m.cohesion })}\n`).join(''));
  }
  return written;
}

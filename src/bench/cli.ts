/**
 * `npm run bench [-- --sizes 7000,14000,28000,all] [--quick] [--repeat n] [--workers n] [--frames all|grouped|none] [--profile n] [--volume report.json]`
 *
 * The full pipeline (ingest → clean → meta → text → frames → group → compare →
 * report) over the first N articles of the benchmark corpus, streamed from the
 * gzip, each size in a fresh child process (so peak RSS is that run's) with a
 * fresh run directory (nothing cached). Prints per phase wall time, articles/s,
 * peak RSS and CPU time, per phase the cores it kept busy (its CPU time, all threads, over its
 * wall time), and the CPU time of the main thread, the worker threads and V8's and libuv's background
 * threads (threads.ts), as a table and one JSON line (also reports/bench/bench.json).
 * `--profile n` times each stage on n articles in one thread (CPU µs an article; alone, nothing else runs).
 * `--group` times grouping alone (features + clustering) at each size, as `benchGroup` reports it.
 * `--volume <report.json>` says where a report's bytes are (volume.ts): per part, key names, repeated text.
 * `--repeat n` runs every size n times, the sizes taking turns (a drift of the machine's speed, which
 * reached ±20 % within minutes on the shared machine used until November 2026, then falls on all sizes alike), and reports
 * each size's median run, with the spread of its wall times.
 * `--offset n` starts each size after the first n articles: the corpus is 19,043 short 1987 Reuters
 * items followed by 37,554 longer web articles, so "the first 28k" and "all 56k" differ in kind as well
 * as in number; `--offset 19043 --sizes 9000,18000,all` doubles over web news alone.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeToDir } from '../pipeline/run.js';
import { writeFileAtomic } from '../report/index.js';
import { stageCosts, type StageCost } from './stages.js';
import { sampleThreadCpu, type ThreadCpuMs } from './threads.js';
import { reportVolume, volumeTable } from './volume.js';
import { readInputs } from '../ingest/index.js';
import { benchGroup } from '../group/bench.js';
import type { RawRecord } from '../doc/types.js';
import type { AnalyzeOptions } from '../pipeline/options.js';

export const CORPUS = '/work/shared/bench/news-56k.jsonl.gz';
const ALL = 10_000_000;

export interface SizeResult {
  size: number;
  articles: number;
  analyzed: number;
  skipped: number;
  events: number;
  multiArticleEvents: number;
  stories: number;
  multiArticleStories: number;
  /** Upper bound of compared event pairs: Σ min(k(k−1)/2, maxPairsPerEvent) over events. */
  eventPairsBound: number;
  wallMs: number;
  cpuMs: number;
  articlesPerSecond: number;
  peakRssMb: number;
  /** Peak RSS so far at the end of each phase (MiB): shows which phase sets the peak. */
  peakRssMbAfter: { articles: number; group: number; stories: number; report: number };
  /** `countMs` (the recurring-paragraph count before the batches) is part of `articlesMs`. */
  phases: { countMs: number; articlesMs: number; groupMs: number; storiesMs: number; reportMs: number };
  /** CPU time of the whole process (all threads) in each phase: over the phase's wall time, the cores it kept busy. */
  phaseCpuMs: { articles: number; group: number; stories: number; report: number };
  /** The run's CPU time by thread kind (threads.ts): main thread, JS worker threads, V8's and libuv's background threads (null without /proc). */
  threadCpuMs: ThreadCpuMs | null;
  reportBytes: number;
  /** Characters of article text in the input (counted before the clock starts): the corpus's halves differ in length. */
  textChars: number;
  /** With `--repeat`: every run's wall time (ms), in run order; this row is the run with the median wall time. */
  wallMsRuns?: number[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Lines `offset … offset + size − 1` of the corpus, gzipped into `dir` (before the clock starts). */
async function corpusSlice(dir: string, offset: number, size: number): Promise<string> {
  const path = join(dir, `slice-${offset}.jsonl.gz`);
  async function* lines(): AsyncGenerator<string> {
    let i = 0;
    for await (const line of createInterface({ input: createReadStream(CORPUS).pipe(createGunzip()), crlfDelay: Infinity })) {
      if (i >= offset + size) break;
      if (i++ >= offset) yield `${line}\n`;
    }
  }
  await pipeline(lines(), createGzip(), createWriteStream(path));
  return path;
}

/** Characters of the `text` field over the first `size` records of a .jsonl.gz. */
async function textChars(path: string, size: number): Promise<number> {
  let n = 0;
  let chars = 0;
  for await (const line of createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity })) {
    if (n++ >= size) break;
    try {
      chars += String((JSON.parse(line) as { text?: unknown }).text ?? '').length;
    } catch {
      // A bad line is the pipeline's to report; it adds no text here.
    }
  }
  return chars;
}

/** One size, in this process: the child side. */
async function runOne(size: number, workers: number | undefined, frames: AnalyzeOptions['frames'], offset: number): Promise<SizeResult> {
  const out = mkdtempSync(join(tmpdir(), 'framelens-bench-'));
  const input = offset > 0 ? await corpusSlice(out, offset, size) : CORPUS;
  const chars = await textChars(input, size);
  const threads = sampleThreadCpu();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const r = await analyzeToDir(
      { inputs: [input], options: { maxArticles: size, frames, includeText: true } },
      { outDir: out, runDir: join(out, '.run'), workers, pageLimit: 0 },
    );
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const threadCpuMs = threads.stop();
    const { statSync } = await import('node:fs');
    const articles = r.analyzed + r.skips.filter((s) => s.code !== 'E_TOO_LARGE').length;
    return {
      size,
      articles,
      analyzed: r.analyzed,
      skipped: articles - r.analyzed,
      events: r.grouping.events.length,
      multiArticleEvents: r.grouping.events.filter((e) => e.articleIds.length > 1).length,
      stories: r.grouping.stories.length,
      multiArticleStories: r.grouping.stories.filter((s) => s.articleIds.length > 1).length,
      eventPairsBound: r.grouping.events.reduce((n, e) => n + Math.min((e.articleIds.length * (e.articleIds.length - 1)) / 2, 2000), 0),
      wallMs: Math.round(wallMs),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      articlesPerSecond: Math.round(articles / (wallMs / 1000)),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      peakRssMbAfter: r.timings.peakRssMbAfter,
      phaseCpuMs: phaseCpu((cpu0.user + cpu0.system) / 1000, r.timings.cpuMsAfter),
      threadCpuMs,
      phases: { countMs: Math.round(r.timings.countMs), articlesMs: Math.round(r.timings.articlesMs), groupMs: Math.round(r.timings.groupMs), storiesMs: Math.round(r.timings.storiesMs), reportMs: Math.round(r.timings.reportMs) },
      reportBytes: statSync(join(out, 'report.json')).size,
      textChars: chars,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function phaseCpu(startMs: number, after: { articles: number; group: number; stories: number; report: number }): SizeResult['phaseCpuMs'] {
  const ms = (a: number, b: number): number => Math.max(0, Math.round(a - b));
  return { articles: ms(after.articles, startMs), group: ms(after.group, after.articles), stories: ms(after.stories, after.group), report: ms(after.report, after.stories) };
}

/** Cores a phase kept busy: its CPU time over its wall time, per phase ("articles/group/stories/report"). */
function coresUsed(r: SizeResult): string {
  const c = r.phaseCpuMs;
  const p = r.phases;
  const f = (cpu: number, wall: number): string => (wall > 0 ? (cpu / wall).toFixed(2) : '-');
  return [f(c.articles, p.articlesMs), f(c.group, p.groupMs), f(c.stories, p.storiesMs), f(c.report, p.reportMs)].join('/');
}

/** CPU seconds of the main thread, the worker threads and the background threads ("m/w/bg"). */
function threadSplit(r: SizeResult): string {
  const t = r.threadCpuMs;
  return t ? [t.main, t.workers, t.background].map((ms) => (ms / 1000).toFixed(1)).join('/') : '-';
}

/** The phase during which the run's peak RSS was reached (the first whose end-of-phase peak is the run's). */
function peakPhase(r: SizeResult): string {
  const after = r.peakRssMbAfter;
  return (['articles', 'group', 'stories', 'report'] as const).find((p) => after[p] >= Math.max(after.articles, after.group, after.stories, after.report)) ?? '';
}

/** The run with the median wall time (the lower middle of an even count), carrying every run's wall time. */
function medianRun(runs: SizeResult[]): SizeResult {
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  return { ...sorted[(sorted.length - 1) >> 1]!, wallMsRuns: runs.map((r) => r.wallMs) };
}

function table(rows: SizeResult[]): string {
  const spread = rows.some((r) => (r.wallMsRuns?.length ?? 0) > 1);
  const head = ['articles', 'text MB', 'wall s', ...(spread ? ['wall range s'] : []), 'art/s', 'peak RSS MB', 'peak in', 'CPU s', 'CPU s/text MB', 'articles s', 'of it count s', 'group s', 'stories s', 'report s', 'cores a/g/s/r', 'CPU s m/w/bg', 'events>1', 'stories>1', 'report MB'];
  const s = (ms: number): string => (ms / 1000).toFixed(1);
  const range = (r: SizeResult): string => `${s(Math.min(...(r.wallMsRuns ?? [r.wallMs])))}–${s(Math.max(...(r.wallMsRuns ?? [r.wallMs])))}`;
  const lines = rows.map((r) => [r.articles, (r.textChars / 1e6).toFixed(1), s(r.wallMs), ...(spread ? [range(r)] : []), r.articlesPerSecond, r.peakRssMb, peakPhase(r), s(r.cpuMs), ((r.cpuMs / 1000) / Math.max(1e-6, r.textChars / 1e6)).toFixed(1), s(r.phases.articlesMs), s(r.phases.countMs), s(r.phases.groupMs), s(r.phases.storiesMs), s(r.phases.reportMs), coresUsed(r), threadSplit(r), r.multiArticleEvents, r.multiArticleStories, Math.round(r.reportBytes / 1e6)].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return [fmt(head), ...lines.map(fmt)].join('\n');
}

function costTable(costs: StageCost[]): string {
  return costs.map((c) => `${c.stage.padEnd(18)} ${String(c.usPerArticle).padStart(7)} µs/article  ${String(c.ms).padStart(7)} ms`).join('\n');
}

async function main(): Promise<void> {
  const workersArg = arg('--workers');
  const workers = workersArg === undefined ? undefined : Number(workersArg);
  const frames = (arg('--frames') ?? 'grouped') as AnalyzeOptions['frames'];
  const offset = Number(arg('--offset') ?? 0);
  const volume = arg('--volume');
  if (volume !== undefined) {
    process.stdout.write(`${volumeTable(await reportVolume(volume))}\n`);
    return;
  }
  const one = arg('--one');
  if (one !== undefined) {
    process.stdout.write(`${JSON.stringify(await runOne(Number(one), workers, frames, offset))}\n`);
    return;
  }
  const sizes = process.argv.includes('--quick')
    ? [7000]
    : (arg('--sizes') ?? '7000,14000,28000,all').split(',').map((s) => (s.trim() === 'all' ? ALL : Number(s)));
  if (process.argv.includes('--group')) {
    for (const size of sizes) {
      async function* records(): AsyncGenerator<RawRecord> {
        let seen = 0;
        for await (const item of readInputs([CORPUS])) if (item.kind === 'record' && seen++ >= offset) yield item.record;
      }
      process.stdout.write(`${JSON.stringify({ bench: 'group', offset, size, ...(await benchGroup(records(), size)) })}\n`);
    }
    return;
  }
  const profileN = arg('--profile');
  let costs: StageCost[] | undefined;
  if (profileN) {
    costs = await stageCosts(CORPUS, Number(profileN), offset);
    process.stdout.write(`Per-stage CPU cost, one thread, ${profileN} articles after the first ${offset}:\n${costTable(costs)}\n\n`);
    // `--profile` alone prints the stage costs only; with --sizes or --quick the runs follow.
    if (!process.argv.includes('--sizes') && !process.argv.includes('--quick')) return;
  }
  const self = fileURLToPath(import.meta.url);
  const repeat = Number(arg('--repeat') ?? 1);
  if (!Number.isInteger(repeat) || repeat < 1) throw new RangeError(`--repeat takes a whole number ≥ 1, not ${arg('--repeat')}`);
  const runs: SizeResult[][] = sizes.map(() => []);
  for (let round = 0; round < repeat; round++) {
    for (const [k, size] of sizes.entries()) {
      const args = [...process.execArgv, self, '--one', String(size), '--frames', frames, '--offset', String(offset), ...(workers === undefined ? [] : ['--workers', String(workers)])];
      const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
      if (child.status !== 0) throw new Error(`bench run for ${size} articles failed (exit ${child.status})`);
      const run = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as SizeResult;
      runs[k]!.push(run);
      process.stderr.write(`bench: ${run.articles} articles in ${(run.wallMs / 1000).toFixed(1)} s${repeat > 1 ? ` (round ${round + 1} of ${repeat})` : ''}\n`);
    }
  }
  const rows = runs.map((r) => (repeat > 1 ? medianRun(r) : r[0]!));
  const byArticles = [...rows].sort((a, b) => a.articles - b.articles);
  const last = byArticles.at(-1);
  const half = last ? byArticles.find((r) => Math.abs(r.articles * 2 - last.articles) / last.articles < 0.05) : undefined;
  const growth = last && half ? Math.round((last.wallMs / half.wallMs) * 100) / 100 : null;
  process.stdout.write(`${table(rows)}\n`);
  const textGrowth = last && half ? Math.round((last.textChars / half.textChars) * 100) / 100 : null;
  if (growth !== null) process.stdout.write(`time growth from ${half!.articles} to ${last!.articles} articles: ${growth}× (the text grows ${textGrowth}×)\n`);
  const json = { corpus: CORPUS, offset, frames, workers: workers ?? null, repeat, sizes: rows, growthLastDoubling: growth, textGrowthLastDoubling: textGrowth, stageCosts: costs ?? null };
  const line = JSON.stringify(json);
  process.stdout.write(`${line}\n`);
  await writeFileAtomic('reports/bench/bench.json', `${line}\n`);
}

await main();

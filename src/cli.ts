#!/usr/bin/env node
/** The framelens command line: a thin layer over the library API (src/index.ts). */
import { Command, InvalidArgumentError, type OptionValues } from '@commander-js/extra-typings';
import { relative } from 'node:path';
import { availableParallelism } from 'node:os';
import { groupInputs, readPins, reuseInputs } from './pipeline/index.js';
import { analyzeToDir } from './pipeline/run.js';
import { progressBar } from './pipeline/progress.js';
import type { RunProgress } from './pipeline/run.js';
import { writeFileAtomic, writeExports, parseFormats, ReportSchema } from './report/index.js';
import { registerWorksheetCommand } from './report/worksheet/cli.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Skip } from './doc/types.js';
import type { AnalyzeOptions } from './pipeline/options.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`Expected a positive whole number, not ${JSON.stringify(value)}.`);
  return n;
}

let quiet = false;
function printSkip(skip: Skip): void {
  if (quiet) return;
  const where = `${skip.source.file}${skip.source.line ? `:${skip.source.line}` : ''}`;
  process.stderr.write(`framelens: skipped ${where} (${skip.id}): ${skip.code}: ${skip.reason}\n`);
}

function summary(run: { analyzed: number; skips: readonly Skip[]; grouping: { stories: unknown[]; events: Array<{ articleIds: string[] }> } }, where: string): string {
  const { analyzed, skips, grouping } = run;
  const multi = grouping.events.filter((e) => e.articleIds.length > 1).length;
  return `framelens: ${analyzed} article(s) analyzed, ${skips.length} skipped; ${grouping.stories.length} story(ies), ${grouping.events.length} event(s) (${multi} with several articles); report: ${where}\n`;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`Expected a whole number (0 or more), not ${JSON.stringify(value)}.`);
  return n;
}

type FramesScope = AnalyzeOptions['frames'];
function framesScope(value: string): FramesScope {
  if (value !== 'all' && value !== 'grouped' && value !== 'none') throw new InvalidArgumentError(`Expected 'all', 'grouped' or 'none', not ${JSON.stringify(value)}.`);
  return value;
}

/** One line and exit 1 when no article could be analyzed (nothing is written then). */
function nothingAnalyzed(run: { analyzed: number; skips: readonly Skip[] }): boolean {
  if (run.analyzed > 0) return false;
  process.stderr.write(`framelens: no article could be analyzed (${run.skips.length} skipped); no report written\n`);
  process.exitCode = 1;
  return true;
}

/** Options shared by every command that reads articles. */
function withInputOptions<Args extends unknown[], Opts extends OptionValues>(cmd: Command<Args, Opts>) {
  return cmd
    .option('--manifest <file>', 'CSV or JSON file that adds or overrides metadata by id')
    .option('--strict', 'fail when any record is skipped', false)
    .option('--encoding <name>', "how to read non-UTF-8 files: 'utf-8' skips them with a reason, 'auto' detects, or an encoding name", 'utf-8')
    .option('--max-file-bytes <n>', 'skip files larger than this', positiveInt, 256 * 1024 * 1024)
    .option('--max-article-chars <n>', 'skip articles longer than this (characters)', positiveInt, 200_000)
    .option('--max-articles <n>', 'analyze at most this many articles', positiveInt, 10_000_000)
    .option('-q, --quiet', 'print only errors and the summary', false);
}

/** Options of every per-shard command. */
function withShardOptions<Args extends unknown[], Opts extends OptionValues>(cmd: Command<Args, Opts>) {
  return cmd
    .requiredOption('--shards <n>', 'number of shards', positiveInt)
    .requiredOption('--shard-index <i>', 'this shard, 0 to shards-1', nonNegativeInt)
    .requiredOption('-o, --out <dir>', 'folder shared by all shards');
}

/** Runs `f` with a progress bar on a terminal (none when quiet), stopped however `f` ends. */
async function withProgress<T>(quietRun: boolean, f: (progress: { onProgress?: (p: RunProgress) => void }) => Promise<T>): Promise<T> {
  const bar = progressBar(!quietRun && process.stderr.isTTY === true);
  try {
    return await f(bar.enabled ? { onProgress: bar.update } : {});
  } finally {
    bar.stop();
  }
}

function ingestOptions(opts: { encoding: string; maxFileBytes: number; maxArticleChars: number; maxArticles: number }) {
  return { encoding: opts.encoding, maxFileBytes: opts.maxFileBytes, maxArticleChars: opts.maxArticleChars, maxArticles: opts.maxArticles };
}

/** Records skipped while streaming, for --strict and the summary line. */
function skipCounter() {
  const state = { count: 0, onSkip: (s: Skip) => (state.count++, printSkip(s)) };
  return state;
}

const program = new Command()
  .name('framelens')
  .description('Group news articles by event and compare how outlets cover it: shared wording, sources, naming, loaded language, frames.')
  .version('0.1.0')
  .showHelpAfterError();

withInputOptions(
  program
    .command('analyze')
    .description('analyze articles (files or folders: .txt .md .jsonl .ndjson .csv .html, optionally .gz) and write comparison reports')
    .argument('<inputs...>', 'files or folders'),
)
  .option('-o, --out <dir>', 'output folder', 'reports/latest')
  .option('--no-text', "leave articles' cleaned text out of report.json")
  .option('--groups <file>', 'JSON file of pinned grouping decisions: [{"kind":"together"|"apart","ids":[...]}]')
  .option('--frames <scope>', "framing analyzers on 'all' articles, only 'grouped' ones (in stories of several articles: faster for large corpora), or 'none' (grouping and wording only: about half the time again)", framesScope, 'all' as FramesScope)
  .option('--recurring <n>', "grouping leaves out a paragraph its outlet repeats in at least n articles over more time than one event lasts (0: keeps all)", nonNegativeInt, 10)
  .option('--workers <n>', 'worker threads (0: all in this thread)', nonNegativeInt, availableParallelism())
  .option('--batch-size <n>', 'articles per worker task', positiveInt, 64)
  .option('--run-dir <dir>', 'cached per-batch results, reused when the run is repeated or resumed (default: <out>/.run)')
  .option('--page-limit <n>', 'write report.md and index.html only up to this many articles (report.json is always written)', nonNegativeInt, 5_000)
  .option('--format <list>', 'research exports besides report.json, report.md and index.html: jsonl, csv, parquet (comma-separated)', '')
  .action(async (inputs, opts) => {
    quiet = opts.quiet;
    const exportFormats = parseFormats(opts.format).filter((f): f is 'jsonl' | 'csv' | 'parquet' => f === 'jsonl' || f === 'csv' || f === 'parquet');
    const pins = opts.groups ? await readPins(opts.groups) : [];
    const bar = progressBar(!opts.quiet && process.stderr.isTTY === true, opts.maxArticles < 10_000_000 ? opts.maxArticles : undefined);
    let run;
    try {
      run = await analyzeToDir(
        { inputs, manifest: opts.manifest, pins, options: { includeText: opts.text, strict: opts.strict, frames: opts.frames, recurringMinArticles: opts.recurring, ...ingestOptions(opts) } },
        { outDir: opts.out, runDir: opts.runDir, workers: opts.workers, batchSize: opts.batchSize, pageLimit: opts.pageLimit, ...(bar.enabled ? { onProgress: bar.update } : {}), onSkip: printSkip },
      );
    } finally {
      bar.stop();
    }
    if (nothingAnalyzed(run)) return;
    if (exportFormats.length > 0) {
      // Exports are built from the written report, so they match it row for row.
      const report = ReportSchema.parse(JSON.parse(await readFile(join(opts.out, 'report.json'), 'utf8')));
      await writeExports(report, opts.out, exportFormats);
    }
    const page = run.written.find((p) => p.endsWith('index.html')) ?? run.written[0]!;
    process.stderr.write(summary(run, relative(process.cwd(), page) || page));
    if (opts.strict && run.skips.length > 0) {
      process.stderr.write(`framelens: --strict: ${run.skips.length} record(s) skipped\n`);
      process.exitCode = 1;
    }
  });

withInputOptions(
  program
    .command('group')
    .description('group articles into stories and events only; writes JSON Lines, one line per article: {"id","story","event","cohesion"}')
    .argument('<inputs...>', 'files or folders'),
)
  .option('-o, --out <file>', 'output file (default: standard output)')
  .option('--groups <file>', 'JSON file of pinned grouping decisions')
  .option('--recurring <n>', "grouping leaves out a paragraph its outlet repeats in at least n articles over more time than one event lasts (0: keeps all)", nonNegativeInt, 10)
  .action(async (inputs, opts) => {
    quiet = opts.quiet;
    const skips = skipCounter();
    const pins = opts.groups ? await readPins(opts.groups) : [];
    const grouping = await groupInputs({ inputs, manifest: opts.manifest, ingest: ingestOptions(opts), pins, onSkip: skips.onSkip, recurringMinArticles: opts.recurring });
    const lines = grouping.articles.map((m) => JSON.stringify({ id: m.id, story: m.story, event: m.event, cohesion: m.cohesion })).join('\n');
    await emit(lines, opts.out);
    process.stderr.write(`framelens: ${grouping.articles.length} article(s) grouped, ${skips.count} skipped; ${grouping.stories.length} story(ies), ${grouping.events.length} event(s)\n`);
    if (grouping.articles.length === 0 || (opts.strict && skips.count > 0)) process.exitCode = 1;
  });

withInputOptions(
  program
    .command('reuse')
    .description('find passages reused across all articles (not only within events); writes JSON Lines, one cluster of passages per line')
    .argument('<inputs...>', 'files or folders'),
)
  .option('-o, --out <file>', 'output file (default: standard output)')
  .option('--min-words <n>', 'shortest reused passage, in words', positiveInt, 15)
  .action(async (inputs, opts) => {
    quiet = opts.quiet;
    const skips = skipCounter();
    const clusters = await reuseInputs({ inputs, manifest: opts.manifest, ingest: ingestOptions(opts), onSkip: skips.onSkip, reuse: { minPassageWords: opts.minWords } });
    await emit(clusters.map((c) => JSON.stringify(c)).join('\n'), opts.out);
    process.stderr.write(`framelens: ${clusters.length} reuse cluster(s); ${skips.count} record(s) skipped\n`);
    if (opts.strict && skips.count > 0) process.exitCode = 1;
  });

withShardOptions(
  withInputOptions(
    program
      .command('shard')
      .description('run the per-article stages for one shard of the inputs (articles whose id hashes to it) and write Parquet files for `framelens merge`')
      .argument('<inputs...>', 'files or folders (every shard reads them all and keeps its own articles)'),
  ),
)
  .option('--no-text', "leave articles' cleaned text out of report.json")
  .option('--frames <scope>', "framing analyzers on 'all' articles, only 'grouped' ones, or 'none'", framesScope, 'all' as FramesScope)
  .option('--recurring <n>', "grouping leaves out a paragraph its outlet repeats in at least n articles over more time than one event lasts (0: keeps all)", nonNegativeInt, 10)
  .option('--workers <n>', 'worker threads (0: all in this thread)', nonNegativeInt, availableParallelism())
  .action(async (inputs, opts) => {
    quiet = opts.quiet;
    // Loaded here only: shard/ brings in DuckDB (≈ 0.3 s of CPU to load), which no other command needs.
    const { runShard } = await import('./shard/index.js');
    const r = await withProgress(opts.quiet, (progress) =>
      runShard(
        { inputs, manifest: opts.manifest, options: { includeText: opts.text, strict: opts.strict, frames: opts.frames, recurringMinArticles: opts.recurring, ...ingestOptions(opts) } },
        { shards: opts.shards, index: opts.shardIndex, outDir: opts.out, workers: opts.workers, ...progress },
      ),
    );
    process.stderr.write(`framelens: shard ${opts.shardIndex} of ${opts.shards}: ${r.articles} article(s) analyzed, ${r.skips} skipped; wrote ${r.files.map((f) => relative(process.cwd(), f)).join(', ')}\n`);
  });

withShardOptions(
  withInputOptions(
    program
      .command('count')
      .description('at scale, the step before `framelens shard`: count the paragraphs each outlet repeats among one shard\'s articles; writes count-<i>-of-<n>.parquet for `framelens merge-counts`')
      .argument('<inputs...>', 'files or folders (every count shard reads them all and keeps its own articles)'),
  ),
)
  .option('--recurring <n>', 'the threshold `framelens shard` will use (its --recurring)', nonNegativeInt, 10)
  .action(async (inputs, opts) => {
    quiet = opts.quiet;
    const { runCountShard } = await import('./shard/index.js');
    const r = await withProgress(opts.quiet, (progress) =>
      runCountShard({ inputs, manifest: opts.manifest, options: { recurringMinArticles: opts.recurring, ...ingestOptions(opts) } }, { shards: opts.shards, index: opts.shardIndex, outDir: opts.out, ...progress }),
    );
    process.stderr.write(`framelens: count shard ${opts.shardIndex} of ${opts.shards}: ${r.articles} article(s), ${r.keys} distinct paragraph(s); wrote ${r.files.map((f) => relative(process.cwd(), f)).join(', ')}\n`);
  });

program
  .command('merge-counts')
  .description('combine the count shards in <dir> (written by `framelens count`) into <dir>/recurring.json, which every `framelens shard` into <dir> then reads instead of counting all inputs')
  .argument('<dir>', 'the folder the count shards wrote to')
  .action(async (dir) => {
    const { mergeCounts } = await import('./shard/index.js');
    const r = await mergeCounts(dir);
    process.stderr.write(`framelens: ${r.recurring.keys.length} recurring paragraph(s); wrote ${relative(process.cwd(), r.file)}\n`);
  });

program
  .command('merge')
  .description('group and compare the articles of all shards in <dir> (written by `framelens shard`) and write the reports')
  .argument('<dir>', 'the folder the shards wrote to')
  .option('-o, --out <dir>', 'output folder', 'reports/latest')
  .option('--groups <file>', 'JSON file of pinned grouping decisions')
  .option('--workers <n>', 'worker threads (0: all in this thread)', nonNegativeInt, availableParallelism())
  .option('--page-limit <n>', 'write report.md and index.html only up to this many articles', nonNegativeInt, 5_000)
  .option('-q, --quiet', 'print only errors and the summary', false)
  .action(async (dir, opts) => {
    quiet = opts.quiet;
    const pins = opts.groups ? await readPins(opts.groups) : [];
    const { mergeShards } = await import('./shard/index.js');
    const bar = progressBar(!opts.quiet && process.stderr.isTTY === true);
    let run;
    try {
      run = await mergeShards(dir, { outDir: opts.out, workers: opts.workers, pageLimit: opts.pageLimit, pins, ...(bar.enabled ? { onProgress: bar.update } : {}), onSkip: printSkip });
    } finally {
      bar.stop();
    }
    if (nothingAnalyzed(run)) return;
    const page = run.written.find((p) => p.endsWith('index.html')) ?? run.written[0]!;
    process.stderr.write(summary(run, relative(process.cwd(), page) || page));
  });

registerWorksheetCommand(program as unknown as Parameters<typeof registerWorksheetCommand>[0]);

async function emit(lines: string, out: string | undefined): Promise<void> {
  const text = lines.length ? `${lines}\n` : '';
  if (out) await writeFileAtomic(out, text);
  else process.stdout.write(text);
}

try {
  await program.parseAsync();
} catch (err) {
  process.stderr.write(`framelens: ${(err as Error).message.split('\n')[0]}\n`);
  process.exitCode = 2;
}

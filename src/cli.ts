#!/usr/bin/env node
/** The framelens command line: a thin layer over the library API (src/index.ts). */
import { Command, InvalidArgumentError, Option, type OptionValues } from '@commander-js/extra-typings';
import { relative } from 'node:path';
import { analyze, type Analysis } from './pipeline/index.js';
import { writeReports } from './report/index.js';
import type { Skip } from './doc/types.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`Expected a positive whole number, not ${JSON.stringify(value)}.`);
  return n;
}

function printSkip(skip: Skip): void {
  const where = `${skip.source.file}${skip.source.line ? `:${skip.source.line}` : ''}`;
  process.stderr.write(`framelens: skipped ${where} (${skip.id}): ${skip.code}: ${skip.reason}\n`);
}

function summary(analysis: Analysis, where: string): string {
  const { docs, skips, grouping } = analysis;
  const multi = grouping.events.filter((e) => e.articleIds.length > 1).length;
  return `framelens: ${docs.length} article(s) analyzed, ${skips.length} skipped; ${grouping.stories.length} story(ies), ${grouping.events.length} event(s) (${multi} with several articles); report: ${where}\n`;
}

/** Options shared by every command that reads articles. */
function withInputOptions<Args extends unknown[], Opts extends OptionValues>(cmd: Command<Args, Opts>) {
  return cmd
    .option('--manifest <file>', 'CSV or JSON file that adds or overrides metadata by id')
    .option('--strict', 'fail when any record is skipped', false)
    .option('--encoding <name>', "how to read non-UTF-8 files: 'utf-8' skips them with a reason, 'auto' detects, or an encoding name", 'utf-8')
    .option('--max-file-bytes <n>', 'skip files larger than this', positiveInt, 256 * 1024 * 1024)
    .option('--max-article-chars <n>', 'skip articles longer than this', positiveInt, 2_000_000)
    .option('--max-articles <n>', 'analyze at most this many articles', positiveInt, 10_000_000)
    .option('-q, --quiet', 'print only errors and the summary', false);
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
  .addOption(new Option('--groups <file>', 'JSON file of pinned grouping decisions: [{"kind":"together"|"apart","ids":[...]}]'))
  .action(async (inputs, opts) => {
    const analysis = await analyze({
      inputs,
      manifest: opts.manifest,
      options: {
        includeText: opts.text,
        strict: opts.strict,
        encoding: opts.encoding,
        maxFileBytes: opts.maxFileBytes,
        maxArticleChars: opts.maxArticleChars,
        maxArticles: opts.maxArticles,
      },
      hooks: { onSkip: printSkip },
    });
    if (analysis.docs.length === 0) {
      process.stderr.write(`framelens: no article could be analyzed (${analysis.skips.length} skipped); no report written\n`);
      process.exitCode = 1;
      return;
    }
    await writeReports(analysis, opts.out);
    process.stderr.write(summary(analysis, relative(process.cwd(), `${opts.out}/index.html`) || opts.out));
    if (opts.strict && analysis.skips.length > 0) {
      process.stderr.write(`framelens: --strict: ${analysis.skips.length} record(s) skipped\n`);
      process.exitCode = 1;
    }
  });

try {
  await program.parseAsync();
} catch (err) {
  process.stderr.write(`framelens: ${(err as Error).message.split('\n')[0]}\n`);
  process.exitCode = 2;
}

/** `framelens worksheet <inputs...> [--event <id>] [--blind] [--out <dir>]`: the lead calls registerWorksheetCommand from src/cli.ts. */
import type { Command } from '@commander-js/extra-typings';
import { relative } from 'node:path';
import { analyze } from '../../pipeline/index.js';
import { writeWorksheet } from './index.js';

export function registerWorksheetCommand(program: Command) {
  return program
    .command('worksheet')
    .description('write a printable classroom worksheet for one event: the articles side by side, questions, and an answer key')
    .argument('<inputs...>', 'files or folders')
    .option('-o, --out <dir>', 'output folder', 'reports/worksheet')
    .option('--event <id>', 'event id from report.json (default: the event covered by the most outlets)')
    .option('--blind', 'hide outlet names ("Outlet A", "Outlet B")', false)
    .option('--manifest <file>', 'CSV or JSON file that adds or overrides metadata by id')
    .option('--encoding <name>', "how to read non-UTF-8 files: 'utf-8' skips them with a reason, 'auto' detects, or an encoding name", 'utf-8')
    .action(async (inputs, opts) => {
      const analysis = await analyze({ inputs, manifest: opts.manifest, options: { encoding: opts.encoding } });
      if (analysis.docs.length === 0) {
        process.stderr.write(`framelens: no article could be analyzed (${analysis.skips.length} skipped); no worksheet written\n`);
        process.exitCode = 1;
        return;
      }
      const path = await writeWorksheet(analysis, opts.out, { ...(opts.event ? { eventId: opts.event } : {}), blind: opts.blind });
      process.stderr.write(`framelens: worksheet: ${relative(process.cwd(), path) || path}\n`);
    });
}

/** Helpers for the bad-input catalogue: a temp folder per file, the real pipeline, outcomes as plain data. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, SkipCode } from '../../src/doc/types.js';
import { analyze, type Analysis, type AnalyzeHooks, type AnalyzeOptionsInput } from '../../src/pipeline/index.js';

import { makeTempDir as sharedTempDir, type TempDir } from '../helpers.js';

export type { TempDir };

export function makeTempDir(label: string) {
  return sharedTempDir(`hardening-${label}`);
}

/** A plain news story that survives cleaning: the control record next to each bad input. */
export const CONTROL_TEXT =
  'North Korea fired two ballistic missiles into the sea off its east coast on Sunday, the South Korean military said.\n\n' +
  'The launch came days after joint drills by South Korea and the United States, which Pyongyang called a rehearsal for invasion.\n\n' +
  'Officials in Seoul condemned the launch as a provocation and said they were monitoring the situation closely.';

/** Another story, so a second good record is never a duplicate of the control. */
export function storyText(n: number): string {
  return `${CONTROL_TEXT}\n\nThis is report number ${n} on the launch, filed by a correspondent in Seoul.`;
}

export interface SkipOutcome {
  id: string;
  code: SkipCode;
  reason: string;
}

export interface Outcome {
  /** Ids of analyzed articles, sorted. */
  analyzed: string[];
  /** Skips in the pipeline's order (by file, line, id). */
  skipped: SkipOutcome[];
}

export function outcomeOf(analysis: Analysis): Outcome {
  return {
    analyzed: analysis.docs.map((d) => d.id).sort(),
    skipped: analysis.skips.map((s) => ({ id: s.id, code: s.code, reason: s.reason })),
  };
}

/** The real pipeline through the library API. */
export async function run(inputs: readonly string[], options: AnalyzeOptionsInput = {}, hooks?: AnalyzeHooks): Promise<Analysis> {
  return analyze({ inputs, options, hooks });
}

/** Writes `control.txt` and the bad file into a fresh folder `case`, and runs the pipeline on the folder. */
export async function runCase(dir: TempDir, name: string, files: Record<string, string | Uint8Array>, options: AnalyzeOptionsInput = {}): Promise<{ analysis: Analysis; outcome: Outcome; folder: string }> {
  const folder = dir.path(name);
  dir.write(`${name}/control.txt`, CONTROL_TEXT);
  for (const [file, content] of Object.entries(files)) dir.write(`${name}/${file}`, content);
  const analysis = await run([folder], options);
  return { analysis, outcome: outcomeOf(analysis), folder };
}

/** Every file and folder under `root`, relative, sorted ('/' after folders). */
export function listTree(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        out.push(`${rel}/`);
        walk(join(dir, entry.name), `${rel}/`);
      } else out.push(rel);
    }
  };
  walk(root, '');
  return out.sort();
}

/** The reading stage's diagnostics only (analyzer diagnostics belong to other stages' tests). */
export function ingestDiagnostics(diagnostics: readonly Diagnostic[] | undefined): Diagnostic[] {
  return (diagnostics ?? []).filter((d) => d.code.startsWith('ingest:'));
}

/** Fixture helpers for the ingest tests: a temp folder per test file, files written into it, items collected. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RawRecord, Skip } from '../../src/doc/types.js';
import { readInputs, type IngestItem, type IngestOptions } from '../../src/ingest/index.js';

export interface TempDir {
  root: string;
  /** Writes a file (parents created) and returns its path. */
  write(relative: string, content: string | Uint8Array): string;
  path(relative: string): string;
  remove(): void;
}

export function makeTempDir(label: string): TempDir {
  const root = mkdtempSync(join(tmpdir(), `framelens-ingest-${label}-`));
  return {
    root,
    write(relative, content) {
      const path = join(root, relative);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    path: (relative) => join(root, relative),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export async function collect(inputs: readonly string[], options: Partial<IngestOptions> = {}): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(inputs, options)) items.push(item);
  return items;
}

export function recordsOf(items: readonly IngestItem[]): RawRecord[] {
  return items.flatMap((item) => (item.kind === 'record' ? [item.record] : []));
}

export function skipsOf(items: readonly IngestItem[]): Skip[] {
  return items.flatMap((item) => (item.kind === 'skip' ? [item.skip] : []));
}

/** A plain article long enough to look like one. */
export const GOOD_TEXT = 'The ministry said on Sunday that the drills were a threat.\n\nOfficials in Seoul rejected the claim.';

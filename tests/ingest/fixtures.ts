/** Fixture helpers for the ingest tests: a temp folder per test file, files written into it, items collected. */
import type { RawRecord, Skip } from '../../src/doc/types.js';
import { readInputs, type IngestItem, type IngestOptions } from '../../src/ingest/index.js';

export type { TempDir } from '../helpers.js';
import { makeTempDir as sharedTempDir } from '../helpers.js';

export function makeTempDir(label: string) {
  return sharedTempDir(`ingest-${label}`);
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

import { existsSync, readFileSync } from 'node:fs';
import { inputMeter, inputsDigest, readInputs, type IngestOptions, type InputMeter, type ManifestEntry } from '../ingest/index.js';
import { CACHE_VERSION, hashKey, writeAtomic } from './spill.js';
import { defaultGroupOptions, recurringCounter, timeWindowDays, noRecurring, type RecurringParagraphs } from '../group/index.js';

/**
 * Formats the count reads. Saved web pages are left out: reading one means extracting its main text
 * (Readability over a DOM), the costliest part of ingest, on the main thread, and the count would double
 * it; a collection of pages large enough for an outlet to repeat itself ten times is better converted to
 * JSON Lines once.
 */
export const COUNTED_FORMATS: ReadonlySet<string> = new Set(['txt', 'md', 'jsonl', 'csv']);

/** What the count reads: the run's inputs, ingest options and manifest, and its threshold (`recurringMinArticles`). */
export interface CountRequest {
  inputs: readonly string[];
  ingest: Partial<IngestOptions>;
  manifest?: Map<string, ManifestEntry>;
  minArticles: number;
  /** Records counted so far, and the input bytes read (for a progress bar). */
  onProgress?: (records: number, meter: InputMeter) => void;
}

/**
 * The corpus pass before the per-article stages: the paragraphs each outlet repeats (group/recurring.ts),
 * counted over every record the inputs hold (skipped ones add nothing) but those of saved web pages
 * ({@link COUNTED_FORMATS}). `minArticles` 0 turns it off without reading anything.
 */
export async function countRecurring({ inputs, ingest, manifest, minArticles, onProgress }: CountRequest): Promise<RecurringParagraphs> {
  if (minArticles <= 0) return noRecurring();
  const counter = recurringCounter();
  const meter = onProgress ? inputMeter() : undefined;
  let records = 0;
  for await (const item of readInputs(inputs, ingest, meter, COUNTED_FORMATS)) {
    if (item.kind !== 'record') continue;
    counter.add(item.record, manifest?.get(item.record.id));
    if (meter && ++records % 256 === 0) onProgress?.(records, meter);
  }
  if (meter) onProgress?.(records, meter);
  return counter.finish(minArticles, timeWindowDays(defaultGroupOptions));
}

/**
 * {@link countRecurring}, kept in the run directory under the hash of the inputs' bytes, the ingest
 * options, the manifest's outlets and dates and the threshold: a resumed run does not count again.
 */
export async function countRecurringCached(runDir: string, request: CountRequest): Promise<RecurringParagraphs> {
  const { inputs, ingest, manifest, minArticles } = request;
  if (minArticles <= 0) return noRecurring();
  const declared = manifest ? [...manifest].map(([id, e]) => [id, e.given.outlet ?? null, e.given.published ?? null]) : [];
  const file = `${runDir}/recurring/${hashKey([CACHE_VERSION, await inputsDigest(inputs), ingest, declared, minArticles])}.json`;
  if (existsSync(file)) {
    try {
      const cached = JSON.parse(readFileSync(file, 'utf8')) as RecurringParagraphs;
      if (Array.isArray(cached.keys) && Array.isArray(cached.articles) && Array.isArray(cached.outlets)) return cached;
    } catch {
      // A damaged file is counted again and replaced.
    }
  }
  const recurring = await countRecurring(request);
  writeAtomic(file, JSON.stringify(recurring));
  return recurring;
}

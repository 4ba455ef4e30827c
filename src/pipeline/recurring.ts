import { inputMeter, readInputs, type IngestOptions, type InputMeter, type ManifestEntry } from '../ingest/index.js';
import { defaultGroupOptions, recurringCounter, timeWindowDays, noRecurring, type RecurringParagraphs } from '../group/index.js';

/**
 * The corpus pass before the per-article stages: the paragraphs each outlet repeats (group/recurring.ts),
 * counted over every record the inputs hold (skipped ones add nothing). `minArticles` 0 turns it off
 * without reading anything.
 */
export async function countRecurring(
  inputs: readonly string[],
  ingest: Partial<IngestOptions>,
  manifest: Map<string, ManifestEntry> | undefined,
  minArticles: number,
  onProgress?: (records: number, meter: InputMeter) => void,
): Promise<RecurringParagraphs> {
  if (minArticles <= 0) return noRecurring();
  const counter = recurringCounter();
  const meter = onProgress ? inputMeter() : undefined;
  let records = 0;
  for await (const item of readInputs(inputs, ingest, meter)) {
    if (item.kind !== 'record') continue;
    counter.add(item.record, manifest?.get(item.record.id));
    if (meter && ++records % 256 === 0) onProgress?.(records, meter);
  }
  if (meter) onProgress?.(records, meter);
  return counter.finish(minArticles, timeWindowDays(defaultGroupOptions));
}

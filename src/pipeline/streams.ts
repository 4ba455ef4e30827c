/**
 * Research-pipeline entry points that stream articles through the per-article
 * stages without keeping whole documents: grouping alone, and corpus-wide reuse.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Doc, Skip } from '../doc/types.js';
import { readInputs, readManifest, type IngestOptions, type ManifestEntry } from '../ingest/index.js';
import { extractFeatures, groupArticles, PinSchema, recurringSpans, type ArticleFeatures, type Grouping, type Pin, type RecurringParagraphs } from '../group/index.js';
import { findReuse, type ReuseCluster, type ReuseInput, type ReuseOptions } from '../compare/index.js';
import { buildDoc } from './build-doc.js';
import { AnalyzeOptionsSchema } from './options.js';
import { countRecurring } from './recurring.js';

export interface StreamRequest {
  inputs: readonly string[];
  ingest?: Partial<IngestOptions>;
  manifest?: Map<string, ManifestEntry> | string;
  onSkip?: (skip: Skip) => void;
  /** Paragraphs to mark for grouping to leave out (pipeline/recurring.ts countRecurring). */
  recurring?: RecurringParagraphs;
}

/** Cleaned and tokenized docs, one at a time; records that fail or end empty are reported through onSkip. */
export async function* streamDocs(request: StreamRequest): AsyncGenerator<Doc> {
  const manifest = typeof request.manifest === 'string' ? await readManifest(request.manifest) : request.manifest;
  for await (const item of readInputs(request.inputs, request.ingest ?? {})) {
    if (item.kind === 'skip') {
      request.onSkip?.(item.skip);
      continue;
    }
    const { record } = item;
    try {
      const doc = buildDoc(record, manifest?.get(record.id), request.recurring);
      if (doc.tokens.length === 0) {
        request.onSkip?.({ id: record.id, source: record.source, code: 'E_NO_CONTENT', reason: 'no words left after cleaning' });
        continue;
      }
      yield doc;
    } catch (err) {
      request.onSkip?.({ id: record.id, source: record.source, code: 'E_ANALYZE', reason: `analysis failed: ${(err as Error).message}` });
    }
  }
}

/** Groups articles into stories and events from their compact features alone (`framelens group`). */
export async function groupInputs(request: StreamRequest & { pins?: readonly Pin[]; recurringMinArticles?: number }): Promise<Grouping> {
  const manifest = typeof request.manifest === 'string' ? await readManifest(request.manifest) : request.manifest;
  const minArticles = request.recurringMinArticles ?? AnalyzeOptionsSchema.parse({}).recurringMinArticles;
  const recurring = request.recurring ?? (await countRecurring({ inputs: request.inputs, ingest: request.ingest ?? {}, manifest, minArticles }));
  const features: ArticleFeatures[] = [];
  for await (const doc of streamDocs({ ...request, manifest, recurring })) features.push(extractFeatures(doc, recurringSpans(doc)));
  return groupArticles(features, {}, request.pins ?? []);
}

/** Reused passages across all articles, not only within events (`framelens reuse`). */
export async function reuseInputs(request: StreamRequest & { reuse?: Partial<ReuseOptions> }): Promise<ReuseCluster[]> {
  async function* inputs(): AsyncGenerator<ReuseInput> {
    for await (const doc of streamDocs(request)) yield { id: doc.id, text: doc.text, tokens: doc.tokens, outlet: doc.meta.outlet.value, published: doc.meta.published.value };
  }
  return findReuse(inputs(), request.reuse ?? {});
}

/** Reads pinned grouping decisions: a JSON array of {"kind":"together"|"apart","ids":[…]}. */
export async function readPins(file: string): Promise<Pin[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: cannot read pinned groups: ${(err as Error).message}`);
  }
  const parsed = z.array(PinSchema).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: pinned groups entry ${issue.path.join('.')}: ${issue.message} (expected [{"kind":"together"|"apart","ids":[...]}])`);
  }
  return parsed.data;
}

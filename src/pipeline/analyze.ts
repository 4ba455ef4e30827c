import type { Doc, Skip } from '../doc/types.js';
import { readInputs, readManifest, type ManifestEntry } from '../ingest/index.js';
import { extractFeatures, groupArticles, recurringSpans, type Grouping, type Pin, type RecurringParagraphs } from '../group/index.js';
import { countRecurring } from './recurring.js';
import { analyzeDoc } from '../frames/index.js';
import { buildDoc } from './build-doc.js';
import { AnalyzeOptionsSchema, ingestOptionsOf, type AnalyzeOptions, type AnalyzeOptionsInput } from './options.js';
import { corpusStats } from '../compare/index.js';
import { compareEvents, compareStories, type EventComparison, type StoryComparison } from './compare.js';

/** Everything one run found: the input of every report writer. */
export interface Analysis {
  options: AnalyzeOptions;
  inputs: string[];
  docs: Doc[];
  skips: Skip[];
  grouping: Grouping;
  events: EventComparison[];
  stories: StoryComparison[];
}

export interface AnalyzeHooks {
  /** Called for each skipped record as it happens (the CLI prints it on stderr). */
  onSkip?: (skip: Skip) => void;
  /** Called after each analyzed article. */
  onDoc?: (doc: Doc) => void;
}

export interface AnalyzeRequest {
  inputs: readonly string[];
  options?: AnalyzeOptionsInput;
  manifest?: Map<string, ManifestEntry> | string;
  pins?: readonly Pin[];
  hooks?: AnalyzeHooks;
}

/**
 * The whole pipeline: ingest → clean → meta → text → frames (per article),
 * then group → compare (per event and per story).
 */
export async function analyze(request: AnalyzeRequest): Promise<Analysis> {
  const options = AnalyzeOptionsSchema.parse(request.options ?? {});
  const manifest = typeof request.manifest === 'string' ? await readManifest(request.manifest) : request.manifest;
  const docs: Doc[] = [];
  const skips: Skip[] = [];
  const skip = (s: Skip): void => {
    skips.push(s);
    request.hooks?.onSkip?.(s);
  };
  const ingestOptions = ingestOptionsOf(options);
  const recurring = await countRecurring({ inputs: request.inputs, ingest: ingestOptions, manifest, minArticles: options.recurringMinArticles });
  for await (const item of readInputs(request.inputs, ingestOptions)) {
    if (item.kind === 'skip') {
      skip(item.skip);
      continue;
    }
    const doc = analyzeRecord(item.record, manifest?.get(item.record.id), skip, options.frames === 'all', recurring);
    if (doc) {
      docs.push(doc);
      request.hooks?.onDoc?.(doc);
    }
  }
  return finishAnalysis(docs, skips, options, [...request.inputs], request.pins ?? []);
}

/** Per-article stages for one record; a failure skips this record alone (spaCy's error handler policy). */
export function analyzeRecord(record: Parameters<typeof buildDoc>[0], manifest: ManifestEntry | undefined, skip: (s: Skip) => void, withFrames = true, recurring?: RecurringParagraphs): Doc | null {
  try {
    const doc = buildDoc(record, manifest, recurring);
    if (doc.tokens.length === 0) {
      skip({ id: record.id, source: record.source, code: 'E_NO_CONTENT', reason: `no words left after cleaning (${doc.removed.length} block(s) removed as boilerplate)` });
      return null;
    }
    if (withFrames) analyzeDoc(doc);
    return doc;
  } catch (err) {
    skip({ id: record.id, source: record.source, code: 'E_ANALYZE', reason: `analysis failed: ${(err as Error).message}` });
    return null;
  }
}

/** Articles whose framing some comparison reads: those in stories of two or more articles (`frames: 'grouped'`). */
export function framedIds(grouping: Grouping): string[] {
  return grouping.stories.filter((s) => s.articleIds.length > 1).flatMap((s) => s.articleIds);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Grouping and comparison over analyzed docs (the corpus-level stages). */
export function finishAnalysis(docs: Doc[], skips: Skip[], options: AnalyzeOptions, inputs: string[], pins: readonly Pin[]): Analysis {
  // Sorted by id so that results never depend on input order.
  docs.sort((a, b) => cmp(a.id, b.id));
  skips.sort((a, b) => cmp(a.source.file, b.source.file) || (a.source.line ?? 0) - (b.source.line ?? 0) || cmp(a.id, b.id));
  const grouping = groupArticles(docs.map((d) => extractFeatures(d, recurringSpans(d))), {}, pins);
  if (options.frames === 'grouped') {
    const byId = new Map(docs.map((d) => [d.id, d]));
    for (const id of framedIds(grouping)) analyzeDoc(byId.get(id)!);
  }
  const stats = corpusStats(docs);
  const events = compareEvents(docs, grouping, options, stats);
  const stories = compareStories(docs, grouping, options, stats);
  return { options, inputs, docs, skips, grouping, events, stories };
}

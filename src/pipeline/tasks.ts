/**
 * The work units of a batch run, as plain functions of plain data: run in
 * worker threads (worker.ts) or in-process (`workers: 0`), with the same result.
 *
 * - `analyzeBatch`: records → clean, meta, text (+ framing analyzers), grouping
 *   features and corpus-statistics contributions; the articles spill to the run directory.
 * - `compareStoryTask`: one story of several articles: rebuilds its docs from the
 *   run directory, runs the framing analyzers if they were deferred, compares its
 *   events and the story, and writes the report pieces.
 */
import { mkdirSync, openSync, writeSync, closeSync, renameSync, existsSync, readFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import type { Doc, RawRecord, Skip } from '../doc/types.js';
import type { ManifestEntry } from '../ingest/index.js';
import { analyzeDoc } from '../frames/index.js';
import { extractFeatures, recurringSpans, type EventGroup, type RecurringParagraphs, type StoryGroup } from '../group/index.js';
import { defaultStatsOptions, statsHashes, type CorpusStats } from '../compare/index.js';
import { tokenize } from '../text/index.js';
import { coreFromEntry, putEntryLine, putEntryTail, type PutText } from './entry.js';
import { buildDoc } from './build-doc.js';
import { compareEvent, compareStory } from './compare.js';
import type { AnalyzeOptions } from './options.js';
import { decodeStats } from './stats.js';
import { batchPaths, encodeBatch, decodeBatch, rangeReader, writeAtomic, type BatchDoc, type BatchResult, type ByteRef, type DocCore } from './spill.js';

export interface BatchTask {
  key: string;
  runDir: string;
  records: Array<{ record: RawRecord; manifest?: ManifestEntry }>;
  /** Run the framing analyzers now (`frames: 'all'`), else they run later for grouped articles only. */
  withFrames: boolean;
  /** The corpus's recurring paragraphs (pipeline/recurring.ts), left out of the grouping features. */
  recurring: RecurringParagraphs;
}

/** A line writer's buffer, handed back on close for the thread's next task (4 MiB, or more after a longer piece). */
let spare: Buffer | null = null;

interface LineWriter {
  /** Appends text to the current line: its UTF-8 byte length. */
  put: PutText;
  /** Ends the current line: its byte range, without the newline. */
  end(): { offset: number; length: number };
  close(): void;
}

/**
 * Appends lines to a file, tracking each line's byte range; renamed into place on close. A line is
 * written in pieces, each encoded straight into one scratch buffer, flushed when full: a Buffer per
 * line (and a write per line) cost more than the UTF-8 encoding itself on the story tasks' tens of kB
 * of findings an article, and putting a line's strings one by one spares joining them first (a copy of
 * every byte: ≈ 1.3 s less CPU replaying the story pieces of 4,000 web articles, ≈ 60 MB lower peak RSS).
 */
function lineWriter(path: string): LineWriter {
  const tmp = `${path}.tmp-${process.pid}-${threadId}`;
  mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  const fd = openSync(tmp, 'w');
  let scratch = spare ?? Buffer.allocUnsafe(1 << 22);
  spare = null;
  let offset = 0;
  let lineStart = 0;
  let used = 0;
  const flush = (): void => {
    let done = 0;
    while (done < used) done += writeSync(fd, scratch, done, used - done);
    used = 0;
  };
  const put = (s: string): number => {
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    const room = s.length * 3;
    if (used + room > scratch.length) {
      flush();
      if (room > scratch.length) scratch = Buffer.allocUnsafe(room);
    }
    const length = scratch.write(s, used, 'utf8');
    used += length;
    offset += length;
    return length;
  };
  return {
    put,
    end() {
      const at = { offset: lineStart, length: offset - lineStart };
      if (used + 1 > scratch.length) flush();
      scratch[used++] = 0x0a;
      lineStart = ++offset;
      return at;
    },
    close() {
      flush();
      closeSync(fd);
      renameSync(tmp, path);
      spare = scratch;
    },
  };
}

/** A Doc again from its spilled core: tokens are rebuilt exactly as analyzeText made them. */
export function docFromCore(core: DocCore): Doc {
  const { words, ...rest } = core;
  void words;
  return { ...rest, original: '', tokens: tokenize(core.text, core.sentences, core.language) };
}

/** Per-article stages for one batch (the same policy as analyzeRecord: a failure skips that record alone). */
export function analyzeBatch(task: BatchTask): BatchResult {
  const paths = batchPaths(task.runDir, task.key);
  const lines = lineWriter(paths.docs);
  const docs: BatchDoc[] = [];
  const skips: Skip[] = [];
  for (const { record, manifest } of task.records) {
    let doc: Doc;
    try {
      doc = buildDoc(record, manifest, task.recurring);
      if (doc.tokens.length === 0) {
        skips.push({ id: record.id, source: record.source, code: 'E_NO_CONTENT', reason: `no words left after cleaning (${doc.removed.length} block(s) removed as boilerplate)` });
        continue;
      }
      if (task.withFrames) analyzeDoc(doc);
    } catch (err) {
      skips.push({ id: record.id, source: record.source, code: 'E_ANALYZE', reason: `analysis failed: ${(err as Error).message}` });
      continue;
    }
    const features = extractFeatures(doc, recurringSpans(doc));
    const { shingles, stems } = statsHashes(doc, defaultStatsOptions.ngram);
    putEntryLine(lines.put, doc);
    const at = lines.end();
    docs.push({ id: doc.id, core: { file: paths.docs, ...at }, features, shingles, stems });
  }
  lines.close();
  const result: BatchResult = { key: task.key, docs, skips };
  const bytes = encodeBatch(result);
  writeAtomic(paths.bin, bytes);
  // Decoded from the bytes just written, so a fresh batch and a cached one are the same data.
  return decodeBatch(bytes, paths.docs);
}

export interface StoryTask {
  key: string;
  runDir: string;
  /** Corpus statistics file (stats.ts encodeStats), read once per thread. */
  statsFile: string;
  story: StoryGroup;
  /** The story's events, in report order. */
  events: EventGroup[];
  docs: Array<{ id: string; core: ByteRef }>;
  options: AnalyzeOptions;
  /** Run the framing analyzers on the story's articles (they were deferred in the batches). */
  withFrames: boolean;
}

export interface StoryResult {
  key: string;
  story: ByteRef;
  /** Each event's report entry and its comparisons (null when it has none). */
  events: Array<{ id: string; event: ByteRef; pairs: ByteRef | null }>;
  /** The entry tail (findings, extra, diagnostics: entry.ts) of articles analyzed here (deferred framing). */
  layers: Array<{ id: string; ref: ByteRef }>;
}

export function storyResultPath(runDir: string, key: string): { out: string; index: string } {
  return { out: `${runDir}/p2/${key}.out`, index: `${runDir}/p2/${key}.json` };
}

export function readCachedStory(runDir: string, key: string): StoryResult | null {
  const p = storyResultPath(runDir, key);
  if (!existsSync(p.index) || !existsSync(p.out)) return null;
  try {
    return JSON.parse(readFileSync(p.index, 'utf8')) as StoryResult;
  } catch {
    return null;
  }
}

/** Compares one story's events and the story itself; writes the report pieces to the run directory. */
export function compareStoryTask(task: StoryTask, stats: CorpusStats): StoryResult {
  const reader = rangeReader();
  const docs = task.docs.map((d) => docFromCore(coreFromEntry(reader.view(d.core))));
  reader.close();
  if (task.withFrames) for (const d of docs) analyzeDoc(d);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const paths = storyResultPath(task.runDir, task.key);
  const out = lineWriter(paths.out);
  const ref = (): ByteRef => ({ file: paths.out, ...out.end() });
  // A report element (`reportElement`'s bytes), its JSON put as it comes from JSON.stringify.
  const element = (value: unknown): void => {
    out.put('    ');
    out.put(JSON.stringify(value));
  };
  const events: StoryResult['events'] = [];
  // Written without zod re-parsing, as the article entries are (entry.ts): tests/pipeline/run.test.ts holds
  // these pieces byte-equal to the in-memory report, which `buildReport` validates with ReportSchema.
  for (const event of task.events) {
    const cmp = compareEvent(event, byId, task.options, stats);
    let pairs: ByteRef | null = null;
    if (cmp.pairs.length) {
      cmp.pairs.forEach((p, i) => {
        if (i > 0) out.put(',\n');
        element(p);
      });
      pairs = ref();
    }
    element({ ...event, analyses: cmp.analyses });
    events.push({ id: event.id, event: ref(), pairs });
  }
  const eventOf = new Map<string, string>();
  for (const e of task.events) for (const id of e.articleIds) eventOf.set(id, e.id);
  const storyCmp = compareStory(task.story, byId, eventOf, task.options, stats);
  element({ ...task.story, analyses: storyCmp.analyses });
  const story = ref();
  const layers = task.withFrames
    ? docs.map((d) => {
        putEntryTail(out.put, d);
        return { id: d.id, ref: ref() };
      })
    : [];
  out.close();
  const result: StoryResult = { key: task.key, story, events, layers };
  writeAtomic(paths.index, JSON.stringify(result));
  return result;
}

export type WorkerTask = { kind: 'batch'; task: BatchTask } | { kind: 'story'; task: StoryTask };

let loadedStats: { file: string; stats: CorpusStats } | null = null;

/** One work unit, in whatever thread runs it. */
export function runTask(message: WorkerTask): unknown {
  switch (message.kind) {
    case 'batch':
      return analyzeBatch(message.task);
    case 'story': {
      const file = message.task.statsFile;
      if (loadedStats?.file !== file) loadedStats = { file, stats: decodeStats(readFileSync(file)) };
      return compareStoryTask(message.task, loadedStats.stats);
    }
  }
}

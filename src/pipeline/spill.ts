/**
 * The run directory: per-batch results keyed by content hash, written
 * atomically, so an interrupted run resumes without redoing finished work, and
 * article texts stay on disk instead of in memory.
 *
 * Layout under `<runDir>/`:
 * - `p1/<key>.docs`: one line per analyzed article, its report.json entry in
 *   pieces (entry.ts: cleaned text, offset map, sentences, metadata, findings):
 *   read back by byte range.
 * - `p1/<key>.bin`: the batch's compact results (grouping features, corpus
 *   statistics contributions, where each article's line is), written last: its
 *   presence marks the batch done.
 * - `p2/<key>.out` + `p2/<key>.json`: one story's comparisons as report pieces and their byte ranges.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Diagnostic, Finding, OffsetMap, Removal, Skip, SourceRef, Span, DocMeta } from '../doc/types.js';
import type { ArticleFeatures } from '../group/index.js';

/** Bump when any per-article stage changes what it produces, so stale cached batches are not reused. */
export const CACHE_VERSION = 'framelens-run-15';

/** What the later stages need of an analyzed article, without tokens (rebuilt from text and sentences). */
export interface DocCore {
  id: string;
  source: SourceRef;
  text: string;
  map: OffsetMap;
  removed: Removal[];
  paragraphs: Span[];
  sentences: Span[];
  language: string;
  meta: DocMeta;
  extra: Record<string, unknown>;
  diagnostics: Diagnostic[];
  layers: Record<string, Finding[]>;
  /** Number of tokens (the report's `words`). */
  words: number;
}

/** Where a piece of text sits in the run directory. */
export interface ByteRef {
  file: string;
  offset: number;
  length: number;
}

export interface BatchDoc {
  id: string;
  /** The article's spilled entry line in `p1/<key>.docs` (entry.ts). */
  core: ByteRef;
  features: ArticleFeatures;
  /** Distinct 4-word shingle hashes and distinct stem hashes (corpus statistics contributions). */
  shingles: Int32Array;
  stems: Int32Array;
}

export interface BatchResult {
  key: string;
  docs: BatchDoc[];
  /** Records that failed or ended empty, in input order. */
  skips: Skip[];
}

export function hashKey(parts: readonly unknown[]): string {
  const h = createHash('sha256');
  for (const p of parts) updateKey(h, p);
  return h.digest('hex').slice(0, 32);
}

/**
 * One part of a key: strings length-prefixed as they are, arrays walked between brackets, anything else
 * as JSON. Arrays are walked rather than stringified whole: a batch's key covers its article texts, and
 * JSON-escaping 64 texts on the main thread (which also feeds the workers) cost more than hashing them.
 */
function updateKey(h: ReturnType<typeof createHash>, p: unknown): void {
  if (typeof p === 'string') h.update(`${p.length}:`).update(p);
  else if (Array.isArray(p)) {
    h.update('\u0001[');
    for (const q of p) updateKey(h, q);
    h.update('\u0001]');
  } else h.update(JSON.stringify(p) ?? 'undefined');
  h.update('\u0000');
}

let tmpCounter = 0;

/** Writes to a temporary sibling, then renames: readers never see a half-written file. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${threadId}-${++tmpCounter}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

export interface RangeReader {
  read(ref: ByteRef): string;
  /** The bytes of `ref` in a Buffer of their own. */
  bytes(ref: ByteRef): Buffer;
  /** The bytes of `ref` in a scratch buffer that the thread's next `view` reuses (for bytes decoded at once). */
  view(ref: ByteRef): Buffer;
  /** Reads the bytes of `ref` into `buf` from `at` on. */
  into(ref: ByteRef, buf: Uint8Array, at: number): void;
  close(): void;
}

/** `view`'s buffer, kept for the thread's next story task. */
let viewScratch: Buffer | null = null;

/** Files a reader keeps open: report.json's articles come in id order, from every batch's file in turn. */
const OPEN_FILES = 256;

/** Reads byte ranges of run-directory files, keeping the most recently read files open. */
export function rangeReader(): RangeReader {
  const fds = new Map<string, number>();
  const close = (): void => {
    for (const fd of fds.values()) closeSync(fd);
    fds.clear();
  };
  const fdOf = (file: string): number => {
    let fd = fds.get(file);
    if (fd !== undefined) {
      // Most recently used last: the first in the map is the one closed when too many are open.
      fds.delete(file);
    } else {
      if (fds.size >= OPEN_FILES) {
        const [oldest, ofd] = fds.entries().next().value!;
        closeSync(ofd);
        fds.delete(oldest);
      }
      fd = openSync(file, 'r');
    }
    fds.set(file, fd);
    return fd;
  };
  const into = (ref: ByteRef, buf: Uint8Array, at: number): void => {
    const fd = fdOf(ref.file);
    let done = 0;
    while (done < ref.length) {
      const n = readSync(fd, buf, at + done, ref.length - done, ref.offset + done);
      if (n === 0) throw new Error(`${ref.file}: ended before byte ${ref.offset + ref.length}`);
      done += n;
    }
  };
  const bytes = (ref: ByteRef): Buffer => {
    const buf = Buffer.allocUnsafe(ref.length);
    into(ref, buf, 0);
    return buf;
  };
  const view = (ref: ByteRef): Buffer => {
    if (!viewScratch || viewScratch.length < ref.length) viewScratch = Buffer.allocUnsafe(Math.max(ref.length, 1 << 20));
    into(ref, viewScratch, 0);
    return viewScratch.subarray(0, ref.length);
  };
  return { read: (ref) => bytes(ref).toString('utf8'), bytes, view, into, close };
}

interface DocHeader {
  id: string;
  offset: number;
  length: number;
  f: Omit<ArticleFeatures, 'keys' | 'counts' | 'spans'>;
  /** Lengths of keys, spans, shingles, stems in the int32 section (counts has the keys' length). */
  n: [number, number, number, number];
}

/**
 * Batch results as bytes: a 4-byte header length, the JSON header (padded to 4
 * bytes), then every number array as int32 (feature keys are uint32 stored as
 * their int32 bit pattern). JSON of ~2,000 numbers an article cost more than the
 * analysis of some stages.
 */
export function encodeBatch(result: BatchResult): Uint8Array {
  const docs: DocHeader[] = [];
  let ints = 0;
  for (const d of result.docs) {
    const { keys, counts, spans, ...f } = d.features;
    docs.push({ id: d.id, offset: d.core.offset, length: d.core.length, f, n: [keys.length, spans.length, d.shingles.length, d.stems.length] });
    ints += keys.length + counts.length + spans.length + d.shingles.length + d.stems.length;
  }
  const head = Buffer.from(JSON.stringify({ key: result.key, skips: result.skips, docs }));
  const headLen = (head.length + 3) & ~3;
  const out = new Uint8Array(4 + headLen + ints * 4);
  new DataView(out.buffer).setUint32(0, head.length, true);
  out.set(head, 4);
  out.fill(32, 4 + head.length, 4 + headLen);
  const body = new Int32Array(out.buffer, 4 + headLen, ints);
  let at = 0;
  const put = (a: ArrayLike<number>): void => {
    for (let i = 0; i < a.length; i++) body[at++] = a[i]! | 0;
  };
  for (const d of result.docs) {
    put(d.features.keys);
    put(d.features.counts);
    put(d.features.spans);
    put(d.shingles);
    put(d.stems);
  }
  return out;
}

export function decodeBatch(bytes: Uint8Array, docsFile: string): BatchResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = view.getUint32(0, true);
  const head = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 4, len).toString('utf8')) as { key: string; skips: Skip[]; docs: DocHeader[] };
  const headLen = (len + 3) & ~3;
  // Copy (Uint8Array's slice; a Buffer's slice is a view into a shared pool) so the int32 view is aligned and owned.
  const body = new Int32Array(Uint8Array.prototype.slice.call(bytes, 4 + headLen).buffer);
  let at = 0;
  const take = (n: number): Int32Array => {
    const a = body.subarray(at, at + n);
    at += n;
    return a;
  };
  const docs: BatchDoc[] = head.docs.map((h) => {
    const [nk, ns, nsh, nst] = h.n;
    // Own copies (a view would carry the whole batch buffer into every structured clone).
    const keys = new Uint32Array(take(nk));
    const counts = take(nk).slice();
    const spans = take(ns).slice();
    const shingles = take(nsh).slice();
    const stems = take(nst).slice();
    return { id: h.id, core: { file: docsFile, offset: h.offset, length: h.length }, features: { ...h.f, keys, counts, spans }, shingles, stems };
  });
  return { key: head.key, docs, skips: head.skips };
}

export function batchPaths(runDir: string, key: string): { docs: string; bin: string } {
  return { docs: `${runDir}/p1/${key}.docs`, bin: `${runDir}/p1/${key}.bin` };
}

/** A finished batch from an earlier run, or null. */
export function readCachedBatch(runDir: string, key: string): BatchResult | null {
  const paths = batchPaths(runDir, key);
  if (!existsSync(paths.bin) || !existsSync(paths.docs)) return null;
  try {
    return decodeBatch(readFileSync(paths.bin), paths.docs);
  } catch {
    return null;
  }
}

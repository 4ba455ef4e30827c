/**
 * An analyzed article's report.json entry, made once by the batch that
 * analyzed it and spilled in pieces, so that the report phase only joins bytes.
 * It used to parse each spilled article, rebuild its record, validate and
 * stringify it again: 2.5 ms an article on web news, a tenth of a whole run.
 *
 * The pieces are cut where the report puts something in later: the grouping
 * membership (known only after grouping), the text block (left out with
 * `--no-text`) and the findings (replaced when the framing analyzers ran later,
 * in the story task). Its bytes are those of
 * `reportElement(ArticleSchema.parse(articleRecord(...)))`, written in the schema's key order without parsing.
 *
 * A spilled line is `<head><words><text><removed><tail>|<lengths>`, where
 * `<lengths>` gives the byte length of the first four pieces and the article's
 * language code: `a,w,x,r,lang`. The lengths come last because they are known
 * only once the pieces are written (each piece goes straight into the writer's
 * buffer), and so that the report phase can read a line into its output buffer
 * just past room for the membership, and only move the head. The same line is
 * what a story task rebuilds the article from (`coreFromEntry`): nothing is
 * spilled twice.
 */
import type { Doc } from '../doc/types.js';
import { articleRecord } from '../report/build.js';
import { ArticleSchema, type ArticleRecord } from '../report/schema.js';
import type { ReportSink } from '../report/stream.js';
import type { ByteRef, DocCore, RangeReader } from './spill.js';

/** Appends text to the line being written and gives its UTF-8 byte length. */
export type PutText = (s: string) => number;

type Key = keyof ArticleRecord;
const MEMBERSHIP: readonly Key[] = ['story', 'event', 'cohesion'];
const TEXT_BLOCK: readonly Key[] = ['text', 'offsetMap', 'paragraphs', 'sentences'];
const TAIL: readonly Key[] = ['layers', 'extra', 'diagnostics'];

// The schema's key order is the entry's: `ArticleSchema.parse` would give the same bytes, and parsing what
// the typed document model just built cost a third of the serialization (0.4 ms a web article, twice per
// article). The in-memory report (`buildReport`) still validates, and tests/pipeline/run.test.ts checks that
// both reports are byte-identical, so a drift between the model's types and the schema fails there.
const ARTICLE_KEYS = Object.keys(ArticleSchema.shape) as Key[];
// The cuts rely on that order: head fields, membership, words, text block, removed, tail.
const CUT_ORDER = ['meta', ...MEMBERSHIP, 'words', ...TEXT_BLOCK, 'removed', ...TAIL];
if (ARTICLE_KEYS.slice(-CUT_ORDER.length).join(',') !== CUT_ORDER.join(',')) throw new Error(`article entry fields out of the expected order: ${ARTICLE_KEYS.join(',')}`);

/** `"key":value,`, written in three puts (the value, often tens of kB, is never copied into a longer string). */
function putField(put: PutText, key: string, value: unknown): number {
  return put(`"${key}":`) + put(String(JSON.stringify(value))) + put(',');
}

type Tail = Pick<Doc, 'layers' | 'extra' | 'diagnostics'>;

/** Writes `"layers":…,"extra":…,"diagnostics":…}`: the end of an entry (findings added by a story task). */
export function putEntryTail(put: PutText, t: Tail): number {
  return putField(put, 'layers', t.layers) + putField(put, 'extra', t.extra) + put('"diagnostics":') + put(String(JSON.stringify(t.diagnostics))) + put('}');
}

/** Writes the spilled line of an analyzed article (always with its text: story tasks rebuild the article from it). */
export function putEntryLine(put: PutText, doc: Doc): void {
  const record = articleRecord({ ...doc, words: doc.tokens.length }, null, true);
  let head = put('    {');
  let words = 0;
  let text = 0;
  let removed = 0;
  for (const key of ARTICLE_KEYS) {
    const value = record[key];
    if (value === undefined || MEMBERSHIP.includes(key) || TAIL.includes(key)) continue;
    const n = putField(put, key, value);
    if (key === 'words') words = n;
    else if (TEXT_BLOCK.includes(key)) text += n;
    else if (key === 'removed') removed = n;
    else head += n;
  }
  putEntryTail(put, record);
  put(`|${head},${words},${text},${removed},${doc.language}`);
}

interface Lengths {
  head: number;
  words: number;
  text: number;
  removed: number;
  /** Where the `|` before the lengths is (the end of the entry's bytes). */
  end: number;
  language: string;
}

/** The lengths at the end of a spilled line held in `buf[start, end)`. */
function lengthsOf(buf: Buffer, start: number, end: number): Lengths {
  let bar = end - 1;
  // '|': the lengths never contain one, and come last.
  while (bar >= start && buf[bar] !== 0x7c) bar--;
  const [a, w, x, r, language] = buf.toString('latin1', Math.max(bar + 1, start), end).split(',');
  const l = { head: Number(a), words: Number(w), text: Number(x), removed: Number(r), end: bar, language: language ?? '' };
  const cuts = [l.head, l.words, l.text, l.removed];
  // A line spilled by an earlier version (lengths first) ends in JSON ('}'): its last '|' is some text's.
  if (bar < start || !/^[\w-]*$/.test(l.language) || !cuts.every((n) => Number.isInteger(n) && n >= 0) || l.head + l.words + l.text + l.removed > bar - start) {
    throw new Error('spilled article line without its lengths at the end (written by an earlier version?)');
  }
  return l;
}

const NO_MEMBERSHIP = Buffer.from('"story":null,"event":null,"cohesion":null,');

/** The `"story":…,"event":…,"cohesion":…,` piece of an entry. */
export function membershipPiece(m: { story: string; event: string; cohesion: number } | null): Buffer {
  return m ? Buffer.from(`"story":${JSON.stringify(m.story)},"event":${JSON.stringify(m.event)},"cohesion":${JSON.stringify(m.cohesion)},`) : NO_MEMBERSHIP;
}

/**
 * Puts an article's report.json entry into the sink: the spilled line is read into the sink's buffer
 * just past room for the membership, the head moved back over that room and the membership put after
 * it, so the text (most of the bytes) is never copied; the text block is left out when not wanted, and
 * the tail replaced by findings made later (`tail`, written by a story task) when given.
 */
export function putEntry(out: ReportSink, reader: Pick<RangeReader, 'into'>, line: ByteRef, membership: Uint8Array, includeText: boolean, tail: ByteRef | null): void {
  const m = membership.length;
  const { buf, at } = out.room(m + line.length + (tail?.length ?? 0));
  const start = at + m;
  reader.into(line, buf, start);
  const l = lengthsOf(buf, start, start + line.length);
  buf.copyWithin(at, start, start + l.head);
  buf.set(membership, at + l.head);
  // Now at + head + m = start + head: words, text and removed are where they belong.
  let end = start + l.head + l.words;
  const removedEnd = end + l.text + l.removed;
  if (includeText) end = tail ? removedEnd : l.end;
  else {
    const keep = tail ? removedEnd : l.end;
    buf.copyWithin(end, end + l.text, keep);
    end += keep - (end + l.text);
  }
  if (tail) {
    reader.into(tail, buf, end);
    end += tail.length;
  }
  out.commit(end);
}

/** What a story task needs of an article, from its spilled line. */
export function coreFromEntry(line: Buffer): DocCore {
  const l = lengthsOf(line, 0, line.length);
  // Validated when spilled: read back with the document model's own types. Without the membership the
  // pieces are still one JSON object (head, words, text block, removed, tail).
  type Spilled = Omit<ArticleRecord, 'source' | 'removed' | 'meta' | 'layers'> & Pick<DocCore, 'source' | 'removed' | 'meta' | 'layers'>;
  const record = JSON.parse(line.toString('utf8', 0, l.end)) as Spilled;
  return {
    id: record.id,
    source: record.source,
    text: record.text ?? '',
    map: (record.offsetMap ?? []).map(([clean, orig, length]) => ({ clean, orig, length })),
    removed: record.removed,
    paragraphs: record.paragraphs ?? [],
    sentences: record.sentences ?? [],
    language: l.language,
    meta: record.meta,
    extra: record.extra,
    diagnostics: record.diagnostics,
    layers: record.layers,
    words: record.words,
  };
}

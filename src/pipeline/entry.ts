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
 * A spilled line is `<lengths>|<head><words><text><removed><tail>`, where
 * `<lengths>` gives the byte length of the first four pieces and the article's
 * language code: `a,w,x,r,lang`. The same line is what a story task rebuilds the
 * article from (`coreFromEntry`): nothing is spilled twice.
 */
import type { Doc } from '../doc/types.js';
import { articleRecord } from '../report/build.js';
import { ArticleSchema, type ArticleRecord } from '../report/schema.js';
import type { DocCore } from './spill.js';

type Key = keyof ArticleRecord;
const MEMBERSHIP: readonly Key[] = ['story', 'event', 'cohesion'];
const TEXT_BLOCK: readonly Key[] = ['text', 'offsetMap', 'paragraphs', 'sentences'];
const TAIL: readonly Key[] = ['layers', 'extra', 'diagnostics'];

const field = (key: string, value: unknown): string => `${JSON.stringify(key)}:${JSON.stringify(value)},`;

type Tail = Pick<Doc, 'layers' | 'extra' | 'diagnostics'>;
const tailText = (t: Tail): string => `${field('layers', t.layers)}${field('extra', t.extra)}${field('diagnostics', t.diagnostics).slice(0, -1)}}`;

/** `"layers":…,"extra":…,"diagnostics":…}`: the end of an entry (findings added by a story task). */
export function entryTail(doc: Tail): string {
  return tailText(doc);
}

// The schema's key order is the entry's: `ArticleSchema.parse` would give the same bytes, and parsing what
// the typed document model just built cost a third of the serialization (0.4 ms a web article, twice per
// article). The in-memory report (`buildReport`) still validates, and tests/pipeline/run.test.ts checks that
// both reports are byte-identical, so a drift between the model's types and the schema fails there.
const ARTICLE_KEYS = Object.keys(ArticleSchema.shape) as Key[];

/** The spilled line of an analyzed article (always with its text: story tasks rebuild the article from it). */
export function entryLine(doc: Doc): string {
  const record = articleRecord({ ...doc, words: doc.tokens.length }, null, true);
  let head = '    {';
  let words = '';
  let text = '';
  let removed = '';
  const seen: string[] = [];
  for (const key of ARTICLE_KEYS) {
    const value = record[key];
    if (value === undefined || MEMBERSHIP.includes(key) || TAIL.includes(key)) continue;
    seen.push(key);
    if (key === 'words') words = field(key, value);
    else if (TEXT_BLOCK.includes(key)) text += field(key, value);
    else if (key === 'removed') removed = field(key, value);
    else head += field(key, value);
  }
  // The cuts rely on the schema's key order: head fields, membership, words, text block, removed, tail.
  const order = seen.join(',');
  if (!order.endsWith('meta,words,text,offsetMap,paragraphs,sentences,removed')) throw new Error(`article entry fields out of the expected order: ${order}`);
  const tail = tailText(record);
  const bytes = [head, words, text, removed].map((s) => Buffer.byteLength(s));
  return `${bytes.join(',')},${doc.language}|${head}${words}${text}${removed}${tail}`;
}

interface EntryPieces {
  head: Buffer;
  words: Buffer;
  text: Buffer;
  removed: Buffer;
  tail: Buffer;
  language: string;
}

function pieces(line: Buffer): EntryPieces {
  const bar = line.indexOf(0x7c); // '|': the lengths never contain one, and come first
  const header = line.subarray(0, bar).toString('latin1').split(',');
  const [a, w, x, r] = header.slice(0, 4).map(Number) as [number, number, number, number];
  let at = bar + 1;
  const take = (n: number): Buffer => line.subarray(at, (at += n));
  return { head: take(a), words: take(w), text: take(x), removed: take(r), tail: line.subarray(at), language: header[4] ?? '' };
}

const NO_MEMBERSHIP = Buffer.from('"story":null,"event":null,"cohesion":null,');

/** The `"story":…,"event":…,"cohesion":…,` piece of an entry. */
export function membershipPiece(m: { story: string; event: string; cohesion: number } | null): Buffer {
  return m ? Buffer.from(`"story":${JSON.stringify(m.story)},"event":${JSON.stringify(m.event)},"cohesion":${JSON.stringify(m.cohesion)},`) : NO_MEMBERSHIP;
}

/** The report.json entry from a spilled line: its membership put in, the text block kept or left out, the tail replaced when given. */
export function composeEntry(line: Buffer, membership: Buffer, includeText: boolean, tail: Buffer | null): Buffer[] {
  const p = pieces(line);
  return includeText ? [p.head, membership, p.words, p.text, p.removed, tail ?? p.tail] : [p.head, membership, p.words, p.removed, tail ?? p.tail];
}

/** What a story task needs of an article, from its spilled line. */
export function coreFromEntry(line: Buffer): DocCore {
  const p = pieces(line);
  // Validated when spilled: read back with the document model's own types.
  type Spilled = Omit<ArticleRecord, 'source' | 'removed' | 'meta' | 'layers'> & Pick<DocCore, 'source' | 'removed' | 'meta' | 'layers'>;
  const record = JSON.parse(Buffer.concat([p.head, NO_MEMBERSHIP, p.words, p.text, p.removed, p.tail]).toString('utf8')) as Spilled;
  return {
    id: record.id,
    source: record.source,
    text: record.text ?? '',
    map: (record.offsetMap ?? []).map(([clean, orig, length]) => ({ clean, orig, length })),
    removed: record.removed,
    paragraphs: record.paragraphs ?? [],
    sentences: record.sentences ?? [],
    language: p.language,
    meta: record.meta,
    extra: record.extra,
    diagnostics: record.diagnostics,
    layers: record.layers,
    words: record.words,
  };
}

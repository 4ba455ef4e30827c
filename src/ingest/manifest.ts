/**
 * Manifests: metadata by id that adds to or overrides what the inputs gave. CSV with a header
 * row, JSON (an array of objects, or an object keyed by id), or JSON Lines. Any problem throws
 * one line naming file and line (the CLI turns it into a usage error).
 */
import { META_FIELDS, type GivenMeta } from '../doc/types.js';
import { openChunks, peek, readWhole } from './bytes.js';
import { csvRows, headerNames } from './csv.js';
import { decodeWhole } from './decode.js';
import { extensionOf } from './formats.js';
import { kindOf, setField } from './fields.js';
import { jsonErrorOffset, lineAndColumn } from './json-position.js';
import { defaultIngestOptions, type IngestOptions } from './options.js';
import { openLines, type TextLine } from './stream.js';
import { describeFsError } from './walk.js';

/** A manifest row: metadata by id that adds to or overrides what the input gave. */
export interface ManifestEntry {
  given: GivenMeta;
  extra: Record<string, unknown>;
}

type Manifest = Map<string, ManifestEntry>;

const OPTIONS: IngestOptions = { ...defaultIngestOptions, encoding: 'utf-8' };
const KNOWN = new Set<string>(['id', ...META_FIELDS]);

/** Adds one entry; `where` is "file:line" or "file: entry N". Empty values ("" or null) mean "not given". */
function addEntry(manifest: Manifest, lines: Map<string, string>, value: unknown, where: string, keyId?: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where}: a manifest entry must be an object, got ${kindOf(value)}`);
  const obj = value as Record<string, unknown>;
  const rawId = Object.hasOwn(obj, 'id') ? obj.id : undefined;
  let id: string;
  if (typeof rawId === 'string' && rawId !== '') id = rawId;
  else if (typeof rawId === 'number' && Number.isFinite(rawId)) id = String(rawId);
  else if (rawId === undefined || rawId === null || rawId === '') {
    if (keyId === undefined) throw new Error(`${where}: the entry has no "id"`);
    id = keyId;
  } else throw new Error(`${where}: "id" must be a string or number, got ${kindOf(rawId)}`);
  if (keyId !== undefined && id !== keyId) throw new Error(`${where}: "id" is "${id}" but the entry is keyed "${keyId}"`);
  const first = lines.get(id);
  if (first !== undefined) throw new Error(`${where}: id "${id}" appears twice (first at ${first})`);
  const given: GivenMeta = {};
  const extra: Record<string, unknown> = {};
  for (const field of META_FIELDS) {
    const v = Object.hasOwn(obj, field) ? obj[field] : undefined;
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string') throw new Error(`${where}: "${field}" must be a string, got ${kindOf(v)}`);
    given[field] = v;
  }
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (!KNOWN.has(key) && v !== '' && v !== null && v !== undefined) setField(extra, key, v);
  }
  lines.set(id, where);
  manifest.set(id, { given, extra });
}

function failLine(line: TextLine & { ok: false }): never {
  throw new Error(line.reason);
}

async function readJsonLines(path: string, file: string, gz: boolean): Promise<Manifest> {
  const opened = await openLines(path, gz, file, OPTIONS);
  if (!opened.ok) throw new Error(opened.reason);
  const manifest: Manifest = new Map();
  const seen = new Map<string, string>();
  for await (const line of opened.lines) {
    if (!line.ok) failLine(line);
    if (line.text.trim() === '') continue;
    const where = `${file}:${line.line}`;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      throw new Error(`${where}: invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    addEntry(manifest, seen, value, where);
  }
  return manifest;
}

async function readCsvManifest(path: string, file: string, gz: boolean): Promise<Manifest> {
  const opened = await openLines(path, gz, file, OPTIONS);
  if (!opened.ok) throw new Error(opened.reason);
  const manifest: Manifest = new Map();
  const seen = new Map<string, string>();
  let header: string[] | null = null;
  for await (const event of csvRows(opened.lines, file, OPTIONS.maxArticleChars)) {
    if (event.kind === 'stop') throw new Error(event.reason);
    const where = `${file}:${event.line}`;
    if (header === null) {
      const parsed = headerNames(event.fields);
      if ('problem' in parsed) throw new Error(`${where}: ${parsed.problem}`);
      if (!parsed.names.includes('id')) throw new Error(`${where}: the header has no "id" column (columns: ${parsed.names.join(', ')})`);
      header = parsed.names;
      continue;
    }
    if (event.fields.length !== header.length) throw new Error(`${where}: the row has ${event.fields.length} fields, the header ${header.length}`);
    const obj: Record<string, unknown> = {};
    header.forEach((name, i) => setField(obj, name, event.fields[i]));
    addEntry(manifest, seen, obj, where);
  }
  if (header === null) throw new Error(`${file}: the manifest is empty`);
  return manifest;
}

async function readJson(path: string, file: string): Promise<Manifest> {
  const read = await readWhole(path, OPTIONS.maxFileBytes);
  if (!read.ok) throw new Error(`${file}: ${read.reason}`);
  const decoded = decodeWhole(read.bytes, 'utf-8', file);
  if (!decoded.ok) throw new Error(decoded.reason);
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    const offset = jsonErrorOffset(decoded.text);
    const at = offset < 0 ? null : lineAndColumn(decoded.text, offset);
    throw new Error(`${file}${at ? `:${at.line}` : ''}: invalid JSON${at ? ` at column ${at.column}` : ''}: ${message}`);
  }
  const manifest: Manifest = new Map();
  const seen = new Map<string, string>();
  if (Array.isArray(value)) value.forEach((entry, i) => addEntry(manifest, seen, entry, `${file}: entry ${i + 1}`));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) addEntry(manifest, seen, entry, `${file}: entry "${key}"`, key);
  } else throw new Error(`${file}: a JSON manifest must be an array of objects or an object keyed by id, got ${kindOf(value)}`);
  return manifest;
}

/** JSON Lines when the first line alone is an object with an "id"; otherwise the file is one JSON value. */
function firstLineIsEntry(start: string): boolean {
  try {
    const value: unknown = JSON.parse(start.split('\n')[0] ?? '');
    return typeof value === 'object' && value !== null && Object.hasOwn(value, 'id');
  } catch {
    return false;
  }
}

/**
 * Reads a manifest (CSV with a header row, JSON array/object, or JSON Lines) keyed by `id`.
 * Known fields (outlet, title, published, url, language) become `given`, others `extra`.
 * The format comes from the extension (.csv, .json, .jsonl/.ndjson, each optionally .gz for
 * the line formats); another extension is read as JSON when it starts with "[" or "{", else as CSV.
 */
export async function readManifest(file: string): Promise<Map<string, ManifestEntry>> {
  const ext = extensionOf(file);
  try {
    if (ext === '.csv' || ext === '.csv.gz') return await readCsvManifest(file, file, ext.endsWith('.gz'));
    if (['.jsonl', '.ndjson', '.jsonl.gz', '.ndjson.gz'].includes(ext)) return await readJsonLines(file, file, ext.endsWith('.gz'));
    if (ext === '.json') return await readJson(file, file);
    const peeked = await peek(openChunks(file, false), 64 * 1024);
    await peeked.close();
    const start = peeked.head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
    if (start.startsWith('[')) return await readJson(file, file);
    if (start.startsWith('{')) return firstLineIsEntry(start) ? await readJsonLines(file, file, false) : await readJson(file, file);
    return await readCsvManifest(file, file, false);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // fs errors thrown by the streams do not name the file; everything else already does.
    if (message.startsWith(file)) throw new Error(message.split('\n')[0]);
    throw new Error(`${file}: ${describeFsError(error)}`);
  }
}

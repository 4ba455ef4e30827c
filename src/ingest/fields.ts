/** Record fields from a JSON object or a CSV row: `text` required, known metadata checked, the rest kept in `extra`. */
import { META_FIELDS, type Diagnostic, type GivenMeta, type RawRecord, type Skip, type SkipCode, type SourceRef } from '../doc/types.js';
import type { IngestItem } from './types.js';

const KNOWN = new Set<string>(['id', 'text', ...META_FIELDS]);

/** `typeof`, but saying "array" and "null" as people would. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Own properties only: a JSON object can never pick up Object.prototype's members. */
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Sets a key even when it is "__proto__" (JSON.parse makes that an own property; plain assignment would not). */
export function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function locationOf(source: SourceRef): string {
  return source.line === null ? source.file : `${source.file}:${source.line}`;
}

function fieldWarning(source: SourceRef, message: string): Diagnostic {
  return { severity: 'warning', code: 'ingest:field-type', message: `${locationOf(source)}: ${message}`, file: source.file, line: source.line };
}

/**
 * One record from an object's fields. Ids: a string or number `id`, else `fallbackId`.
 * `text` missing/empty → E_NO_TEXT, not a string → E_FIELD_TYPE; a metadata field of the
 * wrong type is dropped with a warning; `null` or "" means absent.
 */
export function recordFromFields(obj: Record<string, unknown>, source: SourceRef, fallbackId: string, inherited: readonly Diagnostic[] = []): IngestItem {
  const diagnostics: Diagnostic[] = [...inherited];
  const rawId = own(obj, 'id');
  let id = fallbackId;
  if (typeof rawId === 'string' && rawId !== '') id = rawId;
  else if (typeof rawId === 'number' && Number.isFinite(rawId)) id = String(rawId);
  else if (rawId !== undefined && rawId !== null && rawId !== '') {
    diagnostics.push(fieldWarning(source, `field "id" is ${kindOf(rawId)}, not a string or number; dropped, id is "${fallbackId}"`));
  }
  const where = locationOf(source);
  const text = own(obj, 'text');
  if (text === undefined || text === null) return skip(id, source, 'E_NO_TEXT', `${where}: no "text" field`);
  if (typeof text !== 'string') return skip(id, source, 'E_FIELD_TYPE', `${where}: field "text" is ${kindOf(text)}, not a string`);
  if (text.trim() === '') return skip(id, source, 'E_NO_TEXT', `${where}: field "text" is empty`);
  const given: GivenMeta = {};
  for (const field of META_FIELDS) {
    const value = own(obj, field);
    if (value === undefined || value === null || value === '') continue;
    if (typeof value === 'string') given[field] = value;
    else diagnostics.push(fieldWarning(source, `field "${field}" is ${kindOf(value)}, not a string; dropped`));
  }
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) if (!KNOWN.has(key)) setField(extra, key, obj[key]);
  const record: RawRecord = { id, source, text, given, extra };
  if (diagnostics.length > 0) record.diagnostics = diagnostics;
  return { kind: 'record', record };
}

export function skip(id: string, source: Skip['source'], code: SkipCode, reason: string): IngestItem {
  return { kind: 'skip', skip: { id, source, code, reason } };
}

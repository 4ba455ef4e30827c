/**
 * Bytes → text. Order of checks: empty, byte-order mark, binary magic numbers, NUL bytes
 * (UTF-16 without a BOM, else binary), then UTF-8 (strict); bytes that are not UTF-8 follow
 * the encoding policy: skip (default), guess with chardet ('auto'), or a named encoding.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { Diagnostic, SkipCode } from '../doc/types.js';

export type Decoded = { ok: true; text: string; diagnostics: Diagnostic[] } | { ok: false; code: SkipCode; reason: string };

/** How a stream will be decoded, decided from its first bytes. */
export type DecodePlan =
  /** `encoding` is 'utf-8' (checked line by line or whole) or an iconv-lite name; `skipBytes` drops a BOM. */
  | { ok: true; encoding: string; skipBytes: number; diagnostics: Diagnostic[] }
  | { ok: false; code: SkipCode; reason: string };

type Sniffed =
  | { kind: 'empty' }
  | { kind: 'binary'; what: string }
  | { kind: 'unicode'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bomBytes: number; guessed: boolean }
  | { kind: 'bytes' };

const SNIFF_BYTES = 8192;

const MAGIC: readonly { what: string; bytes: readonly number[] }[] = [
  { what: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { what: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { what: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { what: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61] },
  { what: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61] },
  { what: 'a ZIP archive (or .docx/.xlsx/.epub)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { what: 'a ZIP archive (or .docx/.xlsx/.epub)', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { what: 'gzip-compressed data (name it .jsonl.gz or .csv.gz to read it)', bytes: [0x1f, 0x8b] },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** Looks at the first bytes only. */
function sniff(head: Uint8Array): Sniffed {
  if (head.length === 0) return { kind: 'empty' };
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { kind: 'unicode', encoding: 'utf-8', bomBytes: 3, guessed: false };
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'unicode', encoding: 'utf-16le', bomBytes: 2, guessed: false };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'unicode', encoding: 'utf-16be', bomBytes: 2, guessed: false };
  for (const magic of MAGIC) if (startsWith(head, magic.bytes)) return { kind: 'binary', what: magic.what };
  const sample = head.subarray(0, SNIFF_BYTES);
  const firstNul = sample.indexOf(0);
  if (firstNul < 0) return { kind: 'bytes' };
  const utf16 = utf16ByNulPattern(sample);
  if (utf16) return { kind: 'unicode', encoding: utf16, bomBytes: 0, guessed: true };
  return { kind: 'binary', what: `binary data (a NUL byte at offset ${firstNul})` };
}

/**
 * UTF-16 text without a BOM has NUL high bytes for every ASCII character (spaces, digits,
 * punctuation), all on one side: odd offsets for little-endian, even for big-endian.
 * Accept it when the NULs sit on one side only, are frequent, and the decoded sample has no control characters.
 */
function utf16ByNulPattern(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs === 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  let encoding: 'utf-16le' | 'utf-16be';
  if (even === 0 && odd >= Math.max(1, pairs * 0.05)) encoding = 'utf-16le';
  else if (odd === 0 && even >= Math.max(1, pairs * 0.05)) encoding = 'utf-16be';
  else return null;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(sample.subarray(0, pairs * 2), { stream: true });
  } catch {
    return null;
  }
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return controls === 0 ? encoding : null;
}

/**
 * Offset of the first byte that is not well-formed UTF-8 (WHATWG/Unicode rules: no overlongs,
 * no surrogates, nothing past U+10FFFF), or -1. A sequence cut off at the end counts as bad only when `complete`.
 */
export function firstBadUtf8Byte(bytes: Uint8Array, complete = true): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return -1;
  } catch {
    // Native decoding said no; find where, in plain code.
  }
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return complete ? i : -1;
      const c = bytes[i + k] as number;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** chardet's guess, as a name iconv-lite decodes; ISO-8859-1 read as windows-1252 (what browsers do: same letters, plus curly quotes). */
export function guessEncoding(bytes: Uint8Array): string | null {
  const name = chardet.detect(bytes.subarray(0, 64 * 1024));
  if (!name) return null;
  const lower = name.toLowerCase();
  if (lower === 'utf-8' || lower === 'ascii') return null;
  if (lower === 'iso-8859-1') return 'windows-1252';
  return iconv.encodingExists(lower) ? lower : null;
}

function hex(byte: number | undefined): string {
  return `0x${(byte ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** The message for bytes that are not UTF-8 under the default policy: where, what it looks like, how to fix. */
export function notUtf8Reason(bytes: Uint8Array, bad: number, where: string, declared?: string | null): string {
  const guess = (declared && iconv.encodingExists(declared) ? declared.toLowerCase() : null) ?? guessEncoding(bytes);
  const by = declared && guess === declared.toLowerCase() ? 'the page declares' : 'chardet guesses';
  const fix = `re-run with --encoding auto or --encoding ${guess ?? '<name>'}`;
  return `not valid UTF-8 (first bad byte ${hex(bytes[bad])} ${where}); ${guess ? `${by} ${guess}` : 'chardet could not guess the encoding'}; ${fix}`;
}

function warning(code: string, message: string, file: string): Diagnostic {
  return { severity: 'warning', code, message, file, line: null };
}

/** What the 'auto' policy decodes non-UTF-8 bytes as, or a skip when nothing fits. */
function autoChoice(bytes: Uint8Array, file: string, declared: string | null | undefined): DecodePlan {
  const declaredOk = declared && iconv.encodingExists(declared) && !/^utf-?8$/i.test(declared) ? declared.toLowerCase() : null;
  const guess = declaredOk ?? guessEncoding(bytes);
  if (!guess) {
    return { ok: false, code: 'E_ENCODING', reason: `${file}: not valid UTF-8 and chardet could not guess the encoding; re-run with --encoding <name>` };
  }
  const by = declaredOk ? 'as the page declares' : 'guessed by chardet';
  return { ok: true, encoding: guess, skipBytes: 0, diagnostics: [warning('ingest:encoding', `${file}: not valid UTF-8; decoded as ${guess} (${by})`, file)] };
}

/**
 * Decides how to decode a file from its first bytes. `complete` says the head is the whole
 * file (a cut-off UTF-8 sequence at its end is then an error). `declared` is an HTML page's meta charset.
 * `byLine`: the file is read a line at a time (JSON Lines, CSV), so a UTF-8 head with a minority of bad
 * lines is planned as UTF-8 and each bad line is left to `decodeUtf8Line`.
 */
export function planDecoding(head: Uint8Array, complete: boolean, policy: string, file: string, declared?: string | null, byLine = false): DecodePlan {
  const sniffed = sniff(head);
  if (sniffed.kind === 'empty') return { ok: false, code: 'E_EMPTY', reason: `${file}: empty file (0 bytes)` };
  if (sniffed.kind === 'binary') return { ok: false, code: 'E_BINARY', reason: `${file}: looks like ${sniffed.what}, not text` };
  if (sniffed.kind === 'unicode') {
    const diagnostics = sniffed.guessed
      ? [warning('ingest:encoding', `${file}: no byte-order mark; read as ${sniffed.encoding.toUpperCase()} from its NUL-byte pattern`, file)]
      : [];
    return { ok: true, encoding: sniffed.encoding, skipBytes: sniffed.bomBytes, diagnostics };
  }
  if (policy !== 'utf-8' && policy !== 'auto') return { ok: true, encoding: policy, skipBytes: 0, diagnostics: [] };
  const bad = firstBadUtf8Byte(head, complete);
  if (bad < 0) return { ok: true, encoding: 'utf-8', skipBytes: 0, diagnostics: [] };
  // A UTF-8 stream with a few broken lines: each bad line is skipped (or guessed under 'auto') alone.
  if (byLine && mostlyUtf8Lines(head, complete)) return { ok: true, encoding: 'utf-8', skipBytes: 0, diagnostics: [] };
  if (policy === 'auto') return autoChoice(head, file, declared);
  return { ok: false, code: 'E_ENCODING', reason: `${file}: ${notUtf8Reason(head, bad, `on line ${lineOfOffset(head, bad)}`, declared)}` };
}

/**
 * For streamed files (one record a line): true when the head is UTF-8 with a few bad lines, not a
 * file in a legacy encoding. Under 'utf-8' and 'auto' such a file is read line by line, so one broken
 * record costs that record alone wherever it sits (a legacy file, mostly bad lines, stays one skip).
 * The cut-off last line of an incomplete head counts only by its complete bytes.
 */
export function mostlyUtf8Lines(head: Uint8Array, complete: boolean): boolean {
  let lines = 0;
  let bad = 0;
  let from = 0;
  while (from < head.length) {
    let nl = head.indexOf(0x0a, from);
    const last = nl < 0;
    if (last) nl = head.length;
    const line = head.subarray(from, nl);
    if (line.some((b) => b !== 0x20 && b !== 0x09 && b !== 0x0d)) {
      lines++;
      if (firstBadUtf8Byte(line, complete || !last) >= 0) bad++;
    }
    from = nl + 1;
  }
  return lines >= 2 && bad * 2 < lines;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes a whole file's bytes by the policy. Whitespace-only text is E_EMPTY. */
export function decodeWhole(bytes: Uint8Array, policy: string, file: string, declared?: string | null): Decoded {
  const plan = planDecoding(bytes, true, policy, file, declared);
  if (!plan.ok) return plan;
  const body = bytes.subarray(plan.skipBytes);
  let text: string;
  try {
    text = plan.encoding === 'utf-8' ? utf8.decode(body) : iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), plan.encoding, { stripBOM: false });
  } catch (error) {
    return { ok: false, code: 'E_ENCODING', reason: `${file}: cannot decode as ${plan.encoding}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (text.trim() === '') return { ok: false, code: 'E_EMPTY', reason: `${file}: only whitespace` };
  return { ok: true, text, diagnostics: plan.diagnostics };
}

/** Decodes one line of a stream planned as UTF-8; bytes that are not UTF-8 follow the policy. */
export function decodeUtf8Line(bytes: Uint8Array, policy: string, file: string, line: number): Decoded {
  try {
    return { ok: true, text: utf8.decode(bytes), diagnostics: [] };
  } catch {
    const bad = firstBadUtf8Byte(bytes, true);
    if (policy !== 'auto') {
      return { ok: false, code: 'E_ENCODING', reason: `${file}:${line}: ${notUtf8Reason(bytes, Math.max(bad, 0), `at column ${Math.max(bad, 0) + 1}`)}` };
    }
    const choice = autoChoice(bytes, `${file}:${line}`, null);
    if (!choice.ok) return choice;
    return { ok: true, text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), choice.encoding), diagnostics: choice.diagnostics.map((d) => ({ ...d, file, line })) };
  }
}

/** A chunk stream in the planned encoding as UTF-8 bytes (BOM dropped), so lines can be split on 0x0A. */
export async function* toUtf8Chunks(chunks: AsyncIterable<Buffer>, plan: { encoding: string; skipBytes: number }): AsyncGenerator<Buffer> {
  let skip = plan.skipBytes;
  const decoder = plan.encoding === 'utf-8' ? null : iconv.getDecoder(plan.encoding, { stripBOM: false });
  for await (let chunk of chunks) {
    if (skip > 0) {
      const cut = Math.min(skip, chunk.length);
      chunk = chunk.subarray(cut);
      skip -= cut;
    }
    if (chunk.length === 0) continue;
    if (!decoder) yield chunk;
    else {
      const text = decoder.write(chunk);
      if (text) yield Buffer.from(text, 'utf8');
    }
  }
  const tail = decoder?.end();
  if (tail) yield Buffer.from(tail, 'utf8');
}

/** The charset an HTML page declares in its first bytes (<meta charset> or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(start);
  return match?.[1] ?? null;
}

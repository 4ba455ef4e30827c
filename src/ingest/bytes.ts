/** Bytes from disk: bounded whole-file reads, and chunk streams (through zlib for .gz). */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { describeFsError } from './walk.js';

/** `size`: the bytes known to be in the file when it was over the bound. */
export type WholeRead = { ok: true; bytes: Buffer } | { ok: false; code: 'E_READ' | 'E_TOO_LARGE'; reason: string; size?: number };

const CHUNK = 1024 * 1024;

/** Reads a whole file, never holding more than `maxBytes` + one chunk (the size is checked before reading and while reading). */
export async function readWhole(path: string, maxBytes: number): Promise<WholeRead> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return { ok: false, code: 'E_READ', reason: `cannot read: ${describeFsError(error)}` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, code: 'E_READ', reason: 'not a regular file' };
    if (info.size > maxBytes) return { ok: false, code: 'E_TOO_LARGE', reason: tooLargeReason(info.size, maxBytes), size: info.size };
    const parts: Buffer[] = [];
    let total = 0;
    // A first buffer of the stat size, then chunks in case the file grew since.
    let buffer = Buffer.allocUnsafe(Math.max(info.size, 1));
    for (;;) {
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      parts.push(buffer.subarray(0, filled));
      total += filled;
      if (total > maxBytes) return { ok: false, code: 'E_TOO_LARGE', reason: tooLargeReason(total, maxBytes), size: total };
      if (filled < buffer.length) break;
      buffer = Buffer.allocUnsafe(CHUNK);
    }
    return { ok: true, bytes: parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, total) };
  } catch (error) {
    return { ok: false, code: 'E_READ', reason: `read failed: ${describeFsError(error)}` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function tooLargeReason(size: number, maxBytes: number): string {
  return `file is ${size} bytes, over maxFileBytes ${maxBytes}`;
}

/**
 * Input bytes read so far, for a progress bar's share and ETA when the article count is not known in
 * advance: the files finished (their sizes) plus the read position of the file being streamed (its
 * compressed bytes for .gz). Ingest updates it; the caller only reads `inputBytesRead`.
 */
export interface InputMeter {
  finished: number;
  reading: { readonly bytesRead: number } | null;
}

export const inputMeter = (): InputMeter => ({ finished: 0, reading: null });

export const inputBytesRead = (meter: InputMeter): number => meter.finished + (meter.reading?.bytesRead ?? 0);

/** A file as a stream of chunks, decompressed when `gz`. Errors (vanished file, corrupt gzip) surface while iterating. */
export function openChunks(path: string, gz: boolean, meter?: InputMeter): AsyncIterable<Buffer> {
  const file = createReadStream(path, { highWaterMark: 64 * 1024 });
  if (meter) meter.reading = file;
  if (!gz) return file;
  const gunzip = createGunzip();
  pipeline(file, gunzip, () => undefined);
  return gunzip;
}

export interface Peeked {
  /** The first bytes (at least `size` unless the stream is shorter). */
  head: Buffer;
  /** The stream ended within the head. */
  complete: boolean;
  /** All bytes again, head first. */
  chunks: AsyncGenerator<Buffer>;
  /** Releases the stream when `chunks` will not be read. */
  close: () => Promise<void>;
}

/** Reads the first `size` bytes to look at, without losing them for the reader. */
export async function peek(source: AsyncIterable<Buffer>, size: number): Promise<Peeked> {
  const iterator = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let length = 0;
  let complete = false;
  try {
    while (length < size) {
      const next = await iterator.next();
      if (next.done) {
        complete = true;
        break;
      }
      parts.push(next.value);
      length += next.value.length;
    }
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
  const head = Buffer.concat(parts, length);
  const close = async (): Promise<void> => {
    if (!complete) await iterator.return?.();
  };
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      if (complete) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await close();
    }
  }
  return { head, complete, chunks: chunks(), close };
}

/** Splits a UTF-8 byte stream into lines with a byte bound, so one huge line never sits in memory. */

export type ByteLine = { line: number; bytes: Buffer } | { line: number; tooLong: number };

/**
 * Lines end at "\n"; a "\r" before it is dropped. A line over `maxBytes` is not buffered:
 * its bytes are counted and dropped, and it comes out as `{ tooLong: byteCount }`.
 * (node:readline would buffer the whole line and decode before splitting, losing the
 * line of a bad byte; splitting bytes keeps both bounded and exact.)
 */
export async function* splitLines(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<ByteLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let overflow = false;
  let line = 1;
  const take = (piece: Buffer): void => {
    length += piece.length;
    if (overflow) return;
    if (length > maxBytes) {
      overflow = true;
      parts = [];
    } else if (piece.length > 0) parts.push(piece);
  };
  const finish = (): ByteLine => {
    let out: ByteLine;
    if (overflow) out = { line, tooLong: length };
    else {
      let bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, length);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      out = { line, bytes };
    }
    parts = [];
    length = 0;
    overflow = false;
    line++;
    return out;
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, from);
      if (nl < 0) break;
      take(chunk.subarray(from, nl));
      yield finish();
      from = nl + 1;
    }
    // Copy the unfinished tail: a subarray would pin the whole 64 KB chunk.
    if (from < chunk.length) take(from === 0 ? chunk : Buffer.from(chunk.subarray(from)));
  }
  if (length > 0 || overflow) yield finish();
}

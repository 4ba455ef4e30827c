/** Ingest options: size limits and the text-encoding policy. */
import iconv from 'iconv-lite';

export interface IngestOptions {
  /** Files read whole (.txt, .md, .html) larger than this are skipped with E_TOO_LARGE (bytes). Streamed formats (JSON Lines, CSV, .gz) are exempt: they are never buffered whole. */
  maxFileBytes: number;
  /** Records whose text is longer than this are skipped with E_TOO_LARGE (UTF-16 units); it also bounds one JSON Lines line. */
  maxArticleChars: number;
  /** Records yielded at most; reading stops there and the unread rest is reported as E_TOO_LARGE skips (one per file). */
  maxArticles: number;
  /**
   * What to do with bytes that are not UTF-8 (BOM-marked UTF-8/UTF-16 and BOM-less UTF-16 are always read):
   * 'utf-8' skips the file with E_ENCODING, 'auto' guesses the encoding (chardet) and decodes it with a
   * warning, any other name (e.g. 'windows-1251') decodes every file without a BOM with that encoding.
   */
  encoding: 'utf-8' | 'auto' | (string & Record<never, never>);
}

export const defaultIngestOptions: IngestOptions = {
  maxFileBytes: 256 * 1024 * 1024,
  maxArticleChars: 200_000,
  maxArticles: 10_000_000,
  encoding: 'utf-8',
};

/** Defaults filled in (also for keys present but undefined) and checked; a bad option is a usage error, so this throws (one line). */
export function resolveIngestOptions(options: Partial<IngestOptions> = {}): IngestOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const merged: IngestOptions = { ...defaultIngestOptions, ...given };
  for (const key of ['maxFileBytes', 'maxArticleChars', 'maxArticles'] as const) {
    const value = merged[key];
    if (!Number.isFinite(value) || value <= 0) throw new Error(`ingest option ${key} must be a positive number, got ${String(value)}`);
  }
  const encoding = merged.encoding.trim().toLowerCase();
  if (encoding === 'utf-8' || encoding === 'utf8') merged.encoding = 'utf-8';
  else if (encoding === 'auto') merged.encoding = 'auto';
  else if (!iconv.encodingExists(encoding)) {
    throw new Error(`unknown encoding "${merged.encoding}": use utf-8, auto, or an encoding name such as windows-1251`);
  } else merged.encoding = encoding;
  return merged;
}

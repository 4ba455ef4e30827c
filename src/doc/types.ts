/**
 * The one document model every stage shares.
 *
 * Like spaCy's Doc, a `Doc` owns its cleaned `text`; everything else about it
 * (paragraphs, sentences, tokens, analyzer findings) is a `[start, end)` range
 * of UTF-16 code units into that text, never a copied string that could drift.
 * `map` takes any offset of the cleaned text back to the original input.
 */

/** A half-open range `[start, end)` of UTF-16 code units into `Doc.text`. */
export interface Span {
  start: number;
  end: number;
}

/** Input formats framelens reads. */
export type Format = 'txt' | 'md' | 'jsonl' | 'csv' | 'html';

/** Where a record came from: enough for a person to open the file at the line. */
export interface SourceRef {
  file: string;
  /** 1-based line (JSON Lines) or record row (CSV); null for one-article files. */
  line: number | null;
  format: Format;
}

/** Metadata fields every article may carry. */
export const META_FIELDS = ['outlet', 'title', 'published', 'url', 'language'] as const;
export type MetaField = (typeof META_FIELDS)[number];
export type GivenMeta = Partial<Record<MetaField, string>>;

/**
 * A record as read from disk, before cleaning: the ingest stage's output.
 * `text` is the original article text (for HTML, the main text a Readability
 * extractor found, one block a paragraph); `given` holds the metadata the input
 * itself declared; `extra` keeps unknown fields, never used for analysis.
 */
export interface RawRecord {
  id: string;
  source: SourceRef;
  text: string;
  given: GivenMeta;
  extra: Record<string, unknown>;
  /** Metadata found in an HTML page's head (og:site_name, article:published_time …). */
  pageMeta?: GivenMeta & { evidence?: Partial<Record<MetaField, string>> };
  /** Warnings from reading (e.g. a decoded legacy encoding, a repaired field). */
  diagnostics?: Diagnostic[];
}

/** Stable codes for why a record was not analyzed (like spaCy's errors.py). */
export const SKIP_CODES = {
  E_READ: 'file could not be read',
  E_EMPTY: 'empty file or record',
  E_BINARY: 'binary content, not text',
  E_ENCODING: 'text encoding could not be decoded',
  E_JSON: 'invalid JSON',
  E_SHAPE: 'record is not an object',
  E_NO_TEXT: 'record has no text',
  E_FIELD_TYPE: 'field has the wrong type',
  E_CSV: 'invalid CSV',
  E_HTML: 'no main text found in the page',
  E_DUPLICATE_ID: 'duplicate id',
  E_TOO_LARGE: 'over a size limit',
  E_NO_CONTENT: 'nothing left after cleaning',
  E_ANALYZE: 'an analysis stage failed',
  E_UNSUPPORTED: 'unsupported file type',
} as const;
export type SkipCode = keyof typeof SKIP_CODES;

/** A record (or a whole file) that was not analyzed, with the reason. */
export interface Skip {
  /** The record's id when it has one, else `<file>` or `<file>:<line>`. */
  id: string;
  source: SourceRef | { file: string; line: number | null; format: Format | 'unknown' };
  code: SkipCode;
  reason: string;
}

/** A message about a document or file that did not stop it (vfile-message's shape, as JSON). */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  file?: string;
  line?: number | null;
  /** Offsets into the cleaned text, for a message about a piece of it. */
  start?: number;
  end?: number;
}

/** Why a piece of the original was removed during cleaning. */
export type RemovalReason =
  | 'navigation'
  | 'icon-strip'
  | 'cookie-banner'
  | 'app-banner'
  | 'teaser'
  | 'headline-list'
  | 'share-subscribe'
  | 'byline-box'
  | 'template-filler'
  | 'copyright-footer'
  | 'advertisement'
  | 'donation-appeal'
  | 'media-player'
  | 'repeated-paragraph'
  | 'photo-caption'
  | 'page-meta'
  | 'markup'
  | 'whitespace';

/** A removed piece of the original: offsets into the original text. */
export interface Removal {
  start: number;
  end: number;
  text: string;
  reason: RemovalReason;
  /** The rule that fired, for a person checking the cleaning. */
  rule: string;
}

/**
 * Clean → original offset map. The cleaned text is a concatenation of exact
 * slices of the original joined by inserted separators, so each segment says
 * `text.slice(clean, clean + length) === original.slice(orig, orig + length)`.
 * Segments are sorted and non-overlapping on both sides (monotonic).
 */
export interface OffsetSegment {
  clean: number;
  orig: number;
  length: number;
}
export type OffsetMap = OffsetSegment[];

/** Where a metadata value came from. `null` value = no evidence, never a guess. */
export type MetaSource = 'given' | 'manifest' | 'page' | 'inferred' | 'none';

export interface Evidence {
  text: string;
  /** Offsets into the original text (the cleaned text may no longer hold it, e.g. a removed footer). */
  start: number;
  end: number;
  rule: string;
}

export interface Field<T = string> {
  value: T | null;
  source: MetaSource;
  evidence?: Evidence;
}

export interface DocMeta {
  outlet: Field;
  /** The original source of a republished story, e.g. KCNA behind a dateline "Pyongyang, March 14 (KCNA)". */
  originalSource: Field;
  title: Field;
  /** ISO date `YYYY-MM-DD` (or a full ISO timestamp when given). */
  published: Field;
  url: Field;
  language: Field;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

/** A token: offsets into Doc.text plus normalized forms (spaCy keeps offsets, not copies). */
export interface Token {
  start: number;
  end: number;
  kind: TokenKind;
  /** Lower-cased, quotes/dashes folded, "U.S." → "us". */
  norm: string;
  /** Porter stem of `norm` (language-aware where a stemmer exists). */
  stem: string;
  /** Starts with an upper-case letter in the text. */
  cap: boolean;
  /** Index of the sentence holding this token. */
  sent: number;
}

/**
 * One positioned finding of an analyzer (vfile-message's shape, as plain JSON).
 * Every score in a report points back to findings like these.
 */
export interface Finding {
  analyzer: string;
  rule: string;
  start: number;
  end: number;
  /** The covered text, for people reading JSON; always `doc.text.slice(start, end)`. */
  text: string;
  label?: string;
  reason?: string;
  data?: Record<string, unknown>;
}

export interface Doc {
  id: string;
  source: SourceRef;
  /** The original text as read (HTML: the extracted main text). */
  original: string;
  /** The cleaned text: the story itself. */
  text: string;
  map: OffsetMap;
  removed: Removal[];
  paragraphs: Span[];
  sentences: Span[];
  tokens: Token[];
  language: string;
  meta: DocMeta;
  extra: Record<string, unknown>;
  /** Named span layers, one per analyzer (spaCy's span groups). */
  layers: Record<string, Finding[]>;
  diagnostics: Diagnostic[];
}

/**
 * The report.json contract: a zod schema that validates every report before
 * it is written, and from which the JSON Schema beside it is generated.
 */
import { z } from 'zod';
import { EventGroupSchema, MembershipSchema, StoryGroupSchema } from '../group/index.js';
import { WordingSchema } from '../compare/index.js';

const SpanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

const EvidenceSchema = z.object({ text: z.string(), start: z.number().int(), end: z.number().int(), rule: z.string() });

const FieldSchema = z.object({
  value: z.string().nullable(),
  source: z.enum(['given', 'manifest', 'page', 'inferred', 'none']),
  evidence: EvidenceSchema.optional(),
});

const SourceSchema = z.object({ file: z.string(), line: z.number().int().nullable(), format: z.string() });

export const FindingSchema = z.object({
  analyzer: z.string(),
  rule: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  label: z.string().optional(),
  reason: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

const RemovalSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string(), reason: z.string(), rule: z.string() });

const DiagnosticSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().int().nullable().optional(),
  /** Offsets into the cleaned text, for a message about a piece of it (e.g. a paragraph grouping left out). */
  start: z.number().int().optional(),
  end: z.number().int().optional(),
});

export const ArticleSchema = z.object({
  id: z.string(),
  status: z.enum(['analyzed', 'skipped']),
  /** Stable skip code (see SKIP_CODES) and the human reason, when skipped. */
  code: z.string().optional(),
  reason: z.string().optional(),
  source: SourceSchema,
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  /** Where each metadata value came from, with evidence offsets into the original text. */
  meta: z.record(z.string(), FieldSchema),
  story: z.string().nullable(),
  event: z.string().nullable(),
  cohesion: z.number().nullable(),
  words: z.number().int().nonnegative(),
  /** The cleaned text (omitted with --no-text). */
  text: z.string().optional(),
  /** Clean → original offset map: [cleanStart, originalStart, length] triples. */
  offsetMap: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int()])).optional(),
  paragraphs: z.array(SpanSchema).optional(),
  sentences: z.array(SpanSchema).optional(),
  removed: z.array(RemovalSchema),
  /** Analyzer findings by layer, each a span of the cleaned text. */
  layers: z.record(z.string(), z.array(FindingSchema)),
  extra: z.record(z.string(), z.unknown()),
  diagnostics: z.array(DiagnosticSchema),
});
export type ArticleRecord = z.infer<typeof ArticleSchema>;

export const ComparisonSchema = z.object({
  eventId: z.string(),
  a: z.string(),
  b: z.string(),
  wording: WordingSchema,
  framing: z.record(z.string(), z.unknown()),
});

export const EventSchema = EventGroupSchema.extend({ analyses: z.record(z.string(), z.unknown()) });
export const StorySchema = StoryGroupSchema.extend({ analyses: z.record(z.string(), z.unknown()) });

export const ReportSchema = z.object({
  framelens: z.object({ version: z.string(), schemaVersion: z.literal(1) }),
  options: z.record(z.string(), z.unknown()),
  inputs: z.array(z.string()),
  summary: z.object({
    articles: z.number().int(),
    analyzed: z.number().int(),
    skipped: z.number().int(),
    skippedByCode: z.record(z.string(), z.number().int()),
    stories: z.number().int(),
    events: z.number().int(),
    multiArticleEvents: z.number().int(),
    outlets: z.array(z.string()),
  }),
  articles: z.array(ArticleSchema),
  stories: z.array(StorySchema),
  events: z.array(EventSchema),
  memberships: z.array(MembershipSchema),
  comparisons: z.array(ComparisonSchema),
});
export type Report = z.infer<typeof ReportSchema>;

import { z } from 'zod';
import type { IngestOptions } from '../ingest/index.js';

/**
 * Every option of a run in one zod schema, echoed into each report's
 * provenance (spaCy's default_config: one place for defaults).
 */
export const AnalyzeOptionsSchema = z.object({
  /** Include each article's cleaned text in report.json (`--no-text` turns it off). */
  includeText: z.boolean().default(true),
  /** Fail (non-zero exit) when any record is skipped. */
  strict: z.boolean().default(false),
  /** How non-UTF-8 input is treated: 'utf-8' skips it with a reason, 'auto' detects and decodes. */
  encoding: z.string().default('utf-8'),
  maxFileBytes: z.number().int().positive().default(256 * 1024 * 1024),
  // 200,000 characters is ~30,000 words, far past any news article; longer texts are skipped, not analyzed for minutes.
  maxArticleChars: z.number().int().positive().default(200_000),
  maxArticles: z.number().int().positive().default(10_000_000),
  /** Largest event whose article pairs are all compared; bigger events compare each article with its nearest neighbours. */
  maxPairsPerEvent: z.number().int().positive().default(2_000),
  /**
   * Which articles the framing analyzers (frames/) run on: `all`, or `grouped`: only articles
   * in stories of several articles, the only ones any comparison reads (research-scale runs:
   * the analyzers are most of the per-article cost, and most articles of a large corpus stand alone),
   * or `none`: grouping and wording (overlap, reuse, common sources) only, no findings and no framing
   * comparisons; on news that is half the CPU of `grouped` (the framing's findings, not the grouping,
   * are most of a large run: README, research-scale runs).
   */
  frames: z.enum(['all', 'grouped', 'none']).default('all'),
  /**
   * Grouping leaves out a paragraph that its outlet repeats in at least this many articles over more
   * time than one event lasts (group/recurring.ts: a series' fixed lines, an excerpt a newsletter quotes
   * again and again); 0 keeps every paragraph. Counting them reads the inputs once more before the run.
   */
  recurringMinArticles: z.number().int().min(0).default(10),
});
export type AnalyzeOptions = z.infer<typeof AnalyzeOptionsSchema>;
export type AnalyzeOptionsInput = z.input<typeof AnalyzeOptionsSchema>;

/** The ingest options of a run (every reader of its inputs must use the same, or they see other records). */
export function ingestOptionsOf(o: Pick<AnalyzeOptions, 'maxFileBytes' | 'maxArticleChars' | 'maxArticles' | 'encoding'>): Partial<IngestOptions> {
  return { maxFileBytes: o.maxFileBytes, maxArticleChars: o.maxArticleChars, maxArticles: o.maxArticles, encoding: o.encoding };
}

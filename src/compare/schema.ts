import { z } from 'zod';

/** `[start, end)` in UTF-16 units. */
export const SpanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
const PairOf = <T extends z.ZodType>(t: T) => z.object({ a: t, b: t });

/** A shared passage of two articles, with offsets into each article's cleaned text (`a`, `b`) and original text (`original`). */
export const PassageSchema = z.object({
  /** `p<index>`, unique within one comparison. */
  id: z.string(),
  index: z.number().int().nonnegative(),
  a: SpanSchema,
  b: SpanSchema,
  original: PairOf(SpanSchema),
  /** `doc.text.slice(start, end)` on each side. */
  text: PairOf(z.string()),
  /** Words (tokens) inside the passage on each side. */
  words: PairOf(z.number().int().nonnegative()),
  /** Words matched exactly, and the longest exact run. */
  matchedWords: z.number().int().nonnegative(),
  longestRun: z.number().int().nonnegative(),
  /** 1 − token Levenshtein distance / longer side (1 = verbatim). */
  editSimilarity: z.number().min(0).max(1),
  /** Content words covered by shared n-grams that are not stock phrases in the corpus. */
  weight: z.number().nonnegative(),
  /** Share of the passage's words inside quotation marks, and whether that is most of it. */
  quoteShare: PairOf(z.number().min(0).max(1)),
  inQuote: PairOf(z.boolean()),
  /** quote: quoted on both sides (a shared quote); mixed: quoted on one side; narrative: quoted on neither. */
  kind: z.enum(['quote', 'mixed', 'narrative']),
});
export type Passage = z.infer<typeof PassageSchema>;

/** A number and the passages (indices into `passages`) behind it. */
export const ScoreSchema = z.object({ value: z.number(), passages: z.array(z.number().int().nonnegative()) });
export type Score = z.infer<typeof ScoreSchema>;

export const DerivationSchema = z.object({
  /** METER's classes (Clough et al. 2002): how much of this article is derived from the other one. */
  label: z.enum(['wholly', 'partially', 'non']),
  /** Share of this article's words matched in shared passages. */
  coverage: z.number().min(0).max(1),
  passages: z.array(z.number().int().nonnegative()),
  reason: z.string(),
});
export type Derivation = z.infer<typeof DerivationSchema>;

export const DirectionSchema = z.object({
  /** Which side is the likely source of the shared wording; null = unknown (see `reason`). */
  source: z.enum(['a', 'b']).nullable(),
  sourceId: z.string().nullable(),
  reason: z.enum(['earlier-date', 'same-date', 'missing-date', 'no-shared-passages']),
  note: z.string(),
  published: PairOf(z.string().nullable()),
});
export type Direction = z.infer<typeof DirectionSchema>;

const ArticleRefSchema = z.object({ id: z.string(), outlet: z.string().nullable(), published: z.string().nullable(), words: z.number().int().nonnegative() });

export const WordingSchema = z.object({
  a: ArticleRefSchema,
  b: ArticleRefSchema,
  passages: z.array(PassageSchema),
  scores: z.object({
    /** |S_A ∩ S_B| / |S_A ∪ S_B| over word n-gram shingles (Broder 1997). */
    jaccard: ScoreSchema,
    /** |S_A ∩ S_B| / |S_A| ("a") and / |S_B| ("b"): the share of each article's shingles found in the other (Broder 1997; Clough et al. 2002). */
    containment: PairOf(ScoreSchema),
    /** Longest exact shared run of words. */
    longestRun: ScoreSchema,
    /** Cosine of TF-IDF vectors over content words, IDF from corpus stats (Salton & Buckley 1988). */
    tfidfCosine: ScoreSchema,
    /** Share of each article's words matched in shared passages. */
    coverage: PairOf(ScoreSchema),
    /** Share of each article's words that are shared and inside quotation marks. */
    sharedQuoted: PairOf(ScoreSchema),
    /** Share of each article's words that are shared and outside quotation marks. */
    sharedNarrative: PairOf(ScoreSchema),
  }),
  /** a: how A derives from B; b: how B derives from A. */
  derivation: PairOf(DerivationSchema),
  direction: DirectionSchema,
  /** none; shared-quotes: every passage is quoted on both sides (points to a common source, not copying); copied-narrative: some shared wording outside quotes. */
  reuse: z.enum(['none', 'shared-quotes', 'copied-narrative']),
  /** Overall similarity in [0, 1] (see `similarity`), for the report. */
  similarity: z.number().min(0).max(1),
});
export type Wording = z.infer<typeof WordingSchema>;

/**
 * The group stage: stories (topic threads) containing events (one happening).
 * Each article belongs to one event, each event to one story. See README.md here.
 */
import { z } from 'zod';

export { extractFeatures, type ArticleFeatures, type FeatureKind, type LeadFigure, type TextRange, type TitleSubject } from './features.js';
export { declaredOutlet, markRecurring, noRecurring, recurringCounter, recurringSpans, RECURRING_CODE, type PartialCount, type RecurringParagraphs } from './recurring.js';
export { extractEntities, loadGazetteer, normalizeName, type EntityMention, type Gazetteer } from './entities.js';
export { dateKeyText, dayNumber, extractDates, type DateMention, type TimeEvidence } from './dates.js';
export { distinctCodes, findCodes, type CodeMention } from './subjects.js';
export { groupArticles, groupWithDiagnostics, defaultGroupOptions, timeWindowDays, type GroupOptions, type GroupDiagnostics } from './group.js';

export const TieSchema = z.object({
  kind: z.enum(['entity', 'place', 'term', 'phrase', 'number', 'date']),
  value: z.string(),
  weight: z.number(),
  /** Where the tie occurs: article id and offsets into that article's cleaned text. */
  evidence: z.array(z.object({ articleId: z.string(), start: z.number().int(), end: z.number().int() })),
});
export type Tie = z.infer<typeof TieSchema>;

/**
 * A look-alike event kept apart by a conflict rule (grouping steps 4b and 4c): the most similar pair
 * across the two events (first-order similarity before the discount) and its evidence, none of which the
 * other article mentions: both articles' lead figures (`figures`, offsets into the cleaned text) or the
 * company codes their titles name (`subjects`, `field: 'title'`: offsets into the article's title).
 */
export const FigureConflictSchema = z.object({
  eventId: z.string(),
  rule: z.enum(['figures', 'subjects']),
  similarity: z.number(),
  evidence: z.array(z.object({ articleId: z.string(), field: z.literal('title').optional(), value: z.string(), start: z.number().int(), end: z.number().int() })),
});
export type FigureConflict = z.infer<typeof FigureConflictSchema>;

const DateRangeSchema = z.object({ from: z.string(), to: z.string() }).nullable();

export const EventGroupSchema = z.object({
  id: z.string(),
  storyId: z.string(),
  articleIds: z.array(z.string()),
  outlets: z.array(z.string()),
  /** Earliest and latest article date (published, else a dateline in the text); null when none is dated. */
  dateRange: DateRangeSchema,
  ties: z.array(TieSchema),
  /** Similar events kept apart by the conflicting-figures or conflicting-subjects rule (README, similarity steps 4b and 4c); absent when none. */
  conflicts: z.array(FigureConflictSchema).optional(),
});
export type EventGroup = z.infer<typeof EventGroupSchema>;

export const StoryGroupSchema = z.object({
  id: z.string(),
  eventIds: z.array(z.string()),
  articleIds: z.array(z.string()),
  outlets: z.array(z.string()),
  dateRange: DateRangeSchema,
  /** Features shared by at least two of the story's events. */
  ties: z.array(TieSchema),
});
export type StoryGroup = z.infer<typeof StoryGroupSchema>;

/** `cohesion`: mean similarity to the other articles of its event (pairs blocking never proposed count 0); 1 for a singleton. */
export const MembershipSchema = z.object({ id: z.string(), story: z.string(), event: z.string(), cohesion: z.number() });
export type Membership = z.infer<typeof MembershipSchema>;

export interface Grouping {
  stories: StoryGroup[];
  events: EventGroup[];
  articles: Membership[];
}

/**
 * A person's decision, honoured as a hard constraint: `together` puts all the
 * listed articles in one event; `apart` keeps each listed article in a
 * different event (an `apart` pair already pinned together is ignored).
 * Unknown ids are ignored.
 */
export const PinSchema = z.object({
  kind: z.enum(['together', 'apart']),
  ids: z.array(z.string()).min(2),
});
export type Pin = z.infer<typeof PinSchema>;

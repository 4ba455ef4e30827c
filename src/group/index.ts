/** The group stage: stories (topic threads) containing events (one happening). CONTRACT STUB. */
import { z } from 'zod';
import type { Doc } from '../doc/types.js';

/** Compact, serializable per-article features (built in workers, grouped on the main thread). */
export interface ArticleFeatures {
  id: string;
  outlet: string | null;
  published: string | null;
}

export const TieSchema = z.object({
  kind: z.enum(['entity', 'place', 'term', 'phrase', 'number', 'date']),
  value: z.string(),
  weight: z.number(),
  /** Where the tie occurs: article id and offsets into that article's cleaned text. */
  evidence: z.array(z.object({ articleId: z.string(), start: z.number().int(), end: z.number().int() })),
});
export type Tie = z.infer<typeof TieSchema>;

export const EventGroupSchema = z.object({
  id: z.string(),
  storyId: z.string(),
  articleIds: z.array(z.string()),
  outlets: z.array(z.string()),
  dateRange: z.object({ from: z.string(), to: z.string() }).nullable(),
  ties: z.array(TieSchema),
});
export type EventGroup = z.infer<typeof EventGroupSchema>;

export const StoryGroupSchema = z.object({
  id: z.string(),
  eventIds: z.array(z.string()),
  articleIds: z.array(z.string()),
  outlets: z.array(z.string()),
  dateRange: z.object({ from: z.string(), to: z.string() }).nullable(),
  ties: z.array(TieSchema),
});
export type StoryGroup = z.infer<typeof StoryGroupSchema>;

export const MembershipSchema = z.object({ id: z.string(), story: z.string(), event: z.string(), cohesion: z.number() });
export type Membership = z.infer<typeof MembershipSchema>;

export interface Grouping {
  stories: StoryGroup[];
  events: EventGroup[];
  articles: Membership[];
}

/** A person's decision: these articles belong together / apart. */
export interface Pin {
  kind: 'together' | 'apart';
  ids: string[];
}

export interface GroupOptions {
  eventThreshold: number;
}
export const defaultGroupOptions: GroupOptions = { eventThreshold: 0.5 };

export function extractFeatures(_doc: Doc): ArticleFeatures {
  throw new Error('not implemented');
}

/** Groups articles; deterministic and independent of input order. */
export function groupArticles(_features: readonly ArticleFeatures[], _options: Partial<GroupOptions> = {}, _pins: readonly Pin[] = []): Grouping {
  throw new Error('not implemented');
}

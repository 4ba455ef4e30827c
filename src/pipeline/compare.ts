import type { Doc } from '../doc/types.js';
import type { EventGroup, Grouping, StoryGroup } from '../group/index.js';
import { commonSources, compareWording, corpusStats, hasSharedPassage, type CommonSource, type CorpusStats, type Wording } from '../compare/index.js';
import { compareFramingPair, compareGroupFraming, type GroupFraming, type PairFraming } from '../frames/compare.js';
import type { AnalyzeOptions } from './options.js';

export interface PairComparison {
  eventId: string;
  a: string;
  b: string;
  wording: Wording;
  /** Empty with `frames: 'none'` (no article has findings to compare). */
  framing: PairFraming | Record<string, never>;
}

export interface EventComparison {
  eventId: string;
  pairs: PairComparison[];
  /** Outlets compared within the event: sources, naming, tone, claims and omissions, loaded language, hedges, frames. */
  analyses: { framing?: GroupFraming; commonSources?: CommonSource[] };
}

export interface StoryComparison {
  storyId: string;
  /** Outlets compared across the story's events, and wording reused from one event's articles to another's. */
  analyses: { framing?: GroupFraming; crossEventPairs?: CrossEventPair[] };
}

export interface CrossEventPair {
  a: string;
  b: string;
  eventA: string;
  eventB: string;
  wording: Wording;
}

/** All i<j pairs, or, past the cap, each item with its next ones in order (a band that keeps the work linear). */
export function boundedPairs<T>(items: readonly T[], maxPairs: number): Array<[T, T]> {
  const pairs: Array<[T, T]> = [];
  const n = items.length;
  const band = (n * (n - 1)) / 2 <= maxPairs ? n : Math.max(1, Math.floor(maxPairs / n));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n && j <= i + band; j++) pairs.push([items[i]!, items[j]!]);
  return pairs;
}

function docsOf(ids: readonly string[], byId: ReadonlyMap<string, Doc>): Doc[] {
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

/** One event: every article pair (bounded), and the outlets compared when it has several articles. */
export function compareEvent(event: EventGroup, byId: ReadonlyMap<string, Doc>, options: AnalyzeOptions, stats: CorpusStats): EventComparison {
  const eventDocs = docsOf(event.articleIds, byId);
  const framed = options.frames !== 'none';
  const pairs: PairComparison[] = boundedPairs(eventDocs, options.maxPairsPerEvent).map(([a, b]) => ({
    eventId: event.id,
    a: a.id,
    b: b.id,
    wording: compareWording(a, b, stats),
    framing: framed ? compareFramingPair(a, b) : {},
  }));
  if (eventDocs.length < 2) return { eventId: event.id, pairs, analyses: {} };
  const sources = commonSources(eventDocs, pairs.map((p) => p.wording));
  return { eventId: event.id, pairs, analyses: framed ? { framing: compareGroupFraming(eventDocs, 'event'), commonSources: sources } : { commonSources: sources } };
}

export function compareEvents(docs: readonly Doc[], grouping: Grouping, options: AnalyzeOptions, stats: CorpusStats = corpusStats(docs)): EventComparison[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return grouping.events.map((event) => compareEvent(event, byId, options, stats));
}

/**
 * One story: outlets compared across all the story's events (so outlets that
 * each covered a different happening are still compared), and wording shared
 * between articles of different events.
 *
 * The distinctive-words prior is the story's own articles: a corpus-wide prior
 * recounted the whole corpus once per story (quadratic; 56k articles never
 * finished). A corpus prior computed once needs a counts option in
 * frames/distinctive (asked of the frames owner).
 */
export function compareStory(story: StoryGroup, byId: ReadonlyMap<string, Doc>, eventOf: ReadonlyMap<string, string>, options: AnalyzeOptions, stats: CorpusStats): StoryComparison {
  const storyDocs = docsOf(story.articleIds, byId);
  if (storyDocs.length < 2) return { storyId: story.id, analyses: {} };
  const crossEventPairs: CrossEventPair[] = [];
  for (const [a, b] of boundedPairs(storyDocs, options.maxPairsPerEvent)) {
    const eventA = eventOf.get(a.id)!;
    const eventB = eventOf.get(b.id)!;
    if (eventA === eventB) continue;
    // Only pairs with shared passages are kept: most cross-event pairs have none, and finding that out
    // costs a fraction of the scores (exact: the same alignment).
    if (!hasSharedPassage(a, b, stats)) continue;
    crossEventPairs.push({ a: a.id, b: b.id, eventA, eventB, wording: compareWording(a, b, stats) });
  }
  return { storyId: story.id, analyses: options.frames === 'none' ? { crossEventPairs } : { framing: compareGroupFraming(storyDocs, 'story'), crossEventPairs } };
}

export function compareStories(docs: readonly Doc[], grouping: Grouping, options: AnalyzeOptions, stats: CorpusStats = corpusStats(docs)): StoryComparison[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const eventOf = new Map(grouping.articles.map((m) => [m.id, m.event]));
  return grouping.stories.map((story) => compareStory(story, byId, eventOf, options, stats));
}

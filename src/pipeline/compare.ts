import type { Doc } from '../doc/types.js';
import type { Grouping } from '../group/index.js';
import { compareWording, corpusStats, type Wording } from '../compare/index.js';
import type { AnalyzeOptions } from './options.js';

export interface PairComparison {
  eventId: string;
  a: string;
  b: string;
  wording: Wording;
  framing: Record<string, unknown>;
}

export interface EventComparison {
  eventId: string;
  pairs: PairComparison[];
  /** Event-level analyses (claims, naming, common sources …), keyed by analysis name. */
  analyses: Record<string, unknown>;
}

export interface StoryComparison {
  storyId: string;
  /** Outlet-level analyses across the story's events, keyed by analysis name. */
  analyses: Record<string, unknown>;
}

/** All i<j pairs of an event, or, past the cap, each article with its next ones in id order. */
function eventPairs(ids: readonly string[], maxPairs: number): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const n = ids.length;
  const window = n * (n - 1) / 2 <= maxPairs ? n : Math.max(1, Math.floor(maxPairs / n));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n && j <= i + window; j++) pairs.push([ids[i]!, ids[j]!]);
  return pairs;
}

export function compareEvents(docs: readonly Doc[], grouping: Grouping, options: AnalyzeOptions): EventComparison[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const stats = corpusStats(docs);
  return grouping.events.map((event) => {
    const pairs: PairComparison[] = [];
    for (const [ia, ib] of eventPairs(event.articleIds, options.maxPairsPerEvent)) {
      const a = byId.get(ia)!;
      const b = byId.get(ib)!;
      pairs.push({ eventId: event.id, a: ia, b: ib, wording: compareWording(a, b, stats), framing: {} });
    }
    return { eventId: event.id, pairs, analyses: {} };
  });
}

export function compareStories(_docs: readonly Doc[], grouping: Grouping): StoryComparison[] {
  return grouping.stories.map((s) => ({ storyId: s.id, analyses: {} }));
}

/**
 * The report seen by the renderers: articles with stable HTML ids and labels,
 * per-layer findings parsed with the analyzers' own zod schemas (a finding
 * that does not parse is left out, never guessed), and event/story analyses
 * found by schema, whatever key the pipeline stores them under.
 */
import type { z } from 'zod';
import type { ArticleRecord, Report } from '../schema.js';
import { QuoteDataSchema, type QuoteData } from '../../frames/sources/index.js';
import { MentionDataSchema, NamingTableSchema, type MentionData, type NamingTable } from '../../frames/naming/index.js';
import { LoadedDataSchema } from '../../frames/loaded/index.js';
import { HedgeDataSchema } from '../../frames/hedges/index.js';
import { ToneDataSchema, type ToneData } from '../../frames/tone/index.js';
import { ClaimsComparisonSchema, type ClaimsComparison } from '../../frames/claims/index.js';
import { FrameComparisonSchema, FRAME_IDS, type FrameComparison, type FrameId } from '../../frames/policy/index.js';
import { lookupOutlet, type OutletInfo } from '../../meta/index.js';

export type LoadedInfo = z.infer<typeof LoadedDataSchema>;
export type HedgeInfo = z.infer<typeof HedgeDataSchema>;
export type Comparison = Report['comparisons'][number];
export type EventRecord = Report['events'][number];
export type StoryRecord = Report['stories'][number];

export interface Located<T> {
  start: number;
  end: number;
  text: string;
  data: T;
}

export interface ArticleView {
  rec: ArticleRecord;
  /** Index in report.articles: the stable base of every HTML id of this article. */
  index: number;
  /** `a<index>`: ids and keys never contain article ids, which may hold anything. */
  slug: string;
  /** The outlet name analyses are keyed by: the outlet, else `unknown (<id>)` (as the analyzers write it). */
  key: string;
  /** What a reader sees: the outlet, else "Unknown outlet (<id>)". */
  label: string;
  registry: OutletInfo | null;
}

// Parsed layers, per findings array: several renderers read the same layer.
const parsedCache = new WeakMap<object, Located<unknown>[]>();

function parseAll<T>(findings: ArticleRecord['layers'][string] | undefined, schema: z.ZodType<T>): Located<T>[] {
  if (!findings) return [];
  const cached = parsedCache.get(findings);
  if (cached) return cached as Located<T>[];
  const out: Located<T>[] = [];
  for (const f of findings) {
    const r = schema.safeParse(f.data);
    if (r.success) out.push({ start: f.start, end: f.end, text: f.text, data: r.data });
  }
  parsedCache.set(findings, out);
  return out;
}

export const quotesOf = (a: ArticleRecord): Located<QuoteData>[] => parseAll(a.layers.quotes, QuoteDataSchema);
export const mentionsOf = (a: ArticleRecord): Located<MentionData>[] => parseAll(a.layers.mentions, MentionDataSchema);
export const loadedOf = (a: ArticleRecord): Located<LoadedInfo>[] => parseAll(a.layers.loaded, LoadedDataSchema);
export const hedgesOf = (a: ArticleRecord): Located<HedgeInfo>[] => parseAll(a.layers.hedges, HedgeDataSchema);
export const toneOf = (a: ArticleRecord): Located<ToneData>[] => parseAll(a.layers.tone, ToneDataSchema);

/** Frame cue findings: label is the frame id. */
export function frameCuesOf(a: ArticleRecord): Located<FrameId>[] {
  const ids = new Set<string>(FRAME_IDS);
  return (a.layers.frames ?? []).filter((f) => f.label && ids.has(f.label)).map((f) => ({ start: f.start, end: f.end, text: f.text, data: f.label as FrameId }));
}

/** Claims (sentences) of an article. */
export function claimsOf(a: ArticleRecord): Located<null>[] {
  return (a.layers.claims ?? []).map((f) => ({ start: f.start, end: f.end, text: f.text, data: null }));
}

/** Which analysis layers exist for an article (present and non-empty). */
export function hasLayer(a: ArticleRecord, name: string): boolean {
  return (a.layers[name]?.length ?? 0) > 0;
}

/**
 * The first analysis that parses with `schema`, looked up in `analyses` and
 * one level down (the pipeline groups them, e.g. under `framing`): preferred
 * keys first, then every key in sorted order.
 */
export function findAnalysis<T>(analyses: Record<string, unknown>, schema: z.ZodType<T>, preferred: readonly string[]): T | null {
  const containers: Array<Record<string, unknown>> = [analyses];
  for (const k of Object.keys(analyses).sort()) {
    const v = analyses[k];
    if (v && typeof v === 'object' && !Array.isArray(v)) containers.push(v as Record<string, unknown>);
  }
  for (const pass of ['preferred', 'any'] as const) {
    for (const c of containers) {
      const keys = pass === 'preferred' ? preferred.filter((k) => k in c) : Object.keys(c).sort();
      for (const k of keys) {
        const r = schema.safeParse(c[k]);
        if (r.success) return r.data;
      }
    }
  }
  return null;
}

export const claimsAnalysis = (analyses: Record<string, unknown>): ClaimsComparison | null => findAnalysis(analyses, ClaimsComparisonSchema, ['claims']);
export const namingAnalysis = (analyses: Record<string, unknown>): NamingTable | null => findAnalysis(analyses, NamingTableSchema, ['naming']);
export const framesAnalysis = (analyses: Record<string, unknown>): FrameComparison | null => findAnalysis(analyses, FrameComparisonSchema, ['frames']);

export interface ReportView {
  report: Report;
  articles: ArticleView[];
  byId: Map<string, ArticleView>;
  /** Analyzed articles per event id, in the event's order. */
  eventArticles: Map<string, ArticleView[]>;
  comparisonsByEvent: Map<string, Comparison[]>;
  eventIndex: Map<string, number>;
}

export function outletKey(a: Pick<ArticleRecord, 'id' | 'outlet'>): string {
  return a.outlet ?? `unknown (${a.id})`;
}

/** Builds the lookup tables every renderer shares. */
export function viewOf(report: Report): ReportView {
  const registryCache = new Map<string, OutletInfo | null>();
  const articles = report.articles.map((rec, index): ArticleView => {
    let registry: OutletInfo | null = null;
    if (rec.outlet) {
      if (!registryCache.has(rec.outlet)) registryCache.set(rec.outlet, safeLookup(rec.outlet));
      registry = registryCache.get(rec.outlet) ?? null;
    }
    return { rec, index, slug: `a${index}`, key: outletKey(rec), label: rec.outlet ?? `Unknown outlet (${shortId(rec.id)})`, registry };
  });
  const byId = new Map(articles.map((a) => [a.rec.id, a]));
  const eventArticles = new Map<string, ArticleView[]>();
  for (const e of report.events) eventArticles.set(e.id, e.articleIds.map((id) => byId.get(id)).filter((a): a is ArticleView => !!a && a.rec.status === 'analyzed'));
  const comparisonsByEvent = new Map<string, Comparison[]>();
  for (const c of report.comparisons) {
    const list = comparisonsByEvent.get(c.eventId) ?? [];
    list.push(c);
    comparisonsByEvent.set(c.eventId, list);
  }
  return { report, articles, byId, eventArticles, comparisonsByEvent, eventIndex: new Map(report.events.map((e, i) => [e.id, i])) };
}

function safeLookup(name: string): OutletInfo | null {
  try {
    return lookupOutlet(name);
  } catch {
    return null;
  }
}

/** Stable HTML id of an event section. */
export const eventAnchor = (view: ReportView, eventId: string): string => `ev${view.eventIndex.get(eventId) ?? 0}`;
/** Stable HTML id of a story section. */
export const storyAnchor = (report: Report, storyId: string): string => `st${Math.max(0, report.stories.findIndex((s) => s.id === storyId))}`;

/** Link key for a span of an article (lights every segment it covers). */
export const spanKey = (a: ArticleView, start: number, end: number): string => `${a.slug}-${start}-${end}`;

/** A short form of a long article id for labels. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 10)}…` : id;
}

/** Events sorted for reading: most articles first, then date, then id. */
export function eventsByInterest(report: Report): EventRecord[] {
  return [...report.events].sort(
    (a, b) => b.articleIds.length - a.articleIds.length || b.outlets.length - a.outlets.length || (a.dateRange?.from ?? '9999').localeCompare(b.dateRange?.from ?? '9999') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export function countBy<T>(xs: Iterable<T>, key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) {
    const k = key(x);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** Entries sorted by count (desc), then key. */
export function sortedCounts(m: Map<string, number>): Array<[string, number]> {
  return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export const FRAME_LABELS: Record<FrameId, string> = {
  economic: 'Economic',
  capacity_resources: 'Capacity and resources',
  morality: 'Morality',
  fairness_equality: 'Fairness and equality',
  legality: 'Legality',
  policy_prescription: 'Policy prescription',
  crime_punishment: 'Crime and punishment',
  security_defense: 'Security and defence',
  health_safety: 'Health and safety',
  quality_of_life: 'Quality of life',
  cultural_identity: 'Cultural identity',
  public_opinion: 'Public opinion',
  political: 'Political',
  external_regulation: 'External regulation',
  other: 'Other',
};

export function techniqueLabel(t: string): string {
  return t.replace(/_/g, ' ').replace(/,/g, ', ').toLowerCase();
}

/** The outlet name an analysis used for these articles (analyses may label unknown outlets their own way). */
export function omissionFor<T extends { outlet: string }>(c: ClaimsComparison, omissions: readonly T[], articleIds: ReadonlySet<string>, fallbackKey: string): T | undefined {
  const names = new Set(c.claims.filter((x) => articleIds.has(x.articleId)).map((x) => x.outlet));
  return omissions.find((o) => names.has(o.outlet)) ?? omissions.find((o) => o.outlet === fallbackKey);
}

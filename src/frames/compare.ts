/**
 * Framing compared across articles: the analyzers' per-outlet summaries for an
 * event or a story, and a cheap side-by-side for one article pair. Every
 * figure keeps the finding spans it was counted from.
 */
import { z } from 'zod';
import type { Doc } from '../doc/types.js';
import { outletLabel } from '../doc/meta.js';
import { summarizeSources, compareVoices, SourcesSummarySchema, type QuoteData } from './sources/index.js';
import { namingTable, NamingTableSchema, type MentionData } from './naming/index.js';
import { toneSummary, ToneSummarySchema } from './tone/index.js';
import { compareClaims, ClaimsComparisonSchema } from './claims/index.js';
import { compareLoaded, LoadedComparisonSchema, type LoadedData } from './loaded/index.js';
import { summarizeHedges, countHedges, HedgeOutletSummarySchema, HedgeDocCountsSchema } from './hedges/index.js';
import { compareFrames, frameDistribution, jensenShannon, FrameComparisonSchema, FRAME_IDS, FrameIdSchema } from './policy/index.js';
import { distinctiveWords, DistinctiveResultSchema } from './distinctive/index.js';

/**
 * Docs whose outlet labels collide (two articles of one outlet in a pair) get
 * the article id appended, so per-outlet summaries keep them apart.
 */
function distinctOutlets(docs: readonly Doc[]): Doc[] {
  const counts = new Map<string, number>();
  for (const d of docs) counts.set(outletLabel(d), (counts.get(outletLabel(d)) ?? 0) + 1);
  return docs.map((d) => {
    const label = outletLabel(d);
    if ((counts.get(label) ?? 0) < 2) return d;
    return { ...d, meta: { ...d.meta, outlet: { ...d.meta.outlet, value: `${label} [${d.id}]` } } };
  });
}

const VoicesSchema = z.array(z.object({ speaker: z.string(), outlets: z.array(z.string()), missingFrom: z.array(z.string()) }));

export const GroupFramingSchema = z.object({
  sources: SourcesSummarySchema,
  voices: VoicesSchema,
  naming: NamingTableSchema,
  tone: ToneSummarySchema,
  loaded: LoadedComparisonSchema,
  hedges: z.array(HedgeOutletSummarySchema),
  frames: FrameComparisonSchema,
  distinctive: DistinctiveResultSchema,
  claims: ClaimsComparisonSchema.optional(),
});
export type GroupFraming = z.infer<typeof GroupFramingSchema>;

/**
 * Outlets compared over a set of articles: an event (with claims and
 * omissions) or a story (across its events, without claim alignment, since
 * different happenings do not omit each other's facts).
 */
export function compareGroupFraming(docs: readonly Doc[], level: 'event' | 'story', background?: readonly Doc[]): GroupFraming {
  const sources = summarizeSources(docs);
  const result: GroupFraming = {
    sources,
    voices: compareVoices(sources),
    naming: namingTable(docs),
    tone: toneSummary(docs),
    loaded: compareLoaded(docs),
    hedges: summarizeHedges(docs),
    frames: compareFrames(docs),
    distinctive: distinctiveWords(docs, background ? { background } : {}),
  };
  if (level === 'event') result.claims = compareClaims(docs);
  return result;
}

const SideSchema = <T extends z.ZodType>(item: T) => z.object({ a: item, b: item });
const CountSchema = <K extends string>(key: K) => z.object({ [key]: z.string(), count: z.number().int() } as Record<K, z.ZodString> & { count: z.ZodNumber });

/**
 * Two articles side by side. Each side is counts by name (speaker, verb, loaded term, actor name): the
 * spans behind every count are the article's own findings in `articles[].layers` (quotes, loaded,
 * mentions) with that speaker, verb, term or name, so a pair does not repeat them. (It did: an
 * article of an event of n articles had its spans written n − 1 times, more than half of a 28k-article
 * report.)
 */
export const PairFramingSchema = z.object({
  /** Frame distributions of both articles (from `layers.frames`) and their Jensen-Shannon divergence (bits), with the frames driving it. */
  frames: z.object({
    a: z.record(FrameIdSchema, z.number()),
    b: z.record(FrameIdSchema, z.number()),
    jsd: z.number(),
    drivers: z.array(z.object({ frame: FrameIdSchema, contribution: z.number() })),
  }),
  /** Who gets a voice: quotes per speaker on each side (`layers.quotes`, `data.speaker`), and the speakers both quote. */
  voices: SideSchema(z.array(CountSchema('speaker'))).extend({ shared: z.array(z.string()) }),
  /** Reporting verbs by class on each side (`layers.quotes`, `data.verb` and `data.verbClass`). */
  verbs: SideSchema(z.object({ neutral: z.array(CountSchema('verb')), evaluative: z.array(CountSchema('verb')) })),
  /** Loaded words on each side (`layers.loaded`, lower-cased text) and those only one side uses. */
  loaded: SideSchema(z.array(z.object({ term: z.string(), technique: z.string(), neutral: z.string().nullable(), count: z.number().int() }))).extend({ onlyA: z.array(z.string()), onlyB: z.array(z.string()) }),
  /** Hedge counts and rates on each side (`layers.hedges`). */
  hedges: SideSchema(HedgeDocCountsSchema.omit({ spans: true })),
  /** Actors both name, and the names each side uses for them (`layers.mentions`, `data.actorId` and `data.name`). */
  naming: z.array(z.object({ actorId: z.string(), label: z.string(), a: z.array(CountSchema('name')), b: z.array(CountSchema('name')) })),
});
export type PairFraming = z.infer<typeof PairFramingSchema>;

function hedgeCounts(doc: Doc): Omit<ReturnType<typeof countHedges>, 'spans'> {
  const { spans, ...counts } = countHedges(doc);
  void spans;
  return counts;
}

/** Counts by key, most frequent first, ties by key. */
function counted<K extends string>(field: K, keys: Iterable<string>): Array<Record<K, string> & { count: number }> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([k, count]) => ({ [field]: k, count }) as Record<K, string> & { count: number });
}

function quoteData(doc: Doc): QuoteData[] {
  return (doc.layers.quotes ?? []).map((f) => f.data as unknown as QuoteData | undefined).filter((d): d is QuoteData => Boolean(d));
}

function voicesOf(doc: Doc) {
  return counted('speaker', quoteData(doc).flatMap((d) => (d.speaker ? [d.speaker] : [])));
}

function verbsOf(doc: Doc) {
  const quotes = quoteData(doc).filter((d) => d.verb && d.verbClass);
  return {
    neutral: counted('verb', quotes.filter((d) => d.verbClass !== 'evaluative').map((d) => d.verb!)),
    evaluative: counted('verb', quotes.filter((d) => d.verbClass === 'evaluative').map((d) => d.verb!)),
  };
}

function loadedOf(doc: Doc) {
  const rows = new Map<string, { term: string; technique: string; neutral: string | null; count: number }>();
  for (const f of doc.layers.loaded ?? []) {
    const d = f.data as unknown as LoadedData | undefined;
    const term = f.text.toLowerCase();
    const technique = d?.technique ?? f.label ?? 'Loaded_Language';
    const key = `${term}\u0000${technique}`;
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { term, technique, neutral: d?.neutral ?? null, count: 1 });
  }
  return [...rows.values()].sort((x, y) => y.count - x.count || (x.term < y.term ? -1 : x.term > y.term ? 1 : x.technique < y.technique ? -1 : 1));
}

/** An actor's names in one article; `counts`: the names counted (built on first use, then shared by the article's pairs). */
interface ActorNames {
  label: string;
  names: string[];
  counts?: ReturnType<typeof counted<'name'>>;
}

function namesOf(doc: Doc): Map<string, ActorNames> {
  const actors = new Map<string, ActorNames>();
  for (const f of doc.layers.mentions ?? []) {
    const d = f.data as unknown as MentionData | undefined;
    if (!d) continue;
    let a = actors.get(d.actorId);
    if (!a) actors.set(d.actorId, (a = { label: d.label, names: [] }));
    a.names.push(d.name);
  }
  return actors;
}

/** One article's side of a pair comparison, built from its layers. */
interface PairSide {
  layers: { quotes: unknown; loaded: unknown; mentions: unknown; hedges: unknown; tokens: unknown };
  voices: ReturnType<typeof voicesOf>;
  verbs: ReturnType<typeof verbsOf>;
  loaded: ReturnType<typeof loadedOf>;
  terms: Set<string>;
  names: ReturnType<typeof namesOf>;
  /** Sorted once per article, so a pair's shared and one-sided lists are filters of them (sorted already). */
  sortedSpeakers: string[];
  speakers: Set<string>;
  sortedTerms: string[];
  sortedActors: string[];
  hedges: ReturnType<typeof hedgeCounts>;
}

/**
 * Sides cached per article (an article of an event of n articles is in n − 1
 * pairs) and rebuilt when a layer array is replaced. Pair results share these
 * rows read-only.
 */
const sideCache = new WeakMap<Doc, PairSide>();

function sideOf(doc: Doc): PairSide {
  const l = doc.layers;
  const hit = sideCache.get(doc);
  if (hit && hit.layers.quotes === l.quotes && hit.layers.loaded === l.loaded && hit.layers.mentions === l.mentions && hit.layers.hedges === l.hedges && hit.layers.tokens === doc.tokens) return hit;
  const loaded = loadedOf(doc);
  const voices = voicesOf(doc);
  const terms = new Set(loaded.map((x) => x.term));
  const names = namesOf(doc);
  const side: PairSide = {
    layers: { quotes: l.quotes, loaded: l.loaded, mentions: l.mentions, hedges: l.hedges, tokens: doc.tokens },
    voices,
    verbs: verbsOf(doc),
    loaded,
    terms,
    names,
    hedges: hedgeCounts(doc),
    sortedSpeakers: voices.map((v) => v.speaker).sort(),
    speakers: new Set(voices.map((v) => v.speaker)),
    sortedTerms: [...terms].sort(),
    sortedActors: [...names.keys()].sort(),
  };
  sideCache.set(doc, side);
  return side;
}

/** The framing of two articles side by side (cheap enough for every pair of a large event). */
export function compareFramingPair(a: Doc, b: Doc): PairFraming {
  const fa = frameDistribution(a);
  const fb = frameDistribution(b);
  const { jsd, contributions } = jensenShannon(fa, fb);
  const drivers = FRAME_IDS.filter((f) => contributions[f] > 0)
    .map((frame) => ({ frame, contribution: Math.round(contributions[frame] * 1e4) / 1e4 }))
    .sort((x, y) => y.contribution - x.contribution || (x.frame < y.frame ? -1 : 1))
    .slice(0, 5);
  const sa = sideOf(a);
  const sb = sideOf(b);
  const termsA = sa.terms;
  const termsB = sb.terms;
  const na = sa.names;
  const nb = sb.names;
  const naming = sa.sortedActors.filter((k) => nb.has(k)).map((actorId) => {
    const x = na.get(actorId)!;
    const y = nb.get(actorId)!;
    return { actorId, label: x.label, a: (x.counts ??= counted('name', x.names)), b: (y.counts ??= counted('name', y.names)) };
  });
  return {
    frames: { a: fa, b: fb, jsd: Math.round(jsd * 1e4) / 1e4, drivers },
    voices: { a: sa.voices, b: sb.voices, shared: sa.sortedSpeakers.filter((s) => sb.speakers.has(s)) },
    verbs: { a: sa.verbs, b: sb.verbs },
    loaded: { a: sa.loaded, b: sb.loaded, onlyA: sa.sortedTerms.filter((t) => !termsB.has(t)), onlyB: sb.sortedTerms.filter((t) => !termsA.has(t)) },
    hedges: { a: sa.hedges, b: sb.hedges },
    naming,
  };
}

export { distinctOutlets };

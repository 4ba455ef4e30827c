/**
 * Framing compared across articles: the analyzers' per-outlet summaries for an
 * event or a story, and a cheap side-by-side for one article pair. Every
 * figure keeps the finding spans it was counted from.
 */
import { z } from 'zod';
import type { Doc, Finding } from '../doc/types.js';
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

const SpanRefSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });
const SideSchema = <T extends z.ZodType>(item: T) => z.object({ a: item, b: item });

export const PairFramingSchema = z.object({
  /** Frame distributions of both articles and their Jensen-Shannon divergence (bits), with the frames driving it. */
  frames: z.object({
    a: z.record(FrameIdSchema, z.number()),
    b: z.record(FrameIdSchema, z.number()),
    jsd: z.number(),
    drivers: z.array(z.object({ frame: FrameIdSchema, contribution: z.number() })),
  }),
  /** Who gets a voice: speakers on each side, with the quote spans. */
  voices: z.object({
    a: z.array(z.object({ speaker: z.string(), quotes: z.array(SpanRefSchema) })),
    b: z.array(z.object({ speaker: z.string(), quotes: z.array(SpanRefSchema) })),
    shared: z.array(z.string()),
  }),
  /** Reporting verbs by class on each side, with spans of the verbs' quotes. */
  verbs: SideSchema(z.object({ neutral: z.array(SpanRefSchema.extend({ verb: z.string() })), evaluative: z.array(SpanRefSchema.extend({ verb: z.string() })) })),
  /** Loaded words on each side and those only one side uses. */
  loaded: SideSchema(z.array(SpanRefSchema.extend({ technique: z.string(), neutral: z.string().nullable() }))).extend({ onlyA: z.array(z.string()), onlyB: z.array(z.string()) }),
  hedges: SideSchema(HedgeDocCountsSchema),
  /** Actors both name, and the names each side uses for them. */
  naming: z.array(z.object({ actorId: z.string(), label: z.string(), a: z.array(z.object({ name: z.string(), count: z.number().int(), spans: z.array(SpanRefSchema) })), b: z.array(z.object({ name: z.string(), count: z.number().int(), spans: z.array(SpanRefSchema) })) })),
});
export type PairFraming = z.infer<typeof PairFramingSchema>;

const ref = (f: Finding) => ({ start: f.start, end: f.end, text: f.text });

function voicesOf(doc: Doc) {
  const by = new Map<string, Finding[]>();
  for (const f of doc.layers.quotes ?? []) {
    const speaker = (f.data as unknown as QuoteData | undefined)?.speaker;
    if (!speaker) continue;
    const list = by.get(speaker) ?? [];
    list.push(f);
    by.set(speaker, list);
  }
  return [...by.entries()].sort((x, y) => y[1].length - x[1].length || (x[0] < y[0] ? -1 : 1)).map(([speaker, fs]) => ({ speaker, quotes: fs.map(ref) }));
}

function verbsOf(doc: Doc) {
  const neutral: Array<ReturnType<typeof ref> & { verb: string }> = [];
  const evaluative: typeof neutral = [];
  for (const f of doc.layers.quotes ?? []) {
    const d = f.data as unknown as QuoteData | undefined;
    if (!d?.verb || !d.verbClass) continue;
    (d.verbClass === 'evaluative' ? evaluative : neutral).push({ ...ref(f), verb: d.verb });
  }
  return { neutral, evaluative };
}

function loadedOf(doc: Doc) {
  return (doc.layers.loaded ?? []).map((f) => {
    const d = f.data as unknown as LoadedData | undefined;
    return { ...ref(f), technique: d?.technique ?? f.label ?? 'Loaded_Language', neutral: d?.neutral ?? null };
  });
}

function namesOf(doc: Doc): Map<string, { label: string; names: Map<string, Finding[]> }> {
  const actors = new Map<string, { label: string; names: Map<string, Finding[]> }>();
  for (const f of doc.layers.mentions ?? []) {
    const d = f.data as unknown as MentionData | undefined;
    if (!d) continue;
    let a = actors.get(d.actorId);
    if (!a) actors.set(d.actorId, (a = { label: d.label, names: new Map() }));
    const list = a.names.get(d.name) ?? [];
    list.push(f);
    a.names.set(d.name, list);
  }
  return actors;
}

function nameRows(names: Map<string, Finding[]>) {
  return [...names.entries()].sort((x, y) => y[1].length - x[1].length || (x[0] < y[0] ? -1 : 1)).map(([name, fs]) => ({ name, count: fs.length, spans: fs.slice(0, 5).map(ref) }));
}

/** One article's side of a pair comparison, built from its layers. */
interface PairSide {
  layers: { quotes: unknown; loaded: unknown; mentions: unknown };
  voices: ReturnType<typeof voicesOf>;
  verbs: ReturnType<typeof verbsOf>;
  loaded: ReturnType<typeof loadedOf>;
  terms: Set<string>;
  names: ReturnType<typeof namesOf>;
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
  if (hit && hit.layers.quotes === l.quotes && hit.layers.loaded === l.loaded && hit.layers.mentions === l.mentions) return hit;
  const loaded = loadedOf(doc);
  const side: PairSide = {
    layers: { quotes: l.quotes, loaded: l.loaded, mentions: l.mentions },
    voices: voicesOf(doc),
    verbs: verbsOf(doc),
    loaded,
    terms: new Set(loaded.map((x) => x.text.toLowerCase())),
    names: namesOf(doc),
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
  const va = sa.voices;
  const vb = sb.voices;
  const speakersB = new Set(vb.map((v) => v.speaker));
  const termsA = sa.terms;
  const termsB = sb.terms;
  const na = sa.names;
  const nb = sb.names;
  const naming = [...na.keys()].filter((k) => nb.has(k)).sort().map((actorId) => ({
    actorId,
    label: na.get(actorId)!.label,
    a: nameRows(na.get(actorId)!.names),
    b: nameRows(nb.get(actorId)!.names),
  }));
  return {
    frames: { a: fa, b: fb, jsd: Math.round(jsd * 1e4) / 1e4, drivers },
    voices: { a: va, b: vb, shared: va.map((v) => v.speaker).filter((s) => speakersB.has(s)).sort() },
    verbs: { a: sa.verbs, b: sb.verbs },
    loaded: { a: sa.loaded, b: sb.loaded, onlyA: [...termsA].filter((t) => !termsB.has(t)).sort(), onlyB: [...termsB].filter((t) => !termsA.has(t)).sort() },
    hedges: { a: countHedges(a), b: countHedges(b) },
    naming,
  };
}

export { distinctOutlets };

/**
 * Sources and attribution: direct, partial and reported quotes with resolved
 * speakers, reporting verbs (neutral vs evaluative) and source types; per
 * outlet, who gets a voice and how much of the text is quoted.
 */
import { outletLabel } from '../../doc/meta.js';
import { z } from 'zod';
import type { Doc, Finding } from '../../doc/types.js';
import { makeFinding } from '../../doc/span.js';
import type { Analyzer } from '../index.js';
import { attribute, type Attribution } from './attribute.js';
import { SOURCE_TYPES } from './lexicon.js';

export { attribute, type Attribution, type QuoteKind, type Resolution } from './attribute.js';
export { type SpeakerGroup } from './persons.js';
export { findQuoteSpans, type QuoteSpan } from './marks.js';
export { reportingVerbs, sourceCues, SOURCE_TYPES, type SourceType, type VerbClass } from './lexicon.js';

const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() });

/** `data` of a 'quotes' finding. */
export const QuoteDataSchema = z.object({
  kind: z.enum(['direct', 'partial', 'reported']),
  speaker: z.string().nullable(),
  speakerSpan: SpanSchema.optional(),
  speakerTitle: z.string().optional(),
  /** Party and chamber the article states for the speaker ("Sen.", "(R-Ky.)", "Republican Sen."), with the spans saying so. */
  speakerGroup: z.object({ party: z.enum(['Democratic', 'Republican']).optional(), chamber: z.enum(['Senate', 'House']).optional(), evidence: z.array(SpanSchema) }).optional(),
  mentionSpan: SpanSchema.optional(),
  resolution: z.enum(['name', 'pronoun', 'role', 'document', 'metonym', 'inherited', 'unresolved', 'none']),
  verb: z.string().nullable(),
  verbClass: z.enum(['neutral', 'evaluative']).nullable(),
  sourceType: z.enum(SOURCE_TYPES),
  cueSpan: SpanSchema.optional(),
});
export type QuoteData = z.infer<typeof QuoteDataSchema>;

function toFinding(doc: Doc, a: Attribution): Finding {
  // Properties assigned one by one in the schema's order (the report's key order): conditional spreads inside an
  // object literal are slow in V8.
  const data = { kind: a.kind, speaker: a.speaker } as QuoteData;
  if (a.speakerSpan) data.speakerSpan = a.speakerSpan;
  if (a.speakerTitle) data.speakerTitle = a.speakerTitle;
  if (a.speakerGroup) data.speakerGroup = a.speakerGroup;
  if (a.mentionSpan) data.mentionSpan = a.mentionSpan;
  data.resolution = a.resolution;
  data.verb = a.verb;
  data.verbClass = a.verbClass;
  data.sourceType = a.sourceType;
  if (a.cueSpan) data.cueSpan = a.cueSpan;
  const extra: Omit<Finding, 'analyzer' | 'rule' | 'start' | 'end' | 'text'> = { label: a.kind };
  if (a.speaker) extra.reason = `speaker: ${a.speaker}`;
  extra.data = data;
  return makeFinding(doc, 'quotes', a.rule, a.start, a.end, extra);
}

/** Layer 'quotes': one finding per direct, partial or reported quote. */
export const quotesAnalyzer: Analyzer = {
  name: 'quotes',
  run(doc: Doc): Finding[] {
    return attribute(doc).map((a) => toFinding(doc, a));
  },
};

/** The doc's quote findings: its 'quotes' layer when present, else computed now. */
export function quotesOf(doc: Doc): Finding[] {
  return doc.layers.quotes ?? quotesAnalyzer.run(doc);
}

export const VoiceSchema = z.object({
  speaker: z.string(),
  sourceType: z.enum(SOURCE_TYPES),
  direct: z.number().int(),
  partial: z.number().int(),
  reported: z.number().int(),
  quotedChars: z.number().int(),
  verbs: z.record(z.string(), z.number().int()),
  evidence: z.array(z.object({ articleId: z.string(), start: z.number().int(), end: z.number().int(), kind: z.enum(['direct', 'partial', 'reported']) })),
});
export type Voice = z.infer<typeof VoiceSchema>;

export const OutletSourcesSchema = z.object({
  outlet: z.string(),
  articles: z.number().int(),
  quotes: z.object({ direct: z.number().int(), partial: z.number().int(), reported: z.number().int() }),
  /** Characters inside direct and partial quotes (marks excluded) / characters of the articles' text. */
  quotedShare: z.number(),
  /** Evaluative reporting verbs / all reporting verbs of this outlet. */
  evaluativeShare: z.number(),
  bySourceType: z.record(z.string(), z.number().int()),
  voices: z.array(VoiceSchema),
});
export type OutletSources = z.infer<typeof OutletSourcesSchema>;

export const SourcesSummarySchema = z.object({ outlets: z.array(OutletSourcesSchema) });
export type SourcesSummary = z.infer<typeof SourcesSummarySchema>;



const OPENING_MARKS = '"“”„«‘';
const CLOSING_MARKS = '"“”»’';

/** Quoted characters of one quote finding: the text inside its marks (one opening and one closing mark dropped; character checks, no regex per quote). */
function innerLength(f: Finding): number {
  const t = f.text;
  const from = t.length > 0 && OPENING_MARKS.includes(t[0]!) ? 1 : 0;
  const to = t.length > from && CLOSING_MARKS.includes(t[t.length - 1]!) ? t.length - 1 : t.length;
  return to - from;
}

/** A record of `counts` with keys in sorted order (as Object.fromEntries of the sorted entries). */
function sortedRecord(counts: Map<string, number> | null): Record<string, number> {
  if (!counts) return {};
  const entries = [...counts];
  if (entries.length > 1) entries.sort(([a], [b]) => (a < b ? -1 : 1));
  return Object.fromEntries(entries);
}

/**
 * Who gets a voice in each outlet: per speaker, how many direct, partial and
 * reported quotes and how many quoted characters; per outlet, the share of text
 * inside quotes (quoted characters / total characters) and of evaluative verbs.
 */
export function summarizeSources(docs: readonly Doc[]): SourcesSummary {
  const ordered = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byOutlet = new Map<string, { docs: Doc[] }>();
  for (const d of ordered) {
    const o = outletLabel(d);
    const acc = byOutlet.get(o) ?? { docs: [] };
    acc.docs.push(d);
    byOutlet.set(o, acc);
  }
  const outlets: OutletSources[] = [];
  for (const outlet of [...byOutlet.keys()].sort()) {
    const { docs: list } = byOutlet.get(outlet)!;
    const counts = { direct: 0, partial: 0, reported: 0 };
    const types = new Map<string, number>();
    const voices = new Map<string, Voice>();
    // Each voice's verb counts, made a sorted record once the voices are known.
    const verbCounts = new Map<Voice, Map<string, number>>();
    let chars = 0;
    let quoted = 0;
    let verbs = 0;
    let evaluative = 0;
    for (const d of list) {
      chars += d.text.length;
      for (const f of quotesOf(d)) {
        const data = f.data as QuoteData;
        counts[data.kind]++;
        types.set(data.sourceType, (types.get(data.sourceType) ?? 0) + 1);
        const len = data.kind === 'reported' ? 0 : innerLength(f);
        quoted += len;
        if (data.verb) {
          verbs++;
          if (data.verbClass === 'evaluative') evaluative++;
        }
        const speaker = data.speaker ?? '(unattributed)';
        let v = voices.get(speaker);
        if (!v) voices.set(speaker, (v = { speaker, sourceType: data.sourceType, direct: 0, partial: 0, reported: 0, quotedChars: 0, verbs: {}, evidence: [] }));
        v[data.kind]++;
        v.quotedChars += len;
        if (data.verb) {
          let verbs = verbCounts.get(v);
          if (!verbs) verbCounts.set(v, (verbs = new Map()));
          verbs.set(data.verb, (verbs.get(data.verb) ?? 0) + 1);
        }
        v.evidence.push({ articleId: d.id, start: f.start, end: f.end, kind: data.kind });
      }
    }
    const voiceList = [...voices.values()];
    if (voiceList.length > 1) voiceList.sort((a, b) => total(b) - total(a) || b.quotedChars - a.quotedChars || (a.speaker < b.speaker ? -1 : 1));
    for (const v of voiceList) v.verbs = sortedRecord(verbCounts.get(v) ?? null);
    outlets.push({
      outlet,
      articles: list.length,
      quotes: counts,
      quotedShare: chars ? quoted / chars : 0,
      evaluativeShare: verbs ? evaluative / verbs : 0,
      bySourceType: sortedRecord(types),
      voices: voiceList,
    });
  }
  return { outlets };
}

function total(v: Voice): number {
  return v.direct + v.partial + v.reported;
}

/** Speakers quoted by some outlets and not others: for each speaker, the outlets that give it a voice. */
export function compareVoices(summary: SourcesSummary): { speaker: string; outlets: string[]; missingFrom: string[] }[] {
  const all = summary.outlets.map((o) => o.outlet);
  const bySpeaker = new Map<string, Set<string>>();
  for (const o of summary.outlets) for (const v of o.voices) if (v.speaker !== '(unattributed)') (bySpeaker.get(v.speaker) ?? bySpeaker.set(v.speaker, new Set()).get(v.speaker)!).add(o.outlet);
  return [...bySpeaker.entries()]
    .map(([speaker, set]) => ({ speaker, outlets: [...set].sort(), missingFrom: all.filter((o) => !set.has(o)) }))
    .sort((a, b) => b.outlets.length - a.outlets.length || (a.speaker < b.speaker ? -1 : 1));
}

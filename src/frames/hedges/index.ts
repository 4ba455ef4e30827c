/**
 * Hedges, boosters and distance markers (layer `hedges`): how sure a text
 * sounds and how far the writer stands from what is reported. Kinds:
 * - hedge ("possibly", "appears to"), booster ("clearly", "undoubtedly")
 *   after Hyland (2005), Metadiscourse;
 * - distance ("allegedly", "so-called", "claimed"): the writer marks a
 *   statement as someone else's and not vouched for;
 * - modal (may, might, could, would, should, must, can);
 * - scare-quote: 1–4 words in quotation marks with no reporting verb nearby
 *   (see quotes.ts), e.g. the ‘threat from North Korea’.
 * Lexicon: data/lexicons/hedges.json (own, MIT).
 */
import { z } from 'zod';
import type { Doc, Finding } from '../../doc/types.js';
import { makeFinding } from '../../doc/span.js';
import { normalizeWord, tokenOffsets } from '../../text/index.js';
import { readDataJson } from '../loaded/lexicon.js';
import { tokenTypes, typeNorm, typeValues, type TypeValues } from '../loaded/vocab.js';
import type { Analyzer } from '../index.js';
import { byOutlet, per1000, wordCount } from './per-outlet.js';
import { findShortQuotes } from './quotes.js';

export { findShortQuotes, REPORTING_WORDS, type QuotedSpan } from './quotes.js';
export { outletOf, wordCount, per1000, byOutlet } from './per-outlet.js';

export const HEDGES_LAYER = 'hedges';
export const HEDGE_KINDS = ['hedge', 'booster', 'distance', 'modal', 'scare-quote'] as const;
export type HedgeKind = (typeof HEDGE_KINDS)[number];

export interface HedgeLexicon {
  name: string;
  source: string;
  licence: string;
  entries: { kind: Exclude<HedgeKind, 'scare-quote'>; w: string }[];
}

interface Cue {
  kind: HedgeKind;
  norms: string[];
  /** norms joined by spaces (the finding's `cue`) and the finding's rule, built once. */
  key: string;
  rule: string;
}

/** Cues indexed by first norm, longest first. */
export type CueIndex = Map<string, Cue[]>;

export function buildCueIndex(lexicon: HedgeLexicon): CueIndex {
  const index: CueIndex = new Map();
  for (const e of lexicon.entries) {
    for (const form of e.w.split('|')) {
      const norms = tokenOffsets(form).map((t) => normalizeWord(form.slice(t.start, t.end)));
      if (norms.length === 0) continue;
      const list = index.get(norms[0]!) ?? [];
      const key = norms.join(' ');
      if (!list.some((c) => c.key === key)) list.push({ kind: e.kind, norms, key, rule: `lexicon:${e.kind}` });
      index.set(norms[0]!, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.norms.length - a.norms.length || a.key.localeCompare(b.key));
  return index;
}

let shipped: CueIndex | null = null;
export function loadHedgeCues(): CueIndex {
  shipped ??= buildCueIndex(readDataJson<HedgeLexicon>('data/lexicons/hedges.json'));
  return shipped;
}

/** What a hedges finding carries in `data`. */
export interface HedgeData {
  kind: HedgeKind;
  /** The cue as normalized words ("appears to"), or the quoted words for a scare quote. */
  cue: string;
}

const JOINER = /^[\s\-\u2010-\u2015]*$/;

/** "May" the month: capitalized mid-sentence, or followed by a day number. */
function isMonthMay(doc: Pick<Doc, 'text' | 'tokens'>, i: number): boolean {
  const t = doc.tokens[i]!;
  if (t.norm !== 'may') return false;
  const next = doc.tokens[i + 1];
  if (next && next.kind === 'number') return true;
  const prev = doc.tokens[i - 1];
  return t.cap && !!prev && prev.sent === t.sent;
}

/** Cue list of each word type, by type id (vocab.ts): index + 1 into `cueLists`, −1 for none; for the cue index `owner`. */
let cuesOfType: TypeValues | null = null;
let cueLists: Cue[][] = [];

/** Hedge, booster, distance, modal and scare-quote findings, sorted by offset. */
export function detectHedges(doc: Doc, cues: CueIndex = loadHedgeCues()): Finding[] {
  const { tokens, text } = doc;
  const out: Finding[] = [];
  const quotes = findShortQuotes(doc).filter((q) => q.reportingWord === null);
  const types = tokenTypes(doc);
  const table = typeValues(cuesOfType, cues);
  // A new table (new cue index or vocabulary): the lists it pointed into go too.
  if (table !== cuesOfType) cueLists = [];
  cuesOfType = table;
  const listOf = table.values;
  for (let i = 0; i < tokens.length; ) {
    const id = types[i]!;
    let listIndex = listOf[id]!;
    if (listIndex === -2) {
      const found = cues.get(typeNorm(id));
      if (found) cueLists.push(found);
      listOf[id] = listIndex = found ? cueLists.length : -1;
    }
    if (listIndex < 0) {
      i++;
      continue;
    }
    const list = cueLists[listIndex - 1]!;
    let matched = 0;
    if (!isMonthMay(doc, i)) {
      for (const cue of list) {
        const n = cue.norms.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) ok = tokens[i + k]!.norm === cue.norms[k] && JOINER.test(text.slice(tokens[i + k - 1]!.end, tokens[i + k]!.start));
        if (!ok) continue;
        const start = tokens[i]!.start;
        const end = tokens[i + n - 1]!.end;
        // makeFinding's shape and key order, built directly (no spread per finding).
        out.push({ analyzer: HEDGES_LAYER, rule: cue.rule, start, end, text: text.slice(start, end), label: cue.kind, data: { kind: cue.kind, cue: cue.key } satisfies HedgeData });
        matched = n;
        break;
      }
    }
    i += matched || 1;
  }
  for (const q of quotes) {
    const data: HedgeData = { kind: 'scare-quote', cue: text.slice(q.innerStart, q.innerEnd) };
    out.push(makeFinding(doc, HEDGES_LAYER, 'scare-quote', q.start, q.end, { label: 'scare-quote', reason: 'short quotation with no reporting verb nearby', data: { ...data } }));
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end || (a.label! < b.label! ? -1 : a.label! > b.label! ? 1 : 0));
  return out;
}

export const hedgesAnalyzer: Analyzer = { name: HEDGES_LAYER, run: (doc) => detectHedges(doc) };

export const HedgeKindSchema = z.enum(HEDGE_KINDS);
export const HedgeDataSchema = z.object({ kind: HedgeKindSchema, cue: z.string() });

const KindCountSchema = z.object({ count: z.number().int(), rate: z.number() });
export const HedgeDocCountsSchema = z.object({
  doc: z.string(),
  words: z.number().int(),
  counts: z.record(HedgeKindSchema, KindCountSchema),
  spans: z.array(z.object({ kind: HedgeKindSchema, start: z.number().int(), end: z.number().int(), text: z.string() })),
});
export type HedgeDocCounts = z.infer<typeof HedgeDocCountsSchema>;

export const HedgeOutletSummarySchema = z.object({
  outlet: z.string(),
  docs: z.number().int(),
  words: z.number().int(),
  /** Count and rate per 1,000 words for each kind. */
  counts: z.record(HedgeKindSchema, KindCountSchema),
  /** Most frequent cues per kind with their first occurrences. */
  topCues: z.array(
    z.object({ kind: HedgeKindSchema, cue: z.string(), count: z.number().int(), evidence: z.array(z.object({ doc: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() })) }),
  ),
});
export type HedgeOutletSummary = z.infer<typeof HedgeOutletSummarySchema>;

function hedgeFindings(doc: Doc): Finding[] {
  return doc.layers[HEDGES_LAYER] ?? detectHedges(doc);
}

function emptyCounts(): Record<HedgeKind, { count: number; rate: number }> {
  return Object.fromEntries(HEDGE_KINDS.map((k) => [k, { count: 0, rate: 0 }])) as Record<HedgeKind, { count: number; rate: number }>;
}

/** Per-article counts by kind (rate per 1,000 words) with every span. */
export function countHedges(doc: Doc): HedgeDocCounts {
  const words = wordCount(doc);
  const counts = emptyCounts();
  const spans: HedgeDocCounts['spans'] = [];
  for (const f of hedgeFindings(doc)) {
    const kind = (f.data as unknown as HedgeData).kind;
    counts[kind].count++;
    spans.push({ kind, start: f.start, end: f.end, text: f.text });
  }
  for (const k of HEDGE_KINDS) counts[k].rate = per1000(counts[k].count, words);
  return { doc: doc.id, words, counts, spans };
}

/** Per-outlet totals and rates per 1,000 words, with the top cues (first 3 occurrences as evidence). */
export function summarizeHedges(docs: readonly Doc[], topN = 10): HedgeOutletSummary[] {
  return byOutlet(docs).map(([outlet, ds]) => {
    let words = 0;
    const counts = emptyCounts();
    const cues = new Map<string, HedgeOutletSummary['topCues'][number]>();
    for (const doc of ds) {
      words += wordCount(doc);
      for (const f of hedgeFindings(doc)) {
        const d = f.data as unknown as HedgeData;
        counts[d.kind].count++;
        const key = `${d.kind}\u0000${d.cue.toLowerCase()}`;
        let c = cues.get(key);
        if (!c) cues.set(key, (c = { kind: d.kind, cue: d.cue.toLowerCase(), count: 0, evidence: [] }));
        c.count++;
        if (c.evidence.length < 3) c.evidence.push({ doc: doc.id, start: f.start, end: f.end, text: f.text });
      }
    }
    for (const k of HEDGE_KINDS) counts[k].rate = per1000(counts[k].count, words);
    const topCues = [...cues.values()].sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.cue < b.cue ? -1 : a.cue > b.cue ? 1 : 0)).slice(0, topN);
    return { outlet, docs: ds.length, words, counts, topCues };
  });
}

/**
 * Loaded language and propaganda techniques (layer `loaded`): spans labeled
 * with a PTC technique, their evidence words and, for lexicon words, a
 * neutral alternative ("blasted" → "criticized", "regime" → "government").
 * Quality: `npm run eval -- spans` (SemEval-2020 Task 11 span F1, cross-validated by article).
 */
import { z } from 'zod';
import type { Doc, Finding } from '../../doc/types.js';
import type { Analyzer } from '../index.js';
import { byOutlet, per1000, wordCount } from '../hedges/per-outlet.js';
import { detectLoaded, LOADED_LAYER, type DetectOptions, type LoadedData, type LoadedResources } from './detect.js';
import { loadResources } from './resources.js';
import { TECHNIQUES, type Technique } from './techniques.js';

export { detectLoaded, LOADED_LAYER, DEFAULT_DETECT_OPTIONS, type DetectOptions, type LoadedData, type LoadedResources } from './detect.js';
export { TECHNIQUES, TECHNIQUE_CODES, isTechnique, type Technique } from './techniques.js';
export { buildPhraseIndex, matchPhrases, phraseNorms, type LexiconFile, type PhraseIndex, type PhraseEntry } from './lexicon.js';
export { trainLoadedModel, applyLoadedModel, decodeSpans, DEFAULT_TRAIN_OPTIONS, HEADS, type HeadName, type HeadInfo, type LoadedModel, type ModelHit, type TrainOptions, type TrainingExample, type LabeledSpan } from './model.js';
export { trainLogReg, predictLogReg, DEFAULT_LOGREG_OPTIONS, type LogRegOptions, type LogRegFit, type SparseDataset } from './logreg.js';
export { tokenFeatures } from './features.js';
export { scoreSpans, foldOf, type ScoredSpan, type SpanScore } from './score.js';
export { loadResources, loadLexicon } from './resources.js';

/** Builds the analyzer; resources default to the shipped lexicon and model (read lazily, once). */
export function createLoadedAnalyzer(resources?: LoadedResources, options?: DetectOptions): Analyzer {
  return { name: LOADED_LAYER, run: (doc) => detectLoaded(doc, resources ?? loadResources(), options) };
}

export const loadedAnalyzer: Analyzer = createLoadedAnalyzer();

export const TechniqueSchema = z.enum(TECHNIQUES);

/** `data` of a finding in layer `loaded`. */
export const LoadedDataSchema = z.object({
  technique: TechniqueSchema,
  words: z.array(z.string()),
  neutral: z.string().nullable(),
  source: z.string(),
  score: z.number().optional(),
  cues: z.array(z.string()).optional(),
  positive: z.number().int().optional(),
  total: z.number().int().optional(),
});

const EvidenceSchema = z.object({ doc: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() });

/** One loaded word/phrase with how often it occurs and a neutral alternative. */
export const LoadedTermSchema = z.object({
  term: z.string(),
  technique: TechniqueSchema,
  count: z.number().int(),
  neutral: z.string().nullable(),
  evidence: z.array(EvidenceSchema),
});

export const LoadedSummarySchema = z.object({
  outlet: z.string(),
  docs: z.number().int(),
  words: z.number().int(),
  spans: z.number().int(),
  /** Spans per 1,000 words. */
  rate: z.number(),
  byTechnique: z.record(z.string(), z.object({ count: z.number().int(), rate: z.number() })),
  topTerms: z.array(LoadedTermSchema),
});
export type LoadedSummary = z.infer<typeof LoadedSummarySchema>;
export type LoadedTerm = z.infer<typeof LoadedTermSchema>;

export const LoadedComparisonSchema = z.object({
  outlets: z.array(LoadedSummarySchema),
  /** Terms used by only one outlet among the compared ones (by lower-cased text). */
  exclusive: z.record(z.string(), z.array(z.string())),
});
export type LoadedComparison = z.infer<typeof LoadedComparisonSchema>;

function findingsOf(doc: Doc): Finding[] {
  return doc.layers[LOADED_LAYER] ?? detectLoaded(doc, loadResources());
}

/**
 * Loaded-language profile of a set of docs (one outlet): counts and rates
 * per 1,000 words by technique, and the most frequent terms with their first
 * three occurrences as evidence. Uses `doc.layers.loaded` when present.
 */
export function summarizeLoaded(docs: readonly Doc[], outlet: string, topN = 20): LoadedSummary {
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let words = 0;
  let spans = 0;
  const byTech = new Map<Technique, number>();
  const terms = new Map<string, LoadedTerm>();
  for (const doc of sorted) {
    words += wordCount(doc);
    for (const f of findingsOf(doc)) {
      const data = f.data as unknown as LoadedData;
      spans++;
      byTech.set(data.technique, (byTech.get(data.technique) ?? 0) + 1);
      const key = `${data.technique}\u0000${f.text.toLowerCase()}`;
      let t = terms.get(key);
      if (!t) terms.set(key, (t = { term: f.text.toLowerCase(), technique: data.technique, count: 0, neutral: data.neutral, evidence: [] }));
      t.count++;
      if (t.evidence.length < 3) t.evidence.push({ doc: doc.id, start: f.start, end: f.end, text: f.text });
    }
  }
  const byTechnique: LoadedSummary['byTechnique'] = {};
  for (const tech of TECHNIQUES) {
    const c = byTech.get(tech) ?? 0;
    if (c > 0) byTechnique[tech] = { count: c, rate: per1000(c, words) };
  }
  const topTerms = [...terms.values()].sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0) || (a.technique < b.technique ? -1 : 1)).slice(0, topN);
  return { outlet, docs: sorted.length, words, spans, rate: per1000(spans, words), byTechnique, topTerms };
}

/** Per-outlet loaded-language profiles, and the terms only one outlet used. */
export function compareLoaded(docs: readonly Doc[], topN = 20): LoadedComparison {
  const outlets = byOutlet(docs).map(([outlet, ds]) => summarizeLoaded(ds, outlet, Number.MAX_SAFE_INTEGER));
  const usedBy = new Map<string, Set<string>>();
  for (const o of outlets) for (const t of o.topTerms) (usedBy.get(t.term) ?? usedBy.set(t.term, new Set()).get(t.term)!).add(o.outlet);
  const exclusive: Record<string, string[]> = {};
  for (const o of outlets) exclusive[o.outlet] = [...new Set(o.topTerms.filter((t) => usedBy.get(t.term)!.size === 1).map((t) => t.term))].slice(0, topN);
  for (const o of outlets) o.topTerms = o.topTerms.slice(0, topN);
  return { outlets, exclusive };
}

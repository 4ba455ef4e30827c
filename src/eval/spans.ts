/**
 * `npm run eval -- spans [file]`: loaded-language / propaganda-technique spans
 * against the Propaganda Techniques Corpus slice (ptc-spans.jsonl) and BASIL's
 * lexical-bias spans (basil-spans.jsonl, `bias:"lex"` as one class).
 *
 * Scoring: SemEval-2020 Task 11 span scoring (Da San Martino et al. 2020):
 * with C(s, t, h) = |s ∩ t| · δ(l(s), l(t)) / h,
 *   P = (1/|S|) Σ_{s,t} C(s, t, |s|),  R = (1/|T|) Σ_{s,t} C(s, t, |t|),  F1 harmonic mean.
 *
 * The tagger is never scored on articles it was trained on: each dataset is
 * split into K folds by article id (FNV-1a hash), and fold k is scored with a
 * model trained inside this run on the other folds of the same dataset (its
 * thresholds chosen by inner CV on those folds only). The shipped model
 * (data/models/) is not used here.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Doc } from '../doc/types.js';
import { identityMap } from '../doc/offsets.js';
import { emptyMeta } from '../doc/meta.js';
import { analyzeText } from '../text/index.js';
import { detectLoaded, type DetectOptions, type LoadedResources } from '../frames/loaded/detect.js';
import { loadLexicon } from '../frames/loaded/resources.js';
import { DEFAULT_TRAIN_OPTIONS, trainLoadedModel, type LabeledSpan, type LoadedModel, type TrainingExample } from '../frames/loaded/model.js';
import { foldOf, scoreSpans, type ScoredSpan, type SpanScore } from '../frames/loaded/score.js';
import { TECHNIQUES } from '../frames/loaded/techniques.js';

export { foldOf, scoreSpans, type ScoredSpan, type SpanScore } from '../frames/loaded/score.js';

/** A Doc straight from text (no cleaning), so gold offsets stay valid. */
export function docFromText(id: string, text: string): Doc {
  return {
    id,
    source: { file: '<eval>', line: null, format: 'txt' },
    original: text,
    text,
    map: identityMap(text),
    removed: [],
    ...analyzeText(text, 'en'),
    language: 'en',
    meta: emptyMeta(),
    extra: {},
    layers: {},
    diagnostics: [],
  };
}

export interface Dataset {
  name: 'ptc' | 'basil';
  examples: TrainingExample[];
}

/** BASIL lexical-bias spans are learned as Loaded_Language and scored as one class. */
const BASIL_LABEL = 'Loaded_Language';

export function readDataset(file: string): Dataset {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const recs = lines.map((l) => JSON.parse(l) as { id: string; text: string; spans: { start: number; end: number; technique?: string; bias?: string }[] });
  const isBasil = recs.some((r) => r.spans.some((s) => s.bias !== undefined));
  const examples = recs.map((r): TrainingExample => {
    const spans: LabeledSpan[] = [];
    for (const s of r.spans) {
      if (isBasil) {
        if (s.bias === 'lex') spans.push({ start: s.start, end: s.end, label: BASIL_LABEL });
      } else if (s.technique) spans.push({ start: s.start, end: s.end, label: s.technique });
    }
    return { id: String(r.id), doc: docFromText(String(r.id), r.text), spans, corpus: isBasil ? 'basil' : 'ptc' };
  });
  return { name: isBasil ? 'basil' : 'ptc', examples };
}

export const K_FOLDS = 5;

/** One model per held-out fold, trained on the dataset's other folds (shared by the configurations). */
function foldModels(ds: Dataset, lexicon: LoadedResources['phrases']): LoadedModel[] {
  const models: LoadedModel[] = [];
  for (let k = 0; k < K_FOLDS; k++) models.push(trainLoadedModel(ds.examples.filter((e) => foldOf(e.id, K_FOLDS) !== k), DEFAULT_TRAIN_OPTIONS, lexicon));
  return models;
}

function predictAll(ds: Dataset, models: readonly LoadedModel[], lexicon: LoadedResources['phrases'], options: DetectOptions): Map<string, ScoredSpan[]> {
  const pred = new Map<string, ScoredSpan[]>();
  for (const e of ds.examples) {
    const model = options.model ? models[foldOf(e.id, K_FOLDS)]! : null;
    const found = detectLoaded(e.doc as Doc, { phrases: lexicon, model }, { ...options, scheme: ds.name });
    pred.set(e.id, found.map((f) => ({ start: f.start, end: f.end, label: ds.name === 'basil' ? BASIL_LABEL : f.label ?? '' })));
  }
  return pred;
}

function goldOf(ds: Dataset): Map<string, ScoredSpan[]> {
  return new Map(ds.examples.map((e) => [e.id, [...e.spans]]));
}

const f3 = (x: number): string => x.toFixed(3);
const LLNC = ['Loaded_Language', 'Name_Calling,Labeling'];

export interface CrossValidation {
  /** dataset → configuration → row → score. */
  figures: Record<string, Record<string, Record<string, SpanScore>>>;
  /** Models of the last dataset's folds (for timing). */
  models: Map<string, LoadedModel[]>;
}

const CONFIGS: { name: string; options: DetectOptions }[] = [
  { name: 'lexicon+patterns only', options: { lexicon: true, patterns: true, model: false } },
  { name: 'model only (5-fold CV)', options: { lexicon: false, patterns: false, model: true } },
  { name: 'both: lexicon+patterns+model (5-fold CV)', options: { lexicon: true, patterns: true, model: true } },
];

/** Cross-validated figures of every configuration on every dataset. */
export function crossValidate(datasets: readonly Dataset[], log: (line: string) => void = () => {}): CrossValidation {
  const lexicon = loadLexicon();
  const figures: CrossValidation['figures'] = {};
  const models = new Map<string, LoadedModel[]>();
  for (const ds of datasets) {
    const gold = goldOf(ds);
    const t0 = performance.now();
    const fm = foldModels(ds, lexicon);
    models.set(ds.name, fm);
    log(`\n== ${ds.name} (${ds.examples.length} articles, ${[...gold.values()].reduce((a, b) => a + b.length, 0)} gold spans; ${K_FOLDS} fold models trained in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    const dsFig: Record<string, Record<string, SpanScore>> = {};
    for (const c of CONFIGS) {
      const pred = predictAll(ds, fm, lexicon, c.options);
      const rows: [string, SpanScore][] = [];
      if (ds.name === 'ptc') {
        for (const t of TECHNIQUES) rows.push([t, scoreSpans(pred, gold, [t])]);
        rows.push(['LL+NC (one class)', scoreSpans(pred, gold, LLNC, (l) => (LLNC.includes(l) ? 'LLNC' : l))]);
        rows.push(['LL+NC (labels must match)', scoreSpans(pred, gold, LLNC)]);
        rows.push(['our 6 techniques', scoreSpans(pred, gold, TECHNIQUES)]);
        rows.push(['overall (all 14 gold techniques)', scoreSpans(pred, gold)]);
      } else {
        rows.push(['BASIL lex (one class)', scoreSpans(pred, gold)]);
      }
      log(`-- ${c.name}\n${'label'.padEnd(34)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'#pred'.padStart(6)} ${'#gold'.padStart(6)}`);
      for (const [name, s] of rows) log(`${name.padEnd(34)} ${f3(s.precision).padStart(6)} ${f3(s.recall).padStart(6)} ${f3(s.f1).padStart(6)} ${String(s.predicted).padStart(6)} ${String(s.gold).padStart(6)}`);
      dsFig[c.name] = Object.fromEntries(rows);
    }
    figures[ds.name] = dsFig;
  }
  return { figures, models };
}

export function roundFigures(figures: CrossValidation['figures']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [ds, configs] of Object.entries(figures)) {
    const d: Record<string, unknown> = {};
    for (const [c, rows] of Object.entries(configs)) d[c] = Object.fromEntries(Object.entries(rows).map(([n, s]) => [n, { p: +f3(s.precision), r: +f3(s.recall), f1: +f3(s.f1), pred: s.predicted, gold: s.gold }]));
    out[ds] = d;
  }
  return out;
}

export async function run(file: string | undefined): Promise<void> {
  const files = file ? [file] : ['../shared/eval/ptc-spans.jsonl', '../shared/eval/basil-spans.jsonl'];
  const datasets = files.map(readDataset);
  const { figures, models } = crossValidate(datasets, (line) => process.stdout.write(`${line}\n`));
  const json: Record<string, unknown> = { metric: 'semeval2020-task11-span', folds: K_FOLDS, ...roundFigures(figures) };
  // Run time of the full analyzer (lexicon + patterns + a fold model), per article and per 800 words.
  const lexicon = loadLexicon();
  const timing: Record<string, unknown> = {};
  for (const ds of datasets) {
    const res: LoadedResources = { phrases: lexicon, model: models.get(ds.name)![0]! };
    const fresh = ds.examples.map((e) => docFromText(e.id, e.doc.text));
    let words = 0;
    for (const d of fresh) words += d.tokens.length;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    // Fresh docs: the feature cache is cold, as in the pipeline.
    for (const d of fresh) detectLoaded(d, res, { lexicon: true, patterns: true, model: true, scheme: ds.name });
    const c1 = process.cpuUsage(c0);
    const ms = (performance.now() - t0) / fresh.length;
    // CPU time is the fairer figure on a shared machine; wall time is printed too.
    const cpu = (c1.user + c1.system) / 1000 / fresh.length;
    const per800 = cpu * (800 / (words / fresh.length));
    process.stdout.write(`\nrun time ${ds.name} (detectLoaded only, Doc already built, cold features): ${cpu.toFixed(3)} ms CPU/article (${ms.toFixed(3)} ms wall), ${per800.toFixed(3)} ms CPU per 800 words\n`);
    timing[ds.name] = { cpuMsPerArticle: +cpu.toFixed(3), wallMsPerArticle: +ms.toFixed(3), cpuMsPer800Words: +per800.toFixed(3) };
  }
  json.runtime = timing;
  process.stdout.write(`${JSON.stringify(json)}\n`);
}

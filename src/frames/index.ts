/**
 * The frames stage: per-article analyzers that add positioned findings to
 * `doc.layers`, and per-outlet profiles compared within events and stories.
 * This file is the single list of analyzers (no import-time registration).
 */
import type { Doc, Finding } from '../doc/types.js';
import { mentionsAnalyzer } from './naming/index.js';
import { quotesAnalyzer } from './sources/index.js';
import { toneAnalyzer } from './tone/index.js';
import { claimsAnalyzer } from './claims/index.js';
import { loadedAnalyzer } from './loaded/index.js';
import { hedgesAnalyzer } from './hedges/index.js';
import { framesAnalyzer } from './policy/index.js';

export interface Analyzer {
  /** Layer name in doc.layers. */
  name: string;
  /** Layers this analyzer reads (must run earlier in the list). */
  requires?: readonly string[];
  run(doc: Doc): Finding[];
}

/** Every per-article analyzer, in run order (an analyzer's `requires` must come earlier). */
export const analyzers: readonly Analyzer[] = [
  mentionsAnalyzer,
  quotesAnalyzer,
  toneAnalyzer,
  claimsAnalyzer,
  loadedAnalyzer,
  hedgesAnalyzer,
  framesAnalyzer,
];

/** Checks that each analyzer's required layers are produced earlier in the list (spaCy's pipe analysis). */
export function checkAnalyzerOrder(list: readonly Analyzer[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const a of list) {
    for (const r of a.requires ?? []) if (!seen.has(r)) problems.push(`${a.name} requires '${r}', which no earlier analyzer provides`);
    seen.add(a.name);
  }
  return problems;
}

/** Runs every analyzer in order; a throwing analyzer leaves a diagnostic, not a crash. */
export function analyzeDoc(doc: Doc, list: readonly Analyzer[] = analyzers): void {
  for (const a of list) {
    try {
      doc.layers[a.name] = a.run(doc);
    } catch (err) {
      doc.layers[a.name] = [];
      doc.diagnostics.push({ severity: 'error', code: 'E_ANALYZE', message: `${a.name}: ${(err as Error).message}` });
    }
  }
}

/**
 * The frames stage: per-article analyzers that add positioned findings to
 * `doc.layers`, and per-outlet profiles compared within events and stories.
 * This file is the single list of analyzers (no import-time registration).
 */
import type { Doc, Finding } from '../doc/types.js';

export interface Analyzer {
  /** Layer name in doc.layers. */
  name: string;
  /** Layers this analyzer reads (must run earlier in the list). */
  requires?: readonly string[];
  run(doc: Doc): Finding[];
}

export const analyzers: readonly Analyzer[] = [];

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

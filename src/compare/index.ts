/** The compare stage: wording overlap, aligned passages, direction of reuse. CONTRACT STUB. */
import { z } from 'zod';
import type { Doc } from '../doc/types.js';

/** Corpus-wide counts (shingle document frequencies) used to down-weight stock phrases. */
export interface CorpusStats {
  docCount: number;
}

export const WordingSchema = z.object({ similarity: z.number() }).loose();
export type Wording = z.infer<typeof WordingSchema>;

export interface CompareOptions {
  minPassageWords: number;
}

export function corpusStats(_docs: readonly Doc[]): CorpusStats {
  throw new Error('not implemented');
}

export function compareWording(_a: Doc, _b: Doc, _stats: CorpusStats, _options: Partial<CompareOptions> = {}): Wording {
  throw new Error('not implemented');
}

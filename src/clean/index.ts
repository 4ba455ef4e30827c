/** The clean stage: strips site chrome from the original, keeping every story sentence. CONTRACT STUB. */
import type { Format, OffsetMap, Removal } from '../doc/types.js';

export interface CleanResult {
  /** Kept blocks joined by "\n\n" (see doc/offsets composeText). */
  text: string;
  map: OffsetMap;
  removed: Removal[];
}

export interface CleanOptions {
  format?: Format;
}

export function cleanText(_original: string, _options: CleanOptions = {}): CleanResult {
  throw new Error('not implemented');
}

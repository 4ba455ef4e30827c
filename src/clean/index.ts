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

// Placeholder until the cleaning rules land: keeps the text whole.
export function cleanText(original: string, _options: CleanOptions = {}): CleanResult {
  return { text: original, map: original.length ? [{ clean: 0, orig: 0, length: original.length }] : [], removed: [] };
}

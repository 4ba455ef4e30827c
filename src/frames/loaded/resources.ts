/** The shipped lexicon and model, read once from data/ on first use. */
import { buildPhraseIndex, readDataJson, type LexiconFile, type PhraseIndex } from './lexicon.js';
import type { LoadedModel } from './model.js';
import type { LoadedResources } from './detect.js';

export const LEXICON_FILES = ['data/lexicons/loaded-words.json'] as const;
export const MODEL_FILE = 'data/models/loaded-tagger.json';

let lexicon: PhraseIndex | null = null;
let resources: LoadedResources | null = null;

export function loadLexicon(): PhraseIndex {
  lexicon ??= buildPhraseIndex(LEXICON_FILES.map((f) => readDataJson<LexiconFile>(f)));
  return lexicon;
}

/** Lexicon plus the trained model (null when data/models/ has none yet). */
export function loadResources(): LoadedResources {
  if (!resources) {
    let model: LoadedModel | null = null;
    try {
      const read = readDataJson<LoadedModel>(MODEL_FILE);
      // An older or foreign model file is ignored rather than misread.
      model = read.kind === 'framelens-loaded-tagger' && read.version === 2 ? read : null;
    } catch {
      model = null;
    }
    resources = { phrases: loadLexicon(), model };
  }
  return resources;
}

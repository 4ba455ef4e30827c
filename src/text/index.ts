/** The text stage: paragraphs, sentences, tokens with normalized and stemmed forms. */
import type { Span, Token } from '../doc/types.js';
import { sentencesInto, splitParagraphs } from './sentences.js';
import { tokenize } from './tokenize.js';

export { splitParagraphs, splitSentences } from './sentences.js';
export { tokenize, tokenOffsets, stopwordFlags, tokenForms, type TokenForms, formMemo, forEachTokenForm, contentStemIds, offerComposedTokens, type RawToken, type RangeScan, type ContentStems } from './tokenize.js';
export { normalizeWord, foldPunctuation } from './normalize.js';
export { stemWord } from './stem.js';
export { detectLanguage } from './language.js';
export { englishStopwords, distance } from './natural.js';
export { isStopword } from './stopwords.js';
export { isSpaceUnit, flagsAt, flagsOfCodePoint, unitsAt, LETTER, UPPER, NUMBER } from './chars.js';

export interface TextLayers {
  paragraphs: Span[];
  sentences: Span[];
  tokens: Token[];
}

/** Paragraphs, then sentences inside each paragraph, then tokens tagged with their sentence. */
export function analyzeText(text: string, language: string): TextLayers {
  const paragraphs = splitParagraphs(text);
  const sentences: Span[] = [];
  // In place: the same spans as splitSentences of each paragraph's slice.
  for (const p of paragraphs) sentencesInto(text, p.start, p.end, language, sentences);
  const tokens = tokenize(text, sentences, language);
  return { paragraphs, sentences, tokens };
}

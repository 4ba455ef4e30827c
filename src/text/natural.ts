/**
 * The one adapter for `natural`. Deep imports only: the package's top-level
 * entry reads `.env`, prints to stdout and crashes under plain `node` (see
 * shared/notes/npm.md), so nothing else in framelens imports `natural` directly.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Stemmer {
  stem(word: string): string;
}

export const porterEn: Stemmer = require('natural/lib/natural/stemmers/porter_stemmer.js');
export const porterRu: Stemmer = require('natural/lib/natural/stemmers/porter_stemmer_ru.js');
export const porterUk: Stemmer = require('natural/lib/natural/stemmers/porter_stemmer_uk.js');
export const englishStopwords: readonly string[] = require('natural/lib/natural/util/stopwords.js').words;

interface NaturalDistance {
  JaroWinklerDistance(a: string, b: string, options?: { ignoreCase?: boolean }): number;
  LevenshteinDistance(a: string, b: string): number;
  DiceCoefficient(a: string, b: string): number;
}
export const distance: NaturalDistance = require('natural/lib/natural/distance/index.js');


/**
 * Pattern's English adjective lexicon shipped inside `natural` (De Smedt & Daelemans 2012,
 * CLiPS Pattern, BSD-3), read lazily on first use: polarity −1…1, subjectivity 0…1,
 * intensity per word form. (natural's ML-SentiCon lexicon is deliberately not exposed:
 * its licence is unclear, so framelens ships no score derived from it.)
 */
export interface PatternSentimentEntry {
  polarity: string;
  subjectivity: string;
  intensity: string;
}
let patternEn: Readonly<Record<string, PatternSentimentEntry>> | null = null;
export function patternSentimentEn(): Readonly<Record<string, PatternSentimentEntry>> {
  patternEn ??= require('natural/lib/natural/sentiment/English/pattern-sentiment-en.json') as Record<string, PatternSentimentEntry>;
  return patternEn;
}

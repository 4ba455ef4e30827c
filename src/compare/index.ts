/** The compare stage: wording overlap, aligned passages, direction of reuse, common sources, corpus-wide reuse, overall similarity. */
export { type CorpusStats, type StatsOptions, defaultStatsOptions, emptyStats, addToStats, addHashesToStats, statsHashes, mergeStats, corpusStats, idf, statsToJSON, statsFromJSON, Int32Counts } from './stats.js';
export { type CompareOptions, defaultCompareOptions, compareWording, hasSharedPassage, passageFindings, reuseDirection, tfidfCosine } from './wording.js';
export { type AlignOptions, stockDf } from './align.js';
export { PassageSchema, ScoreSchema, DerivationSchema, DirectionSchema, WordingSchema, SpanSchema, type Passage, type Score, type Derivation, type Direction, type Wording } from './schema.js';
export { similarity, similarityScore, SIMILARITY_WEIGHTS, type SimilarityResult, type SimilarityComponents, type SimilarityEvidence } from './similarity.js';
export { quoteSpans } from './quotes.js';
export { commonSources, CommonSourceSchema, defaultCommonSourceOptions, type CommonSource, type CommonSourceOptions } from './sources.js';
export { findReuse, reuseSummary, ReuseClusterSchema, type ReuseCluster, type ReuseOptions, type ReuseInput, type ReuseRunStats, type ReuseSummary, defaultReuseOptions } from './reuse.js';

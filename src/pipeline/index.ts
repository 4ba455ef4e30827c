export { analyze, analyzeRecord, finishAnalysis, type Analysis, type AnalyzeRequest, type AnalyzeHooks } from './analyze.js';
export { buildDoc, recordFromText } from './build-doc.js';
export { AnalyzeOptionsSchema, type AnalyzeOptions, type AnalyzeOptionsInput } from './options.js';
export type { PairComparison, EventComparison, StoryComparison } from './compare.js';
export { streamDocs, groupInputs, reuseInputs, readPins, type StreamRequest } from './streams.js';
export { analyzeToDir, finishRun, type RunRequest, type RunSettings, type RunResult, type RunProgress, type RunPhase, type RunTimings } from './run.js';
export { progressBar, type ProgressBar } from './progress.js';
export { countRecurring, countRecurringCached, type CountRequest } from './recurring.js';

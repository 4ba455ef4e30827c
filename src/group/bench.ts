/**
 * Throughput and memory of event grouping (the reusable part of `npm run bench`).
 *
 * Docs are built by a cheaper path than `buildDoc` (no cleaning, paragraphs as
 * sentences, given metadata only): the bench measures grouping, and the full
 * per-article stages run in worker threads in the real pipeline anyway.
 */
import type { Doc, RawRecord } from '../doc/types.js';
import { emptyMeta } from '../doc/meta.js';
import { identityMap } from '../doc/offsets.js';
import { splitParagraphs, tokenize } from '../text/index.js';
import { extractFeatures, type ArticleFeatures } from './features.js';
import { groupWithDiagnostics } from './group.js';

export interface GroupBench {
  articles: number;
  events: number;
  stories: number;
  /** Feature extraction + grouping, milliseconds. */
  ms: number;
  featuresMs: number;
  groupMs: number;
  /** CPU time (user + system) of the same phases: the figure to trust on a loaded machine. */
  featuresCpuMs: number;
  groupCpuMs: number;
  candidatePairs: number;
  /** Peak resident set size of the process so far (getrusage maxrss). */
  peakRssMb: number;
}

/** A Doc with tokens and given metadata only: the cheap path for benchmarks. */
export function quickDoc(record: RawRecord): Doc {
  const text = record.text;
  const paragraphs = splitParagraphs(text);
  const meta = emptyMeta();
  if (record.given.outlet) meta.outlet = { value: record.given.outlet, source: 'given' };
  if (record.given.published) meta.published = { value: record.given.published, source: 'given' };
  if (record.given.title) meta.title = { value: record.given.title, source: 'given' };
  return {
    id: record.id,
    source: record.source,
    original: text,
    text,
    map: identityMap(text),
    removed: [],
    paragraphs,
    sentences: paragraphs,
    tokens: tokenize(text, paragraphs, 'en'),
    language: 'en',
    meta,
    extra: {},
    layers: {},
    diagnostics: [],
  };
}

/** Extracts features from the first `limit` records and groups them; times both. */
export async function benchGroup(records: AsyncIterable<RawRecord>, limit: number): Promise<GroupBench> {
  const feats: ArticleFeatures[] = [];
  let featuresMs = 0;
  let featuresCpuMs = 0;
  for await (const r of records) {
    if (feats.length >= limit) break;
    const doc = quickDoc(r);
    const t = performance.now();
    const c = process.cpuUsage();
    feats.push(extractFeatures(doc));
    featuresMs += performance.now() - t;
    featuresCpuMs += cpuMs(process.cpuUsage(c));
  }
  const t = performance.now();
  const c = process.cpuUsage();
  const { grouping, candidates } = groupWithDiagnostics(feats);
  const groupMs = performance.now() - t;
  const groupCpuMs = cpuMs(process.cpuUsage(c));
  return {
    articles: feats.length,
    events: grouping.events.length,
    stories: grouping.stories.length,
    ms: Math.round(featuresMs + groupMs),
    featuresMs: Math.round(featuresMs),
    groupMs: Math.round(groupMs),
    featuresCpuMs: Math.round(featuresCpuMs),
    groupCpuMs: Math.round(groupCpuMs),
    candidatePairs: candidates.length,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}

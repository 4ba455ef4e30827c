/**
 * Per-article cost of each stage on the first N records of a corpus, measured
 * one stage at a time in one thread (`npm run bench -- --profile`): the figures
 * behind the choices in the worker pipeline (which stages are cheap enough to
 * run on every article, which only where they are needed).
 */
import type { Doc, RawRecord } from '../doc/types.js';
import { readInputs } from '../ingest/index.js';
import { cleanText } from '../clean/index.js';
import { resolveMeta } from '../meta/index.js';
import { analyzeText, detectLanguage } from '../text/index.js';
import { analyzers } from '../frames/index.js';
import { extractFeatures, groupArticles } from '../group/index.js';
import { addToStats, emptyStats } from '../compare/index.js';

export interface StageCost {
  stage: string;
  /** Total CPU milliseconds over the sample. */
  ms: number;
  /** Microseconds per article. */
  usPerArticle: number;
}

async function firstRecords(input: string, n: number, skip: number): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  let seen = 0;
  for await (const item of readInputs([input], {})) {
    if (item.kind === 'record' && seen++ >= skip) out.push(item.record);
    if (out.length >= n) break;
  }
  return out;
}

/** Times ingest, clean, meta, text, each analyzer, features, stats and grouping over `n` records after the first `skip`. */
export async function stageCosts(input: string, n: number, skip = 0): Promise<StageCost[]> {
  const times = new Map<string, number>();
  // CPU time, not wall time: figures stay meaningful on a machine shared with other work.
  const cpuMs = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const time = <T>(stage: string, f: () => T): T => {
    const t = cpuMs();
    const r = f();
    times.set(stage, (times.get(stage) ?? 0) + cpuMs() - t);
    return r;
  };
  const t0 = cpuMs();
  const records = await firstRecords(input, n, skip);
  times.set('ingest', cpuMs() - t0);
  const docs: Doc[] = [];
  const stats = emptyStats();
  for (const record of records) {
    const clean = time('clean', () => cleanText(record.text, { format: record.source.format }));
    const meta = time('meta', () => resolveMeta(record, clean));
    const lang = (meta.language.value ?? time('language', () => detectLanguage(clean.text))).toLowerCase().slice(0, 2);
    const layers = time('text', () => analyzeText(clean.text, lang));
    const doc: Doc = { id: record.id, source: record.source, original: record.text, text: clean.text, map: clean.map, removed: clean.removed, ...layers, language: lang, meta, extra: {}, layers: {}, diagnostics: [] };
    for (const a of analyzers) {
      doc.layers[a.name] = time(`frames:${a.name}`, () => {
        try {
          return a.run(doc);
        } catch {
          // analyzeDoc records a diagnostic; the cost of the failed run still counts.
          return [];
        }
      });
    }
    docs.push(doc);
  }
  const feats = docs.map((d) => time('features', () => extractFeatures(d)));
  for (const d of docs) time('stats', () => addToStats(stats, d));
  time('group', () => groupArticles(feats));
  return [...times].map(([stage, ms]) => ({ stage, ms: Math.round(ms), usPerArticle: Math.round((ms * 1000) / records.length) }));
}

/**
 * `npm run eval -- events [file]`: event (and story) grouping against gold
 * clusters (default ../shared/eval/events.jsonl). Docs are built exactly as
 * `framelens analyze` builds them; the gold `cluster` is read only to score.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { buildDoc, recordFromText } from '../pipeline/build-doc.js';
import { extractFeatures, groupWithDiagnostics, defaultGroupOptions, type ArticleFeatures, type GroupOptions } from '../group/index.js';
import { fnv1a } from '../group/features.js';

interface GoldRecord {
  id: string;
  outlet?: string | null;
  url?: string | null;
  title?: string | null;
  published?: string | null;
  text: string;
  cluster: string;
}

export interface Scores {
  bcubedP: number;
  bcubedR: number;
  bcubedF1: number;
  pairP: number;
  pairR: number;
  pairF1: number;
  articles: number;
}

const REPO_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** BCubed (Bagga & Baldwin 1998; Amigó et al. 2009) and pairwise precision/recall/F1 of `pred` against `gold`, over the listed ids. */
export function scoreClustering(ids: readonly string[], pred: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): Scores {
  const count = (key: (id: string) => string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const id of ids) m.set(key(id), (m.get(key(id)) ?? 0) + 1);
    return m;
  };
  const p = (id: string): string => pred.get(id)!;
  const g = (id: string): string => gold.get(id)!;
  const both = count((id) => `${p(id)}\u0000${g(id)}`);
  const predSize = count(p);
  const goldSize = count(g);
  let bp = 0;
  let br = 0;
  for (const id of ids) {
    const inter = both.get(`${p(id)}\u0000${g(id)}`)!;
    bp += inter / predSize.get(p(id))!;
    br += inter / goldSize.get(g(id))!;
  }
  bp /= ids.length || 1;
  br /= ids.length || 1;
  const pairs = (m: Map<string, number>): number => [...m.values()].reduce((s, c) => s + (c * (c - 1)) / 2, 0);
  const tp = pairs(both);
  const pp = tp / (pairs(predSize) || 1);
  const pr = tp / (pairs(goldSize) || 1);
  const f = (a: number, b: number): number => (a + b ? (2 * a * b) / (a + b) : 0);
  return { bcubedP: bp, bcubedR: br, bcubedF1: f(bp, br), pairP: pp, pairR: pr, pairF1: f(pp, pr), articles: ids.length };
}

function part(id: string): string {
  return id.slice(0, id.indexOf('/')) || 'other';
}

/** ECB+ topic of a gold cluster (`ecbplus/12ecbplus` → `ecbplus/12`): the gold story, used only for scoring. */
function goldStory(cluster: string): string | null {
  const m = /^(ecbplus\/\d+)ecb(?:plus)?$/.exec(cluster);
  return m ? m[1]! : null;
}

export function readGold(file: string): GoldRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldRecord);
}

export function featuresOf(records: readonly GoldRecord[]): ArticleFeatures[] {
  return records.map((r) => {
    const given: Record<string, string> = {};
    for (const k of ['outlet', 'title', 'published', 'url'] as const) {
      const v = r[k];
      if (typeof v === 'string' && v) given[k] = v;
    }
    return extractFeatures(buildDoc(recordFromText(r.id, r.text, given)));
  });
}

interface Run {
  events: Scores;
  parts: Record<string, Scores>;
  stories: Scores | null;
  blockingRecall: number;
  candidatePairs: number;
  goldPairs: number;
}

export function evaluate(records: readonly GoldRecord[], feats: readonly ArticleFeatures[], options: Partial<GroupOptions> = {}): Run {
  const { grouping, candidates, order, duplicateOf } = groupWithDiagnostics(feats, options);
  const gold = new Map(records.map((r) => [r.id, r.cluster]));
  const predEvent = new Map(grouping.articles.map((a) => [a.id, a.event]));
  const predStory = new Map(grouping.articles.map((a) => [a.id, a.story]));
  const ids = records.map((r) => r.id);
  const parts: Record<string, Scores> = {};
  for (const p of [...new Set(ids.map(part))].sort()) parts[p] = scoreClustering(ids.filter((id) => part(id) === p), predEvent, gold);
  const storyIds = records.filter((r) => goldStory(r.cluster)).map((r) => r.id);
  const goldStories = new Map(records.map((r) => [r.id, goldStory(r.cluster) ?? r.cluster]));
  const cand = new Set(candidates.map(([a, b]) => `${order[a]}\u0000${order[b]}`));
  // Exact duplicates are one unit: candidates of each other, and of their unit's candidates.
  const unitIndex = new Map(order.map((id, i) => [id, duplicateOf[i]!]));
  const isCandidate = (x: string, y: string): boolean => {
    const a = unitIndex.get(x)!;
    const b = unitIndex.get(y)!;
    return a === b || cand.has(`${order[Math.min(a, b)]}\u0000${order[Math.max(a, b)]}`);
  };
  let goldPairs = 0;
  let found = 0;
  const byCluster = new Map<string, string[]>();
  for (const r of records) byCluster.set(r.cluster, [...(byCluster.get(r.cluster) ?? []), r.id]);
  for (const m of byCluster.values()) {
    const s = [...m].sort();
    for (let i = 0; i < s.length; i++)
      for (let j = i + 1; j < s.length; j++) {
        goldPairs++;
        if (isCandidate(s[i]!, s[j]!)) found++;
      }
  }
  return {
    events: scoreClustering(ids, predEvent, gold),
    parts,
    stories: storyIds.length ? scoreClustering(storyIds, predStory, goldStories) : null,
    blockingRecall: goldPairs ? found / goldPairs : 1,
    candidatePairs: candidates.length,
    goldPairs,
  };
}

const fmt = (x: number): string => x.toFixed(3);

function row(name: string, s: Scores): string {
  return `${name.padEnd(22)} ${String(s.articles).padStart(5)}  ${fmt(s.bcubedP)}  ${fmt(s.bcubedR)}  ${fmt(s.bcubedF1)}   ${fmt(s.pairP)}  ${fmt(s.pairR)}  ${fmt(s.pairF1)}`;
}

/**
 * Leave-half-out: gold events split in two by a hash of their id; on each half
 * the event threshold is chosen from a grid, then scored on the other half
 * (grouped alone), so the figure is not tuned on the articles it reports.
 */
export function crossCheck(records: readonly GoldRecord[], feats: readonly ArticleFeatures[]): Array<{ tunedOn: string; threshold: number; tunedF1: number; heldOutF1: number; heldOutDefaultF1: number }> {
  const half = (r: GoldRecord): string => (fnv1a(r.cluster) % 2 === 0 ? 'A' : 'B');
  const grid = Array.from({ length: 13 }, (_, i) => 0.04 + i * 0.01);
  const subset = (h: string): [GoldRecord[], ArticleFeatures[]] => {
    const idx = records.map((r, i) => [r, i] as const).filter(([r]) => half(r) === h);
    return [idx.map(([r]) => r), idx.map(([, i]) => feats[i]!)];
  };
  const out = [];
  for (const [tune, test] of [
    ['A', 'B'],
    ['B', 'A'],
  ] as const) {
    const [tr, tf] = subset(tune);
    const [er, ef] = subset(test);
    let best = { t: defaultGroupOptions.eventThreshold, f: -1 };
    for (const t of grid) {
      const f = evaluate(tr, tf, { eventThreshold: t }).events.bcubedF1;
      if (f > best.f + 1e-9) best = { t, f };
    }
    out.push({
      tunedOn: `${tune} (${tr.length} articles)`,
      threshold: Math.round(best.t * 100) / 100,
      tunedF1: best.f,
      heldOutF1: evaluate(er, ef, { eventThreshold: best.t }).events.bcubedF1,
      heldOutDefaultF1: evaluate(er, ef).events.bcubedF1,
    });
  }
  return out;
}

export interface SmallSlice {
  slice: string;
  corpora: number;
  minArticles: number;
  maxArticles: number;
  meanF1: number;
  exact: number;
}

/**
 * Each gold topic grouped on its own, the corpus a report writer or a teacher brings (a handful of articles
 * on one subject): a BASIL event alone (three outlets, one event, dated) and an ECB+ topic alone (two
 * look-alike events, undated). The corpus statistics are then those few articles', which is where telling
 * a topic from an event is hardest. Mean BCubed F1 over the corpora, and how many are grouped exactly.
 */
export function smallCollections(records: readonly GoldRecord[], feats: readonly ArticleFeatures[], options: Partial<GroupOptions> = {}): SmallSlice[] {
  const byTopic = new Map<string, number[]>();
  records.forEach((r, i) => {
    const topic = goldStory(r.cluster) ?? r.cluster;
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), i]);
  });
  const slices = new Map<string, SmallSlice>();
  for (const [topic, members] of [...byTopic].sort((a, b) => cmpStr(a[0], b[0]))) {
    const name = goldStory(records[members[0]!]!.cluster) ? `${part(topic)} topics alone` : `${part(topic)} events alone`;
    const scores = evaluate(members.map((i) => records[i]!), members.map((i) => feats[i]!), options).events;
    const s = slices.get(name) ?? { slice: name, corpora: 0, minArticles: Infinity, maxArticles: 0, meanF1: 0, exact: 0 };
    s.corpora++;
    s.minArticles = Math.min(s.minArticles, members.length);
    s.maxArticles = Math.max(s.maxArticles, members.length);
    s.meanF1 += scores.bcubedF1;
    if (scores.bcubedF1 > 1 - 1e-9) s.exact++;
    slices.set(name, s);
  }
  return [...slices.values()].map((s) => ({ ...s, meanF1: s.meanF1 / s.corpora }));
}

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export async function run(file: string | undefined): Promise<void> {
  const path = file ? resolve(file) : resolve(REPO_ROOT, '../shared/eval/events.jsonl');
  const records = readGold(path);
  const t0 = performance.now();
  const feats = featuresOf(records);
  const t1 = performance.now();
  const r = evaluate(records, feats);
  const t2 = performance.now();
  const lines = [
    `events: ${path} (${records.length} articles, ${new Set(records.map((x) => x.cluster)).size} gold events)`,
    `${'slice'.padEnd(22)} ${'n'.padStart(5)}  B3-P   B3-R   B3-F1    pair-P pair-R pair-F1`,
    row('events (all)', r.events),
    ...Object.entries(r.parts).map(([p, s]) => row(`events ${p}`, s)),
    ...(r.stories ? [row('stories (ECB+ topics)', r.stories)] : []),
    `blocking recall ${fmt(r.blockingRecall)} of ${r.goldPairs} gold same-event pairs; ${r.candidatePairs} candidate pairs`,
    `features ${Math.round(t1 - t0)} ms, grouping ${Math.round(t2 - t1)} ms`,
  ];
  const small = smallCollections(records, feats);
  lines.push('small collections (each gold topic grouped on its own):');
  for (const x of small) {
    const size = x.minArticles === x.maxArticles ? `${x.minArticles}` : `${x.minArticles}–${x.maxArticles}`;
    lines.push(`  ${x.slice.padEnd(22)} ${String(x.corpora).padStart(3)} corpora of ${size} articles: mean B3-F1 ${fmt(x.meanF1)}, grouped exactly ${x.exact}/${x.corpora}`);
  }
  const cc = crossCheck(records, feats);
  lines.push('leave-half-out (threshold tuned on one half of the gold events, scored on the other):');
  for (const c of cc)
    lines.push(`  tuned on ${c.tunedOn}: threshold ${c.threshold} (F1 ${fmt(c.tunedF1)}); held-out F1 ${fmt(c.heldOutF1)} (default threshold: ${fmt(c.heldOutDefaultF1)})`);
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(`${JSON.stringify({ eval: 'events', file: path, ...r, small, crossCheck: cc })}\n`);
}

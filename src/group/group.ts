/**
 * Event and story grouping over article features: weighting, blocking,
 * similarity, clustering, ids, ties and cohesion. See src/group/README.md for
 * the rule in prose and every parameter's reason.
 */
import { averageLink, type Edge } from './cluster.js';
import { dayNumber } from './dates.js';
import { kindOfKey, labelsOf, type ArticleFeatures, type FeatureKind } from './features.js';
import type { EventGroup, Grouping, Membership, Pin, StoryGroup, Tie } from './index.js';

export interface GroupOptions {
  /** Events: merge while the average similarity of all cross pairs is ≥ this (0–1). */
  eventThreshold: number;
  /** Second-order similarity: each article's profile is itself (1) plus its this-many most similar candidates; 0 = first-order only. */
  neighbours: number;
  /** A neighbour enters a profile only if its (first-order) similarity is at least this. */
  minNeighbourSim: number;
  /** Stories: merge events while the average centroid cosine of all cross event pairs is ≥ this (0–1). */
  storyThreshold: number;
  /** Articles dated this many days apart or fewer are not penalized (coverage of one happening spreads over days). */
  graceDays: number;
  /** Beyond the grace, similarity is multiplied by exp(−(gap − grace) / decayDays). */
  decayDays: number;
  /** Per-article vector: the this-many heaviest TF-IDF features (the rest carry little weight). */
  vectorSize: number;
  /** Blocking: each article is indexed under its this-many heaviest distinctive features. */
  blockKeys: number;
  /** Blocking: features in more articles' block lists than max(maxPostings, maxPostingShare × N) are too common to block on. */
  maxPostings: number;
  maxPostingShare: number;
  /** Blocking: a pair is a candidate when it shares at least this many block keys. */
  minSharedKeys: number;
  /** Multiplier on each kind's TF-IDF weight. */
  kindWeights: Record<FeatureKind, number>;
  /** Ties listed per event or story. */
  maxTies: number;
}

export const defaultGroupOptions: GroupOptions = {
  eventThreshold: 0.09,
  neighbours: 5,
  minNeighbourSim: 0.1,
  storyThreshold: 0.1,
  graceDays: 3,
  decayDays: 7,
  vectorSize: 2000,
  blockKeys: 24,
  maxPostings: 200,
  maxPostingShare: 0.002,
  minSharedKeys: 1,
  kindWeights: { term: 1, phrase: 1, entity: 1, place: 1, number: 1, date: 1 },
  maxTies: 12,
};

/** A sparse unit vector: ascending keys with their weights. */
export interface Vec {
  keys: Uint32Array;
  w: Float32Array;
}

/** Publication dates whose time factor would fall below this (grace + 6.9 decays: 51 days by default) are outside the time window. */
const MIN_TIME_FACTOR = 1e-3;

export interface GroupDiagnostics {
  grouping: Grouping;
  /** Candidate article pairs from blocking, as indices into `order`. */
  candidates: Array<[number, number]>;
  /** Article ids in canonical (sorted) order. */
  order: string[];
}

export function groupArticles(features: readonly ArticleFeatures[], options: Partial<GroupOptions> = {}, pins: readonly Pin[] = []): Grouping {
  return groupWithDiagnostics(features, options, pins).grouping;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Smoothed IDF (scikit-learn's `smooth_idf`): ln((1 + N) / (1 + df)) + 1. */
export function idf(n: number, df: number): number {
  return Math.log((1 + n) / (1 + df)) + 1;
}

export function groupWithDiagnostics(input: readonly ArticleFeatures[], options: Partial<GroupOptions> = {}, pins: readonly Pin[] = []): GroupDiagnostics {
  const opt: GroupOptions = { ...defaultGroupOptions, ...options, kindWeights: { ...defaultGroupOptions.kindWeights, ...options.kindWeights } };
  // Canonical order: results depend on ids and contents, never on input order.
  const feats = [...input].sort((a, b) => cmp(a.id, b.id));
  const n = feats.length;
  const df = new Map<number, number>();
  for (const f of feats) for (const k of f.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const idfOf = (k: number): number => idf(n, df.get(k) ?? 0);

  const { vecs, blocks } = weightVectors(feats, idfOf, df, opt);

  // Blocking: an inverted index over each article's heaviest features; a pair is a candidate when they share one.
  const cap = Math.max(opt.maxPostings, Math.ceil(opt.maxPostingShare * n));
  const postings = new Map<number, number[]>();
  blocks.forEach((ks, i) => {
    for (const k of ks) {
      const p = postings.get(k);
      if (p) p.push(i);
      else postings.set(k, [i]);
    }
  });
  const days = feats.map((f) => (f.anchor ? dayNumber(f.anchor) : null));
  const floors = feats.map((f) => (f.floorYear ? dayNumber(`${f.floorYear}-01-01`) : null));
  const timeFactor = (i: number, j: number): number => {
    const gap = timeGap(days[i]!, days[j]!, floors[i]!, floors[j]!);
    return gap <= opt.graceDays ? 1 : Math.exp(-(gap - opt.graceDays) / opt.decayDays);
  };
  const pubDays = feats.map((f) => (f.published ? dayNumber(f.published) : null));
  const windowDays = opt.graceDays - opt.decayDays * Math.log(MIN_TIME_FACTOR);
  const candidates: Array<[number, number]> = [];
  const edges: Edge[] = [];
  const timeOf: number[] = [];
  const shared = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    shared.clear();
    for (const k of blocks[i]!) {
      const p = postings.get(k)!;
      if (p.length > cap) continue;
      for (const j of p) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    const js = [...shared].filter(([, c]) => c >= opt.minSharedKeys).map(([j]) => j).sort((a, b) => a - b);
    for (const j of js) {
      // Time-window blocking: articles published further apart than the decay allows are never compared
      // (dates read from the text only scale the similarity: a follow-up may quote an older dateline).
      const pi = pubDays[i]!;
      const pj = pubDays[j]!;
      if (pi !== null && pj !== null && Math.abs(pi - pj) > windowDays) continue;
      candidates.push([i, j]);
      const t = timeFactor(i, j);
      const sim = dot(vecs[i]!, vecs[j]!) * t;
      if (sim > 0) {
        edges.push({ a: i, b: j, sim });
        timeOf.push(t);
      }
    }
  }

  const clusterEdges = opt.neighbours > 0 ? sharedNeighbourEdges(n, edges, opt.neighbours, opt.minNeighbourSim, timeOf) : edges;

  const indexOf = new Map(feats.map((f, i) => [f.id, i]));
  const idsOf = (ids: readonly string[]): number[] => ids.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined);
  const together = pins.filter((p) => p.kind === 'together').map((p) => idsOf(p.ids));
  const apart: Array<[number, number]> = [];
  for (const p of pins) {
    if (p.kind !== 'apart') continue;
    const us = idsOf(p.ids);
    for (let a = 0; a < us.length; a++) for (let b = a + 1; b < us.length; b++) apart.push([us[a]!, us[b]!]);
  }
  const eventOf = averageLink(n, clusterEdges, opt.eventThreshold, together, apart);

  // Events as units: label → members (ascending article index).
  const members = new Map<number, number[]>();
  eventOf.forEach((e, i) => {
    const m = members.get(e);
    if (m) m.push(i);
    else members.set(e, [i]);
  });
  const eventUnits = [...members.values()];
  const centroids = eventUnits.map((m) => centroid(m.map((i) => vecs[i]!), opt.vectorSize));
  const storyEdges = centroidEdges(centroids, opt.blockKeys, cap, df);
  const storyOf = averageLink(eventUnits.length, storyEdges, opt.storyThreshold);

  const grouping = buildGrouping(feats, clusterEdges, eventUnits, storyOf, idfOf, opt);
  return { grouping, candidates, order: feats.map((f) => f.id) };
}

/**
 * Shared-nearest-neighbour similarity (Jarvis & Patrick 1973; Ertöz, Steinbach & Kumar 2003), smooth form:
 * the cosine of two articles' similarity profiles, where a profile holds the article itself (1) and its
 * `k` most similar candidates with their similarities. Articles of one event have the same close
 * neighbours; look-alike events of one topic share words but not neighbourhoods.
 */
export function sharedNeighbourEdges(n: number, edges: readonly Edge[], k: number, minSim: number, timeFactors?: readonly number[]): Edge[] {
  const lists: Array<Array<[number, number]>> = Array.from({ length: n }, (_, i) => [[i, 1]]);
  for (const e of edges) {
    lists[e.a]!.push([e.b, e.sim]);
    lists[e.b]!.push([e.a, e.sim]);
  }
  const profiles = lists.map((l) => {
    l.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const m = new Map(l.slice(0, k + 1).filter(([, v]) => v >= minSim));
    let norm = 0;
    for (const v of m.values()) norm += v * v;
    return { m, norm: Math.sqrt(norm) };
  });
  const out: Edge[] = [];
  for (const [ei, e] of edges.entries()) {
    const [p, q] = profiles[e.a]!.m.size <= profiles[e.b]!.m.size ? [profiles[e.a]!, profiles[e.b]!] : [profiles[e.b]!, profiles[e.a]!];
    let s = 0;
    for (const [c, v] of p.m) {
      const w = q.m.get(c);
      if (w !== undefined) s += v * w;
    }
    // Time is its own evidence: neighbours shared across years do not make one event.
    const sim = (s / (p.norm * q.norm)) * (timeFactors?.[ei] ?? 1);
    if (sim > 0) out.push({ a: e.a, b: e.b, sim });
  }
  return out;
}

/** Unit TF-IDF vectors (sublinear tf × smoothed idf × kind weight, heaviest `vectorSize` kept) and blocking keys. */
export function weightVectors(
  feats: readonly ArticleFeatures[],
  idfOf: (k: number) => number,
  df: ReadonlyMap<number, number>,
  opt: GroupOptions,
): { vecs: Vec[]; blocks: number[][] } {
  const vecs: Vec[] = [];
  const blocks: number[][] = [];
  for (const f of feats) {
    const ws = f.keys.map((k, i) => (1 + Math.log(f.counts[i] ?? 1)) * idfOf(k) * opt.kindWeights[kindOfKey(k)]);
    const order = ws.map((_, i) => i).sort((x, y) => ws[y]! - ws[x]! || f.keys[x]! - f.keys[y]!);
    vecs.push(toVec(order.slice(0, opt.vectorSize).map((i) => [f.keys[i]!, ws[i]!])));
    blocks.push(order.filter((i) => (df.get(f.keys[i]!) ?? 0) >= 2).slice(0, opt.blockKeys).map((i) => f.keys[i]!));
  }
  return { vecs, blocks };
}

/** Days between two articles' dates; when one is undated, how far the dated one lies before the other's floor year. */
export function timeGap(di: number | null, dj: number | null, fi: number | null, fj: number | null): number {
  if (di !== null && dj !== null) return Math.abs(di - dj);
  if (di === null && fi !== null && dj !== null && dj < fi) return fi - dj;
  if (dj === null && fj !== null && di !== null && di < fj) return fj - di;
  return 0;
}

function toVec(pairs: Array<[number, number]>): Vec {
  pairs.sort((a, b) => a[0] - b[0]);
  let norm = 0;
  for (const [, w] of pairs) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return { keys: Uint32Array.from(pairs.map((p) => p[0])), w: Float32Array.from(pairs.map((p) => p[1] / norm)) };
}

/** Cosine of two unit vectors by a merge over their ascending keys. */
export function dot(a: Vec, b: Vec): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.keys.length && j < b.keys.length) {
    const x = a.keys[i]!;
    const y = b.keys[j]!;
    if (x === y) s += a.w[i++]! * b.w[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return s;
}

function centroid(vs: readonly Vec[], size: number): Vec {
  const sum = new Map<number, number>();
  for (const v of vs) for (let i = 0; i < v.keys.length; i++) sum.set(v.keys[i]!, (sum.get(v.keys[i]!) ?? 0) + v.w[i]!);
  const pairs = [...sum].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, size);
  return toVec(pairs);
}

/** Story candidates: events sharing one of their centroids' heaviest corpus-distinctive features. */
function centroidEdges(cs: readonly Vec[], blockKeys: number, cap: number, df: ReadonlyMap<number, number>): Edge[] {
  const postings = new Map<number, number[]>();
  const blocks = cs.map((c) => {
    const idx = [...c.w.keys()].filter((i) => (df.get(c.keys[i]!) ?? 0) >= 2).sort((x, y) => c.w[y]! - c.w[x]! || c.keys[x]! - c.keys[y]!);
    return idx.slice(0, blockKeys).map((i) => c.keys[i]!);
  });
  blocks.forEach((ks, i) => {
    for (const k of ks) {
      const p = postings.get(k);
      if (p) p.push(i);
      else postings.set(k, [i]);
    }
  });
  const edges: Edge[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < cs.length; i++) {
    seen.clear();
    for (const k of blocks[i]!) {
      const p = postings.get(k)!;
      if (p.length > cap) continue;
      for (const j of p) if (j > i) seen.add(j);
    }
    for (const j of [...seen].sort((a, b) => a - b)) {
      const sim = dot(cs[i]!, cs[j]!);
      if (sim > 0) edges.push({ a: i, b: j, sim });
    }
  }
  return edges;
}

function buildGrouping(
  feats: readonly ArticleFeatures[],
  edges: readonly Edge[],
  eventUnits: readonly number[][],
  storyOf: readonly number[],
  idfOf: (k: number) => number,
  opt: GroupOptions,
): Grouping {
  const eventIndexOf = new Array<number>(feats.length);
  eventUnits.forEach((m, e) => m.forEach((i) => (eventIndexOf[i] = e)));
  const dayOf = feats.map((f) => (f.anchor ? (dayNumber(f.anchor) ?? Infinity) : Infinity));
  // Event order: earliest date (undated last), then smallest article id (articles are id-sorted).
  const evOrder = eventUnits
    .map((m, e) => ({ e, first: Math.min(...m.map((i) => dayOf[i]!)), min: m[0]! }))
    .sort((x, y) => x.first - y.first || x.min - y.min);
  const width = (k: number): number => Math.max(4, String(k).length);
  const eventId = new Array<string>(eventUnits.length);
  evOrder.forEach(({ e }, rank) => (eventId[e] = `e${String(rank + 1).padStart(width(eventUnits.length), '0')}`));

  const storyMembers = new Map<number, number[]>();
  storyOf.forEach((s, e) => {
    const m = storyMembers.get(s);
    if (m) m.push(e);
    else storyMembers.set(s, [e]);
  });
  const stOrder = [...storyMembers.values()]
    .map((es) => ({ es, first: Math.min(...es.flatMap((e) => eventUnits[e]!.map((i) => dayOf[i]!))), min: Math.min(...es.map((e) => eventUnits[e]![0]!)) }))
    .sort((x, y) => x.first - y.first || x.min - y.min);
  const storyId = new Array<string>(eventUnits.length);
  stOrder.forEach(({ es }, rank) => {
    for (const e of es) storyId[e] = `s${String(rank + 1).padStart(width(stOrder.length), '0')}`;
  });

  // Cohesion: mean similarity to the other members of the event (non-candidate pairs count as 0); 1 for a singleton.
  const simSum = new Float64Array(feats.length);
  for (const e of edges) {
    if (eventIndexOf[e.a] === eventIndexOf[e.b]) {
      simSum[e.a] = simSum[e.a]! + e.sim;
      simSum[e.b] = simSum[e.b]! + e.sim;
    }
  }
  const labels = new Map<number, Map<number, { label: string; start: number; end: number }>>();
  const labelsFor = (i: number): Map<number, { label: string; start: number; end: number }> => {
    let l = labels.get(i);
    if (!l) labels.set(i, (l = labelsOf(feats[i]!)));
    return l;
  };
  const events: EventGroup[] = evOrder.map(({ e }) => {
    const m = eventUnits[e]!;
    return {
      id: eventId[e]!,
      storyId: storyId[e]!,
      articleIds: m.map((i) => feats[i]!.id),
      outlets: outletsOf(feats, m),
      dateRange: dateRangeOf(feats, m),
      ties: m.length > 1 ? tiesOf(feats, m.map((i) => [i]), labelsFor, idfOf, opt) : [],
    };
  });
  const stories: StoryGroup[] = stOrder.map(({ es }) => {
    const sortedEs = [...es].sort((x, y) => cmp(eventId[x]!, eventId[y]!));
    const arts = sortedEs.flatMap((e) => eventUnits[e]!).sort((a, b) => a - b);
    return {
      id: storyId[es[0]!]!,
      eventIds: sortedEs.map((e) => eventId[e]!),
      articleIds: arts.map((i) => feats[i]!.id),
      outlets: outletsOf(feats, arts),
      dateRange: dateRangeOf(feats, arts),
      ties: es.length > 1 ? tiesOf(feats, sortedEs.map((e) => eventUnits[e]!), labelsFor, idfOf, opt) : [],
    };
  });
  const articles: Membership[] = feats.map((f, i) => {
    const e = eventIndexOf[i]!;
    const size = eventUnits[e]!.length;
    return { id: f.id, story: storyId[e]!, event: eventId[e]!, cohesion: size === 1 ? 1 : round(simSum[i]! / (size - 1)) };
  });
  return { stories, events, articles };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function outletsOf(feats: readonly ArticleFeatures[], m: readonly number[]): string[] {
  return [...new Set(m.map((i) => feats[i]!.outlet).filter((o): o is string => !!o))].sort(cmp);
}

function dateRangeOf(feats: readonly ArticleFeatures[], m: readonly number[]): { from: string; to: string } | null {
  const ds = m.map((i) => feats[i]!.anchor).filter((d): d is string => !!d).sort(cmp);
  return ds.length ? { from: ds[0]!, to: ds[ds.length - 1]! } : null;
}

/**
 * Ties of a group made of parts (articles of an event, or events of a story):
 * labelled features found in at least two parts, weighted by
 * idf × kind weight × share of parts holding it, heaviest first, with the first
 * occurrence in every article that labels it.
 */
function tiesOf(
  feats: readonly ArticleFeatures[],
  parts: readonly (readonly number[])[],
  labelsFor: (i: number) => Map<number, { label: string; start: number; end: number }>,
  idfOf: (k: number) => number,
  opt: GroupOptions,
): Tie[] {
  const partCount = new Map<number, number>();
  for (const part of parts) {
    const ks = new Set<number>();
    for (const i of part) for (const k of feats[i]!.keys) ks.add(k);
    for (const k of ks) partCount.set(k, (partCount.get(k) ?? 0) + 1);
  }
  const scored: Array<{ k: number; weight: number }> = [];
  const labelled = new Set<number>();
  for (const part of parts) for (const i of part) for (const k of labelsFor(i).keys()) labelled.add(k);
  for (const k of labelled) {
    const c = partCount.get(k) ?? 0;
    if (c < 2) continue;
    scored.push({ k, weight: idfOf(k) * opt.kindWeights[kindOfKey(k)] * (c / parts.length) });
  }
  scored.sort((a, b) => b.weight - a.weight || a.k - b.k);
  return scored.slice(0, opt.maxTies).map(({ k, weight }) => {
    const evidence: Tie['evidence'] = [];
    let value = '';
    for (const part of parts) {
      for (const i of part) {
        const l = labelsFor(i).get(k);
        if (!l) continue;
        if (!value) value = l.label;
        evidence.push({ articleId: feats[i]!.id, start: l.start, end: l.end });
      }
    }
    return { kind: kindOfKey(k), value, weight: round(weight), evidence };
  });
}

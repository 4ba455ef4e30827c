/**
 * Event and story grouping over article features: weighting, blocking,
 * similarity, clustering, ids, ties and cohesion. See src/group/README.md for
 * the rule in prose and every parameter's reason.
 */
import { averageLink, type Edges } from './cluster.js';
import { dayNumber } from './dates.js';
import { kindOfKey, type ArticleFeatures, type FeatureKind, type LeadFigure, type TitleSubject } from './features.js';
import { COUNT_ESCAPE, idInPart, topByWeight, weighRange, type CandidateData, type CentroidData, type DotData, type NumberData, type TieData, type WeighData } from './kernels.js';
import { alone, startHelper, type Helper } from './parallel.js';
import type { EventGroup, FigureConflict, Grouping, Membership, Pin, StoryGroup, Tie } from './index.js';

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
  /** Blocking: each article keeps at most this many candidates, best by the dot product over shared block keys (bounds pairs to n × this). */
  maxCandidates: number;
  /** A pair may join an event only if its cosine over event-specific features (held by at most half the corpus) is at least this. */
  minSpecificSim: number;
  /**
   * Conflicting figures: a pair whose leads both state decimal figures and neither article mentions any
   * of the other's has its first-order similarity multiplied by this (0: the pair counts as never
   * proposed; 1: rule off). Two reports of one quake may differ (5.9 and 6.1), so a soft rule, not a cannot-link.
   */
  figureConflictFactor: number;
  /**
   * Conflicting subjects (step 4c): a pair whose titles both name company codes (tickers, bracketed
   * names) and neither article names any of the other's title codes anywhere has its first-order
   * similarity multiplied by this; so have two events whose articles' titles do so (stories). 0: kept
   * apart; 1: rule off.
   */
  subjectConflictFactor: number;
  /**
   * Share the per-article and per-pair work with a helper thread: 'auto' from {@link PARALLEL_MIN_ARTICLES}
   * articles on, 'on' always, 'off' never. The grouping is the same either way.
   */
  parallel: 'auto' | 'on' | 'off';
}

export const defaultGroupOptions: GroupOptions = {
  eventThreshold: 0.07,
  neighbours: 5,
  minNeighbourSim: 0.1,
  storyThreshold: 0.1,
  graceDays: 3,
  decayDays: 7,
  vectorSize: 400,
  blockKeys: 32,
  maxPostings: 200,
  maxPostingShare: 0.002,
  minSharedKeys: 1,
  kindWeights: { term: 1, phrase: 1, entity: 1, place: 1, number: 1, date: 1 },
  maxTies: 12,
  maxCandidates: 30,
  minSpecificSim: 0.08,
  figureConflictFactor: 0,
  subjectConflictFactor: 0,
  parallel: 'auto',
};

/** A sparse unit vector: ascending keys with their weights. */
export interface Vec {
  keys: Int32Array;
  w: Float32Array;
}

/** Publication dates whose time factor would fall below this (grace + 6.9 decays: 51 days by default) are outside the time window. */
const MIN_TIME_FACTOR = 1e-3;

/** The time window in days: articles published further apart are never compared, and no event spans more. */
export function timeWindowDays(opt: Pick<GroupOptions, 'graceDays' | 'decayDays'>): number {
  return opt.graceDays - opt.decayDays * Math.log(MIN_TIME_FACTOR);
}

export interface GroupDiagnostics {
  grouping: Grouping;
  /** Candidate article pairs from blocking, as indices into `order`. */
  candidates: Array<[number, number]>;
  /** Article ids in canonical (sorted) order. */
  order: string[];
  /** Per article (index into `order`): the index of the first article of its exact-duplicate unit (itself when unique). Duplicates are candidates of each other without a listed pair. */
  duplicateOf: Int32Array;
  /** Work chunks the helper thread ran (0 when grouping ran on the main thread alone; see `parallel`). */
  helperChunks: number;
}

export function groupArticles(features: readonly ArticleFeatures[], options: Partial<GroupOptions> = {}, pins: readonly Pin[] = []): Grouping {
  return groupCore(features, options, pins).grouping;
}

export function groupWithDiagnostics(input: readonly ArticleFeatures[], options: Partial<GroupOptions> = {}, pins: readonly Pin[] = []): GroupDiagnostics {
  const { grouping, pairA, pairB, order, unitOf, helperChunks } = groupCore(input, options, pins);
  const candidates: Array<[number, number]> = [];
  for (let q = 0; q < pairA.length; q++) candidates.push([pairA[q]!, pairB[q]!]);
  const firstOf = new Int32Array(order.length).fill(-1);
  unitOf.forEach((r, i) => {
    if (firstOf[r]! < 0) firstOf[r] = i;
  });
  return { grouping, candidates, order, duplicateOf: unitOf.map((r) => firstOf[r]!), helperChunks };
}

/** Grouping with the work shared through `helper` (tests: any split of the chunks gives the same grouping). */
export function groupWithHelper(features: readonly ArticleFeatures[], helper: Helper, options: Partial<GroupOptions> = {}, pins: readonly Pin[] = []): GroupDiagnostics {
  const { grouping, pairA, pairB, order, unitOf, helperChunks } = groupCore(features, options, pins, helper);
  return { grouping, candidates: Array.from(pairA, (a, q) => [a, pairB[q]!]), order, duplicateOf: unitOf, helperChunks };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Smoothed IDF (scikit-learn's `smooth_idf`): ln((1 + N) / (1 + df)) + 1. */
export function idf(n: number, df: number): number {
  return Math.log((1 + n) / (1 + df)) + 1;
}

interface Core {
  grouping: Grouping;
  pairA: Int32Array;
  pairB: Int32Array;
  order: string[];
  unitOf: Int32Array;
  helperChunks: number;
}

/** Below this many articles grouping runs on the main thread alone: starting a thread costs more than it saves. */
export const PARALLEL_MIN_ARTICLES = 4000;

/** Shared memory (the helper thread reads and writes it; on one thread it is ordinary memory). */
const i32 = (len: number): Int32Array => new Int32Array(new SharedArrayBuffer(4 * len));
const f32 = (len: number): Float32Array => new Float32Array(new SharedArrayBuffer(4 * len));
const f64 = (len: number): Float64Array => new Float64Array(new SharedArrayBuffer(8 * len));
const u8 = (len: number): Uint8Array => new Uint8Array(new SharedArrayBuffer(len));

function groupCore(input: readonly ArticleFeatures[], options: Partial<GroupOptions>, pins: readonly Pin[], given?: Helper): Core {
  const opt: GroupOptions = { ...defaultGroupOptions, ...options, kindWeights: { ...defaultGroupOptions.kindWeights, ...options.kindWeights } };
  // Canonical order: results depend on ids and contents, never on input order.
  const feats = [...input].sort((a, b) => cmp(a.id, b.id));
  const parallel = opt.parallel === 'on' || (opt.parallel === 'auto' && feats.length >= PARALLEL_MIN_ARTICLES);
  // Started first: the thread boots while this one numbers the features.
  const helper = given ?? (parallel ? startHelper(opt.parallel === 'on') : null) ?? alone;
  try {
    const graph = similarityGraph(feats, opt, pins, helper);
    const { unitOf, reps, pairA, pairB } = graph;
    const grouping = buildGrouping(feats, graph, opt, helper);
    // Candidate pairs as article indices (each unit by its first article).
    return { grouping, pairA: pairA.map((a) => reps[a]!), pairB: pairB.map((b) => reps[b]!), order: feats.map((f) => f.id), unitOf, helperChunks: helper.helped() };
  } finally {
    helper.close();
  }
}

interface Graph {
  unitOf: Int32Array;
  reps: number[];
  /** Event candidate pairs (units). */
  pairA: Int32Array;
  pairB: Int32Array;
  simSum: Float64Array;
  eventUnits: number[][];
  storyOf: Int32Array;
  /** What ties are weighed from (`kernels.ts` TieData): every article's dense feature ids, idf, kind weight and raw key per id. */
  features: Pick<TieData, 'idsOff' | 'ids' | 'idf' | 'kindW' | 'raw' | 'features'>;
  conflicts: Conflict[];
}

/** A pair a conflict rule discounted: articles (canonical indices), first-order similarity before the discount, rule. */
interface Conflict {
  a: number;
  b: number;
  sim: number;
  rule: 'figures' | 'subjects';
}

/** Weights, blocking, similarities and both clusterings; the vectors live only in this call. */
function similarityGraph(feats: readonly ArticleFeatures[], opt: GroupOptions, pins: readonly Pin[], helper: Helper): Graph {
  const n = feats.length;
  // Dense feature ids (first seen in canonical order) so document frequencies and scatters are typed arrays.
  const { idsOff, ids, raw, df: dfArr } = denseIds(feats, helper);
  const nf = raw.length;
  const idfArr = f64(nf);
  const kindW = f64(nf);
  for (let id = 0; id < nf; id++) {
    idfArr[id] = idf(n, dfArr[id]!);
    kindW[id] = opt.kindWeights[kindOfKey(raw[id]!)];
  }
  // Vectors keep only features held by ≥ 2 articles (one held by one article adds to a norm, never to a
  // dot product), renumbered by falling df so the common ones share cache lines.
  const compact = new Int32Array(nf).fill(-1);
  const byDf = new Int32Array(n + 2);
  for (let id = 0; id < nf; id++) if (dfArr[id]! >= 2) byDf[n - dfArr[id]! + 1]!++;
  for (let d = 1; d < byDf.length; d++) byDf[d] = byDf[d]! + byDf[d - 1]!;
  for (let id = 0; id < nf; id++) if (dfArr[id]! >= 2) compact[id] = byDf[n - dfArr[id]!]!++;
  const nc = byDf[n]!;
  const articleDays = feats.map((f) => (f.anchor ? dayNumber(f.anchor) : null));
  // Event-specific: held by at most half of the corpus (a feature most articles share says nothing about
  // which event), by two articles only (evidence exclusive to one pair, whatever the corpus size), or by
  // dated articles only, all within the grace days of one another (a collection of one happening's
  // coverage shares that happening's words throughout: words a topic shares are held across time).
  // Within grace days rather than the whole time window: a topic's dense week (hearings, allegations,
  // votes) is several happenings.
  const specific = u8(nc);
  const timeLocal = featuresWithinWindow(n, nf, idsOff, ids, articleDays, opt.graceDays, (id) => compact[id]! >= 0 && dfArr[id]! * 2 > n && dfArr[id]! > 2);
  for (let id = 0; id < nf; id++) if (compact[id]! >= 0 && (dfArr[id]! * 2 <= n || dfArr[id]! <= 2 || timeLocal[id] === 1)) specific[compact[id]!] = 1;

  const { vecs: articleVecs, blocks: articleBlocks, vecOff, vecLen, vecKeys, vecW } = weightVectors(feats, idsOff, ids, idfArr, kindW, compact, opt, helper);
  const cap = Math.max(opt.maxPostings, Math.ceil(opt.maxPostingShare * n));

  const articleFloors = feats.map((f) => (f.floorYear ? dayNumber(`${f.floorYear}-01-01`) : null));
  const articlePubDays = feats.map((f) => (f.published ? dayNumber(f.published) : null));
  // Exact duplicates (same vector, same dates) are one unit with a multiplicity: wire copies reprinted
  // by many outlets would otherwise fill every posting list past the cap and never meet.
  const pinned = new Set(pins.filter((p) => p.kind === 'apart').flatMap((p) => p.ids));
  // Title subjects are part of the identity: two companies' notices may have the same words and dates.
  const subjectsOf = (i: number): string => feats[i]!.subjects?.map((x) => x.value).join(',') ?? '';
  const { unitOf, reps, mult } = duplicateUnits(feats, articleVecs, (i) => `${articleDays[i]}|${articleFloors[i]}|${articlePubDays[i]}|${subjectsOf(i)}`, (i) => pinned.has(feats[i]!.id));
  const u = reps.length;
  const days = reps.map((i) => articleDays[i]!);
  const floors = reps.map((i) => articleFloors[i]!);
  const timeFactor = (i: number, j: number): number => {
    const gap = timeGap(days[i]!, days[j]!, floors[i]!, floors[j]!);
    return gap <= opt.graceDays ? 1 : Math.exp(-(gap - opt.graceDays) / opt.decayDays);
  };
  // Time-window blocking: articles published further apart than the decay allows are never compared
  // (dates read from the text only scale the similarity: a follow-up may quote an older dateline).
  const window: TimeWindow = { pubDays: f64(u), hasPub: u8(u), windowDays: timeWindowDays(opt) };
  reps.forEach((i, r) => {
    const p = articlePubDays[i];
    if (p === null || p === undefined) return;
    window.pubDays[r] = p;
    window.hasPub[r] = 1;
  });
  // Units' vectors: the article arena (arena 0) at each unit's first article.
  const unitVecs: VecTable = { start: i32(u), end: i32(u), arena: u8(u), keys0: vecKeys, w0: vecW, keys1: i32(0), w1: f32(0) };
  reps.forEach((i, r) => {
    unitVecs.start[r] = vecOff[i]!;
    unitVecs.end[r] = vecOff[i]! + vecLen[i]!;
  });
  const unitVec = (r: number): Vec => articleVecs[reps[r]!]!;
  const { pairA, pairB } = candidatePairs(u, unitVec, (r) => articleBlocks[reps[r]!]!, nc, cap, opt.maxCandidates, window, opt.minSharedKeys, helper);

  // First order: cosine × time factor; the event-specific part of the cosine gates the pair for clustering.
  const m = pairA.length;
  const { sims: first, specificSims: spec } = pairDots(unitVecs, pairA, pairB, specific, helper);
  const timeOf = new Float64Array(m);
  borrowDays(days, floors, window.hasPub, pairA, pairB, first, opt.minNeighbourSim);
  for (let q = 0; q < m; q++) {
    timeOf[q] = timeFactor(pairA[q]!, pairB[q]!);
    first[q] = first[q]! * timeOf[q]!;
  }
  // Conflicting figures discount the pair before neighbour profiles are built: a look-alike report with
  // another magnitude is neither a link nor a shared neighbour.
  // So do conflicting subjects: the same template about another company.
  const conflicts: Conflict[] = [];
  const discount = (rule: Conflict['rule'], factor: number, has: (f: ArticleFeatures) => boolean, conflict: (a: ArticleFeatures, b: ArticleFeatures) => boolean): void => {
    if (factor === 1) return;
    const hasIt = Uint8Array.from(reps, (i) => (has(feats[i]!) ? 1 : 0));
    for (let q = 0; q < m; q++) {
      if (first[q]! <= 0 || hasIt[pairA[q]!] === 0 || hasIt[pairB[q]!] === 0) continue;
      const a = reps[pairA[q]!]!;
      const b = reps[pairB[q]!]!;
      if (!conflict(feats[a]!, feats[b]!)) continue;
      if (spec[q]! >= opt.minSpecificSim && first[q]! >= opt.eventThreshold) conflicts.push({ a, b, sim: first[q]!, rule });
      first[q] = first[q]! * factor;
    }
  };
  discount('figures', opt.figureConflictFactor, (f) => (f.leadFigures?.length ?? 0) > 0, figuresConflict);
  discount('subjects', opt.subjectConflictFactor, (f) => (f.subjects?.length ?? 0) > 0, subjectsConflict);
  const snn = opt.neighbours > 0 ? sharedNeighbourSims(u, pairA, pairB, first, opt.neighbours, opt.minNeighbourSim, timeOf) : first;
  // Shared event-specific evidence is required: topic words held by most of the corpus never join two articles alone.
  const clusterEdges = edgesWhere(pairA, pairB, snn, (q) => snn[q]! > 0 && spec[q]! >= opt.minSpecificSim);

  const indexOf = new Map(feats.map((f, i) => [f.id, i]));
  const unitsOf = (list: readonly string[]): number[] => list.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined).map((i) => unitOf[i]!);
  const together = pins.filter((p) => p.kind === 'together').map((p) => unitsOf(p.ids));
  const apart: Array<[number, number]> = [];
  for (const p of pins) {
    if (p.kind !== 'apart') continue;
    const us = unitsOf(p.ids);
    for (let a = 0; a < us.length; a++) for (let b = a + 1; b < us.length; b++) apart.push([us[a]!, us[b]!]);
  }
  // One event, one happening: no event holds declared dates further apart than the time window, the span
  // beyond which two articles are never compared (an undated article would otherwise bridge 1987 and 2017).
  const unitDays = Float64Array.from(reps, (_, r) => (window.hasPub[r] === 1 ? window.pubDays[r]! : NaN));
  const eventOfUnit = averageLink(u, clusterEdges, opt.eventThreshold, together, apart, mult, { day: unitDays, maxSpan: window.windowDays });

  // Events as article lists (ascending article index), labelled by their first unit.
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const e = eventOfUnit[unitOf[i]!]!;
    const mm = members.get(e);
    if (mm) mm.push(i);
    else members.set(e, [i]);
  }
  const eventUnits = [...members.values()];
  const ne = eventUnits.length;
  // Event centroids: a single article's own vector (arena 0), or the members' centroid (arena 1, one
  // slot of `vectorSize` per event of several articles).
  const multi: number[] = [];
  eventUnits.forEach((mm, e) => {
    if (mm.length > 1) multi.push(e);
  });
  const memOff = i32(multi.length + 1);
  multi.forEach((e, k) => (memOff[k + 1] = memOff[k]! + eventUnits[e]!.length));
  const memberList = i32(memOff[multi.length]!);
  multi.forEach((e, k) => memberList.set(eventUnits[e]!, memOff[k]!));
  const cd: CentroidData = {
    memOff,
    members: memberList,
    vecOff,
    vecLen,
    vecKeys,
    vecW,
    features: nc,
    size: opt.vectorSize,
    keys: i32(multi.length * opt.vectorSize),
    w: f32(multi.length * opt.vectorSize),
    outLen: i32(multi.length),
  };
  helper.share({ kind: 'centroids', data: cd }, multi.length, 64);
  const eventVecs: VecTable = { start: i32(ne), end: i32(ne), arena: u8(ne), keys0: vecKeys, w0: vecW, keys1: cd.keys, w1: cd.w };
  const centroids: Vec[] = eventUnits.map((mm) => articleVecs[mm[0]!]!);
  eventUnits.forEach((mm, e) => {
    eventVecs.start[e] = vecOff[mm[0]!]!;
    eventVecs.end[e] = vecOff[mm[0]!]! + vecLen[mm[0]!]!;
  });
  multi.forEach((e, k) => {
    const at = k * opt.vectorSize;
    centroids[e] = { keys: cd.keys.subarray(at, at + cd.outLen[k]!), w: cd.w.subarray(at, at + cd.outLen[k]!) };
    eventVecs.arena[e] = 1;
    eventVecs.start[e] = at;
    eventVecs.end[e] = at + cd.outLen[k]!;
  });
  const storyBlock = (e: number): Int32Array => (eventUnits[e]!.length === 1 ? articleBlocks[eventUnits[e]![0]!]! : blockKeysOf(centroids[e]!, opt.blockKeys));
  const sp = candidatePairs(ne, (e) => centroids[e]!, storyBlock, nc, cap, opt.maxCandidates, null, 1, helper);
  const storySims = pairDots(eventVecs, sp.pairA, sp.pairB, null, helper).sims;
  if (opt.subjectConflictFactor !== 1) discountStories(feats, eventUnits, sp, storySims, opt.subjectConflictFactor);
  const storyOf = averageLink(ne, edgesWhere(sp.pairA, sp.pairB, storySims, (q) => storySims[q]! > 0), opt.storyThreshold);

  // Cohesion sums per unit: its event's other units (edge similarity × their multiplicity) and its own duplicates (similarity 1).
  const unitSimSum = new Float64Array(u);
  for (let r = 0; r < u; r++) unitSimSum[r] = mult[r]! - 1;
  for (let q = 0; q < clusterEdges.a.length; q++) {
    const a = clusterEdges.a[q]!;
    const b = clusterEdges.b[q]!;
    if (eventOfUnit[a] !== eventOfUnit[b]) continue;
    const sim = clusterEdges.sim[q]!;
    unitSimSum[a] = unitSimSum[a]! + sim * mult[b]!;
    unitSimSum[b] = unitSimSum[b]! + sim * mult[a]!;
  }
  const simSum = new Float64Array(n);
  for (let i = 0; i < n; i++) simSum[i] = unitSimSum[unitOf[i]!]!;
  return { unitOf, reps, pairA, pairB, simSum, eventUnits, storyOf, features: { idsOff, ids, idf: idfArr, kindW, raw, features: nf }, conflicts };
}

/**
 * Undated units take, for the time factor only, the day of their most similar candidate with a declared
 * publication date (cosine at least `minSim`, the neighbour floor; ties: the first pair; candidates dated
 * before the unit's own floor do not count). Without it an undated article is as close in time to every article of its topic,
 * and joined another year's happening more often than its own: with a tenth of the bench corpus's dated
 * articles undated (`npm run eval -- undated`), 1,275 of 5,213 joined an event of their time and 2,827 one
 * with a member more than a week from their true date; with borrowed days 1,551 and 2,153. Only declared
 * dates lend: a date read from the text of a look-alike report (ECB+'s two earthquakes of one topic) lent
 * the other event's time, and cost the dev slice 0.028 F1. Changes `days` in place.
 */
export function borrowDays(days: Array<number | null>, floors: ReadonlyArray<number | null>, declared: Uint8Array, pairA: Int32Array, pairB: Int32Array, sims: Float64Array, minSim: number): void {
  const best = new Float64Array(days.length).fill(-Infinity);
  const lent: Array<number | null> = new Array<number | null>(days.length).fill(null);
  const offer = (to: number, from: number, sim: number): void => {
    const day = days[from];
    if (days[to] !== null || day === null || day === undefined || declared[from] !== 1 || sim < minSim || sim <= best[to]!) return;
    const floor = floors[to];
    if (floor !== null && floor !== undefined && day < floor) return;
    best[to] = sim;
    lent[to] = day;
  };
  for (let q = 0; q < pairA.length; q++) {
    offer(pairA[q]!, pairB[q]!, sims[q]!);
    offer(pairB[q]!, pairA[q]!, sims[q]!);
  }
  lent.forEach((day, r) => {
    if (day !== null) days[r] = day;
  });
}

/**
 * 1 for each feature (among those `asked`) whose holders are all dated, within `windowDays` of one another;
 * 0 otherwise. The asked features are held by more than half of the articles, so none qualifies unless
 * more than half of the articles are dated within the window: the usual corpus (many days) is settled by
 * that count alone, without a pass over the features.
 */
function featuresWithinWindow(n: number, nf: number, idsOff: Int32Array, ids: Int32Array, days: ReadonlyArray<number | null>, windowDays: number, asked: (id: number) => boolean): Uint8Array {
  const out = u8(nf);
  const dated = Float64Array.from(days.filter((d): d is number => d !== null && d !== undefined)).sort();
  let most = 0;
  for (let i = 0, j = 0; j < dated.length; j++) {
    while (dated[j]! - dated[i]! > windowDays) i++;
    most = Math.max(most, j - i + 1);
  }
  if (most * 2 <= n) return out;
  let any = false;
  for (let id = 0; id < nf; id++)
    if (asked(id)) {
      out[id] = 1;
      any = true;
    }
  if (!any) return out;
  const lo = f64(nf).fill(Infinity);
  const hi = f64(nf).fill(-Infinity);
  for (let a = 0; a < n; a++) {
    const d = days[a];
    for (let p = idsOff[a]!; p < idsOff[a + 1]!; p++) {
      const id = ids[p]!;
      if (out[id] === 0) continue;
      if (d === null || d === undefined) out[id] = 0;
      else {
        if (d < lo[id]!) lo[id] = d;
        if (d > hi[id]!) hi[id] = d;
      }
    }
  }
  for (let id = 0; id < nf; id++) if (out[id] === 1 && hi[id]! - lo[id]! > windowDays) out[id] = 0;
  return out;
}

/**
 * Dense feature ids, 0, 1, 2… in first-seen order over the canonical article order, for every article
 * feature; with the raw key and document frequency of each id. The occurrences are cut into two parts
 * (at an article boundary near the middle) numbered on both threads (`kernels.ts` numberRange), then
 * joined: the second part's keys already seen in the first take the first part's ids, the others follow
 * in their first-seen order. On one thread, one part.
 */
function denseIds(feats: readonly ArticleFeatures[], helper: Helper): { idsOff: Int32Array; ids: Int32Array; raw: Uint32Array; df: Int32Array } {
  const n = feats.length;
  const idsOff = i32(n + 1);
  for (let a = 0; a < n; a++) idsOff[a + 1] = idsOff[a]! + feats[a]!.keys.length;
  const total = idsOff[n]!;
  // The helper thread reads the keys from shared memory.
  const keys = new Uint32Array(new SharedArrayBuffer(4 * total));
  for (let a = 0; a < n; a++) keys.set(feats[a]!.keys, idsOff[a]!);
  const ids = i32(total);
  const parts = helper === alone ? 1 : 2;
  const partOff = i32(parts + 1);
  let cut = 0;
  while (cut < n && idsOff[cut]! * parts < total) cut++;
  partOff[1] = parts === 1 ? total : idsOff[cut]!;
  partOff[parts] = total;
  const per = Math.max(partOff[1]!, total - partOff[1]!);
  // Room for a quarter of the occurrences as distinct keys (a part of the bench corpus has an eighth), at
  // most 70 % full; a part with more is numbered again below.
  let slots = 1024;
  while (slots * 0.7 < Math.min(per, 0.25 * per + 4096)) slots *= 2;
  const limit = Math.min(per, Math.floor(slots * 0.7));
  const data: NumberData = { keys, ids, partOff, slots, limit, table: i32(parts * 2 * slots), raw: new Uint32Array(new SharedArrayBuffer(4 * parts * limit)), df: i32(parts * limit), distinct: i32(parts) };
  helper.share({ kind: 'number', data }, parts, 1, 1);
  if (data.distinct.some((c) => c < 0)) return { idsOff, ...numberAlone(feats, idsOff) };
  const nA = data.distinct[0]!;
  const nB = parts === 2 ? data.distinct[1]! : 0;
  const raw = new Uint32Array(new SharedArrayBuffer(4 * (nA + nB)));
  const df = new Int32Array(nA + nB);
  raw.set(data.raw.subarray(0, nA));
  df.set(data.df.subarray(0, nA));
  if (parts === 1) return { idsOff, ids, raw, df };
  let nf = nA;
  const map = i32(nB);
  for (let j = 0; j < nB; j++) {
    const k = data.raw[limit + j]!;
    let id = idInPart(data, 0, k);
    if (id < 0) {
      id = nf++;
      raw[id] = k;
    }
    map[j] = id;
    df[id]! += data.df[limit + j]!;
  }
  // Into a new array: the numbering's keys and ids stay as they were (a chunk may run twice, late).
  const out = i32(total);
  out.set(ids.subarray(0, partOff[1]!));
  helper.share({ kind: 'remap', data: { ids, out, start: partOff[1]!, map } }, total - partOff[1]!, 1 << 16);
  return { idsOff, ids: out, raw: raw.subarray(0, nf), df: df.subarray(0, nf) };
}

/** Dense ids on this thread by one growing table (when a part of {@link denseIds} holds more keys than its room), into new arrays. */
function numberAlone(feats: readonly ArticleFeatures[], idsOff: Int32Array): { ids: Int32Array; raw: Uint32Array; df: Int32Array } {
  const ids = i32(idsOff[feats.length]!);
  const dense = new KeyIndex(1 << 16);
  for (let a = 0; a < feats.length; a++) {
    const keys = feats[a]!.keys;
    const at = idsOff[a]!;
    for (let q = 0; q < keys.length; q++) ids[at + q] = dense.idOf(keys[q]!);
  }
  const own = dense.keys();
  const raw = new Uint32Array(new SharedArrayBuffer(4 * own.length));
  raw.set(own);
  const df = new Int32Array(own.length);
  for (let q = 0; q < ids.length; q++) df[ids[q]!]!++;
  return { ids, raw, df };
}

/** The pairs `keep` accepts, in pair order, as clustering edges. */
function edgesWhere(pairA: Int32Array, pairB: Int32Array, sims: Float64Array, keep: (q: number) => boolean): Edges {
  let k = 0;
  for (let q = 0; q < pairA.length; q++) if (keep(q)) k++;
  const out: Edges = { a: new Int32Array(k), b: new Int32Array(k), sim: new Float64Array(k) };
  k = 0;
  for (let q = 0; q < pairA.length; q++) {
    if (!keep(q)) continue;
    out.a[k] = pairA[q]!;
    out.b[k] = pairB[q]!;
    out.sim[k++] = sims[q]!;
  }
  return out;
}

/**
 * Exact-duplicate units: articles whose unit vectors (keys and weights) and time keys are identical.
 * Returns each article's unit, each unit's first article and its multiplicity; units are numbered in
 * order of their first article, so the order stays canonical. Articles `keepAlone` flags (named in an
 * `apart` pin) are never merged into a unit.
 */
export function duplicateUnits(
  feats: readonly ArticleFeatures[],
  vecs: readonly Vec[],
  timeKey: (i: number) => string,
  keepAlone: (i: number) => boolean,
): { unitOf: Int32Array; reps: number[]; mult: number[] } {
  const unitOf = new Int32Array(feats.length);
  const reps: number[] = [];
  const mult: number[] = [];
  const byHash = new Map<number, number[]>();
  const same = (a: Vec, b: Vec): boolean => {
    if (a.keys.length !== b.keys.length) return false;
    for (let r = 0; r < a.keys.length; r++) if (a.keys[r] !== b.keys[r] || a.w[r] !== b.w[r]) return false;
    return true;
  };
  for (let i = 0; i < feats.length; i++) {
    const v = vecs[i]!;
    // Empty vectors (no feature shared with any other article) are alike but say nothing: never merged.
    if (keepAlone(i) || v.keys.length === 0) {
      unitOf[i] = reps.length;
      reps.push(i);
      mult.push(1);
      continue;
    }
    let h = 0x811c9dc5;
    const bits = new Uint32Array(v.w.buffer, v.w.byteOffset, v.w.length);
    for (let r = 0; r < v.keys.length; r++) h = Math.imul(h ^ v.keys[r]! ^ Math.imul(bits[r]!, 0x9e3779b1), 0x01000193);
    const list = byHash.get(h >>> 0);
    const tk = timeKey(i);
    const found = list?.find((r) => same(vecs[reps[r]!]!, v) && timeKey(reps[r]!) === tk);
    if (found !== undefined) {
      unitOf[i] = found;
      mult[found]!++;
      continue;
    }
    unitOf[i] = reps.length;
    if (list) list.push(reps.length);
    else byHash.set(h >>> 0, [reps.length]);
    reps.push(i);
    mult.push(1);
  }
  return { unitOf, reps, mult };
}

/** Publication days of units for time-window blocking (`hasPub` 0: undated, never outside the window). */
interface TimeWindow {
  pubDays: Float64Array;
  hasPub: Uint8Array;
  windowDays: number;
}

/** Units' vectors as ranges of one of two arenas (articles' vectors, event centroids), in shared memory. */
type VecTable = Pick<DotData, 'start' | 'end' | 'arena' | 'keys0' | 'w0' | 'keys1' | 'w1'>;

/**
 * Article vectors and block keys (`kernels.ts` weighRange: unit TF-IDF vectors over compact ids, the
 * `blockKeys` heaviest features held by ≥ 2 articles), written into shared arenas by both threads; the
 * returned `Vec`s are views of the arena.
 */
function weightVectors(
  feats: readonly ArticleFeatures[],
  idsOff: Int32Array,
  ids: Int32Array,
  idfArr: Float64Array,
  kindW: Float64Array,
  compact: Int32Array,
  opt: GroupOptions,
  helper: Helper,
): { vecs: Vec[]; blocks: Int32Array[]; vecOff: Int32Array; vecLen: Int32Array; vecKeys: Int32Array; vecW: Float32Array } {
  const n = feats.length;
  // One weight per dense id (idf × kind weight), read once per article feature with its compact id.
  // Side by side with its compact id (2 id, 2 id + 1): the two reads per article feature share a cache line.
  const featW = f64(idfArr.length * 2);
  for (let id = 0; id < idfArr.length; id++) {
    featW[2 * id] = idfArr[id]! * kindW[id]!;
    featW[2 * id + 1] = compact[id]!;
  }
  // Counts in 16 bits (a third of the memory of copies as doubles); an article with a count that does not fit is weighed here from its own.
  const counts = new Uint16Array(new SharedArrayBuffer(2 * ids.length));
  const escaped = u8(n);
  const vecOff = i32(n + 1);
  for (let a = 0; a < n; a++) {
    const own = feats[a]!.counts;
    const at = idsOff[a]!;
    const len = idsOff[a + 1]! - at;
    for (let q = 0; q < len; q++) {
      const c = own[q] ?? 1;
      if (c >= 0 && c < COUNT_ESCAPE && (c | 0) === c) counts[at + q] = c;
      else {
        counts[at + q] = COUNT_ESCAPE;
        escaped[a] = 1;
      }
    }
    // Room for the longest vector the article can have (untouched room is never committed to memory).
    vecOff[a + 1] = vecOff[a]! + Math.min(len, opt.vectorSize);
  }
  const data: WeighData = {
    idsOff,
    ids,
    counts,
    escaped,
    featW,
    vectorSize: opt.vectorSize,
    blockKeys: opt.blockKeys,
    vecOff,
    vecKeys: i32(vecOff[n]!),
    vecW: f32(vecOff[n]!),
    vecLen: i32(n),
    blk: i32(n * opt.blockKeys),
    blkLen: i32(n),
  };
  helper.share({ kind: 'weigh', data }, n, 128);
  for (let a = 0; a < n; a++) if (escaped[a]) weighRange(data, a, a + 1, (x) => feats[x]!.counts);
  const { vecKeys, vecW, vecLen, blk, blkLen } = data;
  const vecs: Vec[] = [];
  const blocks: Int32Array[] = [];
  for (let a = 0; a < n; a++) {
    vecs.push({ keys: vecKeys.subarray(vecOff[a]!, vecOff[a]! + vecLen[a]!), w: vecW.subarray(vecOff[a]!, vecOff[a]! + vecLen[a]!) });
    blocks.push(blk.subarray(a * opt.blockKeys, a * opt.blockKeys + blkLen[a]!));
  }
  return { vecs, blocks, vecOff, vecLen, vecKeys, vecW };
}

/**
 * Blocking with a bounded candidate list: each unit is indexed under its block keys (postings longer
 * than `cap` skipped); a unit's candidates are the units sharing a key, scored by the partial dot product
 * over shared block keys (a cheap lower bound of the cosine), and only its `maxCandidates` best are kept
 * (`kernels.ts` candidateRange, shared with the helper thread). A pair is a candidate when either side
 * keeps the other. Returns pairs (a < b) sorted by a, then b.
 */
function candidatePairs(
  n: number,
  vecOf: (i: number) => Vec,
  blockOf: (i: number) => Int32Array,
  nf: number,
  cap: number,
  maxCandidates: number,
  window: TimeWindow | null,
  minShared: number,
  helper: Helper,
): { pairA: Int32Array; pairB: Int32Array } {
  const blocks = Array.from({ length: n }, (_, i) => blockOf(i));
  const blkOff = i32(n + 1);
  for (let i = 0; i < n; i++) blkOff[i + 1] = blkOff[i]! + blocks[i]!.length;
  const blk = i32(blkOff[n]!);
  const blkW = f32(blkOff[n]!);
  // Postings: per feature id, the units and their weights (CSR layout).
  const post = i32(nf + 1);
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    const v = vecOf(i);
    const at = blkOff[i]!;
    for (let r = 0; r < b.length; r++) {
      blk[at + r] = b[r]!;
      blkW[at + r] = weightOf(v, b[r]!);
      post[b[r]! + 1]!++;
    }
  }
  blocks.length = 0;
  for (let id = 0; id < nf; id++) post[id + 1]! += post[id]!;
  const unit = i32(post[nf]!);
  const weight = f32(post[nf]!);
  const fill = post.slice(0, nf);
  for (let i = 0; i < n; i++) {
    for (let r = blkOff[i]!; r < blkOff[i + 1]!; r++) {
      const at = fill[blk[r]!]!++;
      unit[at] = i;
      weight[at] = blkW[r]!;
    }
  }
  const data: CandidateData = {
    n,
    blkOff,
    blk,
    blkW,
    post,
    unit,
    weight,
    cap,
    maxCandidates,
    minShared,
    pubDays: window?.pubDays ?? null,
    hasPub: window?.hasPub ?? null,
    windowDays: window?.windowDays ?? 0,
    out: f64(n * maxCandidates),
    outLen: i32(n),
  };
  helper.share({ kind: 'candidates', data }, n, 128);
  let total = 0;
  for (let i = 0; i < n; i++) total += data.outLen[i]!;
  const codes = new Float64Array(total);
  let c = 0;
  for (let i = 0; i < n; i++) for (let t = 0; t < data.outLen[i]!; t++) codes[c++] = data.out[i * maxCandidates + t]!;
  codes.sort();
  let u = 0;
  for (let q = 0; q < codes.length; q++) if (q === 0 || codes[q] !== codes[q - 1]) codes[u++] = codes[q]!;
  const pairA = i32(u);
  const pairB = i32(u);
  for (let q = 0; q < u; q++) {
    pairA[q] = Math.floor(codes[q]! / n);
    pairB[q] = codes[q]! - pairA[q]! * n;
  }
  return { pairA, pairB };
}

/** Dot products of unit vectors for pairs sorted by their first member (`kernels.ts` dotRange, shared with the helper thread); with `specific`, also the part over the flagged features. */
function pairDots(t: VecTable, pairA: Int32Array, pairB: Int32Array, specific: Uint8Array | null, helper: Helper): { sims: Float64Array; specificSims: Float64Array } {
  const m = pairA.length;
  let longest = 0;
  for (let r = 0; r < t.start.length; r++) if (t.end[r]! - t.start[r]! > longest) longest = t.end[r]! - t.start[r]!;
  // At most a quarter full: lookups of absent keys (most of a partner's) end at the first empty slot.
  let bits = 4;
  while (1 << bits < longest * 4) bits++;
  const data: DotData = { ...t, pairA, pairB, bits, specific, sims: f64(m), specificSims: f64(specific ? m : 0) };
  helper.share({ kind: 'dots', data }, m, 4096);
  return { sims: data.sims, specificSims: data.specificSims };
}

function weightOf(v: Vec, id: number): number {
  let lo = 0;
  let hi = v.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = v.keys[mid]!;
    if (k === id) return v.w[mid]!;
    if (k < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/**
 * Shared-nearest-neighbour similarity (Jarvis & Patrick 1973; Ertöz, Steinbach & Kumar 2003), smooth form:
 * the cosine of two articles' similarity profiles, where a profile holds the article itself (1) and its
 * `k` most similar candidates with their similarities (at least `minSim`). Articles of one event have the
 * same close neighbours; look-alike events of one topic share words but not neighbourhoods. Times the
 * pair's time factor: neighbours shared across years do not make one event.
 */
export function sharedNeighbourSims(
  n: number,
  pairA: Int32Array,
  pairB: Int32Array,
  sims: Float64Array,
  k: number,
  minSim: number,
  timeFactors: Float64Array,
): Float64Array {
  const width = k + 1;
  const nb = new Int32Array(n * width).fill(-1);
  const nw = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    nb[i * width] = i;
    nw[i * width] = 1;
  }
  // Insert into each side's sorted top-k (similarity desc, then index asc).
  const offer = (i: number, j: number, s: number): void => {
    const base = i * width;
    let pos = width;
    for (let r = 1; r < width; r++) {
      const c = nb[base + r]!;
      if (c < 0 || s > nw[base + r]! || (s === nw[base + r]! && j < c)) {
        pos = r;
        break;
      }
    }
    if (pos === width) return;
    for (let r = width - 1; r > pos; r--) {
      nb[base + r] = nb[base + r - 1]!;
      nw[base + r] = nw[base + r - 1]!;
    }
    nb[base + pos] = j;
    nw[base + pos] = s;
  };
  for (let q = 0; q < pairA.length; q++) {
    const s = sims[q]!;
    if (s < minSim || s <= 0) continue;
    offer(pairA[q]!, pairB[q]!, s);
    offer(pairB[q]!, pairA[q]!, s);
  }
  const norm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let r = 0; r < width; r++) if (nb[i * width + r]! >= 0) s += nw[i * width + r]! ** 2;
    norm[i] = Math.sqrt(s);
  }
  const out = new Float64Array(pairA.length);
  for (let q = 0; q < pairA.length; q++) {
    if (sims[q]! <= 0) continue;
    const a = pairA[q]! * width;
    const b = pairB[q]! * width;
    let s = 0;
    for (let r = 0; r < width; r++) {
      const c = nb[a + r]!;
      if (c < 0) break;
      for (let t = 0; t < width; t++) {
        const d = nb[b + t]!;
        if (d < 0) break;
        if (d === c) {
          s += nw[a + r]! * nw[b + t]!;
          break;
        }
      }
    }
    out[q] = (s / (norm[pairA[q]!]! * norm[pairB[q]!]!)) * timeFactors[q]!;
  }
  return out;
}

/** `values` at the given positions, as an Int32Array (typed `from` with a map function takes a slow generic path). */
function pick(positions: readonly number[], values: ArrayLike<number>): Int32Array {
  const out = new Int32Array(positions.length);
  for (let r = 0; r < positions.length; r++) out[r] = values[positions[r]!]!;
  return out;
}

/** Block keys of a centroid: its heaviest features (all held by ≥ 2 articles). */
function blockKeysOf(c: Vec, blockKeys: number): Int32Array {
  return pick(topByWeight(c.w, c.keys.length, blockKeys, null, null, true), c.keys);
}

/** Days between two articles' dates; when one is undated, how far the dated one lies before the other's floor year. */
export function timeGap(di: number | null, dj: number | null, fi: number | null, fj: number | null): number {
  if (di !== null && dj !== null) return Math.abs(di - dj);
  if (di === null && fi !== null && dj !== null && dj < fi) return fi - dj;
  if (dj === null && fj !== null && di !== null && di < fj) return fj - di;
  return 0;
}

/**
 * Conflicting figures: both leads state decimal figures (magnitudes, turnout, rates) and neither article
 * mentions any of the other's anywhere. Two reports of one happening share at least one of its
 * measurements; look-alike happenings of one topic (two quakes, two elections) state different ones.
 */
export function figuresConflict(a: ArticleFeatures, b: ArticleFeatures): boolean {
  const la = a.leadFigures;
  const lb = b.leadFigures;
  if (!la || !lb || la.length === 0 || lb.length === 0) return false;
  for (const x of la) if (hasKey(b.keys, x.key)) return false;
  for (const x of lb) if (hasKey(a.keys, x.key)) return false;
  return true;
}

/**
 * Conflicting subjects: both titles name company codes (tickers, bracketed names) and neither article
 * names any of the other's title codes anywhere, in title or text. Templated notices (a dividend, a
 * quarter's results) name their company only in the title; their bodies are the same words for every
 * company, and that day's notices would otherwise be one event.
 */
export function subjectsConflict(a: Pick<ArticleFeatures, 'subjects' | 'codes'>, b: Pick<ArticleFeatures, 'subjects' | 'codes'>): boolean {
  const sa = a.subjects;
  const sb = b.subjects;
  if (!sa || !sb || sa.length === 0 || sb.length === 0) return false;
  for (const x of sa) if (hasKey(b.codes ?? [], x.key)) return false;
  for (const x of sb) if (hasKey(a.codes ?? [], x.key)) return false;
  return true;
}

/**
 * Stories: two events conflict as two articles do (`subjectsConflict`), over the title codes of all
 * their articles and every code they name; a conflicting story pair is multiplied by `factor`.
 * Only events whose articles' titles name codes are read: most events have none.
 */
function discountStories(
  feats: readonly ArticleFeatures[],
  /** Per event, its articles (canonical indices). */
  eventUnits: readonly (readonly number[])[],
  sp: { pairA: Int32Array; pairB: Int32Array },
  sims: Float64Array,
  factor: number,
): void {
  const of = new Map<number, Pick<ArticleFeatures, 'subjects' | 'codes'>>();
  const eventCodes = (e: number): Pick<ArticleFeatures, 'subjects' | 'codes'> => {
    const got = of.get(e);
    if (got) return got;
    const subjects: TitleSubject[] = [];
    const codes = new Set<number>();
    for (const i of eventUnits[e]!) {
      const f = feats[i]!;
      for (const x of f.subjects ?? []) if (!subjects.some((y) => y.key === x.key)) subjects.push(x);
      for (const k of f.codes ?? []) codes.add(k);
    }
    const out = { subjects, codes: [...codes].sort((x, y) => x - y) };
    of.set(e, out);
    return out;
  };
  const hasSubjects = Uint8Array.from(eventUnits, (arts) => (arts.some((i) => (feats[i]!.subjects?.length ?? 0) > 0) ? 1 : 0));
  for (let q = 0; q < sp.pairA.length; q++) {
    const a = sp.pairA[q]!;
    const b = sp.pairB[q]!;
    if (sims[q]! <= 0 || hasSubjects[a] === 0 || hasSubjects[b] === 0) continue;
    if (subjectsConflict(eventCodes(a), eventCodes(b))) sims[q] = sims[q]! * factor;
  }
}

/** Binary search in ascending feature keys. */
function hasKey(keys: ArrayLike<number>, k: number): boolean {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = keys[mid]!;
    if (x === k) return true;
    if (x < k) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
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

function buildGrouping(feats: readonly ArticleFeatures[], graph: Graph, opt: GroupOptions, helper: Helper): Grouping {
  const { simSum, eventUnits, storyOf, conflicts } = graph;
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
  const storyEvents = stOrder.map(({ es }) => [...es].sort((x, y) => cmp(eventId[x]!, eventId[y]!)));

  // Ties of every event of several articles (parts: its articles) and every story of several events
  // (parts: its events), weighed on both threads; the evidence is read here.
  const tieGroups: Array<readonly (readonly number[])[]> = [];
  for (const { e } of evOrder) if (eventUnits[e]!.length > 1) tieGroups.push(eventUnits[e]!.map((i) => [i]));
  for (const es of storyEvents) if (es.length > 1) tieGroups.push(es.map((e) => eventUnits[e]!));
  const ties = weighTies(feats, tieGroups, graph.features, opt, helper);
  let nextTies = 0;

  const conflictsOf = conflictsByEvent(feats, conflicts, eventIndexOf, eventId);
  const events: EventGroup[] = evOrder.map(({ e }) => {
    const m = eventUnits[e]!;
    const group: EventGroup = {
      id: eventId[e]!,
      storyId: storyId[e]!,
      articleIds: m.map((i) => feats[i]!.id),
      outlets: outletsOf(feats, m),
      dateRange: dateRangeOf(feats, m),
      ties: m.length > 1 ? ties(tieGroups[nextTies]!, nextTies++) : [],
    };
    // Only where the rule kept a similar pair in two events (absent otherwise: most events have none).
    const c = conflictsOf.get(e);
    if (c) group.conflicts = c;
    return group;
  });
  const stories: StoryGroup[] = stOrder.map(({ es }, s) => {
    const sortedEs = storyEvents[s]!;
    const arts = sortedEs.flatMap((e) => eventUnits[e]!).sort((a, b) => a - b);
    return {
      id: storyId[es[0]!]!,
      eventIds: sortedEs.map((e) => eventId[e]!),
      articleIds: arts.map((i) => feats[i]!.id),
      outlets: outletsOf(feats, arts),
      dateRange: dateRangeOf(feats, arts),
      ties: es.length > 1 ? ties(tieGroups[nextTies]!, nextTies++) : [],
    };
  });
  // Cohesion: mean similarity to the other members of the event (non-candidate pairs count as 0); 1 for a singleton.
  const articles: Membership[] = feats.map((f, i) => {
    const e = eventIndexOf[i]!;
    const size = eventUnits[e]!.length;
    return { id: f.id, story: storyId[e]!, event: eventId[e]!, cohesion: size === 1 ? 1 : round(simSum[i]! / (size - 1)) };
  });
  return { stories, events, articles };
}

/**
 * Ties of groups made of parts (articles of an event, or events of a story): labelled features found in
 * at least two parts, weighted by idf × kind weight × share of parts holding it, heaviest first
 * (`kernels.ts` tieRange, shared with the helper thread), each with the first occurrence in every article
 * that labels it. Returns the ties of group g (its parts given again) as `Tie`s.
 */
function weighTies(
  feats: readonly ArticleFeatures[],
  groups: ReadonlyArray<readonly (readonly number[])[]>,
  features: Graph['features'],
  opt: GroupOptions,
  helper: Helper,
): (parts: readonly (readonly number[])[], g: number) => Tie[] {
  const n = feats.length;
  let nParts = 0;
  let nMembers = 0;
  for (const parts of groups) {
    nParts += parts.length;
    for (const part of parts) nMembers += part.length;
  }
  const partOff = i32(groups.length + 1);
  const memOff = i32(nParts + 1);
  const members = i32(nMembers);
  let p = 0;
  let t = 0;
  groups.forEach((parts, g) => {
    for (const part of parts) {
      for (const i of part) members[t++] = i;
      memOff[++p] = t;
    }
    partOff[g + 1] = p;
  });
  // Labelled features as dense ids (a label's key index into the article's own features).
  const labOff = i32(n + 1);
  for (let a = 0; a < n; a++) {
    const f = feats[a]!;
    let k = 0;
    for (let r = 0; r * 3 < f.spans.length; r++) if (f.spans[r * 3]! < f.keys.length) k++;
    labOff[a + 1] = labOff[a]! + k;
  }
  const labIds = i32(labOff[n]!);
  for (let a = 0; a < n; a++) {
    const f = feats[a]!;
    let at = labOff[a]!;
    for (let r = 0; r * 3 < f.spans.length; r++) {
      const q = f.spans[r * 3]!;
      if (q < f.keys.length) labIds[at++] = features.ids[features.idsOff[a]! + q]!;
    }
  }
  const k = opt.maxTies;
  const data: TieData = { ...features, partOff, memOff, members, labOff, labIds, maxTies: k, tieIds: i32(groups.length * k), tieW: f64(groups.length * k), tieLen: i32(groups.length) };
  helper.share({ kind: 'ties', data }, groups.length, 64);
  const last = new Int32Array(Math.max(k, 1));
  const rawKeys = new Float64Array(Math.max(k, 1));
  return (parts, g) => {
    const len = data.tieLen[g]!;
    for (let s = 0; s < len; s++) rawKeys[s] = features.raw[data.tieIds[g * k + s]!]!;
    const out: Tie[] = [];
    for (let s = 0; s < len; s++) out.push({ kind: kindOfKey(rawKeys[s]!), value: '', weight: round(data.tieW[g * k + s]!), evidence: [] });
    // One pass over each member's labels: its last label of each tie (as a map by key would keep).
    for (const part of parts) {
      for (const i of part) {
        const f = feats[i]!;
        last.fill(-1, 0, len);
        for (let r = 0; r * 3 < f.spans.length; r++) {
          const key = f.keys[f.spans[r * 3]!];
          if (key === undefined) continue;
          for (let s = 0; s < len; s++) {
            if (rawKeys[s] === key) {
              last[s] = r;
              break;
            }
          }
        }
        for (let s = 0; s < len; s++) {
          const r = last[s]!;
          if (r < 0) continue;
          const tie = out[s]!;
          if (!tie.value) tie.value = labelAt(f.labels, r);
          tie.evidence.push({ articleId: f.id, start: f.spans[r * 3 + 1]!, end: f.spans[r * 3 + 2]! });
        }
      }
    }
    return out;
  };
}

/** Most conflicts listed per event. */
const MAX_CONFLICTS = 5;

/**
 * Per event, the look-alike events a conflict rule kept apart: for each other event, the most similar
 * conflicting pair across the two (first-order similarity before the discount, at least the event
 * threshold and past the specificity gate), with both articles' lead figures (rule `figures`) or title
 * codes (rule `subjects`) as evidence.
 */
function conflictsByEvent(
  feats: readonly ArticleFeatures[],
  conflicts: readonly Conflict[],
  eventIndexOf: readonly number[],
  eventId: readonly string[],
): Map<number, FigureConflict[]> {
  // Keyed by the event pair (here × events + there): a number, not a string, per conflicting pair.
  type Best = { here: number; there: number; sim: number; rule: Conflict['rule'] };
  const best = new Map<number, Best>();
  const offer = (here: number, there: number, sim: number, rule: Conflict['rule']): void => {
    const k = eventIndexOf[here]! * eventId.length + eventIndexOf[there]!;
    const cur = best.get(k);
    if (!cur || sim > cur.sim || (sim === cur.sim && (here < cur.here || (here === cur.here && there < cur.there)))) best.set(k, { here, there, sim, rule });
  };
  for (const { a, b, sim, rule } of conflicts) {
    if (eventIndexOf[a] === eventIndexOf[b]) continue;
    offer(a, b, sim, rule);
    offer(b, a, sim, rule);
  }
  const perEvent = new Map<number, Best[]>();
  for (const c of best.values()) {
    const e = eventIndexOf[c.here]!;
    const list = perEvent.get(e);
    if (list) list.push(c);
    else perEvent.set(e, [c]);
  }
  const evidence = (i: number, rule: Conflict['rule']): FigureConflict['evidence'] =>
    rule === 'figures'
      ? (feats[i]!.leadFigures ?? []).map((x: LeadFigure) => ({ articleId: feats[i]!.id, value: x.value, start: x.start, end: x.end }))
      : (feats[i]!.subjects ?? []).map((x: TitleSubject) => ({ articleId: feats[i]!.id, field: 'title' as const, value: x.value, start: x.start, end: x.end }));
  const out = new Map<number, FigureConflict[]>();
  for (const [e, list] of perEvent) {
    const other = (c: { there: number }): string => eventId[eventIndexOf[c.there]!]!;
    list.sort((x, y) => y.sim - x.sim || cmp(other(x), other(y)));
    out.set(
      e,
      list.slice(0, MAX_CONFLICTS).map((c) => ({ eventId: other(c), rule: c.rule, similarity: round(c.sim), evidence: [...evidence(c.here, c.rule), ...evidence(c.there, c.rule)] })),
    );
  }
  return out;
}

/** The `t`-th of an article's labels (`labels` joined by "\n"), or "" (as `labels.split('\n')[t] ?? ''`). */
function labelAt(labels: string, t: number): string {
  if (!labels) return '';
  let from = 0;
  for (let r = 0; r < t; r++) {
    const nl = labels.indexOf('\n', from);
    if (nl < 0) return '';
    from = nl + 1;
  }
  const end = labels.indexOf('\n', from);
  return end < 0 ? labels.slice(from) : labels.slice(from, end);
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
 * Open-addressing hash from 32-bit feature keys to dense ids 0, 1, 2… in first-seen order. Each slot
 * holds the key and id + 1 side by side (one cache line per probe, no boxing).
 */
class KeyIndex {
  private table: Uint32Array;
  private raw: Uint32Array;
  private size = 0;
  constructor(capacity: number) {
    this.table = new Uint32Array(capacity * 4);
    this.raw = new Uint32Array(capacity);
  }
  /** Slot index (even) holding `k`, or the empty slot where it would go. */
  private slot(k: number): number {
    const mask = (this.table.length >> 1) - 1;
    let h = Math.imul(k, 0x9e3779b1) >>> 0;
    for (;;) {
      const at = (h & mask) << 1;
      if (this.table[at + 1] === 0 || this.table[at] === k) return at;
      h = (h & mask) + 1;
    }
  }
  idOf(k: number): number {
    const at = this.slot(k);
    const stored = this.table[at + 1]!;
    if (stored > 0) return stored - 1;
    if (this.size === this.raw.length) {
      this.grow();
      return this.idOf(k);
    }
    this.raw[this.size] = k;
    this.table[at] = k;
    this.table[at + 1] = ++this.size;
    return this.size - 1;
  }
  keys(): Uint32Array {
    return this.raw.subarray(0, this.size);
  }
  private grow(): void {
    const raw = new Uint32Array(this.raw.length * 2);
    raw.set(this.raw);
    this.raw = raw;
    this.table = new Uint32Array(raw.length * 4);
    for (let id = 0; id < this.size; id++) {
      const at = this.slot(raw[id]!);
      this.table[at] = raw[id]!;
      this.table[at + 1] = id + 1;
    }
  }
}

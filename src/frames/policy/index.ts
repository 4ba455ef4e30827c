/**
 * Policy frames (layer `frames`): the 15 frame dimensions of the Policy
 * Frames Codebook (Boydstun, Card, Gross, Resnik & Smith 2014) scored per
 * article from cue words (data/lexicons/policy-frames.json: our own lists,
 * MIT, matched by Porter stem, one frame per stem).
 *
 * An article's frame distribution is p_f = c_f / Σ c (cue hits per frame);
 * an article with no cue gets all its mass on "other". An outlet's
 * distribution is the mean of its articles' distributions (each article
 * weighs the same). Outlets are compared with the Jensen–Shannon divergence
 * (Lin 1991), base 2 so it lies in [0, 1]:
 *   JSD(P, Q) = Σ_f ½ p_f log2(p_f / m_f) + ½ q_f log2(q_f / m_f),  m = (P + Q)/2,
 * with 0·log 0 = 0. Each frame's term is ≥ 0 (log-sum inequality), so the
 * terms are the per-frame contributions ("drivers") and sum to the JSD.
 * ml-distance's `jensenShannon` computes the same sum with natural logs (it
 * equals our value × ln 2) but returns NaN when a frame has zero mass on one
 * side, which frame distributions often do; hence this implementation.
 */
import { z } from 'zod';
import type { Doc, Finding } from '../../doc/types.js';
import { normalizeWord, stemWord } from '../../text/index.js';
import { readDataJson } from '../loaded/lexicon.js';
import { tokenLayer, typeKind, typeStem, typeValues, type TypeValues } from '../loaded/vocab.js';
import { byOutlet } from '../hedges/per-outlet.js';
import type { Analyzer } from '../index.js';

export const FRAMES_LAYER = 'frames';

export const FRAME_IDS = [
  'economic',
  'capacity_resources',
  'morality',
  'fairness_equality',
  'legality',
  'policy_prescription',
  'crime_punishment',
  'security_defense',
  'health_safety',
  'quality_of_life',
  'cultural_identity',
  'public_opinion',
  'political',
  'external_regulation',
  'other',
] as const;
export type FrameId = (typeof FRAME_IDS)[number];
export type FrameDistribution = Record<FrameId, number>;

export interface FrameLexicon {
  name: string;
  source: string;
  licence: string;
  frames: { id: FrameId; label: string; cues: string }[];
}

/** Stem → frame, checked to give each stem one frame. */
export interface FrameCues {
  byStem: Map<string, FrameId>;
  labels: Record<FrameId, string>;
}

export function buildFrameCues(lexicon: FrameLexicon): FrameCues {
  const byStem = new Map<string, FrameId>();
  const labels = {} as Record<FrameId, string>;
  for (const f of lexicon.frames) {
    if (!(FRAME_IDS as readonly string[]).includes(f.id)) throw new Error(`${lexicon.name}: unknown frame ${f.id}`);
    labels[f.id] = f.label;
    for (const w of f.cues.split('|')) {
      if (!w) continue;
      const stem = stemWord(normalizeWord(w), 'en');
      const prev = byStem.get(stem);
      if (prev && prev !== f.id) throw new Error(`${lexicon.name}: stem "${stem}" (${w}) in both ${prev} and ${f.id}`);
      byStem.set(stem, f.id);
    }
  }
  return { byStem, labels };
}

let shipped: FrameCues | null = null;
export function loadFrameCues(): FrameCues {
  shipped ??= buildFrameCues(readDataJson<FrameLexicon>('data/lexicons/policy-frames.json'));
  return shipped;
}

/** Frame of each word type (index into FRAME_IDS; −1: none), looked up once per type and cue set (vocab.ts). */
let frameOfType: TypeValues | null = null;

/** One finding per cue word: label = frame id, data = { frame, cue (stem) }. */
export function detectFrames(doc: Doc, cues: FrameCues = loadFrameCues()): Finding[] {
  const out: Finding[] = [];
  const { types, starts, ends } = tokenLayer(doc);
  frameOfType = typeValues(frameOfType, cues);
  const frames = frameOfType.values;
  for (let i = 0; i < types.length; i++) {
    const id = types[i]!;
    let f = frames[id]!;
    if (f === -2) {
      const frame = typeKind(id) === 'word' ? cues.byStem.get(typeStem(id)) : undefined;
      frames[id] = f = frame ? FRAME_IDS.indexOf(frame) : -1;
    }
    if (f < 0) continue;
    const frame = FRAME_IDS[f]!;
    const start = starts[i]!;
    const end = ends[i]!;
    // makeFinding's shape and key order, built directly (no spread per finding).
    out.push({ analyzer: FRAMES_LAYER, rule: 'cue', start, end, text: doc.text.slice(start, end), label: frame, data: { frame, cue: typeStem(id) } });
  }
  return out;
}

export const framesAnalyzer: Analyzer = { name: FRAMES_LAYER, run: (doc) => detectFrames(doc) };

/** All-zero distribution, keys in FRAME_IDS order (a literal: this runs for every article and pair). */
function zeros(): FrameDistribution {
  return {
    economic: 0,
    capacity_resources: 0,
    morality: 0,
    fairness_equality: 0,
    legality: 0,
    policy_prescription: 0,
    crime_punishment: 0,
    security_defense: 0,
    health_safety: 0,
    quality_of_life: 0,
    cultural_identity: 0,
    public_opinion: 0,
    political: 0,
    external_regulation: 0,
    other: 0,
  };
}

function framesOf(doc: Doc): Finding[] {
  return doc.layers[FRAMES_LAYER] ?? detectFrames(doc);
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

export const FrameIdSchema = z.enum(FRAME_IDS);
export const FrameDistributionSchema = z.record(FrameIdSchema, z.number());
const EvidenceSchema = z.object({ doc: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() });

/** A frame's cue words (stems) with counts and first occurrences. */
export const FrameWordsSchema = z.object({ frame: FrameIdSchema, cues: z.array(z.object({ cue: z.string(), count: z.number().int() })), evidence: z.array(EvidenceSchema) });

export const DocFramesSchema = z.object({
  doc: z.string(),
  cueCount: z.number().int(),
  distribution: FrameDistributionSchema,
  words: z.array(FrameWordsSchema),
});
export type DocFrames = z.infer<typeof DocFramesSchema>;

function wordsByFrame(entries: { doc: string; f: Finding }[], maxEvidence = 3): DocFrames['words'] {
  const by = new Map<FrameId, { counts: Map<string, number>; evidence: z.infer<typeof EvidenceSchema>[] }>();
  for (const { doc, f } of entries) {
    const frame = f.label as FrameId;
    let b = by.get(frame);
    if (!b) by.set(frame, (b = { counts: new Map(), evidence: [] }));
    const cue = String((f.data as { cue: string }).cue);
    b.counts.set(cue, (b.counts.get(cue) ?? 0) + 1);
    if (b.evidence.length < maxEvidence) b.evidence.push({ doc, start: f.start, end: f.end, text: f.text });
  }
  return FRAME_IDS.filter((f) => by.has(f)).map((frame) => {
    const b = by.get(frame)!;
    const cues = [...b.counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([cue, count]) => ({ cue, count }));
    return { frame, cues, evidence: b.evidence };
  });
}

function distributionOf(findings: readonly Finding[]): FrameDistribution {
  const distribution = zeros();
  if (findings.length === 0) distribution.other = 1;
  else {
    for (const f of findings) distribution[f.label as FrameId]++;
    for (const k of FRAME_IDS) distribution[k] = round(distribution[k] / findings.length);
  }
  return distribution;
}

/** Distributions by findings array: an article's layer is scored once however many pairs, events and stories it is in. */
const distributionCache = new WeakMap<readonly Finding[], FrameDistribution>();

/** An article's frame distribution (a fresh copy: callers may keep or change it). */
export function frameDistribution(doc: Doc): FrameDistribution {
  const findings = framesOf(doc);
  let d = distributionCache.get(findings);
  if (!d) distributionCache.set(findings, (d = distributionOf(findings)));
  return { ...d };
}

/** An article's frame distribution (sums to 1) with the words carrying each frame. */
export function scoreFrames(doc: Doc): DocFrames {
  const findings = framesOf(doc);
  return { doc: doc.id, cueCount: findings.length, distribution: frameDistribution(doc), words: wordsByFrame(findings.map((f) => ({ doc: doc.id, f }))) };
}

export interface JsdResult {
  jsd: number;
  /** Per-frame terms of the sum, ≥ 0, summing to `jsd`. */
  contributions: FrameDistribution;
}

/** Jensen–Shannon divergence in bits (see the module comment) with per-frame contributions. */
export function jensenShannon(p: FrameDistribution, q: FrameDistribution): JsdResult {
  const contributions = zeros();
  let jsd = 0;
  for (const f of FRAME_IDS) {
    const a = p[f];
    const b = q[f];
    const m = (a + b) / 2;
    let c = 0;
    if (a > 0) c += 0.5 * a * Math.log2(a / m);
    if (b > 0) c += 0.5 * b * Math.log2(b / m);
    contributions[f] = c;
    jsd += c;
  }
  return { jsd, contributions };
}

export const OutletFramesSchema = z.object({
  outlet: z.string(),
  docs: z.array(z.string()),
  distribution: FrameDistributionSchema,
  words: z.array(FrameWordsSchema),
});
export const FramePairSchema = z.object({
  a: z.string(),
  b: z.string(),
  jsd: z.number(),
  drivers: z.array(z.object({ frame: FrameIdSchema, contribution: z.number(), share: z.number(), a: z.number(), b: z.number() })),
});
export const FrameComparisonSchema = z.object({ outlets: z.array(OutletFramesSchema), pairs: z.array(FramePairSchema) });
export type OutletFrames = z.infer<typeof OutletFramesSchema>;
export type FramePair = z.infer<typeof FramePairSchema>;
export type FrameComparison = z.infer<typeof FrameComparisonSchema>;

/**
 * Per-outlet frame distributions (mean of article distributions), every outlet
 * pair's JSD, and the frames driving it (contribution, share of the JSD, the
 * two outlets' masses), largest first. Outlets and pairs are sorted by name.
 */
export function compareFrames(docs: readonly Doc[], maxDrivers = 5): FrameComparison {
  const outlets: OutletFrames[] = byOutlet(docs).map(([outlet, ds]) => {
    const distribution = zeros();
    const entries: { doc: string; f: Finding }[] = [];
    for (const d of ds) {
      const s = frameDistribution(d);
      for (const k of FRAME_IDS) distribution[k] += s[k] / ds.length;
      for (const f of framesOf(d)) entries.push({ doc: d.id, f });
    }
    for (const k of FRAME_IDS) distribution[k] = round(distribution[k]);
    return { outlet, docs: ds.map((d) => d.id), distribution, words: wordsByFrame(entries) };
  });
  const pairs: FramePair[] = [];
  for (let i = 0; i < outlets.length; i++) {
    for (let j = i + 1; j < outlets.length; j++) {
      const A = outlets[i]!;
      const B = outlets[j]!;
      const { jsd, contributions } = jensenShannon(A.distribution, B.distribution);
      const drivers = FRAME_IDS.filter((f) => contributions[f] > 0)
        .map((frame) => ({ frame, contribution: round(contributions[frame]), share: jsd > 0 ? round(contributions[frame] / jsd) : 0, a: A.distribution[frame], b: B.distribution[frame] }))
        .sort((x, y) => y.contribution - x.contribution || FRAME_IDS.indexOf(x.frame) - FRAME_IDS.indexOf(y.frame))
        .slice(0, maxDrivers);
      pairs.push({ a: A.outlet, b: B.outlet, jsd: round(jsd), drivers });
    }
  }
  return { outlets, pairs };
}

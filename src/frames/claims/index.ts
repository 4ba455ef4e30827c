/**
 * Claims and omissions: each article split into checkable claims, claims
 * aligned across the articles of an event, each cluster labeled shared or
 * unique, with per-outlet omissions and conflicting numbers or dates.
 */
import { z } from 'zod';
import type { Doc, Finding, Span, Token } from '../../doc/types.js';
import { makeFinding } from '../../doc/span.js';
import { isStopword } from '../../text/index.js';
import type { Analyzer } from '../index.js';
import { detectMentions } from '../naming/mentions.js';
import { outletOf } from '../naming/index.js';

/** Claims are sentences or "; "-separated clauses with at least this many word tokens. */
export const MIN_CLAIM_WORDS = 6;
/**
 * Two claims of different articles align when each is the other's most similar
 * claim in the other article (mutual best match, which stops chains of loosely
 * related sentences) and the Dice coefficient of their content-word stems is
 * ≥ ALIGN_DICE, or ≥ ALIGN_DICE_WITH_ANCHOR when they also share an anchor (a
 * number, a date, or a multi-word name the actor table lacks, like "Freedom Edge").
 * Shared actors are not anchors: every claim of an event names the same actors.
 * Set by reading aligned pairs of the bundled sample and hand-made cases, not fitted to a labeled set.
 */
export const ALIGN_DICE = 0.3;
export const ALIGN_DICE_WITH_ANCHOR = 0.2;

const BOILERPLATE = /\b(cookies?|all rights reserved|privacy policy|subscribe|sign up|newsletter|click here|read more|terms of (use|service)|advertisement|copyright)\b|©/i;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15,
  sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12, dozens: 24,
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

export interface NumberFact {
  value: number;
  /** Stem of the word the number counts ("jet", "percent"); '' when none. */
  unit: string;
  start: number;
  end: number;
}
export interface DateFact {
  /** "MM-DD", "YYYY" or a weekday name. */
  value: string;
  kind: 'month-day' | 'year' | 'weekday';
  start: number;
  end: number;
}

export interface Claim {
  id: string;
  articleId: string;
  outlet: string;
  start: number;
  end: number;
  text: string;
  stems: string[];
  actors: string[];
  numbers: NumberFact[];
  dates: DateFact[];
}

/** A sentence is checkable news text when it ends like a sentence, is not a question or site boilerplate, and is long enough. */
function isClaimText(text: string, words: number): boolean {
  const t = text.trim();
  if (words < MIN_CLAIM_WORDS) return false;
  if (!/[.!;]["”’)\]]*$/.test(t)) return false;
  if (/\?["”’)\]]*$/.test(t)) return false;
  return !BOILERPLATE.test(t);
}

/** Numbers (with the word they count) and dates in tokens [from, to). */
export function extractFacts(doc: Doc, from: number, to: number): { numbers: NumberFact[]; dates: DateFact[] } {
  const numbers: NumberFact[] = [];
  const dates: DateFact[] = [];
  const tk = doc.tokens;
  for (let i = from; i < to; i++) {
    const t = tk[i]!;
    const monthIdx = MONTHS.indexOf(t.norm) >= 0 ? MONTHS.indexOf(t.norm) : t.cap ? MONTH_ABBR.indexOf(t.norm) : -1;
    if (monthIdx >= 0 && t.cap) {
      const next = tk[i + 1];
      if (next && i + 1 < to && next.kind === 'number' && /^\d{1,2}$/.test(next.norm) && Number(next.norm) <= 31) {
        dates.push({ value: `${String(monthIdx + 1).padStart(2, '0')}-${next.norm.padStart(2, '0')}`, kind: 'month-day', start: t.start, end: next.end });
        // "June 27 and 29": the second day shares the month.
        const and = tk[i + 2];
        const day2 = tk[i + 3];
        if (and && day2 && i + 3 < to && (and.norm === 'and' || and.norm === 'to') && day2.kind === 'number' && /^\d{1,2}$/.test(day2.norm)) {
          dates.push({ value: `${String(monthIdx + 1).padStart(2, '0')}-${day2.norm.padStart(2, '0')}`, kind: 'month-day', start: day2.start, end: day2.end });
          i += 3;
        } else i += 1;
        continue;
      }
    }
    if (WEEKDAYS.has(t.norm) && t.cap) {
      dates.push({ value: t.norm, kind: 'weekday', start: t.start, end: t.end });
      continue;
    }
    if (t.kind === 'number' && /^(19|20)\d\d$/.test(t.norm)) {
      dates.push({ value: t.norm, kind: 'year', start: t.start, end: t.end });
      continue;
    }
    let value: number | null = null;
    if (t.kind === 'number') value = Number(t.norm.replace(/,/g, ''));
    else if (t.norm in NUMBER_WORDS && !(t.norm === 'one' && tk[i + 1]?.norm === 'of')) value = NUMBER_WORDS[t.norm]!;
    if (value === null || Number.isNaN(value)) continue;
    let j = i + 1;
    let end = t.end;
    if (doc.text[t.end] === '%') {
      numbers.push({ value, unit: 'percent', start: t.start, end: t.end + 1 });
      continue;
    }
    const scale = tk[j] && j < to ? SCALES[tk[j]!.norm] : undefined;
    if (scale) {
      value *= scale;
      end = tk[j]!.end;
      j++;
    }
    let unit = '';
    for (let k = j; k < Math.min(to, j + 3); k++) {
      const u = tk[k]!;
      if (u.kind !== 'word' || isStopword(u.norm)) continue;
      unit = u.stem;
      break;
    }
    numbers.push({ value, unit, start: t.start, end });
  }
  return { numbers, dates };
}

function claimSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, s.end);
    // Long sentences with semicolons hold separate claims.
    let cursor = s.start;
    for (const m of text.matchAll(/;\s+/g)) {
      out.push({ start: cursor, end: s.start + m.index + 1 });
      cursor = s.start + m.index + m[0].length;
    }
    out.push({ start: cursor, end: s.end });
  }
  return out;
}

function tokenRange(doc: Doc, span: Span): [number, number] {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < doc.tokens.length && doc.tokens[end]!.end <= span.end) end++;
  return [lo, end];
}

/** The checkable claims of one article, in text order, with their stems, actors, numbers and dates. */
export function splitClaims(doc: Doc): Claim[] {
  const mentions = detectMentions(doc);
  const outlet = outletOf(doc);
  const claims: Claim[] = [];
  for (const span of claimSpans(doc)) {
    const [first, last] = tokenRange(doc, span);
    const words = doc.tokens.slice(first, last).filter((t: Token) => t.kind === 'word');
    const text = doc.text.slice(span.start, span.end);
    if (!isClaimText(text, words.length)) continue;
    const stems = [...new Set(words.filter((t) => !isStopword(t.norm) && t.norm.length > 2).map((t) => t.stem))].sort();
    const actors = [...new Set(mentions.filter((m) => m.start >= span.start && m.end <= span.end).map((m) => m.actorId))].sort();
    const { numbers, dates } = extractFacts(doc, first, last);
    claims.push({ id: `${doc.id}#${claims.length + 1}`, articleId: doc.id, outlet, start: span.start, end: span.end, text, stems, actors, numbers, dates });
  }
  return claims;
}

export const ClaimDataSchema = z.object({
  actors: z.array(z.string()),
  numbers: z.array(z.object({ value: z.number(), unit: z.string(), start: z.number().int(), end: z.number().int() })),
  dates: z.array(z.object({ value: z.string(), kind: z.enum(['month-day', 'year', 'weekday']), start: z.number().int(), end: z.number().int() })),
});

/** Layer 'claims': one finding per checkable claim; `data` carries its actors, numbers and dates. */
export const claimsAnalyzer: Analyzer = {
  name: 'claims',
  run(doc: Doc): Finding[] {
    return splitClaims(doc).map((c) => makeFinding(doc, 'claims', 'sentence', c.start, c.end, { data: { actors: c.actors, numbers: c.numbers, dates: c.dates } }));
  },
};

/** Dice coefficient 2|A∩B| / (|A|+|B|) of two sorted, de-duplicated stem lists. */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  const set = new Set(a);
  let shared = 0;
  for (const x of b) if (set.has(x)) shared++;
  return (2 * shared) / (a.length + b.length);
}

function hasAnchor(a: Claim, b: Claim): boolean {
  const nums = new Set(a.numbers.map((n) => n.value));
  if (b.numbers.some((n) => nums.has(n.value))) return true;
  const ds = new Set(a.dates.map((d) => d.value));
  if (b.dates.some((d) => ds.has(d.value))) return true;
  const names = new Set(a.actors.filter((x) => x.startsWith('x:') && x.includes(' ')));
  return b.actors.some((x) => names.has(x));
}

/** True when two claims of different articles are similar enough to say the same thing (thresholds above; mutual best match is checked by compareClaims). */
export function claimsAlign(a: Claim, b: Claim): boolean {
  if (a.articleId === b.articleId) return false;
  const d = dice(a.stems, b.stems);
  return d >= ALIGN_DICE || (d >= ALIGN_DICE_WITH_ANCHOR && hasAnchor(a, b));
}

/** Index of the claim in `others` most similar to `c` (ties: the earlier one), or -1. */
function bestMatch(c: Claim, others: readonly Claim[]): number {
  let best = -1;
  let bestD = -1;
  others.forEach((o, i) => {
    const d = dice(c.stems, o.stems);
    if (d > bestD) {
      best = i;
      bestD = d;
    }
  });
  return best;
}

const ConflictValueSchema = z.object({ articleId: z.string(), outlet: z.string(), claimId: z.string(), value: z.union([z.number(), z.string()]), start: z.number().int(), end: z.number().int() });

export const ClaimsComparisonSchema = z.object({
  claims: z.array(z.object({ id: z.string(), articleId: z.string(), outlet: z.string(), start: z.number().int(), end: z.number().int(), text: z.string(), clusterId: z.string() })),
  clusters: z.array(z.object({ id: z.string(), articleIds: z.array(z.string()), outlets: z.array(z.string()), label: z.enum(['shared', 'unique']), claimIds: z.array(z.string()) })),
  omissions: z.array(
    z.object({
      outlet: z.string(),
      /** Clusters reported by at least half of the other outlets (rounded up, ≥ 1) and absent from this one. */
      missingClusterIds: z.array(z.string()),
      /** Clusters only this outlet reports. */
      exclusiveClusterIds: z.array(z.string()),
      notes: z.array(z.string()),
    }),
  ),
  conflicts: z.array(z.object({ clusterId: z.string(), kind: z.enum(['number', 'date']), unit: z.string(), values: z.array(ConflictValueSchema) })),
});
export type ClaimsComparison = z.infer<typeof ClaimsComparisonSchema>;

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/**
 * Claims of the articles of one event, aligned into clusters (single-link over
 * aligned pairs), with omissions and number/date conflicts. Independent of input order.
 */
export function compareClaims(docs: readonly Doc[]): ClaimsComparison {
  const ordered = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const claims = ordered.flatMap(splitClaims);
  const parent = claims.map((_, i) => i);
  const index = new Map(claims.map((c, i) => [c, i]));
  const byArticle = ordered.map((d) => claims.filter((c) => c.articleId === d.id));
  for (let x = 0; x < byArticle.length; x++) {
    for (let y = x + 1; y < byArticle.length; y++) {
      const A = byArticle[x]!;
      const B = byArticle[y]!;
      A.forEach((a, i) => {
        const j = bestMatch(a, B);
        if (j < 0 || bestMatch(B[j]!, A) !== i || !claimsAlign(a, B[j]!)) return;
        const ra = find(parent, index.get(a)!);
        const rb = find(parent, index.get(B[j]!)!);
        if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
      });
    }
  }
  const clusterOf = new Map<number, string>();
  const members = new Map<string, Claim[]>();
  claims.forEach((c, i) => {
    const root = find(parent, i);
    let id = clusterOf.get(root);
    if (!id) clusterOf.set(root, (id = `c${clusterOf.size + 1}`));
    const list = members.get(id) ?? [];
    list.push(c);
    members.set(id, list);
  });
  const allOutlets = [...new Set(ordered.map(outletOf))].sort();
  const clusters: ClaimsComparison['clusters'] = [];
  for (const [id, list] of members) {
    const outlets = [...new Set(list.map((c) => c.outlet))].sort();
    clusters.push({ id, articleIds: [...new Set(list.map((c) => c.articleId))].sort(), outlets, label: outlets.length >= 2 ? 'shared' : 'unique', claimIds: list.map((c) => c.id) });
  }
  const omissions: ClaimsComparison['omissions'] = allOutlets.map((outlet) => {
    const others = allOutlets.length - 1;
    const need = Math.max(1, Math.ceil(others / 2));
    const missing = clusters.filter((c) => !c.outlets.includes(outlet) && c.outlets.length >= need);
    const exclusive = clusters.filter((c) => c.outlets.length === 1 && c.outlets[0] === outlet);
    return {
      outlet,
      missingClusterIds: missing.map((c) => c.id),
      exclusiveClusterIds: exclusive.map((c) => c.id),
      notes: missing.map((c) => `${c.id}: reported by ${c.outlets.length} of ${allOutlets.length} outlets, absent from ${outlet}`),
    };
  });
  const conflicts: ClaimsComparison['conflicts'] = [];
  for (const [id, list] of members) conflicts.push(...clusterConflicts(id, list));
  return {
    claims: claims.map((c) => ({ id: c.id, articleId: c.articleId, outlet: c.outlet, start: c.start, end: c.end, text: c.text, clusterId: clusterOf.get(find(parent, index.get(c)!))! })),
    clusters,
    omissions,
    conflicts,
  };
}

/**
 * Conflicts inside one cluster: claims of different outlets that count the same
 * unit with different numbers ("six jets" / "eight jets"), or give month-day dates
 * (or years) with no value in common.
 */
function clusterConflicts(clusterId: string, list: readonly Claim[]): ClaimsComparison['conflicts'] {
  const out: ClaimsComparison['conflicts'] = [];
  const byUnit = new Map<string, { claim: Claim; fact: NumberFact }[]>();
  for (const c of list) for (const n of c.numbers) if (n.unit) (byUnit.get(n.unit) ?? byUnit.set(n.unit, []).get(n.unit)!).push({ claim: c, fact: n });
  for (const unit of [...byUnit.keys()].sort()) {
    const items = byUnit.get(unit)!;
    const outlets = new Set(items.map((x) => x.claim.outlet));
    const values = new Set(items.map((x) => x.fact.value));
    if (outlets.size < 2 || values.size < 2) continue;
    // Only a conflict when outlets disagree, not when one article lists two counts.
    const perOutlet = new Map<string, Set<number>>();
    for (const x of items) (perOutlet.get(x.claim.outlet) ?? perOutlet.set(x.claim.outlet, new Set()).get(x.claim.outlet)!).add(x.fact.value);
    const sets = [...perOutlet.values()];
    const disjoint = sets.some((a, i) => sets.some((b, j) => j > i && ![...a].some((v) => b.has(v))));
    if (!disjoint) continue;
    out.push({ clusterId, kind: 'number', unit, values: items.map((x) => ({ articleId: x.claim.articleId, outlet: x.claim.outlet, claimId: x.claim.id, value: x.fact.value, start: x.fact.start, end: x.fact.end })) });
  }
  for (const kind of ['month-day', 'year'] as const) {
    const perOutlet = new Map<string, { claim: Claim; fact: DateFact }[]>();
    for (const c of list) for (const d of c.dates) if (d.kind === kind) (perOutlet.get(c.outlet) ?? perOutlet.set(c.outlet, []).get(c.outlet)!).push({ claim: c, fact: d });
    if (perOutlet.size < 2) continue;
    const sets = [...perOutlet.values()].map((xs) => new Set(xs.map((x) => x.fact.value)));
    const disjoint = sets.some((a, i) => sets.some((b, j) => j > i && ![...a].some((v) => b.has(v))));
    if (!disjoint) continue;
    const items = [...perOutlet.values()].flat();
    out.push({ clusterId, kind: 'date', unit: kind, values: items.map((x) => ({ articleId: x.claim.articleId, outlet: x.claim.outlet, claimId: x.claim.id, value: x.fact.value, start: x.fact.start, end: x.fact.end })) });
  }
  return out;
}

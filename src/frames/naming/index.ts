/**
 * Naming: which names each outlet uses for the same actor ("North Korea",
 * "DPRK", "Pyongyang", "the isolated nation"), with counts and evidence spans.
 */
import { outletLabel } from '../../doc/meta.js';
import { z } from 'zod';
import type { Doc, Finding } from '../../doc/types.js';
import { makeFinding } from '../../doc/span.js';
import type { Analyzer } from '../index.js';
import { distance } from '../../text/index.js';
import { detectMentions, type Mention } from './mentions.js';

export { detectMentions, closestAlias, unknownKey, VARIANT_JW, type Mention } from './mentions.js';
export { aliasIndex, loadActors, phraseNorms, dataPath, type ActorEntry, type Alias, type NameKind, type ActorType } from './actors.js';

export const NAME_KINDS = ['official', 'common', 'metonym', 'descriptive', 'pejorative'] as const;

/** Layer 'mentions': one finding per actor mention; `data` is a MentionData. */
export const mentionsAnalyzer: Analyzer = {
  name: 'mentions',
  run(doc: Doc): Finding[] {
    return detectMentions(doc).map((m) =>
      makeFinding(doc, 'mentions', m.via, m.start, m.end, {
        label: m.label,
        data: { actorId: m.actorId, label: m.label, actorType: m.type, name: m.name, kind: m.kind, via: m.via },
      }),
    );
  },
};

export const MentionDataSchema = z.object({
  actorId: z.string(),
  label: z.string(),
  actorType: z.enum(['country', 'organization', 'media', 'person', 'unknown']),
  name: z.string(),
  kind: z.enum(NAME_KINDS),
  via: z.enum(['alias', 'variant', 'coreference', 'capitalized']),
});
export type MentionData = z.infer<typeof MentionDataSchema>;

export const EvidenceSchema = z.object({ articleId: z.string(), start: z.number().int(), end: z.number().int() });

export const NameUseSchema = z.object({
  name: z.string(),
  count: z.number().int(),
  kind: z.enum(NAME_KINDS),
  evidence: z.array(EvidenceSchema),
});
export type NameUse = z.infer<typeof NameUseSchema>;

export const NamingTableSchema = z.object({
  actors: z.array(
    z.object({
      actorId: z.string(),
      label: z.string(),
      known: z.boolean(),
      byOutlet: z.record(z.string(), z.array(NameUseSchema)),
    }),
  ),
});
export type NamingTable = z.infer<typeof NamingTableSchema>;

export interface NamingOptions {
  /** Unknown (capitalized, not in the table) actors are listed only when named this often in all docs together. */
  minUnknownCount?: number;
  /** Jaro-Winkler similarity at which two unknown names are taken as one actor. */
  unknownMergeJw?: number;
}

/** Outlet of a doc for reports: its outlet, else `unknown (<id>)`. */
export { outletLabel as outletOf } from '../../doc/meta.js';

/** The doc's mentions: its 'mentions' layer when present, else detected now. */
export function mentionsOf(doc: Doc): Mention[] {
  const layer = doc.layers.mentions;
  if (!layer) return detectMentions(doc);
  return layer.map((f) => {
    const d = f.data as MentionData;
    return { start: f.start, end: f.end, actorId: d.actorId, label: d.label, type: d.actorType, name: d.name, kind: d.kind, via: d.via };
  });
}

/**
 * Groups unknown actors' names (keys) across docs: multi-word keys join when one
 * ends the other at a word boundary ("analyst peter hayes" / "peter hayes") or
 * their Jaro-Winkler similarity (natural's implementation) is ≥ `jw` with the same
 * first letter; a one-word key (a surname) joins the one group whose names end
 * with it, and stays apart when several do ("kim" with "kim jong un" and "kim yo jong").
 *
 * Linear-ish rather than all pairs (a 74-article story has ~900 keys): word-boundary
 * suffixes are looked up in a set, and Jaro-Winkler runs only within a first-letter
 * bucket on pairs whose length-based upper bound can reach `jw` (the same pairs join
 * as with the all-pairs scan; the partition does not depend on the order of joins).
 */
export function mergeUnknown(keys: readonly string[], jw: number): Map<string, string> {
  const sorted = [...new Set(keys)].sort();
  const n = sorted.length;
  // Union-find over indices into `sorted`: the smaller index (the alphabetically first key) is the root.
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (k: number): number => {
    let r = k;
    while (parent[r] !== r) r = parent[r]!;
    return r;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const multi: number[] = [];
  // Multi-word keys by text: the only keys a suffix lookup can join.
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (!sorted[i]!.includes(' ')) continue;
    multi.push(i);
    index.set(sorted[i]!, i);
  }
  // a ends with ` ${b}` (b multi-word): b is a suffix of a after one of a's spaces other than its last.
  for (const i of multi) {
    const a = sorted[i]!;
    const lastSpace = a.lastIndexOf(' ');
    for (let p = a.indexOf(' '); p >= 0 && p < lastSpace; p = a.indexOf(' ', p + 1)) {
      const j = index.get(a.slice(p + 1));
      if (j !== undefined) union(i, j);
    }
  }
  // Same first letter and Jaro-Winkler ≥ jw, called as the all-pairs scan did (earlier key first).
  const buckets = new Map<string, number[]>();
  for (const i of multi) {
    const c = sorted[i]![0]!;
    const list = buckets.get(c);
    if (list) list.push(i);
    else buckets.set(c, [i]);
  }
  const hist = charHistograms(sorted);
  const masks = charMasks(hist, n);
  for (const list of buckets.values()) {
    // Shortest first: past a length where even a four-letter common prefix cannot lift the
    // length-only bound to `jw`, no longer key can join (the bound falls as the longer key grows).
    list.sort((x, y) => sorted[x]!.length - sorted[y]!.length || x - y);
    for (let x = 0; x < list.length; x++) {
      const ix = list[x]!;
      const shorter = sorted[ix]!.length;
      for (let y = x + 1; y < list.length; y++) {
        const iy = list[y]!;
        if (lengthBound(shorter, sorted[iy]!.length) < jw - 1e-6) break;
        const i = Math.min(ix, iy);
        const j = Math.max(ix, iy);
        const a = sorted[i]!;
        const b = sorted[j]!;
        // Lengths alone first (common characters ≤ the shorter length), then the bins one key lacks
        // (each drops at least one of the other's characters), then the shared-character count.
        if (jaroWinklerBound(a, b, Infinity) < jw - 1e-9) continue;
        const ma = masks[i]!;
        const mb = masks[j]!;
        if (jaroWinklerBound(a, b, Math.min(a.length - bitCount(ma & ~mb), b.length - bitCount(mb & ~ma))) < jw - 1e-9) continue;
        if (jaroWinklerBound(a, b, commonChars(hist, i, j)) < jw - 1e-9) continue;
        if (distance.JaroWinklerDistance(a, b) >= jw) union(i, j);
      }
    }
  }
  // One-word key k: the multi-word keys ending with ` ${k}` are those whose last word is k.
  const byLastWord = new Map<string, number[]>();
  for (const i of multi) {
    const m = sorted[i]!;
    const last = m.slice(m.lastIndexOf(' ') + 1);
    const list = byLastWord.get(last);
    if (list) list.push(i);
    else byLastWord.set(last, [i]);
  }
  for (let i = 0; i < n; i++) {
    const k = sorted[i]!;
    if (k.includes(' ')) continue;
    const ends = byLastWord.get(k);
    if (!ends) continue;
    const root = find(ends[0]!);
    if (ends.every((m) => find(m) === root)) union(i, root);
  }
  // Each group is named by its fullest key (most words, then longest, then alphabetical).
  const words = sorted.map(wordCount);
  const best = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const cur = best[r]!;
    if (cur < 0 || words[i]! > words[cur]! || (words[i] === words[cur] && sorted[i]!.length > sorted[cur]!.length)) best[r] = i;
  }
  const out = new Map<string, string>();
  for (let i = 0; i < n; i++) out.set(sorted[i]!, sorted[best[find(i)]!]!);
  return out;
}

/** k.split(' ').length, without the split. */
function wordCount(k: string): number {
  let n = 1;
  for (let p = k.indexOf(' '); p >= 0; p = k.indexOf(' ', p + 1)) n++;
  return n;
}

/**
 * jaroWinklerBound's largest value for keys of lengths `shorter` ≤ `longer`: all of the
 * shorter key matched and the longest prefix bonus (four characters). It falls as `longer` grows.
 */
function lengthBound(shorter: number, longer: number): number {
  const jaro = (1 + shorter / longer + 1) / 3;
  return jaro + 0.4 * (1 - jaro);
}

/** Per key, counts of a–z, space and any other character (28 bins), for `commonChars`. */
function charHistograms(keys: readonly string[]): Uint16Array {
  const h = new Uint16Array(keys.length * 28);
  keys.forEach((k, i) => {
    for (let p = 0; p < k.length; p++) {
      const c = k.charCodeAt(p);
      const bin = c >= 97 && c <= 122 ? c - 97 : c === 32 ? 26 : 27;
      h[i * 28 + bin]!++;
    }
  });
  return h;
}

/** Per key, the bins of charHistograms it has characters in, as bits. */
function charMasks(h: Uint16Array, n: number): Int32Array {
  const masks = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let b = 0; b < 28; b++) if (h[i * 28 + b]! > 0) m |= 1 << b;
    masks[i] = m;
  }
  return masks;
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Σ over bins of the smaller count: at least the number of Jaro matches (a match pairs equal characters). */
function commonChars(h: Uint16Array, i: number, j: number): number {
  let m = 0;
  for (let b = 0; b < 28; b++) m += Math.min(h[i * 28 + b]!, h[j * 28 + b]!);
  return m;
}

/**
 * An upper bound of natural's JaroWinklerDistance(a, b) for a ≠ b: at most
 * `common` (capped at min(|a|, |b|)) matches and no transpositions, with the same
 * arithmetic as natural's formula.
 */
function jaroWinklerBound(a: string, b: string, common: number): number {
  const m = Math.min(a.length, b.length, common);
  let l = 0;
  while (a[l] === b[l] && l < 4) l++;
  if (m === 0) return l * 0.1;
  const jaro = (m / a.length + m / b.length + m / m) / 3.0;
  return jaro + l * 0.1 * (1 - jaro);
}

/** A mention as the naming table reads it; `unknown` is the unknown actor's key (actorId without `x:`), else null. */
interface NamingMention extends Mention {
  unknown: string | null;
}

/**
 * Mentions read from a 'mentions' layer, cached per layer array: an article is
 * in an event table and again in its story's (a replaced layer is read afresh).
 */
const namingCache = new WeakMap<readonly Finding[], NamingMention[]>();
/** Each mention list's unknown keys, de-duplicated and sorted (the tables' key lists are runs of these, cheap to sort). */
const unknownKeysCache = new WeakMap<readonly NamingMention[], string[]>();

/**
 * A mention list's actors, numbered per article in order of first mention (known actors by
 * id, unknown ones by key, apart): `local[k]` numbers mention k's actor, `first` and `counts`
 * are per actor. A table then looks each actor up once per article, not once per mention.
 */
interface DocActors {
  local: Int32Array;
  first: NamingMention[];
  counts: number[];
}
const docActorsCache = new WeakMap<readonly NamingMention[], DocActors>();

function docActorsOf(mentions: readonly NamingMention[]): DocActors {
  let actors = docActorsCache.get(mentions);
  if (!actors) {
    const known = new Map<string, number>();
    const unknown = new Map<string, number>();
    const local = new Int32Array(mentions.length);
    const first: NamingMention[] = [];
    const counts: number[] = [];
    mentions.forEach((m, k) => {
      const byKey = m.unknown === null ? known : unknown;
      const key = m.unknown === null ? m.actorId : m.unknown;
      let l = byKey.get(key);
      if (l === undefined) {
        l = first.length;
        byKey.set(key, l);
        first.push(m);
        counts.push(0);
      }
      counts[l]!++;
      local[k] = l;
    });
    actors = { local, first, counts };
    docActorsCache.set(mentions, actors);
  }
  return actors;
}

function unknownKeysOf(mentions: readonly NamingMention[]): string[] {
  let keys = unknownKeysCache.get(mentions);
  if (!keys) {
    const set = new Set<string>();
    for (const m of mentions) if (m.unknown !== null) set.add(m.unknown);
    keys = [...set].sort();
    unknownKeysCache.set(mentions, keys);
  }
  return keys;
}

function namingMentions(doc: Doc): NamingMention[] {
  const layer = doc.layers.mentions;
  const hit = layer && namingCache.get(layer);
  if (hit) return hit;
  // Built field by field from the layer (an object spread per mention is slow in V8).
  const list = layer
    ? layer.map((f): NamingMention => {
        const d = f.data as MentionData;
        return { start: f.start, end: f.end, actorId: d.actorId, label: d.label, type: d.actorType, name: d.name, kind: d.kind, via: d.via, unknown: d.actorId.startsWith('x:') ? d.actorId.slice(2) : null };
      })
    : detectMentions(doc).map((m): NamingMention => Object.assign(m, { unknown: m.actorId.startsWith('x:') ? m.actorId.slice(2) : null }));
  if (layer) namingCache.set(layer, list);
  return list;
}

/** Names used for each actor, per outlet, over a set of docs (e.g. one event). Independent of input order. */
export function namingTable(docs: readonly Doc[], options: NamingOptions = {}): NamingTable {
  const minUnknown = options.minUnknownCount ?? 2;
  const jw = options.unknownMergeJw ?? 0.94;
  const ordered = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const all = ordered.map((d) => ({ doc: d, outlet: outletLabel(d), mentions: namingMentions(d) }));
  // Sorted runs, one per doc: mergeUnknown's sort merges them.
  const unknownKeys: string[] = [];
  for (const a of all) for (const k of unknownKeysOf(a.mentions)) unknownKeys.push(k);
  const rep = mergeUnknown(unknownKeys, jw);

  // Pass 1: each mention's actor (an index), with mention totals and outlet counts per actor, so
  // that rows are built only for the actors listed (most unknown names occur once and are dropped).
  const actorIndex = new Map<string, number>();
  const actorIds: string[] = [];
  const firstMention: NamingMention[] = [];
  const totals: number[] = [];
  const firstOutlet: string[] = [];
  const manyOutlets: boolean[] = [];
  const unknownIndex = new Map<string, number>();
  // Per doc: the table's actor of each of its own actors (docActorsOf), met in the order of their first mentions.
  const ofActor = all.map(({ outlet, mentions }) => {
    const { first, counts } = docActorsOf(mentions);
    const of = new Int32Array(first.length);
    first.forEach((m, l) => {
      let a = m.unknown === null ? actorIndex.get(m.actorId) : unknownIndex.get(m.unknown);
      if (a === undefined) {
        const id = m.unknown === null ? m.actorId : `x:${rep.get(m.unknown)!}`;
        a = actorIndex.get(id);
        if (a === undefined) {
          a = actorIds.length;
          actorIndex.set(id, a);
          actorIds.push(id);
          firstMention.push(m);
          totals.push(0);
          firstOutlet.push(outlet);
          manyOutlets.push(false);
        }
        if (m.unknown !== null) unknownIndex.set(m.unknown, a);
      }
      totals[a]! += counts[l]!;
      if (firstOutlet[a] !== outlet) manyOutlets[a] = true;
      of[l] = a;
    });
    return of;
  });
  const keep = actorIds.map((id, a) => !id.startsWith('x:') || totals[a]! >= minUnknown || manyOutlets[a]!);

  // Pass 2: rows of the listed actors, in order of first mention (as before).
  const byOutletOf: Array<Map<string, Map<string, NameUse>> | undefined> = [];
  all.forEach(({ doc, outlet, mentions }, docIndex) => {
    const of = ofActor[docIndex]!;
    const { local } = docActorsOf(mentions);
    // Each actor's names for this doc's outlet, found once per doc.
    const namesOf: (Map<string, NameUse> | undefined)[] = new Array<Map<string, NameUse> | undefined>(of.length);
    mentions.forEach((m, k) => {
      const l = local[k]!;
      const a = of[l]!;
      if (!keep[a]) return;
      let names = namesOf[l];
      if (!names) {
        let byOutlet = byOutletOf[a];
        if (!byOutlet) byOutletOf[a] = byOutlet = new Map();
        names = byOutlet.get(outlet);
        if (!names) byOutlet.set(outlet, (names = new Map()));
        namesOf[l] = names;
      }
      let use = names.get(m.name);
      if (!use) names.set(m.name, (use = { name: m.name, count: 0, kind: m.kind, evidence: [] }));
      use.count++;
      use.evidence.push({ articleId: doc.id, start: m.start, end: m.end });
    });
  });
  const list: Array<{ row: NamingTable['actors'][number]; total: number }> = [];
  actorIds.forEach((actorId, a) => {
    if (!keep[a]) return;
    const known = !actorId.startsWith('x:');
    const accByOutlet = byOutletOf[a]!;
    const first = firstMention[a]!;
    const label = known ? first.label : mostUsedName(accByOutlet);
    const byOutlet: Record<string, NameUse[]> = {};
    const outlets = [...accByOutlet.keys()];
    if (outlets.length > 1) outlets.sort();
    for (const outlet of outlets) {
      const uses = [...accByOutlet.get(outlet)!.values()];
      if (uses.length > 1) uses.sort((x, y) => y.count - x.count || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
      byOutlet[outlet] = uses;
    }
    // totals[a] = the sum of the rows' counts (each mention counts once in one row).
    list.push({ row: { actorId, label, known, byOutlet }, total: totals[a]! });
  });
  list.sort((a, b) => Number(b.row.known) - Number(a.row.known) || b.total - a.total || (a.row.actorId < b.row.actorId ? -1 : 1));
  return { actors: list.map((x) => x.row) };
}

/** The name used most often across outlets (ties: the longer, then the alphabetically first). */
function mostUsedName(byOutlet: Map<string, Map<string, NameUse>>): string {
  // The first by the order above, in one pass (no sort); one outlet's names (most rows) are its counts.
  let bestName = '';
  let bestCount = -1;
  const offer = (name: string, count: number): void => {
    if (count > bestCount || (count === bestCount && (name.length > bestName.length || (name.length === bestName.length && name < bestName)))) {
      bestName = name;
      bestCount = count;
    }
  };
  if (byOutlet.size === 1) {
    for (const names of byOutlet.values()) for (const u of names.values()) offer(u.name, u.count);
  } else {
    const sums = new Map<string, number>();
    for (const names of byOutlet.values()) for (const u of names.values()) sums.set(u.name, (sums.get(u.name) ?? 0) + u.count);
    for (const [name, count] of sums) offer(name, count);
  }
  return bestName;
}

/** Per outlet: the share of its mentions of `actorId` that use each kind of name (official, metonym, …). */
export function nameKindShares(table: NamingTable, actorId: string): Record<string, Record<string, number>> {
  const actor = table.actors.find((a) => a.actorId === actorId);
  const out: Record<string, Record<string, number>> = {};
  if (!actor) return out;
  for (const [outlet, uses] of Object.entries(actor.byOutlet)) {
    const n = uses.reduce((s, u) => s + u.count, 0);
    const shares: Record<string, number> = {};
    for (const k of NAME_KINDS) {
      const c = uses.filter((u) => u.kind === k).reduce((s, u) => s + u.count, 0);
      if (c > 0) shares[k] = c / n;
    }
    out[outlet] = shares;
  }
  return out;
}

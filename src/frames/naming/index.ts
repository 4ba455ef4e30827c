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
 */
function mergeUnknown(keys: readonly string[], jw: number): Map<string, string> {
  const sorted = [...keys].sort();
  const parent = new Map(sorted.map((k) => [k, k]));
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const multi = sorted.filter((k) => k.includes(' '));
  for (let i = 0; i < multi.length; i++) {
    for (let j = i + 1; j < multi.length; j++) {
      const a = multi[i]!;
      const b = multi[j]!;
      if (a.endsWith(` ${b}`) || b.endsWith(` ${a}`) || (a[0] === b[0] && distance.JaroWinklerDistance(a, b) >= jw)) union(a, b);
    }
  }
  for (const k of sorted.filter((x) => !x.includes(' '))) {
    const groups = new Set(multi.filter((m) => m.endsWith(` ${k}`)).map(find));
    if (groups.size === 1) union(k, [...groups][0]!);
  }
  // Each group is named by its fullest key (most words, then longest, then alphabetical).
  const best = new Map<string, string>();
  for (const k of sorted) {
    const r = find(k);
    const cur = best.get(r);
    if (!cur || k.split(' ').length > cur.split(' ').length || (k.split(' ').length === cur.split(' ').length && k.length > cur.length)) best.set(r, k);
  }
  return new Map(sorted.map((k) => [k, best.get(find(k))!]));
}

/** Names used for each actor, per outlet, over a set of docs (e.g. one event). Independent of input order. */
export function namingTable(docs: readonly Doc[], options: NamingOptions = {}): NamingTable {
  const minUnknown = options.minUnknownCount ?? 2;
  const jw = options.unknownMergeJw ?? 0.94;
  const ordered = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const all = ordered.map((d) => ({ doc: d, outlet: outletLabel(d), mentions: mentionsOf(d) }));
  const unknownKeys = new Set<string>();
  for (const a of all) for (const m of a.mentions) if (m.actorId.startsWith('x:')) unknownKeys.add(m.actorId.slice(2));
  const rep = mergeUnknown([...unknownKeys], jw);

  interface Acc {
    label: string;
    known: boolean;
    total: number;
    byOutlet: Map<string, Map<string, NameUse>>;
  }
  const actors = new Map<string, Acc>();
  for (const { doc, outlet, mentions } of all) {
    for (const m of mentions) {
      const known = !m.actorId.startsWith('x:');
      const id = known ? m.actorId : `x:${rep.get(m.actorId.slice(2)) ?? m.actorId.slice(2)}`;
      let acc = actors.get(id);
      if (!acc) actors.set(id, (acc = { label: known ? m.label : m.name, known, total: 0, byOutlet: new Map() }));
      acc.total++;
      let names = acc.byOutlet.get(outlet);
      if (!names) acc.byOutlet.set(outlet, (names = new Map()));
      const nameKey = known ? m.name : m.name;
      let use = names.get(nameKey);
      if (!use) names.set(nameKey, (use = { name: nameKey, count: 0, kind: m.kind, evidence: [] }));
      use.count++;
      use.evidence.push({ articleId: doc.id, start: m.start, end: m.end });
    }
  }
  const list: NamingTable['actors'] = [];
  for (const [actorId, acc] of actors) {
    if (!acc.known && acc.total < minUnknown && acc.byOutlet.size < 2) continue;
    if (!acc.known) acc.label = mostUsedName(acc.byOutlet);
    const byOutlet: Record<string, NameUse[]> = {};
    for (const outlet of [...acc.byOutlet.keys()].sort()) {
      byOutlet[outlet] = [...acc.byOutlet.get(outlet)!.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    list.push({ actorId, label: acc.label, known: acc.known, byOutlet });
  }
  list.sort((a, b) => Number(b.known) - Number(a.known) || total(b) - total(a) || (a.actorId < b.actorId ? -1 : 1));
  return { actors: list };
}

/** The name used most often across outlets (ties: the longer, then the alphabetically first). */
function mostUsedName(byOutlet: Map<string, Map<string, NameUse>>): string {
  const counts = new Map<string, number>();
  for (const names of byOutlet.values()) for (const u of names.values()) counts.set(u.name, (counts.get(u.name) ?? 0) + u.count);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0]![0];
}

function total(a: NamingTable['actors'][number]): number {
  let n = 0;
  for (const uses of Object.values(a.byOutlet)) for (const u of uses) n += u.count;
  return n;
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

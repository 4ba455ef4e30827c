/**
 * The outlet registry (data/outlets/outlets.json): known outlets with names,
 * aliases, domains, country, ownership and state affiliation, each label with
 * its source. Loaded once and validated with `OutletInfoSchema`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A label with the reference it comes from (a URL or a named designation). */
const LabelSchema = <T extends z.ZodType<string>>(value: T) => z.object({ value, source: z.string().min(1) });

export const OWNERSHIP = ['state', 'party', 'public', 'private', 'nonprofit', 'cooperative', 'unknown'] as const;
export const STATE_AFFILIATION = ['state-controlled', 'state-funded', 'state-funded, editorially independent', 'none', 'unknown'] as const;
export const OUTLET_KINDS = ['news agency', 'broadcaster', 'newspaper', 'magazine', 'website'] as const;

export const OutletInfoSchema = z.object({
  /** Stable kebab-case id. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** The name reports use ("RT", "KCNA", "The New York Times"). */
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  /** Registrable domains and host names, lower case, without "www.". */
  domains: z.array(z.string().regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/)),
  kind: z.enum(OUTLET_KINDS),
  /** ISO 3166-1 alpha-2, or "unknown". */
  country: LabelSchema(z.string().regex(/^(?:[A-Z]{2}|unknown)$/)),
  ownership: LabelSchema(z.enum(OWNERSHIP)),
  stateAffiliation: LabelSchema(z.enum(STATE_AFFILIATION)),
  notes: z.string().optional(),
});
export type OutletInfo = z.infer<typeof OutletInfoSchema>;

const RegistryFileSchema = z.object({
  source: z.string().min(1),
  licence: z.string().min(1),
  outlets: z.array(OutletInfoSchema),
});

interface Registry {
  outlets: readonly OutletInfo[];
  byKey: Map<string, OutletInfo>;
  byDomain: Map<string, OutletInfo>;
}

let cached: Registry | null = null;

/** The lookup form of a name: lower case, quotes dropped, "&" as "and", single spaces, no leading "the". */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/["'“”‘’«»`´]/gu, '')
    .replace(/&/g, ' and ')
    .replace(/[\s\u00A0]+/gu, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/[.,;:!?]+$/u, '');
}

/** The host of a URL or bare domain, lower case, without "www." — or null when the string is not one. */
export function hostOf(s: string): string | null {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\d?\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?(?:[/?#].*)?$/i.exec(s.trim());
  return m ? m[1]!.toLowerCase() : null;
}

function load(): Registry {
  // src/meta/ and dist/meta/ are both two levels below the repository root.
  const raw: unknown = JSON.parse(readFileSync(new URL('../../data/outlets/outlets.json', import.meta.url), 'utf8'));
  const file = RegistryFileSchema.parse(raw);
  const byKey = new Map<string, OutletInfo>();
  const byDomain = new Map<string, OutletInfo>();
  for (const o of file.outlets) {
    for (const n of [o.name, ...o.aliases]) if (!byKey.has(nameKey(n))) byKey.set(nameKey(n), o);
    for (const d of o.domains) byDomain.set(d, o);
  }
  return { outlets: file.outlets, byKey, byDomain };
}

function registry(): Registry {
  cached ??= load();
  return cached;
}

/** Every registered outlet, in file order. */
export function outletRegistry(): readonly OutletInfo[] {
  return registry().outlets;
}

/**
 * The registered outlet for a name, alias, domain or URL ("RT", "Russia Today",
 * "https://www.rt.com/news/…", "english.news.cn"), or null. Sub-domains resolve
 * to their registered parent ("arabic.rt.com" → RT).
 */
export function lookupOutlet(nameOrDomain: string): OutletInfo | null {
  const reg = registry();
  const byName = reg.byKey.get(nameKey(nameOrDomain));
  if (byName) return byName;
  const host = /\s/u.test(nameOrDomain.trim()) ? null : hostOf(nameOrDomain);
  if (!host) return null;
  const parts = host.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const hit = reg.byDomain.get(parts.slice(i).join('.'));
    if (hit) return hit;
  }
  return null;
}

/** A registered name or alias found in a text. */
export interface OutletMention {
  outlet: OutletInfo;
  start: number;
  end: number;
}

let mentionRe: RegExp | null = null;

/**
 * Registered names and aliases inside a text, case-sensitive and on word
 * boundaries (brands are written capitalized; "rt" or "ap" in running text are
 * not outlets). Longest names first, so "RT News" is not read as "RT" + text.
 */
export function findOutletMentions(text: string): OutletMention[] {
  if (!mentionRe) {
    const names = new Set<string>();
    for (const o of outletRegistry()) for (const n of [o.name, ...o.aliases]) names.add(n);
    const alternation = [...names]
      .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
      .map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join('|');
    mentionRe = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'gu');
  }
  const out: OutletMention[] = [];
  for (const m of text.matchAll(mentionRe)) {
    const outlet = lookupOutlet(m[0]);
    if (outlet) out.push({ outlet, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

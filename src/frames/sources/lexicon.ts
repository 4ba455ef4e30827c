/** Reporting verbs and source-type cues (data/lexicons/reporting-verbs.json, source-types.json). */
import { readFileSync } from 'node:fs';
import { dataPath, phraseNorms } from '../naming/actors.js';

export type VerbClass = 'neutral' | 'evaluative';
export const SOURCE_TYPES = ['anonymous', 'state-media', 'military', 'government', 'expert', 'other'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export interface VerbForm {
  lemma: string;
  verbClass: VerbClass;
  norms: string[];
  quoteOnly: boolean;
}

interface VerbJson {
  verbs: { lemma: string; class: VerbClass; forms: string[]; quoteOnly?: boolean }[];
}
interface TypeJson {
  order: SourceType[];
  [type: string]: unknown;
}

export interface SourceCues {
  order: SourceType[];
  names: Map<SourceType, string[][]>;
  cues: Map<SourceType, string[][]>;
}

let verbs: Map<string, VerbForm[]> | null = null;
let cues: SourceCues | null = null;

/** Reporting-verb forms keyed by their first normalized word, longest first. */
export function reportingVerbs(): Map<string, VerbForm[]> {
  if (verbs) return verbs;
  const json = JSON.parse(readFileSync(dataPath('lexicons', 'reporting-verbs.json'), 'utf8')) as VerbJson;
  const map = new Map<string, VerbForm[]>();
  for (const v of json.verbs) {
    for (const f of v.forms) {
      const norms = phraseNorms(f);
      const list = map.get(norms[0]!) ?? [];
      list.push({ lemma: v.lemma, verbClass: v.class, norms, quoteOnly: v.quoteOnly === true });
      map.set(norms[0]!, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.norms.length - a.norms.length);
  verbs = map;
  return map;
}

export function sourceCues(): SourceCues {
  if (cues) return cues;
  const json = JSON.parse(readFileSync(dataPath('lexicons', 'source-types.json'), 'utf8')) as TypeJson;
  const names = new Map<SourceType, string[][]>();
  const cueMap = new Map<SourceType, string[][]>();
  for (const t of json.order) {
    const entry = (json[t] ?? {}) as { names?: string[]; cues?: string[] };
    names.set(t, (entry.names ?? []).map(phraseNorms));
    cueMap.set(t, (entry.cues ?? []).map(phraseNorms));
  }
  cues = { order: json.order, names, cues: cueMap };
  return cues;
}

/** The actor alias table (data/lexicons/actors.json) and its token index. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tokenOffsets, normalizeWord } from '../../text/index.js';

export type NameKind = 'official' | 'common' | 'metonym' | 'descriptive' | 'pejorative';
export type ActorType = 'country' | 'organization' | 'media' | 'person' | 'unknown';

export interface ActorEntry {
  id: string;
  label: string;
  type: ActorType;
  names: { name: string; kind: NameKind }[];
}

export interface Alias {
  actorId: string;
  label: string;
  type: ActorType;
  /** The table's spelling, used as the name in reports. */
  name: string;
  kind: NameKind;
  norms: string[];
  /** All-capital acronyms match only capitalized text ("US", never the pronoun "us"). */
  acronym: boolean;
}

/** Resolves a file under the repo's data/ folder from src/ or dist/ (both sit three levels below the root). */
export function dataPath(...parts: string[]): string {
  return fileURLToPath(new URL(`../../../data/${parts.join('/')}`, import.meta.url));
}

let cached: ActorEntry[] | null = null;

export function loadActors(): ActorEntry[] {
  if (!cached) {
    const json = JSON.parse(readFileSync(dataPath('lexicons', 'actors.json'), 'utf8')) as { actors: ActorEntry[] };
    cached = json.actors;
  }
  return cached;
}

/** Normalized word forms of a phrase, as the text stage would produce them. */
export function phraseNorms(phrase: string): string[] {
  return tokenOffsets(phrase).map((t) => normalizeWord(phrase.slice(t.start, t.end)));
}

export interface AliasIndex {
  /** Aliases keyed by their first normalized token, longest first. */
  byFirst: Map<string, Alias[]>;
  aliases: Alias[];
  actors: Map<string, ActorEntry>;
}

let index: AliasIndex | null = null;

export function aliasIndex(entries: readonly ActorEntry[] = loadActors()): AliasIndex {
  if (index && entries === cached) return index;
  const byFirst = new Map<string, Alias[]>();
  const aliases: Alias[] = [];
  for (const a of entries) {
    for (const n of a.names) {
      const norms = phraseNorms(n.name);
      if (norms.length === 0) continue;
      const alias: Alias = { actorId: a.id, label: a.label, type: a.type, name: n.name, kind: n.kind, norms, acronym: !/\p{Ll}/u.test(n.name) };
      aliases.push(alias);
      const list = byFirst.get(norms[0]!) ?? [];
      list.push(alias);
      byFirst.set(norms[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((x, y) => y.norms.length - x.norms.length || x.name.localeCompare(y.name));
  const built: AliasIndex = { byFirst, aliases, actors: new Map(entries.map((e) => [e.id, e])) };
  if (entries === cached) index = built;
  return built;
}

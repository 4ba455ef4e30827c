/** The chrome phrase lists shipped in data/boilerplate/chrome.json, loaded once. */
import { readFileSync } from 'node:fs';

interface PhraseList {
  comment: string;
  entries: string[];
}

export interface ChromeLexicon {
  source: string;
  licence: string;
  sectionLabels: PhraseList;
  brandedSectionNouns: PhraseList;
  languageSwitcher: PhraseList;
  photoAgencies: PhraseList;
  shareButtons: PhraseList;
  nonOutletDomains: PhraseList;
}

let cached: ChromeLexicon | null = null;

export function chromeLexicon(): ChromeLexicon {
  // src/clean/ and dist/clean/ are both two levels below the repository root.
  cached ??= JSON.parse(readFileSync(new URL('../../data/boilerplate/chrome.json', import.meta.url), 'utf8')) as ChromeLexicon;
  return cached;
}

/** Escapes a phrase for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** An alternation of the phrases, longest first so that "share this article" wins over "share". */
export function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
    .map(escapeRegExp)
    .join('|');
}

/**
 * Loaded language and propaganda techniques in one article: hand-written
 * lexicon phrases (with neutral alternatives), the trained token tagger
 * (model.ts), and a few syntactic patterns.
 *
 * With the tagger on, it decides Loaded_Language / Name_Calling spans: a
 * lexicon hit of those techniques inside a tagged span lends the span its
 * neutral alternative; outside any tagged span it is kept only when it is a
 * teaching entry (`k`). Other techniques come from the lexicon and patterns.
 * Overlaps are resolved by priority: patterns "so-called"/"<Name> regime" (4),
 * tagger (3.5), lexicon (3), other patterns (2); with the tagger on, the
 * scare-quote pattern is left to the tagger (in PTC most scare quotes are not labels).
 */
import type { Doc, Finding, Token } from '../../doc/types.js';
import { makeFinding } from '../../doc/span.js';
import { matchPhrases, type PhraseEntry, type PhraseIndex } from './lexicon.js';
import { applyLoadedModel, type LoadedModel } from './model.js';
import { findPatterns } from './patterns.js';
import { isTechnique, type Technique } from './techniques.js';

export const LOADED_LAYER = 'loaded';

export interface LoadedResources {
  phrases: PhraseIndex;
  model: LoadedModel | null;
}

export interface DetectOptions {
  /** Use the syntactic patterns (so-called, "the X regime", scare quotes, rhetorical questions). */
  patterns: boolean;
  /** Use the trained tagger (when the resources hold one). */
  model: boolean;
  /** Use the lexicon. */
  lexicon: boolean;
  /**
   * Annotation scheme of the tagger: 'ptc' (default; Loaded_Language and
   * Name_Calling spans as in the Propaganda Techniques Corpus) or 'basil'
   * (BASIL lexical bias: fewer, more central words; word-level findings only).
   */
  scheme?: 'ptc' | 'basil';
}

export const DEFAULT_DETECT_OPTIONS: DetectOptions = { patterns: true, model: true, lexicon: true, scheme: 'ptc' };

/** What a loaded-language finding carries in `data`. */
export interface LoadedData {
  technique: Technique;
  /** The evidence words (token surfaces) of the span. */
  words: string[];
  /** A neutral alternative for the span's wording, when the lexicon has one ("(omit)" = drop the word). */
  neutral: string | null;
  /** Lexicon name, `tagger:<head>`, or pattern name that fired. */
  source: string;
  /** Tagger hits: mean token probability of the head over the span. */
  score?: number;
  /** Tagger hits: the features that pushed hardest towards "loaded" (e.g. "s:disgust", "af:neg"). */
  cues?: string[];
  /** Legacy word-model counts (older findings). */
  positive?: number;
  total?: number;
}

interface Candidate {
  start: number;
  end: number;
  priority: number;
  rule: string;
  data: LoadedData;
}

function words(doc: Pick<Doc, 'text'>, tokens: readonly Token[], first: number, last: number): string[] {
  const out: string[] = [];
  for (let i = first; i < last; i++) out.push(doc.text.slice(tokens[i]!.start, tokens[i]!.end));
  return out;
}

/** Keeps the inflection's case: "Regime" → "Government" when the matched word is capitalized. */
function matchCase(neutral: string, surface: string): string {
  if (neutral.startsWith('(') || !/^\p{Lu}/u.test(surface)) return neutral;
  return neutral.charAt(0).toUpperCase() + neutral.slice(1);
}

const WORD_LEVEL: ReadonlySet<Technique> = new Set(['Loaded_Language', 'Name_Calling,Labeling']);

/** The span's text with one lexicon phrase replaced by its neutral form ("(omit)" drops it). */
function rewrite(text: string, start: number, end: number, hitStart: number, hitEnd: number, neutral: string): string {
  const before = text.slice(start, hitStart);
  const after = text.slice(hitEnd, end);
  if (neutral.startsWith('(')) return `${before.trimEnd()} ${after.trimStart()}`.trim() || neutral;
  return `${before}${neutral}${after}`;
}

/** Loaded-language findings, sorted by start (then end, technique). */
const FUNCTION_WORDS = new Set(['of', 'the', 'a', 'an', 'to', 'in', 'on', 'and', 'for', 'by', 'with', 'at', 'from']);

function onlyAcronyms(text: string, tokens: Doc['tokens'], first: number, last: number): boolean {
  let acronyms = 0;
  for (let i = first; i < last; i++) {
    const t = tokens[i]!;
    const surface = text.slice(t.start, t.end);
    if (/^\p{Lu}[\p{Lu}.]+$/u.test(surface)) acronyms++;
    else if (!FUNCTION_WORDS.has(t.norm)) return false;
  }
  return acronyms > 0;
}

/** A lexicon phrase's key in the model's verdicts (its norms joined by spaces), built once per entry. */
const phraseKeys = new WeakMap<PhraseEntry, string>();
function phraseKey(entry: PhraseEntry): string {
  let key = phraseKeys.get(entry);
  if (key === undefined) phraseKeys.set(entry, (key = entry.norms.join(' ')));
  return key;
}

export function detectLoaded(doc: Doc, resources: LoadedResources, options: DetectOptions = DEFAULT_DETECT_OPTIONS): Finding[] {
  const { tokens, text } = doc;
  const scheme = options.scheme ?? 'ptc';
  const cands: Candidate[] = [];
  const tagged: Candidate[] = [];
  const useModel = options.model && resources.model !== null;
  if (useModel) {
    const head = scheme === 'basil' ? 'basil' : 'span';
    for (const h of applyLoadedModel(doc, resources.model!, resources.phrases, scheme)) {
      // An acronym alone ("NATO", "of NATO") names an actor; calling it loaded would mislead a reader.
      if (onlyAcronyms(text, tokens, h.first, h.last)) continue;
      const c: Candidate = {
        start: tokens[h.first]!.start,
        end: tokens[h.last - 1]!.end,
        priority: 3.5,
        rule: 'model',
        data: { technique: h.label, words: words(doc, tokens, h.first, h.last), neutral: null, source: `tagger:${head}`, score: h.score, cues: h.cues },
      };
      tagged.push(c);
      cands.push(c);
    }
  }
  if (options.lexicon) {
    for (const h of matchPhrases(doc, resources.phrases)) {
      const start = tokens[h.first]!.start;
      const end = tokens[h.last - 1]!.end;
      let technique = h.entry.technique;
      const ruling = useModel && !h.entry.keep ? resources.model!.phrases?.[phraseKey(h.entry)] : undefined;
      if (ruling) {
        // The labeled data's verdict on this lexicon phrase: drop or relabel.
        if (ruling[0] === null) continue;
        if (isTechnique(ruling[0])) technique = ruling[0];
      }
      const surface = text.slice(start, end);
      const neutral = h.entry.neutral === null ? null : matchCase(h.entry.neutral, surface);
      if (useModel && WORD_LEVEL.has(technique)) {
        // The tagger rules on word-level techniques; the lexicon lends its neutral wording.
        const host = tagged.find((c) => c.start <= start && end <= c.end);
        if (host) {
          if (neutral !== null && host.data.neutral === null) host.data.neutral = rewrite(text, host.start, host.end, start, end, neutral);
          continue;
        }
        if (!h.entry.keep) continue;
      }
      if (scheme === 'basil' && useModel && !h.entry.keep) continue;
      cands.push({ start, end, priority: 3, rule: 'lexicon', data: { technique, words: words(doc, tokens, h.first, h.last), neutral, source: h.entry.lexicon } });
    }
  }
  if (options.patterns) {
    // Scare quotes are mostly not labels in PTC: with the tagger on, it decides quoted words (so they are not looked for).
    for (const p of findPatterns(doc, !useModel)) {
      if (scheme === 'basil' && (p.pattern === 'rhetorical-question' || p.pattern === 'fear-clause')) continue;
      cands.push({ start: p.start, end: p.end, priority: p.priority, rule: `pattern:${p.pattern}`, data: { technique: p.technique, words: p.words, neutral: p.neutral, source: p.pattern } });
    }
  }
  // Highest priority first, then longest, then leftmost: a deterministic greedy cover.
  cands.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start || a.data.technique.localeCompare(b.data.technique));
  const kept: Candidate[] = [];
  for (const c of cands) {
    // Clause-level patterns may contain word-level hits of other techniques (both are kept).
    if (kept.some((k) => k.start < c.end && c.start < k.end && (k.data.technique === c.data.technique || (!isClause(k) && !isClause(c))))) continue;
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start || a.end - b.end || a.data.technique.localeCompare(b.data.technique));
  return kept.map((c) => makeFinding(doc, LOADED_LAYER, c.rule, c.start, c.end, { label: c.data.technique, data: { ...c.data } }));
}

function isClause(c: Candidate): boolean {
  return c.rule === 'pattern:rhetorical-question' || c.rule === 'pattern:fear-clause';
}

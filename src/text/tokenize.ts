import type { Span, Token, TokenKind } from '../doc/types.js';
import { spanIndexAt } from '../doc/span.js';
import { normalizeWord } from './normalize.js';
import { stemWord } from './stem.js';

/**
 * Word and number tokens with offsets. A regex over Unicode classes is the
 * fastest exact-enough tokenizer for news (shared/notes/npm.md measured
 * `natural`'s tokenizers far slower on the 56k corpus); punctuation is not
 * kept as tokens, hyphenated compounds split ("US-Japan-ROK" → 3 tokens) so
 * that hyphenation differences do not hide shared wording.
 *
 * Alternatives, in order: dotted acronyms (U.S., p.m.), numbers with
 * separators (1,000.5), words with inner apostrophes (Korea’s, don't).
 */
const TOKEN_RE = /(?:\p{Lu}\.){2,}|\p{Ll}\.\p{Ll}\.|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*/gu;

export interface RawToken {
  start: number;
  end: number;
  kind: TokenKind;
}

/** Token boundaries only (no normal forms): the hot loop for corpus-wide passes. */
export function tokenOffsets(text: string): RawToken[] {
  const out: RawToken[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    const first = m[0].charCodeAt(0);
    out.push({ start, end: start + m[0].length, kind: first >= 48 && first <= 57 ? 'number' : /^\p{N}/u.test(m[0]) ? 'number' : 'word' });
  }
  return out;
}

/** Full tokens with normalized and stemmed forms and their sentence index. */
export function tokenize(text: string, sentences: readonly Span[] = [], language = 'en'): Token[] {
  const out: Token[] = [];
  let sent = 0;
  for (const t of tokenOffsets(text)) {
    const surface = text.slice(t.start, t.end);
    const norm = normalizeWord(surface);
    if (sentences.length > 0) {
      const cur = sentences[sent];
      if (!cur || t.start >= cur.end || t.start < cur.start) {
        const i = spanIndexAt(sentences, t.start);
        if (i >= 0) sent = i;
      }
    }
    const c = surface.charAt(0);
    out.push({
      start: t.start,
      end: t.end,
      kind: t.kind,
      norm,
      stem: t.kind === 'word' ? stemWord(norm, language) : norm,
      cap: c !== c.toLowerCase(),
      sent,
    });
  }
  return out;
}

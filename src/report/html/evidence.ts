/**
 * Evidence links: a renderer asks for a link to a span of an article; the
 * span is remembered so that the article's text, rendered later, carries an
 * anchor and a key there. The link lights the span (inline script) and jumps to it.
 */
import { escapeHtml } from '../escape.js';
import type { HighlightSpan } from './segments.js';
import { spanKey, type ArticleView } from './model.js';

export interface EvidenceRef {
  article: ArticleView;
  start: number;
  end: number;
}

/** Most spans one evidence link lights. */
export const MAX_LINKED = 8;

export interface EvidenceRegistry {
  /** Registers a span and returns its key (also its anchor id). */
  want(ref: EvidenceRef): string;
  /** Spans registered for an article, in a fixed order. */
  spansOf(article: ArticleView): HighlightSpan[];
  /** A link to one or more spans; `labelHtml` is HTML the caller has escaped. */
  link(refs: readonly EvidenceRef[], labelHtml: string, fallbackHref: string): string;
  /** A link whose label is the span's own text (quoted, escaped, shortened). */
  quoteLink(ref: EvidenceRef & { text: string }, fallbackHref: string, max?: number): string;
}

export function createEvidenceRegistry(): EvidenceRegistry {
  const spans = new Map<string, Map<string, HighlightSpan>>();
  // Short keys (k0, k1 …) in first-use order keep the page small; rendering order is fixed, so they are stable.
  const short = new Map<string, string>();
  const want = (ref: EvidenceRef): string => {
    const long = spanKey(ref.article, ref.start, ref.end);
    let key = short.get(long);
    if (!key) short.set(long, (key = `k${short.size.toString(36)}`));
    let m = spans.get(ref.article.slug);
    if (!m) spans.set(ref.article.slug, (m = new Map()));
    if (!m.has(key)) m.set(key, { start: ref.start, end: ref.end, keys: [key], anchor: key });
    return key;
  };
  const link = (refs: readonly EvidenceRef[], labelHtml: string, fallbackHref: string): string => {
    if (refs.length === 0) return labelHtml;
    // A link lights at most MAX_LINKED spans: enough to find them, and the page stays small.
    const keys = refs.slice(0, MAX_LINKED).map(want);
    const href = refs[0]!.article.rec.text !== undefined ? `#${keys[0]!}` : fallbackHref;
    return `<a href="${escapeHtml(href)}" data-k="${escapeHtml([...new Set(keys)].join(' '))}">${labelHtml}</a>`;
  };
  return {
    want,
    link,
    spansOf: (article) => [...(spans.get(article.slug)?.values() ?? [])].sort((a, b) => a.start - b.start || a.end - b.end),
    quoteLink: (ref, fallbackHref, max = 90) => link([ref], `“${escapeHtml(shorten(stripQuotes(ref.text), max))}”`, fallbackHref),
  };
}

export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** The text without the quotation marks around it (the link adds its own). */
export function stripQuotes(text: string): string {
  return text.trim().replace(/^["'“”‘’«»„]+/, '').replace(/["'“”‘’«»]+$/, '');
}

/** Small helpers the frames analyzers share for per-outlet summaries. */
import type { Doc } from '../../doc/types.js';

export { outletLabel as outletOf } from '../../doc/meta.js';
import { outletLabel as outletOf } from '../../doc/meta.js';

/** Word counts by token array: an article is counted once however many pairs, events and stories it is in. */
const wordCounts = new WeakMap<readonly unknown[], number>();

/** Word tokens of a doc (numbers and punctuation excluded): the denominator of per-1,000-word rates. */
export function wordCount(doc: Pick<Doc, 'tokens'>): number {
  let n = wordCounts.get(doc.tokens);
  if (n !== undefined) return n;
  n = 0;
  for (const t of doc.tokens) if (t.kind === 'word') n++;
  wordCounts.set(doc.tokens, n);
  return n;
}

/** Rate per 1,000 words, rounded to 3 decimals (0 for an empty doc). */
export function per1000(count: number, words: number): number {
  return words > 0 ? Math.round((count / words) * 1e6) / 1e3 : 0;
}

/** Docs grouped by outlet, outlets sorted, docs within an outlet sorted by id: independent of input order. */
export function byOutlet<D extends Pick<Doc, 'meta' | 'id'>>(docs: readonly D[]): [string, D[]][] {
  const m = new Map<string, D[]>();
  for (const d of docs) {
    const k = outletOf(d);
    const list = m.get(k) ?? [];
    list.push(d);
    m.set(k, list);
  }
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k, v]) => [k, [...v].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))]);
}

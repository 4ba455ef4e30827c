import { z } from 'zod';
import type { Doc, Span } from '../doc/types.js';
import { spanIndexAt } from '../doc/span.js';
import type { Wording } from './schema.js';

/**
 * Common sources: text that several articles all put inside quotation marks
 * came from a third text they quote (a statement, a report), not from copying
 * each other. Passages quoted on both sides of every pair are joined across
 * pairs when they overlap in an article; the source is named from attributions
 * in the quote's sentence and its neighbours ("the Foreign Ministry said",
 * "according to KCNA", "the statement reads").
 */
const EvidenceSchema = z.object({ articleId: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() });

export const CommonSourceSchema = z.object({
  id: z.string(),
  /** The named source, or null when no attribution was found near the quote. */
  name: z.string().nullable(),
  /** Attributions found near the quote (offsets into that article's cleaned text), best name first. */
  nameEvidence: z.array(EvidenceSchema.extend({ rule: z.string() })),
  /** The quoted text in each article. */
  articles: z.array(EvidenceSchema),
  /** Articles where (part of) the same text appears outside quotation marks: candidates for the source itself, or for copying without quoting. */
  unquotedIn: z.array(z.string()),
  /** The pair passages behind it: `[articleA, articleB, passageId]`. */
  passages: z.array(z.tuple([z.string(), z.string(), z.string()])),
});
export type CommonSource = z.infer<typeof CommonSourceSchema>;

export interface CommonSourceOptions {
  /** Sentences either side of the quote's sentence searched for an attribution. */
  neighbourSentences: number;
}
export const defaultCommonSourceOptions: CommonSourceOptions = { neighbourSentences: 1 };

const NAME = String.raw`(?:[A-Z][\p{L}\p{M}'’.-]*|of|the|and|for)`;
const ORG_HEAD = String.raw`(?:Ministry|Agency|Office|Department|Council|Committee|Commission|Embassy|Government|Command|Party|Secretariat|Institute|Service|Spokesperson|Spokesman|Spokeswoman)`;
/** Attribution rules, most specific first; group 1 is the name. */
const RULES: { rule: string; re: RegExp; rank: number }[] = [
  { rule: 'organization', re: new RegExp(String.raw`((?:[A-Z][\p{L}\p{M}'’-]*\s+){0,5}${ORG_HEAD}(?:\s+of(?:\s+(?:the\s+)?[A-Z][\p{L}\p{M}'’-]*)+)?)`, 'gu'), rank: 3 },
  { rule: 'according-to', re: new RegExp(String.raw`\baccording to\s+(?:the\s+)?([A-Z][\p{L}\p{M}'’.-]*(?:\s+${NAME})*)`, 'gu'), rank: 3 },
  { rule: 'acronym-source', re: /(?:\(|\bby\s+|\bfrom\s+|\bto\s+)([A-Z]{2,6})\b(?!\s*-)/gu, rank: 2 },
  { rule: 'named-speaker', re: new RegExp(String.raw`((?:[A-Z][\p{L}\p{M}'’-]*\s+){1,3})(?:has\s+|had\s+)?(?:said|says|stated|stressed|added|wrote|declared|noted|warned)\b`, 'gu'), rank: 2 },
  { rule: 'document', re: /\b((?:the|this)\s+(?:statement|ministry|agency|report|communique|declaration|commentary|article|editorial))\s+(?:reads|read|said|says|stressed|added|noted|stated|claimed)\b/giu, rank: 1 },
];
const GENERIC = new Set(['The', 'This', 'It', 'He', 'She', 'They', 'But', 'And', 'In', 'On', 'A', 'An']);

function clip(s: string): string {
  return s
    .trim()
    .replace(/^(?:The|the)\s+/u, '')
    .replace(/\s+(?:of|the|and|for)$/u, '')
    .trim();
}

interface Attribution {
  articleId: string;
  start: number;
  end: number;
  text: string;
  rule: string;
  rank: number;
}

/** Attribution candidates in the quote's sentence and its neighbours. */
function attributions(doc: Doc, span: Span, o: CommonSourceOptions): Attribution[] {
  const si = spanIndexAt(doc.sentences, span.start);
  const se = spanIndexAt(doc.sentences, Math.max(span.start, span.end - 1));
  const from = doc.sentences[Math.max(0, (si < 0 ? 0 : si) - o.neighbourSentences)]?.start ?? Math.max(0, span.start - 300);
  const to = doc.sentences[Math.min(doc.sentences.length - 1, (se < 0 ? doc.sentences.length - 1 : se) + o.neighbourSentences)]?.end ?? Math.min(doc.text.length, span.end + 300);
  const out: Attribution[] = [];
  const windows: Span[] = [
    { start: from, end: span.start },
    { start: span.end, end: to },
  ];
  for (const w of windows) {
    const text = doc.text.slice(w.start, w.end);
    for (const { rule, re, rank } of RULES) {
      for (const m of text.matchAll(re)) {
        const raw = m[1];
        if (!raw) continue;
        const name = rule === 'document' ? raw : clip(raw);
        if (!name || GENERIC.has(name) || (rule !== 'document' && !/^\p{Lu}/u.test(name))) continue;
        const at = w.start + m.index + m[0].indexOf(raw) + raw.indexOf(name);
        out.push({ articleId: doc.id, start: at, end: at + name.length, text: doc.text.slice(at, at + name.length), rule, rank });
      }
    }
  }
  return out;
}

/**
 * Groups quoted shared passages of an event's pair comparisons into common
 * sources. `results` are `compareWording` outputs over pairs of `docs`.
 * A group needs two or more articles; the name is the attribution found in the
 * most articles (then the more specific rule, the longer, the alphabetically first).
 */
export function commonSources(docs: readonly Doc[], results: readonly Wording[], options: Partial<CommonSourceOptions> = {}): CommonSource[] {
  const o = { ...defaultCommonSourceOptions, ...options };
  const byId = new Map(docs.map((d) => [d.id, d]));
  // Nodes: merged quoted spans per article.
  const spans = new Map<string, Span[]>();
  const links: { a: [string, Span]; b: [string, Span]; ref: [string, string, string] }[] = [];
  // Mixed passages: quoted in one article, not in the other.
  const mixed: { quoted: [string, Span]; unquotedId: string }[] = [];
  for (const w of results) {
    if (!byId.has(w.a.id) || !byId.has(w.b.id)) continue;
    for (const p of w.passages) {
      if (p.kind === 'quote') {
        for (const [id, s] of [
          [w.a.id, p.a],
          [w.b.id, p.b],
        ] as const) {
          const list = spans.get(id) ?? [];
          list.push({ start: s.start, end: s.end });
          spans.set(id, list);
        }
        links.push({ a: [w.a.id, p.a], b: [w.b.id, p.b], ref: [w.a.id, w.b.id, p.id] });
      } else if (p.kind === 'mixed') {
        mixed.push(p.inQuote.a ? { quoted: [w.a.id, p.a], unquotedId: w.b.id } : { quoted: [w.b.id, p.b], unquotedId: w.a.id });
      }
    }
  }
  const nodes: { id: string; span: Span }[] = [];
  const nodeIndex = new Map<string, number[]>();
  for (const id of [...spans.keys()].sort()) {
    const list = spans.get(id)!.sort((x, y) => x.start - y.start || x.end - y.end);
    const idx: number[] = [];
    for (const s of list) {
      const last = nodes[idx[idx.length - 1] ?? -1];
      if (last && idx.length && s.start < last.span.end) last.span.end = Math.max(last.span.end, s.end);
      else {
        idx.push(nodes.length);
        nodes.push({ id, span: { ...s } });
      }
    }
    nodeIndex.set(id, idx);
  }
  const find = (id: string, s: Span): number => nodeIndex.get(id)!.find((n) => nodes[n]!.span.start <= s.start && s.end <= nodes[n]!.span.end)!;
  const parent = nodes.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const l of links) {
    const x = root(find(...l.a));
    const y = root(find(...l.b));
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  }
  const groups = new Map<number, number[]>();
  nodes.forEach((_, i) => {
    const r = root(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  const out: CommonSource[] = [];
  for (const members of groups.values()) {
    const ids = new Set(members.map((m) => nodes[m]!.id));
    if (ids.size < 2) continue;
    const articles = members.map((m) => {
      const n = nodes[m]!;
      return { articleId: n.id, start: n.span.start, end: n.span.end, text: byId.get(n.id)!.text.slice(n.span.start, n.span.end) };
    });
    const found = articles.flatMap((a) => attributions(byId.get(a.articleId)!, a, o));
    const key = (t: string) => t.toLowerCase().replace(/\s+/g, ' ');
    const tally = new Map<string, { docs: Set<string>; rank: number; text: string }>();
    for (const f of found) {
      const k = key(f.text);
      const t = tally.get(k) ?? { docs: new Set<string>(), rank: f.rank, text: f.text };
      t.docs.add(f.articleId);
      t.rank = Math.max(t.rank, f.rank);
      tally.set(k, t);
    }
    const ranked = [...tally.entries()].sort((x, y) => y[1].docs.size - x[1].docs.size || y[1].rank - x[1].rank || y[0].length - x[0].length || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const order = new Map(ranked.map(([k], i) => [k, i]));
    const nameEvidence = found
      .sort((x, y) => order.get(key(x.text))! - order.get(key(y.text))! || (x.articleId < y.articleId ? -1 : x.articleId > y.articleId ? 1 : 0) || x.start - y.start)
      .map(({ articleId, start, end, text, rule }) => ({ articleId, start, end, text, rule }));
    const unquotedIn = [...new Set(mixed.filter((m) => articles.some((a) => a.articleId === m.quoted[0] && overlaps(a, m.quoted[1]))).map((m) => m.unquotedId))].sort();
    const passages = links.filter((l) => members.includes(find(...l.a))).map((l) => l.ref);
    out.push({ id: '', name: ranked[0]?.[1].text ?? null, nameEvidence, articles, unquotedIn, passages });
  }
  out.sort((x, y) => (x.articles[0]!.articleId < y.articles[0]!.articleId ? -1 : x.articles[0]!.articleId > y.articles[0]!.articleId ? 1 : x.articles[0]!.start - y.articles[0]!.start));
  out.forEach((c, i) => (c.id = `cs${i}`));
  return out;
}

function overlaps(a: Span | undefined, b: Span): boolean {
  return !!a && a.start < b.end && b.start < a.end;
}


/**
 * The articles of an event side by side: one column each with the outlet,
 * its registry entry, title, date, where each metadata value came from, the
 * cleaned text with every finding marked, and the removed boilerplate on demand.
 */
import { escapeHtml, isolate } from '../escape.js';
import type { ArticleRecord } from '../schema.js';
import { RECURRING_CODE } from '../../group/index.js';
import type { EvidenceRegistry } from './evidence.js';
import { highlightHtml, type HighlightSpan } from './segments.js';
import { hedgesOf, loadedOf, quotesOf, techniqueLabel, type ArticleView } from './model.js';
import { shorten } from './evidence.js';

const SOURCE_WORDS: Record<string, string> = {
  given: 'given in the input',
  manifest: 'from the manifest',
  page: "from the page's tags",
  inferred: 'inferred from the text',
  none: 'not found',
};

const COUNTRY_NAMES: Record<string, string> = { RU: 'Russia', KP: 'North Korea', KR: 'South Korea', US: 'United States', CN: 'China', GB: 'United Kingdom', JP: 'Japan', UA: 'Ukraine', QA: 'Qatar', DE: 'Germany', FR: 'France', IR: 'Iran', IN: 'India', TR: 'Turkey', IL: 'Israel' };

export function registryLine(a: ArticleView): string {
  const r = a.registry;
  if (!r) return a.rec.outlet ? 'Not in the outlet registry.' : 'Outlet not identified: no name in the input and none found in the text.';
  const country = r.country.value === 'unknown' ? 'country unknown' : `${COUNTRY_NAMES[r.country.value] ?? r.country.value}`;
  const bits = [r.kind, country, `ownership: ${r.ownership.value}`, `state affiliation: ${r.stateAffiliation.value}`];
  const sources = `Sources — country: ${r.country.source}; ownership: ${r.ownership.source}; state affiliation: ${r.stateAffiliation.source}`;
  return `<span title="${escapeHtml(sources)}">${escapeHtml(bits.join(' · '))}</span>`;
}

function provenance(rec: ArticleRecord, field: string): string {
  const f = rec.meta[field];
  if (!f) return '';
  let s = `<span class="prov">${escapeHtml(SOURCE_WORDS[f.source] ?? f.source)}</span>`;
  if (f.evidence) s += ` <span class="muted">from ${isolate(`“${shorten(f.evidence.text, 70)}”`)} (rule ${escapeHtml(f.evidence.rule)}, original characters ${f.evidence.start}–${f.evidence.end})</span>`;
  return s;
}

function metaList(rec: ArticleRecord): string {
  const rows: string[] = [];
  const fields: Array<[string, string]> = [
    ['outlet', 'Outlet'],
    ['originalSource', 'Original source'],
    ['published', 'Date'],
    ['title', 'Title'],
    ['url', 'URL'],
    ['language', 'Language'],
  ];
  for (const [k, label] of fields) {
    const f = rec.meta[k];
    if (!f) continue;
    if (f.value === null && k !== 'outlet' && k !== 'published') continue;
    // URLs stay text: a javascript: URL from an article must never become a link.
    rows.push(`<dt>${label}</dt><dd>${f.value === null ? '<span class="empty">unknown</span>' : isolate(shorten(f.value, 120))} ${provenance(rec, k)}</dd>`);
  }
  rows.push(`<dt>File</dt><dd>${isolate(rec.source.file)}${rec.source.line ? `:${rec.source.line}` : ''} <span class="muted">(${escapeHtml(rec.source.format)}, id ${isolate(rec.id)}, ${rec.words} words)</span></dd>`);
  return `<dl>${rows.join('')}</dl>`;
}

function removedDetails(rec: ArticleRecord): string {
  if (rec.removed.length === 0) return '<p class="note">Nothing was removed as boilerplate.</p>';
  const counts = new Map<string, number>();
  for (const r of rec.removed) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  const byReason = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r, n]) => `${r} ${n}`).join(', ');
  const items = rec.removed
    .map((r) => `<li><span class="why">${escapeHtml(r.reason)}</span> <span class="muted">(rule ${escapeHtml(r.rule)}, characters ${r.start}–${r.end})</span><br><span class="txt">${escapeHtml(shorten(r.text, 240))}</span></li>`)
    .join('');
  return `<details class="removed-box"><summary>Removed before analysis: ${rec.removed.length} piece${rec.removed.length === 1 ? '' : 's'} <span class="muted">(${escapeHtml(byReason)})</span></summary><ol class="removed">${items}</ol></details>`;
}

/** Paragraphs grouping left out (an outlet's recurring ones: group/recurring.ts), with the reason. */
function leftOutDetails(rec: ArticleRecord): string {
  const marked = rec.diagnostics.filter((d) => d.code === RECURRING_CODE && d.start !== undefined && d.end !== undefined);
  if (marked.length === 0) return '';
  const items = marked
    .map((d) => `<li><span class="why">${escapeHtml(d.message)}</span> <span class="muted">(characters ${d.start}–${d.end})</span>${rec.text === undefined ? '' : `<br><span class="txt">${escapeHtml(shorten(rec.text.slice(d.start, d.end), 240))}</span>`}</li>`)
    .join('');
  return `<details class="removed-box"><summary>Left out of grouping: ${marked.length} paragraph${marked.length === 1 ? '' : 's'} the outlet repeats in many articles <span class="muted">(kept in the text and the comparisons)</span></summary><ol class="removed">${items}</ol></details>`;
}

/** Spans of the findings shown in the text: loaded words, hedges, quotes. */
export function findingSpans(a: ArticleView): HighlightSpan[] {
  const spans: HighlightSpan[] = [];
  for (const q of quotesOf(a.rec)) {
    const who = q.data.speaker ? `speaker: ${q.data.speaker}` : 'speaker not found';
    const verb = q.data.verb ? `; verb: ${q.data.verb}${q.data.verbClass === 'evaluative' ? ' (evaluative)' : ''}` : '';
    spans.push({ start: q.start, end: q.end, classes: [q.data.kind === 'reported' ? 'rq' : 'q'], firstTitle: `Quote (${q.data.kind}) — ${who}${verb}` });
  }
  for (const l of loadedOf(a.rec)) {
    spans.push({ start: l.start, end: l.end, classes: ['ld'], mark: true, title: `Loaded language — ${techniqueLabel(l.data.technique)}${l.data.neutral ? `; neutral alternative: “${l.data.neutral}”` : ''}` });
  }
  for (const h of hedgesOf(a.rec)) {
    spans.push({ start: h.start, end: h.end, classes: ['hg'], mark: true, title: `Hedge or distance marker — ${h.data.kind}: “${h.data.cue}”` });
  }
  return spans;
}

export interface ColumnOptions {
  /** Extra spans (shared passages) for this article. */
  passages: HighlightSpan[];
  evidence: EvidenceRegistry;
  /** Display name (the worksheet may hide outlets). */
  heading?: string;
  showRegistry?: boolean;
  clip?: boolean;
}

export function articleColumn(a: ArticleView, o: ColumnOptions): string {
  const rec = a.rec;
  const heading = o.heading ?? a.label;
  const date = rec.published ? `<p class="reg">${escapeHtml(rec.published)}</p>` : '<p class="reg">Date unknown</p>';
  const card = `<div class="card"><p class="outlet">${isolate(heading)}</p>${o.showRegistry === false ? '' : `<p class="reg">${registryLine(a)}</p>`}${rec.title ? `<p class="title">${isolate(rec.title)}</p>` : ''}${date}${o.showRegistry === false ? '' : `<details><summary class="note">Where this information comes from</summary>${metaList(rec)}</details>`}</div>`;
  let body: string;
  if (rec.text === undefined) body = '<p class="empty">The text was left out of this report (--no-text); findings are listed below the articles.</p>';
  else body = `<div class="text${o.clip === false ? '' : ' clip'}" lang="${escapeHtml(rec.language ?? 'en')}" id="${a.slug}-text">${highlightHtml(rec.text, [...o.passages, ...findingSpans(a), ...o.evidence.spansOf(a)])}</div>`;
  return `<div class="col" id="${a.slug}">${card}${body}${o.showRegistry === false ? '' : removedDetails(rec) + leftOutDetails(rec)}</div>`;
}

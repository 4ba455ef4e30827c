/**
 * The Markdown report: the same findings as the HTML page, as text. Article
 * text may hold Markdown or HTML; every piece of it is escaped (mdText) so it
 * cannot become a link, an image or markup in a Markdown viewer.
 */
import type { Report } from './schema.js';
import { claimsAnalysis, eventsByInterest, omissionFor, techniqueLabel, viewOf, FRAME_LABELS, type ReportView } from './html/model.js';
import { namesUsed, profilesByOutlet, sharedActors, topFrames } from './html/profile.js';
import { createEvidenceRegistry, shorten, stripQuotes } from './html/evidence.js';
import { eventSummary } from './html/summary.js';
import { eventTitle } from './html/event.js';
import { tieText } from './ties.js';

/** Untrusted text as inert Markdown: no links, images, HTML, emphasis or table breaks; bidi controls shown. */
export function mdText(text: string | null | undefined): string {
  return (text ?? '—')
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase()}]`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|!#~])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The summary's HTML as Markdown: bold and italics kept, links dropped to their text, entities left encoded. */
function htmlToMd(html: string): string {
  return html
    .replace(/<span class="topic">([^<]*)<\/span> /g, '$1: ')
    .replace(/<\/?b>/g, '**')
    .replace(/<\/?i>/g, '*')
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/([[\]|])/g, '\\$1');
}

const quoted = (t: string, max = 120): string => `“${mdText(shorten(stripQuotes(t), max))}”`;

function eventMarkdown(view: ReportView, eventId: string, out: string[]): void {
  const e = view.report.events.find((x) => x.id === eventId)!;
  const arts = view.eventArticles.get(e.id) ?? [];
  out.push(`### Event ${mdText(e.id)}: ${mdText(shorten(eventTitle(view, e), 120))}`, '');
  out.push(`${arts.length} article(s); dates: ${e.dateRange ? `${e.dateRange.from} – ${e.dateRange.to}` : 'unknown'}.`);
  if (e.ties.length) out.push(`Grouped by: ${e.ties.slice(0, 10).map((t) => `${mdText(tieText(t))} (${t.kind})`).join(', ')}.`);
  for (const c of e.conflicts ?? []) {
    const values = (here: boolean): string => [...new Set(c.evidence.filter((f) => e.articleIds.includes(f.articleId) === here).map((f) => mdText(f.value)))].join(', ');
    out.push(`Kept apart from event ${mdText(c.eventId)} (similarity ${c.similarity.toFixed(2)}): ${c.rule === 'subjects' ? 'companies in the titles' : 'figures'} here ${values(true)}; there ${values(false)}.`);
  }
  out.push('');
  out.push('| article | outlet | title | date |', '| --- | --- | --- | --- |');
  for (const a of arts) out.push(`| ${mdText(a.rec.id)} | ${mdText(a.label)}${a.registry ? ` (${a.registry.kind}, ${a.registry.country.value}, ${a.registry.stateAffiliation.value})` : ''} | ${mdText(a.rec.title)} | ${mdText(a.rec.published)} (${a.rec.meta.published?.source ?? 'none'}) |`);
  out.push('');
  if (arts.length < 2) {
    out.push('Only one article covers this event: nothing to compare.', '');
    return;
  }
  const profiles = profilesByOutlet(arts);
  const comparisons = view.comparisonsByEvent.get(e.id) ?? [];
  const claims = claimsAnalysis(e.analyses);
  const summary = eventSummary({ profiles, comparisons, claims, byId: view.byId, evidence: createEvidenceRegistry(), fallbackHref: '#', passageKey: (ci, pi) => `c${ci}-p${pi}` });
  if (summary.length) {
    out.push('#### How the coverage differs', '');
    summary.forEach((s, i) => out.push(`${i + 1}. ${htmlToMd(s)}`));
    out.push('');
  }
  for (const c of comparisons) {
    const w = c.wording;
    out.push(`#### Shared wording: ${mdText(view.byId.get(c.a)?.label ?? c.a)} ↔ ${mdText(view.byId.get(c.b)?.label ?? c.b)}`, '');
    out.push(`Similarity ${w.similarity.toFixed(2)}; ${w.passages.length} shared passage(s); reuse: ${w.reuse}; ${mdText(w.direction.note)}.`, '');
    for (const p of w.passages.slice(0, 10)) out.push(`- ${p.id} [${p.a.start}, ${p.a.end}) ↔ [${p.b.start}, ${p.b.end}), ${p.kind}: ${quoted(p.text.a, 200)}`);
    if (w.passages.length) out.push('');
  }
  if (profiles.some((p) => p.voices.length)) {
    out.push('#### Who is quoted', '', '| outlet | speaker | quotes | verbs | first quote [start, end) |', '| --- | --- | --- | --- | --- |');
    for (const p of profiles)
      for (const v of p.voices.slice(0, 8)) {
        const f = v.evidence[0]!;
        out.push(`| ${mdText(p.label)} | ${mdText(v.speaker)} | ${v.evidence.length} | ${mdText([...v.verbs.keys()].join(', '))}${v.evaluativeVerbs.size ? ` (evaluative: ${mdText([...v.evaluativeVerbs].join(', '))})` : ''} | ${quoted(f.text, 80)} [${f.start}, ${f.end}) |`);
      }
    out.push('');
  }
  const actors = sharedActors(profiles, 1, 8);
  if (actors.length) {
    out.push('#### Naming', '', `| actor | ${profiles.map((p) => mdText(p.label)).join(' | ')} |`, `| --- | ${profiles.map(() => '---').join(' | ')} |`);
    for (const a of actors) out.push(`| ${mdText(a.label)} | ${profiles.map((p) => namesUsed(p.names.get(a.actorId)).map(([n, x]) => `${mdText(n)} ${x.count}×`).join(', ') || '—').join(' | ')} |`);
    out.push('');
  }
  if (profiles.some((p) => p.loaded.length || p.hedges.length)) {
    out.push('#### Loaded words and hedges', '');
    for (const p of profiles) {
      out.push(`- **${mdText(p.label)}**: loaded ${p.loaded.length}${p.loaded.length ? ` (${p.loaded.map((l) => `${quoted(l.text, 40)} [${l.start}, ${l.end}) ${techniqueLabel(l.technique)}${l.neutral ? ` → ${mdText(l.neutral)}` : ''}`).join('; ')})` : ''}; hedges ${p.hedges.length}${p.hedges.length ? ` (${p.hedges.map((h) => `${quoted(h.text, 40)} ${h.kind}`).join('; ')})` : ''}`);
    }
    out.push('');
  }
  const frames = topFrames(profiles, 5);
  if (frames.length) {
    out.push('#### Frames (share of frame words)', '', `| frame | ${profiles.map((p) => mdText(p.label)).join(' | ')} |`, `| --- | ${profiles.map(() => '---:').join(' | ')} |`);
    for (const f of frames) out.push(`| ${FRAME_LABELS[f]} | ${profiles.map((p) => `${Math.round((p.frames.get(f)?.share ?? 0) * 100)}%`).join(' | ')} |`);
    out.push('');
  }
  if (claims) {
    const byId = new Map(claims.claims.map((c) => [c.id, c]));
    out.push('#### Reported by one outlet only', '');
    for (const p of profiles) {
      const om = omissionFor(claims, claims.omissions, new Set(p.articles.map((a) => a.rec.id)), p.key);
      const excl = (om?.exclusiveClusterIds ?? []).map((id) => claims.clusters.find((c) => c.id === id)).filter((c) => !!c).map((c) => byId.get(c.claimIds[0]!)).filter((c) => !!c);
      out.push(`- **${mdText(p.label)}** (${excl.length}): ${excl.slice(0, 6).map((c) => `${quoted(c.text, 140)} [${c.start}, ${c.end})`).join('; ') || 'none'}`);
    }
    out.push('');
  }
}

/** Said at the top of a report made with `--frames none`, where no section on quotes, names or loaded words can appear. */
export const FRAMING_OFF = 'Framing was not analyzed (`--frames none`): this report has the grouping and the shared wording only, no quotes, names, loaded words, hedges or frames.';

/** A plain-text rendering of the same findings, for people who read Markdown. */
export function reportMarkdown(report: Report): string {
  const view = viewOf(report);
  const s = report.summary;
  const out: string[] = [];
  out.push('# framelens comparison report', '');
  out.push(`${s.analyzed} article(s) analyzed, ${s.skipped} skipped; ${s.stories} story(ies), ${s.events} event(s), ${s.multiArticleEvents} covered by more than one article. Offsets are [start, end) in UTF-16 units of each article's cleaned text (report.json).`, '');
  if (report.options.frames === 'none') out.push(FRAMING_OFF, '');
  out.push('## Articles', '', '| id | outlet | title | published | event | status |', '| --- | --- | --- | --- | --- | --- |');
  for (const a of report.articles) out.push(`| ${mdText(a.id)} | ${mdText(a.outlet)} | ${mdText(a.title)} | ${mdText(a.published)} | ${mdText(a.event)} | ${a.status}${a.reason ? `: ${mdText(a.reason)}` : ''} |`);
  out.push('');
  out.push('## Stories', '');
  for (const story of report.stories) {
    out.push(`### Story ${mdText(story.id)}`, '', `Events: ${story.eventIds.map(mdText).join(', ')}. Outlets: ${story.outlets.map(mdText).join(', ') || '—'}.`, '');
    if (story.ties.length) out.push(`Tied by: ${story.ties.slice(0, 10).map((t) => `${mdText(tieText(t))} (${t.kind}, ${t.weight.toFixed(2)})`).join('; ')}.`, '');
  }
  out.push('## Events', '');
  for (const e of eventsByInterest(report)) eventMarkdown(view, e.id, out);
  const skipped = report.articles.filter((a) => a.status === 'skipped');
  if (skipped.length) {
    out.push('## Skipped', '');
    for (const a of skipped) out.push(`- ${mdText(a.source.file)}${a.source.line ? `:${a.source.line}` : ''} (${mdText(a.id)}): ${a.code ?? ''} ${mdText(a.reason ?? '')}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

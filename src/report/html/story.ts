/**
 * One story thread: how each outlet covered it across its events — whom it
 * quoted, what it called the main actors, its loaded words and main frames —
 * side by side, one column per outlet.
 */
import { escapeHtml, isolate } from '../escape.js';
import { tieText } from '../ties.js';
import type { EvidenceRegistry } from './evidence.js';
import { eventAnchor, FRAME_LABELS, storyAnchor, type ReportView, type StoryRecord } from './model.js';
import { namesUsed, profilesByOutlet, sharedActors, topFrames } from './profile.js';
import { eventTitle } from './event.js';
import { shorten } from './evidence.js';

export function storySection(view: ReportView, s: StoryRecord, ev: EvidenceRegistry): string {
  const anchor = storyAnchor(view.report, s.id);
  const arts = s.articleIds.map((id) => view.byId.get(id)).filter((a) => !!a && a.rec.status === 'analyzed').map((a) => a!);
  const profiles = profilesByOutlet(arts).sort((a, b) => b.articles.length - a.articles.length || (a.label < b.label ? -1 : 1));
  const events = s.eventIds.map((id) => view.report.events.find((e) => e.id === id)).filter((e) => !!e);
  const dates = s.dateRange ? (s.dateRange.from === s.dateRange.to ? s.dateRange.from : `${s.dateRange.from} – ${s.dateRange.to}`) : 'undated';
  const eventList = `<ol>${events.map((e) => `<li><a href="#${eventAnchor(view, e.id)}">${isolate(shorten(eventTitle(view, e), 110))}</a> <span class="muted">${e.articleIds.length} article(s)${e.dateRange ? `, ${escapeHtml(e.dateRange.from)}` : ''}</span></li>`).join('')}</ol>`;
  const ties = s.ties.length ? `<p class="ties">Events tied by: ${s.ties.slice(0, 10).map((t) => `<span class="tie">${isolate(tieText(t))}</span>`).join(' ')}</p>` : '';
  const fb = `#${anchor}`;
  let table: string;
  if (profiles.length === 0) table = '<p class="empty">No analyzed article.</p>';
  else {
    const actors = sharedActors(profiles, profiles.length > 1 ? 2 : 1, 4);
    const frames = topFrames(profiles, 3);
    const head = profiles.map((p) => `<th scope="col">${escapeHtml(p.label)}<br><span class="muted">${p.articles.length} article(s)</span></th>`).join('');
    const row = (label: string, cells: string[]): string => `<tr><th scope="row">${escapeHtml(label)}</th>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    const rows: string[] = [];
    const anyLayer = (name: string): boolean => profiles.some((p) => p.layers.has(name));
    if (anyLayer('quotes'))
      rows.push(row('Most quoted', profiles.map((p) => (p.voices.length ? p.voices.slice(0, 3).map((v) => `${ev.link(v.evidence, isolate(v.speaker), fb)} <span class="muted">${v.evidence.length}×</span>`).join('<br>') : '<span class="muted">no quotes</span>'))));
    if (anyLayer('mentions'))
      for (const a of actors)
        rows.push(row(`Calls ${a.label}`, profiles.map((p) => namesUsed(p.names.get(a.actorId)).slice(0, 3).map(([n, e]) => `${ev.link(e.evidence, `“${escapeHtml(n)}”`, fb)} <span class="muted">${e.count}×</span>`).join('<br>') || '<span class="muted">not named</span>')));
    if (anyLayer('loaded'))
      rows.push(row('Loaded words', profiles.map((p) => (p.loaded.length ? `${p.loaded.length}: ${p.loaded.slice(0, 5).map((l) => ev.link([l], escapeHtml(shorten(l.text, 30)), fb)).join(', ')}` : '<span class="muted">none</span>'))));
    if (anyLayer('hedges')) rows.push(row('Hedges', profiles.map((p) => String(p.hedges.length))));
    if (anyLayer('frames'))
      rows.push(row('Main frames', profiles.map((p) => frames.filter((f) => p.frames.has(f)).map((f) => `${escapeHtml(FRAME_LABELS[f])} ${Math.round(p.frames.get(f)!.share * 100)}%`).join('<br>') || '<span class="muted">—</span>')));
    table = rows.length
      ? `<div class="scroll"><table><thead><tr><th></th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
      : '<p class="empty">No analysis results for this story yet (quotes, naming, loaded words and frames appear here once the analyzers have run).</p>';
  }
  return `<section class="story" id="${anchor}"><h3>Story ${escapeHtml(s.id)}: ${events.length} event(s), ${profiles.length} outlet(s), ${escapeHtml(dates)}</h3>${ties}${eventList}<h4>How each outlet framed the thread</h4>${table}</section>`;
}

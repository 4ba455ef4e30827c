/**
 * The overview: counts, a timeline of events by story, and the coverage
 * matrix (events × outlets: who covered what, who stayed silent).
 */
import { escapeHtml, isolate } from '../escape.js';
import { timelineChart, type TimelinePoint } from './charts.js';
import { eventAnchor, eventsByInterest, type ReportView } from './model.js';
import { eventTitle } from './event.js';
import { thousands } from './layout.js';
import { shorten } from './evidence.js';

/** Most outlet columns in the matrix; the rest are named below it. */
export const MAX_MATRIX_OUTLETS = 30;

export function statsList(view: ReportView): string {
  const s = view.report.summary;
  const item = (n: number, label: string): string => `<li><b>${thousands(n)}</b>${escapeHtml(label)}</li>`;
  return `<ul class="stats">${item(s.analyzed, 'articles analyzed')}${item(s.skipped, 'skipped')}${item(s.outlets.length, 'named outlets')}${item(s.stories, 'stories')}${item(s.events, 'events')}${item(s.multiArticleEvents, 'events covered more than once')}</ul>`;
}

export function timeline(view: ReportView): string {
  const { report } = view;
  const points: TimelinePoint[] = [];
  report.stories.forEach((s, row) => {
    for (const id of s.eventIds) {
      const e = report.events.find((x) => x.id === id);
      if (!e?.dateRange) continue;
      points.push({ date: e.dateRange.from, row, size: e.articleIds.length, label: `${eventTitle(view, e)} — ${e.articleIds.length} article(s), ${e.dateRange.from}`, href: `#${eventAnchor(view, e.id)}` });
    }
  });
  const undated = report.events.filter((e) => !e.dateRange).length;
  const svg = timelineChart('Events over time, one row per story', report.stories.map((s) => `Story ${s.id}`), points);
  const note = undated ? `<p class="note">${undated} event(s) have no date and are not on the timeline.</p>` : '';
  return svg ? `${svg}${note}` : `<p class="empty">No event has a date, so there is no timeline.</p>`;
}

/** Events (rows, most covered first) × outlets (columns). "silent": the outlet covered the story but not this event. */
export function coverageMatrix(view: ReportView): string {
  const { report } = view;
  const articleCount = new Map<string, number>();
  for (const a of view.articles) if (a.rec.status === 'analyzed') articleCount.set(a.label, (articleCount.get(a.label) ?? 0) + 1);
  const outlets = [...articleCount.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([o]) => o);
  const shown = outlets.slice(0, MAX_MATRIX_OUTLETS);
  if (shown.length === 0) return '<p class="empty">No analyzed articles.</p>';
  const storyOutlets = new Map<string, Set<string>>();
  for (const s of report.stories) storyOutlets.set(s.id, new Set(s.articleIds.map((id) => view.byId.get(id)?.label).filter((x): x is string => !!x)));
  const head = `<tr><th>Event</th><th>Date</th>${shown.map((o) => `<th class="num" title="${escapeHtml(o)}">${isolate(shorten(o, 18))}</th>`).join('')}</tr>`;
  const rows = eventsByInterest(report)
    .map((e) => {
      const arts = view.eventArticles.get(e.id) ?? [];
      const per = new Map<string, number>();
      for (const a of arts) per.set(a.label, (per.get(a.label) ?? 0) + 1);
      const inStory = storyOutlets.get(e.storyId) ?? new Set();
      const cells = shown
        .map((o) => {
          const n = per.get(o);
          if (n) return `<td class="cov" title="${escapeHtml(`${o}: ${n} article(s)`)}">${n}</td>`;
          if (inStory.has(o)) return `<td class="sil" title="${escapeHtml(`${o} covered this story but not this event`)}">silent</td>`;
          return '<td class="abs">·</td>';
        })
        .join('');
      return `<tr><td><a href="#${eventAnchor(view, e.id)}">${isolate(shorten(eventTitle(view, e), 70))}</a></td><td>${escapeHtml(e.dateRange?.from ?? '—')}</td>${cells}</tr>`;
    })
    .join('');
  const more = outlets.length > shown.length ? `<p class="note">${outlets.length - shown.length} more outlet(s) with fewer articles are not shown as columns.</p>` : '';
  return `<div class="scroll matrix"><table><thead>${head}</thead><tbody>${rows}</tbody></table></div><div class="legend"><span><span class="sw" style="background:#0072b2"></span>covered (number of articles)</span><span><span class="sw" style="background:#fdf1ea;border:1px solid #a3360b"></span>silent: covered the story, not this event</span><span>· not in this story</span></div>${more}`;
}

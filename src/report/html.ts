/**
 * The HTML report: one self-contained page (inline CSS, one small inline
 * script, inline SVG charts; nothing loads from outside). Split into modules
 * under html/: layout, overview, story, event, article side by side, charts,
 * summary, script, styles.
 */
import type { Report } from './schema.js';
import { escapeHtml, isolate } from './escape.js';
import { pageHtml, thousands, type NavGroup } from './html/layout.js';
import { eventAnchor, eventsByInterest, storyAnchor, viewOf, type ReportView } from './html/model.js';
import { coverageMatrix, statsList, timeline } from './html/overview.js';
import { storySection } from './html/story.js';
import { eventSection, eventTitle } from './html/event.js';
import { createEvidenceRegistry, shorten } from './html/evidence.js';
import { FRAMING_OFF } from './markdown.js';

export { highlightHtml, segmentize, type HighlightSpan, type Segment } from './html/segments.js';

/** Nothing may load from outside: no scripts but our inline one, no remote images, fonts or frames. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** Events whose sections start open (the rest are collapsed, so 1,000 events stay fast). */
export const OPEN_EVENTS = 3;
/** Events listed in the navigation column; all are in the coverage matrix. */
export const NAV_EVENTS = 100;

function skippedSection(view: ReportView): string {
  const skipped = view.report.articles.filter((a) => a.status === 'skipped');
  if (skipped.length === 0) return '<p>No input was skipped.</p>';
  const codes = Object.entries(view.report.summary.skippedByCode).map(([c, n]) => `${escapeHtml(c)} ${n}`).join(', ');
  const rows = skipped.map((a) => `<tr><td>${isolate(a.source.file)}${a.source.line ? `:${a.source.line}` : ''}</td><td>${isolate(a.id)}</td><td>${escapeHtml(a.code ?? '')}</td><td>${escapeHtml(a.reason ?? '')}</td></tr>`).join('');
  return `<p>${skipped.length} record(s) could not be analyzed (${codes}). Each is listed with the reason, so nothing disappears silently.</p><div class="scroll"><table class="skips"><thead><tr><th>File</th><th>Id</th><th>Code</th><th>Reason</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

const METHOD = `<dl class="method">
<dt>Events and stories</dt><dd>Articles about the same happening are grouped into an <i>event</i> by the names, places, dates and phrases they share; related events form a <i>story</i>. Each event lists the ties that hold it together.</dd>
<dt>Shared wording</dt><dd>Passages of 8 or more words that two articles share, allowing small edits, shown in the same colour and number in both texts. Shared wording inside quotation marks points to a common source; outside quotation marks, to one text reusing the other.</dd>
<dt>Quotes</dt><dd>Direct, partial and reported quotes with the speaker they are attributed to and the reporting verb. Evaluative verbs (“blasted”, “admitted”) judge what was said.</dd>
<dt>Naming</dt><dd>The names each outlet uses for the same actor: official, common, metonym (“Pyongyang”), descriptive or pejorative.</dd>
<dt>Loaded words</dt><dd>Words that carry a judgement (<span class="key-ld">wavy underline</span>), each with the propaganda technique it belongs to and a neutral alternative where one is known.</dd>
<dt>Hedges</dt><dd>Words that soften or distance a statement (<span class="key-hg">dashed underline</span>): “allegedly”, “what it called”, scare quotes.</dd>
<dt>Frames and tone</dt><dd>Frames count cue words of the Policy Frames Codebook categories; tone averages word-list scores of the sentences mentioning an actor. Both are rough signals: read the marked words before drawing conclusions.</dd>
<dt>Cleaning</dt><dd>Menus, cookie notices, teasers and other site furniture are removed before analysis. Each article lists what was removed and why, so the cleaning can be checked.</dd>
</dl>`;

/** The whole page. Deterministic: the same report gives the same bytes. */
export function reportHtml(report: Report): string {
  const view = viewOf(report);
  const evidence = createEvidenceRegistry();
  const ordered = eventsByInterest(report);
  const openIds = new Set(ordered.filter((e) => (view.eventArticles.get(e.id)?.length ?? 0) > 1).slice(0, OPEN_EVENTS).map((e) => e.id));
  const s = report.summary;
  // Stories first: their evidence links must be registered before the event texts are rendered.
  const stories = report.stories.length ? report.stories.map((st) => storySection(view, st, evidence)).join('') : '<p class="empty">No story.</p>';
  const events = ordered.length ? ordered.map((e) => eventSection(view, e, { open: openIds.has(e.id), evidence })).join('\n') : '<p class="empty">No event.</p>';
  const intro = `<header class="top"><h1>How the outlets covered the news</h1><p>${thousands(s.analyzed)} article(s) from ${thousands(s.outlets.length)} named outlet(s), grouped into ${thousands(s.events)} event(s) in ${thousands(s.stories)} story thread(s). ${report.options.frames === 'none' ? `For every event covered by more than one article, the texts are shown side by side with the wording they share.</p><p class="note">${escapeHtml(FRAMING_OFF.replace(/`/g, ''))}</p>` : 'For every event covered by more than one article, the texts are shown side by side with what they share and how they differ: whom they quote, what they call the actors, which loaded words, hedges and frames they use, and what each reports alone.</p>'}<p class="note">Made by framelens ${escapeHtml(report.framelens.version)} from ${report.inputs.map((i) => isolate(i)).join(', ')}. Every marked word and every number links back to the text it comes from.</p></header>`;
  const body = [
    intro,
    `<section id="overview"><h2>Overview</h2>${statsList(view)}<h3>Timeline</h3>${timeline(view)}<h3>Who covered what</h3><p class="note">One row per event (most covered first), one column per outlet.</p>${coverageMatrix(view)}</section>`,
    `<section id="stories"><h2>Stories</h2>${stories}</section>`,
    `<section id="events"><h2>Events</h2><p class="note">Each event opens to show its articles side by side. The ${openIds.size} most covered start open.</p>${events}</section>`,
    `<section id="skipped"><h2>Skipped inputs</h2>${skippedSection(view)}</section>`,
    `<section id="method"><h2>How to read this report</h2>${METHOD}</section>`,
    `<footer>framelens ${escapeHtml(report.framelens.version)} · report schema ${report.framelens.schemaVersion} · self-contained page: nothing is loaded from the network.</footer>`,
  ].join('\n');
  const nav: NavGroup[] = [
    { title: 'Report', items: [{ href: '#overview', label: 'Overview' }, { href: '#stories', label: 'Stories', note: String(report.stories.length) }, { href: '#events', label: 'Events', note: String(report.events.length) }, { href: '#skipped', label: 'Skipped', note: String(s.skipped) }, { href: '#method', label: 'How to read this' }] },
    { title: 'Stories', items: report.stories.slice(0, 50).map((st) => ({ href: `#${storyAnchor(report, st.id)}`, label: `Story ${st.id}`, note: `${st.eventIds.length} ev.` })) },
    {
      title: 'Events',
      items: ordered.slice(0, NAV_EVENTS).map((e) => ({ href: `#${eventAnchor(view, e.id)}`, label: shorten(eventTitle(view, e), 60), note: String(e.articleIds.length) })),
      ...(ordered.length > NAV_EVENTS ? { more: `${ordered.length - NAV_EVENTS} more events: see the coverage matrix.` } : {}),
    },
  ];
  return pageHtml({ title: 'framelens report', csp: CONTENT_SECURITY_POLICY, nav, body });
}

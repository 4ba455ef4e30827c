/**
 * One event: what differs (plain words, linked to evidence), the articles side
 * by side with shared passages in matching colours, then the tables behind
 * the summary: shared wording, quotes, naming, loaded words and hedges,
 * frames, tone, claims and omissions.
 */
import { escapeHtml, isolate } from '../escape.js';
import { tieText } from '../ties.js';
import { barChart, divergingChart, legendHtml } from './charts.js';
import { articleColumn } from './article-side-by-side.js';
import { shorten, type EvidenceRegistry } from './evidence.js';
import type { HighlightSpan } from './segments.js';
import { PASSAGE_COLOURS } from './styles.js';
import { claimsAnalysis, eventAnchor, FRAME_LABELS, omissionFor, techniqueLabel, type ArticleView, type EventRecord, type ReportView } from './model.js';
import { namesUsed, outletProfile, profilesByOutlet, sharedActors, topFrames, type OutletProfile } from './profile.js';
import type { ClaimsComparison } from '../../frames/claims/index.js';
import { eventSummary } from './summary.js';

/** Most articles shown as columns; the rest of a big event is listed by title. */
export const MAX_COLUMNS = 4;

export function eventTitle(view: ReportView, e: EventRecord): string {
  const arts = view.eventArticles.get(e.id) ?? [];
  const titled = arts.find((a) => a.rec.title);
  if (titled) return titled.rec.title!;
  const ties = e.ties.filter((t) => t.kind !== 'term').slice(0, 3).map(tieText);
  if (ties.length) return ties.join(', ');
  // No headline and nothing shared (a single untitled article): its first sentence says what it reports.
  const lead = arts.find((a) => a.rec.text && a.rec.sentences?.length);
  if (lead) {
    const first = lead.rec.sentences![0]!;
    const text = shorten(lead.rec.text!.slice(first.start, first.end), 90);
    if (text) return text;
  }
  return `Event ${e.id}`;
}

function section(title: string, body: string): string {
  return `<h3>${escapeHtml(title)}</h3>${body}`;
}

const none = (what: string): string => `<p class="empty">${escapeHtml(what)}</p>`;

function passageSpans(view: ReportView, e: EventRecord, anchor: string): { spans: Map<string, HighlightSpan[]>; table: string; key: (ci: number, pi: number) => string } {
  const spans = new Map<string, HighlightSpan[]>();
  const comparisons = view.comparisonsByEvent.get(e.id) ?? [];
  const key = (ci: number, pi: number): string => `${anchor}-c${ci}-p${pi}`;
  const rows: string[] = [];
  let n = 0;
  comparisons.forEach((c, ci) => {
    const A = view.byId.get(c.a);
    const B = view.byId.get(c.b);
    if (!A || !B) return;
    c.wording.passages.forEach((p, pi) => {
      const k = key(ci, pi);
      const colour = n % PASSAGE_COLOURS.length;
      const badge = String(n + 1);
      n++;
      const title = (other: ArticleView): string => `Shared passage ${badge} — also in ${other.label}; ${p.kind === 'quote' ? 'quoted on both sides' : p.kind === 'mixed' ? 'quoted on one side only' : 'outside quotation marks'}; ${Math.round(p.editSimilarity * 100)}% word-for-word`;
      const push = (a: ArticleView, s: { start: number; end: number }, other: ArticleView, withAnchor: boolean): void => {
        const list = spans.get(a.slug) ?? [];
        list.push({ start: s.start, end: s.end, classes: ['psg'], colour: `c${colour}`, pairs: [k], keys: [k], badge, focus: true, firstTitle: title(other), ...(withAnchor ? { anchor: k } : {}) });
        spans.set(a.slug, list);
      };
      push(A, p.a, B, true);
      push(B, p.b, A, false);
      rows.push(
        `<tr><td><a href="#${k}" data-k="${k}"><span class="chip c${colour}">${badge}</span></a></td><td>${escapeHtml(A.label)}: ${isolate(shorten(p.text.a, 160))}</td><td>${escapeHtml(B.label)}: ${isolate(shorten(p.text.b, 160))}</td><td class="num">${p.matchedWords}</td><td>${escapeHtml(p.kind)}</td></tr>`,
      );
    });
  });
  const pairRows = comparisons
    .map((c) => {
      const A = view.byId.get(c.a);
      const B = view.byId.get(c.b);
      const w = c.wording;
      return `<tr><td>${escapeHtml(A?.label ?? c.a)} ↔ ${escapeHtml(B?.label ?? c.b)}</td><td class="num">${w.similarity.toFixed(2)}</td><td class="num">${w.passages.length}</td><td class="num">${Math.round(w.scores.coverage.a.value * 100)}% / ${Math.round(w.scores.coverage.b.value * 100)}%</td><td>${escapeHtml(w.reuse)}</td><td>${escapeHtml(w.direction.note)}</td></tr>`;
    })
    .join('');
  let table = '';
  if (comparisons.length) {
    table += `<div class="scroll"><table><thead><tr><th>Pair</th><th class="num">Similarity</th><th class="num">Passages</th><th class="num">Words shared (each side)</th><th>Reuse</th><th>Who came first</th></tr></thead><tbody>${pairRows}</tbody></table></div>`;
    table += rows.length
      ? `<div class="scroll"><table><thead><tr><th>#</th><th>In one article</th><th>In the other</th><th class="num">Same words</th><th>Kind</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
      : none('No shared passage (8 or more words in a row, allowing small edits) was found between these articles.');
  } else table = none('No pair of articles was compared in this event.');
  return { spans, table, key };
}

function quotesTable(profiles: OutletProfile[], ev: EvidenceRegistry, fb: string): string {
  if (!profiles.some((p) => p.layers.has('quotes'))) return none('Quote and speaker detection has not run on these articles.');
  return `<div>${profiles
    .map((p) => {
      if (p.voices.length === 0) return `<div><h4>${escapeHtml(p.label)}</h4>${none('No quotes found.')}</div>`;
      const rows = p.voices
        .map((v) => {
          const verbs = [...v.verbs.entries()].map(([verb, n]) => `${v.evaluativeVerbs.has(verb) ? `<span class="verb-eval">${escapeHtml(verb)}</span>` : escapeHtml(verb)}${n > 1 ? ` ×${n}` : ''}`).join(', ');
          const kinds = [v.direct ? `${v.direct} direct` : '', v.partial ? `${v.partial} partial` : '', v.reported ? `${v.reported} reported` : ''].filter(Boolean).join(', ');
          return `<tr><td><span class="speaker">${isolate(v.speaker)}</span><br><span class="muted">${escapeHtml(v.sourceType)}</span></td><td>${kinds}</td><td>${verbs || '—'}</td><td>${v.evidence.slice(0, 3).map((e) => ev.quoteLink(e, fb, 120)).join('<br>')}</td></tr>`;
        })
        .join('');
      return `<div><h4>${escapeHtml(p.label)} <span class="muted">(${p.quotes} quote${p.quotes === 1 ? '' : 's'})</span></h4><div class="scroll"><table class="quote-list"><thead><tr><th>Speaker</th><th>Quotes</th><th>Verbs</th><th>Examples</th></tr></thead><tbody>${rows}</tbody></table></div></div>`;
    })
    .join('')}</div><p class="note">Evaluative verbs (in <span class="verb-eval">red</span>) such as “blasted” or “admitted” judge a statement; neutral ones such as “said” do not.</p>`;
}

function namingTable(profiles: OutletProfile[], ev: EvidenceRegistry, fb: string): string {
  if (!profiles.some((p) => p.layers.has('mentions'))) return none('Actor and naming detection has not run on these articles.');
  const actors = sharedActors(profiles, 1, 10);
  if (actors.length === 0) return none('No known actor is named.');
  const head = profiles.map((p) => `<th>${escapeHtml(p.label)}</th>`).join('');
  const rows = actors
    .map((a) => {
      const cells = profiles
        .map((p) => {
          const names = namesUsed(p.names.get(a.actorId));
          if (!names.length) return '<td class="muted">not named</td>';
          return `<td>${names.map(([n, e]) => `${ev.link(e.evidence, escapeHtml(n), fb)} <span class="muted">${e.count}×${e.kind !== 'common' && e.kind !== 'official' ? ` ${escapeHtml(e.kind)}` : ''}</span>`).join('<br>')}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${escapeHtml(a.label)}</th>${cells}</tr>`;
    })
    .join('');
  return `<div class="scroll"><table><thead><tr><th>Actor</th>${head}</tr></thead><tbody>${rows}</tbody></table></div><p class="note">The names each outlet uses for the same actor. A metonym (“Pyongyang” for North Korea's government) or a descriptive name (“the isolated nation”) frames the actor differently from its plain name.</p>`;
}

function loadedTable(profiles: OutletProfile[], ev: EvidenceRegistry, fb: string): string {
  if (!profiles.some((p) => p.layers.has('loaded') || p.layers.has('hedges'))) return none('Loaded-language and hedge detection has not run on these articles.');
  return `<div class="grid2">${profiles
    .map((p) => {
      const loaded = p.loaded.length
        ? `<ul>${p.loaded.map((l) => `<li>${ev.link([l], `<mark class="ld">${escapeHtml(shorten(l.text, 50))}</mark>`, fb)} — ${escapeHtml(techniqueLabel(l.technique))}${l.neutral ? `; neutral: <i>${escapeHtml(l.neutral)}</i>` : ''}</li>`).join('')}</ul>`
        : none('No loaded words found.');
      const hedges = p.hedges.length ? `<ul>${p.hedges.map((h) => `<li>${ev.link([h], `<mark class="hg">${escapeHtml(shorten(h.text, 50))}</mark>`, fb)} — ${escapeHtml(h.kind)}</li>`).join('')}</ul>` : none('No hedges found.');
      const rate = p.words ? ` <span class="muted">(${((p.loaded.length / p.words) * 1000).toFixed(1)} per 1,000 words)</span>` : '';
      return `<div><h4>${escapeHtml(p.label)}</h4><p><b>Loaded words: ${p.loaded.length}</b>${rate}</p>${loaded}<p><b>Hedges and distance markers: ${p.hedges.length}</b></p>${hedges}</div>`;
    })
    .join('')}</div>`;
}

function framesChart(profiles: OutletProfile[], ev: EvidenceRegistry, fb: string): string {
  const ps = profiles.filter((p) => p.frameCues > 0);
  if (ps.length === 0) return none('Frame detection has not run on these articles (or found no frame words).');
  const frames = topFrames(ps, 7);
  const chart = barChart(
    'Share of frame words per outlet',
    ps.map((p) => ({ name: p.label })),
    frames.map((f) => ({ label: FRAME_LABELS[f], values: ps.map((p) => (p.frames.get(f)?.share ?? 0) * 100) })),
    { format: (v) => `${Math.round(v)}%` },
  );
  const words = ps
    .map((p) => {
      const items = frames
        .filter((f) => p.frames.has(f))
        .slice(0, 4)
        .map((f) => `<li><i>${escapeHtml(FRAME_LABELS[f])}</i>: ${p.frames.get(f)!.evidence.slice(0, 4).map((e) => ev.link([e], escapeHtml(e.text), fb)).join(', ')}</li>`)
        .join('');
      return `<div><h4>${escapeHtml(p.label)} <span class="muted">(${p.frameCues} frame words)</span></h4><ul>${items}</ul></div>`;
    })
    .join('');
  return `${legendHtml(ps.map((p) => ({ name: p.label })))}${chart}<div class="grid2">${words}</div><p class="note">Frames after the Policy Frames Codebook (Boydstun et al. 2014), found from cue words; a share is that frame's cue words over all cue words of the outlet.</p>`;
}

function toneChart(profiles: OutletProfile[]): string {
  const ps = profiles.filter((p) => p.tone.size > 0);
  if (ps.length === 0) return none('Tone scoring has not run on these articles.');
  const actors = sharedActors(ps, ps.length > 1 ? 2 : 1, 6).filter((a) => ps.some((p) => p.tone.has(a.actorId)));
  if (actors.length === 0) return none('No actor is mentioned by more than one outlet in scored sentences.');
  const chart = divergingChart(
    'Average tone of sentences mentioning each actor',
    ps.map((p) => ({ name: p.label })),
    actors.map((a) => ({ label: a.label, values: ps.map((p) => { const t = p.tone.get(a.actorId); return t ? t.sum / t.sentences : null; }) })),
  );
  return `${legendHtml(ps.map((p) => ({ name: p.label })))}${chart}<p class="note">Average AFINN word-list score (Nielsen 2011) of the sentences that mention the actor: below zero, the sentences use more negative words. A sentence naming two actors counts for both.</p>`;
}

function claimsBlock(view: ReportView, e: EventRecord, profiles: OutletProfile[], ev: EvidenceRegistry, fb: string): string {
  const c = claimsAnalysis(e.analyses);
  if (!c) return none('Claims have not been aligned across these articles yet, so what each outlet reports alone is not shown.');
  const claimById = new Map(c.claims.map((x) => [x.id, x]));
  const link = (claimId: string): string => {
    const cl = claimById.get(claimId);
    const a = cl ? view.byId.get(cl.articleId) : undefined;
    if (!cl || !a) return escapeHtml(claimId);
    return ev.quoteLink({ article: a, start: cl.start, end: cl.end, text: cl.text }, fb, 200);
  };
  const parts: string[] = [];
  for (const p of profiles) {
    const om = omissionFor(c, c.omissions, new Set(p.articles.map((a) => a.rec.id)), p.key);
    if (!om) continue;
    const excl = om.exclusiveClusterIds.map((id) => c.clusters.find((x) => x.id === id)).filter((x) => !!x);
    const miss = om.missingClusterIds.map((id) => c.clusters.find((x) => x.id === id)).filter((x) => !!x);
    parts.push(
      `<div><h4>${escapeHtml(p.label)}</h4><p><b>Reports alone (${excl.length})</b></p>${excl.length ? `<ul>${excl.slice(0, 12).map((x) => `<li>${link(x.claimIds[0]!)}</li>`).join('')}</ul>${excl.length > 12 ? `<p class="note">… and ${excl.length - 12} more.</p>` : ''}` : none('Nothing: every statement is also made by another outlet.')}<p><b>Leaves out (${miss.length})</b> <span class="muted">— reported by at least half of the others</span></p>${miss.length ? `<ul>${miss.slice(0, 12).map((x) => `<li>${link(x.claimIds[0]!)}</li>`).join('')}</ul>` : none('Nothing that most others report.')}${om.notes.length ? `<p class="note">${om.notes.map(escapeHtml).join(' ')}</p>` : ''}</div>`,
    );
  }
  const shared = c.clusters.filter((x) => x.label === 'shared');
  const sharedHtml = shared.length ? `<p><b>Reported by several outlets (${shared.length})</b></p><ul>${shared.slice(0, 8).map((x) => `<li>${x.claimIds.map(link).join(' <span class="muted">~</span> ')}</li>`).join('')}</ul>` : '';
  const conflicts = c.conflicts.length
    ? `<p><b>Conflicting numbers or dates</b></p><ul>${c.conflicts.map((k) => `<li>${escapeHtml(k.kind)}${k.unit ? ` (${escapeHtml(k.unit)})` : ''}: ${k.values.map((v) => { const a = view.byId.get(v.articleId); return `${escapeHtml(a?.label ?? v.outlet)}: ${a ? ev.link([{ article: a, start: v.start, end: v.end }], escapeHtml(String(v.value)), fb) : escapeHtml(String(v.value))}`; }).join('; ')}</li>`).join('')}</ul>`
    : '';
  const scope = c.aligned ? `<p class="note">This event has ${c.aligned.articles} articles: each article's statements were matched with those of the ${c.aligned.band} article(s) next to it (by id) only, to keep the work in bounds. A statement repeated throughout is still matched through that chain; one made by two distant articles only may be shown as reported alone.</p>` : '';
  return `<div class="grid2">${parts.join('')}</div>${sharedHtml}${conflicts}${scope}<p class="note">A statement is a sentence or clause that could be checked. Two statements match when they share most of their content words (or a number or date).</p>`;
}

/** The claims comparison narrowed to two articles: what each reports that the other does not. */
export function pairClaims(c: ClaimsComparison, a: string, b: string): ClaimsComparison {
  const inPair = (id: string): boolean => id === a || id === b;
  const claims = c.claims.filter((x) => inPair(x.articleId));
  const ids = new Set(claims.map((x) => x.id));
  const clusters = c.clusters
    .filter((k) => k.articleIds.some(inPair))
    .map((k) => {
      const articleIds = k.articleIds.filter(inPair);
      const outlets = [...new Set(claims.filter((x) => articleIds.includes(x.articleId)).map((x) => x.outlet))].sort();
      return { ...k, articleIds, outlets, label: articleIds.length > 1 ? ('shared' as const) : ('unique' as const), claimIds: k.claimIds.filter((id) => ids.has(id)) };
    });
  const outletOf = (id: string): string => claims.find((x) => x.articleId === id)?.outlet ?? id;
  const omissions = [a, b].map((id) => {
    const other = id === a ? b : a;
    return {
      outlet: outletOf(id),
      exclusiveClusterIds: clusters.filter((k) => k.articleIds.includes(id) && !k.articleIds.includes(other)).map((k) => k.id),
      missingClusterIds: clusters.filter((k) => !k.articleIds.includes(id) && k.articleIds.includes(other)).map((k) => k.id),
      notes: [],
    };
  });
  return { claims, clusters, omissions, conflicts: c.conflicts.filter((k) => k.values.every((v) => inPair(v.articleId))) };
}

/** Most article pairs summarized one by one in an event with more than two articles. */
export const MAX_PAIR_SUMMARIES = 6;

function pairSummaries(view: ReportView, e: EventRecord, ev: EvidenceRegistry, fb: string, key: (ci: number, pi: number) => string): string {
  const comparisons = view.comparisonsByEvent.get(e.id) ?? [];
  const claims = claimsAnalysis(e.analyses);
  const ranked = comparisons.map((c, ci) => ({ c, ci })).sort((x, y) => y.c.wording.similarity - x.c.wording.similarity || x.ci - y.ci).slice(0, MAX_PAIR_SUMMARIES);
  const blocks = ranked
    .map(({ c, ci }) => {
      const A = view.byId.get(c.a);
      const B = view.byId.get(c.b);
      if (!A || !B) return '';
      const profiles = [outletProfile(A.key === B.key ? `${A.key} [${A.rec.id}]` : A.key, A.label, [A]), outletProfile(A.key === B.key ? `${B.key} [${B.rec.id}]` : B.key, B.label, [B])];
      const sentences = eventSummary({ profiles, comparisons: [c], claims: claims ? pairClaims(claims, c.a, c.b) : null, byId: view.byId, evidence: ev, fallbackHref: fb, passageKey: (_ci, pi) => key(ci, pi) });
      return `<details class="pair"><summary><b>${escapeHtml(A.label)}</b> and <b>${escapeHtml(B.label)}</b> <span class="muted">similarity ${c.wording.similarity.toFixed(2)}</span></summary><ol>${sentences.map((x) => `<li>${x}</li>`).join('')}</ol></details>`;
    })
    .join('');
  if (!blocks) return '';
  return `<h4>Two articles at a time</h4><p class="note">The most similar pairs first; open one to see how those two articles differ.</p>${blocks}`;
}

export interface EventRenderOptions {
  open: boolean;
  evidence: EvidenceRegistry;
}

/** Look-alike events a conflict rule kept apart (grouping steps 4b and 4c), each figure or company code with its article and offsets. */
function keptApart(view: ReportView, e: EventRecord): string {
  if (!e.conflicts?.length) return '';
  const members = new Set(e.articleIds);
  type Item = NonNullable<EventRecord['conflicts']>[number]['evidence'][number];
  const values = (list: Item[]): string =>
    [...new Set(list.map((f) => f.value))].map((v) => {
      const f = list.find((x) => x.value === v)!;
      return `<span class="tie" title="${escapeHtml(`${f.articleId}, ${f.field === 'title' ? 'title ' : ''}characters ${f.start}–${f.end}`)}">${isolate(v)}</span>`;
    }).join(' ');
  const items = e.conflicts.map((c) => {
    const here = c.evidence.filter((f) => members.has(f.articleId));
    const there = c.evidence.filter((f) => !members.has(f.articleId));
    const what = c.rule === 'subjects' ? 'companies in the titles' : 'figures';
    return `<li>event <a href="#${eventAnchor(view, c.eventId)}">${escapeHtml(c.eventId)}</a> (similarity ${c.similarity.toFixed(2)}): ${what} here ${values(here)}; there ${values(there)}</li>`;
  });
  return `<div class="ties">Kept apart from look-alike events whose leads state other figures or whose titles name other companies:<ul>${items.join('')}</ul></div>`;
}

/** The event's section: a <details> that starts open for the most covered events. */
export function eventSection(view: ReportView, e: EventRecord, o: EventRenderOptions): string {
  const anchor = eventAnchor(view, e.id);
  const fb = `#${anchor}`;
  const arts = view.eventArticles.get(e.id) ?? [];
  const title = eventTitle(view, e);
  const outlets = [...new Set(arts.map((a) => a.label))];
  const dates = e.dateRange ? (e.dateRange.from === e.dateRange.to ? e.dateRange.from : `${e.dateRange.from} – ${e.dateRange.to}`) : 'undated';
  const meta = `${arts.length} article${arts.length === 1 ? '' : 's'} · ${outlets.length} outlet${outlets.length === 1 ? '' : 's'} · ${dates}`;
  const ties = e.ties.length ? `<p class="ties">Grouped together because they share: ${e.ties.slice(0, 12).map((t) => `<span class="tie" title="${escapeHtml(`${t.kind}, weight ${t.weight.toFixed(2)}`)}">${isolate(tieText(t))}</span>`).join(' ')}</p>` : '';
  const ev = o.evidence;
  const apart = keptApart(view, e);
  const shown = arts.slice(0, MAX_COLUMNS);
  const profiles = profilesByOutlet(arts);
  const { spans, table, key } = passageSpans(view, e, anchor);
  let body = ties + apart;
  if (arts.length < 2) {
    body += `<p class="note">Only one article covers this event, so there is nothing to compare it with.</p>`;
    body += `<div class="cols">${shown.map((a) => articleColumn(a, { passages: [], evidence: ev })).join('')}</div>`;
    return `<details class="event" id="${anchor}"${o.open ? ' open' : ''}><summary>${isolate(shorten(title, 140))}<span class="meta">${escapeHtml(meta)}</span></summary><div class="event-body">${body}</div></details>`;
  }
  const comparisons = view.comparisonsByEvent.get(e.id) ?? [];
  // Tables first: they register the evidence spans the columns must anchor.
  const summary = eventSummary({ profiles, comparisons, claims: claimsAnalysis(e.analyses), byId: view.byId, evidence: ev, fallbackHref: fb, passageKey: key });
  const sections = [
    section('Shared wording', table),
    section('Who is quoted, and how', quotesTable(profiles, ev, fb)),
    section('How each outlet names the actors', namingTable(profiles, ev, fb)),
    section('Loaded words and hedges', loadedTable(profiles, ev, fb)),
    section('Frames', framesChart(profiles, ev, fb)),
    section('Tone toward the actors', toneChart(profiles)),
    section('What each outlet reports alone, and what it leaves out', claimsBlock(view, e, profiles, ev, fb)),
  ].join('');
  const pairs = arts.length > 2 ? pairSummaries(view, e, ev, fb, key) : '';
  const diff = summary.length
    ? `<div class="diff"><h3>How the coverage differs</h3><ol>${summary.map((s, i) => `<li id="${anchor}-s${i + 1}">${s}</li>`).join('')}</ol>${pairs}<p class="note">Click a quoted phrase to see it marked in the article text below.</p></div>`
    : `<div class="diff"><h3>How the coverage differs</h3>${none('No analysis results are available for these articles yet.')}</div>`;
  const toggles = `<div class="toggles noprint" role="group" aria-label="Marks shown in the texts"><b>Show in the texts:</b><label><input type="checkbox" data-hide="no-psg" checked> <span class="chip c0">1</span> shared wording</label><label><input type="checkbox" data-hide="no-ld" checked> <span class="key-ld">loaded words</span></label><label><input type="checkbox" data-hide="no-hg" checked> <span class="key-hg">hedges</span></label><label><input type="checkbox" data-hide="no-q" checked> <span class="key-q">quotations</span></label><span class="muted">Hover over a mark for details; click a shared passage to light its twin.</span></div>`;
  const cols = `<div class="cols">${shown.map((a) => articleColumn(a, { passages: spans.get(a.slug) ?? [], evidence: ev })).join('')}</div>`;
  const rest = arts.length > shown.length ? `<p class="note">${arts.length - shown.length} more article(s) in this event: ${arts.slice(MAX_COLUMNS).map((a) => `${escapeHtml(a.label)} — ${isolate(a.rec.title ?? a.rec.id)}`).join('; ')}.</p>` : '';
  body += diff + toggles + cols + rest + sections;
  return `<details class="event" id="${anchor}"${o.open ? ' open' : ''}><summary>${isolate(shorten(title, 140))}<span class="meta">${escapeHtml(meta)}</span></summary><div class="event-body">${body}</div></details>`;
}

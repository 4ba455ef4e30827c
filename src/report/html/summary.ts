/**
 * A plain-language account of how the outlets of one event differ. Each
 * sentence is built from one finding type and links to the spans behind it;
 * a sentence is left out when its data is missing, never guessed.
 */
import { escapeHtml } from '../escape.js';
import type { ClaimsComparison } from '../../frames/claims/index.js';
import type { EvidenceRegistry } from './evidence.js';
import { shorten, stripQuotes } from './evidence.js';
import { FRAME_LABELS, omissionFor, type ArticleView, type Comparison } from './model.js';
import { namesUsed, sharedActors, topFrames, type Ev, type OutletProfile } from './profile.js';

export interface SummaryInput {
  profiles: OutletProfile[];
  comparisons: Comparison[];
  claims: ClaimsComparison | null;
  byId: Map<string, ArticleView>;
  evidence: EvidenceRegistry;
  /** Where links go when the text is not in the report. */
  fallbackHref: string;
  /** Key of the pair links (twin passages) for comparison `ci`, passage `pi`. */
  passageKey: (ci: number, pi: number) => string;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const name = (p: OutletProfile): string => `<b>${escapeHtml(p.label)}</b>`;

function list(items: string[], max = 4): string {
  const shown = items.slice(0, max);
  const more = items.length > max ? ` and ${items.length - max} more` : '';
  if (shown.length <= 1) return shown.join('') + more;
  return `${shown.slice(0, -1).join(', ')}${more ? ', ' : ' and '}${shown.at(-1)!}${more}`;
}

function links(s: SummaryInput, evs: Ev[], max = 3): string {
  return list(evs.map((e) => s.evidence.quoteLink(e, s.fallbackHref, 60)), max);
}

function wordingSentence(s: SummaryInput): string | null {
  const c = [...s.comparisons].sort((a, b) => b.wording.similarity - a.wording.similarity || (a.a < b.a ? -1 : 1))[0];
  if (!c) return null;
  const ci = s.comparisons.indexOf(c);
  const A = s.byId.get(c.a);
  const B = s.byId.get(c.b);
  if (!A || !B) return null;
  const w = c.wording;
  if (w.passages.length === 0) {
    return `${topic('Wording')}${name2(A)} and ${name2(B)} share no passage of wording (8 or more words in a row): each text was written separately. Their overall similarity of ${w.similarity.toFixed(2)} (0 to 1) comes from naming the same people, places and numbers.`;
  }
  const pLinks = w.passages.slice(0, 3).map((p, pi) => `<a href="#${escapeHtml(s.passageKey(ci, pi))}" data-k="${escapeHtml(s.passageKey(ci, pi))}">passage ${pi + 1}</a>`);
  const kind = w.reuse === 'shared-quotes' ? 'all of it inside quotation marks on both sides, which points to a common source rather than copying' : 'some of it outside quotation marks';
  return `${topic('Wording')}${name2(A)} and ${name2(B)} share ${w.passages.length} passage${w.passages.length === 1 ? '' : 's'} of wording (${list(pLinks)}), ${kind}; covering ${pct(w.scores.coverage.a.value)} of ${escapeHtml(A.label)}'s words and ${pct(w.scores.coverage.b.value)} of ${escapeHtml(B.label)}'s. ${escapeHtml(capital(w.direction.note))}.`.replace(/\.\.$/, '.');
}

const name2 = (a: ArticleView): string => `<b>${escapeHtml(a.label)}</b>`;
const capital = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);
const topic = (t: string): string => `<span class="topic">${escapeHtml(t)}</span> `;

function sourcesSentences(s: SummaryInput): string[] {
  const out: string[] = [];
  const withQuotes = s.profiles.filter((p) => p.layers.has('quotes'));
  if (withQuotes.length < 2) return out;
  const many = withQuotes.length > 2;
  const parts = withQuotes.map((p) => {
    if (p.voices.length === 0) return `${name(p)} quotes no one`;
    const top = p.voices.slice(0, many ? 2 : 3).map((v) => `${escapeHtml(v.speaker)} (${s.evidence.link(v.evidence, `${v.evidence.length}×`, s.fallbackHref)})`);
    return `${name(p)} quotes ${list(top, 3)}`;
  });
  out.push(`${topic('Voices')}${parts.join('; ')}.`);
  const only = withQuotes
    .map((p) => ({ p, only: p.voices.filter((v) => v.speaker !== 'unattributed' && !withQuotes.some((o) => o !== p && o.voices.some((w) => w.speaker === v.speaker))) }))
    .filter((x) => x.only.length);
  if (only.length) out.push(`${topic('Voices')}Quoted by one outlet only: ${only.map((x) => `${name(x.p)}: ${list(x.only.slice(0, 3).map((v) => s.evidence.link(v.evidence, escapeHtml(v.speaker), s.fallbackHref)), 3)}`).join('; ')}.`);
  const evalParts = withQuotes
    .map((p) => {
      const ev = p.voices.filter((v) => v.evaluativeVerbs.size > 0);
      if (!ev.length) return null;
      const verbs = [...new Set(ev.flatMap((v) => [...v.evaluativeVerbs]))].sort().slice(0, 4);
      const evs = ev.flatMap((v) => v.evaluativeEvidence).sort((x, y) => x.start - y.start);
      return `${name(p)} ${list(verbs.map((v) => `“${escapeHtml(v)}”`))} (e.g. ${links(s, evs.slice(0, 1), 1)})`;
    })
    .filter((x): x is string => !!x);
  if (evalParts.length) out.push(`${topic('Verbs')}Reporting verbs that tell the reader how to judge a statement: ${evalParts.join('; ')}.${evalParts.length < withQuotes.length ? ` ${list(withQuotes.filter((p) => !p.voices.some((v) => v.evaluativeVerbs.size)).map(name))} use${withQuotes.length - evalParts.length === 1 ? 's' : ''} none.` : ''}`);
  return out;
}

function namingSentences(s: SummaryInput): string[] {
  const out: string[] = [];
  const ps = s.profiles.filter((p) => p.names.size > 0);
  if (ps.length < 2) return out;
  for (const actor of sharedActors(ps, 2, 6)) {
    const tops = ps.map((p) => ({ p, names: namesUsed(p.names.get(actor.actorId)) }));
    const first = new Set(tops.map((t) => t.names[0]?.[0]).filter(Boolean));
    if (first.size < 2) continue;
    const parts = tops
      .filter((t) => t.names.length)
      .map((t) => `${name(t.p)} mostly writes ${s.evidence.link(t.names[0]![1].evidence, `“${escapeHtml(t.names[0]![0])}”`, s.fallbackHref)} (${t.names[0]![1].count}×${t.names.length > 1 ? `; also ${list(t.names.slice(1, 3).map(([n, e]) => `“${escapeHtml(n)}” ${e.count}×`))}` : ''})`);
    out.push(`${topic('Naming')}For ${escapeHtml(actor.label)}, ${parts.join(s.profiles.length > 2 ? '; ' : ', while ')}.`);
    if (out.length >= (s.profiles.length > 2 ? 1 : 2)) break;
  }
  return out;
}

function loadedSentence(s: SummaryInput): string | null {
  const ps = s.profiles.filter((p) => p.layers.has('loaded') || p.layers.has('mentions'));
  if (ps.length < 2 || !ps.some((p) => p.loaded.length)) return null;
  const parts = ps.map((p) => {
    if (p.loaded.length === 0) return `${name(p)} none`;
    const rate = p.words ? ` (${((p.loaded.length / p.words) * 1000).toFixed(1)} per 1,000 words)` : '';
    const words = p.loaded.slice(0, ps.length > 2 ? 2 : 4).map((l) => `${s.evidence.link([l], `“${escapeHtml(shorten(stripQuotes(l.text), 40))}”`, s.fallbackHref)}${l.neutral ? ` (neutral: ${escapeHtml(l.neutral)})` : ''}`);
    return `${name(p)} ${p.loaded.length}${rate}: ${list(words)}`;
  });
  return `${topic('Loaded words')}Words that carry a judgement a neutral word would not: ${parts.join('; ')}.`;
}

function hedgeSentence(s: SummaryInput): string | null {
  const ps = s.profiles.filter((p) => p.layers.has('hedges') || p.layers.has('mentions'));
  if (ps.length < 2 || !ps.some((p) => p.hedges.length)) return null;
  const parts = ps.map((p) => {
    const distance = p.hedges.filter((h) => h.kind === 'distance' || h.kind === 'scare-quote');
    if (p.hedges.length === 0) return `${name(p)} none`;
    return `${name(p)} ${p.hedges.length}${distance.length ? `, ${distance.length} of them keeping the writer at a distance (${links(s, distance, 3)})` : ''}`;
  });
  return `${topic('Hedges')}Words that soften a statement or keep the writer at a distance (“allegedly”, “what it called”, scare quotes): ${parts.join('; ')}.`;
}

function claimsSentences(s: SummaryInput): string[] {
  const c = s.claims;
  if (!c) return [];
  const out: string[] = [];
  const claimById = new Map(c.claims.map((x) => [x.id, x]));
  const many = s.profiles.length > 2;
  const parts: string[] = [];
  for (const p of s.profiles) {
    const om = omissionFor(c, c.omissions, new Set(p.articles.map((a) => a.rec.id)), p.key);
    if (!om || om.exclusiveClusterIds.length === 0) continue;
    const evs: Ev[] = [];
    for (const cid of om.exclusiveClusterIds) {
      const cl = c.clusters.find((x) => x.id === cid);
      const first = cl ? claimById.get(cl.claimIds[0]!) : undefined;
      const article = first ? s.byId.get(first.articleId) : undefined;
      if (first && article) evs.push({ article, start: first.start, end: first.end, text: first.text });
    }
    if (evs.length) parts.push(`${name(p)} ${om.exclusiveClusterIds.length} (e.g. ${list(evs.slice(0, many ? 1 : 2).map((e) => s.evidence.quoteLink(e, s.fallbackHref, many ? 80 : 110)), 2)})`);
  }
  if (parts.length) out.push(`${topic('Omissions')}Statements only one outlet makes: ${parts.join('; ')}.`);
  for (const k of c.conflicts.slice(0, 2)) {
    const vals = k.values.map((v) => {
      const a = s.byId.get(v.articleId);
      const label = `${escapeHtml(String(v.value))}${k.unit ? ` ${escapeHtml(k.unit)}` : ''}`;
      return `${escapeHtml(a?.label ?? v.outlet)} says ${a ? s.evidence.link([{ article: a, start: v.start, end: v.end }], label, s.fallbackHref) : label}`;
    });
    out.push(`${topic('Conflicts')}The outlets disagree on a ${k.kind}: ${vals.join(', ')}.`);
  }
  return out;
}

function framesSentence(s: SummaryInput): string | null {
  const ps = s.profiles.filter((p) => p.frameCues > 0);
  if (ps.length < 2) return null;
  const frames = topFrames(ps, 15);
  const parts = ps.map((p) => {
    const best = frames.map((f) => ({ f, e: p.frames.get(f) })).filter((x) => x.e).sort((a, b) => b.e!.share - a.e!.share)[0];
    if (!best) return `${name(p)} no clear frame`;
    return `${name(p)} leans most on <i>${escapeHtml(FRAME_LABELS[best.f])}</i> (${pct(best.e!.share)} of its frame words, e.g. ${links(s, best.e!.evidence, 2)})`;
  });
  return `${topic('Frames')}${parts.join('; ')}.`;
}

function toneSentence(s: SummaryInput): string | null {
  const ps = s.profiles.filter((p) => p.tone.size > 0);
  if (ps.length < 2) return null;
  let best: { label: string; diff: number; rows: Array<{ p: OutletProfile; mean: number; ev: Ev[] }> } | null = null;
  const actors = new Set(ps.flatMap((p) => [...p.tone.keys()]));
  for (const id of [...actors].sort()) {
    const rows = ps.filter((p) => p.tone.has(id)).map((p) => {
      const t = p.tone.get(id)!;
      return { p, mean: t.sum / t.sentences, ev: t.evidence };
    });
    if (rows.length < 2) continue;
    const diff = Math.max(...rows.map((r) => r.mean)) - Math.min(...rows.map((r) => r.mean));
    if (!best || diff > best.diff + 1e-9) best = { label: ps.find((p) => p.tone.has(id))!.tone.get(id)!.label, diff, rows };
  }
  if (!best || best.diff < 0.5) return null;
  const rows = [...best.rows].sort((a, b) => a.mean - b.mean);
  const parts = rows.map((r) => `${name(r.p)} ${r.mean > 0 ? '+' : ''}${r.mean.toFixed(1)} (${s.evidence.link([...r.ev].sort((x, y) => x.start - y.start).slice(0, 6), `${r.ev.length} sentence${r.ev.length === 1 ? '' : 's'}`, s.fallbackHref)})`);
  return `${topic('Tone')}Sentences that mention ${escapeHtml(best.label)} are most negative in ${name(rows[0]!.p)} (average word-list score per sentence: ${parts.join(', ')}).`;
}

/** The sentences, most telling first; empty when there is nothing to compare. */
export function eventSummary(s: SummaryInput): string[] {
  const out: Array<string | null> = [];
  out.push(wordingSentence(s));
  out.push(...sourcesSentences(s));
  out.push(...namingSentences(s));
  out.push(loadedSentence(s));
  out.push(...claimsSentences(s));
  out.push(hedgeSentence(s));
  out.push(framesSentence(s));
  out.push(toneSentence(s));
  return out.filter((x): x is string => !!x);
}

/**
 * A classroom worksheet for one event: the articles side by side (outlet
 * names optionally hidden as "Outlet A", "Outlet B"), 6–8 questions drawn from
 * the analysis, and an answer key from the same evidence on its own page.
 */
import { escapeHtml, isolate } from '../escape.js';
import type { Analysis } from '../../pipeline/analyze.js';
import { buildReport } from '../build.js';
import type { Report } from '../schema.js';
import { outPath, writeFileAtomic } from '../write.js';
import { CONTENT_SECURITY_POLICY } from '../html.js';
import { claimsAnalysis, omissionFor, viewOf, type ArticleView, type EventRecord, type ReportView } from '../html/model.js';
import { namesUsed, profilesByOutlet, sharedActors, type OutletProfile } from '../html/profile.js';
import { shorten, stripQuotes } from '../html/evidence.js';
import { WORKSHEET_STYLES } from './styles.js';
import { foldPunctuation } from '../../text/index.js';

export interface WorksheetOptions {
  /** Event to use; default: the event with the most outlets (then articles, then id). */
  eventId?: string;
  /** Hide outlet names ("Outlet A", "Outlet B"). */
  blind?: boolean;
  /** Most articles shown (default 2: one class period). */
  maxArticles?: number;
}

export interface Question {
  /** What the analysis behind it is (quotes, naming …). */
  topic: string;
  ask: string;
  answer: string;
}

/** The default event: most distinct outlets, then most articles, then id. */
export function defaultWorksheetEvent(report: Report): EventRecord | null {
  const view = viewOf(report);
  const scored = report.events
    .map((e) => {
      const arts = view.eventArticles.get(e.id) ?? [];
      return { e, outlets: new Set(arts.map((a) => a.key)).size, n: arts.length };
    })
    .sort((a, b) => b.outlets - a.outlets || b.n - a.n || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
  return scored[0]?.e ?? null;
}

/** Articles for the sheet: one per outlet first; named outlets and titled articles before others; then event order. */
function pickArticles(view: ReportView, e: EventRecord, max: number): ArticleView[] {
  const rank = (a: ArticleView): number => (a.rec.outlet ? 0 : 2) + (a.rec.title ? 0 : 1);
  const arts = [...(view.eventArticles.get(e.id) ?? [])].sort((a, b) => rank(a) - rank(b) || a.index - b.index);
  const seen = new Set<string>();
  const first = arts.filter((a) => (seen.has(a.key) ? false : (seen.add(a.key), true)));
  return [...first, ...arts.filter((a) => !first.includes(a))].slice(0, max);
}

const letter = (i: number): string => String.fromCharCode(65 + i);
const q = (text: string): string => `“${escapeHtml(shorten(stripQuotes(text), 140))}”`;

// Compared as a reader sees them: typographic quotes and dashes as ASCII (a page's title tag and its
// visible headline often differ only there), white space collapsed, case ignored.
const folded = (s: string): string => foldPunctuation(s).replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The paragraphs printed and numbered. A first paragraph that only repeats the headline (a saved page
 * starts with it) is left out: the headline is printed above the text, and ¶1 is then the first
 * paragraph of the story, in the text and in the answer key alike.
 */
function shownParagraphs(a: ArticleView): Array<{ start: number; end: number }> {
  const rec = a.rec;
  if (rec.text === undefined) return [];
  const paras = rec.paragraphs?.length ? rec.paragraphs : [{ start: 0, end: rec.text.length }];
  const first = paras[0]!;
  return paras.length > 1 && rec.title && folded(rec.text.slice(first.start, first.end)) === folded(rec.title) ? paras.slice(1) : paras;
}

function textHtml(a: ArticleView): string {
  const rec = a.rec;
  if (rec.text === undefined) return '<p class="empty">The text is not in this report (it was run with --no-text).</p>';
  return shownParagraphs(a)
    .map((p, i) => `<p><span class="pn">${i + 1}</span>${escapeHtml(rec.text!.slice(p.start, p.end))}</p>`)
    .join('');
}

/** Paragraph number (1-based) holding an offset, for answers a student can find; "headline" for the one left out. */
function para(a: ArticleView, offset: number): string {
  const ps = shownParagraphs(a);
  const i = ps.findIndex((p) => offset >= p.start && offset < p.end);
  if (i >= 0) return ` (¶${i + 1})`;
  const all = a.rec.paragraphs ?? [];
  return all.length && offset >= all[0]!.start && offset < all[0]!.end ? ' (headline)' : '';
}

/** Builds the questions; each is asked only when the analysis has what its answer needs. */
export function worksheetQuestions(view: ReportView, e: EventRecord, articles: ArticleView[], names: Map<string, string>): Question[] {
  const profiles = profilesByOutlet(articles);
  const nm = (p: OutletProfile): string => escapeHtml(names.get(p.key) ?? p.label);
  const qs: Question[] = [];
  const [A, B] = profiles;
  if (!A || !B) return qs;
  // 1. Whom each outlet quotes.
  if (profiles.some((p) => p.voices.length)) {
    const lines = profiles.map((p) => `<li>${nm(p)}: ${p.voices.length ? p.voices.slice(0, 4).map((v) => `${isolate(v.speaker)} (${v.evidence.length}×, e.g. ${q(v.evidence[0]!.text)}${para(v.evidence[0]!.article, v.evidence[0]!.start)})`).join('; ') : 'no one'}</li>`);
    const only = profiles.flatMap((p) => p.voices.filter((v) => v.speaker !== 'unattributed' && !profiles.some((o) => o !== p && o.voices.some((w) => w.speaker === v.speaker))).slice(0, 2).map((v) => `${isolate(v.speaker)} only in ${nm(p)}`));
    qs.push({ topic: 'sources', ask: `Who is quoted in each article? List the people or bodies each outlet lets speak. Is there a source that only one outlet quotes?`, answer: `<ul>${lines.join('')}</ul>${only.length ? `<p>Quoted by one outlet only: ${only.join('; ')}.</p>` : ''}` });
  }
  // 2. Evaluative reporting verbs.
  const evalP = profiles.find((p) => p.voices.some((v) => v.evaluativeVerbs.size));
  if (evalP) {
    const evs = evalP.voices.flatMap((v) => v.evaluativeEvidence).sort((x, y) => x.start - y.start);
    const verbs = [...new Set(evalP.voices.flatMap((v) => [...v.evaluativeVerbs]))].sort();
    qs.push({
      topic: 'verbs',
      ask: `Reporters choose the verb that introduces what someone said (“said”, “claimed”, “denounced”). Find one verb in ${nm(evalP)} that tells the reader how to judge the statement. Which neutral verb could replace it?`,
      answer: `<p>${nm(evalP)} uses ${verbs.map((v) => `“${escapeHtml(v)}”`).join(', ')}, e.g. ${q(evs[0]!.text)}${para(evs[0]!.article, evs[0]!.start)}. A neutral verb: “said” or “stated”.</p>`,
    });
  }
  // 3. Naming.
  for (const actor of sharedActors(profiles, 2, 5)) {
    const uses = profiles.map((p) => ({ p, names: namesUsed(p.names.get(actor.actorId)) }));
    if (new Set(uses.map((u) => u.names[0]?.[0])).size < 2) continue;
    qs.push({
      topic: 'naming',
      ask: `Which names does each article use for ${escapeHtml(actor.label)}? Why might a writer choose one name over another?`,
      answer: `<ul>${uses.map((u) => `<li>${nm(u.p)}: ${u.names.map(([n, x]) => `“${escapeHtml(n)}” ${x.count}×`).join(', ') || 'not named'}</li>`).join('')}</ul><p>A metonym such as a capital city (“Pyongyang”) speaks of a government as a place; a descriptive name (“the isolated nation”) adds a judgement.</p>`,
    });
    break;
  }
  // 4. Loaded word → neutral alternative.
  const loadedP = [...profiles].sort((x, y) => y.loaded.length - x.loaded.length)[0]!;
  if (loadedP.loaded.length) {
    qs.push({
      topic: 'loaded',
      ask: `Find a word in ${nm(loadedP)} that carries a judgement (a “loaded” word). Suggest a neutral word that reports the same fact.`,
      answer: `<ul>${loadedP.loaded.slice(0, 5).map((l) => `<li>“${escapeHtml(l.text)}”${para(l.article, l.start)}${l.neutral ? ` → “${escapeHtml(l.neutral)}”` : ''}</li>`).join('')}</ul>`,
    });
  } else {
    const d = profiles.flatMap((p) => p.hedges.filter((h) => h.kind === 'distance' || h.kind === 'scare-quote').map((h) => ({ p, h })))[0];
    if (d)
      qs.push({
        topic: 'distance',
        ask: `Find words in ${nm(d.p)} with which the writer keeps a distance from a statement (for example “so-called”, “what it called”, or a few words in quotation marks). What is the writer signalling?`,
        answer: `<p>${q(d.h.text)}${para(d.h.article, d.h.start)} (${escapeHtml(d.h.kind)}): the writer reports the words as someone else's without vouching for them.</p>`,
      });
  }
  // 5–6. What one outlet reports that the other omits.
  const claims = claimsAnalysis(e.analyses);
  if (claims) {
    const byId = new Map(claims.claims.map((c) => [c.id, c]));
    for (const p of profiles.slice(0, 2)) {
      const om = omissionFor(claims, claims.omissions, new Set(p.articles.map((a) => a.rec.id)), p.key);
      const excl = (om?.exclusiveClusterIds ?? []).map((id) => claims.clusters.find((c) => c.id === id)).filter((c) => !!c).map((c) => byId.get(c.claimIds[0]!)).filter((c) => !!c);
      if (!excl.length) continue;
      const other = profiles.find((o) => o !== p)!;
      qs.push({
        topic: 'omission',
        ask: `What does ${nm(p)} report that ${nm(other)} does not mention? Give one example and say why it might matter to a reader.`,
        answer: `<ul>${excl.slice(0, 3).map((c) => `<li>${q(c.text)}${para(p.articles.find((a) => a.rec.id === c.articleId) ?? p.articles[0]!, c.start)}</li>`).join('')}</ul>`,
      });
    }
  }
  // 7. Words that travelled.
  const comps = (view.comparisonsByEvent.get(e.id) ?? []).filter((c) => articles.some((a) => a.rec.id === c.a) && articles.some((a) => a.rec.id === c.b));
  const passages = comps.flatMap((c) => c.wording.passages);
  const quoteTexts = (p: OutletProfile): Map<string, string> => new Map(p.voices.flatMap((v) => v.evidence).map((x) => [stripQuotes(x.text).toLowerCase().replace(/\s+/g, ' '), x.text]));
  const qa = quoteTexts(A);
  const sharedQuotes = [...quoteTexts(B).keys()].filter((k) => qa.has(k) && k.split(' ').length >= 2).map((k) => qa.get(k)!);
  if (passages.length || sharedQuotes.length) {
    qs.push({
      topic: 'shared-wording',
      ask: `Which words travelled from one text to the other? Find a phrase that appears in both articles. Is it a quotation from a common source, or did one writer reuse the other's words?`,
      answer: passages.length
        ? `<ul>${passages.slice(0, 3).map((p) => `<li>${q(p.text.a)} (${p.kind === 'quote' ? 'quoted in both: a common source' : 'outside quotation marks: reused wording'})</li>`).join('')}</ul>`
        : `<p>No long passage is shared, but both quote ${sharedQuotes.slice(0, 3).map((t) => q(t)).join(', ')}: the same words from a common source (here the statement both report).</p>`,
    });
  }
  // 8. Neutral headline.
  const titles = articles.filter((a) => a.rec.title).map((a) => `<li>${escapeHtml(names.get(a.key) ?? a.label)}: “${isolate(a.rec.title!)}”</li>`);
  const shared = claims?.clusters.find((c) => c.label === 'shared');
  const sharedClaim = shared ? claims!.claims.find((c) => c.id === shared.claimIds[0]) : undefined;
  qs.push({
    topic: 'headline',
    ask: `Write a neutral headline for this event that both outlets could accept: who did what, when, without loaded words.`,
    answer: `${titles.length ? `<p>The outlets' own headlines:</p><ul>${titles.join('')}</ul>` : ''}<p>A good answer states the fact both report${sharedClaim ? ` (both say, in their own words: ${q(sharedClaim.text)})` : ''}, names the actors plainly, and attributes any accusation to whoever made it (“North Korea says …”).</p>`,
  });
  return qs.slice(0, 8);
}

/** The worksheet page (self-contained, printable; the answer key starts on a new page). */
export function worksheetHtml(report: Report, options: WorksheetOptions = {}): string {
  const view = viewOf(report);
  const e = options.eventId ? report.events.find((x) => x.id === options.eventId) : defaultWorksheetEvent(report);
  if (!e) throw new Error(options.eventId ? `no event ${JSON.stringify(options.eventId)} in this report (events: ${report.events.slice(0, 10).map((x) => x.id).join(', ')}${report.events.length > 10 ? ' …' : ''})` : 'the report has no event');
  const articles = pickArticles(view, e, options.maxArticles ?? 2);
  const keys = [...new Set(articles.map((a) => a.key))];
  const names = new Map(keys.map((k, i) => [k, options.blind ? `Outlet ${letter(i)}` : (articles.find((a) => a.key === k)?.label ?? k)]));
  const questions = worksheetQuestions(view, e, articles, names);
  const cols = articles
    .map((a) => `<article class="col"><h2>${isolate(names.get(a.key) ?? a.label)}</h2>${a.rec.title ? `<p class="title">${isolate(a.rec.title)}</p>` : ''}<p class="date">${escapeHtml(a.rec.published ?? 'date unknown')}</p><div class="text">${textHtml(a)}</div></article>`)
    .join('');
  const asks = questions.map((x) => `<li class="qn"><p>${x.ask}</p><div class="lines" aria-hidden="true"></div></li>`).join('');
  const answers = questions.map((x) => `<li><p class="ask">${x.ask}</p>${x.answer}</li>`).join('');
  const reveal = options.blind ? `<p class="note">Outlets: ${keys.map((k) => `${escapeHtml(names.get(k)!)} = ${escapeHtml(articles.find((a) => a.key === k)?.label ?? k)}`).join('; ')}. Names inside the texts themselves are not hidden.</p>` : '';
  const body = `<header><h1>Same news, different stories</h1><p class="intro">Two outlets reported the same event. Read both articles, then answer the questions. Use the paragraph numbers (¶) to point to your evidence.</p><p class="name">Name: ____________________ &nbsp; Date: ____________</p></header>
<section class="cols" style="--n:${articles.length}">${cols}</section>
<section class="questions"><h2>Questions</h2><ol>${asks}</ol></section>
<section class="key"><h2>Answer key (for the teacher)</h2>${reveal}<ol>${answers}</ol><p class="note">Drawn from the framelens analysis of event ${escapeHtml(e.id)}; detection is automatic, so check each answer against the text before class.</p></section>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Worksheet: same news, different stories</title>
<style>${WORKSHEET_STYLES}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Writes worksheet.html (or worksheet-<event>.html) into outDir; returns its path. */
export async function writeWorksheet(analysis: Analysis | Report, outDir: string, options: WorksheetOptions = {}): Promise<string> {
  const report = 'framelens' in analysis ? analysis : buildReport(analysis);
  const html = worksheetHtml(report, options);
  const path = outPath(outDir, options.eventId ? `worksheet-${options.eventId.replace(/[^A-Za-z0-9_-]/g, '_')}.html` : 'worksheet.html');
  await writeFileAtomic(path, html);
  return path;
}

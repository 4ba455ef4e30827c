import type { Report } from './schema.js';

function cell(text: string | null | undefined): string {
  return (text ?? '—').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

function outletOf(report: Report, id: string): string {
  const a = report.articles.find((x) => x.id === id);
  return a?.outlet ?? `unknown outlet (${id})`;
}

/** A plain-text rendering of the same findings, for people who read Markdown. */
export function reportMarkdown(report: Report): string {
  const s = report.summary;
  const out: string[] = [];
  out.push('# framelens comparison report', '');
  out.push(`${s.analyzed} article(s) analyzed, ${s.skipped} skipped; ${s.stories} story(ies), ${s.events} event(s), ${s.multiArticleEvents} covered by more than one article.`, '');
  out.push('## Articles', '', '| id | outlet | title | published | event | status |', '| --- | --- | --- | --- | --- | --- |');
  for (const a of report.articles) {
    out.push(`| ${cell(a.id)} | ${cell(a.outlet)} | ${cell(a.title)} | ${cell(a.published)} | ${cell(a.event)} | ${a.status}${a.reason ? `: ${cell(a.reason)}` : ''} |`);
  }
  out.push('');
  for (const story of report.stories) {
    out.push(`## Story ${story.id}`, '', `Events: ${story.eventIds.join(', ')}. Outlets: ${story.outlets.join(', ') || '—'}.`, '');
    if (story.ties.length) out.push(`Tied by: ${story.ties.slice(0, 10).map((t) => `${t.value} (${t.kind}, ${t.weight.toFixed(2)})`).join('; ')}.`, '');
    for (const eventId of story.eventIds) {
      const event = report.events.find((e) => e.id === eventId);
      if (!event) continue;
      out.push(`### Event ${event.id}`, '');
      out.push(`Articles: ${event.articleIds.map((id) => `${id} (${outletOf(report, id)})`).join(', ')}.`);
      if (event.dateRange) out.push(`Dates: ${event.dateRange.from} – ${event.dateRange.to}.`);
      if (event.ties.length) out.push(`Why together: ${event.ties.slice(0, 10).map((t) => `${t.value} (${t.kind}, ${t.weight.toFixed(2)})`).join('; ')}.`);
      out.push('');
      for (const c of report.comparisons.filter((x) => x.eventId === event.id)) {
        out.push(`#### ${c.a} ↔ ${c.b}`, '', `Similarity ${c.wording.similarity.toFixed(2)}.`, '');
      }
    }
  }
  const skipped = report.articles.filter((a) => a.status === 'skipped');
  if (skipped.length) {
    out.push('## Skipped', '');
    for (const a of skipped) out.push(`- ${a.source.file}${a.source.line ? `:${a.source.line}` : ''} (${a.id}): ${a.code} ${a.reason ?? ''}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

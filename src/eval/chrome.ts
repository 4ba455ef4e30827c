/**
 * `npm run eval -- chrome [file]`: site chrome the cleaning leaves, found without labels. A paragraph
 * of cleaned text that recurs in many articles of one outlet is almost always chrome (a newsletter
 * call, a disclaimer, a form), or text an outlet repeats by design (a series label, a credit line):
 * this lists them, most frequent first, for a person to turn into block rules (clean/rules.ts) or
 * leave. The default input is the bench corpus; any input `analyze` reads works.
 *
 * Paragraphs are compared in the clean stage's duplicate form (quotes and dashes folded, lower case,
 * single spaces), on their first 160 characters; each counts once an article. Articles without an outlet count under "(no outlet)".
 */
import { readInputs } from '../ingest/index.js';
import { cleanText } from '../clean/index.js';
import { normalizeForDuplicates } from '../clean/signals.js';

const DEFAULT_FILE = '../shared/bench/news-56k.jsonl.gz';
/** A paragraph listed recurs in at least this many articles of its outlet. */
const MIN_ARTICLES = Number(process.env.MIN_ARTICLES ?? 15);
/** Shorter paragraphs (dates, "Photo", single words) are too common in story text to say anything. */
const MIN_CHARS = 12;
const KEY_CHARS = 160;
const SHOWN = Number(process.env.SHOWN ?? 40);

export async function run(file: string | undefined): Promise<void> {
  const path = file ?? DEFAULT_FILE;
  const counts = new Map<string, number>();
  const articlesOf = new Map<string, number>();
  let articles = 0;
  const skips: string[] = [];
  for await (const item of readInputs([path], {})) {
    if (item.kind !== 'record') {
      skips.push(`${item.skip.source.file}${item.skip.source.line ? `:${item.skip.source.line}` : ''}: ${item.skip.reason}`);
      continue;
    }
    articles++;
    const outlet = item.record.given.outlet ?? '(no outlet)';
    articlesOf.set(outlet, (articlesOf.get(outlet) ?? 0) + 1);
    const seen = new Set<string>();
    for (const paragraph of cleanText(item.record.text).text.split('\n\n')) {
      const key = normalizeForDuplicates(paragraph.trim()).slice(0, KEY_CHARS);
      if (key.length < MIN_CHARS || seen.has(key)) continue;
      seen.add(key);
      const k = `${outlet}\t${key}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  const rows = [...counts.entries()]
    .filter(([, n]) => n >= MIN_ARTICLES)
    .map(([k, n]) => {
      const [outlet, text] = k.split('\t') as [string, string];
      return { outlet, text, articles: n, of: articlesOf.get(outlet) ?? 0 };
    })
    .sort((a, b) => b.articles - a.articles || (a.outlet < b.outlet ? -1 : a.outlet > b.outlet ? 1 : a.text < b.text ? -1 : 1));
  process.stdout.write(`chrome: ${path} (${articles} articles, ${articlesOf.size} outlets, ${skips.length} skipped)\n`);
  for (const s of skips.slice(0, 5)) process.stderr.write(`skipped ${s}\n`);
  if (articles === 0) {
    process.stderr.write('chrome: no article read\n');
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${rows.length} paragraph(s) recur in ${MIN_ARTICLES}+ articles of one outlet after cleaning; the ${Math.min(SHOWN, rows.length)} most frequent:\n`);
  for (const r of rows.slice(0, SHOWN)) process.stdout.write(`${String(r.articles).padStart(6)} / ${String(r.of).padEnd(6)} ${r.outlet} | ${r.text}\n`);
  const summary = { eval: 'chrome', file: path, articles, minArticles: MIN_ARTICLES, recurring: rows.length, articlesWithRecurring: rows.reduce((s, r) => s + r.articles, 0) };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

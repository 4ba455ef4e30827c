/**
 * `npm run eval -- chrome [file]`: site chrome the cleaning leaves, found without labels. A paragraph
 * of cleaned text that recurs in many articles of one outlet is almost always chrome (a newsletter
 * call, a disclaimer, a form), or text an outlet repeats by design (a series label, a quoted excerpt):
 * this lists them, most frequent first, for a person to turn into block rules (clean/rules.ts) or
 * leave. The default input is the bench corpus; any input `analyze` reads works.
 *
 * Paragraphs are compared in the clean stage's duplicate form (quotes and dashes folded, lower case,
 * single spaces), on their first 160 characters; each counts once an article. Articles without an
 * outlet count under "(no outlet)". It also counts what the cleaning removed, by rule.
 *
 * It also prints how many paragraphs grouping leaves out as an outlet's recurring ones (group/recurring.ts).
 *
 * With `GROUPS_FILE=<run>/groups.jsonl` (an `analyze` run over the same input), it counts, by outlet, the
 * articles in events and stories of several articles that hold that outlet only: chrome shared by
 * one outlet's articles ties them together, so these fall when it is removed.
 */
import { readFileSync } from 'node:fs';
import { readInputs } from '../ingest/index.js';
import { cleanText, normalizeForDuplicates } from '../clean/index.js';
import { AnalyzeOptionsSchema } from '../pipeline/options.js';
import { countRecurring } from '../pipeline/recurring.js';

const DEFAULT_FILE = '../shared/bench/news-56k.jsonl.gz';
/** A paragraph listed recurs in at least this many articles of its outlet. */
const MIN_ARTICLES = Number(process.env.MIN_ARTICLES ?? 15);
/** Shorter paragraphs (dates, "Photo", single words) are too common in story text to say anything. */
const MIN_CHARS = 12;
const KEY_CHARS = 160;
const SHOWN = Number(process.env.SHOWN ?? 40);

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Membership {
  id: string;
  event: string;
  story: string;
}

/** By outlet: articles in multi-article events (stories) whose articles are all of that outlet. */
function outletOnly(groupsFile: string, outletOf: ReadonlyMap<string, string>): { events: Map<string, number>; stories: Map<string, number> } {
  const members = readFileSync(groupsFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Membership);
  const count = (key: 'event' | 'story'): Map<string, number> => {
    const groups = new Map<string, string[]>();
    for (const m of members) groups.set(m[key], [...(groups.get(m[key]) ?? []), m.id]);
    const byOutlet = new Map<string, number>();
    for (const ids of groups.values()) {
      if (ids.length < 2) continue;
      const outlets = new Set(ids.map((id) => outletOf.get(id) ?? '(not in the input)'));
      if (outlets.size !== 1) continue;
      const outlet = [...outlets][0]!;
      byOutlet.set(outlet, (byOutlet.get(outlet) ?? 0) + ids.length);
    }
    return byOutlet;
  };
  return { events: count('event'), stories: count('story') };
}

export async function run(file: string | undefined): Promise<void> {
  const path = file ?? DEFAULT_FILE;
  const counts = new Map<string, number>();
  const articlesOf = new Map<string, number>();
  const outletOf = new Map<string, string>();
  const removedBy = new Map<string, { pieces: number; articles: number }>();
  let articles = 0;
  const skips: string[] = [];
  for await (const item of readInputs([path], {})) {
    if (item.kind !== 'record') {
      skips.push(`${item.skip.source.file}${item.skip.source.line ? `:${item.skip.source.line}` : ''}: ${item.skip.reason}`);
      continue;
    }
    articles++;
    const outlet = item.record.given.outlet ?? '(no outlet)';
    outletOf.set(item.record.id, outlet);
    articlesOf.set(outlet, (articlesOf.get(outlet) ?? 0) + 1);
    const clean = cleanText(item.record.text);
    const rulesHere = new Set<string>();
    for (const r of clean.removed) {
      const tally = removedBy.get(r.rule) ?? { pieces: 0, articles: 0 };
      tally.pieces++;
      if (!rulesHere.has(r.rule)) tally.articles++;
      rulesHere.add(r.rule);
      removedBy.set(r.rule, tally);
    }
    const seen = new Set<string>();
    for (const paragraph of clean.text.split('\n\n')) {
      const key = normalizeForDuplicates(paragraph.trim()).slice(0, KEY_CHARS);
      if (key.length < MIN_CHARS || seen.has(key)) continue;
      seen.add(key);
      const k = `${outlet}\t${key}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  process.stdout.write(`chrome: ${path} (${articles} articles, ${articlesOf.size} outlets, ${skips.length} skipped)\n`);
  for (const s of skips.slice(0, 5)) process.stderr.write(`skipped ${s}\n`);
  if (articles === 0) {
    process.stderr.write('chrome: no article read\n');
    process.exitCode = 1;
    return;
  }
  const rows = [...counts.entries()]
    .filter(([, n]) => n >= MIN_ARTICLES)
    .map(([k, n]) => {
      const [outlet, text] = k.split('\t') as [string, string];
      return { outlet, text, articles: n, of: articlesOf.get(outlet) ?? 0 };
    })
    .sort((a, b) => b.articles - a.articles || cmp(a.outlet, b.outlet) || cmp(a.text, b.text));
  process.stdout.write(`${rows.length} paragraph(s) recur in ${MIN_ARTICLES}+ articles of one outlet after cleaning; the ${Math.min(SHOWN, rows.length)} most frequent:\n`);
  for (const r of rows.slice(0, SHOWN)) process.stdout.write(`${String(r.articles).padStart(6)} / ${String(r.of).padEnd(6)} ${r.outlet} | ${r.text}\n`);

  const removed = [...removedBy.entries()].sort((a, b) => b[1].pieces - a[1].pieces || cmp(a[0], b[0]));
  process.stdout.write('removed by rule (pieces in articles):\n');
  for (const [rule, t] of removed) process.stdout.write(`${String(t.pieces).padStart(8)} in ${String(t.articles).padStart(6)}  ${rule}\n`);

  // What grouping leaves out of this input by the run's default rule (group/recurring.ts), for comparison with the list above.
  const minArticles = AnalyzeOptionsSchema.parse({}).recurringMinArticles;
  const recurring = await countRecurring({ inputs: [path], ingest: {}, minArticles });
  const leftOut = { paragraphs: recurring.keys.length, articleParagraphs: recurring.articles.reduce((a, b) => a + b, 0) };
  process.stdout.write(`grouping leaves out ${leftOut.paragraphs} paragraph(s) that an outlet repeats in ${minArticles}+ articles over more than one event's time (${leftOut.articleParagraphs} article-paragraphs; counted on the input's lines)\n`);

  const groupsFile = process.env.GROUPS_FILE;
  const only = groupsFile ? outletOnly(groupsFile, outletOf) : null;
  if (only) {
    const outlets = [...new Set([...only.events.keys(), ...only.stories.keys()])].sort((a, b) => (only.events.get(b) ?? 0) - (only.events.get(a) ?? 0) || cmp(a, b));
    process.stdout.write(`articles in groups of one outlet only (${groupsFile}): events / stories of several articles\n`);
    for (const o of outlets.slice(0, SHOWN)) process.stdout.write(`${String(only.events.get(o) ?? 0).padStart(6)} / ${String(only.stories.get(o) ?? 0).padEnd(6)} ${o}\n`);
  }
  const summary = {
    eval: 'chrome',
    file: path,
    articles,
    minArticles: MIN_ARTICLES,
    recurring: rows.length,
    articlesWithRecurring: rows.reduce((s, r) => s + r.articles, 0),
    removedByRule: Object.fromEntries(removed),
    groupingLeavesOut: leftOut,
    ...(only ? { outletOnly: { groups: groupsFile, events: Object.fromEntries(only.events), stories: Object.fromEntries(only.stories) } } : {}),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

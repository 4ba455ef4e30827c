/**
 * `GROUPS_FILE=<run>/groups.jsonl npm run eval -- groups [file]`: two checks of a grouping on a corpus
 * without event labels (the bench corpus by default; the groups come from an `analyze` run over it).
 *
 * Different companies: where titles say which company an item is about (Reuters' `<TICKER>` and
 * bracketed names, exchange tickers: src/group/subjects.ts), two articles in one event whose titles
 * name disjoint codes are about different companies (a merger or a unit and its parent share a code,
 * and count as the same subject). Prints, for events and stories of several articles: pairs of
 * articles whose titles name codes, how many of those name disjoint codes, the articles in groups
 * holding such a pair, the largest group, and a few events as examples. Grouping step 4c keeps such
 * pairs apart; what is left joins through articles whose titles name no code.
 *
 * Date spans: events whose declared publication dates lie further apart than the grouping's time
 * window (grace + 6.9 decays: 51 days by default), by span. One event is one happening; such events
 * are topics chained through undated articles or through look-alike reports weeks apart.
 *
 * Also printed: events and stories of several articles, and with `BASELINE_FILE=<other run>/groups.jsonl`
 * the articles whose event (story) holds other articles than in that run, all and by outlet.
 */
import { readFileSync } from 'node:fs';
import { readInputs } from '../ingest/index.js';
import { dayNumber, defaultGroupOptions, distinctCodes, timeWindowDays } from '../group/index.js';

const DEFAULT_FILE = '../shared/bench/news-56k.jsonl.gz';
const SHOWN = Number(process.env.SHOWN ?? 8);
const WINDOW_DAYS = timeWindowDays(defaultGroupOptions);

interface Membership {
  id: string;
  event: string;
  story: string;
}

interface Tally {
  /** Pairs of articles in one group whose titles both name codes. */
  codedPairs: number;
  /** Of those, pairs whose titles name disjoint codes. */
  disjointPairs: number;
  /** Groups holding a disjoint pair, and their articles. */
  groups: number;
  articles: number;
  /** Articles of the largest group (all articles, coded or not). */
  largest: number;
}

function tally(members: ReadonlyMap<string, string[]>, codesOf: ReadonlyMap<string, readonly string[]>): { tally: Tally; mixed: string[] } {
  const t: Tally = { codedPairs: 0, disjointPairs: 0, groups: 0, articles: 0, largest: 0 };
  const mixed: string[] = [];
  for (const [group, ids] of [...members].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    t.largest = Math.max(t.largest, ids.length);
    const coded = ids.map((id) => codesOf.get(id)).filter((c): c is readonly string[] => c !== undefined);
    let disjoint = 0;
    for (let i = 0; i < coded.length; i++) {
      for (let j = i + 1; j < coded.length; j++) {
        t.codedPairs++;
        if (!coded[i]!.some((c) => coded[j]!.includes(c))) disjoint++;
      }
    }
    t.disjointPairs += disjoint;
    if (disjoint > 0) {
      t.groups++;
      t.articles += ids.length;
      mixed.push(group);
    }
  }
  return { tally: t, mixed };
}

export async function run(file: string | undefined): Promise<void> {
  const groupsFile = process.env.GROUPS_FILE;
  if (!groupsFile) {
    process.stderr.write('usage: GROUPS_FILE=<run>/groups.jsonl npm run eval -- groups [input]: the groups of an analyze run over the input\n');
    process.exitCode = 2;
    return;
  }
  const path = file ?? DEFAULT_FILE;
  const codesOf = new Map<string, string[]>();
  const titleOf = new Map<string, string>();
  const dayOf = new Map<string, number>();
  const outletOf = new Map<string, string>();
  let articles = 0;
  let skipped = 0;
  for await (const item of readInputs([path], {})) {
    if (item.kind !== 'record') {
      skipped++;
      continue;
    }
    articles++;
    if (item.record.given.outlet) outletOf.set(item.record.id, item.record.given.outlet);
    const published = item.record.given.published;
    const day = published ? dayNumber(published.slice(0, 10)) : null;
    if (day !== null) dayOf.set(item.record.id, day);
    const title = item.record.given.title ?? '';
    const codes = distinctCodes(title).map((c) => c.value);
    if (codes.length) {
      codesOf.set(item.record.id, codes);
      titleOf.set(item.record.id, title);
    }
  }
  const { events, stories, grouped } = readGroups(groupsFile);
  process.stdout.write(`groups: ${path} (${articles} articles, ${skipped} skipped; ${codesOf.size} titles name a company code); groups ${groupsFile} (${grouped} articles)\n`);
  if (articles === 0 || grouped === 0) {
    process.stderr.write('groups: no article or no membership read\n');
    process.exitCode = 1;
    return;
  }
  const multi = (map: Map<string, string[]>): Map<string, string[]> => new Map([...map].filter(([, ids]) => ids.length > 1));
  const ev = tally(multi(events), codesOf);
  const st = tally(multi(stories), codesOf);
  process.stdout.write('groups of several articles   coded pairs  disjoint  groups with one  their articles  largest group\n');
  for (const [name, t] of [['events', ev.tally], ['stories', st.tally]] as const) {
    process.stdout.write(`${name.padEnd(28)} ${String(t.codedPairs).padStart(11)}  ${String(t.disjointPairs).padStart(8)}  ${String(t.groups).padStart(15)}  ${String(t.articles).padStart(14)}  ${String(t.largest).padStart(13)}\n`);
  }
  for (const e of ev.mixed.slice(0, SHOWN)) {
    process.stdout.write(`event ${e}:\n`);
    for (const id of events.get(e)!.slice(0, 6)) process.stdout.write(`  ${titleOf.get(id) ?? `(no code) ${id}`}\n`);
  }
  const spans = dateSpans(multi(events), dayOf);
  const several = { events: multi(events).size, stories: multi(stories).size };
  process.stdout.write(`events of several articles: ${several.events}; stories of several articles: ${several.stories}\n`);
  const baselineFile = process.env.BASELINE_FILE;
  let changed: { events: number; stories: number; byOutlet: Record<string, { events: number; stories: number }> } | null = null;
  if (baselineFile) {
    const base = readGroups(baselineFile);
    changed = { events: 0, stories: 0, byOutlet: {} };
    for (const [level, now, before] of [['events', events, base.events], ['stories', stories, base.stories]] as const) {
      const membersNow = membersOf(now);
      const membersBefore = membersOf(before);
      for (const [id, key] of membersNow) {
        if (membersBefore.get(id) === key) continue;
        changed[level]++;
        const o = (changed.byOutlet[outletOf.get(id) ?? '(no outlet)'] ??= { events: 0, stories: 0 });
        o[level]++;
      }
    }
    process.stdout.write(`against ${baselineFile}: ${changed.events} articles in another event, ${changed.stories} in another story (the group's members differ); by outlet, events / stories:\n`);
    const rows = Object.entries(changed.byOutlet).sort((a, b) => b[1].events - a[1].events || (a[0] < b[0] ? -1 : 1));
    for (const [o, c] of rows.slice(0, SHOWN)) process.stdout.write(`${String(c.events).padStart(8)} / ${String(c.stories).padEnd(8)} ${o}\n`);
  }
  process.stdout.write(`events of several articles whose declared dates span more than the ${WINDOW_DAYS.toFixed(1)}-day window: ${spans.events} (${spans.articles} articles); by span: ${Object.entries(spans.bySpan).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}\n`);
  process.stdout.write(`${JSON.stringify({ eval: 'groups', file: path, groups: groupsFile, articles, coded: codesOf.size, subjects: { events: ev.tally, stories: st.tally }, dateSpans: spans, several, ...(changed ? { baseline: baselineFile, changed } : {}) })}\n`);
}

/** A run's groups.jsonl: the article ids of each event and story. */
function readGroups(file: string): { events: Map<string, string[]>; stories: Map<string, string[]>; grouped: number } {
  const events = new Map<string, string[]>();
  const stories = new Map<string, string[]>();
  let grouped = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const m = JSON.parse(line) as Membership;
    grouped++;
    for (const [map, key] of [[events, m.event], [stories, m.story]] as const) {
      const list = map.get(key);
      if (list) list.push(m.id);
      else map.set(key, [m.id]);
    }
  }
  return { events, stories, grouped };
}

/** Per article, its group's members (sorted ids joined): equal across two runs when the group is the same, whatever its id. */
function membersOf(groups: ReadonlyMap<string, string[]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const ids of groups.values()) {
    const key = [...ids].sort().join('\n');
    for (const id of ids) out.set(id, key);
  }
  return out;
}

/** Events whose declared dates span more than the time window, and their articles, by span. */
function dateSpans(events: ReadonlyMap<string, string[]>, dayOf: ReadonlyMap<string, number>): { events: number; articles: number; bySpan: Record<string, number> } {
  const out = { events: 0, articles: 0, bySpan: {} as Record<string, number> };
  for (const ids of events.values()) {
    const days = ids.map((id) => dayOf.get(id)).filter((d): d is number => d !== undefined);
    if (days.length < 2) continue;
    const span = Math.max(...days) - Math.min(...days);
    if (span <= WINDOW_DAYS) continue;
    out.events++;
    out.articles += ids.length;
    const bucket = span > 365 ? 'over a year' : span > 120 ? '121–365 days' : `${Math.ceil(WINDOW_DAYS)}–120 days`;
    out.bySpan[bucket] = (out.bySpan[bucket] ?? 0) + 1;
  }
  return out;
}

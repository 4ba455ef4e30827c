/**
 * `GROUPS_FILE=<run>/groups.jsonl npm run eval -- subjects [file]`: how often a grouping puts articles
 * about different companies together, where the titles say which company (Reuters' `<TICKER>` and
 * bracketed names, exchange tickers: src/group/subjects.ts). No labels: a title's codes are its
 * subject, so two articles in one event whose titles name disjoint codes are about different companies
 * (a merger or a unit and its parent share a code, and count as the same subject). The input defaults to
 * the bench corpus; the groups come from an `analyze` run over it.
 *
 * Prints, for events and stories of several articles: pairs of articles whose titles name codes, how
 * many of those name disjoint codes, the articles in groups holding such a pair, the largest group,
 * and a few events as examples. Grouping step 4c keeps such pairs apart; what is left joins through
 * articles whose titles name no code.
 */
import { readFileSync } from 'node:fs';
import { readInputs } from '../ingest/index.js';
import { distinctCodes } from '../group/subjects.js';

const DEFAULT_FILE = '../shared/bench/news-56k.jsonl.gz';
const SHOWN = Number(process.env.SHOWN ?? 8);

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
    process.stderr.write('usage: GROUPS_FILE=<run>/groups.jsonl npm run eval -- subjects [input]: the groups of an analyze run over the input\n');
    process.exitCode = 2;
    return;
  }
  const path = file ?? DEFAULT_FILE;
  const codesOf = new Map<string, string[]>();
  const titleOf = new Map<string, string>();
  let articles = 0;
  let skipped = 0;
  for await (const item of readInputs([path], {})) {
    if (item.kind !== 'record') {
      skipped++;
      continue;
    }
    articles++;
    const title = item.record.given.title ?? '';
    const codes = distinctCodes(title).map((c) => c.value);
    if (codes.length) {
      codesOf.set(item.record.id, codes);
      titleOf.set(item.record.id, title);
    }
  }
  const events = new Map<string, string[]>();
  const stories = new Map<string, string[]>();
  let grouped = 0;
  for (const line of readFileSync(groupsFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const m = JSON.parse(line) as Membership;
    grouped++;
    for (const [map, key] of [[events, m.event], [stories, m.story]] as const) {
      const list = map.get(key);
      if (list) list.push(m.id);
      else map.set(key, [m.id]);
    }
  }
  process.stdout.write(`subjects: ${path} (${articles} articles, ${skipped} skipped; ${codesOf.size} titles name a company code); groups ${groupsFile} (${grouped} articles)\n`);
  if (articles === 0 || grouped === 0) {
    process.stderr.write('subjects: no article or no membership read\n');
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
  process.stdout.write(`${JSON.stringify({ eval: 'subjects', file: path, groups: groupsFile, articles, coded: codesOf.size, events: ev.tally, stories: st.tally })}\n`);
}

/**
 * `npm run eval -- undated [file]`: how well grouping places articles that carry no date, on a corpus
 * without event labels (the bench corpus by default). A tenth of the dated articles (by a hash of the
 * id) lose their publication date; the corpus is grouped with and without those dates, and each hidden
 * article's event is scored against its true date:
 * - with its time: it shares an event, and every dated member lies within a week of its true date;
 * - across time: some member lies more than a week away (another year's happening of the same topic);
 * - alone: a single-article event;
 * - as dated: its event holds the same other articles as when its date was known.
 * A week, not the 51-day window: events of one happening rarely span more (with dates known, few do: the
 * "dated" column). The articles' own texts are unchanged, datelines included.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../ingest/index.js';
import { dayNumber } from '../group/index.js';
import { groupInputs } from '../pipeline/index.js';
import { fnv1a } from '../group/features.js';

const DEFAULT_FILE = '../shared/bench/news-56k.jsonl.gz';
/** One dated article in this many loses its date. */
const HIDE_ONE_IN = 10;
const WEEK = 7;

export interface Placement {
  hidden: number;
  withItsTime: number;
  acrossTime: number;
  alone: number;
  asDated: number;
}

/** Scores each hidden article's event in `events` (id → event) against the true dates. */
export function placement(hidden: readonly string[], events: ReadonlyMap<string, string>, reference: ReadonlyMap<string, string>, trueDay: ReadonlyMap<string, number | null>): Placement {
  const members = (m: ReadonlyMap<string, string>): Map<string, string[]> => {
    const out = new Map<string, string[]>();
    for (const [id, e] of m) (out.get(e) ?? out.set(e, []).get(e)!).push(id);
    return out;
  };
  const byEvent = members(events);
  const refEvent = members(reference);
  const p: Placement = { hidden: hidden.length, withItsTime: 0, acrossTime: 0, alone: 0, asDated: 0 };
  for (const id of hidden) {
    const others = byEvent.get(events.get(id)!)!.filter((x) => x !== id);
    const refOthers = refEvent.get(reference.get(id)!)!.filter((x) => x !== id);
    if (others.slice().sort().join('\n') === refOthers.slice().sort().join('\n')) p.asDated++;
    if (others.length === 0) {
      p.alone++;
      continue;
    }
    const day = trueDay.get(id)!;
    const far = others.some((x) => {
      const d = trueDay.get(x);
      return d !== null && d !== undefined && day !== null && Math.abs(d - day) > WEEK;
    });
    if (far) p.acrossTime++;
    else p.withItsTime++;
  }
  return p;
}

export async function run(file: string | undefined): Promise<void> {
  const path = file ?? DEFAULT_FILE;
  const lines: string[] = [];
  const datedLines: string[] = [];
  const trueDay = new Map<string, number | null>();
  const hidden: string[] = [];
  for await (const item of readInputs([path])) {
    if (item.kind !== 'record') continue;
    const r = item.record;
    const g = r.given;
    const published = g.published ? g.published : null;
    trueDay.set(r.id, published ? dayNumber(published) : null);
    const hide = published !== null && fnv1a(r.id) % HIDE_ONE_IN === 0;
    if (hide) hidden.push(r.id);
    const line = { id: r.id, outlet: g.outlet ?? '', url: g.url ?? '', title: g.title ?? '', published: published ?? '', text: r.text };
    datedLines.push(JSON.stringify(line));
    lines.push(JSON.stringify(hide ? { ...line, published: '' } : line));
  }
  const dir = mkdtempSync(join(tmpdir(), 'framelens-undated-'));
  try {
    // Both runs read the same rewritten records: only the hidden dates differ.
    const datedFile = join(dir, 'dated.jsonl');
    const undatedFile = join(dir, 'undated.jsonl');
    writeFileSync(datedFile, `${datedLines.join('\n')}\n`);
    writeFileSync(undatedFile, `${lines.join('\n')}\n`);
    const eventsOf = async (input: string): Promise<Map<string, string>> => new Map((await groupInputs({ inputs: [input] })).articles.map((a) => [a.id, a.event]));
    const dated = await eventsOf(datedFile);
    const undated = await eventsOf(undatedFile);
    const withDates = placement(hidden, dated, dated, trueDay);
    const without = placement(hidden, undated, dated, trueDay);
    const row = (name: string, p: Placement): string =>
      `${name.padEnd(16)} ${String(p.withItsTime).padStart(8)} ${String(p.acrossTime).padStart(8)} ${String(p.alone).padStart(8)} ${String(p.asDated).padStart(8)}`;
    process.stdout.write(
      [
        `undated: ${path}: ${hidden.length} of ${[...trueDay.values()].filter((d) => d !== null).length} dated articles lose their date (one in ${HIDE_ONE_IN}, by id hash)`,
        `${'their events'.padEnd(16)} ${'with time'.padStart(8)} ${'across'.padStart(8)} ${'alone'.padStart(8)} ${'as dated'.padStart(8)}`,
        row('dated', withDates),
        row('undated', without),
        `with time: every dated member within ${WEEK} days of the article's true date; across: one more than ${WEEK} days away`,
      ].join('\n') + '\n',
    );
    process.stdout.write(`${JSON.stringify({ eval: 'undated', file: path, hideOneIn: HIDE_ONE_IN, dated: withDates, undated: without })}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

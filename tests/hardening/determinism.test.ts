/**
 * Determinism across runs and input order: the same set of inputs in another order (files in
 * reverse, a folder instead of its files) gives the same groups and the same report.json.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, reportJson } from '../../src/report/index.js';
import type { Analysis } from '../../src/pipeline/index.js';
import { CONTROL_TEXT, makeTempDir, run, storyText } from './helpers.js';

const dir = makeTempDir('determinism');

const FILES: Record<string, string> = {
  'a-launch.txt': CONTROL_TEXT,
  'b-feed.jsonl': [
    { id: 'j1', outlet: 'Reuters', published: '2024-03-17', text: storyText(1) },
    { id: 'j2', outlet: 'KCNA', published: '2024-03-17', text: 'Pyongyang, March 17 (KCNA) -- The DPRK launched two ballistic missiles on Sunday in response to the war drills of the United States and South Korea, which it called a rehearsal for invasion.' },
    { id: 'j3', outlet: 'RT', published: '2024-05-02', text: 'Wheat prices rose sharply in Chicago on Thursday after a dry spell in Kansas cut the expected harvest. Traders said the rally could continue into next week.' },
  ].map((r) => JSON.stringify(r)).join('\n'),
  'c-table.csv': `id,outlet,published,text\nc1,AP,2024-03-17,"${storyText(7)}"\nc2,Yonhap,2024-05-02,"Grain markets in Asia followed the Chicago wheat rally on Friday as the drought in Kansas cut the harvest outlook."\n`,
  'd-page.html': `<html><head><meta property="og:site_name" content="Example News"></head><body><article><h1>Missiles fired</h1>${CONTROL_TEXT.split('\n\n').map((p) => `<p>${p} (page)</p>`).join('')}</article></body></html>`,
  'e-bad.jsonl': '{broken\n',
  'sub/f-more.md': `# Drills\n\n${storyText(9)}`,
};

/** The report as JSON with the `inputs` echo (what the user typed, in the order typed) left out. */
function jsonWithoutInputs(analysis: Analysis): string {
  return reportJson({ ...buildReport(analysis), inputs: [] });
}

describe('determinism across runs and input order', () => {
  let byFolder: Analysis;
  let byFiles: Analysis;
  let byFilesReversed: Analysis;
  const files = Object.keys(FILES).sort();
  beforeAll(async () => {
    for (const [name, content] of Object.entries(FILES)) dir.write(`in/${name}`, content);
    byFolder = await run([dir.path('in')]);
    byFiles = await run(files.map((f) => dir.path(`in/${f}`)));
    byFilesReversed = await run([...files].reverse().map((f) => dir.path(`in/${f}`)));
  });

  it('the fixture exercises several formats, a skip and at least one multi-article event', () => {
    expect(byFolder.docs.map((d) => d.id)).toEqual(['a-launch', 'c1', 'c2', 'd-page', 'f-more', 'j1', 'j2', 'j3']);
    expect(byFolder.skips.map((s) => s.code)).toEqual(['E_JSON']);
    expect(byFolder.grouping.events.some((e) => e.articleIds.length > 1)).toBe(true);
  });

  it('folder, files in order and files in reverse give the same events and stories', () => {
    const groups = (a: Analysis) => ({ events: a.grouping.events.map((e) => e.articleIds), stories: a.grouping.stories.map((s) => s.articleIds) });
    expect(groups(byFiles)).toEqual(groups(byFolder));
    expect(groups(byFilesReversed)).toEqual(groups(byFolder));
  });

  it('folder, files in order and files in reverse give a byte-identical report.json apart from the inputs echo', () => {
    const reference = jsonWithoutInputs(byFolder);
    expect(jsonWithoutInputs(byFiles)).toBe(reference);
    expect(jsonWithoutInputs(byFilesReversed)).toBe(reference);
  });

  it('files in order and files in reverse give a byte-identical report.json, inputs echo included (it is sorted)', () => {
    expect(reportJson(buildReport(byFilesReversed))).toBe(reportJson(buildReport(byFiles)));
  });

  it('the same inputs run twice give a byte-identical report.json, inputs included', async () => {
    const again = await run([dir.path('in')]);
    expect(reportJson(buildReport(again))).toBe(reportJson(buildReport(byFolder)));
  });

  // Duplicate ids keep the first record read, so which copy survives follows input order by design
  // (src/ingest/index.ts); the order-independent part is which ids are analyzed and that one is skipped.
  it('duplicate ids in reversed inputs: the same ids analyzed and one copy skipped either way', async () => {
    const x = dir.write('dups/x.jsonl', `${JSON.stringify({ id: 'd', text: storyText(1) })}\n`);
    const y = dir.write('dups/y.jsonl', `${JSON.stringify({ id: 'd', text: storyText(2) })}\n`);
    const forward = await run([x, y]);
    const backward = await run([y, x]);
    expect(forward.docs.map((d) => d.id)).toEqual(backward.docs.map((d) => d.id));
    expect(forward.skips.map((s) => s.code)).toEqual(['E_DUPLICATE_ID']);
    expect(backward.skips.map((s) => s.code)).toEqual(['E_DUPLICATE_ID']);
  });

  // 0, 1 and 2 worker threads giving the same report.json bytes: tests/pipeline/run.test.ts.
});

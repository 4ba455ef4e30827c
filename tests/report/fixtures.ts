/** Shared fixtures for the report tests: a hostile pair of articles run through the real pipeline. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../src/pipeline/index.js';
import { tempDir } from '../tmp.js';

export const SHARED =
  'North Korea condemned the joint military drills held by the United States, South Korea and Japan near the peninsula on Sunday, calling them a rehearsal for invasion.';

/** Text that must stay text in every report. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click me](javascript:alert(1))',
  '<a href="javascript:alert(1)">link</a>',
  "=cmd|' /C calc'!A0",
  'evil \u202Etxt.exe',
];

export function hostileRecords(): Array<Record<string, string>> {
  return [
    {
      id: 'h1',
      outlet: '<img src=x onerror=alert(1)>',
      title: "=cmd|' /C calc'!A0",
      url: 'javascript:alert(1)',
      published: '2024-06-30',
      text: `${SHARED}\n\nThe foreign ministry blasted the reckless drills. ${HOSTILE.join(' ')}\n\n“This is an Asian version of NATO,” the ministry said in a statement carried by state media.`,
    },
    {
      id: 'h2',
      outlet: 'Wire \u202EService',
      title: 'Drills draw criticism <script>alert(2)</script>',
      published: '2024-07-01',
      text: `${SHARED}\n\nOfficials in Seoul said the exercises were defensive. ${HOSTILE.slice(0, 3).join(' ')}\n\nThe ministry allegedly called the drills “an Asian version of NATO”, according to the statement.`,
    },
  ];
}

/** Analyzes the hostile pair (pinned into one event) from a temp folder (removed when the test file ends). */
export async function hostileAnalysis(): Promise<Analysis> {
  const dir = tempDir('hostile');
  await writeFile(join(dir, 'articles.jsonl'), hostileRecords().map((r) => JSON.stringify(r)).join('\n') + '\n');
  return analyze({ inputs: [dir], pins: [{ kind: 'together', ids: ['h1', 'h2'] }] });
}

/**
 * Bad-input catalogue, part 3: ids. Duplicates across files keep the first and say where it
 * was; hostile ids (path separators, "..", NUL, very long) never write outside --out.
 */
import { describe, expect, it } from 'vitest';
import { writeReports } from '../../src/report/index.js';
import { listTree, makeTempDir, run, runCase, storyText } from './helpers.js';

const dir = makeTempDir('ids');

const line = (value: unknown): string => JSON.stringify(value);

describe('ids', () => {
  it('duplicate ids across files: the first kept, later ones skipped as E_DUPLICATE_ID naming where the first was', async () => {
    const { outcome, folder } = await runCase(dir, 'dup', {
      'a.jsonl': `${line({ id: 'same', text: storyText(1) })}\n${line({ id: 'a2', text: storyText(2) })}\n`,
      'b.jsonl': `${line({ id: 'same', text: storyText(3) })}\n`,
      'same.txt': storyText(4),
    });
    expect(outcome).toEqual({
      analyzed: ['a2', 'control', 'same'],
      skipped: [
        { id: 'same', code: 'E_DUPLICATE_ID', reason: `${folder}/b.jsonl:1: id "same" was already read at ${folder}/a.jsonl:1; the first one is kept` },
        { id: 'same', code: 'E_DUPLICATE_ID', reason: `${folder}/same.txt: id "same" was already read at ${folder}/a.jsonl:1; the first one is kept` },
      ],
    });
  });

  it('ids with "/", "..", NUL or 5,000 characters: nothing is written outside --out', async () => {
    const hostile = ['../../escape', '/etc/passwd', 'a/b/../../../c', '..', 'C:\\Windows\\win.ini', '%2e%2e%2fx', '<script>alert(1)</script>'];
    const lines = [
      ...hostile.map((id, i) => line({ id, text: storyText(i) })),
      line({ id: 'nul\u0000id', text: storyText(90) }),
      line({ id: 'x'.repeat(5000), text: storyText(91) }),
    ];
    const { analysis, outcome, folder } = await runCase(dir, 'hostile', { 'feed.jsonl': `${lines.join('\n')}\n` });
    const f = `${folder}/feed.jsonl`;
    expect(outcome).toEqual({
      analyzed: [...hostile, 'control'].sort(),
      skipped: [
        { id: `${f}:8`, code: 'E_FIELD_TYPE', reason: `${f}:8: the id contains a NUL character` },
        { id: `${f}:9`, code: 'E_FIELD_TYPE', reason: `${f}:9: the id is 5000 characters long, over 1000` },
      ],
    });
    const out = dir.path('hostile-out/reports');
    await writeReports(analysis, out);
    // The whole temp root: the case folder (inputs) and the report folder, nothing else anywhere.
    expect(listTree(dir.root).filter((p) => !p.startsWith('dup/'))).toEqual([
      'hostile-out/',
      'hostile-out/reports/',
      'hostile-out/reports/index.html',
      'hostile-out/reports/report.json',
      'hostile-out/reports/report.md',
      'hostile-out/reports/report.schema.json',
      'hostile/',
      'hostile/control.txt',
      'hostile/feed.jsonl',
    ]);
  });

  it('file names that make odd ids ("-rf.txt", spaces, unicode): analyzed under those ids; a hidden "..txt" inside a folder is not read', async () => {
    const { outcome } = await runCase(dir, 'odd-names', {
      '..txt': storyText(1),
      '-rf.txt': storyText(2),
      'with space.md': storyText(3),
      'Пхеньян.txt': storyText(4),
    });
    // "..txt" is a hidden name inside a folder: ignored by design (like .git, .DS_Store), with no skip.
    expect(outcome).toEqual({ analyzed: ['-rf', 'control', 'with space', 'Пхеньян'], skipped: [] });
  });

  it('the same file given twice: its articles read once, the second copy skipped as duplicates', async () => {
    const file = dir.write('twice/one.txt', storyText(1));
    const analysis = await run([file, file]);
    expect(analysis.docs.map((d) => d.id)).toEqual(['one']);
    expect(analysis.skips.map((s) => [s.id, s.code])).toEqual([['one', 'E_DUPLICATE_ID']]);
  });
});

/**
 * Bad-input catalogue, part 5: the file system moving under the run. Symlink loops, files
 * deleted mid-run, named pipes and missing inputs become skips with reasons; nothing hangs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTROL_TEXT, makeTempDir, outcomeOf, run, storyText } from './helpers.js';

const dir = makeTempDir('fs');

describe('file system faults', () => {
  it('folder with a symlink loop: the loop skipped once as E_READ, every real file analyzed', async () => {
    dir.write('loop/a.txt', storyText(1));
    dir.write('loop/sub/b.txt', storyText(2));
    symlinkSync(dir.path('loop'), dir.path('loop/sub/back'));
    symlinkSync(dir.path('loop/sub/self'), dir.path('loop/sub/self')); // a link to itself: ELOOP
    const folder = dir.path('loop');
    const outcome = outcomeOf(await run([folder]));
    expect(outcome).toEqual({
      analyzed: ['a', 'b'],
      skipped: [
        { id: `${folder}/sub/back`, code: 'E_READ', reason: `${folder}/sub/back: symlink loop: this folder is ${folder} again; not followed` },
        { id: `${folder}/sub/self`, code: 'E_READ', reason: `${folder}/sub/self: cannot read: too many levels of symbolic links (ELOOP)` },
      ],
    });
  });

  it('file removed while the run is going (deleted from the onDoc hook of the article before it): skipped as E_READ, the rest analyzed', async () => {
    dir.write('vanish/a.txt', storyText(1));
    const gone = dir.write('vanish/b.txt', storyText(2));
    dir.write('vanish/c.jsonl', `${JSON.stringify({ id: 'c', text: storyText(3) })}\n`);
    const doomed = dir.write('vanish/d.jsonl', `${JSON.stringify({ id: 'd', text: storyText(4) })}\n`);
    // The folder was listed before a.txt was read; b.txt and d.jsonl vanish after that.
    const analysis = await run([dir.path('vanish')], {}, {
      onDoc: (doc) => {
        if (doc.id === 'a') rmSync(gone);
        if (doc.id === 'c') rmSync(doomed);
      },
    });
    expect(outcomeOf(analysis)).toEqual({
      analyzed: ['a', 'c'],
      skipped: [
        { id: 'b', code: 'E_READ', reason: `${gone}: cannot read: no such file or directory (ENOENT)` },
        { id: doomed, code: 'E_READ', reason: `${doomed}: cannot read: no such file or directory (ENOENT)` },
      ],
    });
  });

  it('input path that does not exist, and a broken symlink: each skipped as E_READ, the rest analyzed', async () => {
    dir.write('broken/control.txt', CONTROL_TEXT);
    symlinkSync(dir.path('nowhere.txt'), dir.path('broken/dangling.txt'));
    const missing = dir.path('missing-folder');
    const outcome = outcomeOf(await run([missing, dir.path('broken')]));
    expect(outcome).toEqual({
      analyzed: ['control'],
      skipped: [
        { id: `${dir.path('broken')}/dangling.txt`, code: 'E_READ', reason: `${dir.path('broken')}/dangling.txt: cannot read: no such file or directory (ENOENT)` },
        { id: missing, code: 'E_READ', reason: `${missing}: cannot read: no such file or directory (ENOENT)` },
      ],
    });
  });

  it.skipIf(process.platform === 'win32')('named pipe (FIFO) in a folder and named as input: skipped as E_READ, the run never blocks on it', async () => {
    dir.write('fifo/control.txt', CONTROL_TEXT);
    const pipe = dir.path('fifo/feed.jsonl');
    execFileSync('mkfifo', [pipe]);
    const outcome = outcomeOf(await run([dir.path('fifo'), pipe]));
    expect(outcome.analyzed).toEqual(['control']);
    expect(outcome.skipped).toEqual([
      { id: pipe, code: 'E_READ', reason: `${pipe}: not a regular file or folder` },
      { id: pipe, code: 'E_READ', reason: `${pipe}: not a regular file or folder` },
    ]);
  });

  it('folder named like an article file ("x.txt/"): walked as a folder, its files analyzed', async () => {
    mkdirSync(dir.path('dirlike/x.txt'), { recursive: true });
    dir.write('dirlike/x.txt/inner.txt', storyText(1));
    expect(outcomeOf(await run([dir.path('dirlike')]))).toEqual({ analyzed: ['inner'], skipped: [] });
  });
});

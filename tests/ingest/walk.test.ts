import { mkdirSync, symlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { walkInputs, type WalkItem } from '../../src/ingest/walk.js';
import { collect, GOOD_TEXT, makeTempDir, recordsOf, skipsOf } from './fixtures.js';

const dir = makeTempDir('walk');

async function walk(inputs: string[]): Promise<WalkItem[]> {
  const items: WalkItem[] = [];
  for await (const item of walkInputs(inputs)) items.push(item);
  return items;
}

const files = (items: WalkItem[]): string[] => items.flatMap((i) => (i.kind === 'file' ? [i.file] : []));

describe('walkInputs', () => {
  it('walks folders in code-unit order of relative paths, ignoring hidden names', async () => {
    const root = 'order';
    for (const name of ['b.txt', 'a.txt', 'a/x.txt', 'a-b.txt', 'A.txt', 'a/z/1.txt', 'a/Y.txt', '.hidden.txt', '.git/x.txt', 'a/.secret.txt']) {
      dir.write(`${root}/${name}`, GOOD_TEXT);
    }
    const got = files(await walk([dir.path(root)]));
    const rel = got.map((f) => f.slice(dir.path(root).length + 1));
    expect(rel).toEqual(['A.txt', 'a-b.txt', 'a.txt', 'a/Y.txt', 'a/x.txt', 'a/z/1.txt', 'b.txt']);
    expect([...rel].sort()).toEqual(rel);
  });

  it('names files as the user gave the folder, joined with forward slashes and no doubled slash', async () => {
    dir.write('names/one.txt', GOOD_TEXT);
    expect(files(await walk([`${dir.path('names')}/`]))).toEqual([`${dir.path('names')}/one.txt`]);
  });

  it('reads a hidden file when the user names it', async () => {
    const hidden = dir.write('explicit/.notes.txt', GOOD_TEXT);
    expect(files(await walk([hidden]))).toEqual([hidden]);
  });

  it('reports a symlink loop once and still yields the other files', async () => {
    dir.write('loop/real/article.txt', GOOD_TEXT);
    symlinkSync('..', dir.path('loop/real/back'));
    const items = await collect([dir.path('loop')]);
    expect(recordsOf(items).map((r) => r.id)).toEqual(['article']);
    const skips = skipsOf(items);
    expect(skips).toHaveLength(1);
    expect(skips[0]?.code).toBe('E_READ');
    expect(skips[0]?.id).toBe(`${dir.path('loop')}/real/back`);
    expect(skips[0]?.reason).toContain('symlink loop');
  });

  it('reads a folder reached through two symlinks once and says so for the second path', async () => {
    dir.write('twice/data/a.txt', GOOD_TEXT);
    symlinkSync('data', dir.path('twice/link'));
    const items = await collect([dir.path('twice')]);
    expect(recordsOf(items).map((r) => r.source.file)).toEqual([`${dir.path('twice')}/data/a.txt`]);
    expect(skipsOf(items).map((s) => [s.code, s.id])).toEqual([['E_READ', `${dir.path('twice')}/link`]]);
    expect(skipsOf(items)[0]?.reason).toContain('already read');
  });

  it('reports a broken symlink and a missing input as E_READ and reads the rest', async () => {
    dir.write('broken/ok.txt', GOOD_TEXT);
    symlinkSync('nowhere.txt', dir.path('broken/dangling.txt'));
    const items = await collect([dir.path('missing-input'), dir.path('broken')]);
    expect(skipsOf(items).map((s) => [s.code, s.id])).toEqual([
      ['E_READ', dir.path('missing-input')],
      ['E_READ', `${dir.path('broken')}/dangling.txt`],
    ]);
    expect(skipsOf(items)[0]?.reason).toContain('no such file or directory');
    expect(recordsOf(items).map((r) => r.id)).toEqual(['ok']);
  });

  it('yields nothing for an empty folder', async () => {
    mkdirSync(dir.path('empty-folder'));
    expect(await walk([dir.path('empty-folder')])).toEqual([]);
  });
});

/**
 * The catalogue's CLI cases, run with plain `node` on a build of the CLI (the one file of the
 * hardening suite that builds). The build goes to dist-check/ (git-ignored, never written by
 * `tsc --noEmit`) with --noCheck: type errors are `npx tsc --noEmit`'s job, and tests/e2e may be
 * rebuilding dist/ at the same moment.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_TEXT, listTree, makeTempDir, storyText } from './helpers.js';

const BUILD = 'dist-check';
const dir = makeTempDir('cli');

const REPORT_FILES = ['index.html', 'report.json', 'report.md', 'report.schema.json'];

function framelens(args: string[]) {
  return spawnSync(process.execPath, [`${BUILD}/cli.js`, ...args], { encoding: 'utf8' });
}

function lines(stderr: string): string[] {
  return stderr.trim().split('\n');
}

describe('framelens CLI on bad input (built, plain node)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', BUILD, '--noCheck', '--declaration', 'false', '--sourceMap', 'false'], { stdio: 'inherit' });
    dir.write('in/control.txt', CONTROL_TEXT);
    dir.write('in/fr.txt', iconv.encode('Le ministère des Affaires étrangères a déclaré que les exercices menacent la sécurité régionale.\n\nLe porte-parole a ajouté que la France suivait la situation de près.', 'latin1'));
    dir.write('in/long.txt', `${CONTROL_TEXT}\n\n${'More words follow here. '.repeat(40)}`);
    dir.write('in/feed.jsonl', `${[1, 2, 3].map((n) => JSON.stringify({ id: `r${n}`, text: storyText(n) })).join('\n')}\n`);
  }, 180_000);
  afterAll(() => {
    rmSync(BUILD, { recursive: true, force: true });
  });

  it('CLI default encoding: a Latin-1 file skipped on stderr naming the fix, exit 0, the others analyzed', () => {
    const out = dir.path('out-default');
    const res = framelens(['analyze', dir.path('in'), '--out', out]);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(new RegExp(`skipped ${dir.path('in')}/fr\\.txt \\(fr\\): E_ENCODING: .*re-run with --encoding auto`));
    expect(lines(res.stderr).at(-1)).toMatch(/^framelens: 5 article\(s\) analyzed, 1 skipped;/);
  });

  it('CLI --encoding auto: the Latin-1 file analyzed too', () => {
    const out = dir.path('out-auto');
    const res = framelens(['analyze', dir.path('in'), '--out', out, '--encoding', 'auto']);
    expect(res.status, res.stderr).toBe(0);
    expect(lines(res.stderr).at(-1)).toMatch(/^framelens: 6 article\(s\) analyzed, 0 skipped;/);
    const report = JSON.parse(readFileSync(`${out}/report.json`, 'utf8'));
    expect(report.articles.find((a: { id: string }) => a.id === 'fr').text).toContain('ministère');
  });

  it('CLI --max-article-chars, --max-articles and --max-file-bytes: going over skips with a reason naming the limit', () => {
    const chars = framelens(['analyze', dir.path('in'), '--out', dir.path('out-chars'), '--max-article-chars', '600']);
    expect(chars.status, chars.stderr).toBe(0);
    expect(chars.stderr).toMatch(/skipped .*long\.txt \(long\): E_TOO_LARGE: .*over maxArticleChars 600/);

    const articles = framelens(['analyze', dir.path('in'), '--out', dir.path('out-articles'), '--max-articles', '2']);
    expect(articles.status, articles.stderr).toBe(0);
    expect(articles.stderr).toContain('maxArticles 2');
    expect(lines(articles.stderr).at(-1)).toMatch(/^framelens: 2 article\(s\) analyzed, /);

    const bytes = framelens(['analyze', dir.path('in/control.txt'), dir.path('in/long.txt'), '--out', dir.path('out-bytes'), '--max-file-bytes', '700']);
    expect(bytes.status, bytes.stderr).toBe(0);
    expect(bytes.stderr).toMatch(/skipped .*long\.txt \(long\): E_TOO_LARGE: .*over maxFileBytes 700/);
  });

  it('CLI invalid limits and an unknown encoding: exit 2 with one line, nothing written', () => {
    // (Each run starts node and loads the pipeline: two runs cover the two kinds of usage error.)
    for (const args of [['--max-articles', '1.5'], ['--encoding', 'klingon-8']]) {
      const out = dir.path(`out-bad-${args[0]}`);
      const res = framelens(['analyze', dir.path('in'), '--out', out, ...args]);
      expect(res.status, `${args.join(' ')}: ${res.stderr}`).not.toBe(0);
      expect(res.stderr).toMatch(/positive whole number|unknown encoding "klingon-8"/);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('CLI with only bad input: exit 1, one summary line, no report written', () => {
    dir.write('only-bad/empty.txt', '');
    dir.write('only-bad/broken.jsonl', '{nope\n');
    const out = dir.path('out-none');
    const res = framelens(['analyze', dir.path('only-bad'), '--out', out]);
    expect(res.status).toBe(1);
    expect(lines(res.stderr).at(-1)).toBe('framelens: no article could be analyzed (2 skipped); no report written');
    for (const file of REPORT_FILES) expect(existsSync(`${out}/${file}`), file).toBe(false);
  });

  it('CLI with hostile ids: the report folder holds the four report files and nothing lands outside it', () => {
    const ids = ['../../outside', '/etc/evil', 'a/../../b', '..'];
    dir.write('hostile/feed.jsonl', `${ids.map((id, i) => JSON.stringify({ id, text: storyText(i) })).join('\n')}\n`);
    const res = framelens(['analyze', dir.path('hostile'), '--out', dir.path('hostile-out/r')]);
    expect(res.status, res.stderr).toBe(0);
    // The report files, plus the run's own cache folder (.run, named by content hashes, never by ids).
    const tree = listTree(dir.path('hostile-out'));
    expect(tree.filter((p) => !p.startsWith('r/.run/'))).toEqual(['r/', ...REPORT_FILES.map((f) => `r/${f}`)]);
    expect(tree.filter((p) => /outside|evil|\.\.|\/b$/.test(p))).toEqual([]);
    expect(listTree(dir.path('hostile'))).toEqual(['feed.jsonl']);
    // Top level of the temp folder: only the inputs and the --out folders of these tests.
    expect(listTree(dir.root).filter((p) => /^[^/]+\/?$/.test(p) && !/^(in|only-bad|hostile|hostile-out|out-[\w-]+)\/$/.test(p))).toEqual([]);
  });
});

/**
 * Builds the CLI with tsc and runs it with plain `node`, the way users do:
 * `natural` and other CommonJS deep imports break only outside vitest.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../tmp.js';

function run(args: string[]) {
  return spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });
}

describe('framelens CLI under plain node', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  }, 180_000);

  it('framelens --help lists the commands, and each command has --help', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('analyze');
    for (const cmd of ['analyze']) {
      const sub = run([cmd, '--help']);
      expect(sub.status).toBe(0);
      expect(sub.stdout).toContain('Usage: framelens ' + cmd);
    }
  });

  it('framelens analyze data/sample writes the report and a summary on stderr', async () => {
    const out = tempDir('cli');
    const res = run(['analyze', 'data/sample', '--out', out]);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/5 article\(s\) analyzed, 0 skipped; 1 story\(ies\), 4 event\(s\)/);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(report.summary.analyzed).toBe(5);
  });

  it('framelens analyze keeps going past bad records, names file and line, and exits 0', async () => {
    const dir = tempDir('bad');
    await writeFile(join(dir, 'a.jsonl'), '{"id":"ok1","text":"North Korea condemned the drills on Sunday."}\n{broken\n{"id":"ok1","text":"Duplicate id."}\n{"id":"nt"}\n');
    await writeFile(join(dir, 'empty.txt'), '');
    const res = run(['analyze', dir, '--out', join(dir, 'out')]);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toContain('a.jsonl:2');
    expect(res.stderr).toContain('E_JSON');
    expect(res.stderr).toContain('E_DUPLICATE_ID');
    expect(res.stderr).toContain('E_NO_TEXT');
    expect(res.stderr).toContain('E_EMPTY');
    const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8'));
    expect(report.summary.analyzed).toBe(1);
    expect(report.summary.skipped).toBe(4);
    const strict = run(['analyze', dir, '--out', join(dir, 'out2'), '--strict']);
    expect(strict.status).toBe(1);
  });

  it('exits non-zero with one line when nothing can be analyzed or options are invalid', async () => {
    const dir = tempDir('none');
    await writeFile(join(dir, 'empty.txt'), '');
    const none = run(['analyze', dir, '--out', join(dir, 'out')]);
    expect(none.status).toBe(1);
    expect(none.stderr.trim().split('\n').at(-1)).toMatch(/no article could be analyzed/);
    const bad = run(['analyze', dir, '--max-articles', 'many']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/positive whole number/);
  });
});

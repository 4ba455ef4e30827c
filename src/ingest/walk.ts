/** Expands the user's inputs into files: folders recursively, sorted, hidden names ignored, symlink loops caught. */
import { readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { join, sep } from 'node:path';
import type { Skip } from '../doc/types.js';

export type WalkItem = { kind: 'file'; file: string; path: string } | { kind: 'skip'; skip: Skip };

/** A Node fs error as a short phrase: "no such file or directory (ENOENT)". */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const phrases: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ELOOP: 'too many levels of symbolic links',
    EISDIR: 'is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    EMFILE: 'too many open files',
    EIO: 'input/output error',
  };
  if (typeof code === 'string') return `${phrases[code] ?? (error instanceof Error ? error.message : 'read error')} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

function readSkip(file: string, reason: string): WalkItem {
  return { kind: 'skip', skip: { id: file, source: { file, line: null, format: 'unknown' }, code: 'E_READ', reason: `${file}: ${reason}` } };
}

/** The input as the user wrote it, with forward slashes and no trailing slash. */
function displayPath(input: string): string {
  const slashed = sep === '\\' ? input.replaceAll('\\', '/') : input;
  const trimmed = slashed.replace(/\/+$/, '');
  return trimmed === '' ? slashed.slice(0, 1) : trimmed;
}

function joinDisplay(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** Code-unit order, the same on every machine and locale. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Walk {
  /** Real paths of the folders on the way down, to their display names (a symlink back to one is a loop). */
  ancestors: Map<string, string>;
  /** Every folder already walked (a second path to it would read it twice). */
  visited: Map<string, string>;
}

/**
 * Yields files in the order of their sorted relative paths (plain code-unit comparison),
 * which a depth-first walk gives when a folder sorts as its name plus "/".
 * Explicitly named inputs are read even when hidden; names found inside folders starting with "." are not.
 */
export async function* walkInputs(inputs: readonly string[]): AsyncGenerator<WalkItem> {
  const walk: Walk = { ancestors: new Map(), visited: new Map() };
  for (const input of inputs) {
    const file = displayPath(input);
    let info: Stats;
    try {
      info = await stat(input);
    } catch (error) {
      yield readSkip(file, `cannot read: ${describeFsError(error)}`);
      continue;
    }
    if (info.isFile()) yield { kind: 'file', file, path: input };
    else if (info.isDirectory()) yield* walkFolder(file, input, walk);
    else yield readSkip(file, 'not a regular file or folder');
  }
}

async function* walkFolder(display: string, path: string, walk: Walk): AsyncGenerator<WalkItem> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    yield readSkip(display, `cannot resolve folder: ${describeFsError(error)}`);
    return;
  }
  const ancestor = walk.ancestors.get(real);
  if (ancestor !== undefined) {
    yield readSkip(display, `symlink loop: this folder is ${ancestor} again; not followed`);
    return;
  }
  const earlier = walk.visited.get(real);
  if (earlier !== undefined) {
    yield readSkip(display, `same folder as ${earlier}, already read; not read twice`);
    return;
  }
  walk.visited.set(real, display);
  let entries: Dirent[];
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch (error) {
    yield readSkip(display, `cannot list folder: ${describeFsError(error)}`);
    return;
  }
  const children: { name: string; key: string; kind: 'file' | 'folder' | 'other' | 'broken'; problem?: string }[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    let kind: 'file' | 'folder' | 'other' | 'broken' = entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : 'other';
    let problem: string | undefined;
    if (kind === 'other') {
      // Symlinks (and file systems that report no type) need a stat to learn what they point to.
      try {
        const target = await stat(join(path, entry.name));
        kind = target.isFile() ? 'file' : target.isDirectory() ? 'folder' : 'other';
      } catch (error) {
        kind = 'broken';
        problem = describeFsError(error);
      }
    }
    children.push({ name: entry.name, key: kind === 'folder' ? `${entry.name}/` : entry.name, kind, problem });
  }
  children.sort((a, b) => compareCodeUnits(a.key, b.key));
  walk.ancestors.set(real, display);
  try {
    for (const child of children) {
      const childDisplay = joinDisplay(display, child.name);
      const childPath = join(path, child.name);
      if (child.kind === 'file') yield { kind: 'file', file: childDisplay, path: childPath };
      else if (child.kind === 'folder') yield* walkFolder(childDisplay, childPath, walk);
      else if (child.kind === 'broken') yield readSkip(childDisplay, `cannot read: ${child.problem ?? 'broken link'}`);
      else yield readSkip(childDisplay, 'not a regular file or folder');
    }
  } finally {
    walk.ancestors.delete(real);
  }
}

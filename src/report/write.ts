import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, relative, isAbsolute } from 'node:path';

/**
 * Writes a file atomically: to a temporary sibling, then renamed into place,
 * so an interrupted run never leaves a half-written report that looks whole.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Joins a report-relative name under `outDir`, refusing any name that would escape it. */
export function outPath(outDir: string, name: string): string {
  const full = resolve(outDir, name);
  const rel = relative(resolve(outDir), full);
  if (rel.startsWith('..') || isAbsolute(rel) || name.includes('\0')) throw new Error(`refusing to write outside the output folder: ${JSON.stringify(name)}`);
  return join(outDir, rel);
}

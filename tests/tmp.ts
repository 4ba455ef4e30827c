/**
 * Temp folders for tests. Each is registered when made and removed when its test file ends:
 * tests/setup.ts (a vitest `setupFiles` entry) calls `removeTempDirs` in an `afterAll`, so a test
 * file never needs its own cleanup and a folder shared by several tests lives until the file ends.
 * This module imports nothing from src/, so the setup file stays cheap for every test file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new empty folder `framelens-<label>-XXXXXX` under the OS temp dir, removed after the current test file. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `framelens-${label}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made so far (retries: a worker thread may still be closing a file in it). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

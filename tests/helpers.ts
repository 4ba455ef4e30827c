/** Test helpers: build a Doc straight from clean text (no ingest, no cleaning). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Doc } from '../src/doc/types.js';
import { identityMap } from '../src/doc/offsets.js';
import { emptyMeta } from '../src/doc/meta.js';
import { analyzeText } from '../src/text/index.js';
import { tempDir } from './tmp.js';

export interface TestDocOptions {
  id?: string;
  outlet?: string | null;
  published?: string | null;
  title?: string | null;
  language?: string;
}

let counter = 0;

export function makeTestDoc(text: string, options: TestDocOptions = {}): Doc {
  const language = options.language ?? 'en';
  const meta = emptyMeta();
  if (options.outlet) meta.outlet = { value: options.outlet, source: 'given' };
  if (options.published) meta.published = { value: options.published, source: 'given' };
  if (options.title) meta.title = { value: options.title, source: 'given' };
  meta.language = { value: language, source: 'given' };
  const id = options.id ?? `doc${++counter}`;
  return {
    id,
    source: { file: `${id}.txt`, line: null, format: 'txt' },
    original: text,
    text,
    map: identityMap(text),
    removed: [],
    ...analyzeText(text, language),
    language,
    meta,
    extra: {},
    layers: {},
    diagnostics: [],
  };
}

export interface TempDir {
  root: string;
  /** Writes a file (parents created) and returns its path. */
  write(relative: string, content: string | Uint8Array): string;
  path(relative: string): string;
}

/** A temp folder for one test file: `framelens-<label>-XXXX` under the OS temp dir, removed when the file ends (tests/tmp.ts). */
export function makeTempDir(label: string): TempDir {
  const root = tempDir(label);
  return {
    root,
    write(relative, content) {
      const path = join(root, relative);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    path: (relative) => join(root, relative),
  };
}

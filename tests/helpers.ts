/** Test helpers: build a Doc straight from clean text (no ingest, no cleaning). */
import type { Doc } from '../src/doc/types.js';
import { identityMap } from '../src/doc/offsets.js';
import { emptyMeta } from '../src/doc/meta.js';
import { analyzeText } from '../src/text/index.js';

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

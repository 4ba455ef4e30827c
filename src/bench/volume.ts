/**
 * Where a report.json's bytes are (`npm run bench -- --volume <report.json>`): bytes per part (each
 * section, each article layer, each event and story analysis), the bytes of JSON key names, and the
 * bytes of text a finding repeats from its article. At 56k articles report.json is 4.7 GB, and its
 * volume costs three times (stringifying, spilling, copying): this says what a compact schema would cut.
 *
 * The file is read a line at a time: the streamed layout (report/stream.ts) puts each array element on
 * one compact line, so a report of several GB is measured without holding it. Each part's bytes are
 * its key and value as JSON.stringify writes them (the writer's own bytes); what is left (braces,
 * commas, indentation, the head) is `layout`, so the parts add up to the file's size.
 */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { REPORT_SECTIONS, sectionOpen, type ReportSection } from '../report/index.js';

export interface VolumeRow {
  part: string;
  bytes: number;
}

export interface ReportVolume {
  bytes: number;
  /** Largest first; with `layout`, they add up to `bytes`. */
  parts: VolumeRow[];
  /** Bytes of `"key":` over every object in the arrays. */
  keyBytes: number;
  /** The keys with the most bytes, largest first. */
  keys: VolumeRow[];
  /** Bytes of the `"text":…,` of the articles' findings (article text again: derivable from start and end). */
  findingTextBytes: number;
}

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');
/** `"key":value`, as JSON.stringify writes it inside an object. */
const fieldBytes = (key: string, value: unknown): number => utf8(JSON.stringify(key)) + 1 + utf8(JSON.stringify(value) ?? '');

const TEXT_BLOCK = new Set(['text', 'offsetMap', 'paragraphs', 'sentences']);

export async function reportVolume(path: string, topKeys = 15): Promise<ReportVolume> {
  const parts = new Map<string, number>();
  const keys = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, n: number): void => {
    m.set(k, (m.get(k) ?? 0) + n);
  };
  const countKeys = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) countKeys(x);
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        add(keys, k, utf8(JSON.stringify(k)) + 1);
        countKeys(x);
      }
  };
  const opens = new Map(REPORT_SECTIONS.map((s) => [sectionOpen(s), s] as const));
  let section: ReportSection | null = null;
  let findingTextBytes = 0;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    const open = [...opens].find(([text]) => line.startsWith(text));
    if (open) {
      section = open[1];
      continue;
    }
    if (!section || !line.startsWith('    ')) continue;
    const element = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as Record<string, unknown>;
    countKeys(element);
    for (const [key, value] of Object.entries(element)) {
      const n = fieldBytes(key, value);
      if (section === 'articles' && key === 'layers' && value && typeof value === 'object') {
        add(parts, 'articles.layers (keys and braces)', n);
        for (const [layer, findings] of Object.entries(value as Record<string, Array<Record<string, unknown>>>)) {
          const m = fieldBytes(layer, findings);
          add(parts, `articles.layers.${layer}`, m);
          add(parts, 'articles.layers (keys and braces)', -m);
          for (const f of findings) if (typeof f.text === 'string') findingTextBytes += fieldBytes('text', f.text) + 1;
        }
      } else if (section === 'articles') add(parts, TEXT_BLOCK.has(key) ? 'articles.text, offsets, paragraphs, sentences' : `articles.${key === 'removed' ? 'removed' : 'other fields'}`, n);
      else if ((section === 'events' || section === 'stories') && key === 'analyses' && value && typeof value === 'object') {
        add(parts, `${section}.analyses (keys and braces)`, n);
        for (const [name, analysis] of Object.entries(value as Record<string, unknown>)) {
          const sub = name === 'framing' && analysis && typeof analysis === 'object' ? Object.entries(analysis as Record<string, unknown>) : [];
          const m = fieldBytes(name, analysis);
          add(parts, `${section}.analyses (keys and braces)`, -m);
          if (!sub.length) add(parts, `${section}.${name}`, m);
          else {
            add(parts, `${section}.framing (keys and braces)`, m);
            for (const [k, v] of sub) {
              const x = fieldBytes(k, v);
              add(parts, `${section}.framing.${k}`, x);
              add(parts, `${section}.framing (keys and braces)`, -x);
            }
          }
        }
      } else if (section === 'comparisons') add(parts, `comparisons.${key === 'wording' || key === 'framing' ? key : 'ids'}`, n);
      else add(parts, `${section}.${section === 'memberships' ? 'all' : 'group fields'}`, n);
    }
  }
  const bytes = statSync(path).size;
  const counted = [...parts.values()].reduce((a, b) => a + b, 0);
  parts.set('layout (braces, commas, indentation, head)', bytes - counted);
  const sorted = (m: Map<string, number>): VolumeRow[] => [...m].map(([part, n]) => ({ part, bytes: n })).sort((a, b) => b.bytes - a.bytes || (a.part < b.part ? -1 : 1));
  return { bytes, parts: sorted(parts), keyBytes: [...keys.values()].reduce((a, b) => a + b, 0), keys: sorted(keys).slice(0, topKeys), findingTextBytes };
}

/** The volume as a table: MB and share of the file per part, then the key names and the findings' repeated text. */
export function volumeTable(v: ReportVolume): string {
  const mb = (n: number): string => (n / 1e6).toFixed(1).padStart(9);
  const pct = (n: number): string => `${((100 * n) / Math.max(1, v.bytes)).toFixed(1).padStart(5)} %`;
  const width = Math.max(...v.parts.map((p) => p.part.length), ...v.keys.map((k) => k.part.length + 2));
  const rows = v.parts.map((p) => `${p.part.padEnd(width)} ${mb(p.bytes)} MB ${pct(p.bytes)}`);
  const keys = v.keys.map((k) => `  ${k.part.padEnd(width - 2)} ${mb(k.bytes)} MB ${pct(k.bytes)}`);
  return [
    `report.json: ${mb(v.bytes).trim()} MB`,
    ...rows,
    '',
    `JSON key names: ${mb(v.keyBytes).trim()} MB (${pct(v.keyBytes).trim()}); the largest:`,
    ...keys,
    `findings' "text" (article text again): ${mb(v.findingTextBytes).trim()} MB (${pct(v.findingTextBytes).trim()})`,
  ].join('\n');
}

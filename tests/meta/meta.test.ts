import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../../src/doc/types.js';
import { cleanText } from '../../src/clean/index.js';
import { resolveMeta } from '../../src/meta/index.js';
import { recordFromText } from '../../src/pipeline/build-doc.js';

const FILES: Record<string, string> = {
  '000': '000_1059f36819f99a03.txt',
  '001': '001_25f2c3e4e1f9c047.txt',
  '002': '002_c109a28eec74ea5f.txt',
  '003': '003_d4c057accb7cf467.txt',
  '004': '004_d6f0f952484ad524.txt',
};

function seedMeta(id: string, record?: Partial<RawRecord>) {
  const text = readFileSync(new URL(`../../data/sample/${FILES[id]!}`, import.meta.url), 'utf8');
  const base = { ...recordFromText(id, text), ...record };
  return { text, meta: resolveMeta(base, cleanText(text)) };
}

describe('resolveMeta on the bundled seeds', () => {
  it('resolveMeta infers RT, 2024-06-30 and the title for seed 002, with evidence in the original', () => {
    const { text, meta } = seedMeta('002');
    expect(meta.outlet).toMatchObject({ value: 'RT', source: 'inferred', evidence: { rule: 'copyright-holder' } });
    expect(meta.outlet.evidence!.text).toBe('© Autonomous Nonprofit Organization “TV-Novosti”, 2005–2024. All rights reserved.');
    expect(meta.published).toMatchObject({ value: '2024-06-30', source: 'inferred', evidence: { text: '30 Jun, 2024 10:41' } });
    expect(meta.title).toMatchObject({ value: 'West forging ‘Asian version of NATO’ – North Korea', source: 'inferred' });
    expect(meta.originalSource).toEqual({ value: null, source: 'none' });
    for (const f of [meta.outlet, meta.published, meta.title]) expect(text.slice(f.evidence!.start, f.evidence!.end)).toBe(f.evidence!.text);
  });

  it('resolveMeta infers GlobalSecurity.org as publisher and KCNA as original source for seed 003, and no date', () => {
    const { text, meta } = seedMeta('003');
    expect(meta.outlet).toMatchObject({ value: 'GlobalSecurity.org', source: 'inferred', evidence: { text: 'GlobalSecurity.org', rule: 'domain-in-site-chrome' } });
    expect(meta.originalSource).toMatchObject({ value: 'KCNA', source: 'inferred', evidence: { text: 'Pyongyang, March 14 (KCNA)', rule: 'dateline-agency' } });
    expect(meta.published).toEqual({ value: null, source: 'none' });
    expect(meta.title.value).toBe('Moves of U.S. and Japan to Tighten Their Military Alliance under Fire');
    for (const f of [meta.outlet, meta.originalSource, meta.title]) expect(text.slice(f.evidence!.start, f.evidence!.end)).toBe(f.evidence!.text);
  });

  it('resolveMeta reads the title of seed 001 with plain spaces and finds no outlet', () => {
    const { meta } = seedMeta('001');
    expect(meta.title.value).toBe("'Asian Version Of NATO': North Korea Condemns Joint Miltary Drills In The Region");
    expect(meta.title.evidence!.text).toContain('\u00A0');
    expect(meta.outlet).toEqual({ value: null, source: 'none' });
    expect(meta.published).toEqual({ value: null, source: 'none' });
  });

  it('resolveMeta gives seed 000 no title and no outlet: its first line is a body sentence', () => {
    const { meta } = seedMeta('000');
    expect(meta.title).toEqual({ value: null, source: 'none' });
    expect(meta.outlet).toEqual({ value: null, source: 'none' });
    expect(meta.originalSource).toEqual({ value: null, source: 'none' });
    expect(meta.published).toEqual({ value: null, source: 'none' });
  });

  it('resolveMeta reads the title of seed 004 and guesses nothing else', () => {
    const { meta } = seedMeta('004');
    expect(meta.title.value).toBe('North Korea Promises Stronger Retaliation in Response to US ‘Threats,’ Says KCNA');
    expect(meta.outlet.value).toBeNull();
    expect(meta.published.value).toBeNull();
    expect(meta.url.value).toBeNull();
  });

  it('resolveMeta leaves language for the pipeline when nothing declares it', () => {
    expect(seedMeta('002').meta.language).toEqual({ value: null, source: 'none' });
  });
});

describe('resolveMeta precedence', () => {
  it('resolveMeta prefers manifest over given over page over inferred', () => {
    const pageMeta = { outlet: 'RT.com', title: 'Page title', evidence: { outlet: '<meta property="og:site_name" content="RT.com">' } };
    const manifest = { given: { outlet: 'Manifest Outlet' }, extra: {} };
    const text = readFileSync(new URL(`../../data/sample/${FILES['002']!}`, import.meta.url), 'utf8');
    const record: RawRecord = { ...recordFromText('x', text, { title: 'Given title' }), pageMeta };
    const clean = cleanText(text);

    const withManifest = resolveMeta(record, clean, manifest);
    expect(withManifest.outlet).toEqual({ value: 'Manifest Outlet', source: 'manifest' });
    expect(withManifest.title).toEqual({ value: 'Given title', source: 'given' });

    const noManifest = resolveMeta(record, clean);
    expect(noManifest.outlet).toEqual({ value: 'RT.com', source: 'page', evidence: { text: pageMeta.evidence.outlet, start: 0, end: 0, rule: 'page-meta-tag' } });
    expect(noManifest.published).toMatchObject({ value: '2024-06-30', source: 'inferred' });
  });

  it('resolveMeta keeps a given ISO timestamp as given', () => {
    const record = recordFromText('y', 'Some text.', { published: '2024-06-30T10:41:00Z' });
    expect(resolveMeta(record, cleanText(record.text)).published).toEqual({ value: '2024-06-30T10:41:00Z', source: 'given' });
  });
});

import { describe, expect, it, beforeAll } from 'vitest';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildReport, dataDictionary, exportTables, tableCsv, tableJsonl, TABLE_NAMES, TABLE_SPECS, writeExports, type Report } from '../../src/report/index.js';
import { hostileAnalysis } from './fixtures.js';
import { tempDir } from '../tmp.js';

describe('research exports', () => {
  let report: Report;
  beforeAll(async () => {
    report = buildReport(await hostileAnalysis());
  });

  it('builds every table with every column of its spec, in spec order', () => {
    const tables = exportTables(report);
    expect(tables.map((t) => t.name)).toEqual(TABLE_NAMES);
    for (const t of tables) for (const r of t.rows) expect(Object.keys(r)).toEqual(TABLE_SPECS[t.name]!.columns.map((c) => c.name));
  });

  it('gives every span row its article id and offsets, pointing at the text it names', () => {
    const spans = exportTables(report).find((t) => t.name === 'spans')!;
    expect(spans.rows.length).toBeGreaterThan(0);
    for (const r of spans.rows) {
      const a = report.articles.find((x) => x.id === r.article_id)!;
      expect(a.text!.slice(r.start as number, r.end as number)).toBe(r.text);
    }
  });

  it('neutralises spreadsheet formulas in CSV but keeps JSON Lines verbatim', () => {
    const articles = exportTables(report).find((t) => t.name === 'articles')!;
    const csv = tableCsv(articles);
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r.article_id === 'h1')!.title).toBe("'=cmd|' /C calc'!A0");
    const jsonl = tableJsonl(articles).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(jsonl.find((r) => r.article_id === 'h1')!.title).toBe("=cmd|' /C calc'!A0");
  });

  it('describes every column in the data dictionary', () => {
    const md = dataDictionary(exportTables(report));
    for (const [name, spec] of Object.entries(TABLE_SPECS)) {
      expect(md).toContain(`## ${name}`);
      for (const c of spec.columns) expect(md).toContain(`| \`${c.name}\` |`);
    }
  });

  it('writes identical files on two runs, and Parquet only when asked', async () => {
    const a = tempDir('exp');
    const b = tempDir('exp');
    const wa = await writeExports(report, a, ['jsonl', 'csv']);
    await writeExports(report, b, ['jsonl', 'csv']);
    expect(wa.some((p) => p.endsWith('.parquet'))).toBe(false);
    for (const p of wa) expect(await readFile(p, 'utf8')).toBe(await readFile(join(b, p.slice(a.length)), 'utf8'));
  });

  it('writes one Parquet file per table through DuckDB when parquet is asked for', async () => {
    const out = tempDir('pq');
    const written = await writeExports(report, out, ['parquet']);
    const parquet = written.filter((p) => p.endsWith('.parquet'));
    expect(parquet).toHaveLength(TABLE_NAMES.length);
    for (const p of parquet) expect((await stat(p)).size).toBeGreaterThan(0);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const reader = await conn.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${join(out, 'exports', 'articles.parquet')}')`);
    expect(Number(reader.getRows()[0]![0])).toBe(report.articles.length);
    conn.closeSync();
    db.closeSync();
  }, 30_000);
});

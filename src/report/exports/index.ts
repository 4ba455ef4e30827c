/**
 * Research exports under exports/: one JSON Lines and one CSV file per table,
 * DATA_DICTIONARY.md describing every column, and (only when asked) Parquet
 * files written by an in-memory DuckDB from the JSON Lines.
 */
import { stringify } from 'csv-stringify/sync';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { neutralizeCsvCell } from '../escape.js';
import type { Report } from '../schema.js';
import { writeFileAtomic } from '../write.js';
import { exportTables, TABLE_SPECS, type Cell, type ColumnType, type Table } from './tables.js';

export { exportTables, TABLE_SPECS, TABLE_NAMES, type Table, type Column, type Row, type Cell } from './tables.js';

/** One JSON object per line, keys in column order. */
export function tableJsonl(t: Table): string {
  return t.rows.map((r) => JSON.stringify(r)).join('\n') + (t.rows.length ? '\n' : '');
}

function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'string') return neutralizeCsvCell(v);
  return String(v);
}

/** CSV with a header row; text cells that a spreadsheet would run as a formula get a leading apostrophe. */
export function tableCsv(t: Table): string {
  const rows = t.rows.map((r) => t.columns.map((c) => csvCell(r[c.name] ?? null)));
  return stringify([t.columns.map((c) => c.name), ...rows], { record_delimiter: 'unix' });
}

export function dataDictionary(tables: readonly Table[] = []): string {
  const counts = new Map(tables.map((t) => [t.name, t.rows.length]));
  const out: string[] = ['# framelens exports: data dictionary', ''];
  out.push(
    'Each table is written as `<table>.jsonl` (JSON Lines, one object per row) and `<table>.csv` (header row; text cells starting with `=`, `+`, `-`, `@`, tab or carriage return get a leading `\'` so spreadsheets do not run them), and as `<table>.parquet` when Parquet was asked for.',
    'Offsets are `[start, end)` in UTF-16 code units (JavaScript string indices) into the article\'s cleaned text (`articles[].text` in report.json) unless the column says "original". Empty cells are nulls. Rows are sorted by their ids, so two runs on the same inputs give identical files.',
    '',
  );
  for (const [name, spec] of Object.entries(TABLE_SPECS)) {
    out.push(`## ${name}${counts.has(name) ? ` (${counts.get(name)} rows)` : ''}`, '', spec.description, '', '| column | type | meaning |', '| --- | --- | --- |');
    for (const c of spec.columns) out.push(`| \`${c.name}\` | ${c.type} | ${c.description.replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  return out.join('\n');
}

const DUCK_TYPES: Record<ColumnType, string> = { string: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE', boolean: 'BOOLEAN' };

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Parquet files from the JSON Lines already written, by an in-memory DuckDB. */
export async function writeParquet(tables: readonly Table[], dir: string): Promise<string[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  // Spill files (if a table outgrows memory) in the export folder, not DuckDB's default `.tmp` in the working directory.
  const tempDir = join(dir, '.duckdb.tmp');
  const instance = await DuckDBInstance.create(':memory:', { temp_directory: tempDir });
  const conn = await instance.connect();
  const written: string[] = [];
  try {
    for (const t of tables) {
      const cols = t.columns.map((c) => `${ident(c.name)} ${DUCK_TYPES[c.type]}`).join(', ');
      await conn.run(`CREATE OR REPLACE TABLE ${ident(t.name)} (${cols})`);
      if (t.rows.length) {
        const spec = `{${t.columns.map((c) => `${sqlString(c.name)}: ${sqlString(DUCK_TYPES[c.type])}`).join(', ')}}`;
        await conn.run(`INSERT INTO ${ident(t.name)} SELECT * FROM read_json(${sqlString(join(dir, `${t.name}.jsonl`))}, format = 'newline_delimited', columns = ${spec})`);
      }
      const path = join(dir, `${t.name}.parquet`);
      await conn.run(`COPY ${ident(t.name)} TO ${sqlString(path)} (FORMAT parquet)`);
      written.push(path);
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(tempDir, { recursive: true, force: true });
  }
  return written;
}

export type ExportFormat = 'jsonl' | 'csv' | 'parquet';

/** Writes exports/ under outDir in the given formats; returns the paths written. Parquet needs the JSON Lines and writes them too. */
export async function writeExports(report: Report, outDir: string, formats: readonly ExportFormat[]): Promise<string[]> {
  const dir = join(outDir, 'exports');
  const tables = exportTables(report);
  const written: string[] = [];
  const put = async (name: string, data: string): Promise<void> => {
    const path = join(dir, name);
    await writeFileAtomic(path, data);
    written.push(path);
  };
  if (formats.length === 0) return written;
  for (const t of tables) {
    if (formats.includes('jsonl') || formats.includes('parquet')) await put(`${t.name}.jsonl`, tableJsonl(t));
    if (formats.includes('csv')) await put(`${t.name}.csv`, tableCsv(t));
  }
  await put('DATA_DICTIONARY.md', dataDictionary(tables));
  if (formats.includes('parquet')) written.push(...(await writeParquet(tables, dir)));
  return written;
}

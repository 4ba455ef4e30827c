/**
 * Inline SVG charts built as strings at build time: deterministic (fixed
 * sizes, numbers rounded with toFixed), no script, every value also written
 * as text beside its bar so nothing depends on colour alone.
 */
import { escapeHtml } from '../escape.js';
import { SERIES_COLOURS } from './styles.js';

export interface Series {
  name: string;
}

export interface BarRow {
  label: string;
  /** One value per series (same order); null = no data for that series. */
  values: Array<number | null>;
}

const f1 = (x: number): string => (Math.round(x * 10) / 10).toFixed(1).replace(/\.0$/, '');

export function seriesColour(i: number): string {
  return SERIES_COLOURS[i % SERIES_COLOURS.length]!;
}

/** A legend in HTML (the charts themselves carry no legend). */
export function legendHtml(series: readonly Series[]): string {
  return `<div class="legend">${series.map((s, i) => `<span><span class="sw" style="background:${seriesColour(i)}"></span>${escapeHtml(s.name)}</span>`).join('')}</div>`;
}

/**
 * Grouped horizontal bars: one group per row, one bar per series. `format`
 * renders a value for its text label; `max` fixes the scale (default: largest value).
 */
export function barChart(title: string, series: readonly Series[], rows: readonly BarRow[], options: { format?: (v: number) => string; max?: number; labelWidth?: number } = {}): string {
  const format = options.format ?? f1;
  const labelW = options.labelWidth ?? 170;
  const barW = 260;
  const valueW = 56;
  const barH = 14;
  const gap = 3;
  const groupGap = 12;
  const n = Math.max(1, series.length);
  const max = options.max ?? Math.max(1e-9, ...rows.flatMap((r) => r.values.filter((v): v is number => v !== null)));
  const groupH = n * (barH + gap) - gap;
  const height = rows.length * (groupH + groupGap) + 8;
  const width = labelW + barW + valueW;
  const parts: string[] = [];
  rows.forEach((row, ri) => {
    const y0 = 4 + ri * (groupH + groupGap);
    parts.push(`<text x="${labelW - 8}" y="${y0 + groupH / 2 + 4}" text-anchor="end">${escapeHtml(row.label)}</text>`);
    row.values.forEach((v, si) => {
      const y = y0 + si * (barH + gap);
      const w = v === null ? 0 : Math.max(v > 0 ? 1 : 0, (v / max) * barW);
      parts.push(`<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${seriesColour(si)}"><title>${escapeHtml(`${series[si]?.name ?? ''}: ${v === null ? 'no data' : format(v)}`)}</title></rect>`);
      parts.push(`<text x="${(labelW + w + 4).toFixed(1)}" y="${y + barH - 3}" style="font-size:11px">${escapeHtml(v === null ? '–' : format(v))}</text>`);
    });
  });
  parts.push(`<line class="axis" x1="${labelW}" x2="${labelW}" y1="0" y2="${height - 4}"/>`);
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}

/** Bars around zero (negative left, positive right): tone per actor and outlet. */
export function divergingChart(title: string, series: readonly Series[], rows: readonly BarRow[], options: { format?: (v: number) => string } = {}): string {
  const format = options.format ?? ((v: number) => (v > 0 ? '+' : '') + f1(v));
  const labelW = 150;
  const half = 150;
  const barH = 14;
  const gap = 3;
  const groupGap = 12;
  const n = Math.max(1, series.length);
  const max = Math.max(1e-9, ...rows.flatMap((r) => r.values.filter((v): v is number => v !== null).map(Math.abs)));
  const groupH = n * (barH + gap) - gap;
  const height = rows.length * (groupH + groupGap) + 24;
  const width = labelW + 2 * half + 50;
  const zero = labelW + half + 25;
  const parts: string[] = [];
  rows.forEach((row, ri) => {
    const y0 = 20 + ri * (groupH + groupGap);
    parts.push(`<text x="${labelW - 8}" y="${y0 + groupH / 2 + 4}" text-anchor="end">${escapeHtml(row.label)}</text>`);
    row.values.forEach((v, si) => {
      const y = y0 + si * (barH + gap);
      if (v === null) return;
      const w = (Math.abs(v) / max) * half;
      const x = v < 0 ? zero - w : zero;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${Math.max(v === 0 ? 0 : 1, w).toFixed(1)}" height="${barH}" fill="${seriesColour(si)}"><title>${escapeHtml(`${series[si]?.name ?? ''}: ${format(v)}`)}</title></rect>`);
      const tx = v < 0 ? zero - w - 4 : zero + w + 4;
      parts.push(`<text x="${tx.toFixed(1)}" y="${y + barH - 3}" text-anchor="${v < 0 ? 'end' : 'start'}" style="font-size:11px">${escapeHtml(format(v))}</text>`);
    });
  });
  parts.push(`<line class="axis" x1="${zero}" x2="${zero}" y1="14" y2="${height - 4}"/>`);
  parts.push(`<text x="${zero - 6}" y="11" text-anchor="end" style="font-size:11px">← more negative</text><text x="${zero + 6}" y="11" style="font-size:11px">more positive →</text>`);
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}

export interface TimelinePoint {
  /** ISO date (YYYY-MM-DD…). */
  date: string;
  row: number;
  size: number;
  label: string;
  href: string;
}

function dayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Events on a time axis, one row per story; each dot links to its event. Undated events are left to the caller. */
export function timelineChart(title: string, rowLabels: readonly string[], points: readonly TimelinePoint[]): string {
  const dated = points.map((p) => ({ p, d: dayNumber(p.date) })).filter((x): x is { p: TimelinePoint; d: number } => x.d !== null);
  if (dated.length === 0) return '';
  const labelW = 120;
  const plotW = 640;
  const rowH = 28;
  const top = 8;
  const height = top + rowLabels.length * rowH + 30;
  const width = labelW + plotW + 30;
  let lo = Math.min(...dated.map((x) => x.d));
  let hi = Math.max(...dated.map((x) => x.d));
  if (hi - lo < 2) {
    lo -= 1;
    hi += 1;
  }
  const x = (d: number): number => labelW + 10 + ((d - lo) / (hi - lo)) * (plotW - 20);
  const parts: string[] = [];
  rowLabels.forEach((label, i) => {
    const y = top + i * rowH + rowH / 2;
    parts.push(`<line class="grid" x1="${labelW}" x2="${labelW + plotW}" y1="${y}" y2="${y}"/>`);
    parts.push(`<text x="${labelW - 8}" y="${y + 4}" text-anchor="end">${escapeHtml(label)}</text>`);
  });
  const axisY = top + rowLabels.length * rowH + 4;
  parts.push(`<line class="axis" x1="${labelW}" x2="${labelW + plotW}" y1="${axisY}" y2="${axisY}"/>`);
  const ticks = hi - lo <= 6 ? Math.round(hi - lo) : 5;
  for (let t = 0; t <= ticks; t++) {
    const d = Math.round(lo + ((hi - lo) * t) / ticks);
    parts.push(`<line class="axis" x1="${x(d).toFixed(1)}" x2="${x(d).toFixed(1)}" y1="${axisY}" y2="${axisY + 4}"/><text x="${x(d).toFixed(1)}" y="${axisY + 17}" text-anchor="middle" style="font-size:11px">${isoOfDay(d)}</text>`);
  }
  const maxSize = Math.max(1, ...dated.map((x) => x.p.size));
  for (const { p, d } of dated) {
    const r = 4 + 6 * Math.sqrt(p.size / maxSize);
    const y = top + p.row * rowH + rowH / 2;
    parts.push(`<a href="${escapeHtml(p.href)}"><circle cx="${x(d).toFixed(1)}" cy="${y}" r="${r.toFixed(1)}" fill="#0072b2" fill-opacity="0.75" stroke="#1f2328" stroke-width="1"><title>${escapeHtml(p.label)}</title></circle></a>`);
  }
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}

/**
 * Each chart's SVG size and render time. Another part of the project measures exactly this:
 * scripts/bench-charts.ts (inline SVG bytes and gzip bytes at both page widths, median SVG and PNG
 * render times). The benchmark runs that script as it is, in its own process, shows its table and
 * reads the rows back for the JSON, rather than measuring the same thing a second way.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const CHART_SCRIPT = 'scripts/bench-charts.ts';

export interface ChartRow {
  chart: string;
  lang: string;
  /** 'narrow' | 'wide' for the SVGs, 'png' for the PNG. */
  variant: string;
  svgBytes?: number;
  gzipBytes?: number;
  svgMs?: number;
  pngMs?: number;
}

export interface ChartFigures {
  script: string;
  runs: number;
  /** The script's own output, as printed. */
  table: string;
  rows: ChartRow[];
  error?: string;
}

/** Rows of the script's table: 'chart lang variant bytes gzip svg-ms' or 'chart lang png png-ms'. */
export function parseChartTable(text: string): ChartRow[] {
  const rows: ChartRow[] = [];
  for (const line of text.split('\n').slice(1)) {
    const cells = line.trim().split(/\s+/);
    const [chart, lang, variant] = cells;
    if (!chart || !lang || !variant || cells.length < 4) continue;
    const numbers = cells.slice(3).map(Number);
    if (numbers.some((value) => !Number.isFinite(value))) continue;
    if (variant === 'png') rows.push({ chart, lang, variant, pngMs: numbers[0] as number });
    else if (numbers.length >= 3) rows.push({ chart, lang, variant, svgBytes: numbers[0] as number, gzipBytes: numbers[1] as number, svgMs: numbers[2] as number });
  }
  return rows;
}

export async function chartFigures(runs = 5): Promise<ChartFigures> {
  const base = { script: CHART_SCRIPT, runs, table: '', rows: [] };
  if (!existsSync(CHART_SCRIPT)) return { ...base, error: `${CHART_SCRIPT} does not exist, so the chart figures were not measured` };
  const child = spawn(process.execPath, [resolve(CHART_SCRIPT)], { env: { ...process.env, RUNS: String(runs) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const table = stdout.trimEnd();
  if (code !== 0) return { ...base, table, error: `${CHART_SCRIPT} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}` };
  return { ...base, table, rows: parseChartTable(table) };
}

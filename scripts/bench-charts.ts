/**
 * How big and how slow the charts are: for each chart and language, the inline SVG's size (bytes
 * and gzip bytes) at both page widths, and the time to render the SVG and the PNG. Not a test:
 * a number to watch when a chart or the renderer changes.
 *
 *   node scripts/bench-charts.ts            (3 runs each, the median is printed)
 *   RUNS=10 node scripts/bench-charts.ts
 */
import { gzipSync } from 'node:zlib';
import { withBehaviour } from '../src/charts/behaviour.ts';
import { chartFrame } from '../src/charts/common.ts';
import { PNG_SCALE, PNG_WIDTH, WIDTHS, chartSvg, type Variant } from '../src/charts/build.ts';
import { CHARTS } from '../src/charts/index.ts';
import { CHART_PALETTE } from '../src/charts/palette.ts';
import { renderPng, renderSvg } from '../src/charts/render/renderChart.ts';
import { LANGS } from '../src/i18n/index.ts';

const RUNS = Number(process.env.RUNS ?? 3);

/** Median time of `runs` calls, in milliseconds. */
function time(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

// The first render loads Chart.js and the fonts; keep that out of the numbers.
renderSvg(withBehaviour(CHARTS[0]!.config('hi', { width: WIDTHS.wide })), { width: WIDTHS.wide, height: 100, palette: CHART_PALETTE });

const rows: string[][] = [['chart', 'lang', 'variant', 'svg bytes', 'gzip bytes', 'svg ms', 'png ms']];
for (const chart of CHARTS) {
  for (const lang of LANGS) {
    for (const variant of Object.keys(WIDTHS) as Variant[]) {
      const width = WIDTHS[variant];
      const svg = chartSvg(chart.id, lang, variant);
      const svgMs = time(() => renderSvg(withBehaviour(chart.config(lang, { width })), { width, height: chart.height(width), palette: CHART_PALETTE }));
      rows.push([chart.id, lang, variant, String(Buffer.byteLength(svg)), String(gzipSync(svg).length), svgMs.toFixed(1), '']);
    }
    const config = chart.config(lang, { width: PNG_WIDTH, frame: chartFrame(chart, lang, PNG_WIDTH, 'https://report.example/') });
    const pngMs = time(() => renderPng(withBehaviour(config), { width: PNG_WIDTH, height: 1000, palette: CHART_PALETTE, scale: PNG_SCALE }));
    rows.push([chart.id, lang, 'png', '', '', '', pngMs.toFixed(1)]);
  }
}

const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
for (const row of rows) console.log(row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
console.log(`\nmedian of ${RUNS} runs; svg bytes are the page's inline SVG (its <style> is in charts.css)`);

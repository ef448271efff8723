/**
 * What the "since then" charts share (growth, ranks, network): a time axis, a logarithmic count axis
 * with Indian ticks, marker shapes for how exact a figure is, and the Chart.js configuration of a line
 * chart in the same look as the bar charts of ./common.ts (fonts, colours as CSS variables, PNG frame,
 * precomputed tooltips, no animation). Every text is made here or in the definitions, through the
 * formatter and t(); the config stays plain JSON.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { formatDate, formatTick, type Lang, type Qualifier } from '../format/format.ts';
import { t } from '../i18n/index.ts';
import type { ReportOptions, TickSpec } from './behaviour.ts';
import { NARROW_BELOW, chartBase } from './common.ts';
import { cssVar } from './palette.ts';
import type { ChartContext } from './types.ts';

const DAY = 86_400_000;

/** An ISO date (or month) as a day number on a linear time axis: '2021-10-04' -> 18904. A month counts from its first day. */
export function dayNumber(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return Date.UTC(year!, (month ?? 1) - 1, day ?? 1) / DAY;
}

/**
 * Ticks for a time axis from `first` to `last` (ISO dates): the first of January of each year inside the
 * range, every second year (counting back from the last) when a narrow drawing has more than three,
 * labelled by the formatter ('January 2023' / 'जनवरी 2023').
 * e.g. timeTicks('2021-06-10', '2025-11-23', 680, 'en').labels -> ['January 2022', ..., 'January 2025']
 */
export function timeTicks(first: string, last: string, width: number, lang: Lang): TickSpec {
  const from = Number(first.slice(0, 4)) + 1;
  const to = Number(last.slice(0, 4));
  const every = width < NARROW_BELOW && to - from + 1 > 3 ? 2 : 1;
  const years: number[] = [];
  for (let year = from; year <= to; year += 1) if ((to - year) % every === 0) years.push(year);
  const months = years.map((year) => `${String(year).padStart(4, '0')}-01`);
  return { values: months.map(dayNumber), labels: months.map((month) => formatDate(month, lang)) };
}

/** The 1-2-5 steps of a logarithmic axis, e.g. between 50 lakh and 50 crore: 5e6, 1e7, 2e7, 5e7, 1e8, 2e8, 5e8. */
function logSteps(min: number, max: number): number[] {
  const steps: number[] = [];
  for (let power = Math.floor(Math.log10(min)); 10 ** power <= max; power += 1) {
    for (const multiple of [1, 2, 5]) {
      const value = multiple * 10 ** power;
      if (value >= min && value <= max) steps.push(value);
    }
  }
  return steps;
}

/**
 * The range and ticks of a logarithmic count axis that holds `values`: from the 1-2-5 step at or below the
 * smallest to the one at or above the largest, labelled Indian-style ('50 लाख', '1 करोड़', '2 करोड़' ...).
 * A narrow drawing keeps the 1s and 5s, and both ends. e.g. logAxis([6e6, 4.3e8], 680, 'en') -> { min: 5e6, max: 5e8, ticks: ... }
 */
export function logAxis(values: number[], width: number, lang: Lang): { min: number; max: number; ticks: TickSpec } {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const below = logSteps(low / 10, low).at(-1) ?? low;
  const above = logSteps(high, high * 10)[0] ?? high;
  const all = logSteps(below, above);
  const kept = width < NARROW_BELOW ? all.filter((value, index) => String(value)[0] !== '2' || index === 0 || index === all.length - 1) : all;
  return { min: below, max: above, ticks: { values: kept, labels: kept.map((value) => formatTick(value, lang)) } };
}

/**
 * The marker of each qualifier: a filled circle for an exact count, a diamond for a figure the source
 * rounded, a triangle (pointing up: "this or more") for a lower bound. Shapes, not colours, so they
 * survive greyscale printing and colour blindness; the legend names them in words.
 */
export const MARKERS = { exact: 'circle', about: 'rectRot', 'at-least': 'triangle' } as const satisfies Record<Qualifier, string>;
export const QUALIFIERS: readonly Qualifier[] = ['exact', 'about', 'at-least'];

/** The legend's words for a marker: 'Exact count', 'About: rounded by the source', 'Over: a lower bound'. */
export function markerName(qualifier: Qualifier, lang: Lang): string {
  return t(lang, `chart.marker.${qualifier}`);
}

/** A count drawn as a marker: where it sits and how exact its source says it is. */
export interface MarkedCount {
  x: number;
  y: number;
  qualifier: Qualifier;
}

/** Marker sizes in pixels: for exact counts (circles), and for the other shapes, which look smaller at the same radius. */
export interface MarkerSize {
  exact: number;
  shape: number;
}

/**
 * The markers of `counts`, one dataset per qualifier: it draws that qualifier's shape and names it in the
 * legend. Each dataset is as long as `counts`, empty (y: null) where another qualifier applies, so index i
 * is the i-th count in every one of them (the tooltips look their texts up by index: markerTooltips).
 */
export function markerDatasets(
  counts: readonly MarkedCount[],
  lang: Lang,
  style: { color: string; radius: MarkerSize; hoverRadius: MarkerSize },
): ChartDataset<'line'>[] {
  return QUALIFIERS.map((qualifier) => ({
    label: markerName(qualifier, lang),
    // y: null leaves a gap, which Chart.js draws as nothing; its types know only numbered points.
    data: counts.map((count) => ({ x: count.x, y: count.qualifier === qualifier ? count.y : null })) as { x: number; y: number }[],
    showLine: false,
    pointStyle: MARKERS[qualifier],
    pointRadius: qualifier === 'exact' ? style.radius.exact : style.radius.shape,
    pointHoverRadius: qualifier === 'exact' ? style.hoverRadius.exact : style.hoverRadius.shape,
    backgroundColor: style.color,
    borderColor: cssVar('chart-bg'),
    borderWidth: 1,
  }));
}

/** The tooltip lines of markerDatasets' datasets, in their order: `text(i)` for the i-th count, in its qualifier's dataset. */
export function markerTooltips(counts: readonly MarkedCount[], text: (index: number) => string): (string | null)[][] {
  return QUALIFIERS.map((qualifier) => counts.map((count, index) => (count.qualifier === qualifier ? text(index) : null)));
}

/** Everything that differs between the line charts. */
export interface LineChartSpec {
  context: ChartContext;
  datasets: ChartDataset<'line'>[];
  /** The x axis: a linear axis of day numbers (with ticks), or categories. */
  x: { type: 'linear'; min: number; max: number; ticks: TickSpec } | { type: 'category'; labels: string[] };
  /** The left y axis: linear or logarithmic counts with ticks, or categories (e.g. names by rank). */
  y:
    | { type: 'linear' | 'logarithmic'; min: number; max: number; ticks: TickSpec; title?: string }
    | { type: 'category'; labels: string[]; colors: string[] };
  /** A second category axis on the right (e.g. names at the newest date), aligned with a category y. */
  yRight?: { labels: string[]; colors: string[] };
  /** A legend above the plot, one item per dataset that has a label. */
  legend?: boolean;
  tooltips: NonNullable<ReportOptions['tooltips']>;
}

/**
 * A line chart as plain JSON, in the look of the report's bar charts. The config type is the module
 * interface's (ChartConfiguration<'bar'>); the renderer draws whatever type it names.
 */
export function lineConfig(spec: LineChartSpec): ChartConfiguration<'bar'> {
  const { size, font, frame, side, report: base } = chartBase(spec.context.width, spec.context.frame);
  const report: ReportOptions = {
    ...base,
    ticks: {
      ...(spec.x.type === 'linear' ? { x: spec.x.ticks } : {}),
      ...(spec.y.type !== 'category' ? { y: spec.y.ticks } : {}),
    },
    tooltips: spec.tooltips,
  };
  const axisTicks = { color: cssVar('chart-muted'), font, padding: 6, maxRotation: 0 };
  const x =
    spec.x.type === 'linear'
      ? { type: 'linear', min: spec.x.min, max: spec.x.max, ticks: axisTicks }
      : { type: 'category', labels: spec.x.labels, offset: true, ticks: { ...axisTicks, autoSkip: false } };
  const y =
    spec.y.type === 'category'
      ? { type: 'category', labels: spec.y.labels, offset: true, ticks: { color: spec.y.colors, font, padding: 6, autoSkip: false } }
      : {
          type: spec.y.type,
          min: spec.y.min,
          max: spec.y.max,
          ticks: axisTicks,
          ...(spec.y.title ? { title: { display: true, text: spec.y.title, color: cssVar('chart-muted'), font } } : {}),
        };
  const config = {
    type: 'line',
    data: { datasets: spec.datasets },
    options: {
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      layout: { padding: { top: frame.top + 4, right: side + 8, bottom: frame.bottom + 2, left: side } },
      scales: {
        x: { ...x, grid: { color: cssVar('chart-grid'), drawTicks: false }, border: { display: false } },
        y: { ...y, grid: { color: cssVar('chart-grid'), drawTicks: false }, border: { display: false } },
        ...(spec.yRight
          ? {
              yRight: {
                type: 'category',
                position: 'right',
                labels: spec.yRight.labels,
                offset: true,
                grid: { display: false },
                border: { display: false },
                ticks: { color: spec.yRight.colors, font, padding: 6, autoSkip: false },
              },
            }
          : {}),
      },
      plugins: {
        legend: spec.legend
          ? {
              display: true,
              position: 'top',
              align: 'start',
              labels: { usePointStyle: true, boxWidth: size, boxHeight: Math.round(size * 0.65), padding: 10, color: cssVar('chart-text'), font },
            }
          : { display: false },
        title: { display: false },
        // The page's own tooltips show report.tooltips (src/components/chart-tooltips.ts), not Chart.js's.
        tooltip: { enabled: false },
        report,
      },
    },
  };
  return config as unknown as ChartConfiguration<'bar'>;
}


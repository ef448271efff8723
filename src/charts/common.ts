/**
 * What the five charts share: sizes, ticks, the text of the PNG frame, the CSV writer, and the
 * Chart.js configuration of a horizontal bar chart. The definitions in ./definitions/ say what
 * each chart shows; this module says how every chart looks.
 */
import type { ChartConfiguration } from 'chart.js';
import { csvFormatRows } from 'd3-dsv';
import { creditLine } from '../figures/sources.ts';
import { formatPercent, formatTick, type Lang } from '../format/format.ts';
import { t } from '../i18n/index.ts';
import { FRAME, KEYS_ROW, frameSpace, type FrameSpec, type ReportOptions, type TickSpec } from './behaviour.ts';
import { cssVar } from './palette.ts';
import { measureText } from './render/textMetrics.ts';
import type { ChartContext, ChartModule } from './types.ts';
import { isPreviewUrl } from '../site/address.ts';

/**
 * The font family the configs name: the page's own stack (src/styles/base.css --font-body), so the
 * browser draws the SVGs' text with the web font the page has loaded. The build renderer measures and
 * draws with the bundled Noto Sans Devanagari whatever is named here.
 */
export const CHART_FONT = "'Noto Sans Devanagari', 'Noto Sans', 'Nirmala UI', Mangal, system-ui, sans-serif";

/** Below this width a drawing is "narrow": fewer ticks, shorter labels. Matches the container query in charts.css. */
export const NARROW_BELOW = 520;

/** Text size for a drawing of `width`: the PNG (wide) gets larger text, since it is seen scaled down. */
export function fontSize(width: number): number {
  return width >= 760 ? 15 : 13;
}

/** Height of one bar's row: enough for a Devanagari label with its matras above and below. */
export function rowHeight(width: number): number {
  return width >= 760 ? 38 : 32;
}

/** Height of the value axis with its tick labels. */
export const AXIS_HEIGHT = 30;

/** Height of a horizontal bar chart of `rows` bars, with room for series keys above when it has them. */
export function barChartHeight(rows: number, width: number, keys = false): number {
  return rows * rowHeight(width) + AXIS_HEIGHT + (keys ? KEYS_ROW : 4) + 4;
}

/** The smallest of 1, 2, 2.5, 5 (times a power of ten) that is at least `raw`. */
export function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const multiple = [1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10;
  return multiple * magnitude;
}

/** Count ticks from 0 up to `max` in round steps, labelled Indian-style: '0', '20 लाख', '40 लाख'. Fewer on a narrow drawing. */
export function countTicks(max: number, width: number, lang: Lang): TickSpec {
  const step = niceStep(max / (width < NARROW_BELOW ? 3 : 5));
  const values: number[] = [];
  for (let value = 0; value <= max + step * 1e-9; value += step) values.push(value);
  return { values, labels: values.map((value) => formatTick(value, lang)) };
}

/** Share ticks for a 0–100% axis: '0%', '25%', ... (every half on a narrow drawing). */
export function percentTicks(width: number): TickSpec {
  const values = width < NARROW_BELOW ? [0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1];
  return { values, labels: values.map((value) => formatPercent(value, 0)) };
}

/**
 * Breaks `text` at spaces into lines no wider than `maxWidth` px at `size` px, measured with the
 * renderer's own font metrics, so the PNG's lines fill its width without running over. A word
 * wider than the line gets a line of its own (the frame plugin then shrinks it to fit).
 */
export function wrapText(text: string, maxWidth: number, size: number): string[] {
  const fits = (line: string) => measureText({ style: 'normal', weight: 400, size }, line).width <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const longer = line ? `${line} ${word}` : word;
    if (line && !fits(longer)) {
      lines.push(line);
      line = word;
    } else {
      line = longer;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The credit line under a chart, every source named: 'Source: Ministry of ... (press release), 4 October 2021'. */
export function sourceLine(chart: Pick<ChartModule, 'sources'>, lang: Lang): string {
  return creditLine(chart.sources(), lang);
}

/** The report's address for a language, as a reader would type it: 'example.org/hi/'. */
export function reportAddress(siteUrl: string, lang: Lang): string {
  const url = new URL(`/${lang}/`, siteUrl);
  return `${url.host}${url.pathname}`;
}

/**
 * The PNG's frame for a chart `width` wide: its title, takeaway broken into lines, source, date and the
 * address of the report at `siteUrl`, all from the chart's own texts, the same for every chart.
 */
export function chartFrame(chart: Pick<ChartModule, 'title' | 'takeaway' | 'sources'>, lang: Lang, width: number, siteUrl: string): FrameSpec {
  if (!siteUrl) throw new Error('A chart PNG needs siteUrl: the report address is drawn into the image.');
  const inner = width - 2 * FRAME.margin;
  return {
    title: chart.title(lang),
    takeaway: wrapText(chart.takeaway(lang), inner, FRAME.takeawaySize),
    footer: wrapText(sourceLine(chart, lang), inner, FRAME.footerSize),
    // A preview build's PNG says so: its local address is not where the report can be read.
    address: isPreviewUrl(siteUrl) ? t(lang, 'preview.png', { address: reportAddress(siteUrl, lang) }) : reportAddress(siteUrl, lang),
  };
}

/** A CSV document: header and rows, quoted where needed, newline-terminated. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  return `${csvFormatRows([header, ...rows.map((row) => row.map(String))])}\n`;
}

/** A share as the CSV writes it: a fraction rounded to 6 decimals, so it carries no floating-point noise. */
export function rawShare(share: number): number {
  return Math.round(share * 1e6) / 1e6;
}

/** One dataset of a bar chart: its name, values and fill (one colour, or one per bar). */
export interface BarSeries {
  label: string;
  data: number[];
  color: string | string[];
}

/** Everything that differs between the horizontal bar charts. */
export interface BarChartSpec {
  context: ChartContext;
  labels: string[];
  series: BarSeries[];
  stacked?: boolean;
  /** The value axis runs from 0 to `max`. */
  max: number;
  ticks: TickSpec;
  /** Hide the category axis (a single bar needs no label). */
  hideCategories?: boolean;
  /** Direct labels, keys, emphasis and tooltips. */
  report: Omit<ReportOptions, 'font' | 'colors' | 'ticks' | 'frame'>;
}

/**
 * What every chart's config starts from at a drawing width: the font size, the page's colours as CSS
 * variables, and, for the PNG, the space its frame (title, source, address) takes above, below and aside.
 */
export function chartBase(width: number, frameSpec: FrameSpec | undefined) {
  const size = fontSize(width);
  const font = { family: CHART_FONT, size };
  const report = {
    font,
    colors: { text: cssVar('chart-text'), muted: cssVar('chart-muted'), rule: cssVar('chart-grid') },
    ...(frameSpec ? { frame: frameSpec } : {}),
  };
  return {
    size,
    font,
    frame: frameSpec ? frameSpace(frameSpec) : { top: 0, bottom: 0 },
    side: frameSpec ? FRAME.margin : 0,
    report,
  };
}

/**
 * A horizontal bar chart as plain JSON: the bars, Indian ticks, page colours as CSS variables
 * (so it follows dark mode), no legend (series are named directly), tooltip texts for the SVG's hit
 * regions in `report.tooltips`, and no animation.
 */
export function barConfig(spec: BarChartSpec): ChartConfiguration<'bar'> {
  const { font: tickFont, frame, side, report: base } = chartBase(spec.context.width, spec.context.frame);
  const report: ReportOptions = { ...base, ticks: { x: spec.ticks }, ...spec.report };
  return {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series) => ({
        label: series.label,
        data: series.data,
        backgroundColor: series.color,
        borderWidth: 0,
        barPercentage: 0.78,
        categoryPercentage: 0.92,
      })),
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      layout: {
        padding: {
          top: frame.top + (spec.report.keys?.length ? KEYS_ROW : 4),
          right: side + 8,
          bottom: frame.bottom + 2,
          left: side,
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: spec.max,
          stacked: spec.stacked ?? false,
          grid: { color: cssVar('chart-grid'), drawTicks: false },
          border: { display: false },
          ticks: { color: cssVar('chart-muted'), font: tickFont, padding: 6, maxRotation: 0 },
        },
        y: {
          type: 'category',
          display: !spec.hideCategories,
          stacked: spec.stacked ?? false,
          grid: { display: false },
          border: { color: cssVar('chart-muted') },
          ticks: { color: cssVar('chart-text'), font: tickFont, padding: 6, autoSkip: false },
        },
      },
      plugins: {
        legend: { display: false },
        title: { display: false },
        // The page's own tooltips show report.tooltips (src/components/chart-tooltips.ts), not Chart.js's.
        tooltip: { enabled: false },
        report,
      },
    },
  };
}

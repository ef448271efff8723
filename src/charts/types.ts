import type { ChartConfiguration } from 'chart.js';
import type { Lang } from '../format/format.ts';
import type { FrameSpec } from './behaviour.ts';

/** The charts the report places with `<Chart id="..." />`. */
export type ChartId = 'states-total' | 'states-mix' | 'national-mix' | 'concentration' | 'per-person' | 'map' | 'hwc-rollout' | 'growth' | 'ranks' | 'network';

/** What a chart is drawn for: the drawing's width in CSS pixels, and whether it is the PNG that travels alone. */
export interface ChartContext {
  /** Width of the drawing in CSS pixels (the SVG viewBox width, or the PNG's CSS width). */
  width: number;
  /**
   * Only for the PNG: the texts drawn around the chart (title, takeaway, source, the report's address),
   * made from the chart's own by chartFrame() in ./common.ts. The config leaves room for them and draws them.
   */
  frame?: FrameSpec;
}

/** A chart's data as a reader sees it: formatted cells, one row per bar or segment. */
export interface ChartTable {
  columns: string[];
  rows: string[][];
  /** Which columns hold numbers (right-aligned, tabular digits). */
  numeric: boolean[];
}

/**
 * One chart: everything about it that depends on the data, in either language. Everything a reader
 * sees is already formatted (through src/format/format.ts) and translated (through t()); the page,
 * the renderer and the browser only place it.
 */
export interface ChartModule {
  id: ChartId;
  /** Height in CSS pixels of the drawing at `width` (without the PNG's title and footer). */
  height(width: number): number;
  /** A short title, e.g. 'Consultations by state'. */
  title(lang: Lang): string;
  /** One sentence: what the reader should take away, with its key numbers. */
  takeaway(lang: Lang): string;
  /** A text alternative generated from the data: what the chart shows and every number it draws. */
  alt(lang: Lang): string;
  /** The chart's data as a table of formatted cells. */
  table(lang: Lang): ChartTable;
  /** Exactly the chart's data as CSV: a header row, then one row per bar or segment, raw numbers. Language-free. */
  csv(): string;
  /**
   * Every source the chart's figures come from, as ids in sources.csv, e.g. ['pib-2021-10-04-hi'].
   * The credit line under the chart (page, PNG, embed, print) names them all (src/figures/sources.ts).
   */
  sources(): string[];
  /**
   * The Chart.js configuration, as plain JSON (no functions), rendered at build time. Behaviour (tick
   * labels, direct labels, keys) is attached by `withBehaviour()` from precomputed strings in
   * `options.plugins.report`; `report.tooltips` become the SVG's hit regions (./build.ts).
   */
  config(lang: Lang, context: ChartContext): ChartConfiguration<'bar'>;
}

/**
 * What a chart does beyond its data: Indian tick labels, direct value labels, series keys, the
 * emphasis of one category and, for the PNG, the title and footer drawn into the image.
 *
 * A chart's config is plain JSON: every text it shows is precomputed at build time, through the
 * formatter, in `options.plugins.report`. `withBehaviour()` turns that into the callbacks and the
 * plugin Chart.js needs to draw the chart at build time (SVG and PNG, ./render/). Tooltips are not
 * Chart.js's: ./build.ts writes `report.tooltips` into each SVG as hit regions, and the page's small
 * script (src/components/chart-tooltips.ts) shows them. No chart library reaches the browser.
 */
import type { Chart, ChartConfiguration, ChartType, Plugin, Scale } from 'chart.js';
import { drawTileLegend, drawTileMarks, type TileMapDraw } from './tile-draw.ts';

/** Axis ticks chosen at build time: the values, and their labels from the formatter. */
export interface TickSpec {
  values: number[];
  labels: string[];
}

/** Direct labels for the bars of one dataset. */
export interface ValueLabelSpec {
  dataset: number;
  /** Per bar, alternatives from longest to shortest; the first that fits is drawn (outside: always the first). */
  texts: string[][];
  /** 'outside': after the end of the bar; 'inside': centred in the bar, only where it fits. */
  placement: 'outside' | 'inside';
  color: string;
  bold?: boolean;
  /** Outside labels only: drawn over a box of this colour (the page's), so a line behind them leaves them legible. */
  halo?: string;
}

/** A series named directly above the plot instead of a legend: a swatch and a name. */
export interface SeriesKey {
  text: string;
  color: string;
  /** 'start': from the left edge of the plot; 'end': ending at its right edge. */
  align: 'start' | 'end';
}

/** The PNG's frame: the texts a picture needs when it travels without the page. */
export interface FrameSpec {
  /** The title, one line. */
  title: string;
  /** The takeaway, already broken into lines. */
  takeaway: string[];
  /** Source and date, already broken into lines. */
  footer: string[];
  /** The report's address. */
  address: string;
}

/** Everything `withBehaviour()` reads, carried in `options.plugins.report`. */
export interface ReportOptions {
  /** Font of direct labels, keys and the frame. */
  font: { family: string; size: number };
  /** Colours of the texts and rules the plugin draws (CSS `var()`s, resolved by whoever draws). */
  colors: { text: string; muted: string; rule: string };
  /** Ticks chosen at build time, by scale id (a chart of several panels has a value scale per panel, e.g. 'x2'). */
  ticks?: { x?: TickSpec; y?: TickSpec; [scale: string]: TickSpec | undefined };
  /** A category drawn bold and in colour on the category axis (the bar the story is about), or several. */
  emphasis?: { axis: 'y'; index: number | number[]; color: string };
  valueLabels?: ValueLabelSpec[];
  keys?: SeriesKey[];
  /** Tooltip texts: a title per category, and a line per dataset and bar (null: no line). */
  tooltips?: { titles: string[]; lines: (string | null)[][] };
  /** The order the tooltips' regions are read in (and walked by keyboard); by default rows for horizontal bars, else columns. */
  readingOrder?: 'rows' | 'columns';
  /** A tile map's hatching, tile labels and legend (./tile-draw.ts). */
  tileMap?: TileMapDraw;
  /** Headings, reference lines and notes of a chart in panels (e.g. ./definitions/per-person.ts). */
  annotations?: Annotations;
  /** Only in the PNG. */
  frame?: FrameSpec;
}

/**
 * What a chart of panels side by side (one value scale each, sharing the categories) draws besides its
 * bars, e.g. per-person's two dates: rows of text above the plot, reference lines, and notes where a bar
 * is absent. Texts that a reference line may pass behind are drawn over a box of the page colour.
 */
export interface Annotations {
  /** Height of each row of text above the plot, top to bottom, e.g. [21, 21, 21, 34]. */
  rows: number[];
  /** The page colour, drawn around texts a line may cross, e.g. 'var(--chart-bg)'. */
  halo: string;
  /**
   * Texts in the rows above the plot: at the drawing's left, or with `scale` at that panel's left; with
   * `swatch`, after a square of that colour (a key). e.g. { row: 2, text: '4 October 2021', scale: 'x', bold: true }
   */
  texts: { row: number; text: string; scale?: string; bold?: boolean; swatch?: string }[];
  /**
   * A dashed line down the plot at `value` on `scale`, labelled in `row` beside it, e.g. the all-India rate:
   * { scale: 'x2', value: 82.68, labels: [['All India: about 82.7'], ['All India:', 'about 82.7']], row: 3, color: 'var(--chart-muted)' }.
   * The label's alternatives (lines), longest first: the first that fits on the line's right, before the next
   * panel or the drawing's edge; else the first that fits on its left; else the last, on its right.
   */
  references: { scale: string; value: number; labels: string[][]; row: number; color: string }[];
  /**
   * Words in a category's row where a panel has no bar for it, from the panel's start, e.g. "not in the source's
   * top ten". Alternatives as lines, longest first: the first whose lines fit before the next panel (or the
   * drawing's edge) is drawn; if none fits, the last, in a smaller size.
   */
  notes: { scale: string; index: number; texts: string[][]; color: string }[];
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    /** The report's precomputed texts; see src/charts/behaviour.ts. */
    report?: ReportOptions;
  }
}

/** The frame's geometry, shared by the config (space to leave) and the plugin (where to draw). */
export const FRAME = {
  margin: 24,
  titleSize: 26,
  titleLine: 36,
  takeawaySize: 17,
  takeawayLine: 26,
  gapBelowTakeaway: 18,
  footerSize: 13,
  footerLine: 20,
  gapAboveFooter: 18,
} as const;

/** Space the frame takes above and below the plot, in CSS pixels. */
export function frameSpace(frame: FrameSpec): { top: number; bottom: number } {
  return {
    top: FRAME.margin + FRAME.titleLine + frame.takeaway.length * FRAME.takeawayLine + FRAME.gapBelowTakeaway,
    bottom: FRAME.gapAboveFooter + (frame.footer.length + 1) * FRAME.footerLine + FRAME.margin,
  };
}

/** Height of the series keys' row above the plot. */
export const KEYS_ROW = 26;
/** Gap between a bar and its outside label, and the least padding around an inside label. */
export const LABEL_GAP = 5;

function font(size: number, family: string, bold = false): string {
  return `${bold ? 'bold ' : ''}${size}px ${family}`;
}

/** Draws `text` at (x, y), shrinking the font if the text is wider than `maxWidth` (a long takeaway on a narrow PNG). */
function fitText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth: number, size: number, family: string, bold = false): void {
  ctx.font = font(size, family, bold);
  const width = ctx.measureText(text).width;
  if (width > maxWidth) ctx.font = font(Math.floor((size * maxWidth) / width), family, bold);
  ctx.fillText(text, x, y);
}

/** The plugin that draws what Chart.js has no option for. One per chart, holding that chart's texts. */
function reportPlugin(report: ReportOptions): Plugin<'bar'> {
  const { family, size } = report.font;
  return {
    id: 'reportDraw',
    beforeDatasetsDraw(chart: Chart<'bar'>) {
      // Under the bars, so a bar that passes a reference line stays whole.
      if (report.annotations) drawReferenceLines(chart, report, report.annotations);
    },
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const ctx = chart.ctx;
      if (report.tileMap) drawTileMarks(chart, report.tileMap, font(size, family));
      for (const spec of report.valueLabels ?? []) {
        const meta = chart.getDatasetMeta(spec.dataset);
        if (meta.hidden) continue;
        ctx.save();
        ctx.font = font(size, family, spec.bold);
        ctx.fillStyle = spec.color;
        ctx.textBaseline = 'middle';
        meta.data.forEach((element, index) => {
          const { x, y, base, height } = element.getProps(['x', 'y', 'base', 'height'], true) as {
            x: number;
            y: number;
            base: number;
            height: number;
          };
          const texts = spec.texts[index] ?? [];
          const left = Math.min(x, base);
          const right = Math.max(x, base);
          if (spec.placement === 'outside') {
            const text = texts[0];
            if (text === undefined) return;
            ctx.textAlign = 'left';
            if (spec.halo) knockOut(ctx, text, right + LABEL_GAP, y, size, spec.halo);
            ctx.fillText(text, right + LABEL_GAP, y);
            return;
          }
          // Inside: the first alternative that fits, or nothing (the tooltip and the table still have it).
          const text = texts.find((candidate) => ctx.measureText(candidate).width + 2 * LABEL_GAP <= right - left);
          if (text === undefined || height < size) return;
          ctx.textAlign = 'center';
          ctx.fillText(text, (left + right) / 2, y);
        });
        ctx.restore();
      }
    },
    afterDraw(chart: Chart<'bar'>) {
      const ctx = chart.ctx;
      const area = chart.chartArea;
      if (report.keys?.length) {
        ctx.save();
        ctx.font = font(size, family);
        ctx.textBaseline = 'middle';
        const y = area.top - KEYS_ROW / 2;
        const swatch = Math.round(size * 0.8);
        for (const key of report.keys) {
          const textWidth = ctx.measureText(key.text).width;
          const start = key.align === 'start' ? area.left : area.right - swatch - 6 - textWidth;
          ctx.fillStyle = key.color;
          ctx.fillRect(start, y - swatch / 2, swatch, swatch);
          ctx.fillStyle = report.colors.text;
          ctx.textAlign = 'left';
          ctx.fillText(key.text, start + swatch + 6, y);
        }
        ctx.restore();
      }
      if (report.tileMap) drawTileLegend(chart, report.tileMap, font(size, family));
      if (report.annotations) drawAnnotations(chart, report, report.annotations);
      if (report.frame) drawFrame(chart, report);
    },
  };
}

/** Where a row of text above the plot starts and how tall it is: below the PNG's title and takeaway, if any. */
function rowBox(report: ReportOptions, annotations: Annotations, row: number): { top: number; height: number } {
  const frameTop = report.frame ? frameSpace(report.frame).top : 0;
  const above = annotations.rows.slice(0, row).reduce((sum, height) => sum + height, 0);
  return { top: frameTop + above, height: annotations.rows[row] ?? 0 };
}

/** The horizontal span a panel's texts may take: from the end of the panel on its left (or the drawing's edge) to the start of the next. */
function panelSpan(chart: Chart<'bar'>, scaleId: string, report: ReportOptions): { start: number; end: number } {
  const margin = report.frame ? FRAME.margin : 0;
  const scale = chart.scales[scaleId];
  if (!scale) return { start: margin, end: chart.width - margin };
  const others = Object.values(chart.scales).filter((other) => other.isHorizontal() && other.id !== scaleId && other.options.display !== false);
  const next = others.filter((other) => other.left > scale.left).map((other) => other.left);
  const previous = others.filter((other) => other.right < scale.right).map((other) => other.right);
  return { start: Math.max(margin, ...previous) + LABEL_GAP, end: Math.min(chart.width - margin, ...next) - LABEL_GAP };
}

/**
 * Paints the page colour under a text about to be drawn (left-aligned or right-aligned at x, middle at y), so
 * a line behind it stops short of its letters. A filled box, not an outline of the letters: a stroked text
 * becomes a font without its outlines in the printed PDF.
 */
function knockOut(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, size: number, color: string): void {
  const width = ctx.measureText(text).width;
  const left = ctx.textAlign === 'right' ? x - width : x;
  ctx.save();
  ctx.fillStyle = color;
  ctx.fillRect(left - 2, y - size * 0.65, width + 4, size * 1.3);
  ctx.restore();
}

/** Lines of text, centred on `middle`, each over a box of `halo` so a line behind them leaves them legible. */
function haloLines(ctx: CanvasRenderingContext2D, lines: string[], x: number, middle: number, lineHeight: number, size: number, halo: string): void {
  lines.forEach((text, index) => {
    const y = middle + (index - (lines.length - 1) / 2) * lineHeight;
    knockOut(ctx, text, x, y, size, halo);
    ctx.fillText(text, x, y);
  });
}

function drawReferenceLines(chart: Chart<'bar'>, report: ReportOptions, annotations: Annotations): void {
  const ctx = chart.ctx;
  for (const line of annotations.references) {
    const scale = chart.scales[line.scale];
    if (!scale) continue;
    const x = Math.round(scale.getPixelForValue(line.value)) + 0.5;
    ctx.save();
    ctx.strokeStyle = line.color;
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    // From its label's row down through the plot.
    ctx.moveTo(x, rowBox(report, annotations, line.row).top + 2);
    ctx.lineTo(x, chart.chartArea.bottom);
    ctx.stroke();
    ctx.restore();
  }
}

/** The rows of text above the plot, the reference lines' labels, and the notes where a bar is absent. */
function drawAnnotations(chart: Chart<'bar'>, report: ReportOptions, annotations: Annotations): void {
  const ctx = chart.ctx;
  const { family, size } = report.font;
  const lineHeight = Math.round(size * 1.2);
  const widest = (lines: string[]) => Math.max(0, ...lines.map((text) => ctx.measureText(text).width));
  ctx.save();
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const item of annotations.texts) {
    const box = rowBox(report, annotations, item.row);
    const y = box.top + box.height / 2;
    let x = item.scale ? (chart.scales[item.scale]?.left ?? 0) : report.frame ? FRAME.margin : 0;
    if (item.swatch) {
      const swatch = Math.round(size * 0.8);
      ctx.fillStyle = item.swatch;
      ctx.fillRect(x, y - swatch / 2, swatch, swatch);
      x += swatch + 6;
    }
    ctx.font = font(size, family, item.bold);
    ctx.fillStyle = report.colors.text;
    ctx.fillText(item.text, x, y);
  }
  ctx.font = font(size, family);
  ctx.fillStyle = report.colors.text;
  for (const line of annotations.references) {
    const scale = chart.scales[line.scale];
    if (!scale) continue;
    const x = scale.getPixelForValue(line.value);
    const box = rowBox(report, annotations, line.row);
    const span = panelSpan(chart, line.scale, report);
    const right = line.labels.find((lines) => x + LABEL_GAP + widest(lines) <= span.end);
    const left = right ? undefined : line.labels.find((lines) => x - LABEL_GAP - widest(lines) >= span.start);
    const lines = right ?? left ?? line.labels.at(-1) ?? [];
    ctx.textAlign = left ? 'right' : 'left';
    haloLines(ctx, lines, left ? x - LABEL_GAP : x + LABEL_GAP, box.top + box.height / 2, lineHeight, size, annotations.halo);
  }
  ctx.textAlign = 'left';
  for (const note of annotations.notes) {
    const scale = chart.scales[note.scale];
    const categories = chart.scales['y'];
    if (!scale || !categories) continue;
    const x = scale.left + LABEL_GAP;
    const room = panelSpan(chart, note.scale, report).end - x;
    ctx.font = font(size, family);
    const fits = note.texts.find((lines) => widest(lines) <= room);
    const smaller = Math.max(size - 2, 9);
    if (!fits) ctx.font = font(smaller, family);
    ctx.fillStyle = note.color;
    haloLines(ctx, fits ?? note.texts.at(-1) ?? [], x, categories.getPixelForValue(note.index), Math.round((fits ? size : smaller) * 1.2), fits ? size : smaller, annotations.halo);
  }
  ctx.restore();
}

/** Title and takeaway above the plot; a rule, the source lines and the address below it. */
function drawFrame(chart: Chart<'bar'>, report: ReportOptions): void {
  const frame = report.frame;
  if (!frame) return;
  const { family } = report.font;
  const { text, muted, rule } = report.colors;
  const ctx = chart.ctx;
  const { width, height } = chart;
  const inner = width - 2 * FRAME.margin;
  ctx.save();
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = text;
  let y = FRAME.margin + FRAME.titleLine / 2;
  fitText(ctx, frame.title, FRAME.margin, y, inner, FRAME.titleSize, family, true);
  y += FRAME.titleLine / 2 + FRAME.takeawayLine / 2;
  for (const line of frame.takeaway) {
    fitText(ctx, line, FRAME.margin, y, inner, FRAME.takeawaySize, family);
    y += FRAME.takeawayLine;
  }
  const lines = [...frame.footer, frame.address];
  let footerY = height - FRAME.margin - lines.length * FRAME.footerLine;
  ctx.strokeStyle = rule;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(FRAME.margin, footerY - FRAME.gapAboveFooter / 2);
  ctx.lineTo(width - FRAME.margin, footerY - FRAME.gapAboveFooter / 2);
  ctx.stroke();
  lines.forEach((line, index) => {
    ctx.fillStyle = index === lines.length - 1 ? text : muted;
    fitText(ctx, line, FRAME.margin, footerY + FRAME.footerLine / 2, inner, FRAME.footerSize, family, index === lines.length - 1);
    footerY += FRAME.footerLine;
  });
  ctx.restore();
}

/** Widest outside label, so the value axis leaves room for it after the longest bar. */
function outsideLabelWidth(scale: Scale, report: ReportOptions): number {
  const ctx = scale.ctx;
  let widest = 0;
  ctx.save();
  for (const spec of report.valueLabels ?? []) {
    if (spec.placement !== 'outside') continue;
    ctx.font = font(report.font.size, report.font.family, spec.bold);
    for (const texts of spec.texts) if (texts[0]) widest = Math.max(widest, ctx.measureText(texts[0]).width);
  }
  ctx.restore();
  return widest === 0 ? 0 : widest + LABEL_GAP + 2;
}

type ScaleOptions = Record<string, unknown> & { ticks?: Record<string, unknown> };

/**
 * The config Chart.js can draw: a deep copy of the JSON config with the report's callbacks and
 * plugin attached. A config without `options.plugins.report` comes back as a plain copy.
 */
export function withBehaviour(config: ChartConfiguration<'bar'>): ChartConfiguration<'bar'> {
  const copy = structuredClone(config);
  // Chart.js types every option as deep-partial; the report's options are whole, since our configs write them.
  const report = copy.options?.plugins?.report as ReportOptions | undefined;
  if (!copy.options || !report) return copy;
  const scales = (copy.options.scales ?? {}) as Record<string, ScaleOptions>;

  for (const axis of Object.keys(report.ticks ?? {})) {
    const spec = report.ticks?.[axis];
    const scale = scales[axis];
    if (!spec || !scale) continue;
    // Our own tick values (not Chart.js's), so each has a label from the formatter.
    scale['afterBuildTicks'] = (built: Scale) => {
      built.ticks = spec.values.map((value) => ({ value }));
    };
    scale.ticks = {
      ...scale.ticks,
      callback: (value: number | string) => spec.labels[spec.values.indexOf(Number(value))] ?? '',
    };
  }

  const valueAxis = scales['x'];
  if (valueAxis && report.valueLabels?.some((spec) => spec.placement === 'outside')) {
    // Chart.js lets the layout padding and an axis's own padding overlap (it takes the larger), so
    // the room for the labels is added to the layout's right padding to keep both.
    const padding = copy.options.layout?.padding as { right?: unknown } | number | undefined;
    const layoutRight = typeof padding === 'number' ? padding : typeof padding?.right === 'number' ? padding.right : 0;
    valueAxis['afterFit'] = (scale: Scale) => {
      scale.paddingRight = Math.max(scale.paddingRight, layoutRight + outsideLabelWidth(scale, report));
    };
  }

  const emphasis = report.emphasis;
  const categoryTicks = scales['y']?.ticks;
  if (emphasis && categoryTicks) {
    const baseFont = categoryTicks['font'] as Record<string, unknown>;
    const baseColor = categoryTicks['color'];
    const emphasised = new Set([emphasis.index].flat());
    categoryTicks['font'] = (context: { index: number }) => (emphasised.has(context.index) ? { ...baseFont, weight: 'bold' } : baseFont);
    categoryTicks['color'] = (context: { index: number }) => (emphasised.has(context.index) ? emphasis.color : baseColor);
  }

  copy.plugins = [...(copy.plugins ?? []), reportPlugin(report)];
  return copy;
}

/**
 * A tile map: one equal square per place at its column and row of a grid (e.g. content/data/tile-layout.csv),
 * a short label on each tile, and beside or below the grid a legend: the shaded classes as a strip with their
 * breaks, and a key for the tiles without a value (hatched). No boundaries are drawn.
 *
 * The configuration is a Chart.js scatter chart on hidden axes: one square point per tile (pointStyle 'rect'),
 * with the chart area made exactly the grid. So each tile is a data element with a tooltip line: it gets a hit
 * region the size of the tile (src/charts/build.ts) and keyboard access like a bar, read row by row. The
 * hatching, labels and legend are drawn by ./tile-draw.ts from the precomputed JSON made here. Every text arrives
 * already formatted and translated.
 */
import type { ChartConfiguration } from 'chart.js';
import type { ReportOptions } from './behaviour.ts';
import { NARROW_BELOW, chartBase, wrapText } from './common.ts';
import { measureText } from './render/textMetrics.ts';
import type { LegendSwatch, LegendText, TileMapDraw } from './tile-draw.ts';
import type { ChartContext } from './types.ts';

/** Space between neighbouring tiles, in px. */
export const TILE_GAP = 2;
/** The least space between a tile's label and the tile's edges, in px. */
export const LABEL_INSET = 3;
/** On a wide drawing the grid takes this share of the width, and the legend stands beside it. */
const GRID_SHARE = 0.64;
/** Between the grid and the legend: across on a wide drawing, down on a narrow one. */
const LEGEND_GAP = { wide: 24, narrow: 16 } as const;
/** Above and below everything. */
const MARGIN = 4;

/** The grid's size in tiles, e.g. { columns: 8, rows: 8 }. */
export interface GridSize {
  columns: number;
  rows: number;
}

/** Where the grid and the legend go in a drawing `width` wide (y from the drawing's top, before any PNG frame). */
export interface TileGeometry {
  narrow: boolean;
  /** From one tile's centre to the next, in px. */
  pitch: number;
  /** A tile's side, in px. */
  tile: number;
  grid: { x: number; y: number; width: number; height: number };
  legend: { x: number; y: number; width: number };
}

/**
 * The grid fills a narrow drawing's width (340 px and 8 columns: tiles about 40 px) with the legend below; on a
 * wide one it takes about two thirds of the width (680 px: 52 px tiles) with the legend to its right. `side` is
 * the PNG frame's margin, which a narrow drawing never has.
 */
export function tileGeometry(width: number, size: GridSize, side = 0): TileGeometry {
  const narrow = width < NARROW_BELOW;
  const pitch = narrow ? (width - 2 * side) / size.columns : Math.floor((width * GRID_SHARE) / size.columns);
  const grid = { x: side, y: MARGIN, width: pitch * size.columns, height: pitch * size.rows };
  const besideX = grid.x + grid.width + LEGEND_GAP.wide;
  const legend = narrow
    ? { x: side, y: grid.y + grid.height + LEGEND_GAP.narrow, width: width - 2 * side }
    : { x: besideX, y: grid.y, width: width - side - besideX };
  return { narrow, pitch, tile: pitch - TILE_GAP, grid, legend };
}

/** Whether `label` fits inside a tile of side `tile` at `size` px, with LABEL_INSET to spare on each side. */
export function labelFits(label: string, tile: number, size: number): boolean {
  return measureText({ style: 'normal', weight: 400, size }, label).width <= tile - 2 * LABEL_INSET;
}

/**
 * What the legend says, already formatted: e.g. { title: 'Consultations per 1,000 people (2011 census)',
 * fills: ['var(--chart-map-1)', ...], breaks: ['3.6', '7.9', '17.5', '38.6', '85.2'],
 * noData: { text: "not in the source's top ten", fill: 'var(--chart-nodata)', line: 'var(--chart-nodata-line)' },
 * text: 'var(--chart-text)' }
 */
export interface LegendContent {
  title: string;
  /** The classes' fills, lowest first. */
  fills: string[];
  /** The classes' breaks as the formatter writes them: one more than the fills. */
  breaks: string[];
  noData: { text: string; fill: string; line: string };
  /** The colour of its texts. */
  text: string;
}

/** Line height of the legend's texts at font `size`: room for Devanagari's marks above and below. */
const lineHeight = (size: number) => Math.round(size * 1.55);
/** Hatching: a line every 4.5th of a tile's side along its edges (6 px apart on a 40 px tile), as dense on the legend's key. */
export const hatchStep = (tile: number) => Math.round((tile / 4.5) * 10) / 10;

/**
 * The legend laid out from (x, y) in `width` px at font `size`: the title (wrapped), a strip of the classes'
 * swatches with each break written under its edge (the first and last flush with the strip's ends), and the
 * key of the tiles without a value. The same layout gives the drawing's height and what the plugin draws.
 */
export function legendLayout(content: LegendContent, box: { x: number; y: number; width: number }, size: number, step: number) {
  const line = lineHeight(size);
  const swatches: LegendSwatch[] = [];
  const texts: LegendText[] = [];
  let y = box.y;
  // A parenthesis stays on one line: '(2011 census)' / '(जनगणना 2011)' is not broken after its first word.
  const title = content.title.replace(/\([^)]*\)/g, (group) => group.replace(/ /g, '\u00A0'));
  for (const text of wrapText(title, box.width, size)) {
    texts.push({ text, x: box.x, y: y + line / 2, align: 'left', color: content.text });
    y += line;
  }
  y += 4;
  // The strip, at most as wide as the legend less room for the last break's overhang.
  const strip = Math.min(box.width - size, content.fills.length * Math.round(size * 4.5));
  const swatchWidth = strip / Math.max(1, content.fills.length);
  const swatchHeight = size + 1;
  content.fills.forEach((fill, index) => swatches.push({ x: box.x + index * swatchWidth, y, width: swatchWidth, height: swatchHeight, fill }));
  y += swatchHeight + 2;
  content.breaks.forEach((text, index) => {
    const last = content.breaks.length - 1;
    const align = index === 0 ? 'left' : index === last ? 'right' : 'center';
    texts.push({ text, x: box.x + index * swatchWidth, y: y + line / 2, align, color: content.text });
  });
  y += line + Math.round(size * 0.8);
  const key = Math.round(size * 1.6);
  const keyText = wrapText(content.noData.text, box.width - key - 8, size);
  const keyHeight = Math.max(key, keyText.length * line);
  swatches.push({
    x: box.x,
    y: y + (keyHeight - key) / 2,
    width: key,
    height: key,
    fill: content.noData.fill,
    outline: content.noData.line,
    hatch: { color: content.noData.line, step },
  });
  keyText.forEach((text, index) => texts.push({ text, x: box.x + key + 8, y: y + (keyHeight - keyText.length * line) / 2 + line * (index + 0.5), align: 'left', color: content.text }));
  y += keyHeight;
  return { swatches, texts, height: y - box.y };
}

/**
 * The drawing's height at `width`: the grid and the legend, below or beside it. The tallest of `legends` counts
 * (a chart has one height in both languages, whose legends wrap differently).
 */
export function tileMapHeight(width: number, size: GridSize, legends: LegendContent[], fontSize: number): number {
  const geometry = tileGeometry(width, size);
  const legend = Math.max(...legends.map((content) => legendLayout(content, geometry.legend, fontSize, hatchStep(geometry.tile)).height));
  const body = geometry.narrow ? geometry.grid.height + LEGEND_GAP.narrow + legend : Math.max(geometry.grid.height, legend);
  return Math.ceil(MARGIN + body + MARGIN);
}

/** One tile: its place, its fill, its label and the label's colour; `hatched` for a tile without a value. */
export interface TileSpec {
  column: number;
  row: number;
  fill: string;
  label: string;
  labelColor: string;
  /** Hatched and outlined in `legend.noData.line`: a tile without a value. */
  hatched: boolean;
}

/** Everything that differs between tile maps. */
export interface TileMapSpec {
  context: ChartContext;
  size: GridSize;
  /** The drawing's height at `context.width`, without a PNG frame (the module's height()). */
  height: number;
  /** One per tile, in the order of the tooltips' titles and lines. */
  tiles: TileSpec[];
  legend: LegendContent;
  tooltips: NonNullable<ReportOptions['tooltips']>;
}

/** A tile map as plain JSON, in the look of the report's other charts (fonts, colours as CSS variables, PNG frame). */
export function tileMapConfig(spec: TileMapSpec): ChartConfiguration<'bar'> {
  const { width } = spec.context;
  const { size, frame, side, report: base } = chartBase(width, spec.context.frame);
  const geometry = tileGeometry(width, spec.size, side);
  const half = geometry.tile / 2;
  const top = frame.top + geometry.grid.y;
  const step = hatchStep(geometry.tile);
  const legend = legendLayout(spec.legend, { ...geometry.legend, y: geometry.legend.y + frame.top }, size, step);
  const tileMap: TileMapDraw = {
    dataset: 0,
    half,
    size,
    labels: spec.tiles.map((tile) => tile.label),
    labelColors: spec.tiles.map((tile) => tile.labelColor),
    hatched: spec.tiles.flatMap((tile, index) => (tile.hatched ? [index] : [])),
    hatch: { color: spec.legend.noData.line, step },
    plate: spec.legend.noData.fill,
    legend: { swatches: legend.swatches, texts: legend.texts },
  };
  const report: ReportOptions = { ...base, tooltips: spec.tooltips, readingOrder: 'rows', tileMap };
  const axis = (count: number) => ({ type: 'linear', display: false, min: -0.5, max: count - 0.5 });
  const config = {
    type: 'scatter',
    data: {
      datasets: [
        {
          data: spec.tiles.map((tile) => ({ x: tile.column, y: tile.row })),
          showLine: false,
          pointStyle: 'rect',
          // A 'rect' point is the square inscribed in its radius: this radius draws a square `tile` px wide.
          pointRadius: half * Math.SQRT2,
          pointHoverRadius: half * Math.SQRT2,
          pointHitRadius: 0,
          pointBackgroundColor: spec.tiles.map((tile) => tile.fill),
          pointBorderColor: spec.tiles.map((tile) => (tile.hatched ? spec.legend.noData.line : tile.fill)),
          pointBorderWidth: spec.tiles.map((tile) => (tile.hatched ? 1 : 0)),
        },
      ],
    },
    options: {
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      // The chart area is the grid: tile (column, row) is centred at column and row on the hidden axes. No
      // automatic padding: Chart.js would add room around the outermost points, which are the tiles themselves.
      layout: {
        autoPadding: false,
        padding: {
          top,
          left: geometry.grid.x,
          right: width - geometry.grid.x - geometry.grid.width,
          bottom: spec.height + frame.top + frame.bottom - top - geometry.grid.height,
        },
      },
      scales: { x: axis(spec.size.columns), y: { ...axis(spec.size.rows), reverse: true } },
      plugins: {
        legend: { display: false },
        title: { display: false },
        // The page's own tooltips show report.tooltips (src/components/chart-tooltips.ts), not Chart.js's.
        tooltip: { enabled: false },
        report,
      },
    },
  };
  return config as unknown as ChartConfiguration<'bar'>;
}

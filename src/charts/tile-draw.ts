/**
 * What the report's plugin draws on a tile map beyond the tiles themselves (which Chart.js draws as square
 * points): the hatching of tiles that have no value, each tile's label, and the legend. Everything arrives
 * precomputed as plain JSON in `options.plugins.report.tileMap` (./tile-map.ts makes it); only the tiles'
 * centres are read from the laid-out chart, so labels and hatching sit on the tiles Chart.js drew. (Charts are
 * typed as Chart.js bar charts throughout, as in ./timeline.ts; the renderer draws whatever type a config names.)
 *
 * Hatching is drawn as lines, not a canvas pattern: the SVG recording context has no patterns, and lines
 * print and survive greyscale as they are.
 */
import type { Chart } from 'chart.js';

/** A rectangle of the legend: a class's swatch, or the key of the tiles without a value (hatched and outlined as they are). */
export interface LegendSwatch {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  outline?: string;
  hatch?: Hatch;
}

/** A text of the legend, vertically centred on `y`. */
export interface LegendText {
  text: string;
  x: number;
  y: number;
  align: 'left' | 'center' | 'right';
  color: string;
}

/** Diagonal lines ('/') `step` px apart along each edge, in `color`. */
export interface Hatch {
  color: string;
  step: number;
}

/**
 * Everything drawn on and beside the tiles, e.g. { dataset: 0, half: 20.25, size: 13, labels: ['जक', 'लद्दा.', ...],
 * labelColors: ['var(--chart-text)', ...], hatched: [0, 1, 2], hatch: { color: 'var(--chart-nodata-line)', step: 9 },
 * plate: 'var(--chart-nodata)', legend: { swatches: [...], texts: [...] } }
 */
export interface TileMapDraw {
  /** The dataset whose points are the tiles, one point per tile. */
  dataset: number;
  /** Half the side of a tile, in px. */
  half: number;
  /** The labels' font size, in px. */
  size: number;
  /** Each tile's label (by point index), centred on it, and its colour (chosen for contrast with the tile's fill). */
  labels: string[];
  labelColors: string[];
  /** The tiles (point indexes) drawn hatched: those with no value. */
  hatched: number[];
  hatch: Hatch;
  /** The fill of the hatched tiles, laid behind their labels so the hatching does not cross the letters. */
  plate: string;
  legend: { swatches: LegendSwatch[]; texts: LegendText[] };
}

/** Adds to the current path the hatching lines of the rectangle (x0, y0)–(x1, y1): lines x + y = c, `step` apart. */
function hatchLines(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number, step: number): void {
  for (let c = x0 + y0 + step; c < x1 + y1 - step / 2; c += step) {
    const startX = Math.max(x0, c - y1);
    const endX = Math.min(x1, c - y0);
    ctx.moveTo(startX, c - startX);
    ctx.lineTo(endX, c - endX);
  }
}

/** Strokes `boxes`' hatching as one path (one SVG element), one pixel wide. */
function hatch(ctx: CanvasRenderingContext2D, boxes: [number, number, number, number][], style: Hatch): void {
  if (boxes.length === 0) return;
  ctx.save();
  ctx.strokeStyle = style.color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const [x0, y0, x1, y1] of boxes) hatchLines(ctx, x0, y0, x1, y1, style.step);
  ctx.stroke();
  ctx.restore();
}

/** After the tiles: the hatching of tiles without a value, then every tile's label. */
export function drawTileMarks(chart: Chart<'bar'>, spec: TileMapDraw, font: string): void {
  const meta = chart.getDatasetMeta(spec.dataset);
  const ctx = chart.ctx;
  const centre = (index: number) => meta.data[index]?.getProps(['x', 'y'], true) as { x: number; y: number } | undefined;
  const boxes = spec.hatched.flatMap((index): [number, number, number, number][] => {
    const at = centre(index);
    return at ? [[at.x - spec.half, at.y - spec.half, at.x + spec.half, at.y + spec.half]] : [];
  });
  hatch(ctx, boxes, spec.hatch);
  ctx.save();
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  // A plate of the tile's own fill behind a hatched tile's label: the label reads as on any other tile.
  const plateHeight = Math.round(spec.size * 1.5);
  ctx.fillStyle = spec.plate;
  for (const index of spec.hatched) {
    const at = centre(index);
    const text = spec.labels[index];
    if (!at || !text) continue;
    const width = Math.min(ctx.measureText(text).width + 6, 2 * spec.half);
    ctx.fillRect(at.x - width / 2, at.y - plateHeight / 2, width, plateHeight);
  }
  spec.labels.forEach((text, index) => {
    const at = centre(index);
    if (!at || !text) return;
    ctx.fillStyle = spec.labelColors[index] ?? '';
    ctx.fillText(text, at.x, at.y);
  });
  ctx.restore();
}

/** The legend: swatches (the no-data key hatched and outlined), then its texts. */
export function drawTileLegend(chart: Chart<'bar'>, spec: TileMapDraw, font: string): void {
  const ctx = chart.ctx;
  const { swatches, texts } = spec.legend;
  ctx.save();
  for (const swatch of swatches) {
    ctx.fillStyle = swatch.fill;
    ctx.fillRect(swatch.x, swatch.y, swatch.width, swatch.height);
  }
  for (const swatch of swatches) {
    if (swatch.hatch) hatch(ctx, [[swatch.x, swatch.y, swatch.x + swatch.width, swatch.y + swatch.height]], swatch.hatch);
    if (swatch.outline) {
      ctx.strokeStyle = swatch.outline;
      ctx.lineWidth = 1;
      ctx.strokeRect(swatch.x, swatch.y, swatch.width, swatch.height);
    }
  }
  ctx.font = font;
  ctx.textBaseline = 'middle';
  for (const text of texts) {
    ctx.fillStyle = text.color;
    ctx.textAlign = text.align;
    ctx.fillText(text.text, text.x, text.y);
  }
  ctx.restore();
}

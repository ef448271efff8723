/**
 * Build-time rendering of Chart.js 4 configurations to SVG (recorded through
 * {@link SvgContext}) and to PNG (drawn by @napi-rs/canvas), without a DOM.
 * The module knows nothing about what the charts show.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import {
  ArcElement,
  BarController,
  BarElement,
  BasicPlatform,
  CategoryScale,
  Chart,
  DoughnutController,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  LogarithmicScale,
  PieController,
  PointElement,
  ScatterController,
  Title,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { resolveVarsInString, type Palette } from './color.ts';
import { CANVAS_LANG, CHART_FONT_FAMILY, registerChartFonts } from './fonts.ts';
import { canvasFontString, parseFont } from './fontSpec.ts';
import { SvgContext } from './svgContext.ts';
import { fmt } from './xml.ts';

/** Options shared by {@link renderSvg} and {@link renderPng}. */
export interface RenderOptions {
  /** Chart width in CSS pixels (the SVG viewBox width). */
  width: number;
  /** Chart height in CSS pixels. */
  height: number;
  /** CSS custom property name without `--` → fallback colour for `var(--name)` colours. */
  palette: Record<string, string>;
  /** Colour painted under the chart (both outputs); transparent when omitted. May be `var(--name)`. */
  background?: string;
  /** SVG only: accessible name (adds role="img" and aria-label). */
  label?: string;
  /** SVG only: prefix for clip-path ids (default: derived from a hash of the SVG). */
  idPrefix?: string;
}

/** {@link RenderOptions} for {@link renderSvg} and {@link elementBoxes}: what to report besides the drawing. */
export interface SvgRenderOptions extends RenderOptions {
  /** Also return the box of every drawn data element ({@link ElementBox}), from the same layout. */
  withHitBoxes?: boolean;
  /**
   * Half the side of a point's box: at least this, else the point's own radius + hitRadius (what Chart.js
   * itself counts as "on the point"). A pointer target a finger can hit wants ~12 (a 24 px square).
   */
  minPointHitRadius?: number;
}

/**
 * Where one data element was drawn, in the drawing's CSS pixels (the SVG's viewBox units): a bar's
 * rectangle (horizontal or vertical, stacked segments each their own), or a square around a point.
 * Rounded to 2 decimals, like the SVG, so the same input always gives the same numbers.
 */
export interface ElementBox {
  datasetIndex: number;
  /** The element's index in its dataset (the category's or the data point's). */
  index: number;
  /** 'bar' or 'point'. */
  kind: 'bar' | 'point';
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The SVG and the boxes of its data elements. */
export interface SvgWithBoxes {
  svg: string;
  boxes: ElementBox[];
}

/** {@link RenderOptions} plus the PNG pixel ratio. */
export interface PngRenderOptions extends RenderOptions {
  /** Device pixel ratio of the PNG; the image is width·scale × height·scale pixels. Default 2. */
  scale?: number;
}

let registered = false;

/**
 * Registers the Chart.js pieces the renderer supports. Tooltip is left out on
 * purpose: a static image has no pointer, and BasicPlatform delivers no events.
 */
function registerChartJs(): void {
  if (registered) return;
  Chart.register(
    BarController,
    LineController,
    ScatterController,
    DoughnutController,
    PieController,
    BarElement,
    LineElement,
    PointElement,
    ArcElement,
    LinearScale,
    LogarithmicScale,
    CategoryScale,
    Title,
    Legend,
    Filler,
  );
  registered = true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function deepMap<T>(value: T, mapString: (s: string) => string): T {
  if (typeof value === 'string') return mapString(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => deepMap(v, mapString)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = deepMap(v, mapString);
    return out as T;
  }
  // Functions (scriptable options, plugin hooks), class instances and primitives stay as they are.
  return value;
}

/**
 * Deep copy of `config` (plain objects and arrays) in which every `var(--name)`
 * inside a string is replaced by `palette[name]` (or the var()'s own fallback).
 * Functions and class instances are kept by reference, so scriptable options
 * keep working; colours they return are resolved later by the PNG context.
 * @throws if a var() has neither a palette entry nor an inline fallback.
 */
export function resolveCssVars<T>(config: T, palette: Palette): T {
  return deepMap(config, (s) => resolveVarsInString(s, palette));
}

function checkSize(options: RenderOptions): void {
  const { width, height } = options;
  if (!(Number.isFinite(width) && width > 0 && Number.isFinite(height) && height > 0)) {
    throw new RangeError(`Chart size must be positive and finite, got ${width}×${height}`);
  }
}

/** Paints the background before anything else (Chart.js clears the canvas just before its beforeDraw hook). */
function backgroundPlugin(color: string): Plugin {
  return {
    id: 'renderBackground',
    beforeDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
  };
}

/**
 * The config Chart.js gets: a private deep copy (Chart.js patches data arrays
 * and writes into options) with the static-rendering settings forced.
 */
function prepare(config: ChartConfiguration, options: RenderOptions, dpr: number): ChartConfiguration {
  const copy = deepMap(config, (s) => s);
  const plugins = [...(copy.plugins ?? [])];
  if (options.background !== undefined) plugins.unshift(backgroundPlugin(options.background));
  return {
    ...copy,
    options: {
      ...copy.options,
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      devicePixelRatio: dpr,
      events: [],
    },
    plugins,
    platform: BasicPlatform,
  } as ChartConfiguration;
}

/**
 * Renders a Chart.js configuration to a standalone SVG string.
 *
 * The root element is `<svg xmlns viewBox="0 0 W H" class="chart-svg">` with no
 * width/height, so it scales with its container. Text stays text (one
 * `<text>` per fillText), `var(--name)` colours become classes whose rules in
 * the embedded `<style>` read the custom property with the palette colour as
 * fallback. The same input always gives the same bytes.
 *
 * With `withHitBoxes: true` it returns `{ svg, boxes }`: the drawing and, from the same layout,
 * where each data element lies ({@link elementBoxes}).
 */
export function renderSvg(config: ChartConfiguration, options: SvgRenderOptions & { withHitBoxes: true }): SvgWithBoxes;
export function renderSvg(config: ChartConfiguration, options: SvgRenderOptions): string;
export function renderSvg(config: ChartConfiguration, options: SvgRenderOptions): string | SvgWithBoxes {
  checkSize(options);
  registerChartJs();
  const canvas = {
    width: options.width,
    height: options.height,
    style: {} as Record<string, string>,
    getContext: (): SvgContext => ctx,
  };
  const ctx = new SvgContext(canvas, options.palette);
  // Chart.js only duck-types the canvas here: BasicPlatform calls getContext('2d').
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, prepare(config, options, 1));
  try {
    const svg = ctx.toSvg({
      width: options.width,
      height: options.height,
      label: options.label,
      idPrefix: options.idPrefix,
    });
    return options.withHitBoxes ? { svg, boxes: boxesOf(chart, options) } : svg;
  } finally {
    chart.destroy();
  }
}

/**
 * Lays the chart out once (as {@link renderSvg} draws it) and returns the box of every drawn data
 * element: bars (from x, y, base and thickness, horizontal or vertical) and points (a square of
 * 2 × hit radius around the centre, see {@link SvgRenderOptions.minPointHitRadius}; for an upright
 * 'rect' point, the square it draws, plus its hit radius), dataset by
 * dataset, in data order. Hidden datasets, skipped points (null values), points with neither radius
 * nor hit radius, and elements of other kinds (arcs, the line itself) have none. Boxes are clipped to the drawing.
 */
export function elementBoxes(config: ChartConfiguration, options: SvgRenderOptions): ElementBox[] {
  return renderSvg(config, { ...options, withHitBoxes: true }).boxes;
}

/** The boxes of a laid-out chart's data elements. */
function boxesOf(chart: Chart, options: SvgRenderOptions): ElementBox[] {
  const boxes: ElementBox[] = [];
  const clip = (datasetIndex: number, index: number, kind: ElementBox['kind'], x0: number, y0: number, x1: number, y1: number) => {
    if (![x0, y0, x1, y1].every(Number.isFinite)) return;
    const left = Math.max(0, Math.min(x0, x1));
    const right = Math.min(options.width, Math.max(x0, x1));
    const top = Math.max(0, Math.min(y0, y1));
    const bottom = Math.min(options.height, Math.max(y0, y1));
    if (right < left || bottom < top) return;
    const round = (n: number) => Number(fmt(n));
    const x = round(left);
    const y = round(top);
    boxes.push({ datasetIndex, index, kind, x, y, width: round(round(right) - x), height: round(round(bottom) - y) });
  };
  chart.data.datasets.forEach((_, datasetIndex) => {
    if (!chart.isDatasetVisible(datasetIndex)) return;
    chart.getDatasetMeta(datasetIndex).data.forEach((element, index) => {
      if (element instanceof BarElement) {
        const { x, y, base, width, height } = element.getProps(['x', 'y', 'base', 'width', 'height'], true) as Record<string, number>;
        // Chart.js's own bar bounds (getBarBounds): the value runs from base to x (horizontal) or y (vertical).
        if ((element as BarElement & { horizontal?: boolean }).horizontal) clip(datasetIndex, index, 'bar', base!, y! - height! / 2, x!, y! + height! / 2);
        else clip(datasetIndex, index, 'bar', x! - width! / 2, base!, x! + width! / 2, y!);
      } else if (element instanceof PointElement) {
        if ((element as PointElement & { skip?: boolean }).skip) return;
        const { x, y } = element.getProps(['x', 'y'], true) as Record<string, number>;
        const radius = element.options?.radius ?? 0;
        // An upright 'rect' point is a square inscribed in its radius (Chart.js's drawPoint): its box is that
        // square, so square tiles drawn as points get regions that are the tiles themselves.
        const square = element.options?.pointStyle === 'rect' && !element.options?.rotation;
        const own = (square ? radius * Math.SQRT1_2 : radius) + (element.options?.hitRadius ?? 0);
        // A point with neither radius nor hit radius is neither drawn nor meant to be pointed at.
        if (own <= 0) return;
        const r = Math.max(options.minPointHitRadius ?? 0, own);
        clip(datasetIndex, index, 'point', x! - r, y! - r, x! + r, y! + r);
      }
    });
  });
  return boxes;
}

/** Finds an accessor property on an object's prototype chain. */
function accessor(obj: object, name: string): PropertyDescriptor {
  for (let p: object | null = obj; p; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return d;
  }
  throw new Error(`@napi-rs/canvas context has no ${name} property`);
}

/**
 * Makes the Skia context behave like the SVG one: every font string is
 * rewritten to the bundled chart font (same measurement as the SVG), and
 * `var(--name)` colours, which Skia cannot parse, are resolved against the
 * palette, including colours set by scriptable options or plugins.
 */
function adaptContext(ctx: SKRSContext2D, palette: Palette): void {
  const font = accessor(ctx, 'font');
  Object.defineProperty(ctx, 'font', {
    configurable: true,
    get: () => font.get?.call(ctx) as string,
    set: (value: string) => {
      const spec = parseFont(String(value));
      if (!spec) return;
      font.set?.call(ctx, canvasFontString(spec));
      // Resizing the canvas (Chart.js does, for the pixel ratio) resets `lang` with the rest of
      // the state; every text operation is preceded by a font assignment, so re-pin it here.
      ctx.lang = CANVAS_LANG;
    },
  });
  for (const name of ['fillStyle', 'strokeStyle'] as const) {
    const d = accessor(ctx, name);
    Object.defineProperty(ctx, name, {
      configurable: true,
      get: () => d.get?.call(ctx) as unknown,
      set: (value: unknown) => d.set?.call(ctx, typeof value === 'string' ? resolveVarsInString(value, palette) : value),
    });
  }
  // Text drawn without a font assignment since the last reset would use the canvas default
  // (10px sans-serif, an installed font): route it through the font setter first.
  for (const name of ['fillText', 'strokeText', 'measureText'] as const) {
    const original = ctx[name] as (...args: unknown[]) => unknown;
    Object.defineProperty(ctx, name, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        if (!ctx.font.includes(CHART_FONT_FAMILY)) ctx.font = ctx.font;
        return original.apply(ctx, args);
      },
    });
  }
  ctx.lang = CANVAS_LANG;
}

/**
 * Renders a Chart.js configuration to PNG bytes at `scale` × the CSS size
 * (default 2), with the same font and layout as {@link renderSvg}.
 * Transparent unless `background` is given. Deterministic for a given input.
 */
export function renderPng(config: ChartConfiguration, options: PngRenderOptions): Buffer {
  checkSize(options);
  const scale = options.scale ?? 2;
  if (!(Number.isFinite(scale) && scale > 0)) throw new RangeError(`PNG scale must be positive, got ${scale}`);
  registerChartJs();
  registerChartFonts();
  const canvas = createCanvas(options.width, options.height);
  adaptContext(canvas.getContext('2d'), options.palette);
  const resolved = resolveCssVars(config, options.palette);
  const withBackground =
    options.background === undefined
      ? options
      : { ...options, background: resolveVarsInString(options.background, options.palette) };
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, prepare(resolved, withBackground, scale));
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}

/**
 * Renders the charts at build time: SVG for the page (two widths, with the regions that show
 * tooltips and their texts) and the standalone file, PNG for sharing. Each render is memoised for
 * the life of the build process, since the page, the routes and the embeds all ask for the same
 * drawings.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Lang } from '../format/format.ts';
import { frameSpace, withBehaviour, type ReportOptions } from './behaviour.ts';
import { chartFrame } from './common.ts';
import { chartById } from './index.ts';
import { CHART_PALETTE, cssVar } from './palette.ts';
import { renderPng, renderSvg, type ElementBox, type SvgWithBoxes } from './render/renderChart.ts';
import { escapeAttr, fmt } from './render/xml.ts';

/**
 * The two widths every chart is drawn at for the page. The narrow one is close to a phone's
 * column (a 320 px phone shows it at 85%, a 360 px phone almost 1:1), so labels stay readable;
 * the wide one is the page's column on a desktop.
 */
export const WIDTHS = { narrow: 340, wide: 680 } as const;
export type Variant = keyof typeof WIDTHS;

/** The PNG's CSS width; drawn at scale 2, so the image is 1600 px wide. */
export const PNG_WIDTH = 800;
export const PNG_SCALE = 2;

const memo = new Map<string, unknown>();
function once<T>(key: string, make: () => T): T {
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key) as T;
}

/** The chart's JSON config at a width: what the SVG is drawn from, and where its tooltips' texts are. */
export function chartConfig(id: string, lang: Lang, width: number): ChartConfiguration<'bar'> {
  return once(`config:${id}:${lang}:${width}`, () => chartById(id).config(lang, { width }));
}

/** Height of the chart's drawing at `width`. */
export function chartHeight(id: string, width: number): number {
  return chartById(id).height(width);
}

/**
 * Half the side of a point's hit square, in the drawing's pixels: a 24 px target (WCAG 2.2's minimum
 * target size) on a phone, where the narrow drawing shows at about 1:1.
 */
export const POINT_HIT_RADIUS = 12;
/** Points whose centres are closer than this (in both directions) share one region, with both texts. */
const MERGE_WITHIN = 8;
/**
 * The least width (or height) of a bar's region: a sliver of a stacked bar (a state's 0.5% of OPD is
 * 1 px) gets this much, taken from its neighbour, so a mouse or a finger can find it.
 */
export const MIN_BAR_HIT = 12;

/** The drawing at one of the two widths, and where its bars and points lie (from the same layout). */
function drawing(id: string, lang: Lang, variant: Variant): SvgWithBoxes {
  return once(`svg:${id}:${lang}:${variant}`, () => {
    const width = WIDTHS[variant];
    return renderSvg(withBehaviour(chartConfig(id, lang, width)), {
      width,
      height: chartHeight(id, width),
      palette: CHART_PALETTE,
      idPrefix: `${id}-${variant}`,
      withHitBoxes: true,
      minPointHitRadius: POINT_HIT_RADIUS,
    });
  });
}

/** The SVG as the renderer writes it, at one of the two widths: no background, so it sits on the page in light and dark mode. */
export function renderedSvg(id: string, lang: Lang, variant: Variant): string {
  return drawing(id, lang, variant).svg;
}

/** A region of the drawing that shows a tooltip: a box in viewBox units and the tooltip's text, lines joined with '\n'. */
export interface HitRegion {
  x: number;
  y: number;
  width: number;
  height: number;
  tip: string;
}

interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  kind: ElementBox['kind'];
  /** Where the element is (the middle of its box as drawn, before any cut): the region's place in reading order. */
  at: { x: number; y: number };
  /** The element's own width and height as drawn, before its region was widened or cut. */
  size: { x: number; y: number };
  /** What the tooltip says, per element under the region: its category's or date's title, and its own line. */
  items: { index: number; datasetIndex: number; title: string; line: string }[];
}

/** `region` grown about its element's middle to at least `least` across, inside the drawing (`width` x `height`). */
function atLeast(region: Region, least: number, width: number, height: number): Region {
  const grow = (from: number, to: number, limit: number): [number, number] => {
    if (to - from >= least) return [from, to];
    const start = Math.min(Math.max((from + to) / 2 - least / 2, 0), limit - least);
    return [start, start + least];
  };
  const [x0, x1] = grow(region.x0, region.x1, width);
  const [y0, y1] = grow(region.y0, region.y1, height);
  return { ...region, x0, x1, y0, y1 };
}

/** The tooltip's text: each title once, then its lines ('Andhra Pradesh\nAB-HWC: 1,23,456 (99.5%)'). */
function tipText(items: Region['items']): string {
  const lines: string[] = [];
  let title: string | undefined;
  for (const item of items) {
    if (item.title !== title && item.title) lines.push(item.title);
    title = item.title;
    lines.push(item.line);
  }
  return lines.join('\n');
}

/**
 * The regions of a drawing that show tooltips: one per bar (each stacked segment its own) or point that
 * has a tooltip line in the chart's precomputed texts (`options.plugins.report.tooltips`: the title of
 * its category or date, and its own line, both written by the formatter). Points that (nearly) coincide
 * share a region with both texts; points whose squares overlap split the overlap at the middle, so no
 * region covers another's element. In reading order: row by row for horizontal bars (and for a chart whose
 * `report.readingOrder` is 'rows', e.g. a tile map), else left to right (top to bottom within a date), which
 * is also the keyboard's order.
 */
export function chartHits(id: string, lang: Lang, variant: Variant): HitRegion[] {
  return once(`hits:${id}:${lang}:${variant}`, () => {
    const config = chartConfig(id, lang, WIDTHS[variant]);
    const tooltips = (config.options?.plugins?.report as ReportOptions | undefined)?.tooltips;
    if (!tooltips) return [];
    let regions: Region[] = drawing(id, lang, variant).boxes.flatMap((box) => {
      const line = tooltips.lines[box.datasetIndex]?.[box.index];
      if (!line || box.width <= 0 || box.height <= 0) return [];
      const title = tooltips.titles[box.index] ?? '';
      const item = { index: box.index, datasetIndex: box.datasetIndex, title, line };
      const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const size = { x: box.width, y: box.height };
      const region = { x0: box.x, y0: box.y, x1: box.x + box.width, y1: box.y + box.height, kind: box.kind, at, size, items: [item] };
      return [box.kind === 'bar' ? atLeast(region, MIN_BAR_HIT, WIDTHS[variant], chartHeight(id, WIDTHS[variant])) : region];
    });
    // Points drawn (almost) on top of each other: one region, both texts, in data order.
    for (let merged = true; merged; ) {
      merged = false;
      for (let i = 0; i < regions.length && !merged; i += 1)
        for (let j = i + 1; j < regions.length && !merged; j += 1) {
          const a = regions[i]!;
          const b = regions[j]!;
          if (a.kind !== 'point' || b.kind !== 'point') continue;
          if (Math.abs(a.at.x - b.at.x) >= MERGE_WITHIN || Math.abs(a.at.y - b.at.y) >= MERGE_WITHIN) continue;
          const union: Region = {
            x0: Math.min(a.x0, b.x0),
            y0: Math.min(a.y0, b.y0),
            x1: Math.max(a.x1, b.x1),
            y1: Math.max(a.y1, b.y1),
            kind: 'point',
            at: { x: (a.at.x + b.at.x) / 2, y: (a.at.y + b.at.y) / 2 },
            size: { x: Math.max(a.size.x, b.size.x), y: Math.max(a.size.y, b.size.y) },
            items: [...a.items, ...b.items].sort((p, q) => p.index - q.index || p.datasetIndex - q.datasetIndex),
          };
          regions = [...regions.slice(0, i), union, ...regions.slice(i + 1, j), ...regions.slice(j + 1)];
          merged = true;
        }
    }
    // Overlapping regions are cut between their elements, across the direction they lie farthest apart: points at
    // the middle between them, bars where the thinner one's region ends (it was widened to be found; equal ones
    // split the overlap). Cutting only shrinks, so a pair once apart stays apart: one pass leaves no overlap.
    for (let i = 0; i < regions.length; i += 1)
      for (let j = i + 1; j < regions.length; j += 1) {
        const a = regions[i]!;
        const b = regions[j]!;
        if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) <= 0 || Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) <= 0) continue;
        const horizontal = Math.abs(a.at.x - b.at.x) >= Math.abs(a.at.y - b.at.y);
        const [first, second] = (horizontal ? a.at.x <= b.at.x : a.at.y <= b.at.y) ? [a, b] : [b, a];
        const axis = horizontal ? 'x' : 'y';
        const overlapFrom = horizontal ? second.x0 : second.y0;
        const overlapTo = horizontal ? first.x1 : first.y1;
        const cut =
          first.kind !== 'bar' || second.kind !== 'bar'
            ? (first.at[axis] + second.at[axis]) / 2
            : first.size[axis] < second.size[axis]
              ? overlapTo
              : first.size[axis] > second.size[axis]
                ? overlapFrom
                : (overlapFrom + overlapTo) / 2;
        if (horizontal) {
          first.x1 = Math.min(first.x1, cut);
          second.x0 = Math.max(second.x0, cut);
        } else {
          first.y1 = Math.min(first.y1, cut);
          second.y0 = Math.max(second.y0, cut);
        }
      }
    const rows = readsInRows(config);
    const key = (r: Region) => (rows ? [r.at.y, r.at.x] : [r.at.x, r.at.y]);
    return regions
      .map((r) => ({ r, k: key(r) }))
      .sort((a, b) => a.k[0]! - b.k[0]! || a.k[1]! - b.k[1]!)
      .map(({ r }) => ({
        x: Number(fmt(r.x0)),
        y: Number(fmt(r.y0)),
        width: Number(fmt(r.x1 - r.x0)),
        height: Number(fmt(r.y1 - r.y0)),
        tip: tipText(r.items),
      }));
  });
}

/** Whether a chart's regions are read row by row: horizontal bars, and a chart that says so (a tile map). */
function readsInRows(config: ReturnType<typeof chartConfig>): boolean {
  const report = config.options?.plugins?.report as ReportOptions | undefined;
  return (report?.readingOrder ?? (config.options?.indexAxis === 'y' ? 'rows' : 'columns')) === 'rows';
}

/**
 * The hit regions as SVG: a `<g class="chart-hits">` of transparent rects, each with its tooltip in
 * `data-tip` (line breaks as &#10;, which survive both HTML and XML parsing). Hidden from assistive
 * technology: the figure's text alternative and data table give every value. With `rows`, the group says
 * `data-order="rows"`: the regions lie in rows, and the keyboard's Up and Down move between them.
 */
export function hitsGroup(regions: HitRegion[], { rows = false }: { rows?: boolean } = {}): string {
  if (regions.length === 0) return '';
  const rects = regions.map(
    (r) => `<rect x="${fmt(r.x)}" y="${fmt(r.y)}" width="${fmt(r.width)}" height="${fmt(r.height)}" data-tip="${escapeAttr(r.tip).replace(/\n/g, '&#10;')}"/>`,
  );
  return `<g class="chart-hits" fill="transparent" aria-hidden="true"${rows ? ' data-order="rows"' : ''}>${rects.join('')}</g>`;
}

/** The rules of an SVG's own `<style>`, one string each, e.g. '.chart-svg .f-chart-hwc{fill:var(--chart-hwc,#005a87)}'. */
export function svgStyleRules(svg: string): string[] {
  const css = /<style>([^<]*)<\/style>/.exec(svg)?.[1] ?? '';
  return css.match(/[^{}]+\{[^{}]*\}/g) ?? [];
}

/**
 * The SVG to inline in a page: the rendered SVG without its `<style>`. The site's CSP admits inline
 * styles only by hash, and Astro cannot be relied on to add a hash from inside a component in time
 * for the page's policy, so the page's stylesheet (src/styles/charts.css) carries those rules instead;
 * a unit test holds that it has every rule the charts use. With `hits`, for a page that loads
 * src/components/chart-tooltips.ts, the tooltips' regions are added last, over everything ({@link hitsGroup}).
 */
export function chartSvg(id: string, lang: Lang, variant: Variant, { hits = false }: { hits?: boolean } = {}): string {
  const svg = renderedSvg(id, lang, variant).replace(/<style>[^<]*<\/style>/, '');
  if (!hits) return svg;
  const rows = readsInRows(chartConfig(id, lang, WIDTHS[variant]));
  return svg.replace(/<\/svg>$/, `${hitsGroup(chartHits(id, lang, variant), { rows })}</svg>`);
}

/**
 * The standalone .svg (the wide drawing) for downloads: painted on the page colour, since it is
 * opened in viewers and editors with no page around it, and given a width and height, which
 * such programs need to show it at its size.
 */
export function standaloneSvg(id: string, lang: Lang): string {
  return once(`standalone:${id}:${lang}`, () => {
    const width = WIDTHS.wide;
    const height = chartHeight(id, width);
    const svg = renderSvg(withBehaviour(chartConfig(id, lang, width)), {
      width,
      height,
      palette: CHART_PALETTE,
      background: cssVar('chart-bg'),
      idPrefix: `${id}-svg`,
    });
    return svg.replace('<svg ', `<svg width="${width}" height="${height}" `);
  });
}

/** The PNG that travels alone: the chart with its title, takeaway, source and the report's address drawn in. */
export function chartPng(id: string, lang: Lang, siteUrl: string): Buffer {
  return once(`png:${id}:${lang}:${siteUrl}`, () => {
    const chart = chartById(id);
    const frame = chartFrame(chart, lang, PNG_WIDTH, siteUrl);
    const space = frameSpace(frame);
    return renderPng(withBehaviour(chart.config(lang, { width: PNG_WIDTH, frame })), {
      width: PNG_WIDTH,
      height: chart.height(PNG_WIDTH) + space.top + space.bottom,
      palette: CHART_PALETTE,
      background: cssVar('chart-bg'),
      scale: PNG_SCALE,
    });
  });
}

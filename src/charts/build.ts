/**
 * Renders the charts at build time: SVG for the page (two widths) and the standalone file, PNG
 * for sharing. Each render is memoised for the life of the build process, since the page, the
 * routes and the embeds all ask for the same drawings.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Lang } from '../format/format.ts';
import { frameSpace, withBehaviour, type FrameSpec } from './behaviour.ts';
import { chartById } from './index.ts';
import { CHART_PALETTE, cssVar } from './palette.ts';
import { renderPng, renderSvg } from './render/renderChart.ts';

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

/** The chart's JSON config at a width: what the SVG is drawn from and what the browser's canvas draws. */
export function chartConfig(id: string, lang: Lang, width: number): ChartConfiguration<'bar'> {
  return once(`config:${id}:${lang}:${width}`, () => chartById(id).config(lang, { width }));
}

/** Height of the chart's drawing at `width`. */
export function chartHeight(id: string, width: number): number {
  return chartById(id).height(width);
}

/** The SVG as the renderer writes it, at one of the two widths: no background, so it sits on the page in light and dark mode. */
export function renderedSvg(id: string, lang: Lang, variant: Variant): string {
  return once(`svg:${id}:${lang}:${variant}`, () => {
    const width = WIDTHS[variant];
    return renderSvg(withBehaviour(chartConfig(id, lang, width)), {
      width,
      height: chartHeight(id, width),
      palette: CHART_PALETTE,
      idPrefix: `${id}-${variant}`,
    });
  });
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
 * a unit test holds that it has every rule the charts use.
 */
export function chartSvg(id: string, lang: Lang, variant: Variant): string {
  return renderedSvg(id, lang, variant).replace(/<style>[^<]*<\/style>/, '');
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
    const config = chart.config(lang, { width: PNG_WIDTH, forPng: true, siteUrl });
    const frame = config.options?.plugins?.report?.frame as FrameSpec | undefined;
    const space = frame ? frameSpace(frame) : { top: 0, bottom: 0 };
    return renderPng(withBehaviour(config), {
      width: PNG_WIDTH,
      height: chart.height(PNG_WIDTH) + space.top + space.bottom,
      palette: CHART_PALETTE,
      background: cssVar('chart-bg'),
      scale: PNG_SCALE,
    });
  });
}

/**
 * Everything an embed of a chart needs to know, in one place for the embed page, the gallery and the
 * tests: its addresses, its texts, its height for the plain snippet, its image, and the snippets.
 */
import { chartPng, WIDTHS } from '../charts/build.ts';
import { sourceLine } from '../charts/common.ts';
import type { ChartModule } from '../charts/index.ts';
import type { Lang } from '../format/format.ts';
import { t } from '../i18n/index.ts';
import { plainHeight, type EmbedText } from './layout.ts';

/** Where the embed of `id` lives: '/hi/embed/states-total/'. */
export const embedPath = (lang: Lang, id: string) => `/${lang}/embed/${id}/`;
/** The chart's PNG: '/hi/charts/states-total.png'. */
export const pngPath = (lang: Lang, id: string) => `/${lang}/charts/${id}.png`;
/** The chart's place in the report: '/hi/#states'. */
export const reportPath = (lang: Lang, section: string) => `/${lang}/#${section}`;
/** The loader, at the site's root so its address never changes. */
export const LOADER_PATH = '/embed.js';

/** The texts under the chart on the embed page: the source with the link to the report, and the downloads. */
export function footTexts(chart: ChartModule, lang: Lang): { source: string; report: string; downloads: string[] } {
  return {
    source: sourceLine(chart, lang),
    report: t(lang, 'embed.fromReport', { report: t(lang, 'site.short') }),
    downloads: [t(lang, 'chart.downloadPng'), t(lang, 'chart.downloadSvg'), t(lang, 'chart.downloadCsv')],
  };
}

/** What decides the embed page's height. Must match what [chart].astro shows. */
export function embedText(chart: ChartModule, lang: Lang): EmbedText {
  const foot = footTexts(chart, lang);
  return {
    title: chart.title(lang),
    takeaway: chart.takeaway(lang),
    foot: [`${foot.source} · ${foot.report}`, `${t(lang, 'chart.downloads')}: ${foot.downloads.join(' · ')}`],
    drawing: { narrow: chart.height(WIDTHS.narrow), wide: chart.height(WIDTHS.wide) },
  };
}

/** Width and height in pixels of a PNG, from its header. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The escaped form of a value inside a double-quoted HTML attribute. */
const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The image snippet's width: a newsletter's usual column (the PNG itself is far wider, for sharp screens and print). */
export const IMAGE_WIDTH = 600;

export interface Snippets {
  /** The iframe and the loader script: the iframe keeps the height of its content. */
  responsive: string;
  /** The iframe alone, at a fixed height that shows the whole chart at any common width. */
  plain: string;
  /** The PNG with its text alternative, linked to the report: for newsletters, print, social posts. */
  image: string;
}

/** The codes a journalist pastes, with absolute addresses on `site`. */
export function snippets(chart: ChartModule, lang: Lang, section: string, site: URL | string): Snippets {
  const url = (path: string) => new URL(path, site).href;
  const title = t(lang, 'embed.frameTitle', { title: chart.title(lang), report: t(lang, 'site.short') });
  const height = plainHeight(embedText(chart, lang));
  const iframe = `<iframe src="${url(embedPath(lang, chart.id))}" title="${attr(title)}" width="100%" height="${height}" loading="lazy" style="width:100%;border:0;display:block"></iframe>`;
  const png = pngSize(chartPng(chart.id, lang, url('/')));
  const image =
    `<a href="${url(reportPath(lang, section))}"><img src="${url(pngPath(lang, chart.id))}" alt="${attr(chart.alt(lang))}" ` +
    `width="${IMAGE_WIDTH}" height="${Math.round((png.height * IMAGE_WIDTH) / png.width)}" loading="lazy" style="max-width:100%;height:auto;border:0"></a>`;
  return { responsive: `${iframe}\n<script src="${url(LOADER_PATH)}" async></script>`, plain: iframe, image };
}

/**
 * Everything an embed of a chart needs to know, in one place for the embed page, the gallery and the
 * tests: its addresses, its texts, its height for the plain snippet, its image, and the snippets.
 */
import { chartPng, WIDTHS } from '../charts/build.ts';
import { sourceLine } from '../charts/common.ts';
import type { ChartModule } from '../charts/index.ts';
import type { Lang } from '../format/format.ts';
import { t } from '../i18n/index.ts';
import { isPreviewUrl } from '../site/address.ts';
import { embedHeight, LAYOUT, plainHeight, type EmbedText } from './layout.ts';

/** Where the embed of `id` lives: '/hi/embed/states-total/'. */
export const embedPath = (lang: Lang, id: string) => `/${lang}/embed/${id}/`;
/** The chart's PNG: '/hi/charts/states-total.png'. */
export const pngPath = (lang: Lang, id: string) => `/${lang}/charts/${id}.png`;
/** The chart's oEmbed JSON: '/hi/oembed/states-total.json'. */
export const oembedPath = (lang: Lang, id: string) => `/${lang}/oembed/${id}.json`;
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
  // A preview build's codes say so where they are pasted: their local address cannot work in an article.
  const mark = isPreviewUrl(site) ? `<!-- ${t(lang, 'preview.code')} -->\n` : '';
  return { responsive: `${mark}${iframe}\n<script src="${url(LOADER_PATH)}" async></script>`, plain: `${mark}${iframe}`, image: `${mark}${image}` };
}

/**
 * The chart as an oEmbed 'rich' response (oembed.com, section 2.3.4): what a CMS that is given the embed
 * page's address inserts (the responsive code) and how it shows it before (the PNG as thumbnail). The
 * width is the widest the embed's content gets; the height the page's at that width.
 */
export function oembed(chart: ChartModule, lang: Lang, section: string, site: URL | string): Record<string, string | number> {
  const url = (path: string) => new URL(path, site).href;
  const width = LAYOUT.maxContent + 2 * LAYOUT.padSide;
  const png = pngSize(chartPng(chart.id, lang, url('/')));
  return {
    type: 'rich',
    version: '1.0',
    title: chart.title(lang),
    provider_name: t(lang, 'site.title'),
    provider_url: url(`/${lang}/`),
    html: snippets(chart, lang, section, site).responsive,
    width,
    height: Math.ceil(embedHeight(embedText(chart, lang), width)),
    thumbnail_url: url(pngPath(lang, chart.id)),
    thumbnail_width: png.width,
    thumbnail_height: png.height,
  };
}

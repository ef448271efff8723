import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { chartById, CHARTS } from '../../../charts/index.ts';
import { oembed } from '../../../embed/embeds.ts';
import { chartSections, sectionOf } from '../../../embed/sections.ts';
import { LANGS, type Lang } from '../../../i18n/index.ts';

/**
 * /{lang}/oembed/{id}.json: the chart's oEmbed response, one static file per embed page, which links to it
 * (<link rel="alternate" type="application/json+oembed">, src/layouts/EmbedLayout.astro). A CMS given the
 * embed page's address finds it there and inserts the responsive code.
 */
export const getStaticPaths = (async () => {
  const placed = chartSections(await getCollection('report'));
  return LANGS.flatMap((lang) => CHARTS.filter((chart) => placed.has(chart.id)).map((chart) => ({ params: { lang, chart: chart.id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  if (!site) throw new Error('The oEmbed responses carry absolute addresses: set `site` in astro.config.mjs.');
  const chart = chartById(String(params.chart));
  const section = sectionOf(chartSections(await getCollection('report')), chart.id);
  const body = oembed(chart, String(params.lang) as Lang, section, site);
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

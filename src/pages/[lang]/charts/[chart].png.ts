import type { APIRoute, GetStaticPaths } from 'astro';
import { chartPng } from '../../../charts/build.ts';
import { chartPaths } from '../../../charts/routes.ts';
import type { Lang } from '../../../format/format.ts';

/** /{lang}/charts/{id}.png: the chart with its title, takeaway, source and the report's address, to share on its own. */
export const getStaticPaths = (() => chartPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  if (!site) throw new Error('The chart PNGs draw the report address: set `site` in astro.config.mjs.');
  const png = chartPng(String(params.chart), String(params.lang) as Lang, site.href);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};

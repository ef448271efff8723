import type { APIRoute, GetStaticPaths } from 'astro';
import { standaloneSvg } from '../../../charts/build.ts';
import { chartPaths } from '../../../charts/routes.ts';
import type { Lang } from '../../../format/format.ts';

/** /{lang}/charts/{id}.svg: the wide drawing as a file of its own, for downloads and editors. */
export const getStaticPaths = (() => chartPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(standaloneSvg(String(params.chart), String(params.lang) as Lang), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });

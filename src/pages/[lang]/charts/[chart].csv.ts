import type { APIRoute, GetStaticPaths } from 'astro';
import { chartById } from '../../../charts/index.ts';
import { chartPaths } from '../../../charts/routes.ts';

/** /{lang}/charts/{id}.csv: exactly the chart's data, raw numbers (the same file in both languages; names in both). */
export const getStaticPaths = (() => chartPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(chartById(String(params.chart)).csv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

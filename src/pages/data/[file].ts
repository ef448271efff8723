import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, DATA_FILES } from '../../data/files.ts';

/** Serves each data file as it is in content/data, for readers who want the numbers themselves. */
export const getStaticPaths = (() => DATA_FILES.map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(DATA_DIR, String(params.file)), 'utf8'), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });

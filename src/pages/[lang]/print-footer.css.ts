import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS, type Lang } from '../../i18n/index.ts';
import { footerCss } from '../../print/footer-css.ts';

/** /{lang}/print-footer.css: the printed page's footer in the language (src/print/footer-css.ts). */
export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(footerCss(String(params.lang) as Lang), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });

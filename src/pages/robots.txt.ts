import type { APIRoute } from 'astro';
import { isPreviewUrl } from '../site/address.ts';

/**
 * /robots.txt: names the sitemap (@astrojs/sitemap's sitemap-index.xml, with the pages' language alternates).
 * A preview build asks crawlers to stay away: its addresses are local, not the report's.
 */
export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('robots.txt names the sitemap by its full address: set `site` in astro.config.mjs.');
  const rules = isPreviewUrl(site) ? ['# A preview build: not the published report.', 'User-agent: *', 'Disallow: /'] : ['User-agent: *', 'Allow: /'];
  const lines = [...rules, '', `Sitemap: ${new URL('/sitemap-index.xml', site).href}`];
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

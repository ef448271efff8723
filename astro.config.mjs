// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { siteAddress } from './src/site/address.ts';
import { reportBuild } from './scripts/report-integration.ts';

// The address the report is published at; absolute links (Open Graph, canonical, embed code) use it.
// Set SITE_URL when deploying; without it the build is a preview at the local server's address, marked as
// such. A build for publishing (PUBLISH=1) stops here when SITE_URL is missing or local (src/site/address.ts).
const site = siteAddress().url;

/**
 * Whether the sitemap lists an address: pages only (they end in '/'), and not the embed pages
 * ('/hi/embed/states-total/'), which are noindex; the galleries ('/hi/embed/') are listed.
 * @param {string} page
 */
const inSitemap = (page) => {
  const path = new URL(page).pathname;
  return path.endsWith('/') && !/\/embed\/[^/]+\/$/.test(path);
};

/**
 * The sitemap's i18n option takes a page without a language prefix for the default language's, so it would
 * pair the root (the choice of language) with /hi/. Every page has its language in its path; the root has
 * no alternates and is no page's alternate.
 * @param {import('@astrojs/sitemap').SitemapItem} item
 */
const withoutRootAlternates = (item) => {
  const root = new URL('/', item.url).href;
  if (item.url === root) return { ...item, links: [] };
  return { ...item, links: (item.links ?? []).filter((link) => link.url !== root) };
};

export default defineConfig({
  site,
  trailingSlash: 'always',
  integrations: [
    mdx(),
    // sitemap-index.xml (named by robots.txt) with each page's other language as an hreflang alternate.
    sitemap({
      filter: inSitemap,
      i18n: { defaultLocale: 'hi', locales: { hi: 'hi-IN', en: 'en-IN' } },
      serialize: withoutRootAlternates,
    }),
    // Last, so the sitemap is written first: checks before the build, then fonts, PDFs, _headers and the
    // address check on the built site, then the swap into dist/ (scripts/report-integration.ts).
    reportBuild(),
  ],
  // No code blocks in the report; Shiki's inline styles would also clash with the CSP.
  markdown: { syntaxHighlight: false },
  // The stylesheets (about 3.5 kB gzip) go into each page: two render-blocking requests fewer before the first
  // paint on a slow phone connection (Lighthouse's simulated FCP on /hi/ went from 1.43 s to 1.08 s). Astro
  // hashes the inline styles into the CSP's style-src.
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Scripts and styles get hashes in a Content-Security-Policy; no inline script runs without one.
  // Other directives keep every request on the site's own origin.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  devToolbar: { enabled: false },
});

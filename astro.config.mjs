// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// The address the report is published at; absolute links (Open Graph, canonical, embed code) use it.
// Set SITE_URL when deploying; the default is the local preview server's.
const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  integrations: [mdx()],
  build: { format: 'directory' },
  // Scripts and styles get hashes in a Content-Security-Policy; no inline script runs without one.
  security: { csp: true },
  devToolbar: { enabled: false },
});

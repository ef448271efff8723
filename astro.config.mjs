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
  // No code blocks in the report; Shiki's inline styles would also clash with the CSP.
  markdown: { syntaxHighlight: false },
  build: { format: 'directory' },
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

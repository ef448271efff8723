/**
 * dist/_headers: the HTTP headers for hosts that read this file (Netlify, Cloudflare Pages), written from
 * the built site, never by hand. GitHub Pages ignores it (README, "Publishing").
 *
 * - Each page's Content-Security-Policy as a header, copied from the <meta> CSP Astro wrote into that page
 *   (its hashes are the build's own), plus what a <meta> cannot say: frame-ancestors. Report pages may be
 *   framed only by the site itself; embed pages ('/{lang}/embed/{id}/') by any site, which is their use.
 *   The <meta> stays in the pages for hosts that cannot set headers.
 * - For every file: X-Content-Type-Options, Referrer-Policy, and a Permissions-Policy that turns off what
 *   the report never uses.
 * - Caching: the hashed files under /_astro/ forever; pages, /embed.js (pasted into articles, so it must
 *   update) and the PDFs briefly.
 *
 * Rules never overlap on a header: both hosts join the values of every rule that matches a path, and two
 * Cache-Control or CSP values joined would mean something else. So /* carries only the three headers above.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS } from '../src/i18n/index.ts';
import { pdfPath } from '../src/print/pdf-file.ts';
import { LOADER_PATH } from '../src/embed/embeds.ts';
import { filesUnder } from './site-files.ts';

/** Every file. */
export const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Powerful features the report never asks for; clipboard-write stays on for the embed gallery's copy buttons.
  'Permissions-Policy': [
    'accelerometer',
    'autoplay',
    'browsing-topics',
    'camera',
    'display-capture',
    'encrypted-media',
    'fullscreen',
    'geolocation',
    'gyroscope',
    'magnetometer',
    'microphone',
    'midi',
    'payment',
    'picture-in-picture',
    'publickey-credentials-get',
    'screen-wake-lock',
    'serial',
    'usb',
    'xr-spatial-tracking',
  ]
    .map((feature) => `${feature}=()`)
    .join(', '),
} as const;

export const CACHE = {
  /** Files whose name holds a hash of their content: a new content is a new name. */
  immutable: 'public, max-age=31536000, immutable',
  /** Pages: always asked again (a 304 when unchanged), so a corrected figure reaches readers at once. */
  page: 'public, max-age=0, must-revalidate',
  /** The embed loader, pasted into articles: five minutes, then asked again. */
  loader: 'public, max-age=300, must-revalidate',
  /** The PDFs: an hour. */
  pdf: 'public, max-age=3600, must-revalidate',
} as const;

/** An embed page's path: '/hi/embed/states-total/' (not the gallery '/hi/embed/'). */
export const isEmbedPage = (path: string) => /^\/[a-z]{2}\/embed\/[^/]+\/$/.test(path);

/** The CSP in a built page's <meta http-equiv="content-security-policy">; undefined when it has none. */
export function metaCsp(html: string): string | undefined {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/http-equiv\s*=\s*["']?content-security-policy/i.test(tag)) continue;
    const content = /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/i.exec(tag);
    const value = content?.[1] ?? content?.[2];
    if (value !== undefined) return value.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
  }
  return undefined;
}

/** The header CSP for a page: its meta CSP and who may frame it. */
export function headerCsp(path: string, meta: string): string {
  const policy = meta.replace(/;\s*$/, '');
  return `${policy}; frame-ancestors ${isEmbedPage(path) ? '*' : "'self'"}`;
}

/** The URL path a built HTML file is served at: 'hi/index.html' -> '/hi/'; undefined for the 404 page. */
export function pagePath(file: string): string | undefined {
  if (file === '404.html') return undefined; // served at any missing address: only its <meta> CSP applies
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file.replace(/\.html$/, '')}`;
}

type Rules = [path: string, headers: Record<string, string>][];

/** The rules for the site in `siteDir`, in the order written. */
export function headerRules(siteDir: string): Rules {
  const rules: Rules = [
    ['/*', { ...COMMON_HEADERS }],
    ['/_astro/*', { 'Cache-Control': CACHE.immutable }],
    [LOADER_PATH, { 'Cache-Control': CACHE.loader }],
    ...LANGS.map((lang): Rules[number] => [pdfPath(lang), { 'Cache-Control': CACHE.pdf }]),
  ];
  for (const file of filesUnder(siteDir).filter((name) => name.endsWith('.html'))) {
    const path = pagePath(file);
    if (path === undefined) continue;
    const meta = metaCsp(readFileSync(join(siteDir, file), 'utf8'));
    if (meta === undefined) throw new Error(`${file} has no <meta> Content-Security-Policy to copy into _headers.`);
    rules.push([path, { 'Content-Security-Policy': headerCsp(path, meta), 'Cache-Control': CACHE.page }]);
  }
  return rules;
}

/** The rules in the _headers format: a path, then its headers indented, a blank line between rules. */
export function formatHeaders(rules: Rules): string {
  const head = '# Written by the build (scripts/headers.ts) from the built pages: do not edit. Read by Netlify and Cloudflare Pages.\n\n';
  return head + rules.map(([path, headers]) => `${path}\n${Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`).join('\n');
}

/** Writes `siteDir`/_headers; returns how many rules it holds. */
export function writeHeaders(siteDir: string): number {
  const rules = headerRules(siteDir);
  writeFileSync(join(siteDir, '_headers'), formatHeaders(rules));
  return rules.length;
}

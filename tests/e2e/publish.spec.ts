/**
 * What publishing adds to the built site, checked as a host, a crawler and a newsroom CMS see it:
 * _headers (read by Netlify's own parser, applied to the pages in a real browser), the 404 page, the
 * sitemap with its language alternates, robots.txt, oEmbed discovery (by unfurl.js, a real consumer),
 * the Dataset JSON-LD, the licence line, and the marks a preview build (this one: no SITE_URL) carries.
 */
import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { unfurl } from 'unfurl.js';
import { DATA_FILES } from '../../src/data/files.ts';
import { dataset } from '../../src/figures/index.ts';
import { t } from '../../src/i18n/index.ts';
import { startHost } from './fixtures/host.ts';
import { SITE_DIR, filesIn, sitePages } from './support/site.ts';

const LANGS = ['hi', 'en'] as const;
const CHART = 'states-total';

type Element = DefaultTreeAdapterMap['element'];

function elementsOf(html: string): Element[] {
  const found: Element[] = [];
  const visit = (node: DefaultTreeAdapterMap['node']) => {
    if ('tagName' in node) found.push(node);
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parse(html));
  return found;
}
const attribute = (element: Element, name: string) => element.attrs.find((one) => one.name === name)?.value;
const textOf = (element: Element) => element.childNodes.map((node) => ('value' in node ? node.value : '')).join('');
const htmlOf = (path: string) => readFileSync(join(SITE_DIR, path.replace(/^\//, ''), 'index.html'), 'utf8');

/** The rules of the built _headers, as Netlify reads them. */
async function headerRules(): Promise<Header[]> {
  const { headers, errors } = await parseAllHeaders({ headersFiles: [join(SITE_DIR, '_headers')], configHeaders: [], minimal: false });
  expect(errors).toEqual([]);
  return headers.filter((rule): rule is Header => 'forRegExp' in rule);
}

/** The headers a host sends for `path`: those of every rule that matches it. */
function headersFor(rules: Header[], path: string): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const rule of rules.filter((one) => one.forRegExp.test(path))) {
    for (const [name, value] of Object.entries(rule.values)) {
      expect(merged[name], `two rules set ${name} for ${path}`).toBeUndefined();
      merged[name] = String(value);
    }
  }
  return merged;
}

/** Serves the report to `page` with the headers _headers gives each response, as Netlify or Cloudflare Pages would. */
async function withHostHeaders(page: Page, origin: string, rules: Header[]): Promise<void> {
  await page.route(`${origin}/**`, async (route) => {
    const response = await route.fetch();
    const path = new URL(route.request().url()).pathname;
    const fromFile = Object.fromEntries(Object.entries(headersFor(rules, path)).map(([name, value]) => [name.toLowerCase(), value]));
    await route.fulfill({ response, headers: { ...response.headers(), ...fromFile } });
  });
}

test.describe('_headers', () => {
  test('gives every page its own CSP as a header, with every inline script and style hash of the page, and who may frame it', async () => {
    const rules = await headerRules();
    const pages = sitePages();
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      const elements = elementsOf(htmlOf(path));
      const meta = elements.find((element) => element.tagName === 'meta' && attribute(element, 'http-equiv')?.toLowerCase() === 'content-security-policy');
      const csp = headersFor(rules, path)['Content-Security-Policy'] ?? '';
      const policy = (attribute(meta!, 'content') ?? '').replace(/;\s*$/, '');
      expect(csp, path).toBe(`${policy}; frame-ancestors ${/\/embed\/[^/]+\/$/.test(path) ? '*' : "'self'"}`);
      const inline = elements.filter(
        (element) => (element.tagName === 'script' && !attribute(element, 'src') && attribute(element, 'type') !== 'application/ld+json') || element.tagName === 'style',
      );
      for (const element of inline) {
        const hash = `'sha256-${createHash('sha256').update(textOf(element)).digest('base64')}'`;
        expect(csp, `${path}: ${element.tagName} ${textOf(element).slice(0, 40)}`).toContain(hash);
      }
      expect(headersFor(rules, path)['Cache-Control'], path).toBe('public, max-age=0, must-revalidate');
    }
  });

  test('caches hashed assets for a year, the loader and PDFs briefly, and sends the common headers everywhere', async () => {
    const rules = await headerRules();
    const assets = filesIn(SITE_DIR).filter((file) => file.startsWith('_astro/'));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(headersFor(rules, `/${asset}`)['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/embed.js')['Cache-Control']).toMatch(/^public, max-age=\d{1,4}, must-revalidate$/);
    for (const lang of LANGS) expect(headersFor(rules, `/${lang}/e-sanjeevani-report.pdf`)['Cache-Control']).toMatch(/^public, max-age=\d{1,4}, must-revalidate$/);
    for (const path of ['/', '/hi/', '/data/states.csv', '/en/charts/states-total.png']) {
      const headers = headersFor(rules, path);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['Permissions-Policy']).toContain('camera=()');
      expect(headers['Permissions-Policy']).not.toContain('clipboard-write');
    }
  });

  test('served with those headers, the pages run with no CSP violation, and only embed pages can be framed by another site', async ({ page, baseURL }) => {
    const origin = new URL(baseURL ?? '').origin;
    const rules = await headerRules();
    await withHostHeaders(page, origin, rules);
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to|Permissions-Policy/i.test(message.text())) refused.push(message.text());
    });
    for (const path of ['/hi/', '/en/embed/', `/hi/embed/${CHART}/`]) {
      const response = await page.goto(path);
      expect(response?.headers()['content-security-policy']).toContain('frame-ancestors');
      await page.evaluate(() => document.fonts.ready);
    }
    expect(refused).toEqual([]);

    const host = await startHost();
    try {
      const article = host.page(
        '/framing.html',
        `<!doctype html><html lang="en"><title>Framing</title><iframe title="report" src="${origin}/hi/"></iframe><iframe title="embed" src="${origin}/hi/embed/${CHART}/"></iframe></html>`,
      );
      await page.goto(article);
      // The embed loads inside the other site's page; the report page is refused there.
      await expect(page.frameLocator('iframe[title=embed]').locator('main.embed')).toBeVisible();
      await expect.poll(() => page.frames().map((frame) => frame.url())).toContain('chrome-error://chromewebdata/');
      await expect.poll(() => refused.filter((text) => text.includes('frame-ancestors')).length).toBeGreaterThan(0);
    } finally {
      await host.close();
    }
  });
});

test('an unknown address gets the 404 page, in both languages, with links to both reports', async ({ page }) => {
  const response = await page.goto('/hi/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('meta[name=robots]')).toHaveAttribute('content', 'noindex');
  for (const lang of LANGS) {
    const section = page.locator(`section[lang=${lang}]`);
    await expect(section.locator('h1')).toHaveText(t(lang, 'notFound.title'));
    for (const report of LANGS) await expect(section.locator(`a[href="/${report}/"]`)).toHaveText(t(report, 'site.title'));
  }
  await page.locator('section[lang=en] a[href="/en/"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('robots.txt names the sitemap, which lists the pages with their language alternates and no embed page', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  const sitemapUrl = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
  expect(sitemapUrl).toBeDefined();
  const index = await request.get(new URL(sitemapUrl!).pathname);
  expect(index.status()).toBe(200);
  const parts = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  expect(parts.length).toBeGreaterThan(0);
  const urls: { loc: string; alternates: Record<string, string> }[] = [];
  for (const part of parts) {
    const xml = await (await request.get(part)).text();
    for (const [, body = ''] of xml.matchAll(/<url>([\s\S]*?)<\/url>/g)) {
      const loc = new URL(/<loc>([^<]+)<\/loc>/.exec(body)?.[1] ?? '').pathname;
      const alternates = Object.fromEntries([...body.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((match) => [match[1]!, new URL(match[2]!).pathname]));
      urls.push({ loc, alternates });
    }
  }
  const locs = urls.map((url) => url.loc);
  expect(locs).toEqual(expect.arrayContaining(['/', '/hi/', '/en/', '/hi/embed/', '/en/embed/']));
  expect(locs.filter((loc) => /\/embed\/[^/]+\/$/.test(loc))).toEqual([]);
  for (const loc of ['/hi/', '/en/']) expect(urls.find((url) => url.loc === loc)?.alternates).toEqual({ 'hi-IN': '/hi/', 'en-IN': '/en/' });
  for (const loc of ['/hi/embed/', '/en/embed/']) expect(urls.find((url) => url.loc === loc)?.alternates).toEqual({ 'hi-IN': '/hi/embed/', 'en-IN': '/en/embed/' });
});

for (const lang of LANGS) {
  test(`${lang}: a CMS given an embed page's address finds its oEmbed and gets the responsive code and the PNG`, async ({ request, baseURL }) => {
    const origin = new URL(baseURL ?? '').origin;
    const embed = `${origin}/${lang}/embed/${CHART}/`;
    const result = await unfurl(embed, { oembed: true });
    const oembed = result.oEmbed as Record<string, unknown> | undefined;
    expect(oembed).toBeDefined();
    expect(oembed).toMatchObject({ type: 'rich', version: '1.0', provider_name: t(lang, 'site.title'), provider_url: `${origin}/${lang}/` });
    expect(String(oembed?.['html'])).toContain(`<iframe src="${embed}"`);
    expect(String(oembed?.['html'])).toContain(`<script src="${origin}/embed.js" async></script>`);
    expect(oembed?.['width']).toBeGreaterThan(300);
    expect(oembed?.['height']).toBeGreaterThan(300);
    // The thumbnail is the chart's PNG, at its real size.
    const thumbnail = (oembed?.['thumbnails'] as { url: string; width: number; height: number }[] | undefined)?.[0];
    expect(thumbnail?.url).toBe(`${origin}/${lang}/charts/${CHART}.png`);
    const png = Buffer.from(await (await request.get(`/${lang}/charts/${CHART}.png`)).body());
    expect([thumbnail?.width, thumbnail?.height]).toEqual([png.readUInt32BE(16), png.readUInt32BE(20)]);
  });

  test(`${lang}: the report page describes its data as a schema.org Dataset, with each CSV and its sources`, async ({ page, request }) => {
    await page.goto(`/${lang}/`);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    const data = JSON.parse(blocks[0]!) as Record<string, unknown>;
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Dataset',
      name: t(lang, 'site.title'),
      description: t(lang, 'site.description'),
      license: 'https://creativecommons.org/licenses/by/4.0/',
      spatialCoverage: { '@type': 'Place', name: t(lang, 'dataset.place') },
    });
    expect(data['creator']).toMatchObject({ '@type': 'Organization', name: t(lang, 'site.short') });
    expect(String(data['temporalCoverage'])).toMatch(/^\d{4}-\d{2}(-\d{2})?\/\d{4}-\d{2}-\d{2}$/);
    const downloads = data['distribution'] as { '@type': string; contentUrl: string; encodingFormat: string }[];
    expect(downloads.map((download) => new URL(download.contentUrl).pathname)).toEqual(DATA_FILES.map((file) => `/data/${file}`));
    for (const download of downloads) {
      expect(download['@type']).toBe('DataDownload');
      const response = await request.get(new URL(download.contentUrl).pathname);
      expect(response.status(), download.contentUrl).toBe(200);
    }
    // The page offers the same CSVs.
    const offered = await page.locator('a[href^="/data/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(new Set(offered)).toEqual(new Set(DATA_FILES.map((file) => `/data/${file}`)));
    const basedOn = data['isBasedOn'] as { '@type': string; url?: string }[];
    expect(basedOn).toHaveLength(dataset.sources.length);
    expect(basedOn.flatMap((source) => source.url ?? [])).toEqual(dataset.sources.flatMap((source) => source.url ?? []));
  });

  test(`${lang}: the footer says under which licence text and data may be reused`, async ({ page }) => {
    await page.goto(`/${lang}/`);
    const link = page.locator('.site-footer a[rel=license]');
    await expect(link).toHaveText(t(lang, 'footer.licenceName'));
    await expect(link).toHaveAttribute('href', `https://creativecommons.org/licenses/by/4.0/deed.${lang}`);
  });

  test(`${lang}: this preview build says it is one in what a reader carries away`, async ({ page, request }) => {
    await page.goto(`/${lang}/`);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', `${t(lang, 'preview.mark')}: ${t(lang, 'site.title')}`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-preview')).toHaveText(t(lang, 'preview.print'));
    await page.goto(`/${lang}/embed/`);
    await expect(page.locator('.embed-preview-note')).toHaveText(t(lang, 'preview.gallery'));
    for (const code of await page.locator('textarea[data-snippet]').evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value))) expect(code.startsWith(`<!-- ${t(lang, 'preview.code')} -->\n`)).toBe(true);
    const oembed = (await (await request.get(`/${lang}/oembed/${CHART}.json`)).json()) as { html: string };
    expect(oembed.html.startsWith(`<!-- ${t(lang, 'preview.code')} -->`)).toBe(true);
    expect(await (await request.get('/robots.txt')).text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
  });
}

import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { CACHE, COMMON_HEADERS, metaCsp, writeHeaders } from '../../../scripts/headers.ts';

const CSP = (hash: string) => `default-src 'self'; script-src 'self' '${hash}'; style-src 'self'`;
const page = (csp: string) => `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${csp}"><title>x</title></head></html>`;

/** A built site in miniature: a report page, an embed page, a gallery, the 404 page, each with its own CSP. */
function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'headers-'));
  const files: Record<string, string> = {
    'index.html': page(CSP('sha256-root')),
    'hi/index.html': page(CSP('sha256-report')),
    'hi/embed/index.html': page(CSP('sha256-gallery')),
    'hi/embed/states-total/index.html': page(CSP('sha256-embed')),
    '404.html': page(CSP('sha256-missing')),
  };
  for (const [file, html] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
  return dir;
}

/** The headers a host would send for `path`: every matching rule's, as Netlify's own parser reads the file. */
async function headersFor(dir: string, path: string): Promise<Record<string, string>> {
  const { headers, errors } = await parseAllHeaders({ headersFiles: [join(dir, '_headers')], configHeaders: [], minimal: false });
  expect(errors).toEqual([]);
  const matching = headers.filter((rule): rule is Header => 'forRegExp' in rule).filter((rule) => rule.forRegExp.test(path));
  const merged: Record<string, string[]> = {};
  for (const rule of matching) for (const [name, value] of Object.entries(rule.values)) (merged[name] ??= []).push(String(value));
  // Two rules giving one header would be joined by the host: that must never happen.
  for (const [name, values] of Object.entries(merged)) expect(values, `${path}: ${name}`).toHaveLength(1);
  return Object.fromEntries(Object.entries(merged).map(([name, values]) => [name, values[0]!]));
}

test('each page gets its own CSP as a header, with who may frame it; every file the common headers', async () => {
  const dir = site();
  writeHeaders(dir);
  const report = await headersFor(dir, '/hi/');
  expect(report['Content-Security-Policy']).toBe(`${CSP('sha256-report')}; frame-ancestors 'self'`);
  expect(report['Cache-Control']).toBe(CACHE.page);
  expect(report).toMatchObject(COMMON_HEADERS);
  expect((await headersFor(dir, '/'))['Content-Security-Policy']).toBe(`${CSP('sha256-root')}; frame-ancestors 'self'`);
  expect((await headersFor(dir, '/hi/embed/'))['Content-Security-Policy']).toBe(`${CSP('sha256-gallery')}; frame-ancestors 'self'`);
  // An embed page is for other sites' articles: any site may frame it.
  expect((await headersFor(dir, '/hi/embed/states-total/'))['Content-Security-Policy']).toBe(`${CSP('sha256-embed')}; frame-ancestors *`);
});

test('hashed assets are cached for a year, the loader and the PDFs briefly, and a missing page gets no page CSP', async () => {
  const dir = site();
  writeHeaders(dir);
  expect((await headersFor(dir, '/_astro/index.abc123.css'))['Cache-Control']).toBe('public, max-age=31536000, immutable');
  expect((await headersFor(dir, '/embed.js'))['Cache-Control']).toBe(CACHE.loader);
  expect((await headersFor(dir, '/en/e-sanjeevani-report.pdf'))['Cache-Control']).toBe(CACHE.pdf);
  const missing = await headersFor(dir, '/no/such/page/');
  expect(missing['Content-Security-Policy']).toBeUndefined();
  expect(missing['X-Content-Type-Options']).toBe('nosniff');
});

test('a page without a <meta> CSP stops the step', () => {
  const dir = site();
  writeFileSync(join(dir, 'hi/index.html'), '<!doctype html><title>x</title>');
  expect(() => writeHeaders(dir)).toThrow('hi/index.html has no <meta> Content-Security-Policy');
});

test('the meta CSP is read as the browser reads the attribute', () => {
  expect(metaCsp(`<meta http-equiv="content-security-policy" content="script-src &#39;self&#39; &#39;sha256-a&#39;">`)).toBe("script-src 'self' 'sha256-a'");
  expect(metaCsp('<meta charset="utf-8">')).toBeUndefined();
});

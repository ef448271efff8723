/**
 * A build for publishing, as `SITE_URL=https://… npm run build:publish` makes it: nothing in it, PDFs
 * included, holds a local address, and nothing says "preview". A full build of its own (like the
 * reproducibility check), so it runs after the browser tests, in its own project.
 */
import { expect, test } from '@playwright/test';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractPageTexts } from '../../scripts/pdf-text.ts';
import { localAddressesIn } from '../../scripts/local-addresses.ts';
import { t } from '../../src/i18n/index.ts';
import { filesIn } from './support/site.ts';

const SITE = 'https://report.example';

/** The attribute `name` of every element matching `tag` and `where` in a page. */
function attributes(html: string, tag: string, where: [string, string], name: string): string[] {
  const found: string[] = [];
  const visit = (node: DefaultTreeAdapterMap['node']) => {
    if ('tagName' in node && node.tagName === tag) {
      const value = (key: string) => node.attrs.find((one) => one.name === key)?.value;
      if (value(where[0]) === where[1]) found.push(value(name) ?? '');
    }
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parse(html));
  return found;
}

test('a build for publishing at SITE_URL holds no local address anywhere, PDFs included, and no preview mark', async () => {
  test.setTimeout(300_000);
  const out = resolve('.build', `publish-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  const build = spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, OUT_DIR: out, SITE_URL: SITE, PUBLISH: '1' }, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  try {
    expect(await localAddressesIn(out)).toEqual([]);
    const text = filesIn(out)
      .filter((file) => /\.(html|json|xml|txt)$/.test(file))
      .map((file) => readFileSync(join(out, file), 'utf8'))
      .join('\n');
    for (const lang of ['hi', 'en'] as const) {
      for (const key of ['preview.code', 'preview.print', 'preview.gallery'] as const) expect(text).not.toContain(t(lang, key));
      const report = readFileSync(join(out, lang, 'index.html'), 'utf8');
      expect(attributes(report, 'link', ['rel', 'canonical'], 'href')).toEqual([`${SITE}/${lang}/`]);
      expect(attributes(report, 'meta', ['property', 'og:title'], 'content')).toEqual([t(lang, 'site.title')]);
      // The PDF's title block gives the report's public address.
      const pages = await extractPageTexts(readFileSync(join(out, lang, 'e-sanjeevani-report.pdf')));
      expect(pages.map((page) => page.text.replace(/\s+/g, '')).join('')).toContain(`${SITE}/${lang}/`);
    }
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap-index.xml\n`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

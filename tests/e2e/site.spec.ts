import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { structureProblems } from '../support/html-structure.ts';
import { hrefsIn, SITE_DIR, SITE_ORIGIN, sitePages } from './support/site.ts';

// The checks a standards desk runs on every page of the built site, in both languages.
const pages = sitePages();

test('the site has both languages, and each page its counterpart in the other', () => {
  expect(pages).toContain('/hi/');
  expect(pages).toContain('/en/');
  for (const page of pages.filter((path) => path.startsWith('/hi/'))) expect(pages).toContain(page.replace(/^\/hi\//, '/en/'));
  for (const page of pages.filter((path) => path.startsWith('/en/'))) expect(pages).toContain(page.replace(/^\/en\//, '/hi/'));
});

test('every page is valid HTML, as written and as a parser builds it (nothing after </body> or </html>)', async () => {
  const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
  const failures: string[] = [];
  for (const page of pages) {
    const html = readFileSync(join(SITE_DIR, page, 'index.html'), 'utf8');
    const report = await validator.validateString(html, page);
    for (const result of report.results)
      for (const message of result.messages) failures.push(`${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    for (const problem of structureProblems(html)) failures.push(`${page}:${problem.line}:${problem.column} structure: ${problem.message}`);
  }
  expect(failures).toEqual([]);
});

test('every page sets a Content-Security-Policy that allows no inline script without a hash', () => {
  for (const page of pages) {
    const html = readFileSync(join(SITE_DIR, page, 'index.html'), 'utf8');
    const policy = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/)?.[1];
    expect(policy, page).toBeDefined();
    const scriptSrc = policy?.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc, page).not.toContain("'unsafe-inline'");
    expect(policy, page).toContain("default-src 'self'");
  }
});

test('every internal link and #anchor resolves', () => {
  const broken: string[] = [];
  for (const path of pages) {
    const here = new URL(path, SITE_ORIGIN);
    for (const href of new Set(hrefsIn(readFileSync(join(SITE_DIR, path, 'index.html'), 'utf8')))) {
      const url = new URL(href, here);
      if (url.origin !== SITE_ORIGIN) continue;
      const file = url.pathname.endsWith('/') ? join(SITE_DIR, url.pathname, 'index.html') : join(SITE_DIR, url.pathname);
      if (!existsSync(file)) {
        broken.push(`${path} -> ${url.pathname}`);
        continue;
      }
      if (url.hash && file.endsWith('.html')) {
        const id = decodeURIComponent(url.hash.slice(1));
        const html = readFileSync(file, 'utf8');
        if (!html.includes(`id="${id}"`)) broken.push(`${path} -> ${url.pathname}${url.hash}`);
      }
    }
  }
  expect(broken).toEqual([]);
});

// Every page in both colour schemes: the dark one only swaps CSS custom properties (an embed's ?theme=dark
// sets the same ones, derived from the same stylesheet by src/embed/theme.ts), so one page load serves both scans.
for (const path of pages) {
  test(`${path} has no accessibility violations (WCAG 2.2 A and AA) in light or dark, and nothing breaks under its CSP`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);
    // axe's legacy mode runs axe.run in the page itself; the default opens a blank page per scan to merge the
    // results of cross-origin frames, which these pages do not have (and should one come, this says so).
    await expect(page.locator('iframe, frame'), 'frames, which a legacy-mode scan would not enter').toHaveCount(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).setLegacyMode().analyze();
      expect(
        results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
        `${path} in the ${colorScheme} colour scheme`,
      ).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
}

import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { chartById } from '../../src/charts/index.ts';
import type { ChartId } from '../../src/charts/types.ts';
import { formatInteger, formatPercent, type Lang } from '../../src/format/format.ts';
import { t } from '../../src/i18n/index.ts';

const LANGS: Lang[] = ['hi', 'en'];
/** The snapshot's five charts (horizontal bars): what this file checks. */
const CHART_IDS: ChartId[] = ['national-mix', 'hwc-rollout', 'states-total', 'concentration', 'states-mix'];

// The expected figures come from the data files themselves, through the formatting module.
const states = csvParse(readFileSync('content/data/states.csv', 'utf8'));
const rows = csvParse(readFileSync('content/data/consultations-by-state.csv', 'utf8'));
const national = rows.find((row) => row['state'] === 'IN' && row['hwc'] !== '');
const snapshotRows = rows
  .filter((row) => row['as_of'] === national?.['as_of'] && row['state'] !== 'IN')
  .sort((a, b) => Number(b['total']) - Number(a['total']))
  .slice(0, 10);
const nameOf = (code: string | undefined, lang: Lang) =>
  states.find((state) => state['code'] === code)?.[lang === 'hi' ? 'name_hi' : 'name_en'] ?? '';

/** The cells of the chart's data table, row by row, as a reader sees them. */
async function tableCells(figure: Locator): Promise<string[][]> {
  return figure
    .locator('.chart-data tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim() ?? '')));
}

/** Console errors and uncaught exceptions while the page is open. */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const lang of LANGS) {
    for (const id of CHART_IDS) {
      test(`${lang} ${id}: there as an SVG with its caption, data table and downloads`, async ({ page, request }, testInfo) => {
        await page.goto(`/${lang}/`);
        {
          const chart = chartById(id);
          const figure = page.locator(`figure#chart-${id}`);
          await expect(figure).toHaveCount(1);
          await figure.scrollIntoViewIfNeeded();
          const svg = figure.locator('.chart-wide svg');
          await expect(svg).toBeVisible();
          await expect(figure.locator('.chart-narrow svg')).toBeHidden();
          await expect(figure.locator('canvas')).toHaveCount(0);
          await expect(svg).toHaveAttribute('role', 'img');
          // The SVG's name and description are the visible title and text alternative.
          await expect(page.locator(`#${await svg.getAttribute('aria-labelledby')}`)).toHaveText(chart.title(lang));
          await expect(page.locator(`#${await svg.getAttribute('aria-describedby')}`)).toHaveText(chart.alt(lang));
          const caption = figure.locator('figcaption');
          await expect(caption.locator('.chart-takeaway')).toHaveText(chart.takeaway(lang));
          await expect(caption.locator('.chart-source')).toContainText('Ministry of Health and Family Welfare');
          await expect(caption.locator('.chart-source')).toContainText(lang === 'hi' ? '4 अक्टूबर 2021' : '4 October 2021');
          // The table opens natively, and holds what the chart module says, from the formatter.
          await figure.locator('.chart-data summary').click();
          await expect(figure.locator('.chart-data table')).toBeVisible();
          expect(await tableCells(figure)).toEqual(chart.table(lang).rows);
          await expect(figure.locator('.chart-data th[scope=col]')).toHaveText(chart.table(lang).columns);
          // Downloads answer with the right kind of file; the embed link points at the chart's codes in the gallery.
          for (const [ext, type] of [
            ['png', 'image/png'],
            ['svg', 'image/svg+xml'],
            ['csv', 'text/csv'],
          ] as const) {
            const href = await figure.locator(`.chart-links a[href$=".${ext}"]`).getAttribute('href');
            expect(href).toBe(`/${lang}/charts/${id}.${ext}`);
            const response = await request.get(href ?? '');
            expect(response.status(), href ?? '').toBe(200);
            expect(response.headers()['content-type']).toContain(type);
          }
          await expect(
            figure.locator('.chart-links a', {
              hasText: t(lang, 'chart.embed'),
            }),
          ).toHaveAttribute('href', `/${lang}/embed/#${id}`);
          await testInfo.attach(`${id}-${lang}-no-js.png`, {
            body: await figure.screenshot(),
            contentType: 'image/png',
          });
        }
      });
    }

    test(`${lang}: the tables match the data files`, async ({ page }) => {
      await page.goto(`/${lang}/`);
      const total = await tableCells(page.locator('#chart-states-total'));
      snapshotRows.forEach((row, index) => {
        expect(total[index]?.[1]).toBe(nameOf(row['state'], lang));
        expect(total[index]?.[2]).toBe(formatInteger(Number(row['total'])));
      });
      expect(total.at(-1)?.[1]).toBe(t(lang, 'chart.restOfIndia'));
      const mix = await tableCells(page.locator('#chart-states-mix'));
      const byShare = [...snapshotRows].sort((a, b) => Number(b['hwc']) / Number(b['total']) - Number(a['hwc']) / Number(a['total']));
      byShare.forEach((row, index) => {
        expect(mix[index]?.[0]).toBe(nameOf(row['state'], lang));
        expect(mix[index]?.[1]).toBe(formatInteger(Number(row['hwc'])));
        expect(mix[index]?.[2]).toBe(formatPercent(Number(row['hwc']) / Number(row['total'])));
      });
      const nationalMix = await tableCells(page.locator('#chart-national-mix'));
      expect(nationalMix.map((row) => row[1])).toEqual([
        formatInteger(Number(national?.['hwc'])),
        formatInteger(Number(national?.['opd'])),
      ]);
    });

    test(`${lang}: a phone gets the narrow drawing, with no sideways scrolling`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`/${lang}/`);
      for (const id of CHART_IDS) {
        const figure = page.locator(`figure#chart-${id}`);
        await expect(figure.locator('.chart-narrow svg')).toBeVisible();
        await expect(figure.locator('.chart-wide svg')).toBeHidden();
        const box = await figure.locator('.chart-narrow svg').boundingBox();
        expect(box?.width).toBeLessThanOrEqual(360);
        await testInfo.attach(`${id}-${lang}-360.png`, {
          body: await figure.screenshot(),
          contentType: 'image/png',
        });
      }
      await page.setViewportSize({ width: 320, height: 640 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

test.describe('with JavaScript', () => {
  for (const lang of LANGS) {
    for (const id of CHART_IDS) {
      test(`${lang} ${id}: redrawn on a canvas over its SVG, with a tooltip on hover`, async ({ page }, testInfo) => {
        const errors = errorsOf(page);
        await page.goto(`/${lang}/`);
        {
          const figure = page.locator(`figure#chart-${id}`);
          await figure.scrollIntoViewIfNeeded();
          await expect(figure).toHaveAttribute('data-enhanced', 'wide');
          const canvas = figure.locator('.chart-wide canvas');
          await expect(canvas).toBeVisible();
          // Same box as the SVG it covers: nothing moves when it appears.
          const svgBox = await figure.locator('.chart-wide svg').boundingBox();
          const canvasBox = await canvas.boundingBox();
          for (const key of ['x', 'y', 'width', 'height'] as const)
            expect(Math.abs((canvasBox?.[key] ?? 0) - (svgBox?.[key] ?? 0))).toBeLessThan(1.5);
          // The SVG stays in the accessibility tree; the canvas is hidden from it.
          await expect(figure.locator('.chart-canvas')).toHaveAttribute('aria-hidden', 'true');
          await expect(figure.locator('.chart-wide svg')).toHaveAttribute('role', 'img');

          const before = await canvas.evaluate((element) => (element as HTMLCanvasElement).toDataURL());
          // A point inside the first bar's row: the top third of the plot, in its middle.
          const box = canvasBox ?? { x: 0, y: 0, width: 0, height: 0 };
          await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (id === 'national-mix' ? 0.45 : 0.25));
          await expect(figure).toHaveAttribute('data-tooltip-open', '');
          const after = await canvas.evaluate((element) => (element as HTMLCanvasElement).toDataURL());
          expect(after).not.toBe(before);
          await testInfo.attach(`${id}-${lang}-tooltip.png`, {
            body: await figure.screenshot(),
            contentType: 'image/png',
          });
          await page.mouse.move(0, 0);
          await expect(figure).not.toHaveAttribute('data-tooltip-open', '');
        }
        expect(errors).toEqual([]);
      });
    }
  }

  test('a tap opens a tooltip too', async ({ browser }) => {
    const context = await browser.newContext({
      hasTouch: true,
      viewport: { width: 360, height: 740 },
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto('/hi/');
    const figure = page.locator('figure#chart-states-total');
    await figure.scrollIntoViewIfNeeded();
    await expect(figure).toHaveAttribute('data-enhanced', 'narrow');
    const box = await figure.locator('.chart-narrow canvas').boundingBox();
    await page.touchscreen.tap((box?.x ?? 0) + (box?.width ?? 0) * 0.5, (box?.y ?? 0) + (box?.height ?? 0) * 0.1);
    await expect(figure).toHaveAttribute('data-tooltip-open', '');
    await context.close();
  });

  test('the page never waits for Chart.js: when it cannot load, the SVGs stay and nothing breaks', async ({ page }) => {
    const errors = errorsOf(page);
    const blocked: string[] = [];
    page.on('requestfailed', (request) => blocked.push(request.url()));
    // Chart.js is its own chunk, loaded on demand; the small enhancement script itself still loads.
    await page.route(/\/_astro\/.*\.js$/, (route) => (route.request().url().includes('Chart.astro') ? route.continue() : route.abort()));
    await page.goto('/en/');
    for (const id of CHART_IDS) {
      const figure = page.locator(`figure#chart-${id}`);
      await figure.scrollIntoViewIfNeeded();
      await expect(figure.locator('.chart-wide svg')).toBeVisible();
      await expect(figure.locator('.chart-wide svg')).toHaveCSS('opacity', '1');
    }
    await expect.poll(() => blocked.length).toBeGreaterThan(0);
    expect(await page.locator('figure.chart[data-enhanced]').count()).toBe(0);
    // The browser reports the blocked file itself; the page adds no error of its own.
    expect(errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
  });

  test('the chart configs reach the browser as data, not as code', async ({ page }) => {
    await page.goto('/hi/');
    const blocks = page.locator('figure.chart script.chart-config');
    expect(await blocks.count()).toBeGreaterThanOrEqual(CHART_IDS.length);
    for (const type of await blocks.evaluateAll((scripts) => scripts.map((script) => script.getAttribute('type'))))
      expect(type).toBe('application/json');
  });
});

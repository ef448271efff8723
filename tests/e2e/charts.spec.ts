import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { csvParse } from 'd3-dsv';
import { chartHits, type Variant } from '../../src/charts/build.ts';
import { sourceLine } from '../../src/charts/common.ts';
import { CHART_IDS as ALL_CHART_IDS, chartById } from '../../src/charts/index.ts';
import type { ChartId } from '../../src/charts/types.ts';
import { dataset } from '../../src/figures/index.ts';
import { notInList } from '../../src/figures/per-person-text.ts';
import { formatDate, formatDatesIn, formatInteger, formatPercent, type Lang } from '../../src/format/format.ts';
import { t } from '../../src/i18n/index.ts';
import { scrollIntoLaidOutView } from './support/layout.ts';
import { SITE_DIR } from './support/site.ts';

const LANGS: Lang[] = ['hi', 'en'];
/** The snapshot's five charts (horizontal bars): what this file checks. */
const CHART_IDS: ChartId[] = ['national-mix', 'hwc-rollout', 'states-total', 'concentration', 'states-mix'];
/**
 * The charts whose caption, table and downloads are checked as a reader sees them without JavaScript: the five,
 * and per-person, whose credit names a source with no day of publication (the census) and whose table says
 * in words where a state is missing from a list.
 */
const CAPTIONED_IDS: ChartId[] = [...CHART_IDS, 'per-person'];

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
    for (const id of CAPTIONED_IDS) {
      test(`${lang} ${id}: there as an SVG with its caption, data table and downloads`, async ({ page, request }, testInfo) => {
        await page.goto(`/${lang}/`);
        {
          const chart = chartById(id);
          const figure = page.locator(`figure#chart-${id}`);
          await expect(figure).toHaveCount(1);
          await scrollIntoLaidOutView(figure);
          const svg = figure.locator('.chart-wide svg');
          await expect(svg).toBeVisible();
          await expect(figure.locator('.chart-narrow svg')).toBeHidden();
          await expect(svg).toHaveAttribute('role', 'img');
          // The SVG's name and description are the visible title and text alternative.
          await expect(page.locator(`#${await svg.getAttribute('aria-labelledby')}`)).toHaveText(chart.title(lang));
          await expect(page.locator(`#${await svg.getAttribute('aria-describedby')}`)).toHaveText(chart.alt(lang));
          const caption = figure.locator('figcaption');
          await expect(caption.locator('.chart-takeaway')).toHaveText(chart.takeaway(lang));
          // The credit names every source of the chart's figures, in the page's language, with the day each appeared.
          const credit = caption.locator('.chart-source');
          await expect(credit).toHaveText(sourceLine(chart, lang));
          for (const id of chart.sources()) {
            const source = dataset.sources.find((row) => row.id === id)!;
            await expect(credit).toContainText(formatDatesIn(lang === 'hi' ? source.publisher_hi : source.publisher, lang));
            await expect(credit).toContainText(formatDate(source.published ?? source.date, lang));
          }
          if (chart.sources().includes('pib-2021-10-04-hi')) {
            await expect(credit).toContainText(lang === 'hi' ? 'स्वास्थ्य और परिवार कल्याण मंत्रालय' : 'Ministry of Health and Family Welfare');
            await expect(credit).toContainText(lang === 'hi' ? '4 अक्टूबर 2021' : '4 October 2021');
          }
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

    test(`${lang}: every chart is there without its tooltips, which need no markup of their own`, async ({ page }) => {
      await page.goto(`/${lang}/`);
      for (const id of ALL_CHART_IDS) {
        const figure = page.locator(`figure#chart-${id}`);
        await expect(figure.locator('.chart-wide svg')).toBeVisible();
        await expect(figure.locator('.chart-data table')).toHaveCount(1);
        // The hit regions are in the SVG, invisible and hidden from assistive technology; nothing is focusable.
        await expect(figure.locator('.chart-wide svg > g.chart-hits')).toHaveAttribute('aria-hidden', 'true');
        await expect(figure.locator('svg[tabindex]')).toHaveCount(0);
      }
      await expect(page.locator('.chart-tooltip, .chart-live')).toHaveCount(0);
    });

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

    for (const id of CHART_IDS) {
      test(`${lang} ${id}: a phone gets the narrow drawing, no wider than the screen`, async ({ page }, testInfo) => {
        await page.setViewportSize({ width: 360, height: 740 });
        await page.goto(`/${lang}/`);
        const figure = page.locator(`figure#chart-${id}`);
        await scrollIntoLaidOutView(figure);
        await expect(figure.locator('.chart-narrow svg')).toBeVisible();
        await expect(figure.locator('.chart-wide svg')).toBeHidden();
        const box = await figure.locator('.chart-narrow svg').boundingBox();
        expect(box?.width).toBeLessThanOrEqual(360);
        await testInfo.attach(`${id}-${lang}-360.png`, { body: await figure.screenshot(), contentType: 'image/png' });
      });
    }

    test(`${lang}: a 320 px phone scrolls no section sideways`, async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(`/${lang}/`);
      for (const section of await page.locator('.report-section').all()) {
        await scrollIntoLaidOutView(section);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      }
    });
  }
});

/** The texts of the chart's regions as the build wrote them, in reading (and keyboard) order. */
const tipsOf = (id: string, lang: Lang, variant: Variant) => chartHits(id, lang, variant).map((region) => region.tip);

/**
 * Cells of the chart's data table that the first region's tooltip shows as the table does, from the
 * chart module (the formatter's output): the first bar or segment, or the first count. Alternatives
 * where the first region is one of several rows (the network's first date).
 */
function expectedCells(id: ChartId, lang: Lang, tip: string): string[][] {
  const { columns, rows } = chartById(id).table(lang);
  const row = rows[0] ?? [];
  const pick = (cells: string[], indices: number[]) => indices.map((index) => cells[index] ?? '\u0000');
  switch (id) {
    case 'national-mix':
      return [pick(row, [1, 2])];
    case 'hwc-rollout':
      return [pick(row, [0, 1, 3])];
    case 'states-total':
      return [pick(row, [1, 2, 3])];
    case 'concentration':
    case 'states-mix':
      return [pick(row, [0, 1, 2])];
    case 'per-person':
      // The first state's bar in the first panel: its name, consultations and rate on the snapshot.
      return [pick(row, [0, 2, 3])];
    case 'growth':
      return [pick(row, [0, 2, 3])];
    case 'ranks':
      // The first date's first place: the column's date and the state ranked 1 there.
      return [[columns[1] ?? '', rows.find((cells) => cells[1] === formatInteger(1))?.[0] ?? '\u0000']];
    case 'network': {
      const date = tip.split('\n')[0];
      return rows.filter((cells) => cells[1] === date).map((cells) => pick(cells, [0, 1, 3, 4]));
    }
    case 'map':
      // The first tile in reading order: its state's row, named, with its rate or "not in the source's top ten".
      return rows.filter((cells) => cells[1] === tip.split('\n')[0]).map((cells) => pick(cells, [1, 2]));
  }
}

/** The box of `locator`, which must be on the page. */
async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('no box');
  return box;
}

test.describe('with JavaScript', () => {
  for (const lang of LANGS) {
    for (const id of ALL_CHART_IDS) {
      test(`${lang} ${id}: hovering a region shows its tooltip, with the data's figures, inside the figure`, async ({ page }, testInfo) => {
        const errors = errorsOf(page);
        await page.goto(`/${lang}/`);
        const figure = page.locator(`figure#chart-${id}`);
        const svg = figure.locator('.chart-wide svg');
        await scrollIntoLaidOutView(figure);
        const rects = svg.locator('.chart-hits rect');
        const tips = tipsOf(id, lang, 'wide');
        await expect(rects).toHaveCount(tips.length);

        // Every region is what the pointer finds at its middle: no region, label or tooltip covers another's.
        // Polled: a section scrolled into view is drawn (content-visibility) in the browser's next frame, as
        // it is for a reader, and until then the pointer finds the section's box. A region scrolled under the
        // page's sticky top bar (the map's first row can be) is out of sight, like one above the window.
        const covered = () =>
          rects.evaluateAll((elements) =>
            elements.flatMap((element, index) => {
              const box = element.getBoundingClientRect();
              const x = box.left + box.width / 2;
              const y = box.top + box.height / 2;
              const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
              if (y < top || y > innerHeight) return [];
              return document.elementFromPoint(x, y) === element ? [] : [index];
            }),
          );
        await expect.poll(covered).toEqual([]);

        const first = rects.first();
        await first.hover();
        await expect(figure).toHaveAttribute('data-tooltip-open', '');
        const tooltip = figure.locator('.chart-tooltip');
        await expect(tooltip).toBeVisible();
        await expect(tooltip).toHaveAttribute('role', 'tooltip');
        const text = (await tooltip.textContent()) ?? '';
        expect(text).toBe(tips[0]);
        const alternatives = expectedCells(id, lang, text);
        expect(
          alternatives.some((cells) => cells.every((cell) => text.includes(cell))),
          `${JSON.stringify(text)} shows one of ${JSON.stringify(alternatives)}`,
        ).toBe(true);
        // Inside the figure's box, and above the region unless there is no room there.
        const tip = await boxOf(tooltip);
        const frame = await boxOf(figure);
        const region = await boxOf(first);
        expect(tip.x).toBeGreaterThanOrEqual(frame.x - 1);
        expect(tip.x + tip.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
        expect(tip.y).toBeGreaterThanOrEqual(frame.y - 1);
        expect(tip.y + tip.height <= region.y + 1 || tip.y >= region.y + region.height - 1).toBe(true);
        await testInfo.attach(`${id}-${lang}-tooltip.png`, { body: await figure.screenshot(), contentType: 'image/png' });

        // Another region, then off the drawing: hidden.
        if (tips.length > 1) {
          await rects.last().hover();
          await expect(tooltip).toHaveText(tips.at(-1)!.replace(/\n/g, ' '));
          expect(await tooltip.textContent()).toBe(tips.at(-1));
        }
        await page.mouse.move(1, 1);
        await expect(figure).not.toHaveAttribute('data-tooltip-open');
        await expect(tooltip).toBeHidden();
        expect(errors).toEqual([]);
      });
    }
  }

  for (const [lang, id] of [
    ['hi', 'states-total'],
    ['hi', 'ranks'],
    ['en', 'network'],
  ] as const) {
    test(`${lang} ${id}: a tap shows the tooltip above the finger on a phone; a tap elsewhere hides it`, async ({ browser }, testInfo) => {
      const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });
      try {
        const page = await context.newPage();
        await page.goto(`/${lang}/`);
        const figure = page.locator(`figure#chart-${id}`);
        const rects = figure.locator('.chart-narrow svg .chart-hits rect');
        const tips = tipsOf(id, lang, 'narrow');
        const index = Math.floor(tips.length / 2);
        const target = rects.nth(index);
        await scrollIntoLaidOutView(figure);
        await target.scrollIntoViewIfNeeded();
        await target.tap();
        await expect(figure).toHaveAttribute('data-tooltip-open', '');
        const tooltip = figure.locator('.chart-tooltip');
        expect(await tooltip.textContent()).toBe(tips[index]);
        const tip = await boxOf(tooltip);
        const region = await boxOf(target);
        // Above the region the finger is on, so the finger does not cover it; within the screen and the figure.
        expect(tip.y + tip.height).toBeLessThanOrEqual(region.y + 1);
        expect(tip.x).toBeGreaterThanOrEqual(0);
        expect(tip.x + tip.width).toBeLessThanOrEqual(360);
        await testInfo.attach(`${id}-${lang}-tap-360.png`, { body: await figure.screenshot(), contentType: 'image/png' });
        // Another region: its tooltip instead.
        await rects.nth(0).tap();
        expect(await tooltip.textContent()).toBe(tips[0]);
        // Elsewhere (the figure's title): gone.
        await figure.locator('.chart-title').tap();
        await expect(figure).not.toHaveAttribute('data-tooltip-open');
        await expect(tooltip).toBeHidden();
      } finally {
        await context.close();
      }
    });
  }

  test('the keyboard moves through the regions, the live region says each, Escape hides; on the map, tile by tile and row by row', async ({ page }) => {
    await page.goto('/en/');
    const figure = page.locator('figure#chart-growth');
    const svg = figure.locator('.chart-wide svg');
    const tips = tipsOf('growth', 'en', 'wide');
    // Focusable with JavaScript (the drawing that shows), so Tab reaches it.
    await expect(svg).toHaveAttribute('tabindex', '0');
    await svg.focus();
    await expect(svg).toBeFocused();
    const tooltip = figure.locator('.chart-tooltip');
    const live = figure.locator('.chart-live');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    const said = (tip: string) => tip.replace(/\n/g, ', ');
    const expectAt = async (index: number) => {
      await expect(figure).toHaveAttribute('data-tooltip-open', '');
      expect(await tooltip.textContent()).toBe(tips[index]);
      await expect(live).toHaveText(said(tips[index]!));
    };
    await page.keyboard.press('ArrowRight');
    await expectAt(0);
    await page.keyboard.press('ArrowRight');
    await expectAt(1);
    await page.keyboard.press('ArrowLeft');
    await expectAt(0);
    await page.keyboard.press('ArrowLeft');
    await expectAt(0);
    await page.keyboard.press('End');
    await expectAt(tips.length - 1);
    await page.keyboard.press('Home');
    await expectAt(0);
    // The region being described is outlined.
    await expect(svg.locator('.chart-hits rect.is-active')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(figure).not.toHaveAttribute('data-tooltip-open');
    await expect(tooltip).toBeHidden();
    await expect(svg.locator('.chart-hits rect.is-active')).toHaveCount(0);
    // Tab leaves the drawing, and takes the tooltip with it.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await expect(figure).not.toHaveAttribute('data-tooltip-open');

    // The map's tiles, row by row from the north: a tile of a state not in the list says so.
    const map = page.locator('figure#chart-map');
    await scrollIntoLaidOutView(map);
    const tiles = tipsOf('map', 'en', 'wide');
    await map.locator('.chart-wide svg').focus();
    const mapLive = map.locator('.chart-live');
    await page.keyboard.press('ArrowRight');
    await expect(mapLive).toHaveText(said(tiles[0]!));
    expect(tiles[0]).toBe(`${nameOf('IN-JK', 'en')}\n${notInList('en')}`);
    await page.keyboard.press('ArrowRight');
    await expect(mapLive).toHaveText(said(tiles[1]!));
    expect(tiles[1]?.split('\n')[0]).toBe(nameOf('IN-LA', 'en'));
    await page.keyboard.press('End');
    await expect(mapLive).toHaveText(said(tiles.at(-1)!));
    expect(tiles.at(-1)?.split('\n')[0]).toBe(nameOf('IN-PY', 'en'));
    await expect(map.locator('.chart-wide svg .chart-hits rect.is-active')).toHaveCount(1);
    // Down and Up move between rows of tiles: to the nearest tile in the next row with one, the closest across
    // (the leftmost of two as close), as tile-layout.csv places them.
    const layout = csvParse(readFileSync('content/data/tile-layout.csv', 'utf8')).map((tile) => ({
      code: tile['code'] ?? '',
      column: Number(tile['column']),
      row: Number(tile['row']),
    }));
    const step = (code: string, direction: 1 | -1) => {
      const from = layout.find((tile) => tile.code === code)!;
      const further = layout.filter((tile) => (tile.row - from.row) * direction > 0);
      const row = Math.min(...further.map((tile) => (tile.row - from.row) * direction));
      return further
        .filter((tile) => (tile.row - from.row) * direction === row)
        .sort((a, b) => Math.abs(a.column - from.column) - Math.abs(b.column - from.column) || a.column - b.column)[0]!.code;
    };
    const sayTile = (code: string) => said(tiles.find((tip) => tip.split('\n')[0] === nameOf(code, 'en'))!);
    await page.keyboard.press('Home');
    await expect(mapLive).toHaveText(sayTile('IN-JK'));
    let at = 'IN-JK';
    for (const direction of [1, 1, 1, -1] as const) {
      at = step(at, direction);
      await page.keyboard.press(direction === 1 ? 'ArrowDown' : 'ArrowUp');
      await expect(mapLive).toHaveText(sayTile(at));
    }
  });

  test('a tooltip stays while only the window\'s height changes (a phone\'s toolbar) and goes when its width does', async ({ browser }) => {
    // A phone: the finger taps, then the toolbar slides away as the reader scrolls, which resizes the window's
    // height only. (A mouse would be re-tested against whatever moved under it, which is not this case.)
    const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      await page.goto('/hi/');
      const figure = page.locator('figure#chart-states-total');
      await scrollIntoLaidOutView(figure);
      await figure.locator('.chart-narrow svg .chart-hits rect').nth(2).tap();
      await expect(figure).toHaveAttribute('data-tooltip-open', '');
      await resizeAndWait(page, { width: 360, height: 680 });
      await expect(figure).toHaveAttribute('data-tooltip-open', '');
      await resizeAndWait(page, { width: 700, height: 680 });
      await expect(figure).not.toHaveAttribute('data-tooltip-open');
      await expect(figure.locator('.chart-tooltip')).toBeHidden();
    } finally {
      await context.close();
    }
  });

  for (const id of ALL_CHART_IDS) {
    test(`hi ${id}: Tab reaches the drawing that shows, and only that one`, async ({ page }) => {
      await page.goto('/hi/');
      const figure = page.locator(`figure#chart-${id}`);
      await scrollIntoLaidOutView(figure);
      const wide = figure.locator('.chart-wide svg');
      await figure.locator('.chart-narrow svg').focus();
      await expect(figure.locator('.chart-narrow svg')).not.toBeFocused();
      await wide.focus();
      await page.keyboard.press('Shift+Tab');
      await expect(wide).not.toBeFocused();
      await page.keyboard.press('Tab');
      await expect(wide).toBeFocused();
    });
  }

  test('no chart library reaches the browser: no request for it, nothing of Chart.js in any script, and the tooltip script is small', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto('/hi/');
    // Scrolled through, as a reader would: nothing loads late either.
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
        scrollTo(0, y);
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      }
    });
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((url) => /chart/i.test(url))).toEqual([]);
    const built = readdirSync(join(SITE_DIR, '_astro')).filter((file) => file.endsWith('.js'));
    for (const file of built) expect(readFileSync(join(SITE_DIR, '_astro', file), 'utf8'), file).not.toMatch(/Chart/);
    const html = readFileSync(join(SITE_DIR, 'hi', 'index.html'), 'utf8');
    const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
    for (const code of inline) expect(code).not.toMatch(/Chart\.register|new Chart\b|chart\.js/);
    const tooltips = inline.find((code) => code.includes('chart-tooltip'));
    expect(tooltips, 'the tooltip script, inlined in the page').toBeDefined();
    expect(gzipSync(tooltips ?? '').length).toBeLessThan(3 * 1024);
    // And no chart config shipped as data.
    expect(html).not.toContain('application/json');
  });

  test('tooltips work on the embed pages too', async ({ page }) => {
    const tips = tipsOf('states-mix', 'hi', 'wide');
    await page.goto('/hi/embed/states-mix/');
    const figure = page.locator('figure.chart');
    const rects = figure.locator('.chart-wide svg .chart-hits rect');
    await rects.nth(1).hover();
    await expect(figure).toHaveAttribute('data-tooltip-open', '');
    expect(await figure.locator('.chart-tooltip').textContent()).toBe(tips[1]);
  });

  test('screenshot: a Hindi bar chart at 360 px with a tooltip shown', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/hi/');
    await page.evaluate(() => document.fonts.ready);
    const figure = page.locator('figure#chart-states-total');
    await scrollIntoLaidOutView(figure);
    await figure.locator('.chart-narrow svg .chart-hits rect').nth(2).hover();
    await expect(figure).toHaveAttribute('data-tooltip-open', '');
    await testInfo.attach('tooltip-hi-states-total-360.png', { body: await figure.screenshot(), contentType: 'image/png' });
  });

  test('screenshots: English line charts at 1280 px with a tooltip shown', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/en/');
    await page.evaluate(() => document.fonts.ready);
    for (const [id, pick] of [
      ['network', 'middle'],
      ['growth', 'last'],
    ] as const) {
      const figure = page.locator(`figure#chart-${id}`);
      await scrollIntoLaidOutView(figure);
      const rects = figure.locator('.chart-wide svg .chart-hits rect');
      await (pick === 'last' ? rects.last() : rects.nth(Math.floor((await rects.count()) / 2))).hover();
      await expect(figure).toHaveAttribute('data-tooltip-open', '');
      await testInfo.attach(`tooltip-en-${id}-1280.png`, { body: await figure.screenshot(), contentType: 'image/png' });
      await page.keyboard.press('Escape');
    }
  });
});

/** Resizes the window and returns once the page has had its resize event (the tooltip script acts on it). */
async function resizeAndWait(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.evaluate(() => {
    (window as { resized?: boolean }).resized = false;
    addEventListener('resize', () => ((window as { resized?: boolean }).resized = true), { once: true });
  });
  await page.setViewportSize(size);
  await page.waitForFunction(() => (window as { resized?: boolean }).resized === true);
}

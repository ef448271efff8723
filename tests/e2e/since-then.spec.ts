import { expect, test, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { WIDTHS } from '../../src/charts/build.ts';
import { chartById } from '../../src/charts/index.ts';
import { figures, history } from '../../src/figures/index.ts';
import { formatDate, formatFigure, formatInteger, formatInUnit, withQualifier, type Lang, type Qualifier } from '../../src/format/format.ts';
import { t } from '../../src/i18n/index.ts';
import { scrollIntoLaidOutView } from './support/layout.ts';

const LANGS: Lang[] = ['hi', 'en'];

// The newest milestone, straight from the data file, written by the formatter.
const milestones = csvParse(readFileSync('content/data/national-milestones.csv', 'utf8')).sort((a, b) => (a['as_of'] ?? '').localeCompare(b['as_of'] ?? ''));
const latest = milestones.at(-1)!;
const latestText = (lang: Lang) => withQualifier(formatInUnit(Number(latest['total']), 'crore', lang, 2), latest['qualifier'] as Qualifier, lang);
const states = csvParse(readFileSync('content/data/states.csv', 'utf8'));
const nameOf = (code: string, lang: Lang) => states.find((row) => row['code'] === code)?.[lang === 'hi' ? 'name_hi' : 'name_en'] ?? '';

async function tableCells(figure: Locator): Promise<string[][]> {
  return figure.locator('.chart-data tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim() ?? '')));
}

for (const lang of LANGS) {
  test.describe(`${lang}: since then`, () => {
    test('the section is there, after the states, with the newest figure and its qualifier in the prose', async ({ page }) => {
      await page.goto(`/${lang}/`);
      const heading = page.locator('h2#since-then');
      await expect(heading).toHaveCount(1);
      const section = page.locator('section.report-section', { has: heading });
      // '43 करोड़ से अधिक' / 'over 43 crore', from the data through the formatter.
      expect(latestText(lang)).toBe(lang === 'hi' ? '43\u00A0करोड़ से अधिक' : 'over 43\u00A0crore');
      await expect(section).toContainText(latestText(lang));
      await expect(section.locator('[data-fig="latest.total"]').first()).toHaveText(latestText(lang));
      await expect(section.locator('[data-fig="latest.date"]').first()).toHaveText(formatDate(latest['as_of']!, lang));
      // Every cited figure reads exactly as the registry and formatter write it.
      for (const element of await section.locator('[data-fig]').all()) {
        const key = (await element.getAttribute('data-fig'))!;
        const format = (await element.getAttribute('data-format')) ?? undefined;
        const decimals = await element.getAttribute('data-decimals');
        await expect(element).toHaveText(formatFigure(figures.get(key)!, lang, format as never, decimals ? Number(decimals) : undefined));
      }
      // The moves in words, and the sources of the newest figures, with dates written out.
      await expect(section.locator('.rank-move[data-state="IN-WB"]')).toHaveAttribute('data-move', 'up');
      await expect(section.locator('.rank-move[data-state="IN-MP"]')).toHaveAttribute('data-move', 'down');
      await expect(section.locator('.rank-move[data-state="IN-TS"]')).toHaveAttribute('data-move', 'entered');
      // A citation names the publisher in the page's language, the day of its figures and the day it appeared,
      // and links to the source list (which gives the address), not to an address in mid-sentence.
      const latestCite = section.locator('.cite[data-cite="latest.total"]');
      await expect(latestCite.locator('a')).toHaveText(
        lang === 'hi' ? 'द हॉक (आईएएनएस; 2 दिसंबर 2025 को राज्यसभा में लिखित उत्तर)' : 'The Hawk (IANS; Rajya Sabha written reply of 2 December 2025)',
      );
      await expect(latestCite).toContainText(lang === 'hi' ? '23 नवंबर 2025 तक के आंकड़े, 2 दिसंबर 2025 को प्रकाशित' : 'figures as of 23 November 2025, published 2 December 2025');
      await expect(latestCite.locator('a')).toHaveAttribute('href', '#source-thehawk-2025-12-02');
      await expect(page.locator('#source-thehawk-2025-12-02 a')).toHaveAttribute('href', /^https:\/\/www\.thehawk\.in\//);
      // The renaming has its source: the ministry's letter, as The Federal reported it.
      const renaming = section.locator('.cite[data-cite="event.aam-renaming"]');
      await expect(renaming.locator('a')).toHaveText(lang === 'hi' ? 'द फ़ेडरल (पीटीआई)' : 'The Federal (PTI)');
      await expect(renaming.locator('a')).toHaveAttribute('href', '#source-thefederal-2023-11-26');
      await expect(section.locator('[data-fig="event.aam-renaming"]')).toHaveText(lang === 'hi' ? '25 नवंबर 2023' : '25 November 2023');
      await expect(section).not.toContainText(lang === 'hi' ? 'आंकड़ों में दर्ज नहीं' : 'none in the data');
      // No address in the prose, so print (which writes an outside link's address after it) prints none mid-sentence.
      await expect(section.locator('p a[href^="http"]')).toHaveCount(0);
      // No raw ISO date in the prose (the charts' captions are checked in charts.spec.ts).
      const prose = await section.evaluate((element) => {
        const copy = element.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('figure, script').forEach((node) => node.remove());
        return copy.textContent ?? '';
      });
      expect(prose).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      await expect(section).toContainText(lang === 'hi' ? 'आयुष्मान आरोग्य मंदिर' : 'Ayushman Arogya Mandir');
      // The places in the table of contents follow the file order.
      const toc = await page.locator('.toc a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(toc.indexOf('#since-then')).toBe(toc.indexOf('#mix') + 1);
    });

    test('the growth chart names its markers in words and lists each count with its qualifier', async ({ page }) => {
      await page.goto(`/${lang}/`);
      const figure = page.locator('figure#chart-growth');
      await expect(figure).toHaveCount(1);
      const texts = await figure.locator('.chart-wide svg text').allTextContents();
      for (const qualifier of ['exact', 'about', 'at-least'] as const) expect(texts).toContain(t(lang, `chart.marker.${qualifier}`));
      await figure.locator('.chart-data summary').click();
      const cells = await tableCells(figure);
      expect(cells).toHaveLength(milestones.length);
      expect(cells.at(-1)).toEqual([formatDate(latest['as_of']!, lang), latestText(lang), t(lang, 'qualifier.at-least'), lang === 'hi' ? expect.stringContaining('द हॉक') : expect.stringContaining('The Hawk')]);
      expect(cells.map((row) => row[2])).toEqual(milestones.map((row) => t(lang, `qualifier.${row['qualifier'] as Qualifier}`)));
    });

    test('a state missing from a top ten is absent, not zero: marked in the table, no point in the drawing', async ({ page }) => {
      await page.goto(`/${lang}/`);
      const figure = page.locator('figure#chart-ranks');
      await expect(figure).toHaveCount(1);
      await figure.locator('.chart-data summary').click();
      const cells = await tableCells(figure);
      const telangana = cells.find((row) => row[0] === nameOf('IN-TS', lang))!;
      const absent = t(lang, 'since.absent');
      expect(telangana).toEqual([nameOf('IN-TS', lang), absent, absent, absent, formatInteger(7)]);
      expect(cells.flat()).not.toContain('0');
      // The config the drawing is made from: null where absent.
      for (const width of Object.values(WIDTHS)) {
        const set = chartById('ranks').config(lang, { width }).data.datasets.find((candidate) => candidate.label === nameOf('IN-TS', lang)) as { data: unknown[]; spanGaps?: boolean };
        expect(set.data).toEqual([null, null, null, 7]);
        expect(set.spanGaps).toBe(false);
      }
      // Its tooltips: Telangana is in one only, at the newest list.
      for (const variant of ['wide', 'narrow']) {
        const tips = await figure.locator(`.chart-${variant} svg .chart-hits rect`).evaluateAll((rects) => rects.map((rect) => rect.getAttribute('data-tip') ?? ''));
        expect(tips.filter((tip) => tip.includes(nameOf('IN-TS', lang)))).toEqual([expect.stringContaining(formatDate(history.rankings.at(-1)!.asOf, lang))]);
      }
      // In the SVG, Telangana's colour marks one point only, at the newest list.
      for (const variant of ['wide', 'narrow']) {
        const points = await figure.locator(`.chart-${variant} svg path.f-chart-opd`).evaluateAll((paths) => paths.map((path) => path.getAttribute('d') ?? ''));
        expect(points.filter((d) => d.includes('A'))).toHaveLength(history.rankings.filter((ranking) => ranking.states.some((state) => state.code === 'IN-TS')).length);
      }
      // Names at the line ends, as states.csv spells them.
      const labels = await figure.locator('.chart-wide svg text').allTextContents();
      for (const code of ['IN-WB', 'IN-MP', 'IN-TS']) expect(labels).toContain(nameOf(code, lang));
    });

    test('the network chart shows the target and the qualifiers', async ({ page }) => {
      await page.goto(`/${lang}/`);
      const figure = page.locator('figure#chart-network');
      await expect(figure).toHaveCount(1);
      const texts = (await figure.locator('.chart-wide svg text').allTextContents()).join(' | ');
      expect(texts).toContain(formatInteger(155000));
      expect(texts).toContain(t(lang, 'chart.marker.at-least'));
      await figure.locator('.chart-data summary').click();
      const values = (await tableCells(figure)).map((row) => row[2]);
      expect(values).toContain(withQualifier(formatInteger(27000), 'at-least', lang));
      expect(values).toContain(withQualifier(formatInteger(3000), 'about', lang));
    });
  });
}

for (const lang of LANGS) {
  for (const width of [360, 1280]) {
    test(`${lang} at ${width} px: the section fits the screen (screenshot attached)`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/${lang}/#since-then`);
      await page.evaluate(() => document.fonts.ready);
      const section = page.locator('section.report-section', { has: page.locator('h2#since-then') });
      await scrollIntoLaidOutView(section);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await testInfo.attach(`since-then-${lang}-${width}.png`, { body: await section.screenshot(), contentType: 'image/png' });
    });
  }
}

import { expect, test, type Page } from '@playwright/test';
import { figures, perPerson, snapshot } from '../../src/figures/index.ts';
import { rateCaveat, rateUnit } from '../../src/figures/per-person-text.ts';
import { formatDate, formatFigure, formatInteger, formatInUnit, type FigureStyle, type Lang } from '../../src/format/format.ts';

const LANGS: Lang[] = ['hi', 'en'];

/** Collects what a reader's browser would complain about or fetch from elsewhere while the page loads. */
function watch(page: Page) {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('http://127.0.0.1:') && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return { errors, foreign };
}

for (const lang of LANGS) {
  test.describe(`the ${lang} report`, () => {
    test('shows the key figures as a reader sees them', async ({ page }) => {
      await page.goto(`/${lang}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const main = page.locator('main');
      await expect(main).toContainText(formatInteger(snapshot.national.total));
      await expect(main).toContainText(formatInUnit(snapshot.national.total, 'crore', lang));
      await expect(main).toContainText(formatDate(snapshot.asOf, lang));
      await expect(main).toContainText(lang === 'hi' ? 'लगभग 90,000' : 'about 90,000');
      await expect(main).toContainText(lang === 'hi' ? 'मध्य प्रदेश' : 'Madhya Pradesh');
      await expect(main).toContainText(lang === 'hi' ? 'छठे' : 'sixth');
      await expect(main).toContainText('89.7%');
      await expect(main).toContainText('13,87,089');
    });

    test('per person: the states section gives the rates with the census named, and the caveat once', async ({ page }) => {
      await page.goto(`/${lang}/`);
      const states = page.locator('section[aria-labelledby="states"]');
      const rate = (key: string) => formatFigure(figures.get(key)!, lang);
      await expect(states).toContainText(rateUnit(lang, 'long'));
      await expect(states).toContainText(rate('perPerson.snapshot.IN-UK'));
      await expect(states).toContainText(rate('perPerson.latest.national'));
      await expect(states).toContainText(lang === 'hi' ? 'लगभग 82.7' : 'about 82.7');
      // The census is old: the page says so exactly once, and names the census tables as the source of the population.
      await expect(page.locator('main').getByText(rateCaveat(lang))).toHaveCount(1);
      await expect(states.locator('[data-cite="perPerson.census"]')).toContainText(formatDate(perPerson.census.date, lang));
    });

    test('every digit on the page came from the data through the formatting module', async ({ page }) => {
      await page.goto(`/${lang}/`);
      const cited = await page.locator('[data-fig]').evaluateAll((elements) =>
        elements.map((element) => ({
          key: element.getAttribute('data-fig') ?? '',
          format: element.getAttribute('data-format') ?? undefined,
          decimals: element.getAttribute('data-decimals') ?? undefined,
          text: element.textContent ?? '',
        })),
      );
      expect(cited.length).toBeGreaterThan(20);
      for (const { key, format, decimals, text } of cited) {
        const figure = figures.get(key);
        expect(figure, `figure ${key}`).toBeDefined();
        if (figure) expect(text, key).toBe(formatFigure(figure, lang, format as FigureStyle | undefined, decimals ? Number(decimals) : undefined));
      }
      // Take away what the formatter wrote (cited figures, generated tables and charts): no digit may remain.
      const rest = await page.evaluate(() => {
        const body = document.body.cloneNode(true) as HTMLElement;
        body.querySelectorAll('[data-fig], [data-generated], script, style, template').forEach((node) => node.remove());
        return body.textContent ?? '';
      });
      expect(rest.match(/.{0,30}[0-9०-९].{0,30}/g) ?? []).toEqual([]);
    });

    test('has a table of contents whose links reach sections with the same ids in both languages', async ({ page }) => {
      const tocOf = async (code: Lang) => {
        await page.goto(`/${code}/`);
        return page.locator('.toc a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      };
      const other = await tocOf(lang === 'hi' ? 'en' : 'hi');
      const ids = await tocOf(lang);
      expect(ids).toEqual(other);
      expect(ids).toEqual(expect.arrayContaining(['#overview', '#two-variants', '#ab-hwc', '#opd', '#states', '#mix', '#since-then', '#who-builds', '#data']));
      for (const id of ids) await expect(page.locator(`h2${id}`)).toHaveCount(1);
    });

    test('carries its language, alternates and Open Graph tags', async ({ page }) => {
      await page.goto(`/${lang}/`);
      await expect(page.locator('link[rel=alternate][hreflang=hi]')).toHaveAttribute('href', /\/hi\/$/);
      await expect(page.locator('link[rel=alternate][hreflang=en]')).toHaveAttribute('href', /\/en\/$/);
      await expect(page.locator('meta[name=description]')).toHaveAttribute('content', /.{40,}/);
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /.+/);
      await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', lang === 'hi' ? 'hi_IN' : 'en_IN');
      const other = lang === 'hi' ? 'en' : 'hi';
      await expect(page.locator('.lang-switch')).toHaveAttribute('lang', other);
    });

    test('shows its first chart when its link is shared, a PNG at least 1200 px wide with the chart\'s text alternative', async ({ page, request }) => {
      await page.goto(`/${lang}/`);
      const first = page.locator('main figure[data-chart]').first();
      const chart = await first.getAttribute('data-chart');
      const image = new URL((await page.locator('meta[property="og:image"]').getAttribute('content')) ?? '');
      expect(image.pathname).toBe(`/${lang}/charts/${chart}.png`);
      await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
      const response = await request.get(image.pathname);
      expect(response.headers()['content-type']).toBe('image/png');
      const png = await response.body();
      await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', String(png.readUInt32BE(16)));
      await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute('content', String(png.readUInt32BE(20)));
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1200);
      const alt = await page.locator('meta[property="og:image:alt"]').getAttribute('content');
      expect(alt).toBe((await first.locator('.chart-alt').textContent())?.trim());
    });

    test('uses the self-hosted Devanagari font and asks no other origin for anything', async ({ page }) => {
      const { errors, foreign } = watch(page);
      await page.goto(`/${lang}/`);
      await page.evaluate(() => document.fonts.ready);
      const loaded = await page.evaluate(() => [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family));
      expect(loaded.join(' ')).toContain('Noto Sans Devanagari');
      await page.mouse.wheel(0, 20000);
      await page.waitForLoadState('networkidle');
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
    });

    test('fits a 320 px phone with no sideways scrolling', async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(`/${lang}/`);
      await page.evaluate(() => document.fonts.ready);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });

    // The sections clip what overflows them (base.css: so checkers skip what is not yet laid out), so a
    // section must hold all it has, and room for a focus ring (3 px outline, 2 px offset) round each control.
    for (const width of [320, 1280]) {
      test(`at ${width} px no section cuts off its content or a focus ring`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`/${lang}/`);
        await page.evaluate(() => document.fonts.ready);
        const cut = await page.evaluate(async () => {
          // Down the page a screen at a time, so every section is laid out as a reader scrolling would see it.
          for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
            scrollTo(0, y);
            await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
          }
          const found: string[] = [];
          for (const section of document.querySelectorAll<HTMLElement>('.report-section')) {
            const name = section.querySelector('h2')?.id ?? '?';
            if (section.scrollWidth > section.clientWidth || section.scrollHeight > section.clientHeight) {
              found.push(`${name}: content ${section.scrollWidth}x${section.scrollHeight} in ${section.clientWidth}x${section.clientHeight}`);
            }
            const box = section.getBoundingClientRect();
            for (const control of section.querySelectorAll<HTMLElement>('a[href], button, summary, textarea, [tabindex="0"]')) {
              // A wide table scrolls in its own box, which must itself sit inside the section.
              const holder = control.closest<HTMLElement>('.table-scroll') ?? control;
              const rect = holder.getBoundingClientRect();
              if (rect.width === 0 && rect.height === 0) continue;
              const room = holder === control ? 5 : 0;
              if (rect.left - room < box.left || rect.right + room > box.right || rect.top - room < box.top || rect.bottom + room > box.bottom) {
                found.push(`${name}: ${control.outerHTML.slice(0, 80)}`);
              }
            }
          }
          return found;
        });
        expect(cut).toEqual([]);
      });
    }
  });
}

test('the language switch follows the section being read, down and back up', async ({ page }) => {
  await page.goto('/hi/');
  const link = page.locator('.lang-switch');
  await expect(link).toHaveAttribute('href', /\/en\/$/);
  // Down section by section, a jump over several, the footer, then back to the top.
  for (const id of ['overview', 'two-variants', 'mix', 'states']) {
    await page.evaluate((target) => document.getElementById(target)?.scrollIntoView({ block: 'start' }), id);
    await expect(link).toHaveAttribute('href', new RegExp(`/en/#${id}$`));
  }
  const last = await page.locator('main > section > h2').last().getAttribute('id');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(link).toHaveAttribute('href', new RegExp(`/en/#${last}$`));
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(link).toHaveAttribute('href', /\/en\/$/);
});

test('the language switch lands on the same section in the other language', async ({ page }) => {
  await page.goto('/hi/');
  await page.evaluate(() => document.getElementById('states')?.scrollIntoView({ block: 'start' }));
  await expect(page.locator('.lang-switch')).toHaveAttribute('href', /\/en\/#states$/);
  await page.locator('.lang-switch').click();
  await expect(page).toHaveURL(/\/en\/#states$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const top = await page.locator('h2#states').evaluate((heading) => heading.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(120);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the root page offers both languages, Hindi first, with hreflang alternates', async ({ page }) => {
    await page.goto('/');
    const links = page.locator('a.root-link');
    await expect(links).toHaveCount(2);
    await expect(links.nth(0)).toHaveAttribute('href', '/hi/');
    await expect(links.nth(1)).toHaveAttribute('href', '/en/');
    await expect(page.locator('link[rel=alternate][hreflang=hi]')).toHaveCount(1);
    await expect(page.locator('link[rel=alternate][hreflang=en]')).toHaveCount(1);
    await links.nth(1).click();
    await expect(page.locator('h1')).toContainText('e-Sanjeevani');
  });

  test('the report reads in full and the switch still opens the other language', async ({ page }) => {
    await page.goto('/en/');
    await expect(page.locator('main h2')).toHaveCount(await page.locator('.toc a').count());
    await page.locator('.lang-switch').click();
    await expect(page).toHaveURL(/\/hi\/$/);
  });
});

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument, PDFName } from 'pdf-lib';
import { PDF_MARGINS_MM, PDF_MAX_BYTES } from '../../scripts/pdf.ts';
import { finishPdf, fontDescriptors, isTagged, outlineItems, setOutlineTitle } from '../../scripts/pdf-finish.ts';
import { extractPageTexts } from '../../scripts/pdf-text.ts';
import { dataset, snapshot } from '../../src/figures/index.ts';
import { formatInUnit, formatInteger, type Lang } from '../../src/format/format.ts';
import { t } from '../../src/i18n/index.ts';
import { pdfPath } from '../../src/print/pdf-file.ts';

// The report on paper and as PDF: the PDFs the build wrote (scripts/pdf.ts), and the page in Chromium's print
// emulation at the printed column's size. Text is read as a PDF viewer copies it (extractPageTexts, which
// honours /ActualText: pdf.js does not, and returns Hindi with its vowel signs torn off); pdf.js reads the
// rest (pages, metadata, outline, links). Spaces between words are not guaranteed in a PDF's text, so text
// is compared without them.

const LANGS: Lang[] = ['hi', 'en'];
const MM = 96 / 25.4; // CSS px per mm
const COLUMN_PX = (210 - PDF_MARGINS_MM.left - PDF_MARGINS_MM.right) * MM; // 657.6
const PAGE_PX = (297 - PDF_MARGINS_MM.top - PDF_MARGINS_MM.bottom) * MM; // 986.5

const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * Whether `passage` is in the pages' text, whole on one page or, where it runs over a page, its start on one
 * page and its rest on the next. (A PDF's text is in painting order: a chart is painted after the text around
 * it, so a paragraph cut by a page break is not followed by its rest in one run of text.)
 */
function foundInPages(passage: string, pages: string[]): boolean {
  return pages.some((body, index) => {
    if (body.includes(passage)) return true;
    const next = pages[index + 1];
    if (next === undefined) return false;
    for (let cut = passage.length - 1; cut > 0; cut -= 1) {
      if (body.includes(passage.slice(0, cut)) && next.includes(passage.slice(cut))) return true;
    }
    return false;
  });
}

async function fetchPdf(request: APIRequestContext, lang: Lang): Promise<Buffer> {
  const response = await request.get(pdfPath(lang));
  expect(response.status(), pdfPath(lang)).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  return Buffer.from(await response.body());
}

async function openPdf(bytes: Buffer): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
}

/** The page as it prints: print media, the printed column's width, a light or dark preference. */
async function openForPrint(page: Page, lang: Lang, colorScheme: 'light' | 'dark' = 'light'): Promise<void> {
  await page.setViewportSize({ width: Math.floor(COLUMN_PX), height: Math.floor(PAGE_PX) });
  await page.emulateMedia({ media: 'print', colorScheme });
  await page.goto(`/${lang}/`);
  await page.evaluate(() => document.fonts.ready);
}

/** The headings as the printed page shows them, in order: what the PDF's outline should say. */
async function printedHeadings(page: Page): Promise<string[]> {
  return page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((elements) =>
    elements.filter((element) => element.getClientRects().length > 0).map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}

/** The outline's titles, depth first, as a PDF viewer lists its bookmarks. */
async function outlineTitles(pdf: PDFDocumentProxy): Promise<string[]> {
  type Node = { title: string; items: Node[] };
  const walk = (nodes: Node[]): string[] => nodes.flatMap((node) => [node.title, ...walk(node.items)]);
  return walk(((await pdf.getOutline()) ?? []) as Node[]);
}

test('the @page margins of print.css are the PDF margins', () => {
  const css = readFileSync('src/styles/print.css', 'utf8');
  const margin = /@page\s*{[^}]*margin:\s*([^;]+);/.exec(css)?.[1]?.trim();
  const { top, right, bottom, left } = PDF_MARGINS_MM;
  expect(margin).toBe(`${top}mm ${right}mm ${bottom}mm ${left}mm`);
  expect(css).toMatch(/@page\s*{[^}]*size:\s*A4/);
});

for (const lang of LANGS) {
  test.describe(`the ${lang} PDF`, () => {
    test('is linked near the top of the page with its size, served, and under 2 MB', async ({ page, request }) => {
      await page.goto(`/${lang}/`);
      const link = page.locator('.masthead .pdf-link a');
      await expect(link).toHaveAttribute('href', pdfPath(lang));
      await expect(link).toHaveText(t(lang, 'report.pdf'));
      const bytes = await fetchPdf(request, lang);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.length).toBeLessThan(PDF_MAX_BYTES);
      const size = formatInteger(Math.max(1, bytes.length / 1024));
      await expect(page.locator('.pdf-link [data-pdf-size]')).toHaveText(t(lang, 'report.pdfSize', { size }));
    });

    test('holds the headline figures, the ten states and every paragraph, copied out exactly', async ({ page, request }) => {
      const pages = await extractPageTexts(await fetchPdf(request, lang));
      // Every glyph copies out as text: none without a /ToUnicode entry or an /ActualText span.
      expect(pages.map((one) => one.unmapped)).toEqual(pages.map(() => 0));
      // Each page's footer names the report and numbers the page in its language: 'पृष्ठ 3 / 8', 'Page 3 of 8'.
      const bodies = pages.map((one, index) => {
        let body = squash(one.text);
        for (const footer of [t(lang, 'site.short'), t(lang, 'print.page', { page: String(index + 1), total: String(pages.length) })].map(squash)) {
          expect(body, `the footer of page ${index + 1}`).toContain(footer);
          const at = body.indexOf(footer); // the margin boxes are painted before the page's content
          body = body.slice(0, at) + body.slice(at + footer.length);
        }
        return body;
      });
      const text = bodies.join('');

      expect(text).toContain(squash(formatInteger(snapshot.national.total))); // 1,34,11,325
      expect(text).toContain(squash(formatInUnit(snapshot.national.total, 'crore', lang))); // 1.34 करोड़ / 1.34 crore
      expect(snapshot.states).toHaveLength(10);
      for (const state of snapshot.states) {
        const row = dataset.states.find((candidate) => candidate.code === state.code);
        expect(row, state.code).toBeDefined();
        expect(text, state.code).toContain(squash(lang === 'hi' ? (row?.name_hi ?? '') : (row?.name_en ?? '')));
      }

      // Every paragraph and list item the printed page shows, in the PDF as written: Hindi conjuncts and
      // vowel signs included ('स्वास्थ्य और परिवार कल्याण मंत्रालय'). An outside link prints its address after it.
      await openForPrint(page, lang);
      const passages = await page.locator('main p, main li, .masthead p, .site-footer p').evaluateAll((elements) =>
        elements
          .filter((element) => element.getClientRects().length > 0 && !element.closest('table, figure, details'))
          .map((element) => {
            let passage = '';
            const walk = (node: Node) => {
              if (node.nodeType === Node.TEXT_NODE) passage += node.textContent ?? '';
              if (!(node instanceof HTMLElement) || getComputedStyle(node).display === 'none') return;
              node.childNodes.forEach(walk);
              const after = getComputedStyle(node, '::after').content;
              if (node instanceof HTMLAnchorElement && after.includes('http')) passage += ` (${node.getAttribute('href')})`;
            };
            element.childNodes.forEach(walk);
            return passage;
          }),
      );
      expect(passages.length).toBeGreaterThan(15);
      const missing = passages.filter((passage) => !foundInPages(squash(passage), bodies));
      expect(missing).toEqual([]);
      if (lang === 'hi') expect(text).toContain(squash('स्वास्थ्य और परिवार कल्याण मंत्रालय की गिनती में यह संख्या ठीक'));
    });

    test('has sensible pages, embedded fonts, its title and language, and an outline of the headings', async ({ page, request }) => {
      const bytes = await fetchPdf(request, lang);
      const pdf = await openPdf(bytes);
      expect(pdf.numPages).toBeGreaterThanOrEqual(3);
      expect(pdf.numPages).toBeLessThanOrEqual(20);
      const { info } = (await pdf.getMetadata()) as { info: Record<string, unknown> };
      expect(info['Title']).toBe(t(lang, 'site.title'));
      expect(info['Language']).toBe(lang);
      expect(info['IsLinearized'] ?? false).toBe(false);

      // Fonts: every one embedded (a /FontFile, /FontFile2 or /FontFile3 in its descriptor), Devanagari's own among them.
      const document = await PDFDocument.load(bytes, { updateMetadata: false });
      const fonts = fontDescriptors(document);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((font) => !font.embedded)).toEqual([]);
      const fontNames = fonts.map((font) => font.name).join(' ');
      expect(fontNames).toMatch(/\+NotoSansDevanagari-Regular/);
      expect(fontNames).toMatch(/\+NotoSansDevanagari-Bold/);
      // Tagged, for screen readers.
      expect(isTagged(document)).toBe(true);

      await openForPrint(page, lang);
      const headings = await printedHeadings(page);
      expect(headings.length).toBeGreaterThan(8);
      expect(await outlineTitles(pdf)).toEqual(headings);
    });

    test('links to the report’s own addresses, to places in itself, or to its listed sources', async ({ page, request }) => {
      const pdf = await openPdf(await fetchPdf(request, lang));
      await page.goto(`/${lang}/`);
      const site = new URL((await page.locator('link[rel=canonical]').getAttribute('href')) ?? '').origin;
      const sources = new Set(dataset.sources.map((source) => source.url).filter((url): url is string => Boolean(url)));
      const urls: string[] = [];
      const destinations: string[] = [];
      const others: string[] = [];
      for (let number = 1; number <= pdf.numPages; number += 1) {
        for (const annotation of await (await pdf.getPage(number)).getAnnotations()) {
          if (annotation.subtype !== 'Link') continue;
          if (typeof annotation.url === 'string') urls.push(annotation.url);
          else if (typeof annotation.dest === 'string') destinations.push(annotation.dest);
          else others.push(JSON.stringify(annotation.dest ?? annotation.action ?? annotation.unsafeUrl ?? null));
        }
      }
      expect(others).toEqual([]);
      expect(urls.filter((url) => !url.startsWith(`${site}/`) && !sources.has(url))).toEqual([]);
      // The report's own files answer where the links say (mapped onto the server the tests run against).
      for (const url of new Set(urls.filter((one) => one.startsWith(`${site}/`)))) {
        expect((await request.get(new URL(url).pathname)).status(), url).toBe(200);
      }
      // Every listed source with an address is a working link in the PDF.
      expect(urls.filter((url) => sources.has(url)).length).toBeGreaterThan(0);
      for (const source of sources) expect(urls, source).toContain(source);
      // The contents' entries and in-page links are destinations inside the PDF that exist.
      const sectionIds = await page.locator('.toc a').evaluateAll((links) => links.map((link) => (link.getAttribute('href') ?? '').slice(1)));
      for (const id of sectionIds) expect(destinations).toContain(id);
      for (const destination of new Set(destinations)) expect(await pdf.getDestination(destination), destination).not.toBeNull();
    });
  });

  test.describe(`the ${lang} page in print`, () => {
    test('shows a title block and hides what paper cannot use', async ({ page }) => {
      await openForPrint(page, lang);
      await expect(page.locator('h1')).toHaveText(t(lang, 'site.title'));
      await expect(page.locator('.masthead .byline')).toBeVisible();
      const canonical = (await page.locator('link[rel=canonical]').getAttribute('href')) ?? '';
      await expect(page.locator('.print-address')).toHaveText(t(lang, 'print.online', { url: canonical }));
      const shown = await page
        .locator('[data-print="hide"], nav:not(.toc), button, .skip-link, .chart-downloads, .chart-embed, .chart-links, figure details, .lang-switch')
        .evaluateAll((elements) => elements.filter((element) => element.getClientRects().length > 0).map((element) => element.outerHTML.slice(0, 80)));
      expect(shown).toEqual([]);
    });

    test('cuts no figure or table and fits everything to the printed column', async ({ page }) => {
      await openForPrint(page, lang);
      const report = await page.evaluate(
        ({ pagePx }) => {
          const column = document.querySelector('main')!.getBoundingClientRect();
          const problems: string[] = [];
          const name = (element: Element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}`;
          const visible = (element: Element) => element.getClientRects().length > 0;
          const figures = [...document.querySelectorAll('main figure')].filter(visible);
          for (const figure of figures) {
            const box = figure.getBoundingClientRect();
            if (getComputedStyle(figure).breakInside !== 'avoid') problems.push(`${name(figure)} may break inside`);
            if (box.height > pagePx) problems.push(`${name(figure)} is ${Math.round(box.height)}px, taller than a page (${Math.round(pagePx)}px)`);
            if (box.left < column.left - 0.5 || box.right > column.right + 0.5) problems.push(`${name(figure)} is wider than the column`);
            for (const graphic of figure.querySelectorAll('svg, img, canvas')) {
              const inner = graphic.getBoundingClientRect();
              if (inner.width > box.width + 0.5 || inner.left < box.left - 0.5) problems.push(`a chart in ${name(figure)} is wider than its figure`);
            }
            if (figure.scrollWidth > figure.clientWidth + 1) problems.push(`${name(figure)} clips its content`);
          }
          const tables = [...document.querySelectorAll<HTMLTableElement>('main table')].filter(visible);
          for (const table of tables) {
            const box = table.getBoundingClientRect();
            if (box.right > column.right + 0.5) problems.push(`${name(table)} is wider than the column`);
            const scroller = table.closest('.table-scroll');
            if (scroller && scroller.scrollWidth > scroller.clientWidth + 1) problems.push(`${name(table)} would be clipped`);
            const rowsWhole = [...table.querySelectorAll('tr')].every((row) => getComputedStyle(row).breakInside === 'avoid');
            if (!rowsWhole) problems.push(`${name(table)} may cut a row`);
            if (getComputedStyle(table).breakInside !== 'avoid') problems.push(`${name(table)} may break inside`);
            if (box.height > pagePx) problems.push(`${name(table)} is ${Math.round(box.height)}px, taller than a page (${Math.round(pagePx)}px)`);
          }
          const spaced = [...document.querySelectorAll('body, body *')].filter((element) => !['normal', '0px'].includes(getComputedStyle(element).letterSpacing));
          return {
            problems,
            figures: figures.length,
            tables: tables.length,
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            spaced: spaced.map(name),
          };
        },
        { pagePx: PAGE_PX },
      );
      expect(report.problems).toEqual([]);
      expect(report.figures + report.tables).toBeGreaterThan(0);
      expect(report.overflow).toBeLessThanOrEqual(0);
      expect(report.spaced).toEqual([]); // letter-spacing pulls Devanagari apart
    });

    test('prints black on white in a dark colour scheme too, with chart colours apart in greyscale and labels legible on their bars and tiles', async ({ page }) => {
      await openForPrint(page, lang, 'dark');
      const colours = await page.evaluate(() => {
        const probe = document.createElement('span');
        document.body.append(probe);
        const resolve = (value: string) => {
          probe.style.color = value;
          const [r, g, b] = (getComputedStyle(probe).color.match(/[\d.]+/g) ?? []).map(Number);
          return [r ?? 0, g ?? 0, b ?? 0];
        };
        const root = getComputedStyle(document.documentElement);
        const variable = (name: string) => resolve(root.getPropertyValue(name).trim());
        const result = {
          text: resolve(getComputedStyle(document.body).color),
          background: resolve(getComputedStyle(document.body).backgroundColor),
          hwc: variable('--chart-hwc'),
          opd: variable('--chart-opd'),
          onHwc: variable('--chart-on-hwc'),
          onOpd: variable('--chart-on-opd'),
          bar: variable('--chart-bar'),
          highlight: variable('--chart-highlight'),
          rest: variable('--chart-rest'),
          map: [1, 2, 3, 4].map((index) => variable(`--chart-map-${index}`)),
          onMap: [1, 2, 3, 4].map((index) => variable(`--chart-on-map-${index}`)),
          nodata: variable('--chart-nodata'),
          nodataLine: variable('--chart-nodata-line'),
        };
        probe.remove();
        return result;
      });
      // Relative luminance (WCAG): what a greyscale printer keeps of a colour.
      const luminance = ([r, g, b]: number[]) => {
        const linear = (channel: number) => ((channel /= 255) <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4);
        return 0.2126 * linear(r ?? 0) + 0.7152 * linear(g ?? 0) + 0.0722 * linear(b ?? 0);
      };
      expect(colours.text).toEqual([0, 0, 0]);
      expect(colours.background).toEqual([255, 255, 255]);
      const apart = (a: number[], b: number[]) => Math.abs(luminance(a) - luminance(b));
      expect(apart(colours.hwc, colours.opd)).toBeGreaterThan(0.2);
      expect(apart(colours.highlight, colours.bar)).toBeGreaterThan(0.1);
      expect(apart(colours.highlight, colours.rest)).toBeGreaterThan(0.2);
      // The map: its classes print from light to dark, each a step apart, and the tiles of states not in the
      // list print far lighter than the lightest class, with their hatching and outline darker than their fill.
      const map = colours.map.map(luminance);
      map.slice(1).forEach((value, index) => expect(map[index]! - value).toBeGreaterThan(0.03));
      expect(luminance(colours.nodata) - map[0]!).toBeGreaterThan(0.4);
      expect(apart(colours.nodata, colours.nodataLine)).toBeGreaterThan(0.4);
      // A value written on a bar or tile keeps WCAG's 4.5:1 against it: the print colours replace the screen's
      // fills, so the labels' colours must come with them (a dark scheme's labels are dark).
      const contrast = (a: number[], b: number[]) => {
        const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (light! + 0.05) / (dark! + 0.05);
      };
      const labelled = [
        ['hwc', colours.onHwc, colours.hwc],
        ['opd', colours.onOpd, colours.opd],
        ...colours.map.map((fill, index) => [`map-${index + 1}`, colours.onMap[index]!, fill] as const),
      ] as const;
      for (const [name, label, fill] of labelled) expect(contrast(label, fill), `the label on --chart-${name}`).toBeGreaterThanOrEqual(4.5);
    });
  });
}

test('the PDF step adds /Lang for a Chromium that does not, and mends outline titles Chromium runs together or doubles', async ({ request }) => {
  const bytes = await fetchPdf(request, 'hi');
  const expected = await outlineTitles(await openPdf(bytes));
  // A copy as an older Chromium would write it: no /Lang ...
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  document.catalog.delete(PDFName.of('Lang'));
  // ... and with one outline title doubled and another run together at its line break.
  const items = outlineItems(document);
  const doubled = items[0];
  const runTogether = items.find((item) => item !== doubled && item.title.includes(' '));
  if (!doubled || !runTogether) throw new Error('The outline has too few entries to test.');
  setOutlineTitle(doubled, doubled.title.repeat(2));
  setOutlineTitle(runTogether, runTogether.title.replace(' ', ''));
  const broken = Buffer.from(await document.save());
  expect(((await (await openPdf(broken)).getMetadata()) as { info: Record<string, unknown> }).info['Language'] ?? null).toBeNull();
  expect(await outlineTitles(await openPdf(broken))).not.toEqual(expected);

  const { pdf: finished, mended } = await finishPdf(broken, { lang: 'hi', title: t('hi', 'site.title'), headings: expected });
  expect(mended).toHaveLength(2);
  const reopened = await openPdf(finished);
  const { info } = (await reopened.getMetadata()) as { info: Record<string, unknown> };
  expect(info['Language']).toBe('hi');
  expect(reopened.numPages).toBe((await openPdf(bytes)).numPages);
  expect(await outlineTitles(reopened)).toEqual(expected);
  expect((await extractPageTexts(finished)).map((page) => page.text)).toEqual((await extractPageTexts(bytes)).map((page) => page.text));
});

/**
 * The report as a PDF in each language, printed by Chromium from the built page with its print styles
 * (src/styles/print.css), and written next to the page: /hi/e-sanjeevani-report.pdf, /en/e-sanjeevani-report.pdf.
 *
 * Called by the build (scripts/post-build.ts) on the staging folder. Also runs on its own, on a built folder:
 *   node scripts/pdf.ts dist-print
 *
 * What it holds to, or stops the build: every web font loaded (never an empty box), every image decoded,
 * every in-page link reaching an element, the PDF tagged with its title and language, its outline titled as
 * the headings, fonts embedded, each file under PDF_MAX_BYTES. Chromium prints; pdf-lib finishes the file
 * (scripts/pdf-finish.ts).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { formatInteger } from '../src/format/format.ts';
import { LANGS, t, type Lang } from '../src/i18n/index.ts';
import { PDF_SIZE_MARKER, pdfPath } from '../src/print/pdf-file.ts';
import { HOW_TO_GET_CHROMIUM, chromiumLaunchOptions } from './chromium.ts';
import { PDFDocument } from 'pdf-lib';
import { finishPdf, fontDescriptors } from './pdf-finish.ts';
import { serveFolder } from './serve.ts';

/** The page margins of the PDF; the same as @page in src/styles/print.css, so the browser's print matches. */
export const PDF_MARGINS_MM = { top: 16, right: 18, bottom: 20, left: 18 } as const;
/** A reader on a phone's data plan should not pay for more than this. */
export const PDF_MAX_BYTES = 2 * 1024 * 1024;

export interface PdfResult {
  lang: Lang;
  file: string;
  bytes: number;
  /** The size of the PDF as Chromium printed it, before pdf-lib finished it (with object streams). */
  printedBytes: number;
  pages: number;
  ms: number;
}

const mm = (value: number) => `${value}mm`;

/** Waits until the page is as it will print: fonts loaded, images decoded. Throws on a font or image that failed. */
async function settle(page: Page): Promise<void> {
  const problems = await page.evaluate(async () => {
    for (const image of document.images) image.loading = 'eager';
    await document.fonts.ready;
    // Fonts load when text needs them; ask for every weight the page uses, in both scripts, to be sure.
    const weights = new Set<string>();
    for (const element of document.querySelectorAll('body *')) weights.add(getComputedStyle(element).fontWeight);
    await Promise.all([...weights].map((weight) => document.fonts.load(`${weight} 1em "Noto Sans Devanagari"`, 'कि Ag1')));
    await document.fonts.ready;
    await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
    const failed: string[] = [];
    document.fonts.forEach((face) => {
      if (face.status === 'error') failed.push(`font ${face.family} ${face.weight} did not load`);
    });
    for (const image of document.images) if (!image.complete || image.naturalWidth === 0) failed.push(`image ${image.src} did not load`);
    return failed;
  });
  if (problems.length > 0) throw new Error(`The page is not ready to print:\n  ${problems.join('\n  ')}`);
}

/**
 * Makes the links right for a PDF that leaves this machine. The page is served here from a temporary
 * localhost port, so a link such as /data/states.csv would point at that port: it is rewritten to the
 * report's own address (from the page's canonical link, i.e. the site's SITE_URL). Links within the page
 * stay '#id', which Chromium turns into destinations inside the PDF. A '#id' that reaches nothing stops the build.
 */
async function fixLinks(page: Page): Promise<void> {
  const broken = await page.evaluate(() => {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href;
    if (!canonical) return ['the page has no <link rel=canonical> to take the report address from'];
    const here = new URL(location.href);
    const problems: string[] = [];
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const raw = link.getAttribute('href') ?? '';
      const url = new URL(raw, here);
      if (url.origin !== here.origin) continue; // another site: a source, as written
      if (url.pathname === here.pathname && url.hash) {
        link.setAttribute('href', url.hash);
        const id = decodeURIComponent(url.hash.slice(1));
        if (!document.getElementById(id)) problems.push(`the link "${link.textContent?.trim()}" goes to #${id}, which is not on the page`);
        continue;
      }
      link.setAttribute('href', new URL(url.pathname + url.search + url.hash, canonical).href);
    }
    return problems;
  });
  if (broken.length > 0) throw new Error(`Broken links in the page to print:\n  ${broken.join('\n  ')}`);
}

/** Checks the finished PDF: a PDF, under the size limit, every font embedded. Returns its page count. */
async function inspect(pdf: Buffer, label: string): Promise<number> {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`${label} is not a PDF.`);
  if (pdf.length > PDF_MAX_BYTES) {
    throw new Error(`${label} is ${formatInteger(pdf.length / 1024)} KB, over the limit of ${formatInteger(PDF_MAX_BYTES / 1024)} KB.`);
  }
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const fonts = fontDescriptors(document);
  const bare = fonts.filter((font) => !font.embedded);
  if (fonts.length === 0 || bare.length > 0) {
    throw new Error(`${label}: ${bare.length} of ${fonts.length} fonts are not embedded; a reader without them would see other letters or none.`);
  }
  return document.getPageCount();
}

async function printOne(browser: Browser, origin: string, siteDir: string, lang: Lang): Promise<PdfResult> {
  const started = performance.now();
  const context = await browser.newContext({ colorScheme: 'light', locale: lang === 'hi' ? 'hi-IN' : 'en-IN' });
  try {
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    const response = await page.goto(`${origin}/${lang}/`, { waitUntil: 'networkidle' });
    if (!response?.ok()) throw new Error(`/${lang}/ answered ${response?.status() ?? 'nothing'} to the PDF step.`);
    await settle(page);
    await fixLinks(page);
    const headings = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((elements) =>
      elements.filter((element) => element.getClientRects().length > 0).map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
    const printed = await page.pdf({
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      // The page-number footer is the page's own (@page margin boxes, src/print/footer-css.ts), drawn with its loaded fonts.
      margin: { top: mm(PDF_MARGINS_MM.top), right: mm(PDF_MARGINS_MM.right), bottom: mm(PDF_MARGINS_MM.bottom), left: mm(PDF_MARGINS_MM.left) },
    });
    const { pdf, mended } = await finishPdf(printed, { lang, title: await page.title(), headings });
    if (mended.length > 0) console.log(`  ${pdfPath(lang)}: outline titles mended: ${mended.join('; ')}`);
    const path = pdfPath(lang);
    const pages = await inspect(pdf, path);
    const file = join(siteDir, path);
    writeFileSync(file, pdf);
    return { lang, file, bytes: pdf.length, printedBytes: printed.length, pages, ms: performance.now() - started };
  } finally {
    await context.close();
  }
}

/** Writes the size of each PDF into its page's link, where the page left an empty marker for it. */
function announceSizes(siteDir: string, results: PdfResult[]): void {
  for (const { lang, bytes } of results) {
    const html = join(siteDir, lang, 'index.html');
    const page = readFileSync(html, 'utf8');
    const marker = new RegExp(`(<span[^>]*\\b${PDF_SIZE_MARKER}(?:="")?[^>]*>)[^<]*(</span>)`);
    if (!marker.test(page)) throw new Error(`${html} has no <span ${PDF_SIZE_MARKER}> for the PDF's size.`);
    const size = t(lang, 'report.pdfSize', { size: formatInteger(Math.max(1, bytes / 1024)) });
    writeFileSync(html, page.replace(marker, `$1${size}$2`));
  }
}

/** Prints both languages into `siteDir`. Throws, with what to do, when there is no Chromium. */
export async function buildPdfs(siteDir: string): Promise<PdfResult[]> {
  const launchOptions = chromiumLaunchOptions(); // throws HOW_TO_GET_CHROMIUM when there is none
  const server = await serveFolder(siteDir, 0);
  const { port } = server.address() as AddressInfo;
  let browser: Browser | undefined;
  try {
    try {
      browser = await chromium.launch(launchOptions);
    } catch (error) {
      throw new Error(`Chromium at ${launchOptions.executablePath} did not start: ${error instanceof Error ? error.message : error}\n${HOW_TO_GET_CHROMIUM}`);
    }
    const results: PdfResult[] = [];
    for (const lang of LANGS) results.push(await printOne(browser, `http://127.0.0.1:${port}`, siteDir, lang));
    announceSizes(siteDir, results);
    return results;
  } finally {
    await browser?.close();
    await new Promise((done) => server.close(done));
  }
}

/** One line per PDF for the build log. */
export function describe(results: PdfResult[]): string {
  return results
    .map(
      ({ lang, bytes, printedBytes, pages, ms }) =>
        `  ${pdfPath(lang)}: ${formatInteger(bytes / 1024)} KB (${formatInteger(printedBytes / 1024)} KB as Chromium printed it), ${pages} pages, ${formatInteger(ms)} ms`,
    )
    .join('\n');
}

if (import.meta.main) {
  const folder = resolve(process.argv[2] ?? process.env.OUT_DIR ?? 'dist');
  statSync(join(folder, 'hi', 'index.html'));
  const results = await buildPdfs(folder);
  console.log(`PDFs written into ${folder}:\n${describe(results)}`);
}

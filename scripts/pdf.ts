/**
 * The report as a PDF in each language, printed by Chromium from the built page with its print styles
 * (src/styles/print.css), and written next to the page: /hi/e-sanjeevani-report.pdf, /en/e-sanjeevani-report.pdf.
 *
 * Called by the build (scripts/post-build.ts) on the staging folder. Also runs on its own, on a built folder:
 *   node scripts/pdf.ts dist-print
 *
 * What it holds to, or stops the build: every web font loaded (never an empty box), every image decoded,
 * every in-page link reaching an element, the PDF tagged with its title and language, its outline titled as
 * the headings, fonts embedded, each file under PDF_MAX_BYTES.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { formatInteger } from '../src/format/format.ts';
import { LANGS, t, type Lang } from '../src/i18n/index.ts';
import { PDF_SIZE_MARKER, pdfPath } from '../src/print/pdf-file.ts';
import { HOW_TO_GET_CHROMIUM, chromiumLaunchOptions } from './chromium.ts';
import { PdfFile, appendObjects, decodePdfString, encodePdfString } from './pdf-objects.ts';
import { serveFolder } from './serve.ts';

/** The page margins of the PDF; the same as @page in src/styles/print.css, so the browser's print matches. */
export const PDF_MARGINS_MM = { top: 16, right: 18, bottom: 20, left: 18 } as const;
/** A reader on a phone's data plan should not pay for more than this. */
export const PDF_MAX_BYTES = 2 * 1024 * 1024;

export interface PdfResult {
  lang: Lang;
  file: string;
  bytes: number;
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

/**
 * Finishes the PDF Chromium wrote, as an incremental update (its bytes stay as they are; new versions of the
 * changed objects are appended):
 * - /Lang in the catalog, so a screen reader reads Hindi with a Hindi voice. Chromium 156 writes it from
 *   <html lang> itself; this only adds it for a Chromium that does not.
 * - The same bytes from the same sources: see makeReproducible.
 * - The outline (the PDF's bookmarks) titled exactly as the headings. Chromium takes each title from the laid-out
 *   text, so it joins a heading that wraps onto two lines without a space ('India'stelemedicine'), and writes
 *   a heading twice ('Data and sourcesData and sources') when `break-after: avoid` carries it over to the next page.
 */
export function finishPdf(printed: Buffer, lang: Lang, headings: string[]): { pdf: Buffer; mended: string[] } {
  const file = new PdfFile(makeReproducible(printed));
  const updates = new Map<number, string>();
  const catalog = file.dictionary(file.root);
  if (!catalog) throw new Error('The PDF has no catalog dictionary.');
  if (!/\/Lang\s*[(<]/.test(catalog)) updates.set(file.root, catalog.replace(/>>$/, `/Lang ${encodePdfString(lang)}>>`));

  const squash = (text: string) => text.replace(/\s+/g, '');
  const mended: string[] = [];
  for (const item of outlineItems(file)) {
    if (headings.includes(item.title)) continue;
    const matches = new Set(headings.filter((heading) => [squash(heading), squash(heading).repeat(2)].includes(squash(item.title))));
    if (matches.size !== 1) continue; // left as it is; the tests compare the outline with the headings
    const [heading] = [...matches] as [string];
    updates.set(item.number, item.dictionary.replace(item.rawTitle, encodePdfString(heading)));
    mended.push(`${item.title} -> ${heading}`);
  }
  return { pdf: appendObjects(file, updates), mended };
}

/**
 * The same bytes from the same sources (a test builds twice and compares). Chromium writes two things that
 * change from run to run; both are rewritten in place, with the same number of bytes, so every offset stays right:
 * - the time it printed (/CreationDate, /ModDate): with SOURCE_DATE_EPOCH set (the reproducible-builds
 *   convention) both become that time; without it they are blanked out (both are optional in a PDF);
 * - the ids of table header cells in the structure tree, '(node00000865)', taken from the page's internal node
 *   numbers: renumbered in order of first appearance ('(node00000001)', ...), references included, so each
 *   data cell still names its headers.
 */
export function makeReproducible(pdf: Buffer): Buffer {
  const file = new PdfFile(pdf);
  const copy = Buffer.from(pdf);
  const info = PdfFile.ref(file.trailer, 'Info');
  if (info !== undefined) {
    const offset = file.offsets.get(info) ?? 0;
    const end = file.text.indexOf('endobj', offset);
    const epoch = process.env.SOURCE_DATE_EPOCH;
    const pinned = epoch ? new Date(Number(epoch) * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14) : undefined;
    const object = file.text.slice(offset, end).replace(/\/(CreationDate|ModDate)\s*\(D:[^)]*\)/g, (entry, key: string) => {
      const dated = pinned ? `/${key} (D:${pinned}+00'00')` : '';
      return dated.length === entry.length ? dated : ' '.repeat(entry.length);
    });
    copy.write(object, offset, 'latin1');
  }
  // Only in the uncompressed structure tree: a compressed stream does not hold '(node' followed by digits and ')'.
  const renumbered = new Map<string, string>();
  for (const match of file.text.matchAll(/\(node(\d+)\)/g)) {
    const [whole, digits = ''] = match;
    if (!renumbered.has(whole)) renumbered.set(whole, `(node${String(renumbered.size + 1).padStart(digits.length, '0')})`);
    copy.write(renumbered.get(whole)!, match.index, 'latin1');
  }
  return copy;
}

/** The outline's entries: every object with a /Title and a /Parent that goes somewhere (/Dest or /A). */
export function outlineItems(file: PdfFile): { number: number; dictionary: string; rawTitle: string; title: string }[] {
  const items = [];
  for (const number of file.offsets.keys()) {
    const dictionary = file.dictionary(number);
    if (!dictionary || !/\/Parent\s/.test(dictionary) || !/\/(Dest|A)\s/.test(dictionary) || /\/Type\s*\/Annot/.test(dictionary)) continue;
    const rawTitle = /\/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(dictionary)?.[1];
    if (rawTitle) items.push({ number, dictionary, rawTitle, title: decodePdfString(rawTitle) });
  }
  return items;
}

/** Checks the finished PDF: a PDF, under the size limit, every font embedded. Returns its page count. */
function inspect(pdf: Buffer, label: string): number {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`${label} is not a PDF.`);
  if (pdf.length > PDF_MAX_BYTES) {
    throw new Error(`${label} is ${formatInteger(pdf.length / 1024)} KB, over the limit of ${formatInteger(PDF_MAX_BYTES / 1024)} KB.`);
  }
  const file = new PdfFile(pdf);
  const descriptors = [...file.offsets.keys()].map((number) => file.dictionary(number) ?? '').filter((dictionary) => /\/Type\s*\/FontDescriptor\b/.test(dictionary));
  const bare = descriptors.filter((descriptor) => !/\/FontFile[23]?\s/.test(descriptor));
  if (descriptors.length === 0 || bare.length > 0) {
    throw new Error(`${label}: ${bare.length} of ${descriptors.length} fonts are not embedded; a reader without them would see other letters or none.`);
  }
  return file.pages().length;
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
    const { pdf, mended } = finishPdf(printed, lang, headings);
    if (mended.length > 0) console.log(`  ${pdfPath(lang)}: outline titles mended: ${mended.join('; ')}`);
    const path = pdfPath(lang);
    const pages = inspect(pdf, path);
    const file = join(siteDir, path);
    writeFileSync(file, pdf);
    return { lang, file, bytes: pdf.length, pages, ms: performance.now() - started };
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
    .map(({ lang, bytes, pages, ms }) => `  ${pdfPath(lang)}: ${formatInteger(bytes / 1024)} KB, ${pages} pages, ${formatInteger(ms)} ms`)
    .join('\n');
}

if (import.meta.main) {
  const folder = resolve(process.argv[2] ?? process.env.OUT_DIR ?? 'dist');
  statSync(join(folder, 'hi', 'index.html'));
  const results = await buildPdfs(folder);
  console.log(`PDFs written into ${folder}:\n${describe(results)}`);
}

/**
 * The subset fonts draw exactly what the original fonts draw. The build cuts each font file down to the
 * glyphs its text shapes to (scripts/subset-fonts.ts); a conjunct or vowel-sign form missing from a
 * subset would change pixels. So each page is rendered twice in Chromium, once with the site's own
 * (subset) font files and once with the fontsource originals put in their place, and every section
 * of text and every chart figure must come out pixel for pixel the same.
 *
 * With hinting off. On Linux, Chromium hints these (unhinted) fonts with FreeType's auto-hinter, which
 * picks each glyph's hinting style from the scripts whose GSUB lookups can produce it; the original
 * files list the Devanagari conjuncts under their Latin, Cyrillic and Greek lookups too, a subset
 * prunes those rules, so a few conjuncts (प्र, ध्र) are hinted as Devanagari instead and move by a
 * fraction of a pixel. That is rasterising, not shaping (the glyphs and their positions are the same),
 * and character-based subsetting did it as well; so the comparison runs with hinting off, through a
 * fontconfig file that the browser reads.
 */
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { chromiumLaunchOptions } from '../../scripts/chromium.ts';
import { scrollIntoLaidOutView } from './support/layout.ts';
import { SITE_DIR } from './support/site.ts';

const NO_HINTING = join(mkdtempSync(join(tmpdir(), 'fonts-spec-')), 'fonts.conf');
writeFileSync(
  NO_HINTING,
  `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern"><edit name="hinting" mode="assign"><bool>false</bool></edit><edit name="hintstyle" mode="assign"><const>hintnone</const></edit></match>
  <match target="font"><edit name="hinting" mode="assign"><bool>false</bool></edit><edit name="hintstyle" mode="assign"><const>hintnone</const></edit></match>
</fontconfig>
`,
);
test.use({ launchOptions: { ...chromiumLaunchOptions(), env: { ...process.env, FONTCONFIG_FILE: NO_HINTING } } });

const ORIGINALS = 'node_modules/@fontsource/noto-sans-devanagari/files';
/** A reader's phone: narrow, so text wraps as much as it will, and at 2x, so a glyph's detail shows. */
const PHONE = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** How many sections the built report page has (its `main > section` elements). */
function sectionCount(path: string): number {
  const html = readFileSync(join(SITE_DIR, path, 'index.html'), 'utf8');
  let count = 0;
  const visit = (node: DefaultTreeAdapterMap['node']) => {
    if ('tagName' in node && node.tagName === 'main') {
      count += node.childNodes.filter((child) => 'tagName' in child && child.tagName === 'section').length;
    }
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parse(html));
  return count;
}

/**
 * What is compared: each report section with the figures in it, one test each (a page's screenshots at 2x
 * are the slow part, so no test carries them all), and an embed page whole.
 */
const CASES = [
  ...Array.from({ length: sectionCount('hi') }, (_, index) => ({
    path: '/hi/',
    label: `section ${index + 1}`,
    parts: `main > section:nth-of-type(${index + 1}), main > section:nth-of-type(${index + 1}) figure`,
  })),
  { path: '/hi/embed/states-total/', label: 'the whole embed', parts: 'main.embed, main figure' },
];

/** `/_astro/noto-sans-devanagari-devanagari-400-normal.BlDd6KY1.woff2` -> the fontsource file it was built from. */
function originalOf(url: string): string {
  const name = new URL(url).pathname.split('/').pop() ?? '';
  return join(ORIGINALS, name.replace(/\.[\w-]{8}\.woff2$/, '.woff2'));
}

interface Rendering {
  /** Screenshot of each part, in document order. */
  shots: Buffer[];
  /** Every font file the page fetched, with its body. */
  fonts: { url: string; body: Buffer }[];
  /** The page's FontFaces: what each covers and whether it loaded. */
  faces: { weight: string; unicodeRange: string; status: string }[];
}

/** Renders `path` on a phone and screenshots each of `parts` with every font the page uses loaded. */
async function render(browser: Browser, path: string, parts: string, originals: boolean): Promise<Rendering> {
  const context = await browser.newContext(PHONE);
  try {
    const page: Page = await context.newPage();
    if (originals) {
      await page.route('**/_astro/*.woff2', (route) =>
        route.fulfill({ status: 200, contentType: 'font/woff2', body: readFileSync(originalOf(route.request().url())) }),
      );
    }
    const fonts: Promise<{ url: string; body: Buffer }>[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.woff2')) fonts.push(response.body().then((body) => ({ url: response.url(), body })));
    });
    await page.goto(path, { waitUntil: 'load' });
    // The whole page laid out at once: a reader's browser lays a section out as it nears the screen
    // (content-visibility: auto), and a section laid out for the first time moves what is below it, so a
    // screenshot taken while others are still coming could catch a part mid-move. Fonts are what is
    // compared here, not that; and laying out every section asks for every font file the page can use.
    await page.evaluate(async () => {
      for (const element of document.querySelectorAll<HTMLElement>('*')) {
        if (getComputedStyle(element).contentVisibility === 'auto') element.style.contentVisibility = 'visible';
      }
      void document.documentElement.offsetHeight;
      await document.fonts.ready;
    });
    const faces = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].map((face) => ({ weight: face.weight, unicodeRange: face.unicodeRange, status: face.status }));
    });
    const shots: Buffer[] = [];
    for (const part of await page.locator(parts).all()) {
      await scrollIntoLaidOutView(part);
      shots.push(await part.screenshot({ animations: 'disabled' }));
    }
    return { shots, fonts: await Promise.all(fonts), faces };
  } finally {
    await context.close();
  }
}

test('/hi/ serves its own subset fonts: valid woff2, smaller than the originals, every face loaded', async ({ browser }) => {
  const subset = await render(browser, '/hi/', 'main > section:first-of-type', false);
  const original = await render(browser, '/hi/', 'main > section:first-of-type', true);
  // The fonts served are the build's own, valid woff2, smaller than the originals (or the tests compare nothing).
  expect(subset.fonts.length, 'font files fetched').toBeGreaterThan(0);
  for (const { url, body } of subset.fonts) {
    expect(body.subarray(0, 4).toString('latin1'), `${url} is woff2`).toBe('wOF2');
    expect(body.length, `${url} is a subset`).toBeLessThan(readFileSync(originalOf(url)).length);
  }
  expect(original.fonts.map((font) => font.url).sort()).toEqual(subset.fonts.map((font) => font.url).sort());
  // Every face the page declares loaded (an invalid or refused file would say 'error').
  expect(subset.faces.length).toBeGreaterThan(0);
  for (const face of [...subset.faces, ...original.faces]) expect(face, 'font face status').toMatchObject({ status: 'loaded' });
});

test('/hi/ has sections to compare', () => {
  expect(sectionCount('hi')).toBeGreaterThan(5);
});

for (const { path, label, parts } of CASES) {
  test(`${path} ${label} draws the same with the subset fonts as with the originals`, async ({ browser }, testInfo: TestInfo) => {
    const subset = await render(browser, path, parts, false);
    const original = await render(browser, path, parts, true);
    expect(subset.shots.length, `parts (${parts}) found`).toBeGreaterThan(0);
    expect(subset.shots.length).toBe(original.shots.length);
    const differing: number[] = [];
    subset.shots.forEach((shot, i) => {
      if (!shot.equals(original.shots[i]!)) differing.push(i);
    });
    for (const i of differing) {
      await testInfo.attach(`part-${i}-subset.png`, { body: subset.shots[i]!, contentType: 'image/png' });
      await testInfo.attach(`part-${i}-original.png`, { body: original.shots[i]!, contentType: 'image/png' });
    }
    expect(differing, `parts (${parts}) that render differently with the subset fonts`).toEqual([]);
  });
}

import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extractPageTexts } from '../../scripts/pdf-text.ts';
import { CHART_IDS } from '../../src/charts/index.ts';
import { dataset } from '../../src/figures/index.ts';
import type { Lang } from '../../src/format/format.ts';
import { t } from '../../src/i18n/index.ts';
import { pdfPath } from '../../src/print/pdf-file.ts';
import { checkTexts, formatStyleProblem, type ReaderText } from '../support/style/check.ts';
import { glossary } from '../support/style/glossary.ts';
import { readerTexts } from '../support/style/reader-text.ts';

// The copy desk's check over the built site, like the digit check: every page, embed page, chart SVG and PDF
// of each language, as a reader meets them, against content/style/glossary.json (tests/support/style/check.ts). A
// failure lists each place and its offending words. Files are read from the build folder itself.

const LANGS: Lang[] = ['hi', 'en'];
const DIST = process.env.OUT_DIR ?? 'dist';

/** Every file under `dir` whose name ends with `ending`, as paths from the project root. */
function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ending))
    .map((name) => join(dir, name))
    .sort();
}

const problemsIn = (texts: ReaderText[]) => checkTexts(texts, glossary).map(formatStyleProblem);

/**
 * A PDF page's text without the sources' addresses, which print after their links and may break across lines
 * (an address is allowed text, but its second line alone would read as a Latin word).
 */
function withoutAddresses(text: string): string {
  const addresses = dataset.sources.flatMap((source) => (source.url ? [source.url] : []));
  return addresses.reduce((rest, url) => {
    const anySpacing = [...url].map((char) => char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\\s*');
    return rest.replace(new RegExp(anySpacing, 'g'), ' ');
  }, text);
}

for (const lang of LANGS) {
  test.describe(`${lang}: the copy desk's rules`, () => {
    test('every built page and embed page: no forbidden variant, stray Latin word, comma before और or unsupported claim', () => {
      const pages = filesUnder(join(DIST, lang), '.html');
      // The report, the embed gallery and one embed page per chart at least.
      expect(pages).toContain(join(DIST, lang, 'index.html'));
      expect(pages).toContain(join(DIST, lang, 'embed', 'index.html'));
      expect(pages.filter((page) => page.includes(`${join(DIST, lang, 'embed')}/`) && page.endsWith('/index.html')).length).toBeGreaterThan(8);
      const texts = pages.flatMap((page) => readerTexts(readFileSync(page, 'utf8'), page, lang));
      expect(texts.length).toBeGreaterThan(100);
      expect(problemsIn(texts)).toEqual([]);
      // On a Hindi page the only English is the link to the English page: no publisher or note is let off
      // the Hindi rules by a lang="en" mark.
      if (lang === 'hi') expect([...new Set(texts.filter((text) => text.lang === 'en').map((text) => text.text.trim()))]).toEqual([t('hi', 'lang.switch')]);
    });

    test('every chart SVG file: its labels, keys and tooltips', () => {
      const svgs = filesUnder(join(DIST, lang, 'charts'), '.svg');
      // One file per chart the report lists.
      expect(svgs.map((svg) => basename(svg, '.svg')).sort()).toEqual([...CHART_IDS].sort());
      const texts = svgs.flatMap((svg) => readerTexts(readFileSync(svg, 'utf8'), svg, lang));
      expect(texts.length).toBeGreaterThan(50);
      expect(problemsIn(texts)).toEqual([]);
    });

    test('the PDF: every page’s text as a reader copies it', async () => {
      const file = join(DIST, pdfPath(lang));
      const pages = await extractPageTexts(readFileSync(file));
      expect(pages.length).toBeGreaterThan(3);
      expect(problemsIn(pages.map((page, index) => ({ place: `${file} page ${index + 1}`, lang, text: withoutAddresses(page.text) })))).toEqual([]);
    });
  });
}

/**
 * Steps that need the built site: each takes the staging folder and changes or adds files in it.
 * The fonts: subset to the glyphs the site's text shapes to (scripts/subset-fonts.ts).
 * The PDFs: one per language, printed by Chromium (scripts/pdf.ts). They are skipped only when asked,
 * with SKIP_PDF=1; without a Chromium the build stops and says how to get one.
 * The headers: _headers from the built pages' CSPs (scripts/headers.ts).
 * The addresses: a build for a public SITE_URL stops if any file, PDFs included, holds a local address.
 */
import { formatDecimal } from '../src/format/format.ts';
import { LANGS } from '../src/i18n/index.ts';
import { pdfPath } from '../src/print/pdf-file.ts';
import { buildPdfs, describe } from './pdf.ts';
import { siteAddress } from '../src/site/address.ts';
import { writeHeaders } from './headers.ts';
import { localAddressesIn } from './local-addresses.ts';
import { subsetFonts } from './subset-fonts.ts';

export async function postBuildSteps(siteDir: string): Promise<void> {
  // Fonts first: the PDFs embed the same subset files the pages serve.
  const fonts = await subsetFonts(siteDir);
  console.log(`Fonts subset to the glyphs the site's text uses: ${fonts.files} files, ${fonts.before} -> ${fonts.after} bytes`);
  if (process.env.SKIP_PDF === '1') {
    console.log(
      `\nPDFs SKIPPED (SKIP_PDF=1): ${LANGS.map(pdfPath).join(' and ')} were not made, ` +
        'so the pages\' PDF links lead nowhere in this build. Unset SKIP_PDF to make them.',
    );
  } else {
    const started = performance.now();
    const results = await buildPdfs(siteDir);
    console.log(`\nPDFs in ${formatDecimal((performance.now() - started) / 1000, 1)} s:\n${describe(results)}`);
  }
  console.log(`_headers: ${writeHeaders(siteDir)} rules, each page's CSP from its own <meta>`);
  if (!siteAddress().preview) {
    const local = await localAddressesIn(siteDir);
    if (local.length > 0) throw new Error(`The build for ${siteAddress().url} holds local addresses:\n  ${local.join('\n  ')}`);
  }
}

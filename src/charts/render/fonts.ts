/**
 * Registers the bundled Noto Sans Devanagari font files with @napi-rs/canvas.
 *
 * Why a dedicated family name: many Linux machines (this one included) ship a
 * system "Noto Sans Devanagari" (fonts-noto-core). When a font is registered
 * under that same name, Skia keeps resolving the *system* copy, whose version
 * and Latin coverage differ from the @fontsource files the browser downloads.
 * Text would then be measured with other advances than the ones the reader's
 * browser uses, and the SVG layout would drift from the PNG. Registering the
 * @fontsource files under a name no system font uses makes the measurement
 * come from exactly the bytes the web page serves.
 *
 * Formats: @napi-rs/canvas 1.1 (Skia) decodes .woff2 as well as .woff (checked:
 * both render and measure identically), so the .woff2 files are used, i.e. the
 * same files the fontsource CSS lists first for browsers.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * Family name under which the bundled font is registered with @napi-rs/canvas.
 * Every font string the renderer sees is rewritten to this family (see
 * `canvasFontString` in fontSpec.ts), so a chart config does not need to name it.
 */
export const CHART_FONT_FAMILY = 'Noto Sans Devanagari Chart';

/**
 * CSS font-family stack written into every SVG. `--chart-font` lets the page
 * choose its own font; the named fallbacks keep a standalone .svg readable on
 * machines that lack the web font (Nirmala UI and Mangal ship with Windows).
 */
export const CSS_FONT_STACK =
  'var(--chart-font,"Noto Sans Devanagari","Noto Sans","Nirmala UI",Mangal,sans-serif)';

/**
 * Language given to every @napi-rs/canvas context. Its default, 'inherit',
 * follows the build machine's locale, and the language selects OpenType
 * `locl` forms (Marathi changes some Devanagari conjuncts, for instance).
 * 'en' yields the default Devanagari forms, the same as a browser shows for a
 * page in `lang="hi"` or `lang="en"` (checked: identical advances for Hindi text).
 */
export const CANVAS_LANG = 'en';

const PACKAGE = '@fontsource/noto-sans-devanagari';
/** Subsets and weights to register; Latin is needed for digits and English labels. */
const SUBSETS = ['devanagari', 'latin'] as const;
const WEIGHTS = [400, 700] as const;

let registered = false;

/**
 * Finds the `files/` directory of the fontsource package. Resolution goes
 * through Node's resolver first (works from a bundled Astro chunk too, since
 * the resolver walks up to the project's node_modules), and falls back to
 * `process.cwd()` for unusual layouts.
 */
function fontFilesDir(): string {
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve(`${PACKAGE}/package.json`)), 'files');
  } catch {
    return join(process.cwd(), 'node_modules', PACKAGE, 'files');
  }
}

/**
 * Registers Noto Sans Devanagari 400 and 700 (Devanagari and Latin subsets)
 * under {@link CHART_FONT_FAMILY}. Safe to call any number of times: only the
 * first call touches GlobalFonts (registering twice would add duplicate faces).
 * @throws if a font file is missing or cannot be decoded.
 */
export function registerChartFonts(): void {
  if (registered) return;
  const dir = fontFilesDir();
  for (const subset of SUBSETS) {
    for (const weight of WEIGHTS) {
      const file = join(dir, `noto-sans-devanagari-${subset}-${weight}-normal.woff2`);
      if (!existsSync(file)) {
        throw new Error(`Chart font file not found: ${file} (is ${PACKAGE} installed?)`);
      }
      if (!GlobalFonts.registerFromPath(file, CHART_FONT_FAMILY)) {
        throw new Error(`@napi-rs/canvas could not load the chart font ${file}`);
      }
    }
  }
  registered = true;
}

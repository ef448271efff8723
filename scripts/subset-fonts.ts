/**
 * Shrinks the self-hosted font files to the glyphs the built site's text shapes to.
 *
 * Subsetting by characters is not enough for Devanagari: once most consonants and the virama are in a
 * subset, HarfBuzz's layout closure keeps nearly every conjunct the font can make, used or not. So for
 * each woff2 file in the site this:
 *
 *   1. collects the runs of text the file will draw: every text file's content (markup, attribute
 *      values and JSON/JS strings included; drawing less than that is harmless), cut into maximal runs
 *      of the characters inside the file's @font-face unicode-range. The browser shapes each such run
 *      on its own, because the characters around it (spaces, digits, Latin letters for the Devanagari
 *      file) come from another file;
 *   2. shapes each distinct run with HarfBuzz (as the browser does) and keeps every glyph the shaping
 *      passes through, the intermediate ones of multi-step substitutions included;
 *   3. subsets the ORIGINAL font (node_modules/@fontsource/...) to those glyphs and the runs'
 *      characters without layout closure: GSUB/GPOS keep the rules among the kept glyphs, so every
 *      conjunct and vowel sign in the text still forms, and the thousands of unused ligatures go;
 *   4. checks the result: every run shaped with the subset gives the same glyph outlines at the same
 *      positions as with the original, or the build stops;
 *   5. writes the woff2 back under the same name, so the CSS (and the inline <style> hashes of the
 *      Content-Security-Policy) stay as they are.
 *
 * Everything is sorted, so two builds write the same bytes.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Blob, BufferContentType, Buffer as HbBuffer, Direction, Face, Feature, Font, shape } from 'harfbuzzjs';

const require = createRequire(import.meta.url);
// fontverter ships no types; these are the two calls made here.
const fontverter = require('fontverter') as {
  convert(font: Uint8Array, to: 'truetype' | 'woff2', from?: 'truetype' | 'woff2'): Promise<Buffer>;
};

/** The files whose text may be drawn: pages, SVG charts, data, scripts, style sheets. */
const TEXT_FILES = new Set(['.html', '.svg', '.json', '.csv', '.js', '.css']);
/** The browser draws these without their being in any file: list numbers, the ellipsis of clipped text, quotes of <q>. */
const BROWSER_TEXT = '0123456789.,%+~–—…\u00A0“”‘’';
/** Where the original (unsubset) files are: the @fontsource packages. */
const FONT_PACKAGES = resolve(dirname(require.resolve('@fontsource/noto-sans-devanagari/package.json')), '..');
/** The @font-face rules of src/styles/fonts.css: the unicode-ranges when the built site has no rule for a file. */
const SOURCE_CSS = resolve(import.meta.dirname, '../src/styles/fonts.css');
/** The site's language for shaping: the font has no Hindi-specific forms, so this is its default Devanagari. */
const LANGUAGE = 'hi';
// hb-subset.h
const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE = 0x200;

type Range = readonly [number, number];

/** Every file below `dir`, in a stable order. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesBelow(path) : [path];
    });
}

/** `U+900-97F, U+??, U+20B9` -> [[0x900, 0x97f], [0, 0xff], [0x20b9, 0x20b9]] (wildcards as in CSS Fonts). */
function parseUnicodeRange(value: string): Range[] {
  return value.split(',').map((part) => {
    const match = /^\s*U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?\s*$/i.exec(part);
    if (!match?.[1]) throw new Error(`subset-fonts: cannot read unicode-range part '${part.trim()}'`);
    if (match[2]) return [parseInt(match[1], 16), parseInt(match[2], 16)] as const;
    return [parseInt(match[1].replaceAll('?', '0'), 16), parseInt(match[1].replaceAll('?', 'F'), 16)] as const;
  });
}

/**
 * The unicode-range of every font file named in the @font-face rules of `css`, by file name (hash
 * included): the union of its rules' ranges, sorted. A rule without unicode-range covers every character.
 */
function unicodeRanges(css: string): Map<string, Range[]> {
  const ranges = new Map<string, Map<string, Range>>();
  for (const [rule] of css.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    const value = /unicode-range\s*:\s*([^;}]+)/.exec(rule)?.[1];
    for (const [, url] of rule.matchAll(/url\(\s*['"]?([^'")]+?\.woff2)['"]?\s*\)/g)) {
      const name = basename(url!);
      const known = ranges.get(name) ?? new Map<string, Range>();
      for (const range of value ? parseUnicodeRange(value) : [[0, 0x10ffff] as const]) known.set(range.join('-'), range);
      ranges.set(name, known);
    }
  }
  return new Map([...ranges].map(([name, known]) => [name, [...known.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1])]));
}

/** `noto-sans-devanagari-latin-400-normal.BuiDGFlU.woff2` -> `noto-sans-devanagari-latin-400-normal.woff2`. */
function withoutHash(name: string): string {
  return name.replace(/\.[\w-]{8}\.woff2$/, '.woff2');
}

/** The @fontsource original of a built font file. */
function originalOf(name: string): string {
  const wanted = withoutHash(name);
  for (const pkg of readdirSync(FONT_PACKAGES).sort()) {
    const path = join(FONT_PACKAGES, pkg, 'files', wanted);
    try {
      if (statSync(path).isFile()) return path;
    } catch {
      // not in this package
    }
  }
  throw new Error(`subset-fonts: no original for ${name} (looked for ${wanted} in ${FONT_PACKAGES}/*/files)`);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/**
 * The text a file may put on screen, as one or more strings: its content with HTML character references
 * and JS/JSON \u escapes read, and for markup the same once more with the tags taken out (a word
 * split by an inline tag of the same font is still shaped as one word).
 */
function textsOf(file: string): string[] {
  const content = readFileSync(file, 'utf8')
    .replace(/&#x([0-9a-f]+);|&#(\d+);|&([a-z]+);/gi, (whole, hex: string, dec: string, name: string) =>
      hex || dec ? String.fromCodePoint(parseInt(hex ?? dec, hex ? 16 : 10)) : (NAMED_ENTITIES[name.toLowerCase()] ?? whole),
    )
    .replace(/\\u\{([0-9a-f]{1,6})\}|\\u([0-9a-f]{4})/gi, (_, braced: string, four: string) => String.fromCharCode(...codeUnits(parseInt(braced ?? four, 16))));
  const ext = extname(file);
  return ext === '.html' || ext === '.svg' ? [content, content.replace(/<[^>]*>/g, '')] : [content];
}

/** UTF-16 code units of a code point (a lone `\uD83D` escape stays a lone surrogate, to pair with the next one). */
function codeUnits(codePoint: number): number[] {
  return codePoint > 0xffff ? [...String.fromCodePoint(codePoint)].flatMap((c) => [c.charCodeAt(0), c.charCodeAt(1)]) : [codePoint];
}

/** The maximal runs of the texts' characters that are all inside `ranges`, sorted. */
function runsIn(texts: readonly string[], ranges: readonly Range[]): string[] {
  const hex = (codePoint: number) => `\\u{${codePoint.toString(16)}}`;
  const pattern = new RegExp(`[${ranges.map(([low, high]) => `${hex(low)}-${hex(high)}`).join('')}]+`, 'gu');
  const runs = new Set<string>();
  for (const text of texts) for (const [run] of text.matchAll(pattern)) runs.add(run);
  return [...runs].sort();
}

/** A piece of text and the script the browser shapes it as. */
interface Job {
  text: string;
  script: 'deva' | 'latn';
}

/**
 * How the browser shapes a run: as Devanagari if it holds Devanagari letters, else as Latin; and its
 * digits, punctuation and spaces (Unicode's Common script) as either, since they take the script of the
 * text around them, which may be in the other font's file.
 */
function jobsFor(runs: readonly string[]): Job[] {
  const jobs = new Map<string, Job>();
  const add = (text: string, script: Job['script']) => jobs.set(`${script} ${text}`, { text, script });
  for (const run of runs) {
    const script = /\p{Script=Devanagari}/u.test(run) ? 'deva' : 'latn';
    add(run, script);
    for (const [common] of run.matchAll(/[^\p{L}\p{M}]+/gu)) add(common, script === 'deva' ? 'latn' : 'deva');
  }
  return [...jobs.keys()].sort().map((key) => jobs.get(key)!);
}

/**
 * OpenType features the site's CSS turns on beyond the defaults (font-variant-numeric: tabular-nums is
 * 'tnum'), found in the text of its pages and style sheets. Each is shaped as well as the defaults.
 */
function featuresTurnedOn(texts: readonly string[]): string[] {
  const keywords: Record<string, string> = {
    'tabular-nums': 'tnum',
    'proportional-nums': 'pnum',
    'lining-nums': 'lnum',
    'oldstyle-nums': 'onum',
    'slashed-zero': 'zero',
    'diagonal-fractions': 'frac',
    'stacked-fractions': 'afrc',
    ordinal: 'ordn',
    'small-caps': 'smcp',
    'all-small-caps': 'c2sc',
    'discretionary-ligatures': 'dlig',
  };
  const features = new Set<string>();
  for (const text of texts) {
    for (const [, value] of text.matchAll(/font-variant(?:-numeric|-caps|-ligatures)?\s*:\s*([^;}"]+)/g)) {
      for (const word of value!.trim().split(/\s+/)) if (keywords[word]) features.add(keywords[word]);
    }
    for (const [, value] of text.matchAll(/font-feature-settings\s*:\s*([^;}]+)/g)) {
      for (const [, tag] of value!.matchAll(/["']([\x20-\x7e]{4})["']/g)) features.add(tag!);
    }
  }
  return [...features].sort();
}

/** A font ready to shape with, from the sfnt bytes. */
function hbFont(sfnt: Uint8Array): Font {
  return new Font(new Face(new Blob(sfnt), 0));
}

/** A shaped piece of text: its glyph ids, their clusters, and their advances and offsets (four numbers a glyph). */
interface Shaped {
  glyphs: Uint32Array;
  clusters: Uint32Array;
  positions: Int32Array;
}

/**
 * Shapes text with one font, as the browser does (left to right, in the given script, language 'hi'
 * — the font has no Hindi-specific forms, so that is its default Devanagari). With `through` set, every
 * glyph id the buffer holds at any step of the shaping (the intermediate ones of substitutions done in
 * several steps too) is added to it.
 */
function shaper(font: Font, through?: Set<number>) {
  const buffer = new HbBuffer();
  if (through) {
    buffer.setMessageFunc(() => {
      if (buffer.getContentType() === BufferContentType.GLYPHS) for (const info of buffer.getGlyphInfos()) through.add(info.codepoint);
      return true;
    });
  }
  return function shapeText({ text, script }: Job, features: readonly string[]): Shaped {
    buffer.clearContents();
    buffer.addText(text);
    buffer.setDirection(Direction.LTR);
    buffer.setScript(script);
    buffer.setLanguage(LANGUAGE);
    shape(font, buffer, features.map((tag) => new Feature(tag, 1)));
    const infos = buffer.getGlyphInfos();
    const positions = buffer.getGlyphPositions();
    const shaped = { glyphs: new Uint32Array(infos.length), clusters: new Uint32Array(infos.length), positions: new Int32Array(infos.length * 4) };
    infos.forEach((info, i) => {
      shaped.glyphs[i] = info.codepoint;
      shaped.clusters[i] = info.cluster;
      const p = positions[i]!;
      shaped.positions.set([p.xAdvance, p.yAdvance, p.xOffset, p.yOffset], i * 4);
    });
    return shaped;
  };
}

// ---- The subsetter: harfbuzz-subset.wasm, set up as subset-font does (every layout feature kept) ----

interface SubsetWasm {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize(): void;
}

let subsetWasm: Promise<SubsetWasm> | undefined;
function loadSubsetter(): Promise<SubsetWasm> {
  subsetWasm ??= WebAssembly.instantiate(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'))).then(({ instance }) => {
    const wasm = instance.exports as unknown as SubsetWasm;
    wasm._initialize();
    return wasm;
  });
  return subsetWasm;
}

/** The sfnt `font` cut to `glyphs` and `codePoints`, with the rules among them and no layout closure. */
async function subsetSfnt(font: Uint8Array, glyphs: readonly number[], codePoints: readonly number[]): Promise<Buffer> {
  const hb = await loadSubsetter();
  // The memory can grow while subsetting, which detaches earlier views: take a fresh one each time.
  const heap = () => new Uint8Array(hb.memory.buffer);
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('subset-fonts: hb_subset_input_create_or_fail failed');
  const fontPtr = hb.malloc(font.byteLength);
  heap().set(font, fontPtr);
  const blob = hb.hb_blob_create(fontPtr, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  try {
    // Every layout feature (--layout-features=*): the rules are pruned by glyph, not by feature.
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    hb.hb_set_invert(features);
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const codePoint of codePoints) hb.hb_set_add(unicodes, codePoint);
    const glyphSet = hb.hb_subset_input_glyph_set(input);
    for (const glyph of glyphs) hb.hb_set_add(glyphSet, glyph);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error('subset-fonts: hb_subset_or_fail failed');
    const result = hb.hb_face_reference_blob(subset);
    const data = hb.hb_blob_get_data(result, 0);
    const length = hb.hb_blob_get_length(result);
    const bytes = Buffer.from(heap().subarray(data, data + length));
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    if (length === 0) throw new Error('subset-fonts: the subset came out empty');
    return bytes;
  } finally {
    hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(fontPtr);
  }
}

// ---- One font file ---------------------------------------------------------------------------------

export interface FontSubset {
  file: string;
  runs: number;
  glyphs: number;
  before: number;
  after: number;
}

const sameArray = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.prototype.every.call(a, (value, i) => value === b[i]);

/**
 * The jobs whose shaping with `subset` differs from `expected` (their shaping with `original`): other
 * glyph outlines, positions or clusters.
 */
function differences(original: Font, subset: Font, jobs: readonly Job[], features: readonly string[][], expected: readonly Shaped[]): Job[] {
  const shapeSubset = shaper(subset);
  const paths = new Map<string, boolean>();
  // .notdef loses its outline (hb-subset's default, as before): the browser draws such a character from the next font.
  const samePath = (a: number, b: number) => {
    if (a === 0 || b === 0) return a === b;
    const key = `${a}:${b}`;
    let same = paths.get(key);
    if (same === undefined) paths.set(key, (same = original.glyphToPath(a) === subset.glyphToPath(b)));
    return same;
  };
  return jobs.filter(
    (job, j) =>
      !features.every((on, f) => {
        const a = expected[j * features.length + f]!;
        const b = shapeSubset(job, on);
        return (
          sameArray(a.clusters, b.clusters) &&
          sameArray(a.positions, b.positions) &&
          a.glyphs.length === b.glyphs.length &&
          a.glyphs.every((glyph, i) => samePath(glyph, b.glyphs[i]!))
        );
      }),
  );
}

/** Subsets one font file to the glyphs `runs` shape to; checks it, and returns the woff2 bytes. */
async function subsetOne(name: string, runs: readonly string[], extraFeatures: readonly string[]): Promise<{ woff2: Buffer; glyphs: number }> {
  const original = await fontverter.convert(readFileSync(originalOf(name)), 'truetype');
  const originalFont = hbFont(original);
  const codePoints = [...new Set(runs.flatMap((run) => [...run].map((c) => c.codePointAt(0)!)))].sort((a, b) => a - b);
  const jobs = jobsFor(runs);
  // A feature the font does not have changes nothing.
  const face = new Face(new Blob(original), 0);
  const has = new Set([...face.getTableFeatureTags('GSUB'), ...face.getTableFeatureTags('GPOS')]);
  const features = [[], ...extraFeatures.filter((tag) => has.has(tag)).map((tag) => [tag])];
  // The glyphs the runs end up as; then, for any run the check finds drawn differently (a substitution
  // in several steps passes through glyphs the text never ends up with), every glyph its shaping
  // passes through, until the subset draws every run as the original does. If that does not settle,
  // the build stops rather than ship a font that draws some words wrongly.
  const shapeOriginal = shaper(originalFont);
  const expected = jobs.flatMap((job) => features.map((on) => shapeOriginal(job, on)));
  const glyphs = new Set<number>([0]);
  for (const shaped of expected) for (const glyph of shaped.glyphs) glyphs.add(glyph);
  const trace = shaper(originalFont, glyphs);
  for (let attempt = 1; ; attempt++) {
    const sfnt = await subsetSfnt(original, [...glyphs].sort((a, b) => a - b), codePoints);
    const differing = differences(originalFont, hbFont(sfnt), jobs, features, expected);
    if (differing.length === 0) return { woff2: await fontverter.convert(sfnt, 'woff2', 'truetype'), glyphs: glyphs.size };
    if (attempt === 5) {
      throw new Error(
        `subset-fonts: ${name} shapes ${differing.length} run(s) differently from the original after subsetting, e.g. ` +
          differing.slice(0, 5).map(({ text, script }) => `${JSON.stringify(text.slice(0, 40))} (${script})`).join(', '),
      );
    }
    for (const job of differing) for (const on of features) trace(job, on);
  }
}

/** Subsets every woff2 font in the site to the glyphs its text shapes to; returns the bytes before and after. */
export async function subsetFonts(siteDir: string): Promise<{ before: number; after: number; files: number; fonts: FontSubset[] }> {
  const files = filesBelow(siteDir);
  const fontFiles = files.filter((file) => file.endsWith('.woff2'));
  const texts = files.filter((file) => TEXT_FILES.has(extname(file))).flatMap(textsOf);
  texts.push(BROWSER_TEXT, ...BROWSER_TEXT);
  const features = featuresTurnedOn(texts);
  const builtRanges = unicodeRanges(texts.join('\n'));
  const sourceRanges = unicodeRanges(readFileSync(SOURCE_CSS, 'utf8'));

  const fonts: FontSubset[] = [];
  const runsByRanges = new Map<string, string[]>();
  for (const file of fontFiles) {
    const name = basename(file);
    const ranges = builtRanges.get(name) ?? sourceRanges.get(withoutHash(name));
    if (!ranges) throw new Error(`subset-fonts: no @font-face rule names ${name}, so its unicode-range is unknown`);
    const rangesKey = JSON.stringify(ranges);
    if (!runsByRanges.has(rangesKey)) runsByRanges.set(rangesKey, runsIn(texts, ranges));
    const runs = runsByRanges.get(rangesKey)!;
    const before = statSync(file).size;
    const { woff2, glyphs } = await subsetOne(name, runs, features);
    writeFileSync(file, woff2);
    fonts.push({ file: name, runs: runs.length, glyphs, before, after: woff2.length });
  }
  return {
    before: fonts.reduce((sum, font) => sum + font.before, 0),
    after: fonts.reduce((sum, font) => sum + font.after, 0),
    files: fonts.length,
    fonts,
  };
}

import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, test } from 'vitest';
import { PNG_WIDTH, WIDTHS, chartHits, chartSvg, type Variant } from '../../../src/charts/build.ts';
import { classOf, ratioClasses } from '../../../src/charts/classes.ts';
import { fontSize, sourceLine } from '../../../src/charts/common.ts';
import { chartById } from '../../../src/charts/index.ts';
import { CHART_PALETTE } from '../../../src/charts/palette.ts';
import { fmt } from '../../../src/charts/render/xml.ts';
import { LABEL_INSET, TILE_GAP, labelFits, tileGeometry } from '../../../src/charts/tile-map.ts';
import { measureText } from '../../../src/charts/render/textMetrics.ts';
import { notInList, rateUnit } from '../../../src/figures/per-person-text.ts';
import { publisherName } from '../../../src/figures/sources.ts';
import { formatCountInText, formatInteger, formatOrdinal, formatRate, type Lang } from '../../../src/format/format.ts';
import { t } from '../../../src/i18n/index.ts';
import { AS_OF, SNAPSHOT_SOURCE, STATE_ROWS, svgTexts } from './helpers.ts';

// The map as a reader meets it, checked against the data files read here (not through src/figures): a tile per
// state and union territory at its place in tile-layout.csv, the ten listed states shaded by their rate per
// 1,000 people (2011 census), the others drawn apart as "not in the source's top ten", labels that fit.

const LANGS: Lang[] = ['hi', 'en'];
const VARIANTS = Object.keys(WIDTHS) as Variant[];
const map = chartById('map');
const read = (file: string) => csvParse(readFileSync(`content/data/${file}`, 'utf8'));

const states = read('states.csv');
const people = new Map(read('population.csv').map((row) => [row['code'] ?? '', Number(row['population'])]));
const places = read('tile-layout.csv').map((row) => ({ code: row['code'] ?? '', column: Number(row['column']), row: Number(row['row']) }));
const nameOf = (code: string, lang: Lang) => states.find((state) => state['code'] === code)?.[lang === 'hi' ? 'name_hi' : 'name_en'] ?? '';
const shortOf = (code: string, lang: Lang) => states.find((state) => state['code'] === code)?.[lang === 'hi' ? 'short_hi' : 'short_en'] ?? '';

/** The snapshot's ten, with their rates computed here: consultations per 1,000 people counted in 2011. */
const TEN = STATE_ROWS.slice(0, 10)
  .map((row) => ({ ...row, rate: (row.total / (people.get(row.code) ?? NaN)) * 1000 }))
  .sort((a, b) => b.rate - a.rate);
const LISTED = new Set(TEN.map((row) => row.code));
const ABSENT = places.filter((place) => !LISTED.has(place.code));

/** The SVG's filled paths, each with the classes it is painted with (its own and its groups'). */
function paths(svg: string): { d: string; classes: string[] }[] {
  const found: { d: string; classes: string[] }[] = [];
  const groups: string[][] = [];
  for (const match of svg.matchAll(/<g\b([^>]*)>|<\/g>|<path\b([^>]*?)\/>/g)) {
    const [tag, groupAttrs, pathAttrs] = match;
    const classesIn = (attrs: string) => /class="([^"]*)"/.exec(attrs)?.[1]?.split(' ') ?? [];
    if (tag.startsWith('</g')) groups.pop();
    else if (groupAttrs !== undefined) groups.push(classesIn(groupAttrs));
    else found.push({ d: /\bd="([^"]*)"/.exec(pathAttrs ?? '')?.[1] ?? '', classes: [...groups.flat(), ...classesIn(pathAttrs ?? '')] });
  }
  return found;
}

/** Where a tile should be drawn in the drawing `width` wide: its column and row times the grid's pitch. */
function tileBox(code: string, width: number) {
  const place = places.find((candidate) => candidate.code === code)!;
  const { grid, pitch } = tileGeometry(width, { columns: 8, rows: 8 });
  const x = grid.x + place.column * pitch + TILE_GAP / 2;
  const y = grid.y + place.row * pitch + TILE_GAP / 2;
  return { x, y, size: pitch - TILE_GAP };
}

/** The path that draws `code`'s tile in `svg`, found by its outline. */
function tilePath(svg: string, code: string, width: number) {
  const { x, y, size } = tileBox(code, width);
  const d = `M${fmt(x)} ${fmt(y)}H${fmt(x + size)}V${fmt(y + size)}H${fmt(x)}Z`;
  return paths(svg).find((path) => path.d === d);
}

describe('the map', () => {
  test('has 36 places in an 8 by 8 grid, and tiles about 40 px wide on a phone', () => {
    expect(places).toHaveLength(states.length);
    expect(states).toHaveLength(36);
    const narrow = tileGeometry(WIDTHS.narrow, { columns: 8, rows: 8 });
    expect(narrow.pitch).toBeCloseTo(42.5, 5);
    expect(narrow.tile).toBeGreaterThanOrEqual(38);
    expect(narrow.tile).toBeLessThanOrEqual(42);
    // The legend below the grid at 340 px, beside it at 680 px; neither drawing is taller than it is needed.
    expect(map.height(WIDTHS.narrow)).toBeGreaterThan(narrow.grid.y + narrow.grid.height + 60);
    expect(map.height(WIDTHS.narrow)).toBeLessThan(520);
    const wide = tileGeometry(WIDTHS.wide, { columns: 8, rows: 8 });
    expect(wide.legend.x).toBeGreaterThan(wide.grid.x + wide.grid.width);
    expect(map.height(WIDTHS.wide)).toBeLessThan(wide.grid.height + 20);
  });

  for (const lang of LANGS)
    for (const variant of VARIANTS) {
      const width = WIDTHS[variant];
      test(`${lang} ${variant}: a tile per state and union territory at its place, each its own region with its full name, row by row`, () => {
        const svg = chartSvg('map', lang, variant);
        for (const place of places) expect(tilePath(svg, place.code, width), place.code).toBeDefined();
        const regions = chartHits('map', lang, variant);
        expect(regions).toHaveLength(36);
        // Reading order: row by row from the north, west to east; each region is its tile, named in full.
        const order = [...places].sort((a, b) => a.row - b.row || a.column - b.column);
        order.forEach((place, index) => {
          const region = regions[index]!;
          const box = tileBox(place.code, width);
          expect(region.tip.split('\n')[0]).toBe(nameOf(place.code, lang));
          expect(region.x).toBeCloseTo(box.x, 1);
          expect(region.y).toBeCloseTo(box.y, 1);
          expect(region.width).toBeCloseTo(box.size, 1);
          expect(region.height).toBeCloseTo(box.size, 1);
        });
        // Each tile's short label is drawn once.
        const texts = svgTexts(svg);
        for (const place of places) expect(texts.filter((text) => text === shortOf(place.code, lang)), place.code).toHaveLength(1);
      });

      test(`${lang} ${variant}: a state not in the list is drawn hatched in the no-data tone, never a class colour, and its tooltip says why`, () => {
        const svg = chartSvg('map', lang, variant);
        const hatching = paths(svg).find((path) => path.classes.includes('s-chart-nodata-line') && !path.classes.includes('f-chart-nodata'));
        expect(hatching, 'the hatching').toBeDefined();
        const regions = chartHits('map', lang, variant);
        expect(ABSENT).toHaveLength(26);
        for (const place of ABSENT) {
          const path = tilePath(svg, place.code, width)!;
          expect(path.classes, place.code).toEqual(expect.arrayContaining(['f-chart-nodata', 's-chart-nodata-line']));
          expect(path.classes.filter((name) => /^f-chart-map-/.test(name)), place.code).toEqual([]);
          // Hatching lines run across the tile.
          const box = tileBox(place.code, width);
          const starts = [...(hatching?.d ?? '').matchAll(/M([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
          const inside = starts.filter(([x, y]) => x >= box.x - 0.01 && x <= box.x + box.size + 0.01 && y >= box.y - 0.01 && y <= box.y + box.size + 0.01);
          expect(inside.length, place.code).toBeGreaterThanOrEqual(4);
          expect(regions.find((region) => region.tip.startsWith(`${nameOf(place.code, lang)}\n`))?.tip).toBe(`${nameOf(place.code, lang)}\n${notInList(lang)}`);
        }
        // The listed ten are each in a class colour, with no outline or hatching of the no-data kind.
        for (const row of TEN) {
          const path = tilePath(svg, row.code, width)!;
          expect(path.classes.filter((name) => /^f-chart-map-\d$/.test(name)), row.code).toHaveLength(1);
          expect(path.classes).not.toContain('f-chart-nodata');
        }
      });
    }

  test('labels: every short form in states.csv fits its tile at both drawing widths and in the PNG, measured as the renderer draws it', () => {
    for (const width of [WIDTHS.narrow, WIDTHS.wide, PNG_WIDTH]) {
      const { tile } = tileGeometry(width, { columns: 8, rows: 8 }, width === PNG_WIDTH ? 24 : 0);
      for (const state of states)
        for (const lang of LANGS) {
          const label = shortOf(state['code'] ?? '', lang);
          const measured = measureText({ style: 'normal', weight: 400, size: fontSize(width) }, label).width;
          expect(labelFits(label, tile, fontSize(width)), `${label} (${fmt(measured)} px) in a ${fmt(tile)} px tile at ${width}`).toBe(true);
          expect(measured).toBeLessThanOrEqual(tile - 2 * LABEL_INSET);
        }
    }
    // The check can fail: a full name does not fit a phone's tile.
    expect(labelFits('अरुणाचल प्रदेश', tileGeometry(WIDTHS.narrow, { columns: 8, rows: 8 }).tile, fontSize(WIDTHS.narrow))).toBe(false);
  });

  test('the values, through the module: rates per 1,000 people from the data files, ranked, with their classes', () => {
    for (const lang of LANGS) {
      const table = map.table(lang);
      expect(table.columns).toHaveLength(5);
      expect(table.columns[2]).toBe(t(lang, 'chart.map.legend', { unit: rateUnit(lang) }));
      // The ten, highest rate first, with rank, rate, consultations and population; then the other 26, named, not in the list.
      expect(table.rows.slice(0, 10)).toEqual(
        TEN.map((row, index) => [formatInteger(index + 1), row.name[lang], formatRate(row.rate), formatInteger(row.total), formatInteger(people.get(row.code)!)]),
      );
      expect(table.rows.slice(10)).toHaveLength(26);
      for (const cells of table.rows.slice(10)) {
        expect(cells[0]).toBe('');
        expect(cells[2]).toBe(notInList(lang));
        expect(cells[3]).toBe('');
      }
      expect(table.rows.slice(10).map((cells) => cells[1]).sort()).toEqual(ABSENT.map((place) => nameOf(place.code, lang)).sort());
      // Tooltips of the ten: the rate, the unit and the place among the ten.
      const tips = chartHits('map', lang, 'wide').map((region) => region.tip);
      TEN.forEach((row, index) => {
        const expected = t(lang, 'chart.map.tooltip', { rate: formatRate(row.rate), unit: rateUnit(lang), rank: formatOrdinal(index + 1, lang), count: formatCountInText(10, lang) });
        expect(tips).toContain(`${row.name[lang]}\n${expected}`);
      });
    }
    expect(formatRate(TEN[0]!.rate)).toBe('85.2');
    expect(TEN[0]!.code).toBe('IN-AP');
    expect(TEN.at(-1)!.code).toBe('IN-MH');
    expect(map.takeaway('en')).toBe(
      'Among the ten states in the list, Andhra Pradesh had the most consultations per 1,000 people counted in the 2011 census (85.2) and Maharashtra the fewest (3.6); for all India the figure was 11.1.',
    );
  });

  test('the text alternative names every state: the ten with their rates, and the other 26 as not in the list', () => {
    for (const lang of LANGS) {
      const alt = map.alt(lang);
      for (const row of TEN) expect(alt).toContain(`${row.name[lang]} ${formatRate(row.rate)}`);
      for (const place of ABSENT) expect(alt).toContain(nameOf(place.code, lang));
      expect(alt).toContain(notInList(lang));
      expect(alt).toContain(rateUnit(lang, 'long'));
    }
  });

  test('the legend names the unit, gives the breaks of four classes of equal ratio, and keys the no-data tiles apart', () => {
    const low = TEN.at(-1)!.rate;
    const high = TEN[0]!.rate;
    const step = (high / low) ** (1 / 4);
    const breaks = [0, 1, 2, 3, 4].map((index) => formatRate(index === 4 ? high : low * step ** index));
    expect(breaks).toEqual(['3.6', '7.9', '17.5', '38.6', '85.2']);
    for (const lang of LANGS)
      for (const variant of VARIANTS) {
        const width = WIDTHS[variant];
        const svg = chartSvg('map', lang, variant);
        const texts = svgTexts(svg);
        // The title, a parenthesis never split (its spaces are no-break spaces in the drawing).
        const title = t(lang, 'chart.map.legend', { unit: rateUnit(lang) });
        const drawnTitle = texts.filter((text) => title.replace(/\s/g, '').includes(text.replace(/\s/g, '')) && text.length > 3);
        expect(drawnTitle.join(' ').replace(/\s/g, ' ')).toBe(title);
        for (const value of breaks) expect(texts).toContain(value);
        expect(texts).toContain(notInList(lang));
        // Four swatches in the scale's order, then the no-data key: the no-data fill, outlined and hatched.
        const fills = paths(svg).flatMap((path) => path.classes.filter((name) => /^f-chart-map-\d$/.test(name)));
        for (const index of [1, 2, 3, 4]) expect(fills).toContain(`f-chart-map-${index}`);
        const legendTop = tileGeometry(width, { columns: 8, rows: 8 }).legend.y;
        const legendPaths = paths(svg).filter((path) => Number(/^M[\d.]+ ([\d.]+)/.exec(path.d)?.[1]) >= legendTop && (width < 520 || Number(/^M([\d.]+)/.exec(path.d)?.[1]) > 440));
        expect(legendPaths.map((path) => path.classes.find((name) => name.startsWith('f-'))).filter(Boolean)).toEqual([
          'f-chart-map-1',
          'f-chart-map-2',
          'f-chart-map-3',
          'f-chart-map-4',
          'f-chart-nodata',
        ]);
        expect(legendPaths.at(-1)?.classes).toContain('s-chart-nodata-line');
        // Every legend text stays inside the drawing at 340 px as at 680.
        for (const match of svg.matchAll(/<text x="([\d.]+)"[^>]*>([^<]*)<\/text>/g)) expect(Number(match[1])).toBeLessThanOrEqual(width);
      }
  });

  test('credits the release and the census, each in the page language', () => {
    expect(map.sources()).toEqual([SNAPSHOT_SOURCE, 'census-2011-pca']);
    for (const lang of LANGS) for (const id of map.sources()) expect(sourceLine(map, lang)).toContain(publisherName(id, lang));
  });

  test('CSV: one row per tile in reading order, with its place, and empty (not zero) where the state is not in the list', () => {
    const csv = csvParse(map.csv());
    expect(csv.columns).toEqual(['code', 'name_en', 'name_hi', 'column', 'row', 'consultations', 'population', 'per_1000', 'in_list']);
    expect(csv).toHaveLength(36);
    expect(csv.map((row) => row['code'])).toEqual([...places].sort((a, b) => a.row - b.row || a.column - b.column).map((place) => place.code));
    for (const row of csv) {
      const place = places.find((candidate) => candidate.code === row['code'])!;
      expect([Number(row['column']), Number(row['row'])]).toEqual([place.column, place.row]);
      expect(Number(row['population'])).toBe(people.get(place.code));
      const listed = TEN.find((candidate) => candidate.code === place.code);
      expect(row['in_list']).toBe(listed ? 'true' : 'false');
      expect(row['consultations']).toBe(listed ? String(listed.total) : '');
      if (listed) expect(Number(row['per_1000'])).toBeCloseTo(listed.rate, 5);
      else expect(row['per_1000']).toBe('');
    }
    expect(AS_OF).toBe('2021-10-04');
  });
});

describe('classes of equal ratio', () => {
  test('run from the smallest value to the largest, each break the same multiple of the last, rounded as the text shows', () => {
    expect(ratioClasses([1, 16], 4, 1).breaks).toEqual([1, 2, 4, 8, 16]);
    expect(ratioClasses([3.59, 4.05, 85.18], 4, 1).breaks).toEqual([3.6, 7.9, 17.5, 38.6, 85.2]);
  });

  test('merge where breaks round alike, and make one class of values all alike', () => {
    expect(ratioClasses([1, 1.1], 4, 1).breaks).toEqual([1, 1.1]);
    expect(ratioClasses([5, 5], 4, 1).breaks).toEqual([5, 5]);
    expect(classOf(5, { breaks: [5, 5] }, 1)).toBe(0);
  });

  test('class a value by its shown form: one shown as the break is in the class above it', () => {
    const classes = { breaks: [1, 2, 4, 8, 16] };
    expect(classOf(1, classes, 1)).toBe(0);
    expect(classOf(1.96, classes, 1)).toBe(1); // shown as 2.0
    expect(classOf(1.94, classes, 1)).toBe(0); // shown as 1.9
    expect(classOf(16, classes, 1)).toBe(3);
  });

  test('refuse values at or below zero, which have no ratio', () => {
    expect(() => ratioClasses([0, 4], 4, 1)).toThrow(/above zero/);
    expect(() => ratioClasses([], 4, 1)).toThrow(/no values/);
  });
});

describe('the map colours', () => {
  const css = (file: string) => readFileSync(`src/styles/${file}`, 'utf8');
  const block = (text: string, start: string) => {
    const from = text.indexOf(start);
    return text.slice(from, text.indexOf('}', from));
  };
  const colours = (text: string) => Object.fromEntries([...text.matchAll(/--([\w-]+):\s*([^;]+);/g)].map(([, name, value]) => [name ?? '', (value ?? '').trim()]));
  const base = css('base.css');
  const light = colours(block(base, ':root {'));
  const modes = {
    light,
    dark: { ...light, ...colours(block(base, '@media (prefers-color-scheme: dark)')) },
    print: { ...light, ...colours(block(css('print.css'), 'html:root {')) },
  };
  const rgb = (hex: string) => {
    const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
    return [1, 3, 5].map((index) => parseInt(full.slice(index, index + 2), 16));
  };
  const luminance = (hex: string) => {
    const [r, g, b] = rgb(hex).map((channel) => ((channel /= 255) <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x! + 0.05) / (y! + 0.05);
  };

  for (const [mode, palette] of Object.entries(modes)) {
    const page = palette['bg']!;
    test(`${mode}: each class stands 3:1 from the page and its labels 4.5:1 from it; the classes go one way in lightness`, () => {
      const classes = [1, 2, 3, 4].map((index) => palette[`chart-map-${index}`]!);
      classes.forEach((fill, index) => {
        expect(contrast(fill, page), `class ${index + 1} on the page`).toBeGreaterThanOrEqual(3);
        expect(contrast(palette[`chart-on-map-${index + 1}`]!, fill), `label on class ${index + 1}`).toBeGreaterThanOrEqual(4.5);
      });
      const lightness = classes.map(luminance);
      const steps = lightness.slice(1).map((value, index) => value - lightness[index]!);
      // Monotonic, so greyscale keeps the order; neighbours apart by a contrast of 1.4 at least.
      expect(steps.every((step) => step > 0) || steps.every((step) => step < 0)).toBe(true);
      classes.slice(1).forEach((fill, index) => expect(contrast(fill, classes[index]!)).toBeGreaterThanOrEqual(1.4));
    });

    test(`${mode}: the no-data tiles read apart from every class, outlined 3:1, with labels 4.5:1 on the fill and on the hatching`, () => {
      const fill = palette['chart-nodata']!;
      const line = palette['chart-nodata-line']!;
      expect(contrast(line, page)).toBeGreaterThanOrEqual(3);
      expect(contrast(palette['chart-text']!, fill)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(palette['chart-text']!, line)).toBeGreaterThanOrEqual(4.5);
      for (const index of [1, 2, 3, 4]) expect(contrast(fill, palette[`chart-map-${index}`]!), `class ${index}`).toBeGreaterThanOrEqual(2);
    });
  }

  test('the PNG uses the light page colours', () => {
    for (const name of Object.keys(CHART_PALETTE).filter((key) => /map|nodata/.test(key))) expect(CHART_PALETTE[name as keyof typeof CHART_PALETTE]).toBe(light[name]);
  });
});

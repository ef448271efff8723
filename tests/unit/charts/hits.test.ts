import { describe, expect, test } from 'vitest';
import type { ReportOptions } from '../../../src/charts/behaviour.ts';
import { MIN_BAR_HIT, POINT_HIT_RADIUS, WIDTHS, chartConfig, chartHits, chartSvg, type HitRegion, type Variant } from '../../../src/charts/build.ts';
import { CHART_IDS } from '../../../src/charts/index.ts';
import { formatInteger, formatPercent, type Lang } from '../../../src/format/format.ts';
import { STATE_ROWS, svgTexts } from './helpers.ts';

const LANGS: Lang[] = ['hi', 'en'];
const VARIANTS = Object.keys(WIDTHS) as Variant[];

const unescape = (s: string) => s.replace(/&#10;/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The hit rects of an inline SVG: their boxes and unescaped texts, in document order. */
function rectsOf(svg: string): HitRegion[] {
  const group = /<g class="chart-hits" fill="transparent" aria-hidden="true"(?: data-order="rows")?>(.*?)<\/g><\/svg>$/.exec(svg)?.[1] ?? '';
  return [...group.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" data-tip="([^"]*)"\/>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
    tip: unescape(m[5] ?? ''),
  }));
}

const overlap = (a: HitRegion, b: HitRegion) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.01 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.01;

describe('the hit regions of the inline SVGs', () => {
  for (const id of CHART_IDS)
    for (const lang of LANGS)
      for (const variant of VARIANTS) {
        test(`${id} ${lang} ${variant}: one region per element with a tooltip, none covering another, written into the SVG`, () => {
          const regions = chartHits(id, lang, variant);
          const tooltips = (chartConfig(id, lang, WIDTHS[variant]).options?.plugins?.report as ReportOptions).tooltips!;
          const lines = tooltips.lines.flat().filter((line): line is string => Boolean(line));
          expect(regions.length).toBeGreaterThan(0);
          // Every tooltip line is in exactly one region (each bar, segment or point once; coinciding points share).
          for (const line of new Set(lines)) {
            const count = lines.filter((other) => other === line).length;
            expect(regions.flatMap((region) => region.tip.split('\n')).filter((text) => text === line), line).toHaveLength(count);
          }
          // Each region's first line is a title, and each of its lines a title or a tooltip line.
          for (const region of regions) {
            const [first, ...rest] = region.tip.split('\n');
            expect(tooltips.titles).toContain(first);
            for (const text of rest) expect([...tooltips.titles, ...lines]).toContain(text);
          }
          for (const [i, a] of regions.entries()) {
            expect(a.width, a.tip).toBeGreaterThan(0);
            expect(a.height, a.tip).toBeGreaterThan(0);
            expect(a.x + a.width).toBeLessThanOrEqual(WIDTHS[variant]);
            for (const b of regions.slice(i + 1)) expect(overlap(a, b), `${a.tip} / ${b.tip}`).toBe(false);
          }

          const svg = chartSvg(id, lang, variant, { hits: true });
          expect(rectsOf(svg)).toEqual(regions);
          // Regions in rows (horizontal bars, the tile map) say so, for the keyboard's Up and Down; others do not.
          const config = chartConfig(id, lang, WIDTHS[variant]);
          const inRows = config.options?.indexAxis === 'y' || id === 'map';
          expect(svg.includes('<g class="chart-hits" fill="transparent" aria-hidden="true" data-order="rows">'), 'data-order="rows"').toBe(inRows);
          // The regions add no text to the drawing, and the SVG stays small and reproducible.
          expect(svgTexts(svg)).toEqual(svgTexts(chartSvg(id, lang, variant)));
          expect(Buffer.byteLength(svg)).toBeLessThan(20 * 1024);
          expect(chartSvg(id, lang, variant, { hits: true })).toBe(svg);
          // Without `hits` (the embed gallery's previews, the bench) there are none.
          expect(chartSvg(id, lang, variant)).not.toContain('chart-hits');
        });
      }

  test('a point is a target a finger can hit: 24 px square unless a neighbour is closer', () => {
    const squares = chartHits('ranks', 'hi', 'narrow');
    expect(squares).toHaveLength(40);
    for (const region of squares) {
      expect(region.width).toBeLessThanOrEqual(2 * POINT_HIT_RADIUS);
      expect(region.height).toBe(2 * POINT_HIT_RADIUS);
    }
  });

  test('a sliver of a stacked bar gets a region a pointer can find, taken from its neighbour', () => {
    // The premise: some state in the top ten has under 2% in one variant (a 1 px segment on a phone).
    const shares = STATE_ROWS.slice(0, 10).flatMap((row) => [row.hwc / row.total, row.opd / row.total]);
    expect(Math.min(...shares)).toBeLessThan(0.02);
    for (const lang of LANGS)
      for (const variant of VARIANTS) {
        const regions = chartHits('states-mix', lang, variant);
        for (const region of regions) expect(region.width, region.tip).toBeGreaterThanOrEqual(MIN_BAR_HIT - 0.01);
        // Each row's two regions still meet: together they span the whole bar, with no gap.
        for (let i = 0; i < regions.length; i += 2) {
          const [hwc, opd] = [regions[i]!, regions[i + 1]!];
          expect(hwc.x + hwc.width, `${hwc.tip} / ${opd.tip}`).toBeCloseTo(opd.x, 1);
        }
      }
  });

  test('points drawn on top of each other share one region that names both', () => {
    // On the phone's growth chart, counts a few days apart in 2021 lie within a few pixels.
    const shared = chartHits('growth', 'en', 'narrow').filter((region) => region.tip.split('\n').length > 2);
    expect(shared.length).toBeGreaterThan(0);
    for (const region of shared) expect(region.tip).toMatch(/2021/);
  });

  test('in reading order: row by row for bars, left to right for points', () => {
    const bars = chartHits('states-total', 'en', 'wide');
    expect(bars.map((region) => region.y)).toEqual([...bars.map((region) => region.y)].sort((a, b) => a - b));
    const points = chartHits('growth', 'en', 'wide');
    expect(points.map((region) => region.x)).toEqual([...points.map((region) => region.x)].sort((a, b) => a - b));
  });

  for (const lang of LANGS) {
    test(`states-mix ${lang}: each segment its own region, with the state and its figures from the data, through the formatter`, () => {
      const words = lang === 'hi' ? { hwc: 'एबी-एचडब्ल्यूसी', opd: 'ओपीडी', unit: 'परामर्श' } : { hwc: 'AB-HWC', opd: 'OPD', unit: 'consultations' };
      const order = STATE_ROWS.slice(0, 10).sort((a, b) => b.hwc / b.total - a.hwc / a.total);
      for (const variant of VARIANTS) {
        const tips = chartHits('states-mix', lang, variant).map((region) => region.tip);
        expect(tips).toEqual(
          order.flatMap((row) => [
            `${row.name[lang]}\n${words.hwc}: ${formatInteger(row.hwc)} ${words.unit}, ${formatPercent(row.hwc / row.total)}`,
            `${row.name[lang]}\n${words.opd}: ${formatInteger(row.opd)} ${words.unit}, ${formatPercent(row.opd / row.total)}`,
          ]),
        );
      }
      // As the SVG carries them: line breaks as character references, text escaped.
      const svg = chartSvg('states-mix', lang, 'narrow', { hits: true });
      const first = order[0]!;
      expect(svg).toContain(`data-tip="${first.name[lang]}&#10;${words.hwc}: ${formatInteger(first.hwc)} ${words.unit}, ${formatPercent(first.hwc / first.total)}"`);
    });
  }
});

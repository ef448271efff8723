import { describe, expect, test } from 'vitest';
import { withBehaviour, type ReportOptions, type TickSpec } from '../../../src/charts/behaviour.ts';
import { chartFrame } from '../../../src/charts/common.ts';
import { PNG_WIDTH, WIDTHS, chartPng, chartSvg, standaloneSvg, renderedSvg, type Variant } from '../../../src/charts/build.ts';
import { CHART_IDS, chartById } from '../../../src/charts/index.ts';
import { CHART_PALETTE } from '../../../src/charts/palette.ts';
import { renderPng, renderSvg } from '../../../src/charts/render/renderChart.ts';
import { gzipSync } from 'node:zlib';
import type { Lang } from '../../../src/format/format.ts';
import { REPORT_CHARTS, STATE_ROWS, pngSize, svgTexts } from './helpers.ts';

const LANGS: Lang[] = ['hi', 'en'];
const VARIANTS = Object.keys(WIDTHS) as Variant[];
/** Devanagari combining signs (nukta, vowel signs, virama, ...): a text that starts with one was cut in the middle of a syllable. */
const LEADING_MARK = /^[\u0900-\u0903\u093A-\u094F\u0951-\u0957\u0962\u0963]/;

/** Every string the chart is meant to draw: category labels, tick labels, direct labels and series keys. */
function expectedStrings(id: string, lang: Lang, width: number): Set<string> {
  const config = chartById(id).config(lang, { width });
  const report = config.options?.plugins?.report as ReportOptions;
  return new Set([
    ...((config.data.labels as string[]) ?? []),
    ...(report.ticks?.x as TickSpec).labels,
    ...(report.valueLabels ?? []).flatMap((spec) => spec.texts.flat()),
    ...(report.keys ?? []).map((key) => key.text),
  ]);
}

describe('the inline SVGs', () => {
  for (const id of REPORT_CHARTS)
    for (const lang of LANGS)
      for (const variant of VARIANTS) {
        test(`${id} ${lang} ${variant}: every <text> is one of the chart's own strings, whole, and the file is small`, () => {
          const svg = chartSvg(id, lang, variant);
          const texts = svgTexts(svg);
          const expected = expectedStrings(id, lang, WIDTHS[variant]);
          expect(texts.length).toBeGreaterThan(3);
          for (const text of texts) {
            expect(expected, `unexpected text ${JSON.stringify(text)}`).toContain(text);
            expect(text, 'starts with a lone vowel sign or virama').not.toMatch(LEADING_MARK);
          }
          // Category labels are all drawn (except where the chart hides its only category).
          if (id !== 'national-mix') for (const label of chartById(id).config(lang, { width: WIDTHS[variant] }).data.labels as string[]) expect(texts).toContain(label);
          expect(Buffer.byteLength(svg)).toBeLessThan(30 * 1024);
          expect(svg).not.toContain('<style>');
          expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
        });
      }

  for (const lang of LANGS) {
    test(`states-total ${lang}: the state names exactly as states.csv spells them, and their values in lakh`, () => {
      for (const variant of VARIANTS) {
        const texts = svgTexts(chartSvg('states-total', lang, variant));
        for (const row of STATE_ROWS.slice(0, 10)) {
          expect(texts.filter((text) => text === row.name[lang])).toHaveLength(1);
          expect(texts).toContain(lang === 'hi' ? `${(row.total / 1e5).toFixed(2).replace(/\.?0+$/, '')}\u00A0लाख` : `${(row.total / 1e5).toFixed(2).replace(/\.?0+$/, '')}\u00A0lakh`);
        }
      }
    });

    test(`states-mix ${lang}: every state name, and the two ends of the contrast`, () => {
      const texts = svgTexts(chartSvg('states-mix', lang, 'wide'));
      for (const row of STATE_ROWS.slice(0, 10)) expect(texts).toContain(row.name[lang]);
      expect(texts).toContain('99.5%');
      expect(texts).toContain('99.8%');
    });
  }

  test('the narrow drawing names the series shortly, the wide one fully', () => {
    expect(svgTexts(chartSvg('states-mix', 'hi', 'narrow'))).toContain('एबी-एचडब्ल्यूसी');
    expect(svgTexts(chartSvg('states-mix', 'en', 'wide'))).toContain('AB-HWC: at health centres');
  });

  test('hwc-rollout shows the qualifiers', () => {
    expect(svgTexts(chartSvg('hwc-rollout', 'en', 'narrow'))).toEqual(expect.arrayContaining(['27,000+', 'about 3,000', '1,55,000']));
    expect(svgTexts(chartSvg('hwc-rollout', 'hi', 'wide'))).toEqual(expect.arrayContaining(['27,000+', 'लगभग 3,000']));
  });

  test('the standalone SVG keeps its style, a background and a size of its own', () => {
    const svg = standaloneSvg('states-total', 'hi');
    expect(svg).toMatch(/^<svg width="680" height="\d+" /);
    expect(svg).toContain('<style>');
    expect(svg).toContain('var(--chart-bg,#fdfcf9)');
    expect(gzipSync(svg).length).toBeLessThan(Buffer.byteLength(svg));
  });
});

describe('the PNGs', () => {
  test('are at least 1200 px wide, and carry the title and address (drawn, so only their size shows here)', { timeout: 60_000 }, () => {
    for (const id of REPORT_CHARTS) {
      const { width, height } = pngSize(chartPng(id, 'hi', 'https://report.example/'));
      expect(width).toBeGreaterThanOrEqual(1200);
      expect(width).toBe(PNG_WIDTH * 2);
      // The frame adds the title, takeaway and footer to the plot's height.
      expect(height).toBeGreaterThan(chartById(id).height(PNG_WIDTH) * 2 + 200);
    }
  });
});

describe('rendering is reproducible', () => {
  // PNG rendering takes a while on a busy 2-core machine: a generous timeout per chart.
  for (const id of CHART_IDS) {
    test(`${id}: two renders give byte-identical SVG and PNG`, { timeout: 60_000 }, () => {
      const chart = chartById(id);
      const svg = () => renderSvg(withBehaviour(chart.config('hi', { width: 340 })), { width: 340, height: chart.height(340), palette: CHART_PALETTE });
      expect(svg()).toBe(svg());
      const png = () =>
        renderPng(withBehaviour(chart.config('en', { width: 800, frame: chartFrame(chart, 'en', 800, 'https://report.example/') })), {
          width: 800,
          height: 900,
          palette: CHART_PALETTE,
          scale: 2,
        });
      expect(png().equals(png())).toBe(true);
      expect(renderedSvg(id, 'en', 'wide')).toBe(renderedSvg(id, 'en', 'wide'));
    });
  }
});

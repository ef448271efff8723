import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { svgStyleRules, renderedSvg, WIDTHS } from '../../../src/charts/build.ts';
import { CHART_IDS } from '../../../src/charts/index.ts';
import { CHART_PALETTE } from '../../../src/charts/palette.ts';

const baseCss = readFileSync('src/styles/base.css', 'utf8');

/** The `--chart-*` colours declared in a CSS block. */
function chartColours(block: string): Record<string, string> {
  return Object.fromEntries(
    [...block.matchAll(/--(chart-[\w-]+):\s*([^;]+);/g)]
      .filter(([, name]) => name !== 'chart-font')
      .map(([, name, value]) => [name ?? '', (value ?? '').trim()]),
  );
}

const light = baseCss.slice(baseCss.indexOf(':root {'), baseCss.indexOf('}', baseCss.indexOf(':root {')));
const darkStart = baseCss.indexOf('@media (prefers-color-scheme: dark)');
const dark = baseCss.slice(darkStart, baseCss.indexOf('}', darkStart));

test("the palette equals base.css's light chart colours, so the PNG and standalone SVG look like the page", () => {
  expect(chartColours(light)).toEqual(CHART_PALETTE);
});

test('dark mode gives every chart colour a value of its own', () => {
  expect(Object.keys(chartColours(dark)).sort()).toEqual(Object.keys(CHART_PALETTE).sort());
});

test('charts.css carries every rule of every inline SVG, whose own <style> the page drops for its CSP', () => {
  const squash = (css: string) => css.replace(/\s+/g, '');
  const chartsCss = squash(readFileSync('src/styles/charts.css', 'utf8'));
  for (const id of CHART_IDS)
    for (const lang of ['hi', 'en'] as const)
      for (const variant of Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]) {
        const rules = svgStyleRules(renderedSvg(id, lang, variant));
        expect(rules.length).toBeGreaterThan(2);
        for (const rule of rules) expect(chartsCss, `${id} ${lang} ${variant}: ${rule}`).toContain(squash(rule));
      }
});

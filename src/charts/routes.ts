import { LANGS } from '../i18n/index.ts';
import { CHART_IDS } from './index.ts';

/** Every language and chart, as the params of the chart file routes (strings, as Astro requires). */
export function chartPaths(): { params: { lang: string; chart: string } }[] {
  return LANGS.flatMap((lang) => CHART_IDS.map((chart) => ({ params: { lang, chart } })));
}

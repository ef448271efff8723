/**
 * hwc-rollout: the doctor-to-doctor network on the day of the release against its target: the
 * centres (spokes) on AB-HWC, the hubs serving them, and the planned 1,55,000 centres. The source
 * gives the first two as 'over' and 'about' figures, so their labels say so.
 */
import { snapshot } from '../../figures/index.ts';
import type { Measure } from '../../figures/snapshot.ts';
import {
  formatDate,
  formatInteger,
  formatPercent,
  withQualifier,
  withQualifierShort,
  type Lang,
  type Qualifier,
} from '../../format/format.ts';
import { t } from '../../i18n/index.ts';
import { barChartHeight, barConfig, countTicks, toCsv } from '../common.ts';
import { cssVar, type ChartColor } from '../palette.ts';
import type { ChartModule } from '../types.ts';

const METRICS = ['hwc-target', 'hwc-spokes', 'hubs'] as const;
type Metric = (typeof METRICS)[number];

function fact(metric: Metric): Measure {
  const found = snapshot.facts[metric];
  if (!found) throw new Error(`hwc-rollout: the snapshot's source gives no "${metric}"`);
  return found;
}

/** When the target was due, as the events file dates it (a month). */
function targetDate(lang: Lang): string {
  const event = snapshot.events['hwc-target-date'];
  return formatDate(event?.date ?? fact('hwc-target').asOf, lang);
}

/** A bar label that keeps the qualifier: '27,000+' (short and clear), 'about 3,000' ('~' is not widely read). */
function qualified(measure: Measure, lang: Lang): string {
  const text = formatInteger(measure.value);
  return measure.qualifier === 'about' ? withQualifier(text, 'about', lang) : withQualifierShort(text, measure.qualifier);
}

/** In prose, the long form: 'over 27,000', 'about 3,000'. */
const prose = (measure: Measure, lang: Lang) => withQualifier(formatInteger(measure.value), measure.qualifier, lang);

/** A share derived from inexact figures keeps the loosest qualifier ('over 27,000 of 1,55,000' is over 17.4%). */
function loosest(...qualifiers: Qualifier[]): Qualifier {
  return qualifiers.find((q) => q === 'about') ?? qualifiers.find((q) => q === 'at-least') ?? 'exact';
}

const COLORS: Record<Metric, ChartColor> = { 'hwc-target': 'chart-rest', 'hwc-spokes': 'chart-hwc', hubs: 'chart-bar' };

function label(metric: Metric, lang: Lang): string {
  if (metric === 'hwc-target') return t(lang, 'chart.hwc-rollout.target', { date: targetDate(lang) });
  return t(lang, metric === 'hwc-spokes' ? 'chart.hwc-rollout.spokes' : 'chart.hwc-rollout.hubs');
}

/** The sources of the three figures (today all the release). */
const sources = (): string[] => [...new Set(METRICS.map((metric) => fact(metric).source))];

/** A figure's date at the precision the data gives it: the target is due by a month, not on a day. */
const dateOf = (metric: Metric, lang: Lang) => (metric === 'hwc-target' ? targetDate(lang) : formatDate(fact(metric).asOf, lang));

export const hwcRollout: ChartModule = {
  id: 'hwc-rollout',
  height: (width) => barChartHeight(METRICS.length, width),
  title: (lang) => t(lang, 'chart.hwc-rollout.title'),
  takeaway(lang) {
    const spokes = fact('hwc-spokes');
    const target = fact('hwc-target');
    return t(lang, 'chart.hwc-rollout.takeaway', {
      date: formatDate(spokes.asOf, lang),
      spokes: prose(spokes, lang),
      target: formatInteger(target.value),
      share: withQualifier(formatPercent(snapshot.rollout.share), loosest(spokes.qualifier, target.qualifier), lang),
      hubs: prose(fact('hubs'), lang),
    });
  },
  alt: (lang) =>
    t(lang, 'chart.hwc-rollout.alt', {
      spokes: prose(fact('hwc-spokes'), lang),
      date: formatDate(fact('hwc-spokes').asOf, lang),
      hubs: prose(fact('hubs'), lang),
      target: prose(fact('hwc-target'), lang),
      targetDate: targetDate(lang),
    }),
  table: (lang) => ({
    columns: [t(lang, 'data.figure'), t(lang, 'chart.col.number'), t(lang, 'data.exactness'), t(lang, 'data.date')],
    numeric: [false, true, false, false],
    rows: METRICS.map((metric) => {
      const measure = fact(metric);
      // The qualifier goes with the number in the table too: 'over 27,000', 'about 3,000'.
      return [label(metric, lang), prose(measure, lang), t(lang, `qualifier.${measure.qualifier}`), dateOf(metric, lang)];
    }),
  }),
  csv: () =>
    toCsv(
      ['metric', 'value', 'qualifier', 'as_of'],
      METRICS.map((metric) => [metric, fact(metric).value, fact(metric).qualifier, fact(metric).asOf]),
    ),
  sources,
  config(lang, context) {
    const measures = METRICS.map(fact);
    return barConfig({
      context,
      labels: METRICS.map((metric) => label(metric, lang)),
      series: [{ label: t(lang, 'chart.col.number'), data: measures.map((m) => m.value), color: METRICS.map((metric) => cssVar(COLORS[metric])) }],
      max: Math.max(...measures.map((m) => m.value)),
      ticks: countTicks(Math.max(...measures.map((m) => m.value)), context.width, lang),
      report: {
        valueLabels: [{ dataset: 0, placement: 'outside', color: cssVar('chart-text'), texts: measures.map((m) => [qualified(m, lang)]) }],
        tooltips: {
          titles: METRICS.map((metric) => label(metric, lang)),
          lines: [METRICS.map((metric) => t(lang, 'chart.tooltip.asOf', { value: prose(fact(metric), lang), date: dateOf(metric, lang) }))],
        },
      },
    });
  },
};

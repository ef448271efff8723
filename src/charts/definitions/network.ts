/**
 * network: the doctor-to-doctor network and the online OPD over time (programme-facts.csv): the health
 * centres on AB-HWC (spokes), the hubs serving them and the online OPDs, against the target of centres.
 *
 * Why one logarithmic axis: the three measures differ a hundredfold (some 400 OPDs, some 3,000 hubs,
 * some 27,000 centres in 2021). On a shared linear axis the OPDs would be a flat line on the floor. Two
 * or three y axes side by side invite comparing heights that mean nothing (where two lines cross is an
 * accident of the scales). Separate panels would each need their own Indian ticks, which the charts'
 * tick machinery gives one value axis. A log axis shows all three on one scale, readable, and their
 * slopes compare as rates of growth; ticks are round counts written by the formatter ('500', '1,000',
 * '1 lakh'), and the table and text alternative give every value as the source gave it.
 *
 * Each count is marked by how exact its source says it is (circle exact, diamond about, triangle over),
 * as in the growth chart; the markers are one colour, the lines carry the colours of the measures.
 */
import { history } from '../../figures/index.ts';
import { NETWORK_METRICS, ratioQualifier, type FactPoint, type NetworkMetric } from '../../figures/history.ts';
import { formatDate, formatInteger, formatPercent, withQualifier, withQualifierShort, type Lang } from '../../format/format.ts';
import { t } from '../../i18n/index.ts';
import { NARROW_BELOW, toCsv } from '../common.ts';
import { cssVar, type ChartColor } from '../palette.ts';
import { publisherName } from '../../figures/sources.ts';
import { dayNumber, lineConfig, logAxis, markerDatasets, markerTooltips, timeTicks } from '../timeline.ts';
import type { ChartModule } from '../types.ts';

const COLORS: Record<NetworkMetric, ChartColor> = { 'hwc-spokes': 'chart-hwc', hubs: 'chart-highlight', 'online-opds': 'chart-opd' };

function series(metric: NetworkMetric): FactPoint[] {
  return history.facts[metric] ?? [];
}

function target(): FactPoint {
  const found = history.facts['hwc-target']?.at(-1);
  if (!found) throw new Error('network: programme-facts.csv has no hwc-target');
  return found;
}

/** When the target was due: the events file's month, else the target row's own date. */
function targetDate(lang: Lang): string {
  const event = history.events.find((candidate) => candidate.event === 'hwc-target-date');
  return formatDate(event?.date ?? target().asOf, lang);
}

/** Every plotted count, measure by measure, oldest first: the markers' order, and the tooltips' index. */
function counts(): { metric: NetworkMetric; point: FactPoint }[] {
  return NETWORK_METRICS.flatMap((metric) => series(metric).map((point) => ({ metric, point })));
}

const metricName = (metric: NetworkMetric, lang: Lang) => t(lang, `chart.network.${metric}`);
const prose = (point: FactPoint, lang: Lang) => withQualifier(formatInteger(point.value), point.qualifier, lang);
/** The target's name: in full in the table and the wide legend, without the words about the line on a phone. */
const targetLabel = (lang: Lang, narrow = false) =>
  t(lang, narrow ? 'chart.network.targetShort' : 'chart.network.target', { value: formatInteger(target().value), date: targetDate(lang) });

/** The newest date that measures the whole network, and its source: where the story ends. */
function newest() {
  const found = history.network.at(-1);
  if (!found) throw new Error('network: no date measures all of the network');
  return found;
}
/** Every count has its own source, and so does the target; the chart credits them all. */
const sources = (): string[] => [...new Set([...counts().map(({ point }) => point.source), target().source])];

function height(width: number): number {
  return width < NARROW_BELOW ? 440 : 400;
}

export const network: ChartModule = {
  id: 'network',
  height,
  title: (lang) => t(lang, 'chart.network.title'),
  takeaway(lang) {
    const { asOf, points } = newest();
    const spokes = points['hwc-spokes'];
    const share = spokes.value / target().value;
    // The same figure the prose cites as network.latest.share.
    const shareQualifier = ratioQualifier(spokes.qualifier, target().qualifier);
    return t(lang, 'chart.network.takeaway', {
      date: formatDate(asOf, lang),
      spokes: prose(spokes, lang),
      share: withQualifier(formatPercent(share), shareQualifier, lang),
      target: formatInteger(target().value),
      targetDate: targetDate(lang),
      hubs: prose(points.hubs, lang),
      opds: prose(points['online-opds'], lang),
    });
  },
  alt(lang) {
    return t(lang, 'chart.network.alt', {
      series: NETWORK_METRICS.map(
        (metric) => `${metricName(metric, lang)}: ${series(metric).map((point) => `${prose(point, lang)} (${formatDate(point.asOf, lang)})`).join(', ')}`,
      ).join('; '),
      target: formatInteger(target().value),
      targetDate: targetDate(lang),
    });
  },
  table: (lang) => ({
    columns: [t(lang, 'data.figure'), t(lang, 'data.date'), t(lang, 'data.value'), t(lang, 'data.exactness'), t(lang, 'data.source')],
    numeric: [false, false, true, false, false],
    rows: [
      ...counts().map(({ metric, point }) => [
        metricName(metric, lang),
        formatDate(point.asOf, lang),
        prose(point, lang),
        t(lang, `qualifier.${point.qualifier}`),
        publisherName(point.source, lang),
      ]),
      [targetLabel(lang), targetDate(lang), prose(target(), lang), t(lang, `qualifier.${target().qualifier}`), publisherName(target().source, lang)],
    ],
  }),
  csv: () =>
    toCsv(
      ['metric', 'as_of', 'value', 'qualifier', 'source'],
      [...counts(), { metric: 'hwc-target', point: target() }].map(({ metric, point }) => [metric, point.asOf, point.value, point.qualifier, point.source]),
    ),
  sources,
  config(lang, context) {
    const all = counts();
    const values = [...all.map(({ point }) => point.value), target().value];
    const axis = logAxis(values, context.width, lang);
    const dates = all.map(({ point }) => point.asOf).sort();
    const first = dayNumber(dates[0]!);
    const last = dayNumber(dates.at(-1)!);
    const pad = (last - first) * 0.03;
    const min = first - pad;
    const max = last + pad;
    const marked = all.map(({ point }) => ({ x: dayNumber(point.asOf), y: point.value, qualifier: point.qualifier }));
    return lineConfig({
      context,
      legend: true,
      x: { type: 'linear', min, max, ticks: timeTicks(dates[0]!, dates.at(-1)!, context.width, lang) },
      y: { type: 'logarithmic', min: axis.min, max: axis.max, ticks: axis.ticks, title: t(lang, 'chart.growth.axis') },
      datasets: [
        // The target: a dashed rule across the whole period, named with its date in the legend.
        {
          label: targetLabel(lang, context.width < NARROW_BELOW),
          data: [
            { x: min, y: target().value },
            { x: max, y: target().value },
          ],
          borderColor: cssVar('chart-muted'),
          backgroundColor: cssVar('chart-muted'),
          borderDash: [6, 4],
          borderWidth: 1.5,
          pointStyle: 'line',
          pointRadius: 0,
          pointHoverRadius: 0,
          pointHitRadius: 0,
        },
        // One line per measure, joining its counts, in the measure's colour.
        ...NETWORK_METRICS.map((metric) => ({
          label: metricName(metric, lang),
          data: series(metric).map((point) => ({ x: dayNumber(point.asOf), y: point.value })),
          borderColor: cssVar(COLORS[metric]),
          backgroundColor: cssVar(COLORS[metric]),
          borderWidth: 2.5,
          pointStyle: 'line',
          pointRadius: 0,
          pointHoverRadius: 0,
          pointHitRadius: 0,
          tension: 0,
        })),
        // The counts, in the order of counts() (the tooltips' index), shaped by how exact each is.
        ...markerDatasets(marked, lang, { color: cssVar('chart-text'), radius: { exact: 4, shape: 5.5 }, hoverRadius: { exact: 6, shape: 7.5 } }),
      ],
      tooltips: {
        // Counts of one date show together (the pointer picks a date), so each line names its measure.
        titles: all.map(({ point }) => formatDate(point.asOf, lang)),
        lines: [
          [],
          ...NETWORK_METRICS.map(() => []),
          ...markerTooltips(marked, (index) => {
            const { metric, point } = all[index]!;
            return `${metricName(metric, lang)}: ${withQualifierShort(formatInteger(point.value), point.qualifier)} (${t(lang, `qualifier.${point.qualifier}`)}), ${publisherName(point.source, lang)}`;
          }),
        ],
      },
    });
  },
};

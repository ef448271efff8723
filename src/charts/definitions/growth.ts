/**
 * growth: all-India cumulative consultations at every count the sources give, from the first to the
 * newest (national-milestones.csv), one point per count, each marked by how exact it is.
 *
 * Why a logarithmic count axis: the counts run from 60 lakh to over 43 crore, some seventy-fold. On a
 * linear axis the five counts of 2021 would lie in the bottom thirtieth of the plot, one on top of the
 * other, and the release this report is built on would vanish. On a log axis equal heights are equal
 * multiples, so the 2021 points stay apart and the slope reads as the pace of growth. Readers unused to
 * log axes are helped by ticks that are round Indian amounts ('50 लाख', '1 करोड़', '2 करोड़', '5 करोड़' ...),
 * by the axis title, and by the text alternative and table, which give every value.
 *
 * Why a linear time axis of days: the counts are irregular (five in 2021, one or two a year after), and
 * equal spacing would make 2021 look as long as the years after it. Ticks are each January, written by
 * the formatter. (Chart.js's time scale would need a date adapter; a day-number axis needs none.)
 */
import { history } from '../../figures/index.ts';
import type { NationalPoint } from '../../figures/history.ts';
import { formatDate, formatFigure, type Lang } from '../../format/format.ts';
import { t } from '../../i18n/index.ts';
import { toCsv } from '../common.ts';
import { cssVar } from '../palette.ts';
import { compactLong, compactShort } from '../../figures/history-text.ts';
import { publisherName } from '../../figures/sources.ts';
import { dayNumber, lineConfig, logAxis, markerDatasets, markerTooltips, timeTicks } from '../timeline.ts';
import type { ChartModule } from '../types.ts';

/** Height of the drawing: a square-ish plot on a phone, a wider one on a desktop, plus the legend. */
function height(width: number): number {
  return width < 520 ? 360 : 380;
}

const points = (): NationalPoint[] => history.national;

/** A count in words, as the prose writes it: 'over 43 crore', 'about 10.011 crore', '1,34,11,325'. */
const prose = (point: NationalPoint, lang: Lang) => compactLong(point.total, point.qualifier, lang);

/** Every count has its own source; the chart credits them all, oldest count first. */
const sources = (): string[] => [...new Set(points().map((point) => point.source))];

export const growth: ChartModule = {
  id: 'growth',
  height,
  title: (lang) => t(lang, 'chart.growth.title'),
  takeaway(lang) {
    const { from, to, multiple, qualifier } = history.growth;
    // The same multiple the prose cites (growth.multiple), rounded down when it is a lower bound.
    const shown = qualifier === 'at-least' ? Math.floor(multiple * 10) / 10 : multiple;
    return t(lang, 'chart.growth.takeaway', {
      from: prose(from, lang),
      fromDate: formatDate(from.asOf, lang),
      to: prose(to, lang),
      toDate: formatDate(to.asOf, lang),
      multiple: formatFigure({ kind: 'ratio', value: shown, qualifier }, lang, 'times'),
    });
  },
  alt(lang) {
    const all = points();
    return t(lang, 'chart.growth.alt', {
      first: formatDate(all[0]!.asOf, lang),
      last: formatDate(all.at(-1)!.asOf, lang),
      list: all.map((point) => `${formatDate(point.asOf, lang)}: ${prose(point, lang)}`).join('; '),
    });
  },
  table: (lang) => ({
    columns: [t(lang, 'data.date'), t(lang, 'figure.national.total'), t(lang, 'data.exactness'), t(lang, 'data.source')],
    numeric: [false, true, false, false],
    rows: points().map((point) => [
      formatDate(point.asOf, lang),
      prose(point, lang),
      t(lang, `qualifier.${point.qualifier}`),
      publisherName(point.source, lang),
    ]),
  }),
  csv: () =>
    toCsv(
      ['as_of', 'consultations', 'qualifier', 'source'],
      points().map((point) => [point.asOf, point.total, point.qualifier, point.source]),
    ),
  sources,
  config(lang, context) {
    const all = points();
    const axis = logAxis(
      all.map((point) => point.total),
      context.width,
      lang,
    );
    // A little room either side of the first and last count, so their markers are not cut by the plot's edge.
    const first = dayNumber(all[0]!.asOf);
    const last = dayNumber(all.at(-1)!.asOf);
    const pad = (last - first) * 0.03;
    const line = cssVar('chart-hwc');
    const marked = all.map((point) => ({ x: dayNumber(point.asOf), y: point.total, qualifier: point.qualifier }));
    return lineConfig({
      context,
      legend: true,
      x: { type: 'linear', min: first - pad, max: last + pad, ticks: timeTicks(all[0]!.asOf, all.at(-1)!.asOf, context.width, lang) },
      y: { type: 'logarithmic', min: axis.min, max: axis.max, ticks: axis.ticks, title: t(lang, 'chart.growth.axis') },
      datasets: [
        // The line joins the counts; it has no markers of its own, so its legend item is a stroke.
        {
          label: t(lang, 'chart.growth.series'),
          data: all.map((point) => ({ x: dayNumber(point.asOf), y: point.total })),
          borderColor: line,
          backgroundColor: line,
          borderWidth: 2,
          pointStyle: 'line',
          pointRadius: 0,
          pointHoverRadius: 0,
          pointHitRadius: 0,
          tension: 0,
        },
        ...markerDatasets(marked, lang, { color: line, radius: { exact: 4.5, shape: 6 }, hoverRadius: { exact: 6, shape: 8 } }),
      ],
      tooltips: {
        titles: all.map((point) => formatDate(point.asOf, lang)),
        lines: [
          all.map(() => null),
          ...markerTooltips(marked, (index) => {
            const point = all[index]!;
            return `${compactShort(point.total, point.qualifier, lang)}: ${t(lang, `qualifier.${point.qualifier}`)}, ${publisherName(point.source, lang)}`;
          }),
        ],
      },
    });
  },
};


/**
 * concentration: how much of all use a few states account for. Three bars on a 0–100% scale:
 * Andhra Pradesh alone, the top three, the top ten; the rest of each bar, to 100%, is everywhere
 * else, drawn in the muted colour so each bar reads as a part of the whole.
 */
import { snapshot } from '../../figures/index.ts';
import { formatCountInText, formatDate, formatInteger, formatPercent, type Lang } from '../../format/format.ts';
import { t } from '../../i18n/index.ts';
import { barChartHeight, barConfig, percentTicks, rawShare, toCsv } from '../common.ts';
import { cssVar } from '../palette.ts';
import type { ChartModule } from '../types.ts';

/** One bar: a group of states, largest first. */
interface Bar {
  id: string;
  states: number;
  total: number;
  share: number;
  name: (lang: Lang) => string;
}

function bars(): Bar[] {
  const first = snapshot.states[0];
  if (!first) throw new Error('concentration: no states');
  const group = (id: string, g: { count: number; total: number; share: number }): Bar => ({
    id,
    states: g.count,
    total: g.total,
    share: g.share,
    name: (lang) => t(lang, 'chart.concentration.topN', { count: formatCountInText(g.count, lang) }),
  });
  return [
    { id: first.code, states: 1, total: first.total, share: first.share, name: (lang) => first.name[lang] },
    group('top-3', snapshot.topThree),
    group('top-10', snapshot.topTen),
  ];
}

/** Every figure is the release's. */
const sources = (): string[] => [snapshot.source];

export const concentration: ChartModule = {
  id: 'concentration',
  height: (width) => barChartHeight(bars().length, width),
  title: (lang) => t(lang, 'chart.concentration.title'),
  takeaway(lang) {
    const [first, three, ten] = bars();
    if (!first || !three || !ten) throw new Error('concentration: three bars expected');
    return t(lang, 'chart.concentration.takeaway', {
      first: first.name(lang),
      firstShare: formatPercent(first.share),
      three: formatCountInText(three.states, lang),
      topThree: formatPercent(three.share),
      ten: formatCountInText(ten.states, lang),
      topTen: formatPercent(ten.share),
    });
  },
  alt: (lang) =>
    t(lang, 'chart.concentration.alt', {
      date: formatDate(snapshot.asOf, lang),
      list: bars()
        .map((bar) => `${bar.name(lang)} ${formatPercent(bar.share)}`)
        .join(', '),
    }),
  table: (lang) => ({
    columns: [t(lang, 'chart.col.group'), t(lang, 'chart.col.consultations'), t(lang, 'chart.col.shareOfIndia')],
    numeric: [false, true, true],
    rows: bars().map((bar) => [bar.name(lang), formatInteger(bar.total), formatPercent(bar.share)]),
  }),
  csv: () =>
    toCsv(
      ['group', 'states', 'consultations', 'share_of_india'],
      bars().map((bar) => [bar.id, bar.states, bar.total, rawShare(bar.share)]),
    ),
  sources,
  config(lang, context) {
    const all = bars();
    return barConfig({
      context,
      labels: all.map((bar) => bar.name(lang)),
      series: [
        { label: t(lang, 'chart.col.shareOfIndia'), data: all.map((bar) => bar.share), color: cssVar('chart-bar') },
        { label: t(lang, 'chart.restOfIndia'), data: all.map((bar) => 1 - bar.share), color: cssVar('chart-rest') },
      ],
      stacked: true,
      max: 1,
      ticks: percentTicks(context.width),
      report: {
        valueLabels: [{ dataset: 0, placement: 'outside', bold: true, color: cssVar('chart-text'), texts: all.map((bar) => [formatPercent(bar.share)]) }],
        tooltips: {
          titles: all.map((bar) => bar.name(lang)),
          lines: [
            all.map((bar) => t(lang, 'chart.concentration.share', { share: formatPercent(bar.share), value: formatInteger(bar.total) })),
            all.map((bar) => t(lang, 'chart.concentration.remainder', { share: formatPercent(1 - bar.share) })),
          ],
        },
      },
    });
  },
};

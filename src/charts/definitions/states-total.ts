/**
 * states-total: consultations in the top ten states and in the rest of India together, ranked,
 * with each bar's value written at its end. Madhya Pradesh is drawn in the highlight colour: it is
 * the state the Hindi press led with (sixth), and the report's readers look for it first.
 */
import { snapshot } from '../../figures/index.ts';
import { formatCountInText, formatDate, formatInteger, formatInUnit, formatOrdinal, formatPercent, type Lang } from '../../format/format.ts';
import { t } from '../../i18n/index.ts';
import { barChartHeight, barConfig, countTicks, rawShare, toCsv } from '../common.ts';
import { cssVar } from '../palette.ts';
import type { ChartModule } from '../types.ts';

/** The state the story is about. */
export const HIGHLIGHT = 'IN-MP';

/** One bar: a state, or the rest of India (code 'rest'). */
interface Bar {
  code: string;
  name: Record<Lang, string>;
  total: number;
  share: number;
  rank?: number;
}

function bars(): Bar[] {
  const listed: Bar[] = snapshot.states.slice(0, snapshot.topTen.count).map((state) => ({
    code: state.code,
    name: state.name,
    total: state.total,
    share: state.share,
    rank: state.rank,
  }));
  const rest: Bar = {
    code: 'rest',
    name: { hi: t('hi', 'chart.restOfIndia'), en: t('en', 'chart.restOfIndia') },
    total: snapshot.rest.total,
    share: snapshot.rest.share,
  };
  return [...listed, rest];
}

function highlighted(): Bar & { rank: number } {
  const bar = bars().find((candidate) => candidate.code === HIGHLIGHT);
  if (!bar?.rank) throw new Error(`states-total: ${HIGHLIGHT} is not among the top ten any more; choose another highlight.`);
  return { ...bar, rank: bar.rank };
}

const lakh = (value: number, lang: Lang) => formatInUnit(value, 'lakh', lang);
/** Every figure is the release's. */
const sources = (): string[] => [snapshot.source];

export const statesTotal: ChartModule = {
  id: 'states-total',
  height: (width) => barChartHeight(bars().length, width),
  title: (lang) => t(lang, 'chart.states-total.title'),
  takeaway(lang) {
    const [first] = bars();
    const focus = highlighted();
    return t(lang, 'chart.states-total.takeaway', {
      first: first?.name[lang] ?? '',
      firstTotal: lakh(first?.total ?? 0, lang),
      highlight: focus.name[lang],
      rank: formatOrdinal(focus.rank, lang),
      total: lakh(focus.total, lang),
    });
  },
  alt(lang) {
    const all = bars();
    const focus = highlighted();
    return t(lang, 'chart.states-total.alt', {
      count: formatCountInText(snapshot.topTen.count, lang),
      date: formatDate(snapshot.asOf, lang),
      list: all.map((bar) => `${bar.name[lang]} ${lakh(bar.total, lang)}`).join(', '),
      highlight: focus.name[lang],
      rank: formatOrdinal(focus.rank, lang),
      rest: t(lang, 'chart.restOfIndia'),
      restCount: formatInteger(snapshot.rest.count),
    });
  },
  table(lang) {
    return {
      columns: [t(lang, 'chart.col.rank'), t(lang, 'chart.col.state'), t(lang, 'chart.col.consultations'), t(lang, 'chart.col.shareOfIndia')],
      numeric: [true, false, true, true],
      rows: bars().map((bar) => [bar.rank ? formatInteger(bar.rank) : '', bar.name[lang], formatInteger(bar.total), formatPercent(bar.share)]),
    };
  },
  csv: () =>
    toCsv(
      ['rank', 'code', 'name_en', 'name_hi', 'consultations', 'share_of_india'],
      bars().map((bar) => [bar.rank ?? '', bar.code, bar.name.en, bar.name.hi, bar.total, rawShare(bar.share)]),
    ),
  sources,
  config(lang, context) {
    const all = bars();
    const color = (bar: Bar) => cssVar(bar.code === HIGHLIGHT ? 'chart-highlight' : bar.code === 'rest' ? 'chart-rest' : 'chart-bar');
    return barConfig({
      context,
      labels: all.map((bar) => bar.name[lang]),
      series: [{ label: t(lang, 'chart.col.consultations'), data: all.map((bar) => bar.total), color: all.map(color) }],
      max: Math.max(...all.map((bar) => bar.total)),
      ticks: countTicks(Math.max(...all.map((bar) => bar.total)), context.width, lang),
      report: {
        valueLabels: [{ dataset: 0, placement: 'outside', color: cssVar('chart-text'), texts: all.map((bar) => [lakh(bar.total, lang)]) }],
        emphasis: { axis: 'y', index: all.findIndex((bar) => bar.code === HIGHLIGHT), color: cssVar('chart-highlight') },
        tooltips: {
          titles: all.map((bar) => bar.name[lang]),
          lines: [all.map((bar) => t(lang, 'chart.tooltip.consultations', { value: formatInteger(bar.total), share: formatPercent(bar.share) }))],
        },
      },
    });
  },
};

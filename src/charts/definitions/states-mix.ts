/**
 * states-mix: how each of the top ten states splits its consultations between AB-HWC (health
 * centres) and OPD (from home), as 100% stacked bars sorted by AB-HWC's share, so the two patterns
 * of use sit at opposite ends: Andhra Pradesh almost all health centres, Uttarakhand almost all OPD.
 */
import { snapshot } from '../../figures/index.ts';
import { formatCountInText, formatDate, formatInteger, formatPercent, type Lang } from '../../format/format.ts';
import { t } from '../../i18n/index.ts';
import type { StateFigure } from '../../figures/snapshot.ts';
import { NARROW_BELOW, barChartHeight, barConfig, percentTicks, rawShare, toCsv } from '../common.ts';
import { cssVar } from '../palette.ts';
import type { ChartModule } from '../types.ts';

/** The top ten, most AB-HWC first; equal shares keep their rank order. */
export function mixOrder(): StateFigure[] {
  return snapshot.states.slice(0, snapshot.topTen.count).sort((a, b) => b.hwcShare - a.hwcShare || a.rank - b.rank);
}

/** Every figure is the release's. */
const sources = (): string[] => [snapshot.source];
const VARIANTS = ['hwc', 'opd'] as const;

function variantName(variant: 'hwc' | 'opd', lang: Lang, long = false): string {
  return t(lang, variant === 'hwc' ? (long ? 'chart.variant.hwcLong' : 'chart.variant.hwc') : long ? 'chart.variant.opdLong' : 'chart.variant.opd');
}

const share = (state: StateFigure, variant: 'hwc' | 'opd') => (variant === 'hwc' ? state.hwcShare : state.opdShare);

export const statesMix: ChartModule = {
  id: 'states-mix',
  height: (width) => barChartHeight(mixOrder().length, width, true),
  title: (lang) => t(lang, 'chart.states-mix.title'),
  takeaway(lang) {
    const order = mixOrder();
    const most = order[0];
    const least = order.at(-1);
    if (!most || !least) throw new Error('states-mix: no states');
    return t(lang, 'chart.states-mix.takeaway', {
      hwcState: most.name[lang],
      hwcShare: formatPercent(most.hwcShare),
      opdState: least.name[lang],
      opdShare: formatPercent(least.opdShare),
    });
  },
  alt(lang) {
    return t(lang, 'chart.states-mix.alt', {
      count: formatCountInText(snapshot.topTen.count, lang),
      date: formatDate(snapshot.asOf, lang),
      list: mixOrder()
        .map((state) => `${state.name[lang]}: ${VARIANTS.map((variant) => `${variantName(variant, lang)} ${formatPercent(share(state, variant))}`).join(', ')}`)
        .join('; '),
    });
  },
  table(lang) {
    return {
      columns: [
        t(lang, 'chart.col.state'),
        variantName('hwc', lang),
        t(lang, 'chart.col.hwcShare'),
        variantName('opd', lang),
        t(lang, 'chart.col.opdShare'),
      ],
      numeric: [false, true, true, true, true],
      rows: mixOrder().map((state) => [
        state.name[lang],
        formatInteger(state.hwc),
        formatPercent(state.hwcShare),
        formatInteger(state.opd),
        formatPercent(state.opdShare),
      ]),
    };
  },
  csv: () =>
    toCsv(
      ['code', 'name_en', 'name_hi', 'variant', 'consultations', 'share_of_state'],
      mixOrder().flatMap((state) =>
        VARIANTS.map((variant) => [state.code, state.name.en, state.name.hi, variant, state[variant], rawShare(share(state, variant))]),
      ),
    ),
  sources,
  config(lang, context) {
    const order = mixOrder();
    const wide = context.width >= NARROW_BELOW;
    return barConfig({
      context,
      labels: order.map((state) => state.name[lang]),
      series: VARIANTS.map((variant) => ({
        label: variantName(variant, lang),
        data: order.map((state) => share(state, variant)),
        color: cssVar(variant === 'hwc' ? 'chart-hwc' : 'chart-opd'),
      })),
      stacked: true,
      max: 1,
      ticks: percentTicks(context.width),
      report: {
        // Shares inside their segments where they fit; a 0.5% sliver gets none (the tooltip and table have it).
        valueLabels: VARIANTS.map((variant, dataset) => ({
          dataset,
          placement: 'inside' as const,
          color: cssVar(variant === 'hwc' ? 'chart-on-hwc' : 'chart-on-opd'),
          texts: order.map((state) => [formatPercent(share(state, variant))]),
        })),
        // Named where the segments start (AB-HWC from the left, OPD from the right) instead of a legend.
        keys: VARIANTS.map((variant) => ({
          text: variantName(variant, lang, wide),
          color: cssVar(variant === 'hwc' ? 'chart-hwc' : 'chart-opd'),
          align: variant === 'hwc' ? ('start' as const) : ('end' as const),
        })),
        tooltips: {
          titles: order.map((state) => state.name[lang]),
          lines: VARIANTS.map((variant) =>
            order.map((state) =>
              t(lang, 'chart.tooltip.variant', {
                variant: variantName(variant, lang),
                value: formatInteger(state[variant]),
                share: formatPercent(share(state, variant)),
              }),
            ),
          ),
        },
      },
    });
  },
};

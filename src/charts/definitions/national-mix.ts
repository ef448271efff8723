/**
 * national-mix: all consultations in India as one bar split between AB-HWC and OPD, with each
 * part's share (and, where there is room, its size in lakh) written inside it.
 */
import { snapshot } from '../../figures/index.ts';
import { formatDate, formatInteger, formatInUnit, formatPercent, type Lang } from '../../format/format.ts';
import { t } from '../../i18n/index.ts';
import { KEYS_ROW } from '../behaviour.ts';
import { NARROW_BELOW, barConfig, countTicks, rawShare, toCsv } from '../common.ts';
import { cssVar } from '../palette.ts';
import type { ChartModule } from '../types.ts';

const VARIANTS = ['hwc', 'opd'] as const;
type Variant = (typeof VARIANTS)[number];

/** Every figure is the release's. */
const sources = (): string[] => [snapshot.source];
const count = (variant: Variant) => snapshot.national[variant];
const share = (variant: Variant) => (variant === 'hwc' ? snapshot.national.hwcShare : snapshot.national.opdShare);
const name = (variant: Variant, lang: Lang, long = false) =>
  t(lang, variant === 'hwc' ? (long ? 'chart.variant.hwcLong' : 'chart.variant.hwc') : long ? 'chart.variant.opdLong' : 'chart.variant.opd');

export const nationalMix: ChartModule = {
  id: 'national-mix',
  // One thick bar under the series keys, and the axis.
  height: (width) => KEYS_ROW + (width >= NARROW_BELOW ? 64 : 56) + 34,
  title: (lang) => t(lang, 'chart.national-mix.title'),
  takeaway: (lang) =>
    t(lang, 'chart.national-mix.takeaway', {
      total: formatInUnit(snapshot.national.total, 'crore', lang),
      hwcShare: formatPercent(share('hwc')),
      opdShare: formatPercent(share('opd')),
    }),
  alt: (lang) =>
    t(lang, 'chart.national-mix.alt', {
      total: formatInteger(snapshot.national.total),
      date: formatDate(snapshot.asOf, lang),
      hwc: formatInteger(count('hwc')),
      hwcShare: formatPercent(share('hwc')),
      opd: formatInteger(count('opd')),
      opdShare: formatPercent(share('opd')),
    }),
  table: (lang) => ({
    columns: [t(lang, 'chart.col.variant'), t(lang, 'chart.col.consultations'), t(lang, 'chart.col.share')],
    numeric: [false, true, true],
    rows: VARIANTS.map((variant) => [name(variant, lang), formatInteger(count(variant)), formatPercent(share(variant))]),
  }),
  csv: () =>
    toCsv(
      ['variant', 'consultations', 'share_of_india'],
      VARIANTS.map((variant) => [variant, count(variant), rawShare(share(variant))]),
    ),
  sources,
  config(lang, context) {
    const wide = context.width >= NARROW_BELOW;
    return barConfig({
      context,
      labels: [t(lang, 'chart.allIndia')],
      series: VARIANTS.map((variant) => ({
        label: name(variant, lang),
        data: [count(variant)],
        color: cssVar(variant === 'hwc' ? 'chart-hwc' : 'chart-opd'),
      })),
      stacked: true,
      hideCategories: true,
      max: snapshot.national.total,
      ticks: countTicks(snapshot.national.total, context.width, lang),
      report: {
        valueLabels: VARIANTS.map((variant, dataset) => ({
          dataset,
          placement: 'inside' as const,
          bold: true,
          color: cssVar(variant === 'hwc' ? 'chart-on-hwc' : 'chart-on-opd'),
          // '59.9% (80.33 lakh)' where it fits, else '59.9%'.
          texts: [[`${formatPercent(share(variant))} (${formatInUnit(count(variant), 'lakh', lang)})`, formatPercent(share(variant))]],
        })),
        keys: VARIANTS.map((variant) => ({
          text: name(variant, lang, wide),
          color: cssVar(variant === 'hwc' ? 'chart-hwc' : 'chart-opd'),
          align: variant === 'hwc' ? ('start' as const) : ('end' as const),
        })),
        tooltips: {
          titles: [t(lang, 'chart.allIndia')],
          lines: VARIANTS.map((variant) => [
            t(lang, 'chart.tooltip.variant', { variant: name(variant, lang), value: formatInteger(count(variant)), share: formatPercent(share(variant)) }),
          ]),
        },
      },
    });
  },
};

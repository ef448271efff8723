/**
 * per-person: consultations per 1,000 people (2011 census) in the snapshot's top ten, ranked by that rate,
 * with the all-India rate as a dashed reference line. The count chart (states-total) mostly ranks states
 * by size; this one asks "per person?".
 *
 * Where a later dated list exists (the newest in perPerson.lists), its rates are a second panel beside the
 * first, on the same rows, with a value scale of its own: consultations are counted from the start, so the
 * later rates run far higher and a shared scale would flatten the first panel. The rows are the snapshot's states in
 * the order of their rate, then any state only the later list has, in its order there. A state missing from
 * a list has no bar in that panel but the words for it ("not in the source's top ten"): never a zero, since
 * the source says only that it had fewer consultations than the tenth.
 *
 * The states new to the upper half of the ranking by rate in the later list are drawn in the highlight
 * colour, in both panels, with a key: the moves the story is about, found in the data, not named here.
 *
 * No date or state is named in this file: the snapshot is `snapshot.asOf`, the later list the newest one.
 */
import { perPerson, snapshot } from '../../figures/index.ts';
import { compactLong } from '../../figures/history-text.ts';
import { rateList, type NationalRate, type RateList, type StateRate } from '../../figures/per-person.ts';
import { notInList, rateUnit } from '../../figures/per-person-text.ts';
import type { StateNames } from '../../figures/history.ts';
import {
  formatCountInText,
  formatDate,
  formatFigure,
  formatInteger,
  formatList,
  formatOrdinal,
  formatRate,
  formatYear,
  type Lang,
} from '../../format/format.ts';
import { t } from '../../i18n/index.ts';
import { FRAME, LABEL_GAP, type Annotations, type TickSpec } from '../behaviour.ts';
import { AXIS_HEIGHT, NARROW_BELOW, barConfig, fontSize, niceStep, rowHeight, toCsv } from '../common.ts';
import { cssVar } from '../palette.ts';
import { measureText } from '../render/textMetrics.ts';
import type { ChartModule } from '../types.ts';

/** The value scale of each panel, left to right. */
const PANEL_SCALES = ['x', 'x2'] as const;
/** The empty scale between them, which keeps the first panel's labels clear of the second. */
const GAP_SCALE = 'panelGap';

/** The lists drawn, one panel each: the snapshot's, and the newest where it is later. */
function lists(): RateList[] {
  const first = rateList(perPerson, snapshot.asOf);
  const newest = perPerson.lists.at(-1);
  return newest && newest.asOf > first.asOf ? [first, newest] : [first];
}

/** One row of the chart: a state, and its rate in each panel's list (undefined where the list lacks it). */
interface Row {
  code: string;
  name: StateNames;
  population: number;
  rates: (StateRate | undefined)[];
}

/**
 * The snapshot's states by rate, then the states only later lists have, in their order there, e.g.
 * [{ code: 'IN-AP', rates: [{ perThousand: 85.18, ... }, { perThousand: 639.44, ... }] }, ..., { code: 'IN-TS', rates: [undefined, {...}] }]
 */
function rows(): Row[] {
  const drawn = lists();
  const codes: string[] = [];
  for (const list of drawn) for (const state of list.states) if (!codes.includes(state.code)) codes.push(state.code);
  return codes.map((code) => {
    const rates = drawn.map((list) => list.states.find((state) => state.code === code));
    const any = rates.find((rate) => rate !== undefined)!;
    return { code, name: any.name, population: any.population, rates };
  });
}

/** How many places count as the upper half of a list's ranking by rate: five of ten. */
const upperHalf = (list: RateList) => Math.floor(list.states.length / 2);

/**
 * The states in the upper half of the newest list by rate that were not in the upper half of the snapshot's
 * (or not in its list at all), e.g. ['IN-WB', 'IN-TS']. None with a single panel.
 */
function newcomers(): string[] {
  const drawn = lists();
  const first = drawn[0]!;
  const last = drawn.at(-1)!;
  if (drawn.length < 2) return [];
  const wasUp = (code: string) => (first.states.find((state) => state.code === code)?.rateRank ?? Infinity) <= upperHalf(first);
  return last.states.filter((state) => state.rateRank <= upperHalf(last) && !wasUp(state.code)).map((state) => state.code);
}

const unit = (lang: Lang) => rateUnit(lang, 'short');
const rate = (value: number) => formatRate(value);
/** India's rate with its qualifier in words: '11.1', 'about 82.7' / 'लगभग 82.7'. */
const nationalRate = (national: NationalRate, lang: Lang) => formatFigure({ kind: 'rate', value: national.perThousand, qualifier: national.qualifier }, lang);
const nationalLabel = (national: NationalRate, lang: Lang) => t(lang, 'chart.per-person.national', { value: nationalRate(national, lang) });
/** The reference line's label on one line, or on two with the figure and its qualifier kept together: 'All India:' / 'about 82.7'. */
const nationalLabels = (national: NationalRate, lang: Lang) => [
  [nationalLabel(national, lang)],
  [t(lang, 'chart.per-person.national', { value: '' }).trim(), nationalRate(national, lang)],
];

/** The state that climbs most from its place by count to its place by rate on the snapshot, e.g. Uttarakhand, tenth -> third. */
function climber(): StateRate {
  const [first] = lists();
  const sorted = [...first!.states].sort((a, b) => b.countRank - b.rateRank - (a.countRank - a.rateRank) || a.rateRank - b.rateRank);
  return sorted[0]!;
}

/** Every source of the figures drawn: each list's and its all-India figure's, then the census. */
function sources(): string[] {
  const ids = lists().flatMap((list) => [...list.sources, ...(list.national ? [list.national.source] : [])]);
  return [...new Set([...ids, perPerson.census.source])];
}

/** Rate ticks from 0 in round steps: two on a phone's narrow panel, four or five on a wide one. */
function rateTicks(max: number, width: number): TickSpec {
  const step = niceStep(max / (width < NARROW_BELOW ? 2 : 4));
  const values: number[] = [];
  for (let value = 0; value <= max + step * 1e-9; value += step) values.push(value);
  return { values, labels: values.map((value) => formatRate(value, Number.isInteger(value) ? 0 : 1)) };
}

/** A row of text above the plot, e.g. { name: 'panels', height: 21 }: the panels' dates. */
interface HeaderRow {
  name: 'heading' | 'key' | 'panels' | 'references';
  height: number;
}

/**
 * The drawing's rows of text above the plot, top to bottom: the heading with the unit, the key (where states
 * are highlighted), the panels' dates, the reference lines' labels (room for two lines in a phone's narrow panels).
 */
function headerRows(width: number): HeaderRow[] {
  const size = fontSize(width);
  const line = Math.round(size * 1.6);
  const twoLines = 2 * Math.round(size * 1.2) + 6;
  return [
    { name: 'heading', height: line },
    ...(newcomers().length ? [{ name: 'key', height: line } as const] : []),
    { name: 'panels', height: line },
    ...(lists().some((list) => list.national) ? [{ name: 'references', height: width < NARROW_BELOW ? twoLines : line } as const] : []),
  ];
}

/** Height of all the rows of text above the plot. */
const headerHeight = (width: number) => headerRows(width).reduce((sum, row) => sum + row.height, 0);

/** Height of the drawing at `width`: the rows of text, a bar's row per state, the value axis. */
function height(width: number): number {
  return headerHeight(width) + 4 + rows().length * rowHeight(width) + AXIS_HEIGHT + 4;
}

const textWidth = (text: string, size: number) => measureText({ style: 'normal', weight: 400, size }, text).width;

export const perPersonChart: ChartModule = {
  id: 'per-person',
  height,
  title: (lang) => t(lang, 'chart.per-person.title'),
  takeaway(lang) {
    const [first] = lists();
    const national = first!.national;
    if (!national) throw new Error(`per-person: no all-India figure on ${first!.asOf} to compare the states with`);
    const state = climber();
    const values = { state: state.name[lang], rate: rate(state.perThousand), unit: unit(lang), national: nationalRate(national, lang) };
    if (state.countRank === state.rateRank) return t(lang, 'chart.per-person.takeawaySame', values);
    return t(lang, 'chart.per-person.takeaway', { ...values, countRank: formatOrdinal(state.countRank, lang), rateRank: formatOrdinal(state.rateRank, lang) });
  },
  alt(lang) {
    const drawn = lists();
    const all = rows();
    const panels = drawn.map((list, panel) => {
      const entries = all.map((row) => {
        const found = row.rates[panel];
        return `${row.name[lang]} ${found ? rate(found.perThousand) : notInList(lang)}`;
      });
      if (list.national) entries.push(nationalLabel(list.national, lang));
      return t(lang, 'chart.per-person.altPanel', { date: formatDate(list.asOf, lang), list: entries.join(', ') });
    });
    const risers = newcomers();
    const last = drawn.at(-1)!;
    const riserText = risers.length
      ? [
          t(lang, 'chart.per-person.altRisers', {
            states: formatList(
              risers.map((code) => all.find((row) => row.code === code)!.name[lang]),
              lang,
            ),
            count: formatCountInText(upperHalf(last), lang),
            date: formatDate(last.asOf, lang),
          }),
        ]
      : [];
    return [
      t(lang, 'chart.per-person.alt', {
        unit: unit(lang),
        dates: formatList(
          drawn.map((list) => formatDate(list.asOf, lang)),
          lang,
        ),
        first: formatDate(drawn[0]!.asOf, lang),
        absent: `"${notInList(lang)}"`,
        panels: panels.join(' '),
      }),
      ...riserText,
    ].join(' ');
  },
  table(lang) {
    const drawn = lists();
    const census = formatYear(perPerson.census.date);
    const absent = notInList(lang);
    const india = drawn.find((list) => list.national)?.national;
    return {
      columns: [
        t(lang, 'chart.col.state'),
        t(lang, 'chart.per-person.col.population', { census }),
        ...drawn.flatMap((list) => {
          const date = formatDate(list.asOf, lang);
          return [t(lang, 'chart.per-person.col.consultations', { date }), t(lang, 'chart.per-person.col.rate', { date, unit: unit(lang) })];
        }),
      ],
      numeric: [false, true, ...drawn.flatMap(() => [true, true])],
      rows: [
        ...rows().map((row) => [
          row.name[lang],
          formatInteger(row.population),
          ...row.rates.flatMap((found) => (found ? [formatInteger(found.consultations), rate(found.perThousand)] : [absent, absent])),
        ]),
        // All India: the reference line's value, with the qualifier its source gave the count.
        ...(india
          ? [
              [
                t(lang, 'chart.allIndia'),
                formatInteger(india.population),
                ...drawn.flatMap((list) => (list.national ? [compactLong(list.national.consultations, list.national.qualifier, lang), nationalRate(list.national, lang)] : ['', ''])),
              ],
            ]
          : []),
      ],
    };
  },
  csv: () =>
    toCsv(
      ['as_of', 'code', 'name_en', 'name_hi', 'consultations', 'qualifier', 'population', 'per_1000', 'source'],
      lists().flatMap((list) => [
        ...list.states.map((state) => [list.asOf, state.code, state.name.en, state.name.hi, state.consultations, 'exact', state.population, rawRate(state.perThousand), list.sources.join(' ')]),
        ...(list.national ? [nationalCsvRow(list.asOf, list.national)] : []),
      ]),
    ),
  sources,
  config(lang, context) {
    const drawn = lists();
    const all = rows();
    const risers = new Set(newcomers());
    const size = fontSize(context.width);
    const header = headerRows(context.width);
    const rowOf = (name: HeaderRow['name']) => header.findIndex((candidate) => candidate.name === name);
    const color = (row: Row) => cssVar(risers.has(row.code) ? 'chart-highlight' : 'chart-bar');
    const maxOf = (panel: number) => Math.max(...all.map((row) => row.rates[panel]?.perThousand ?? 0), drawn[panel]!.national?.perThousand ?? 0);
    const labels = drawn.map((_, panel) => all.map((row) => (row.rates[panel] ? [rate(row.rates[panel]!.perThousand)] : [])));

    const config = barConfig({
      context,
      labels: all.map((row) => row.name[lang]),
      series: drawn.map((list, panel) => ({
        label: formatDate(list.asOf, lang),
        // null where the list lacks the state: no bar, and the panel says why (notes below).
        data: all.map((row) => row.rates[panel]?.perThousand ?? null) as number[],
        color: all.map(color),
      })),
      max: maxOf(0),
      ticks: rateTicks(maxOf(0), context.width),
      report: {
        // Over a halo of the page colour: the reference line passes behind some of them.
        valueLabels: drawn.map((_, panel) => ({ dataset: panel, placement: 'outside' as const, color: cssVar('chart-text'), texts: labels[panel]!, halo: cssVar('chart-bg') })),
        ...(risers.size ? { emphasis: { axis: 'y' as const, index: all.flatMap((row, index) => (risers.has(row.code) ? [index] : [])), color: cssVar('chart-highlight') } } : {}),
        tooltips: {
          titles: all.map((row) => row.name[lang]),
          lines: drawn.map((list, panel) =>
            all.map((row) => {
              const found = row.rates[panel];
              return found
                ? t(lang, 'chart.per-person.tooltip', {
                    date: formatDate(list.asOf, lang),
                    rate: rate(found.perThousand),
                    unit: unit(lang),
                    consultations: formatInteger(found.consultations),
                    countRank: formatOrdinal(found.countRank, lang),
                  })
                : null;
            }),
          ),
        },
      },
    });

    const options = config.options!;
    const report = options.plugins!.report!;
    const scales = options.scales as Record<string, Record<string, unknown>>;
    const x = scales['x']!;
    // The panels: value scales side by side in one stack, the snapshot's first, each as wide as the other.
    const panelScale = (panel: number) => ({
      ...x,
      max: maxOf(panel),
      stack: 'panels',
      stackWeight: 1,
    });
    scales['x'] = panelScale(0);
    if (drawn.length > 1) {
      report.ticks = { ...report.ticks, x2: rateTicks(maxOf(1), context.width) };
      // Between the panels, an empty scale as wide as the first panel's longest label and a little air.
      const widestLabel = Math.max(...labels[0]!.flat().map((text) => textWidth(text, size)));
      const categories = Math.max(...all.map((row) => textWidth(row.name[lang], size))) + 6;
      const lastLabel = Math.max(...labels[1]!.flat().map((text) => textWidth(text, size))) + LABEL_GAP + 2;
      const side = context.frame ? FRAME.margin : 0;
      const plot = context.width - 2 * side - 8 - categories - lastLabel;
      const gap = widestLabel + LABEL_GAP + 14;
      const panel = (plot - gap) / 2;
      scales[GAP_SCALE] = { type: 'linear', display: false, position: 'bottom', stack: 'panels', stackWeight: gap / panel };
      scales['x2'] = panelScale(1);
      config.data.datasets.forEach((dataset, index) => Object.assign(dataset, { xAxisID: PANEL_SCALES[index], grouped: false }));
    }
    // Room above the plot for the heading, the key, the panels' dates and the reference lines' labels.
    const padding = options.layout!.padding as { top: number };
    padding.top = padding.top - 4 + headerHeight(context.width) + 4;

    const annotations: Annotations = {
      rows: header.map((candidate) => candidate.height),
      halo: cssVar('chart-bg'),
      texts: [
        { row: rowOf('heading'), text: t(lang, 'chart.per-person.heading', { unit: unit(lang) }), bold: true },
        ...(risers.size
          ? [{ row: rowOf('key'), text: t(lang, 'chart.per-person.key', { count: formatCountInText(upperHalf(drawn.at(-1)!), lang) }), swatch: cssVar('chart-highlight') }]
          : []),
        ...drawn.map((list, panel) => ({ row: rowOf('panels'), text: formatDate(list.asOf, lang), scale: PANEL_SCALES[panel], bold: true })),
      ],
      references: drawn.flatMap((list, panel) =>
        list.national ? [{ scale: PANEL_SCALES[panel]!, value: list.national.perThousand, labels: nationalLabels(list.national, lang), row: rowOf('references'), color: cssVar('chart-muted') }] : [],
      ),
      notes: drawn.flatMap((_, panel) =>
        all.flatMap((entry, index) =>
          entry.rates[panel]
            ? []
            : [{ scale: PANEL_SCALES[panel]!, index, texts: [[notInList(lang)], twoLines(notInList(lang), size)], color: cssVar('chart-muted') }],
        ),
      ),
    };
    report.annotations = annotations;
    return config;
  },
};

/** All India's row of the CSV on a date: its count with the qualifier its source gave, and its rate. */
function nationalCsvRow(asOf: string, national: NationalRate): (string | number)[] {
  const name = (lang: Lang) => t(lang, 'chart.allIndia');
  return [asOf, 'IN', name('en'), name('hi'), national.consultations, national.qualifier, national.population, rawRate(national.perThousand), national.source];
}

/** `text` on two lines, broken at the space nearest its middle: for a note in a narrow panel. */
function twoLines(text: string, size: number): string[] {
  const words = text.split(' ');
  if (words.length < 2) return [text];
  const splits = words.slice(1).map((_, index) => [words.slice(0, index + 1).join(' '), words.slice(index + 1).join(' ')]);
  const longer = (lines: string[]) => Math.max(...lines.map((line) => textWidth(line, size)));
  return splits.reduce((best, lines) => (longer(lines) < longer(best) ? lines : best));
}

/** A rate as the CSV writes it: two decimals, one more than the chart shows, with no floating-point noise. */
function rawRate(value: number): number {
  return Math.round(value * 100) / 100;
}

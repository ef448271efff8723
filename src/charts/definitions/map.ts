/**
 * map: every state and union territory as one equal square tile, placed by content/data/tile-layout.csv, shaded
 * by consultations per 1,000 people (2011 census) on the snapshot date. A tile grid and not a boundary map: it
 * draws no borders, and it gives a small state as much room as a large one.
 *
 * Only the states in the source's top ten have a rate. The others are not zero and not the lowest class: the
 * source says only that each had fewer consultations than the tenth, which says nothing of its rate. Their tiles
 * are hatched in a neutral tone, named as "not in the source's top ten", with a key of their own in the legend.
 *
 * The shades are four classes of equal ratio from the lowest rate to the highest (../classes.ts says why);
 * the tiles' labels are the short forms of states.csv, which a unit test holds to fit their tiles.
 */
import { dataset, perPerson, snapshot } from '../../figures/index.ts';
import { rateList, type StateRate } from '../../figures/per-person.ts';
import { notInList, rateUnit } from '../../figures/per-person-text.ts';
import { formatCountInText, formatDate, formatInteger, formatList, formatOrdinal, formatRate, formatYear, withQualifier, type Lang } from '../../format/format.ts';
import { t } from '../../i18n/index.ts';
import { classOf, ratioClasses, type Classes } from '../classes.ts';
import { fontSize, toCsv } from '../common.ts';
import { cssVar, type ChartColor } from '../palette.ts';
import { tileMapConfig, tileMapHeight, type GridSize, type LegendContent } from '../tile-map.ts';
import type { ChartModule } from '../types.ts';

/** The scale's colours, lowest class first, each with the colour of a label drawn on it (palette.ts). */
export const CLASS_COLORS: readonly { fill: ChartColor; text: ChartColor }[] = [
  { fill: 'chart-map-1', text: 'chart-on-map-1' },
  { fill: 'chart-map-2', text: 'chart-on-map-2' },
  { fill: 'chart-map-3', text: 'chart-on-map-3' },
  { fill: 'chart-map-4', text: 'chart-on-map-4' },
];
/** Rates are shown, and classed, with this many decimals (formatRate's). */
const DECIMALS = 1;

/** One tile, e.g. { code: 'IN-MP', column: 3, row: 3, population: 72626809, rate: { perThousand: 6.17, rateRank: 7, ... }, shade: 0 } */
export interface Tile {
  code: string;
  name: Record<Lang, string>;
  short: Record<Lang, string>;
  column: number;
  row: number;
  population: number;
  /** The state's rate, where it is in the source's list; else undefined (not zero). */
  rate?: StateRate;
  /** Its class (0 is the lowest), where it has a rate. */
  shade?: number;
}

/** The snapshot's list: the top ten on the release's date, with their rates. */
export const snapshotRates = () => rateList(perPerson, snapshot.asOf);

/** The classes of the snapshot's rates: as many as the scale has colours, of equal ratio. */
export const mapClasses = (): Classes =>
  ratioClasses(
    snapshotRates().states.map((state) => state.perThousand),
    CLASS_COLORS.length,
    DECIMALS,
  );

/** The colours of `classes`' classes: all of the scale's, or (with fewer classes) spread from its lowest to its highest. */
function classColors(classes: Classes) {
  const count = classes.breaks.length - 1;
  return Array.from({ length: count }, (_, index) => CLASS_COLORS[count === 1 ? 0 : Math.round((index * (CLASS_COLORS.length - 1)) / (count - 1))]!);
}

/** Every tile, in reading order: row by row from the north, west to east in each row. */
export function tiles(): Tile[] {
  const list = snapshotRates();
  const classes = mapClasses();
  return dataset.tiles
    .map((place): Tile => {
      const state = dataset.states.find((candidate) => candidate.code === place.code);
      const population = dataset.population.find((candidate) => candidate.code === place.code);
      if (!state || !population) throw new Error(`map: ${place.code} is in tile-layout.csv but missing from states.csv or population.csv`);
      const rate = list.states.find((candidate) => candidate.code === place.code);
      return {
        code: place.code,
        name: { hi: state.name_hi, en: state.name_en },
        short: { hi: state.short_hi, en: state.short_en },
        column: place.column,
        row: place.row,
        population: population.population,
        ...(rate ? { rate, shade: classOf(rate.perThousand, classes, DECIMALS) } : {}),
      };
    })
    .sort((a, b) => a.row - b.row || a.column - b.column);
}

/** The grid's size: one more than the largest column and row. */
export function gridSize(): GridSize {
  return { columns: Math.max(...dataset.tiles.map((tile) => tile.column)) + 1, rows: Math.max(...dataset.tiles.map((tile) => tile.row)) + 1 };
}

const rateText = (rate: StateRate) => formatRate(rate.perThousand, DECIMALS);
/** The tiles without a rate, in the reader's alphabetical order. */
function absent(lang: Lang): Tile[] {
  const collator = new Intl.Collator(lang);
  return tiles()
    .filter((tile) => !tile.rate)
    .sort((a, b) => collator.compare(a.name[lang], b.name[lang]));
}
/** The listed states, highest rate first. */
const listed = (): (Tile & { rate: StateRate })[] =>
  tiles()
    .filter((tile): tile is Tile & { rate: StateRate } => Boolean(tile.rate))
    .sort((a, b) => a.rate.rateRank - b.rate.rateRank);

/** What the legend says, in `lang`. */
function legendContent(lang: Lang): LegendContent {
  const classes = mapClasses();
  return {
    title: t(lang, 'chart.map.legend', { unit: rateUnit(lang) }),
    fills: classColors(classes).map((color) => cssVar(color.fill)),
    breaks: classes.breaks.map((value) => formatRate(value, DECIMALS)),
    noData: { text: notInList(lang), fill: cssVar('chart-nodata'), line: cssVar('chart-nodata-line') },
    text: cssVar('chart-text'),
  };
}

/** The release's, for the consultations, and the census's, for the people. */
const sources = (): string[] => [...new Set([...snapshotRates().sources, perPerson.census.source])];

const height = (width: number) =>
  tileMapHeight(
    width,
    gridSize(),
    (['hi', 'en'] as const).map((lang) => legendContent(lang)),
    fontSize(width),
  );

export const map: ChartModule = {
  id: 'map',
  height,
  title: (lang) => t(lang, 'chart.map.title', { unit: rateUnit(lang) }),
  takeaway(lang) {
    const ranked = listed();
    const [first, last] = [ranked[0], ranked.at(-1)];
    const national = snapshotRates().national;
    if (!first || !last || !national) throw new Error('map: the snapshot needs listed states and an all-India figure');
    return t(lang, 'chart.map.takeaway', {
      unit: rateUnit(lang, 'long'),
      count: formatCountInText(ranked.length, lang),
      first: first.name[lang],
      firstRate: rateText(first.rate),
      national: withQualifier(formatRate(national.perThousand, DECIMALS), national.qualifier, lang),
      last: last.name[lang],
      lastRate: rateText(last.rate),
    });
  },
  alt(lang) {
    const breaks = mapClasses().breaks.map((value) => formatRate(value, DECIMALS));
    const ranges = breaks.slice(1).map((to, index) => t(lang, 'chart.map.range', { from: breaks[index]!, to }));
    const others = absent(lang);
    return t(lang, 'chart.map.alt', {
      total: formatCountInText(tiles().length, lang),
      count: formatCountInText(listed().length, lang),
      date: formatDate(snapshot.asOf, lang),
      unit: rateUnit(lang, 'long'),
      classes: formatCountInText(ranges.length, lang),
      ranges: formatList(ranges, lang),
      list: listed()
        .map((tile) => `${tile.name[lang]} ${rateText(tile.rate)}`)
        .join(', '),
      others: formatCountInText(others.length, lang),
      absent: formatList(
        others.map((tile) => tile.name[lang]),
        lang,
      ),
    });
  },
  table(lang) {
    return {
      columns: [
        t(lang, 'chart.map.col.rank'),
        t(lang, 'chart.col.state'),
        t(lang, 'chart.map.legend', { unit: rateUnit(lang) }),
        t(lang, 'chart.col.consultations'),
        t(lang, 'chart.map.col.population', { census: formatYear(perPerson.census.date) }),
      ],
      numeric: [true, false, true, true, true],
      rows: [
        ...listed().map((tile) => [formatInteger(tile.rate.rateRank), tile.name[lang], rateText(tile.rate), formatInteger(tile.rate.consultations), formatInteger(tile.population)]),
        // The others, named, as what they are: not in the list (never a zero).
        ...absent(lang).map((tile) => ['', tile.name[lang], notInList(lang), '', formatInteger(tile.population)]),
      ],
    };
  },
  csv: () =>
    toCsv(
      ['code', 'name_en', 'name_hi', 'column', 'row', 'consultations', 'population', 'per_1000', 'in_list'],
      tiles().map((tile) => [
        tile.code,
        tile.name.en,
        tile.name.hi,
        tile.column,
        tile.row,
        // Empty, not zero, where the state is not in the list: the source gives no figure for it.
        tile.rate?.consultations ?? '',
        tile.population,
        tile.rate ? Math.round(tile.rate.perThousand * 1e6) / 1e6 : '',
        tile.rate ? 'true' : 'false',
      ]),
    ),
  sources,
  config(lang, context) {
    const all = tiles();
    const colors = classColors(mapClasses());
    const list = snapshotRates();
    return tileMapConfig({
      context,
      size: gridSize(),
      height: height(context.width),
      tiles: all.map((tile) => {
        const color = tile.shade === undefined ? undefined : colors[tile.shade];
        return {
          column: tile.column,
          row: tile.row,
          fill: cssVar(color?.fill ?? 'chart-nodata'),
          label: tile.short[lang],
          labelColor: cssVar(color?.text ?? 'chart-text'),
          hatched: !color,
        };
      }),
      legend: legendContent(lang),
      tooltips: {
        titles: all.map((tile) => tile.name[lang]),
        lines: [
          all.map((tile) =>
            tile.rate
              ? t(lang, 'chart.map.tooltip', {
                  rate: rateText(tile.rate),
                  unit: rateUnit(lang),
                  rank: formatOrdinal(tile.rate.rateRank, lang),
                  count: formatCountInText(list.states.length, lang),
                })
              : notInList(lang),
          ),
        ],
      },
    });
  },
};

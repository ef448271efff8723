/**
 * ranks: the top ten states on every date the data has state rows for, as a bump chart: dates across,
 * ranks down (first at the top), one line per state. The dates are categories, evenly spaced: the
 * chart is about order, not pace, and the lists are what the sources published.
 *
 * A state missing from a date's top ten is absent there: its value is null and the line breaks
 * (spanGaps false). It is never drawn as zero or as an eleventh place, since the sources say nothing
 * about it except that it had fewer consultations than the tenth.
 *
 * Names sit at the line ends as axis labels: on the left the first list's states (with their ranks), on
 * the right the newest list's. A narrow drawing keeps ranks on the left and names on the right. West
 * Bengal, Madhya Pradesh and Telangana, the moves the story is about, are drawn in colour.
 */
import { history, snapshot } from '../../figures/index.ts';
import { rankPath, rankedStates, sinceSnapshot, type Ranking } from '../../figures/history.ts';
import { formatCountInText, formatDate, formatInteger, formatList, formatMonthYear, formatOrdinal, type Lang } from '../../format/format.ts';
import { t } from '../../i18n/index.ts';
import { NARROW_BELOW, toCsv } from '../common.ts';
import { cssVar, type ChartColor } from '../palette.ts';
import { moveText } from '../../figures/history-text.ts';
import { publisherName } from '../../figures/sources.ts';
import { lineConfig } from '../timeline.ts';
import type { ChartModule } from '../types.ts';

/** The states the story follows, each with its colour. Others are drawn in the muted line colour. */
export const HIGHLIGHTS: Record<string, ChartColor> = { 'IN-WB': 'chart-hwc', 'IN-MP': 'chart-highlight', 'IN-TS': 'chart-opd' };

const rankings = (): Ranking[] => history.rankings;
const newest = (): Ranking => {
  const found = rankings().at(-1);
  if (!found) throw new Error('ranks: consultations-by-state.csv has no state rows');
  return found;
};
const name = (code: string, lang: Lang) => rankedStates(history).find((state) => state.code === code)?.name[lang] ?? code;
const colorOf = (code: string) => cssVar(HIGHLIGHTS[code] ?? 'chart-rest');
const textColorOf = (code: string) => cssVar(HIGHLIGHTS[code] ?? 'chart-text');

/** Lines drawn last lie on top: the highlighted states after the others. */
function states(): { code: string; name: { hi: string; en: string } }[] {
  const all = rankedStates(history);
  return [...all.filter((state) => !HIGHLIGHTS[state.code]), ...all.filter((state) => HIGHLIGHTS[state.code])];
}

/** Height: ten rows, each tall enough for a Devanagari name, and the date labels. */
function height(width: number): number {
  return 10 * (width < NARROW_BELOW ? 30 : 34) + 56;
}

/** A rank in a table cell or text alternative: '3' / 'third', or the words for absent. */
const rankCell = (rank: number | null, lang: Lang) => (rank === null ? t(lang, 'since.absent') : formatInteger(rank));
// A rank standing alone in a list of places: 'first, first, second' / 'पहला, पहला, दूसरा' (not the oblique 'पहले').
const rankWords = (rank: number | null, lang: Lang) => (rank === null ? t(lang, 'since.absent') : formatOrdinal(rank, lang, 'direct'));

/** Each list has its own sources; the chart credits them all, oldest list first. */
const sources = (): string[] => [...new Set(rankings().flatMap((ranking) => ranking.sources))];

/** 'West Bengal rose from ninth to third place', from the data, for each highlighted state. */
function moves(lang: Lang): string[] {
  return Object.keys(HIGHLIGHTS).flatMap((code) => {
    const text = moveText(code, lang);
    return text ? [`${name(code, lang)} ${text}`] : [];
  });
}

const list = (items: string[], lang: Lang) => formatList(items, lang);

export const ranks: ChartModule = {
  id: 'ranks',
  height,
  title: (lang) => t(lang, 'chart.ranks.title'),
  takeaway(lang) {
    const pair = sinceSnapshot(history, snapshot.asOf);
    return t(lang, 'chart.ranks.takeaway', {
      from: formatDate(pair?.from.asOf ?? newest().asOf, lang),
      to: formatDate(newest().asOf, lang),
      moves: list(moves(lang), lang),
    });
  },
  alt(lang) {
    return t(lang, 'chart.ranks.alt', {
      count: formatCountInText(rankings().length, lang),
      dates: list(
        rankings().map((ranking) => formatDate(ranking.asOf, lang)),
        lang,
      ),
      list: rankedStates(history)
        .map((state) => `${state.name[lang]}: ${rankPath(history, state.code).map((rank) => rankWords(rank, lang)).join(', ')}`)
        .join('; '),
    });
  },
  table(lang) {
    return {
      columns: [t(lang, 'chart.ranks.state'), ...rankings().map((ranking) => formatDate(ranking.asOf, lang))],
      numeric: [false, ...rankings().map(() => true)],
      rows: [
        ...rankedStates(history).map((state) => [state.name[lang], ...rankPath(history, state.code).map((rank) => rankCell(rank, lang))]),
        // Each list's source, under its column.
        [t(lang, 'data.source'), ...rankings().map((ranking) => ranking.sources.map((id) => publisherName(id, lang)).join('; '))],
      ],
    };
  },
  csv: () =>
    toCsv(
      ['as_of', 'rank', 'code', 'name_en', 'name_hi', 'consultations', 'source'],
      rankings().flatMap((ranking) =>
        ranking.states.map((state) => [ranking.asOf, state.rank, state.code, state.name.en, state.name.hi, state.total, ranking.sources.join(' ')]),
      ),
    ),
  sources,
  config(lang, context) {
    const narrow = context.width < NARROW_BELOW;
    const dates = rankings().map((ranking) => ranking.asOf);
    const first = rankings()[0]!;
    const last = newest();
    const slots = Array.from({ length: 10 }, (_, index) => index + 1);
    const at = (ranking: Ranking, rank: number) => ranking.states.find((state) => state.rank === rank);
    // Left: the first list's states with their ranks ('1. Andhra Pradesh'). A phone has room for one column
    // of names (Chart.js gives each side axis at most a quarter of the width), so there the left axis is
    // hidden and the right one carries the ranks with the newest list's names.
    const leftLabels = slots.map((rank) => {
      const state = at(first, rank);
      return state ? `${formatInteger(rank)}. ${state.name[lang]}` : formatInteger(rank);
    });
    const leftColors = slots.map((rank) => textColorOf(at(first, rank)?.code ?? ''));
    const rightLabels = slots.map((rank) => {
      const state = at(last, rank);
      if (!state) return narrow ? formatInteger(rank) : '';
      return narrow ? `${formatInteger(rank)}. ${state.name[lang]}` : state.name[lang];
    });
    const rightColors = slots.map((rank) => textColorOf(at(last, rank)?.code ?? ''));
    // Dates across, as the formatter writes them, on two lines so four fit a phone's width.
    const dateLabels = dates.map((iso) => {
      const text = narrow ? formatMonthYear(iso, lang) : formatDate(iso, lang);
      const year = text.slice(text.lastIndexOf(' ') + 1);
      return [text.slice(0, text.lastIndexOf(' ')), year];
    });
    const drawn = states();
    const config = lineConfig({
      context,
      x: { type: 'category', labels: dateLabels as unknown as string[] },
      y: { type: 'linear', min: 0.5, max: 10.5, ticks: { values: slots, labels: leftLabels }, title: undefined },
      yRight: { labels: rightLabels, colors: rightColors },
      datasets: drawn.map((state) => {
        const highlighted = Boolean(HIGHLIGHTS[state.code]);
        return {
          label: state.name[lang],
          // null where the state is not in that date's top ten: a gap, never a zero.
          data: rankPath(history, state.code),
          spanGaps: false,
          borderColor: colorOf(state.code),
          backgroundColor: colorOf(state.code),
          borderWidth: highlighted ? 3.5 : 2,
          pointRadius: highlighted ? 4.5 : 3,
          pointHoverRadius: highlighted ? 6.5 : 5,
          pointBorderWidth: 1,
          pointStyle: 'circle',
          tension: 0,
        };
      }),
      tooltips: {
        titles: dates.map((iso) => formatDate(iso, lang)),
        lines: drawn.map((state) =>
          rankings().map((ranking) => {
            const found = ranking.states.find((candidate) => candidate.code === state.code);
            return found
              ? t(lang, 'chart.ranks.tooltip', { state: state.name[lang], rank: formatOrdinal(found.rank, lang), value: formatInteger(found.total) })
              : null;
          }),
        ),
      },
    });
    // Rank 1 at the top; the left labels take the first list's colours.
    const scales = config.options!.scales as Record<string, Record<string, unknown>>;
    scales['y'] = { ...scales['y'], display: !narrow, reverse: true, grid: { display: false }, ticks: { ...(scales['y']!['ticks'] as object), color: leftColors } };
    // The first and last lists sit at the plot's edges, next to the names.
    // On a phone the four dates share some 190 px: their labels are set a size smaller, so that the
    // longest month ('September') keeps clear of its neighbours.
    const xTicks = scales['x']!['ticks'] as { font: { family: string; size: number } };
    const small = narrow ? { font: { ...xTicks.font, size: xTicks.font.size - 2 } } : {};
    scales['x'] = { ...scales['x'], offset: false, grid: { color: cssVar('chart-grid'), drawTicks: false }, ticks: { ...xTicks, ...small } };
    scales['yRight'] = { ...scales['yRight'], ticks: { ...(scales['yRight']!['ticks'] as object), padding: narrow ? 8 : 10 } };
    return config;
  },
};


import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, test } from 'vitest';
import type { ReportOptions } from '../../../src/charts/behaviour.ts';
import { growth } from '../../../src/charts/definitions/growth.ts';
import { network } from '../../../src/charts/definitions/network.ts';
import { ranks } from '../../../src/charts/definitions/ranks.ts';
import { dayNumber, logAxis, MARKERS, timeTicks } from '../../../src/charts/timeline.ts';
import { compact, compactShort, unitDecimals } from '../../../src/figures/history-text.ts';
import { formatDate, formatInteger, formatTick, withQualifier, type Lang, type Qualifier } from '../../../src/format/format.ts';
import { t } from '../../../src/i18n/index.ts';

/** The expected answers, straight from the CSV files, not through the code under test. */
const read = (file: string) => csvParse(readFileSync(`content/data/${file}`, 'utf8'));
const MILESTONES = read('national-milestones.csv')
  .map((row) => ({ asOf: row['as_of']!, total: Number(row['total']), qualifier: row['qualifier'] as Qualifier, source: row['source']! }))
  .sort((a, b) => a.asOf.localeCompare(b.asOf));
const STATES = read('states.csv');
const STATE_ROWS = read('consultations-by-state.csv').filter((row) => row['state'] !== 'IN');
const DATES = [...new Set(STATE_ROWS.map((row) => row['as_of']!))].sort();
const FACTS = read('programme-facts.csv');
const stateName = (code: string, lang: Lang) => STATES.find((row) => row['code'] === code)?.[lang === 'hi' ? 'name_hi' : 'name_en'] ?? '';

const LANGS: Lang[] = ['hi', 'en'];
type Dataset = { label?: string; data: unknown[]; pointStyle?: unknown; spanGaps?: boolean; showLine?: boolean; borderDash?: number[] };
const datasets = (config: { data: { datasets: unknown[] } }) => config.data.datasets as Dataset[];
const reportOf = (config: { options?: unknown }) => (config.options as { plugins: { report: ReportOptions } }).plugins.report;
type Scales = Record<string, { type?: string; labels?: unknown[]; reverse?: boolean; display?: boolean; min?: number; max?: number }>;

describe('the time and count axes', () => {
  test('a day-number time axis with January ticks written by the formatter', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2023-11')).toBe(dayNumber('2023-11-01'));
    expect(timeTicks('2021-06-10', '2025-11-23', 680, 'hi').labels).toEqual(['जनवरी 2022', 'जनवरी 2023', 'जनवरी 2024', 'जनवरी 2025']);
    expect(timeTicks('2021-06-10', '2025-11-23', 340, 'en').labels).toEqual(['January 2023', 'January 2025']);
    expect(timeTicks('2021-06-10', '2023-02-16', 340, 'en').labels).toEqual(['January 2022', 'January 2023']);
  });

  test('a log axis from a round amount below the least to one above the most, ticks in lakh and crore', () => {
    const axis = logAxis([6000000, 430000000], 680, 'hi');
    expect([axis.min, axis.max]).toEqual([5000000, 500000000]);
    expect(axis.ticks.labels).toEqual(axis.ticks.values.map((value) => formatTick(value, 'hi')));
    expect(axis.ticks.labels).toContain('1\u00A0करोड़');
    expect(axis.ticks.labels[0]).toBe('50\u00A0लाख');
  });

  test('counts keep every digit the source gave, and their qualifier in the short form', () => {
    expect(unitDecimals(430000000)).toBe(0);
    expect(unitDecimals(318600000)).toBe(2);
    expect(unitDecimals(100110000)).toBe(3);
    expect(compactShort(430000000, 'at-least', 'hi')).toBe('43\u00A0करोड़+');
    expect(compactShort(318600000, 'about', 'en')).toBe('~31.86\u00A0crore');
    expect(compact(6000000, 'en')).toBe('60\u00A0lakh');
  });
});

describe('growth', () => {
  for (const lang of LANGS)
    for (const width of [340, 680]) {
      test(`${lang} ${width}: one point per milestone, in date order, marked by its qualifier, on a log axis`, () => {
        const config = growth.config(lang, { width });
        expect(JSON.parse(JSON.stringify(config))).toEqual(config);
        expect((config as { type: string }).type).toBe('line');
        const [line, ...markers] = datasets(config);
        expect((line!.data as { x: number; y: number }[]).map((point) => point.y)).toEqual(MILESTONES.map((row) => row.total));
        expect((line!.data as { x: number }[]).map((point) => point.x)).toEqual(MILESTONES.map((row) => dayNumber(row.asOf)));
        // Each qualifier's markers: its shape, at exactly the milestones the data qualifies so, and nowhere else.
        expect(markers.map((set) => set.pointStyle)).toEqual([MARKERS.exact, MARKERS.about, MARKERS['at-least']]);
        (['exact', 'about', 'at-least'] as const).forEach((qualifier, index) => {
          const ys = (markers[index]!.data as { y: number | null }[]).map((point) => point.y);
          expect(ys).toEqual(MILESTONES.map((row) => (row.qualifier === qualifier ? row.total : null)));
          expect(markers[index]!.label).toBe(t(lang, `chart.marker.${qualifier}`));
          expect(markers[index]!.showLine).toBe(false);
        });
        const scales = config.options!.scales as Scales;
        expect(scales['y']!.type).toBe('logarithmic');
        expect(scales['x']!.type).toBe('linear');
        expect((config.options!.plugins as { legend: { display: boolean } }).legend.display).toBe(true);
      });
    }

  test('the legend names the marker shapes in words, in each language', () => {
    const labels = (lang: Lang) => datasets(growth.config(lang, { width: 680 })).map((set) => set.label);
    expect(labels('hi')).toEqual(['देश भर में परामर्श', 'सटीक गिनती', 'लगभग: स्रोत ने गोल किया', 'से अधिक: निचली सीमा']);
    expect(labels('en')).toEqual(['All-India consultations', 'Exact count', 'About: rounded by the source', 'Over: a lower bound']);
  });

  test('tooltips and table carry each qualifier exactly as the data gives it', () => {
    const tips = reportOf(growth.config('hi', { width: 680 })).tooltips!;
    const latest = MILESTONES.at(-1)!;
    expect(tips.titles.at(-1)).toBe(formatDate(latest.asOf, 'hi'));
    const lastLines = tips.lines.map((lines) => lines.at(-1)).filter(Boolean);
    expect(lastLines).toHaveLength(1);
    expect(lastLines[0]).toContain('43\u00A0करोड़+');
    for (const lang of LANGS) {
      const table = growth.table(lang);
      expect(table.rows).toHaveLength(MILESTONES.length);
      MILESTONES.forEach((row, index) => {
        expect(table.rows[index]![0]).toBe(formatDate(row.asOf, lang));
        expect(table.rows[index]![2]).toBe(t(lang, `qualifier.${row.qualifier}`));
        if (row.qualifier === 'exact') expect(table.rows[index]![1]).toBe(formatInteger(row.total));
      });
      expect(table.rows.at(-1)![1]).toBe(lang === 'hi' ? '43\u00A0करोड़ से अधिक' : 'over 43\u00A0crore');
      expect(table.rows.at(-1)![3]).toContain(lang === 'hi' ? 'द हॉक (आईएएनएस; 2 दिसंबर 2025 को राज्यसभा में लिखित उत्तर)' : 'The Hawk (IANS; Rajya Sabha written reply of 2 December 2025)');
      expect(table.rows.flat().join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });

  test('text alternative, takeaway and CSV', () => {
    expect(growth.alt('en')).toContain('over 43\u00A0crore');
    expect(growth.alt('hi')).toContain('लगभग 31.86\u00A0करोड़');
    expect(growth.takeaway('en')).toContain('over 32 times');
    expect(growth.takeaway('hi')).toContain('43\u00A0करोड़ से अधिक');
    const csv = csvParse(growth.csv());
    expect(csv.map((row) => [row['as_of'], Number(row['consultations']), row['qualifier']])).toEqual(MILESTONES.map((row) => [row.asOf, row.total, row.qualifier]));
    // A chart drawn from several sources credits every one of them, oldest count first.
    expect(growth.sources()).toEqual([...new Set(MILESTONES.map((row) => row.source))]);
  });
});

describe('ranks', () => {
  const config = (lang: Lang, width = 680) => ranks.config(lang, { width });
  const byLabel = (lang: Lang, code: string) => datasets(config(lang)).find((set) => set.label === stateName(code, lang));
  const rankOn = (asOf: string, code: string) => {
    const rows = STATE_ROWS.filter((row) => row['as_of'] === asOf).sort((a, b) => Number(b['total']) - Number(a['total']));
    const index = rows.slice(0, 10).findIndex((row) => row['state'] === code);
    return index === -1 ? null : index + 1;
  };

  test('a category per date with state rows, in order, written by the formatter', () => {
    for (const lang of LANGS) {
      const scales = config(lang).options!.scales as Scales;
      expect((scales['x']!.labels as string[][]).map((lines) => lines.join(' '))).toEqual(DATES.map((iso) => formatDate(iso, lang)));
      expect(scales['y']!.reverse).toBe(true);
    }
  });

  test('one line per state ever in a top ten, its rank on each date, and null (a gap) where it was not', () => {
    for (const lang of LANGS) {
      const sets = datasets(config(lang));
      const ever = [...new Set(DATES.flatMap((asOf) => STATE_ROWS.filter((row) => row['as_of'] === asOf && rankOn(asOf, row['state']!) !== null).map((row) => row['state']!)))];
      expect(sets.map((set) => set.label).sort()).toEqual(ever.map((code) => stateName(code, lang)).sort());
      for (const code of ever) {
        const set = byLabel(lang, code)!;
        expect(set.data).toEqual(DATES.map((asOf) => rankOn(asOf, code)));
        expect(set.spanGaps).toBe(false);
        expect(set.data).not.toContain(0);
        expect(set.data).not.toContain(11);
      }
    }
    expect(byLabel('en', 'IN-TS')!.data).toEqual([null, null, null, 7]);
    expect(byLabel('hi', 'IN-WB')!.data).toEqual([null, 9, 9, 3]);
    expect(byLabel('en', 'IN-MP')!.data).toEqual([6, 6, 6, 8]);
  });

  test('names at the line ends as states.csv spells them; the story’s states in colour, drawn last', () => {
    for (const lang of LANGS) {
      const scales = config(lang).options!.scales as Scales;
      const newest = DATES.at(-1)!;
      const newestOrder = STATE_ROWS.filter((row) => row['as_of'] === newest)
        .sort((a, b) => Number(b['total']) - Number(a['total']))
        .slice(0, 10)
        .map((row) => stateName(row['state']!, lang));
      expect(scales['yRight']!.labels).toEqual(newestOrder);
      expect(scales['y']!.display).toBe(true);
      const sets = datasets(config(lang));
      expect(sets.slice(-3).map((set) => set.label).sort()).toEqual(['IN-WB', 'IN-MP', 'IN-TS'].map((code) => stateName(code, lang)).sort());
      // On a phone, one column of names (the newest list's) with their ranks.
      const narrow = config(lang, 340).options!.scales as Scales;
      expect(narrow['y']!.display).toBe(false);
      expect(narrow['yRight']!.labels![2]).toBe(`${formatInteger(3)}. ${stateName('IN-WB', lang)}`);
    }
  });

  test('the table marks an absent state in words, never as zero', () => {
    for (const lang of LANGS) {
      const table = ranks.table(lang);
      expect(table.columns.slice(1)).toEqual(DATES.map((iso) => formatDate(iso, lang)));
      const telangana = table.rows.find((row) => row[0] === stateName('IN-TS', lang))!;
      expect(telangana.slice(1)).toEqual([t(lang, 'since.absent'), t(lang, 'since.absent'), t(lang, 'since.absent'), formatInteger(7)]);
      expect(table.rows.at(-1)![0]).toBe(t(lang, 'data.source'));
    }
    const csv = csvParse(ranks.csv());
    expect(csv.filter((row) => row['code'] === 'IN-TS').map((row) => [row['as_of'], row['rank']])).toEqual([['2023-02-16', '7']]);
  });

  test('takeaway and text alternative say the moves in words', () => {
    expect(ranks.takeaway('en')).toContain('West Bengal rose from ninth to third place');
    expect(ranks.takeaway('en')).toContain('Madhya Pradesh slipped from sixth to eighth place');
    expect(ranks.takeaway('hi')).toContain('पश्चिम बंगाल नौवें से तीसरे स्थान पर पहुंच गया');
    expect(ranks.alt('en')).toContain(`Telangana: ${t('en', 'since.absent')}, ${t('en', 'since.absent')}, ${t('en', 'since.absent')}, seventh`);
  });
});

describe('network', () => {
  const metricRows = (metric: string) =>
    FACTS.filter((row) => row['metric'] === metric)
      .map((row) => ({ asOf: row['as_of']!, value: Number(row['value']), qualifier: row['qualifier'] as Qualifier }))
      .sort((a, b) => a.asOf.localeCompare(b.asOf));
  const target = metricRows('hwc-target').at(-1)!;

  test('a line per measure with its values in date order, and the target as a dashed rule', () => {
    for (const lang of LANGS) {
      const sets = datasets(network.config(lang, { width: 680 }));
      const [rule, spokes, hubs, opds] = sets;
      expect(rule!.label).toBe(t(lang, 'chart.network.target', { value: formatInteger(target.value), date: formatDate('2022-12', lang) }));
      expect((rule!.data as { y: number }[]).map((point) => point.y)).toEqual([155000, 155000]);
      expect(rule!.borderDash?.length).toBe(2);
      for (const [set, metric] of [
        [spokes, 'hwc-spokes'],
        [hubs, 'hubs'],
        [opds, 'online-opds'],
      ] as const) {
        expect(set!.label).toBe(t(lang, `chart.network.${metric}`));
        expect((set!.data as { x: number; y: number }[]).map((point) => [point.x, point.y])).toEqual(metricRows(metric).map((row) => [dayNumber(row.asOf), row.value]));
      }
      expect((network.config(lang, { width: 680 }).options!.scales as Scales)['y']!.type).toBe('logarithmic');
      // A phone's legend has the short name of the target, which fits its width.
      expect(datasets(network.config(lang, { width: 340 }))[0]!.label).toBe(t(lang, 'chart.network.targetShort', { value: formatInteger(target.value), date: formatDate('2022-12', lang) }));
    }
  });

  test('every count is marked by its qualifier, and labelled with it as the data gives it', () => {
    const config = network.config('en', { width: 680 });
    const markers = datasets(config).slice(4);
    expect(markers.map((set) => set.label)).toEqual(['Exact count', 'About: rounded by the source', 'Over: a lower bound']);
    const tips = reportOf(config).tooltips!;
    const all = tips.lines.flat().filter(Boolean).join(' | ');
    expect(all).toContain('27,000+');
    expect(all).toContain('~3,000');
    expect(all).toContain('Centres on AB-HWC (spokes): 1,15,234 (exact)');
    expect(all).toContain('Hubs: ~3,000 (about: rounded by the source)');
    // Counts of one date share a tooltip title, the date.
    expect(new Set(tips.titles)).toEqual(new Set(metricRows('hwc-spokes').concat(metricRows('hubs'), metricRows('online-opds')).map((row) => formatDate(row.asOf, 'en'))));
    const table = network.table('hi');
    const cells = table.rows.map((row) => row[2]);
    expect(cells).toContain('27,000 से अधिक');
    expect(cells).toContain('लगभग 3,000');
    expect(cells).toContain('1,55,000');
    expect(table.rows.flat().join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  test('takeaway, alternative and CSV', () => {
    expect(network.takeaway('en')).toBe(
      'By 16 February 2023 there were 1,15,234 centres on AB-HWC, 74.3% of the 1,55,000 planned by December 2022, with 15,731 hubs and 1,152 online OPDs.',
    );
    expect(network.alt('hi')).toContain(withQualifier('3,000', 'about', 'hi'));
    const csv = csvParse(network.csv());
    expect(csv.filter((row) => row['metric'] === 'hubs').map((row) => Number(row['value']))).toEqual([1800, 3000, 15731]);
    expect(csv.at(-1)).toMatchObject({ metric: 'hwc-target', value: '155000', qualifier: 'exact' });
  });
});

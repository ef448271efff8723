import { csvParse } from 'd3-dsv';
import { describe, expect, test } from 'vitest';
import type { ReportOptions, TickSpec } from '../../../src/charts/behaviour.ts';
import { chartFrame, countTicks, percentTicks, wrapText } from '../../../src/charts/common.ts';
import { CHART_IDS, chartById } from '../../../src/charts/index.ts';
import { formatInteger, formatInUnit, formatPercent, formatTick, type Lang } from '../../../src/format/format.ts';
import { t } from '../../../src/i18n/index.ts';
import { publisherName } from '../../../src/figures/sources.ts';
import { AS_OF, FACTS, NATIONAL, PUBLISHER, REPORT_CHARTS, SNAPSHOT_SOURCE, STATE_COUNT, STATE_ROWS } from './helpers.ts';

const LANGS: Lang[] = ['hi', 'en'];
const WIDTHS = [340, 680];
const TOP_TEN = STATE_ROWS.slice(0, 10);
const REST_TOTAL = NATIONAL.total - STATE_ROWS.reduce((sum, row) => sum + row.total, 0);

const config = (id: string, lang: Lang, width = 680) => chartById(id).config(lang, { width });
const report = (id: string, lang: Lang, width = 680) => config(id, lang, width).options?.plugins?.report as ReportOptions;
const data = (id: string, lang: Lang, dataset = 0) => config(id, lang).data.datasets[dataset]?.data as number[];
const labelTexts = (id: string, lang: Lang, dataset = 0) => report(id, lang).valueLabels?.find((spec) => spec.dataset === dataset)?.texts;

describe('every chart', () => {
  test('is listed once, and an unknown id names the known ones', () => {
    for (const id of REPORT_CHARTS) expect(CHART_IDS).toContain(id);
    expect(new Set(CHART_IDS).size).toBe(CHART_IDS.length);
    expect(() => chartById('states-totals')).toThrow(/Unknown chart "states-totals"\. Known charts: .*states-total.*hwc-rollout|Unknown chart "states-totals"\. Known charts: .*hwc-rollout.*states-total/);
  });

  for (const id of REPORT_CHARTS)
    for (const lang of LANGS)
      for (const width of WIDTHS) {
        test(`${id} ${lang} ${width}: its config is plain JSON (the browser gets the very same), with Indian ticks and no animation`, () => {
          const c = config(id, lang, width);
          expect(JSON.parse(JSON.stringify(c))).toEqual(c);
          expect(c.options?.animation).toBe(false);
          const ticks = report(id, lang, width).ticks?.x as TickSpec;
          const percent = c.options?.scales?.['x']?.max === 1;
          expect(ticks.labels).toEqual(ticks.values.map((value) => (percent ? formatPercent(value, 0) : formatTick(value, lang))));
          expect(Math.max(...ticks.values)).toBeLessThanOrEqual(Number(c.options?.scales?.['x']?.max));
          expect(chartById(id).height(width)).toBeGreaterThan(60);
        });
      }

  for (const id of REPORT_CHARTS)
    for (const lang of LANGS) {
      test(`${id} ${lang}: title, takeaway and text alternative are there, and the alternative says every number drawn`, () => {
        const chart = chartById(id);
        expect(chart.title(lang).length).toBeGreaterThan(5);
        expect(chart.takeaway(lang).length).toBeGreaterThan(20);
        const alt = chart.alt(lang);
        // Every number a direct label draws is in the text alternative too (its words may differ: '27,000+' is 'over 27,000').
        for (const spec of report(id, lang).valueLabels ?? [])
          for (const texts of spec.texts) for (const number of texts.at(-1)?.match(/[\d.,]*\d/g) ?? []) expect(alt).toContain(number);
        // Where the bars are states or groups of states, the alternative names each.
        if (['states-total', 'states-mix', 'concentration'].includes(id)) for (const label of config(id, lang).data.labels as string[]) expect(alt).toContain(label);
      });

      test(`${id} ${lang}: the PNG config draws the title, takeaway, every source in the page's language, and the report's address`, () => {
        const chart = chartById(id);
        const frame = chart.config(lang, { width: 800, frame: chartFrame(chart, lang, 800, 'https://report.example/') }).options?.plugins?.report?.frame;
        expect(frame?.title).toBe(chart.title(lang));
        expect(frame?.takeaway?.join(' ')).toBe(chart.takeaway(lang));
        const footer = frame?.footer?.join(' ') ?? '';
        expect(chart.sources().length).toBeGreaterThan(0);
        for (const source of chart.sources()) expect(footer).toContain(publisherName(source, lang));
        if (chart.sources().includes(SNAPSHOT_SOURCE)) expect(footer).toContain(PUBLISHER[lang]);
        expect(frame?.address).toBe(`report.example/${lang}/`);
        expect(() => chartFrame(chart, lang, 800, '')).toThrow(/siteUrl/);
      });
    }
});

describe('states-total', () => {
  for (const lang of LANGS) {
    test(`${lang}: the top ten in rank order with their names as states.csv spells them, then the rest of India`, () => {
      const labels = config('states-total', lang).data.labels as string[];
      expect(labels).toEqual([...TOP_TEN.map((row) => row.name[lang]), t(lang, 'chart.restOfIndia')]);
      expect(data('states-total', lang)).toEqual([...TOP_TEN.map((row) => row.total), REST_TOTAL]);
      expect(labelTexts('states-total', lang)).toEqual([...TOP_TEN, { total: REST_TOTAL }].map((row) => [formatInUnit(row.total, 'lakh', lang)]));
    });
  }

  test('Madhya Pradesh is highlighted, the rest of India muted, every other state plain', () => {
    const colors = config('states-total', 'hi').data.datasets[0]?.backgroundColor as string[];
    const mp = TOP_TEN.findIndex((row) => row.code === 'IN-MP');
    expect(mp).toBe(5);
    expect(colors[mp]).toBe('var(--chart-highlight)');
    expect(colors.at(-1)).toBe('var(--chart-rest)');
    expect(colors.filter((color) => color === 'var(--chart-bar)')).toHaveLength(9);
    expect(report('states-total', 'hi').emphasis?.index).toBe(mp);
    expect(labelTexts('states-total', 'hi')?.[0]).toEqual(['42.23\u00A0लाख']);
  });

  test('its takeaway names the leader and Madhya Pradesh, sixth', () => {
    expect(chartById('states-total').takeaway('en')).toBe('Andhra Pradesh leads with 42.23\u00A0lakh; Madhya Pradesh comes sixth, with 4.48\u00A0lakh.');
    expect(chartById('states-total').takeaway('hi')).toContain('छठे स्थान');
  });
});

describe('states-mix', () => {
  for (const lang of LANGS) {
    test(`${lang}: the ten states sorted by AB-HWC's share, Andhra Pradesh first and Uttarakhand last, each bar summing to 100%`, () => {
      const sorted = [...TOP_TEN].sort((a, b) => b.hwc / b.total - a.hwc / a.total);
      expect(config('states-mix', lang).data.labels).toEqual(sorted.map((row) => row.name[lang]));
      expect(sorted[0]?.code).toBe('IN-AP');
      expect(sorted.at(-1)?.code).toBe('IN-UK');
      const hwc = data('states-mix', lang, 0);
      const opd = data('states-mix', lang, 1);
      expect(hwc).toEqual(sorted.map((row) => row.hwc / row.total));
      for (const [index, share] of hwc.entries()) expect(share + (opd[index] ?? 0)).toBeCloseTo(1, 9);
      expect([...hwc].sort((a, b) => b - a)).toEqual(hwc);
      expect(labelTexts('states-mix', lang, 0)?.[0]).toEqual(['99.5%']);
      expect(labelTexts('states-mix', lang, 1)?.at(-1)).toEqual(['99.8%']);
      // Series are named directly, not in a legend.
      expect(config('states-mix', lang).options?.plugins?.legend?.display).toBe(false);
      expect(report('states-mix', lang).keys?.map((key) => key.color)).toEqual(['var(--chart-hwc)', 'var(--chart-opd)']);
    });
  }
});

describe('national-mix', () => {
  test('HWC 80,33,029 and OPD 53,78,296 stacked, with their shares', () => {
    expect(data('national-mix', 'en', 0)).toEqual([NATIONAL.hwc]);
    expect(data('national-mix', 'en', 1)).toEqual([NATIONAL.opd]);
    expect(formatInteger(NATIONAL.hwc)).toBe('80,33,029');
    expect(labelTexts('national-mix', 'hi', 0)).toEqual([['59.9% (80.33\u00A0लाख)', '59.9%']]);
    expect(labelTexts('national-mix', 'en', 1)).toEqual([['40.1% (53.78\u00A0lakh)', '40.1%']]);
    expect(chartById('national-mix').table('hi').rows).toEqual([
      [t('hi', 'chart.variant.hwc'), '80,33,029', '59.9%'],
      [t('hi', 'chart.variant.opd'), '53,78,296', '40.1%'],
    ]);
  });
});

describe('concentration', () => {
  test('Andhra Pradesh alone 31.5%, the top three 61.4%, the top ten 89.7%, each with the rest to 100%', () => {
    const share = (rows: typeof STATE_ROWS) => rows.reduce((sum, row) => sum + row.total, 0) / NATIONAL.total;
    const shares = [share(STATE_ROWS.slice(0, 1)), share(STATE_ROWS.slice(0, 3)), share(TOP_TEN)];
    data('concentration', 'en').forEach((value, index) => expect(value).toBeCloseTo(shares[index] ?? 0, 12));
    expect(labelTexts('concentration', 'en')).toEqual([['31.5%'], ['61.4%'], ['89.7%']]);
    data('concentration', 'en', 1).forEach((rest, index) => expect(rest + (shares[index] ?? 0)).toBeCloseTo(1, 12));
    expect(config('concentration', 'hi').data.labels).toEqual(['आंध्र प्रदेश', 'शीर्ष तीन राज्य', 'शीर्ष दस राज्य']);
  });
});

describe('hwc-rollout', () => {
  test("the target, the centres and the hubs, with the source's qualifiers in sight", () => {
    expect(data('hwc-rollout', 'en')).toEqual([FACTS['hwc-target']?.value, FACTS['hwc-spokes']?.value, FACTS['hubs']?.value]);
    expect(labelTexts('hwc-rollout', 'en')).toEqual([['1,55,000'], ['27,000+'], ['about 3,000']]);
    expect(labelTexts('hwc-rollout', 'hi')).toEqual([['1,55,000'], ['27,000+'], ['लगभग 3,000']]);
    expect(chartById('hwc-rollout').takeaway('en')).toContain('over 27,000');
    expect(chartById('hwc-rollout').takeaway('en')).toContain('about 3,000');
    expect(countTicks(155000, 680, 'hi').labels).toEqual(['0', '50,000', '1\u00A0लाख', '1.5\u00A0लाख']);
  });

  test('the table keeps each qualifier with its number, and the target date at the month the source gives', () => {
    expect(chartById('hwc-rollout').table('en').rows.map((row) => [row[1], row[3]])).toEqual([
      ['1,55,000', 'December 2022'],
      ['over 27,000', '4 October 2021'],
      ['about 3,000', '4 October 2021'],
    ]);
    expect(chartById('hwc-rollout').table('hi').rows.map((row) => [row[1], row[3]])).toEqual([
      ['1,55,000', 'दिसंबर 2022'],
      ['27,000 से अधिक', '4 अक्टूबर 2021'],
      ['लगभग 3,000', '4 अक्टूबर 2021'],
    ]);
  });
});

describe('CSV downloads', () => {
  const rows = (id: string) => csvParse(chartById(id).csv());

  test('states-total: one row per bar, raw numbers, names in both languages', () => {
    const csv = rows('states-total');
    expect(csv.columns).toEqual(['rank', 'code', 'name_en', 'name_hi', 'consultations', 'share_of_india']);
    expect(csv).toHaveLength(11);
    expect(csv.map((row) => row['name_hi'])).toEqual([...TOP_TEN.map((row) => row.name.hi), t('hi', 'chart.restOfIndia')]);
    expect(csv.map((row) => Number(row['consultations']))).toEqual([...TOP_TEN.map((row) => row.total), REST_TOTAL]);
    expect(csv[5]).toMatchObject({ rank: '6', code: 'IN-MP', consultations: '447878' });
    expect(chartById('states-total').csv()).toMatch(/\n$/);
  });

  test('states-mix: one row per segment', () => {
    const csv = rows('states-mix');
    expect(csv).toHaveLength(20);
    expect(csv[0]).toMatchObject({ code: 'IN-AP', variant: 'hwc', consultations: '4200870' });
    expect(csv.at(-1)).toMatchObject({ code: 'IN-UK', variant: 'opd', consultations: '270851' });
  });

  test('national-mix, concentration and hwc-rollout: one row per bar or segment', () => {
    expect(rows('national-mix').map((row) => row['consultations'])).toEqual([String(NATIONAL.hwc), String(NATIONAL.opd)]);
    expect(rows('concentration').map((row) => row['group'])).toEqual(['IN-AP', 'top-3', 'top-10']);
    expect(rows('hwc-rollout').map((row) => [row['metric'], row['value'], row['qualifier']])).toEqual([
      ['hwc-target', '155000', 'exact'],
      ['hwc-spokes', '27000', 'at-least'],
      ['hubs', '3000', 'about'],
    ]);
    expect(rows('hwc-rollout')[0]?.['as_of']).toBeDefined();
  });
});

describe('data tables', () => {
  test('hold what the chart draws, formatted, one row per bar', () => {
    const table = chartById('states-total').table('hi');
    expect(table.rows).toHaveLength(11);
    expect(table.rows[5]).toEqual(['6', 'मध्य प्रदेश', '4,47,878', '3.3%']);
    expect(table.rows.at(-1)?.[0]).toBe('');
    expect(chartById('states-mix').table('en').rows[0]).toEqual(['Andhra Pradesh', '42,00,870', '99.5%', '22,184', '0.5%']);
    expect(chartById('concentration').table('en').rows.map((row) => row.at(-1))).toEqual(['31.5%', '61.4%', '89.7%']);
    for (const id of CHART_IDS) {
      const { columns, rows, numeric } = chartById(id).table('en');
      expect(numeric).toHaveLength(columns.length);
      for (const row of rows) expect(row).toHaveLength(columns.length);
    }
  });
});

describe('helpers', () => {
  test('ticks are round, Indian and fewer when narrow', () => {
    expect(countTicks(4223054, 680, 'hi').labels).toEqual(['0', '10\u00A0लाख', '20\u00A0लाख', '30\u00A0लाख', '40\u00A0लाख']);
    expect(countTicks(4223054, 340, 'en').labels).toEqual(['0', '20\u00A0lakh', '40\u00A0lakh']);
    expect(countTicks(NATIONAL.total, 680, 'hi').labels).toEqual(['0', '50\u00A0लाख', '1\u00A0करोड़']);
    expect(percentTicks(340).labels).toEqual(['0%', '50%', '100%']);
  });

  test('wrapText breaks at spaces to fit a width and keeps every word', () => {
    const text = 'आंध्र प्रदेश 42.23 लाख परामर्श के साथ सबसे आगे है; मध्य प्रदेश 4.48 लाख परामर्श के साथ छठे स्थान पर है।';
    const lines = wrapText(text, 300, 17);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    expect(wrapText('one', 10, 17)).toEqual(['one']);
  });

  test('the snapshot charts credit the release, and its date is the data file’s', () => {
    expect(chartById('states-total').sources()).toEqual(['pib-2021-10-04-hi']);
    expect(AS_OF).toBe('2021-10-04');
    expect(STATE_COUNT - 10).toBe(26);
  });
});

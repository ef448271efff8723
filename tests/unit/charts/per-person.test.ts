import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, test } from 'vitest';
import type { Annotations, ReportOptions, TickSpec } from '../../../src/charts/behaviour.ts';
import { WIDTHS, chartHits, chartSvg, type Variant } from '../../../src/charts/build.ts';
import { chartFrame, sourceLine } from '../../../src/charts/common.ts';
import { perPersonChart as chart } from '../../../src/charts/definitions/per-person.ts';
import { CHART_IDS } from '../../../src/charts/index.ts';
import { notInList, rateUnit } from '../../../src/figures/per-person-text.ts';
import { formatDate, formatRate, withQualifier, type Lang, type Qualifier } from '../../../src/format/format.ts';
import { t } from '../../../src/i18n/index.ts';
import { svgTexts } from './helpers.ts';

/**
 * The expected answers, computed here from the CSV files (not through src/figures or the chart), then
 * written by the formatter: consultations per 1,000 people at the 2011 census.
 */
const read = (file: string) => csvParse(readFileSync(`content/data/${file}`, 'utf8'));
const STATES = read('states.csv');
const POPULATION = new Map(read('population.csv').map((row) => [row['code']!, Number(row['population'])]));
const ROWS = read('consultations-by-state.csv');
const MILESTONES = read('national-milestones.csv');
const SOURCES = read('sources.csv');
const nameOf = (code: string, lang: Lang) => STATES.find((row) => row['code'] === code)?.[lang === 'hi' ? 'name_hi' : 'name_en'] ?? '';

/** The snapshot: the date of the all-India row split into the two variants. The later list: the newest date with state rows. */
const SNAPSHOT = ROWS.find((row) => row['state'] === 'IN' && row['hwc'] !== '')!['as_of']!;
const LATEST = [...new Set(ROWS.filter((row) => row['state'] !== 'IN').map((row) => row['as_of']!))].sort().at(-1)!;

interface Rated {
  code: string;
  total: number;
  rate: number;
  countRank: number;
  rateRank: number;
}

/** A date's top ten, each with its rate and its places by count and by rate. */
function listOn(asOf: string): Rated[] {
  const byCount = ROWS.filter((row) => row['as_of'] === asOf && row['state'] !== 'IN')
    .map((row) => ({ code: row['state']!, total: Number(row['total']) }))
    .sort((a, b) => b.total - a.total)
    .slice(0, 10)
    .map((state, index) => ({ ...state, rate: (state.total / POPULATION.get(state.code)!) * 1000, countRank: index + 1 }));
  const byRate = [...byCount].sort((a, b) => b.rate - a.rate);
  return byRate.map((state, index) => ({ ...state, rateRank: index + 1 }));
}

/** India on a date: its own row, else the milestone of that day, with the qualifier the source gave. */
function indiaOn(asOf: string): { total: number; qualifier: Qualifier; source: string; rate: number } {
  const row = ROWS.find((candidate) => candidate['as_of'] === asOf && candidate['state'] === 'IN');
  const milestone = MILESTONES.find((candidate) => candidate['as_of'] === asOf)!;
  const total = Number(row?.['total'] ?? milestone['total']);
  return {
    total,
    qualifier: (row ? 'exact' : milestone['qualifier']) as Qualifier,
    source: row?.['source'] ?? milestone['source']!,
    rate: (total / POPULATION.get('IN')!) * 1000,
  };
}

const FIRST = listOn(SNAPSHOT);
const LATER = listOn(LATEST);
/** The chart's rows: the snapshot's states by rate, then those only the later list has, by their rate there. */
const ORDER = [...FIRST.map((state) => state.code), ...LATER.filter((state) => !FIRST.some((first) => first.code === state.code)).map((state) => state.code)];
const ABSENT_FIRST = ORDER.filter((code) => !FIRST.some((state) => state.code === code));
const ABSENT_LATER = ORDER.filter((code) => !LATER.some((state) => state.code === code));
const LANGS: Lang[] = ['hi', 'en'];
const VARIANTS = Object.keys(WIDTHS) as Variant[];

const configOf = (lang: Lang, width = 680) => chart.config(lang, { width });
const reportOf = (lang: Lang, width = 680) => configOf(lang, width).options!.plugins!.report as ReportOptions;
const annotationsOf = (lang: Lang, width = 680) => reportOf(lang, width).annotations as Annotations;

describe('per-person', () => {
  test('is listed right after concentration', () => {
    expect(CHART_IDS.indexOf('per-person')).toBe(CHART_IDS.indexOf('concentration') + 1);
  });

  test("the snapshot's top ten ranked by rate, as the data gives them, with India between Tamil Nadu and Gujarat", () => {
    const table = chart.table('en');
    const india = table.rows.at(-1)!;
    expect(india[0]).toBe(t('en', 'chart.allIndia'));
    // State and rate on the snapshot, and India where its rate falls among them: computed from the CSV files.
    const computed = [...FIRST.map((state) => [nameOf(state.code, 'en'), state.rate] as const), [india[0]!, indiaOn(SNAPSHOT).rate] as const].sort((a, b) => b[1] - a[1]);
    const shown = [...table.rows.filter((row) => FIRST.some((state) => nameOf(state.code, 'en') === row[0])), india].map((row) => [row[0], row[3]]).sort((a, b) => Number(b[1]) - Number(a[1]));
    expect(shown).toEqual(computed.map(([name, rate]) => [name, formatRate(rate)]));
    // The same, as the issue worked them out by hand.
    expect(shown.map((row) => `${row[0]} ${row[1]}`)).toEqual([
      'Andhra Pradesh 85.2',
      'Karnataka 39.5',
      'Uttarakhand 26.9',
      'Tamil Nadu 22.2',
      'All India 11.1',
      'Gujarat 8.0',
      'Uttar Pradesh 6.9',
      'Madhya Pradesh 6.2',
      'Bihar 4.2',
      'West Bengal 4.0',
      'Maharashtra 3.6',
    ]);
    // The rows are in the chart's order: the snapshot's rate, then the states only the later list has.
    expect(table.rows.slice(0, -1).map((row) => row[0])).toEqual(ORDER.map((code) => nameOf(code, 'en')));
    expect(configOf('hi').data.labels).toEqual(ORDER.map((code) => nameOf(code, 'hi')));
  });

  test('the later list is a second panel with its own value scale, its rates as the data gives them', () => {
    expect(LATEST > SNAPSHOT).toBe(true);
    for (const lang of LANGS) {
      const config = configOf(lang);
      const [first, later] = config.data.datasets as { data: (number | null)[]; xAxisID?: string }[];
      expect(first!.data).toEqual(ORDER.map((code) => FIRST.find((state) => state.code === code)?.rate ?? null));
      expect(later!.data).toEqual(ORDER.map((code) => LATER.find((state) => state.code === code)?.rate ?? null));
      expect([first!.xAxisID, later!.xAxisID]).toEqual(['x', 'x2']);
      const scales = config.options!.scales as Record<string, { max?: number; stack?: string }>;
      expect(scales['x']!.max).toBeCloseTo(Math.max(...FIRST.map((state) => state.rate), indiaOn(SNAPSHOT).rate), 9);
      expect(scales['x2']!.max).toBeCloseTo(Math.max(...LATER.map((state) => state.rate), indiaOn(LATEST).rate), 9);
      expect(scales['x']!.stack).toBe(scales['x2']!.stack);
      const ticks = reportOf(lang).ticks as Record<string, TickSpec>;
      expect(ticks['x']!.labels).toEqual(['0', '25', '50', '75']);
      expect(ticks['x2']!.labels).toEqual(['0', '200', '400', '600']);
      // Each panel headed by its date.
      const headings = annotationsOf(lang).texts.filter((text) => text.scale).map((text) => [text.scale, text.text]);
      expect(headings).toEqual([
        ['x', formatDate(SNAPSHOT, lang)],
        ['x2', formatDate(LATEST, lang)],
      ]);
    }
    expect(chart.table('en').rows.map((row) => row[5]).slice(0, -1)).toEqual(ORDER.map((code) => {
      const state = LATER.find((candidate) => candidate.code === code);
      return state ? formatRate(state.rate) : notInList('en');
    }));
  });

  test("a state missing from a list is absent there, in words, never a zero: Telangana on the snapshot, Uttarakhand later", () => {
    expect(ABSENT_FIRST.map((code) => nameOf(code, 'en'))).toEqual(['Telangana']);
    expect(ABSENT_LATER.map((code) => nameOf(code, 'en'))).toEqual(['Uttarakhand']);
    for (const lang of LANGS) {
      const table = chart.table(lang);
      const telangana = table.rows.find((row) => row[0] === nameOf('IN-TS', lang))!;
      expect(telangana.slice(2, 4)).toEqual([notInList(lang), notInList(lang)]);
      expect(telangana[5]).toBe(formatRate(LATER.find((state) => state.code === 'IN-TS')!.rate));
      const index = ORDER.indexOf('IN-TS');
      const [first] = configOf(lang).data.datasets as { data: (number | null)[] }[];
      expect(first!.data[index]).toBeNull();
      expect(reportOf(lang).tooltips!.lines[0]![index]).toBeNull();
      expect(reportOf(lang).valueLabels![0]!.texts[index]).toEqual([]);
      // The panel says why, where the bar would be.
      expect(annotationsOf(lang).notes.map((note) => [note.scale, note.index])).toEqual([
        ['x', ORDER.indexOf('IN-TS')],
        ['x2', ORDER.indexOf('IN-UK')],
      ]);
      expect(annotationsOf(lang).notes[0]!.texts[0]).toEqual([notInList(lang)]);
      for (const variant of VARIANTS) {
        // On one line, or on two in a narrow panel.
        const drawn = svgTexts(chartSvg('per-person', lang, variant));
        for (const note of annotationsOf(lang, WIDTHS[variant]).notes)
          expect(note.texts.some((lines) => lines.every((line) => drawn.includes(line))), `${variant}: ${JSON.stringify(note.texts)}`).toBe(true);
      }
      // The text alternative and the CSV have no zero for it either: the CSV has no row.
      expect(chart.alt(lang)).toContain(`${nameOf('IN-TS', lang)} ${notInList(lang)}`);
    }
    const csv = csvParse(chart.csv());
    expect(csv.filter((row) => row['code'] === 'IN-TS').map((row) => row['as_of'])).toEqual([LATEST]);
    expect(csv.filter((row) => row['code'] === 'IN-UK').map((row) => row['as_of'])).toEqual([SNAPSHOT]);
  });

  test("the all-India reference line keeps its qualifier: 11.1 on the snapshot, about 82.7 later", () => {
    const later = indiaOn(LATEST);
    expect(later.qualifier).toBe('about');
    for (const lang of LANGS) {
      const label = (asOf: string) => t(lang, 'chart.per-person.national', { value: withQualifier(formatRate(indiaOn(asOf).rate), indiaOn(asOf).qualifier, lang) });
      const references = annotationsOf(lang).references;
      expect(references.map((line) => [line.scale, line.value, line.labels[0]])).toEqual([
        ['x', indiaOn(SNAPSHOT).rate, [label(SNAPSHOT)]],
        ['x2', later.rate, [label(LATEST)]],
      ]);
      // On two lines in a narrow panel, the figure and its qualifier stay together.
      expect(annotationsOf(lang, 340).references[1]!.labels.at(-1)!.at(-1)).toBe(withQualifier(formatRate(later.rate), 'about', lang));
      expect(chart.table(lang).rows.at(-1)![5]).toBe(withQualifier(formatRate(later.rate), 'about', lang));
      expect(chart.alt(lang)).toContain(label(LATEST));
      expect(svgTexts(chartSvg('per-person', lang, 'wide'))).toContain(label(LATEST));
    }
    expect(annotationsOf('en').references[1]!.labels[0]).toEqual(['All India: about 82.7']);
    expect(annotationsOf('hi').references[1]!.labels[0]).toEqual(['देश भर: लगभग 82.7']);
    expect(chart.table('en').rows.at(-1)!.slice(2)).toEqual(['1,34,11,325', '11.1', 'about 10.011\u00A0crore', 'about 82.7']);
  });

  test('every rate says, or sits under a heading that says, per 1,000 people (2011 census)', () => {
    for (const lang of LANGS) {
      const unit = rateUnit(lang);
      expect(unit).toBe(lang === 'hi' ? 'प्रति 1,000 लोगों पर (जनगणना 2011)' : 'per 1,000 people (2011 census)');
      const heading = annotationsOf(lang).texts.find((text) => text.row === 0)!;
      expect(heading.text).toContain(unit);
      for (const variant of VARIANTS) {
        // Drawn above every rate label (the y of a <text> is its baseline).
        const svg = chartSvg('per-person', lang, variant);
        const placed = [...svg.matchAll(/<text\b[^>]*\by="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((match) => ({ y: Number(match[1]), text: match[2]! }));
        const rates = new Set(reportOf(lang, WIDTHS[variant]).valueLabels!.flatMap((spec) => spec.texts.flat()));
        const headingY = placed.find((text) => text.text === heading.text)!.y;
        const rateYs = placed.filter((text) => rates.has(text.text)).map((text) => text.y);
        expect(rateYs).toHaveLength(FIRST.length + LATER.length);
        expect(headingY).toBeLessThan(Math.min(...rateYs));
      }
      const { columns } = chart.table(lang);
      expect(columns.filter((column) => column.includes(unit))).toHaveLength(2);
      expect(columns[1]).toBe(t(lang, 'chart.per-person.col.population', { census: '2011' }));
      for (const region of chartHits('per-person', lang, 'wide')) expect(region.tip).toContain(unit);
      expect(chartHits('per-person', lang, 'wide')).toHaveLength(FIRST.length + LATER.length);
      expect(chart.takeaway(lang)).toContain(unit);
      expect(chart.alt(lang)).toContain(unit);
    }
  });

  test('the takeaway says what the rate shows and the count hides, with the figures from the data', () => {
    // The state that climbs most from its place by count to its place by rate.
    const climber = [...FIRST].sort((a, b) => b.countRank - b.rateRank - (a.countRank - a.rateRank))[0]!;
    expect(climber.code).toBe('IN-UK');
    expect(chart.takeaway('en')).toBe(
      `Per person the order changes: Uttarakhand, tenth by consultations, comes third with ${formatRate(climber.rate)} per 1,000 people (2011 census), against ${formatRate(indiaOn(SNAPSHOT).rate)} for all India.`,
    );
    expect(chart.takeaway('hi')).toContain('दसवें स्थान पर रहा उत्तराखंड');
    expect(chart.takeaway('hi')).toContain('26.9 परामर्शों के साथ तीसरे स्थान पर');
  });

  test('the states new to the top half by rate on the later list are drawn in colour, with a key: West Bengal and Telangana', () => {
    const upper = (list: Rated[]) => list.filter((state) => state.rateRank <= list.length / 2).map((state) => state.code);
    const newcomers = upper(LATER).filter((code) => !upper(FIRST).includes(code));
    expect(newcomers.sort()).toEqual(['IN-TS', 'IN-WB']);
    for (const lang of LANGS) {
      const config = configOf(lang);
      for (const dataset of config.data.datasets)
        expect(dataset.backgroundColor).toEqual(ORDER.map((code) => (newcomers.includes(code) ? 'var(--chart-highlight)' : 'var(--chart-bar)')));
      expect(reportOf(lang).emphasis?.index).toEqual(newcomers.map((code) => ORDER.indexOf(code)).sort((a, b) => a - b));
      const key = annotationsOf(lang).texts.find((text) => text.swatch);
      expect(key).toEqual({ row: 1, text: t(lang, 'chart.per-person.key', { count: lang === 'hi' ? 'पांच' : 'five' }), swatch: 'var(--chart-highlight)' });
      expect(chart.alt(lang)).toContain(nameOf('IN-WB', lang));
    }
    // Rose per person as well as by count: the tooltips give both places.
    const westBengal = chartHits('per-person', 'en', 'wide').filter((region) => region.tip.startsWith('West Bengal'));
    expect(westBengal.map((region) => region.tip.split('\n')[1])).toEqual([
      `${formatDate(SNAPSHOT, 'en')}: 4.0 per 1,000 people (2011 census); 3,69,441 consultations, ninth by count`,
      `${formatDate(LATEST, 'en')}: 134.9 per 1,000 people (2011 census); 1,23,11,019 consultations, third by count`,
    ]);
  });

  test('the CSV: both lists and India on each date, raw numbers, rates to two decimals', () => {
    const csv = csvParse(chart.csv());
    expect(csv.columns).toEqual(['as_of', 'code', 'name_en', 'name_hi', 'consultations', 'qualifier', 'population', 'per_1000', 'source']);
    expect([...new Set(csv.map((row) => row['as_of']))]).toEqual([SNAPSHOT, LATEST]);
    for (const [asOf, list] of [
      [SNAPSHOT, FIRST],
      [LATEST, LATER],
    ] as const) {
      const rows = csv.filter((row) => row['as_of'] === asOf);
      expect(rows.map((row) => row['code'])).toEqual([...list.map((state) => state.code), 'IN']);
      for (const state of list) {
        const row = rows.find((candidate) => candidate['code'] === state.code)!;
        expect(Number(row['consultations'])).toBe(state.total);
        expect(Number(row['population'])).toBe(POPULATION.get(state.code));
        expect(Number(row['per_1000'])).toBe(Math.round(state.rate * 100) / 100);
        expect(row['name_hi']).toBe(nameOf(state.code, 'hi'));
      }
      const india = rows.at(-1)!;
      expect([Number(india['consultations']), india['qualifier'], Number(india['per_1000'])]).toEqual([indiaOn(asOf).total, indiaOn(asOf).qualifier, Math.round(indiaOn(asOf).rate * 100) / 100]);
    }
  });

  test("the credit names the consultations' sources and the census, in both languages and in the PNG", () => {
    const census = SOURCES.find((row) => row['id'] === 'census-2011-pca')!;
    const expected = [...new Set([ROWS.find((row) => row['as_of'] === SNAPSHOT)!['source'], indiaOn(SNAPSHOT).source, ROWS.find((row) => row['as_of'] === LATEST && row['state'] !== 'IN')!['source'], indiaOn(LATEST).source, census['id']])];
    expect([...chart.sources()].sort()).toEqual([...expected].sort());
    for (const lang of LANGS) {
      const credit = sourceLine(chart, lang);
      expect(credit).toContain(lang === 'hi' ? census['publisher_hi'] : census['publisher']);
      for (const id of expected) expect(credit).toContain(SOURCES.find((row) => row['id'] === id)![lang === 'hi' ? 'publisher_hi' : 'publisher']);
      // The PNG, which travels without the page, draws the same credit.
      const png = chart.config(lang, { width: 800, frame: chartFrame(chart, lang, 800, 'https://report.example/') });
      expect(png.options?.plugins?.report?.frame?.footer?.join(' ')).toBe(credit);
    }
  });

  for (const lang of LANGS)
    for (const variant of VARIANTS) {
      test(`${lang} ${variant}: the SVG draws only the chart's own strings, every state and rate, and stays under 30 kB`, () => {
        const svg = chartSvg('per-person', lang, variant, { hits: true });
        const config = configOf(lang, WIDTHS[variant]);
        const report = config.options!.plugins!.report as ReportOptions;
        const annotations = report.annotations!;
        const expected = new Set([
          ...(config.data.labels as string[]),
          ...Object.values(report.ticks ?? {}).flatMap((spec) => spec!.labels),
          ...report.valueLabels!.flatMap((spec) => spec.texts.flat()),
          ...annotations.texts.map((text) => text.text),
          ...annotations.references.flatMap((line) => line.labels.flat()),
          ...annotations.notes.flatMap((note) => note.texts.flat()),
        ]);
        const texts = svgTexts(svg);
        for (const text of texts) expect(expected, `unexpected text ${JSON.stringify(text)}`).toContain(text);
        for (const code of ORDER) expect(texts).toContain(nameOf(code, lang));
        for (const state of [...FIRST, ...LATER]) expect(texts).toContain(formatRate(state.rate));
        expect(Buffer.byteLength(svg)).toBeLessThan(30 * 1024);
      });
    }

  test('names no date and no state in its code: the snapshot and the newest list come from the data', () => {
    // The code without its comments, whose examples may name them.
    const source = readFileSync('src/charts/definitions/per-person.ts', 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    expect(source).not.toMatch(/\d{4}-\d{2}(-\d{2})?/);
    expect(source).not.toMatch(/'IN-[A-Z]{2}'/);
    for (const row of STATES) expect(source).not.toContain(row['name_en']);
  });
});

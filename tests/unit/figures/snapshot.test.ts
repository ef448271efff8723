import { expect, test } from 'vitest';
import { DATA_DIR } from '../../../src/data/files.ts';
import { loadDataset } from '../../../src/data/load.ts';
import { figureRegistry } from '../../../src/figures/registry.ts';
import { deriveSnapshot } from '../../../src/figures/snapshot.ts';
import { formatFigure, formatInteger, formatPercent } from '../../../src/format/format.ts';

const data = loadDataset(DATA_DIR);
const snapshot = deriveSnapshot(data);
const figures = figureRegistry(snapshot);
const say = (key: string, lang: 'hi' | 'en' = 'en') => {
  const figure = figures.get(key);
  if (!figure) throw new Error(`no figure ${key}`);
  return formatFigure(figure, lang);
};

test('the snapshot is the release of 4 October 2021, the latest all-India row with a split', () => {
  expect(snapshot.asOf).toBe('2021-10-04');
  expect(snapshot.source).toBe('pib-2021-10-04-hi');
});

test('the national split: HWC 59.9%, OPD 40.1%', () => {
  expect(formatPercent(snapshot.national.hwcShare)).toBe('59.9%');
  expect(formatPercent(snapshot.national.opdShare)).toBe('40.1%');
  expect(snapshot.national.hwc + snapshot.national.opd).toBe(snapshot.national.total);
});

test('the states are ranked, Madhya Pradesh sixth', () => {
  expect(snapshot.states.map((state) => state.code)).toEqual([
    'IN-AP', 'IN-KA', 'IN-TN', 'IN-UP', 'IN-GJ', 'IN-MP', 'IN-BR', 'IN-MH', 'IN-WB', 'IN-UK',
  ]);
  const mp = snapshot.states.find((state) => state.code === 'IN-MP');
  expect(mp).toMatchObject({ rank: 6, total: 447878, name: { hi: 'मध्य प्रदेश', en: 'Madhya Pradesh' } });
  expect(say('state.IN-MP.rank', 'hi')).toBe('छठे');
});

test('each state has its share of the country and its split', () => {
  expect(say('state.IN-AP.share')).toBe('31.5%');
  expect(say('state.IN-AP.hwcShare')).toBe('99.5%');
  expect(say('state.IN-UK.opdShare')).toBe('99.8%');
});

test('HWC-led and OPD-led states', () => {
  const lead = (kind: 'hwc' | 'opd') => snapshot.states.filter((state) => state.lead === kind).map((state) => state.code);
  expect(lead('hwc')).toEqual(['IN-AP', 'IN-MP', 'IN-BR', 'IN-MH', 'IN-WB']);
  expect(lead('opd')).toEqual(['IN-KA', 'IN-TN', 'IN-UP', 'IN-GJ', 'IN-UK']);
});

test('the top ten make up 89.7%; the rest of India is 13,87,089', () => {
  expect(formatInteger(snapshot.topTen.total)).toBe('1,20,24,236');
  expect(formatPercent(snapshot.topTen.share)).toBe('89.7%');
  expect(formatInteger(snapshot.rest.total)).toBe('13,87,089');
  expect(snapshot.rest.count).toBe(26);
  expect(formatPercent(snapshot.topThree.share)).toBe('61.4%');
});

test('HWC roll-out: over 27,000 of 1,55,000, about 9 centres per hub', () => {
  expect(say('fact.hwc-spokes')).toBe('over 27,000');
  expect(say('fact.hwc-target')).toBe('1,55,000');
  expect(say('fact.hubs')).toBe('about 3,000');
  expect(say('rollout.share')).toBe('over 17.4%');
  expect(say('rollout.spokesPerHub')).toBe('about 9');
});

test('the release facts keep their qualifiers', () => {
  expect(say('fact.patients-per-day', 'hi')).toBe('लगभग 90,000');
  expect(say('fact.online-opds', 'hi')).toBe('430 से अधिक');
  expect(say('fact.doctors')).toBe('over 4,000');
});

test('events by name: OPD launched on 13 April 2020, AB-HWC in November 2019', () => {
  expect(say('event.launch-opd')).toBe('13 April 2020');
  expect(say('event.launch-ab-hwc', 'hi')).toBe('नवंबर 2019');
});

test('a later release with a split becomes the snapshot: nothing names a date', () => {
  const later = structuredClone(data);
  later.consultations.push({ as_of: '2022-03-25', state: 'IN', total: 30049966, hwc: 22672187, opd: 7377779, source: 'lokmattimes-2022-03-25', line: 99 });
  const next = deriveSnapshot(later);
  expect(next.asOf).toBe('2022-03-25');
  expect(next.states).toEqual([]);
  expect(formatPercent(next.national.hwcShare)).toBe('75.4%');
});

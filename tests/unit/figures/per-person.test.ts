import { describe, expect, test } from 'vitest';
import { figure, perPerson, snapshot } from '../../../src/figures/index.ts';
import { derivePerPerson, perThousand, rateList } from '../../../src/figures/per-person.ts';
import { formatFigure } from '../../../src/format/format.ts';

const rate = (key: string) => formatFigure(figure(key), 'en');

describe('consultations per 1,000 people (2011 census)', () => {
  test('the snapshot top ten, ranked by rate, with India between Tamil Nadu and Gujarat', () => {
    // The values the issue worked out by hand; here they come from the data and the formatter.
    const list = rateList(perPerson, snapshot.asOf);
    expect(list.states.map((state) => [state.name.en, rate(`perPerson.snapshot.${state.code}`)])).toEqual([
      ['Andhra Pradesh', '85.2'],
      ['Karnataka', '39.5'],
      ['Uttarakhand', '26.9'],
      ['Tamil Nadu', '22.2'],
      ['Gujarat', '8.0'],
      ['Uttar Pradesh', '6.9'],
      ['Madhya Pradesh', '6.2'],
      ['Bihar', '4.2'],
      ['West Bengal', '4.0'],
      ['Maharashtra', '3.6'],
    ]);
    expect(rate('perPerson.snapshot.national')).toBe('11.1');
  });

  test('what the rate changes: Uttarakhand tenth by count and third per person; Madhya Pradesh behind Gujarat and UP', () => {
    expect(figure('state.IN-UK.rank')).toEqual({ kind: 'rank', value: 10 });
    expect(figure('perPerson.snapshot.IN-UK.rank')).toEqual({ kind: 'rank', value: 3 });
    expect(figure('state.IN-MP.rank')).toEqual({ kind: 'rank', value: 6 });
    expect(figure('perPerson.snapshot.IN-MP.rank')).toEqual({ kind: 'rank', value: 7 });
    expect(formatFigure(figure('multiple.perPerson.IN-AP.IN-UP'), 'en', 'times')).toBe('12.4 times');
    expect(formatFigure(figure('multiple.total.IN-AP.IN-UP'), 'en', 'times')).toBe('3.1 times');
  });

  test('the later list of 16 February 2023: West Bengal and Telangana high per person too; India about 82.7', () => {
    expect(figure('perPerson.latest.date')).toEqual({ kind: 'date', value: '2023-02-16' });
    expect(rate('perPerson.latest.IN-WB')).toBe('134.9');
    expect(rate('perPerson.latest.IN-TS')).toBe('131.2');
    expect(figure('perPerson.latest.IN-WB.rank')).toEqual({ kind: 'rank', value: 4 });
    expect(rate('perPerson.latest.national')).toBe('about 82.7');
    expect(formatFigure(figure('perPerson.latest.national'), 'hi')).toBe('लगभग 82.7');
  });

  test('a rate divides by the census population; a state with no population row stops the derivation', () => {
    expect(perThousand(4223054, 49577103)).toBeCloseTo(85.18, 2);
    const ranking = { asOf: '2021-10-04', sources: ['x'], states: [{ code: 'IN-ZZ', name: { hi: 'z', en: 'z' }, total: 1, rank: 1 }] };
    expect(() =>
      derivePerPerson({ population: [{ code: 'IN', population: 10, date: '2011-03-01', source: 's', note: undefined, line: 2 }], consultations: [], milestones: [] }, [ranking]),
    ).toThrow('population.csv has no row for IN-ZZ');
  });
});

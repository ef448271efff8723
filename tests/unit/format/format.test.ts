import { describe, expect, test } from 'vitest';
import {
  formatCompact,
  formatCountInText,
  formatDate,
  formatFigure,
  formatInteger,
  formatInUnit,
  formatList,
  formatOrdinal,
  formatPercent,
  formatTick,
  withQualifier,
  withQualifierShort,
} from '../../../src/format/format.ts';

const NBSP = '\u00A0';

describe('Indian grouping, the same in both languages', () => {
  test.each([
    [13411325, '1,34,11,325'],
    [1387089, '13,87,089'],
    [155000, '1,55,000'],
    [90000, '90,000'],
    [430, '430'],
    [0, '0'],
    [430000000, '43,00,00,000'],
  ])('%d -> %s', (value, expected) => expect(formatInteger(value)).toBe(expected));
});

describe('crore and lakh, with a no-break space before the unit', () => {
  test('1.34 crore / 1.34 करोड़', () => {
    expect(formatInUnit(13411325, 'crore', 'en')).toBe(`1.34${NBSP}crore`);
    expect(formatInUnit(13411325, 'crore', 'hi')).toBe(`1.34${NBSP}करोड़`);
  });
  test('one decimal: the headline 1.3 crore', () => {
    expect(formatInUnit(13411325, 'crore', 'hi', 1)).toBe(`1.3${NBSP}करोड़`);
  });
  test('trailing zeros are dropped: 3 crore, not 3.00 crore', () => {
    expect(formatInUnit(30000000, 'crore', 'en')).toBe(`3${NBSP}crore`);
  });
  test('lakh: 42.23 lakh / 42.23 लाख', () => {
    expect(formatInUnit(4223054, 'lakh', 'en')).toBe(`42.23${NBSP}lakh`);
    expect(formatInUnit(4223054, 'lakh', 'hi')).toBe(`42.23${NBSP}लाख`);
  });
  test('the compact form picks the unit a reader expects', () => {
    expect(formatCompact(13411325, 'hi')).toBe(`1.34${NBSP}करोड़`);
    expect(formatCompact(447878, 'en')).toBe(`4.48${NBSP}lakh`);
    expect(formatCompact(90000, 'en')).toBe('90,000');
  });
  test('Hindi uses Western digits, as Hindi news does', () => {
    expect(formatCompact(13411325, 'hi')).not.toMatch(/[०-९]/);
  });
});

test('axis ticks in each language: 20 lakh / 20 लाख, 1 crore / 1 करोड़', () => {
  expect(formatTick(2000000, 'en')).toBe(`20${NBSP}lakh`);
  expect(formatTick(2000000, 'hi')).toBe(`20${NBSP}लाख`);
  expect(formatTick(10000000, 'hi')).toBe(`1${NBSP}करोड़`);
  expect(formatTick(0, 'hi')).toBe('0');
  expect(formatTick(50000, 'en')).toBe('50,000');
});

test('percentages: 59.9%', () => {
  expect(formatPercent(8033029 / 13411325)).toBe('59.9%');
  expect(formatPercent(12024236 / 13411325)).toBe('89.7%');
  expect(formatPercent(0.57, 0)).toBe('57%');
});

describe('qualifiers are shown, never dropped', () => {
  test('over 43 crore / 43 करोड़ से अधिक', () => {
    expect(withQualifier(formatInUnit(430000000, 'crore', 'en'), 'at-least', 'en')).toBe(`over 43${NBSP}crore`);
    expect(withQualifier(formatInUnit(430000000, 'crore', 'hi'), 'at-least', 'hi')).toBe(`43${NBSP}करोड़ से अधिक`);
  });
  test('about 90,000 / लगभग 90,000', () => {
    expect(withQualifier('90,000', 'about', 'en')).toBe('about 90,000');
    expect(withQualifier('90,000', 'about', 'hi')).toBe('लगभग 90,000');
  });
  test('exact figures carry no word', () => {
    expect(withQualifier('1,34,11,325', 'exact', 'hi')).toBe('1,34,11,325');
  });
  test('the short chart form: 43 crore+ and ~31.86 crore', () => {
    expect(withQualifierShort(`43${NBSP}crore`, 'at-least')).toBe(`43${NBSP}crore+`);
    expect(withQualifierShort(`31.86${NBSP}crore`, 'about')).toBe(`~31.86${NBSP}crore`);
  });
});

describe('dates', () => {
  test('4 October 2021 / 4 अक्टूबर 2021', () => {
    expect(formatDate('2021-10-04', 'en')).toBe('4 October 2021');
    expect(formatDate('2021-10-04', 'hi')).toBe('4 अक्टूबर 2021');
  });
  test('a month when the day is not known: November 2019 / नवंबर 2019', () => {
    expect(formatDate('2019-11', 'en')).toBe('November 2019');
    expect(formatDate('2019-11', 'hi')).toBe('नवंबर 2019');
  });
  test('13 अप्रैल 2020', () => expect(formatDate('2020-04-13', 'hi')).toBe('13 अप्रैल 2020'));
  test('a malformed date is an error, not a guess', () => expect(() => formatDate('2020-13-01', 'en')).toThrow());
});

test('ordinals in words: sixth / छठे', () => {
  expect(formatOrdinal(6, 'en')).toBe('sixth');
  expect(formatOrdinal(6, 'hi')).toBe('छठे');
  expect(formatOrdinal(8, 'hi')).toBe('आठवें');
  expect(formatOrdinal(12, 'en')).toBe('12th');
  expect(formatOrdinal(22, 'en')).toBe('22nd');
});

test('a rank standing alone in Hindi is the direct form: पहला, दूसरा, तीसरा (not पहले, which reads as earlier)', () => {
  expect([1, 2, 3, 5].map((rank) => formatOrdinal(rank, 'hi', 'direct'))).toEqual(['पहला', 'दूसरा', 'तीसरा', 'पांचवां']);
  expect(formatOrdinal(1, 'hi')).toBe('पहले');
  expect(formatOrdinal(1, 'en', 'direct')).toBe('first');
  expect(formatOrdinal(11, 'hi', 'direct')).toBe('11वां');
});

test('counts in running text: up to ten in words, larger in digits', () => {
  expect(formatCountInText(4, 'hi')).toBe('चार');
  expect(formatCountInText(4, 'en')).toBe('four');
  expect(formatCountInText(10, 'en')).toBe('ten');
  expect(formatCountInText(26, 'hi')).toBe('26');
  // Through formatFigure, an exact count in prose; a table asks for digits.
  expect(formatFigure({ kind: 'count', value: 10, qualifier: 'exact' }, 'hi')).toBe('दस');
  expect(formatFigure({ kind: 'count', value: 10, qualifier: 'exact' }, 'hi', 'digits')).toBe('10');
  expect(formatFigure({ kind: 'count', value: 9, qualifier: 'about' }, 'en')).toBe('about 9');
});

test('lists joined as each language’s papers do: no comma before और', () => {
  expect(formatList(['आंध्र प्रदेश', 'कर्नाटक', 'तमिलनाडु'], 'hi')).toBe('आंध्र प्रदेश, कर्नाटक और तमिलनाडु');
  expect(formatList(['Andhra Pradesh', 'Karnataka', 'Tamil Nadu'], 'en')).toBe('Andhra Pradesh, Karnataka and Tamil Nadu');
  expect(formatList(['बिहार'], 'hi')).toBe('बिहार');
  expect(formatList([], 'en')).toBe('');
});

test('a multiple keeps its word inside the qualifier: 32 गुना से अधिक, over 32 times', () => {
  const multiple = { kind: 'ratio', value: 32, qualifier: 'at-least' } as const;
  expect(formatFigure(multiple, 'hi', 'times')).toBe('32 गुना से अधिक');
  expect(formatFigure(multiple, 'en', 'times')).toBe('over 32 times');
});

describe('figures for prose', () => {
  test('a count with its qualifier: over 27,000 / 27,000 से अधिक', () => {
    const spokes = { kind: 'count', value: 27000, qualifier: 'at-least' } as const;
    expect(formatFigure(spokes, 'en')).toBe('over 27,000');
    expect(formatFigure(spokes, 'hi')).toBe('27,000 से अधिक');
  });
  test('a share is a percentage by default', () => {
    expect(formatFigure({ kind: 'share', value: 0.599, qualifier: 'exact' }, 'hi')).toBe('59.9%');
  });
  test('a count in crore with one decimal', () => {
    expect(formatFigure({ kind: 'count', value: 13411325, qualifier: 'exact' }, 'hi', 'crore', 1)).toBe(`1.3${NBSP}करोड़`);
  });
  test('a rank is an ordinal word; a date a date', () => {
    expect(formatFigure({ kind: 'rank', value: 6 }, 'hi')).toBe('छठे');
    expect(formatFigure({ kind: 'date', value: '2020-04-13' }, 'en')).toBe('13 April 2020');
  });
  test('a form that does not fit the figure is an error', () => {
    expect(() => formatFigure({ kind: 'count', value: 1, qualifier: 'exact' }, 'en', 'ordinal')).toThrow();
  });
});

test('ISO dates inside a text from the data are written out', async () => {
  const { formatDatesIn } = await import('../../../src/format/format.ts');
  expect(formatDatesIn('Sakshi Post (IANS; Rajya Sabha written reply of 2025-02-04)', 'en')).toBe('Sakshi Post (IANS; Rajya Sabha written reply of 4 February 2025)');
  expect(formatDatesIn('News18 (PTI)', 'hi')).toBe('News18 (PTI)');
});

import { expect, test } from 'vitest';
import en from '../../../src/i18n/en.json' with { type: 'json' };
import hi from '../../../src/i18n/hi.json' with { type: 'json' };
import { t } from '../../../src/i18n/index.ts';

test('the Hindi and English string files have exactly the same keys', () => {
  expect(Object.keys(hi).sort()).toEqual(Object.keys(en).sort());
});

test('no string is left empty or untranslated', () => {
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    expect(en[key].trim(), key).not.toBe('');
    expect(hi[key].trim(), key).not.toBe('');
  }
  const sameInBoth = (Object.keys(en) as (keyof typeof en)[]).filter((key) => en[key] === hi[key]);
  expect(sameInBoth).toEqual([]);
});

test('placeholders are filled, and a missing value is an error', () => {
  expect(t('hi', 'report.byline', { date: '4 अक्टूबर 2021' })).toBe('4 अक्टूबर 2021 तक के आंकड़े, स्वास्थ्य और परिवार कल्याण मंत्रालय से');
  expect(() => t('en', 'report.byline')).toThrow(/date/);
});

test('UI strings hold no digits: numbers come from the data', () => {
  for (const [key, text] of [...Object.entries(en), ...Object.entries(hi)]) expect(text, key).not.toMatch(/[0-9०-९]/);
});

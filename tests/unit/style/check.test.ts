import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkText, checkTexts, findWhole, formatStyleProblem, latinWords, type Glossary } from '../../support/style/check.ts';
import { glossary } from '../../support/style/glossary.ts';
import { readerTexts, textsIn } from '../../support/style/reader-text.ts';

const FIXTURES = 'tests/fixtures/style';
const pageProblems = (file: string) => {
  const path = `${FIXTURES}/${file}`;
  return checkTexts(readerTexts(readFileSync(path, 'utf8'), path, 'hi'), glossary).map(formatStyleProblem);
};

describe('the style check over a page', () => {
  test('a planted bad page fails, naming the place and the offending words of each broken rule', () => {
    const expected = readFileSync(`${FIXTURES}/expected.txt`, 'utf8').trim().split('\n');
    expect(pageProblems('bad-page.html')).toEqual(expected);
  });

  test('the same page, as the copy desk passes it, has no problem', () => {
    expect(pageProblems('good-page.html')).toEqual([]);
  });
});

describe('reader text', () => {
  const html = readFileSync(`${FIXTURES}/bad-page.html`, 'utf8');
  const texts = readerTexts(html, 'page.html', 'hi');

  test('takes text, alt text and share descriptions, not code a journalist copies', () => {
    const all = texts.map((text) => text.text).join(' | ');
    expect(all).toContain('1,34,11,325 परामर्श का बार चार्ट');
    expect(all).toContain('हिन्दी में एक डेटा रिपोर्ट');
    expect(all).not.toContain('iframe');
  });

  test('keeps the language each text is read in: the link to the English page is English', () => {
    expect(texts.find((text) => text.text === 'Read in English')?.lang).toBe('en');
    expect(textsIn(texts, 'en').map((text) => text.text)).toEqual(['Read in English']);
  });

  test('reads an SVG file’s text and tooltips, in the language it is given', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>हिन्दी</text><rect data-tip="The Hawk"/></svg>';
    expect(readerTexts(svg, 'chart.svg', 'hi')).toEqual([
      { place: 'chart.svg', lang: 'hi', text: 'हिन्दी' },
      { place: 'chart.svg [data-tip]', lang: 'hi', text: 'The Hawk' },
    ]);
  });
});

describe('the rules one by one', () => {
  const tiny: Glossary = {
    terms: [{ concept: 'the Hindi language', lang: 'hi', use: 'हिंदी', forbid: ['हिन्दी', 'ँ'] }],
    claims: [{ lang: 'en', phrase: 'Hindi press', why: 'one page, not the press' }],
    latin: { allow: ['PDF'] },
  };
  const check = (text: string, lang: 'hi' | 'en') => checkText({ place: 'p', lang, text }, tiny).map((problem) => problem.rule);

  test('a variant is found as a whole word, a mark anywhere, case ignored', () => {
    expect(findWhole('तारीख़ और तारीख', 'तारीख')).toEqual([10]);
    expect(findWhole('वहाँ', 'ँ')).toEqual([3]);
    expect(findWhole('The Hindi Press led', 'hindi press')).toEqual([4]);
    expect(findWhole('topten', 'top')).toEqual([]);
  });

  test('Latin words in Hindi: addresses, file names and allowed words pass; names do not', () => {
    expect(latinWords('(PDF, 420 KB) https://example.org/hi/ data.csv ?theme=dark स्रोत: The Hawk', ['PDF', 'KB'])).toEqual(['The', 'Hawk']);
  });

  test('each rule applies to its language only', () => {
    expect(check('हिन्दी में', 'hi')).toEqual(['glossary: write "हिंदी" (the Hindi language)']);
    expect(check('हिन्दी में', 'en')).toEqual([]);
    expect(check('the Hindi press led with it', 'en')).toEqual(['unsupported claim: one page, not the press']);
    expect(check('क, ख, और ग', 'hi')).toEqual(['no comma before "और" in a Hindi list']);
    expect(check('क, ख और ग', 'hi')).toEqual([]);
    expect(check('a, b, and c', 'en')).toEqual([]);
  });
});

import { describe, expect, test } from 'vitest';
import { chartFrame, sourceLine } from '../../../src/charts/common.ts';
import { CHARTS } from '../../../src/charts/index.ts';
import type { Lang } from '../../../src/format/format.ts';
import en from '../../../src/i18n/en.json' with { type: 'json' };
import hi from '../../../src/i18n/hi.json' with { type: 'json' };
import { checkTexts, formatStyleProblem, type ReaderText } from '../../support/style/check.ts';
import { glossary } from '../../support/style/glossary.ts';

// The copy desk's rules on the texts the build draws into images, before any build: each chart's title,
// takeaway, text alternative, credit line, table and the PNG's frame (which no page test can read), and every
// UI string. The built pages, SVGs and PDFs are checked in tests/e2e/style.spec.ts.

const LANGS: Lang[] = ['hi', 'en'];
const problemsIn = (texts: ReaderText[]) => checkTexts(texts, glossary).map(formatStyleProblem);

describe('chart texts, the PNG frame included', () => {
  for (const chart of CHARTS)
    for (const lang of LANGS)
      test(`${chart.id} ${lang}`, () => {
        const frame = chartFrame(chart, lang, 1200, 'https://report.example/');
        const table = chart.table(lang);
        const texts: [string, string][] = [
          ['title', chart.title(lang)],
          ['takeaway', chart.takeaway(lang)],
          ['alt', chart.alt(lang)],
          ['credit', sourceLine(chart, lang)],
          ['PNG footer', (frame.footer ?? []).join(' ')],
          ['table', [...table.columns, ...table.rows.flat()].join(' | ')],
        ];
        expect(problemsIn(texts.map(([part, text]) => ({ place: `${chart.id} ${lang} ${part}`, lang, text })))).toEqual([]);
      });
});

describe('UI strings', () => {
  // 'lang.switch' is the one string in the other language: the link to it, marked with its language.
  const strings = (lang: Lang, file: Record<string, string>) =>
    Object.entries(file)
      .filter(([key]) => key !== 'lang.switch')
      .map(([key, text]) => ({ place: `${lang}.json ${key}`, lang, text: text.replace(/\{\w+\}/g, '') }));
  test('hi.json', () => expect(problemsIn(strings('hi', hi))).toEqual([]));
  test('en.json', () => expect(problemsIn(strings('en', en))).toEqual([]));
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DATA_DIR } from '../../../src/data/files.ts';
import { loadDataset, type ReadText } from '../../../src/data/load.ts';
import { DataError } from '../../../src/data/problems.ts';

const FIXTURES = 'tests/fixtures/data';

/** Reads the real data, except the files a fixture case replaces. */
function withFixture(caseName: string): ReadText {
  return (path) => {
    const replacement = join(FIXTURES, caseName, basename(path));
    const file = existsSync(replacement) ? replacement : path;
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
}

function problemLines(readText: ReadText): string[] {
  try {
    loadDataset(DATA_DIR, readText);
    return [];
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return error.message.split('\n').slice(1);
  }
}

describe('the data as shipped', () => {
  test('loads with no problem, every file and row', () => {
    const data = loadDataset(DATA_DIR);
    expect(data.states).toHaveLength(36);
    expect(data.consultations.find((row) => row.state === 'IN')).toMatchObject({
      as_of: '2021-10-04',
      total: 13411325,
      hwc: 8033029,
      opd: 5378296,
      line: 2,
    });
    expect(data.milestones.at(-1)).toMatchObject({ total: 430000000, qualifier: 'at-least' });
    expect(data.events.find((event) => event.event === 'launch-ab-hwc')).toMatchObject({ date: '2019-11', precision: 'month' });
    expect(data.population).toHaveLength(37);
    expect(data.population.find((row) => row.code === 'IN')).toMatchObject({ population: 1210854977, date: '2011-03-01', source: 'census-2011-pca' });
    expect(data.tiles).toHaveLength(36);
  });

  test('the census source has no recorded day of publication, and loads as such', () => {
    const census = loadDataset(DATA_DIR).sources.find((source) => source.id === 'census-2011-pca');
    expect(census).toMatchObject({ date: '2011-03-01', published: undefined, language: 'en', kind: 'primary' });
  });

  test('each source has the day it appeared and its publisher as a Hindi paper writes it', () => {
    const data = loadDataset(DATA_DIR);
    expect(data.sources.find((source) => source.id === 'thehawk-2025-12-02')).toMatchObject({
      date: '2025-11-23',
      published: '2025-12-02',
      publisher_hi: 'द हॉक (आईएएनएस; 2 दिसंबर 2025 को राज्यसभा में लिखित उत्तर)',
    });
    expect(data.sources.find((source) => source.id === 'fpj-2021-09-21')).toMatchObject({ date: '2021-09-21', published: '2021-09-22' });
    expect(data.events.find((event) => event.event === 'aam-renaming')).toMatchObject({
      date: '2023-11-25',
      precision: 'day',
      source: 'thefederal-2023-11-26',
    });
  });
});

describe('a broken data file stops the build with one line per problem', () => {
  const cases = readdirSync(FIXTURES).filter((name) => name !== 'bom-crlf');
  test.each(cases)('%s', (caseName) => {
    const expected = readFileSync(join(FIXTURES, caseName, 'expected.txt'), 'utf8').trim().split('\n');
    expect(problemLines(withFixture(caseName))).toEqual(expected);
  });

  test('a fixture case exists for every rule the issue names', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'missing-column',
        'non-number',
        'negative',
        'split-mismatch',
        'duplicate-row',
        'unknown-state',
        'unknown-source',
        'empty-file',
        'published-before-date',
        'latin-publisher-hi',
        'population-sum',
        'population-missing-state',
        'population-duplicate',
        'population-unknown-state',
        'population-unknown-source',
        'population-non-number',
        'tile-shared-place',
        'tile-missing-state',
        'tile-duplicate',
      ]),
    );
  });

  test('every problem in every file is listed, not just the first', () => {
    const lines = problemLines((path) =>
      path.endsWith('programme-facts.csv')
        ? 'as_of,metric,value,qualifier,source,note\n2021-10-04,hubs,lots,about,pib-2021-10-04-hi,\n2021-10-04,doctors,4000,maybe,pib-2021-10-04-hi,\n'
        : readFileSync(path, 'utf8'),
    );
    expect(lines).toEqual([
      'content/data/programme-facts.csv:2: column "value": must be a number (found "lots")',
      'content/data/programme-facts.csv:3: column "qualifier": must be one of exact | about | at-least (found "maybe")',
    ]);
  });

  test('a missing file is named', () => {
    expect(problemLines((path) => (path.endsWith('events.csv') ? undefined : readFileSync(path, 'utf8')))).toEqual([
      'content/data/events.csv: the file must exist (found "")',
    ]);
  });
});

test('a file saved with a byte-order mark and CRLF line endings loads like the original', () => {
  const fromFixture = loadDataset(DATA_DIR, withFixture('bom-crlf'));
  const original = loadDataset(DATA_DIR);
  expect(readFileSync(join(FIXTURES, 'bom-crlf', 'states.csv'), 'latin1').startsWith('\xef\xbb\xbf')).toBe(true);
  expect(fromFixture.states).toEqual(original.states);
  expect(fromFixture.states[0]).toMatchObject({ code: 'IN-AP', name_en: 'Andhra Pradesh', name_hi: 'आंध्र प्रदेश' });
});

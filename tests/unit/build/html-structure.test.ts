import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { structureProblems } from '../../support/html-structure.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/html/${name}.html`, 'utf8');

test('a script after </html> is found, with its line', () => {
  expect(structureProblems(fixture('script-after-html'))).toEqual([{ line: 8, column: 1, message: '<script> after </html>' }]);
});

test('an element after </body> is found', () => {
  expect(structureProblems(fixture('paragraph-after-body'))).toEqual([{ line: 7, column: 3, message: '<p> after </body>' }]);
});

test('a well-formed page, a trailing comment included, has no problem', () => {
  expect(structureProblems(fixture('well-formed'))).toEqual([]);
});

import { expect, test, vi } from 'vitest';

vi.mock('astro:content', () => ({}));
const { sectionsOf } = await import('../../../src/utils/sections.ts');

const entry = (id: string, section: string) => ({ id, data: { section, title: section } }) as never;

test('sections come in file order for the asked language', () => {
  const entries = [entry('en/02-b', 'b'), entry('hi/02-b', 'b'), entry('en/01-a', 'a'), entry('hi/01-a', 'a')];
  expect(sectionsOf(entries, 'hi').map((section: { id: string }) => section.id)).toEqual(['hi/01-a', 'hi/02-b']);
});

test('a section without its counterpart in the other language stops the build', () => {
  const entries = [entry('hi/01-a', 'a'), entry('hi/02-b', 'b'), entry('en/01-a', 'a')];
  expect(() => sectionsOf(entries, 'en')).toThrow(/sections differ between languages:\n {2}hi: a, b\n {2}en: a/);
});

import type { CollectionEntry } from 'astro:content';
import { LANGS, type Lang } from '../i18n/index.ts';

type Section = CollectionEntry<'report'>;

/**
 * A language's sections in reading order (by file name). Both languages must have the same sections
 * in the same order, or the build stops: a reader switching language must land on the same section.
 */
export function sectionsOf(entries: Section[], lang: Lang): Section[] {
  const byLang = (code: Lang) =>
    entries.filter((entry) => entry.id.startsWith(`${code}/`)).sort((a, b) => a.id.localeCompare(b.id));
  const ids = (code: Lang) => byLang(code).map((entry) => entry.data.section).join(', ');
  const [first, ...rest] = LANGS;
  for (const code of rest) {
    if (ids(code) !== ids(first)) {
      throw new Error(`The report's sections differ between languages:\n  ${first}: ${ids(first)}\n  ${code}: ${ids(code)}`);
    }
  }
  return byLang(lang);
}

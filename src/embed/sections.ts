import type { CollectionEntry } from 'astro:content';
import { LANGS } from '../i18n/index.ts';

/** `<Chart id="states-total" />` in a section's MDX: the charts a section places, in order. */
const CHART_TAG = /<Chart\b[^>]*?\bid=["']([a-z0-9-]+)["']/g;

/** The charts a section places, in reading order: ['national-mix', ...]. */
export function chartsIn(entry: CollectionEntry<'report'>): string[] {
  return [...(entry.body ?? '').matchAll(CHART_TAG)].map((match) => match[1] as string);
}

/**
 * Which section of the report holds each chart, read from the narrative itself (content/report/), so
 * an embed's source link follows a chart that moves. A chart must sit in the same section in both
 * languages, and in only one, or the build stops: an embed has exactly one place to link back to.
 */
export function chartSections(entries: CollectionEntry<'report'>[]): Map<string, string> {
  const found = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (!LANGS.some((lang) => entry.id.startsWith(`${lang}/`))) continue;
    for (const id of chartsIn(entry)) {
      const sections = found.get(id) ?? new Set<string>();
      sections.add(entry.data.section);
      found.set(id, sections);
    }
  }
  const problems = [...found].filter(([, sections]) => sections.size > 1);
  if (problems.length > 0) {
    throw new Error(
      `A chart must sit in one section in both languages; these do not:\n` +
        problems.map(([id, sections]) => `  ${id}: ${[...sections].join(', ')}`).join('\n'),
    );
  }
  return new Map([...found].map(([id, sections]) => [id, [...sections][0] as string]));
}

/** The section holding chart `id`; the build stops if the report does not place it. */
export function sectionOf(sections: Map<string, string>, id: string): string {
  const section = sections.get(id);
  if (!section) throw new Error(`The chart "${id}" is in no section of the report (no <Chart id="${id}" /> in content/report/), so its embed has nothing to link back to.`);
  return section;
}

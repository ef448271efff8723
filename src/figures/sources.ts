/**
 * How the report credits a source, as a newsroom does: the publisher as the reader's language writes it,
 * and the day the source appeared, with the day its figures are as of where that differs. Every source
 * line, citation and source list asks here, so a page, a chart, its PNG, its embed and the PDF agree.
 */
import { dataset } from '../data/dataset.ts';
import type { Source } from '../data/schemas.ts';
import { formatDate, formatDatesIn, type Lang } from '../format/format.ts';
import { t } from '../i18n/index.ts';

/** A source by its id in sources.csv; an unknown id stops the build. */
export function sourceById(id: string): Source {
  const source = dataset.sources.find((row) => row.id === id);
  if (!source) throw new Error(`No source "${id}" in sources.csv`);
  return source;
}

/**
 * A source's publisher as a reader of `lang` sees it, with any ISO date in it written out:
 * 'The Hawk (IANS; Rajya Sabha written reply of 2 December 2025)' / 'द हॉक (आईएएनएस; 2 दिसंबर 2025 को राज्यसभा में लिखित उत्तर)'.
 */
export function publisherName(id: string, lang: Lang): string {
  const source = sourceById(id);
  return formatDatesIn(lang === 'hi' ? source.publisher_hi : source.publisher, lang);
}

/** The day a source can be dated by: the day it appeared, or, where that is not recorded, the day of its figures. Sorts credits. */
export function sourceDay(source: Source): string {
  return source.published ?? source.date;
}

/**
 * When a source appeared, and the date of its figures where that differs:
 * '4 October 2021'; 'figures as of 23 November 2025, published 2 December 2025'; and where the day it
 * appeared is not recorded (the census tables), only its figures' date: 'figures as of 1 March 2011'.
 */
export function sourceDates(id: string, lang: Lang): string {
  const source = sourceById(id);
  if (source.published === undefined) return t(lang, 'source.figuresAsOf', { asOf: formatDate(source.date, lang) });
  const published = formatDate(source.published, lang);
  if (source.date === source.published) return published;
  return t(lang, 'source.datesDiffer', { asOf: formatDate(source.date, lang), published });
}

/** One source, credited in full: 'The Hawk (IANS; …), figures as of 23 November 2025, published 2 December 2025'. */
export function sourceCredit(id: string, lang: Lang): string {
  return `${publisherName(id, lang)}, ${sourceDates(id, lang)}`;
}

/**
 * The credit line under a chart, naming every source its figures come from, in the order they were published:
 * 'Source: Ministry of … (press release), 4 October 2021' or 'Sources: A, 10 June 2021; B, 3 July 2021; …'.
 * Credits hold commas, so semicolons part them.
 */
export function creditLine(ids: readonly string[], lang: Lang): string {
  const unique = [...new Set(ids)].sort((a, b) => sourceDay(sourceById(a)).localeCompare(sourceDay(sourceById(b))));
  if (unique.length === 0) throw new Error('creditLine: a chart must name at least one source');
  const credits = unique.map((id) => sourceCredit(id, lang));
  return unique.length === 1
    ? t(lang, 'chart.sourceLine', { source: credits[0]! })
    : t(lang, 'chart.sourcesLine', { sources: credits.join('; ') });
}

/**
 * The report's data as a schema.org Dataset, for search engines' dataset search: written into each report
 * page as JSON-LD (src/pages/[lang]/index.astro). Everything comes from the data files and the UI strings:
 * the dates the data covers, one DataDownload per CSV the page offers, the sources the data is based on.
 */
import { dataset } from '../data/dataset.ts';
import { DATA_FILES } from '../data/files.ts';
import { publisherName } from '../figures/sources.ts';
import { t, type Lang } from '../i18n/index.ts';

/** The text and data's licence (the code's is MIT, in LICENSE). */
export const CONTENT_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

/** The licence's own page in the reader's language. */
export const licenceDeed = (lang: Lang) => `${CONTENT_LICENSE}deed.${lang}`;

/** The first and last date the data speaks of, as an ISO 8601 interval: '2019-11/2025-11-23'. */
export function temporalCoverage(): string {
  const dates = [
    ...dataset.consultations.map((row) => row.as_of),
    ...dataset.milestones.map((row) => row.as_of),
    ...dataset.facts.map((row) => row.as_of),
    ...dataset.events.map((row) => row.date),
  ].sort();
  if (dates.length === 0) throw new Error('The data holds no dates, so the Dataset has no temporal coverage.');
  return `${dates[0]}/${dates[dates.length - 1]}`;
}

/** The schema.org Dataset of the report page in `lang`, on the site at `site`. */
export function datasetJsonLd(lang: Lang, site: URL | string): Record<string, unknown> {
  const url = (path: string) => new URL(path, site).href;
  const report = url(`/${lang}/`);
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': `${report}#dataset`,
    name: t(lang, 'site.title'),
    description: t(lang, 'site.description'),
    url: report,
    inLanguage: lang,
    creator: { '@type': 'Organization', name: t(lang, 'site.short'), url: report },
    license: CONTENT_LICENSE,
    isAccessibleForFree: true,
    temporalCoverage: temporalCoverage(),
    spatialCoverage: { '@type': 'Place', name: t(lang, 'dataset.place') },
    distribution: DATA_FILES.map((file) => ({
      '@type': 'DataDownload',
      name: file,
      encodingFormat: 'text/csv',
      contentUrl: url(`/data/${file}`),
    })),
    isBasedOn: dataset.sources.map((source) => ({
      '@type': 'CreativeWork',
      name: publisherName(source.id, lang),
      ...(source.published ? { datePublished: source.published } : {}),
      inLanguage: source.language,
      ...(source.url ? { url: source.url } : {}),
    })),
  };
}

/** JSON for a <script type="application/ld+json">: nothing in it can close the script element early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The words around a rate, in either language, for prose and charts alike: what it is per ('per 1,000 people
 * (2011 census)'), the caveat that the census is old, and what a state missing from a list is called. The
 * 1,000 and the census year come from the data (./per-person.ts, population.csv) through the formatter.
 */
import { formatInteger, formatYear, type Lang } from '../format/format.ts';
import { t } from '../i18n/index.ts';
import { perPerson } from './index.ts';
import { PER } from './per-person.ts';

const words = () => ({ per: formatInteger(PER), census: formatYear(perPerson.census.date) });

/** 'consultations per 1,000 people counted in the 2011 census' ('long', for titles and first mentions) or 'per 1,000 people (2011 census)' ('short', for labels and columns). */
export function rateUnit(lang: Lang, form: 'long' | 'short' = 'short'): string {
  return t(lang, form === 'long' ? 'perPerson.unit' : 'perPerson.unitShort', words());
}

/** The sentence that says the rates run high, since the population has grown since the census. Said once on a page. */
export function rateCaveat(lang: Lang): string {
  return t(lang, 'perPerson.caveat', words());
}

/** What a state absent from a source's list is called on the map and in tables: 'not in the source's top ten'. */
export function notInList(lang: Lang): string {
  return t(lang, 'perPerson.notInList');
}

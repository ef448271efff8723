import { dataset } from '../data/dataset.ts';
import { formatDatesIn } from '../format/format.ts';

/**
 * A source's publisher as a reader sees it, e.g. 'Sakshi Post (IANS; Rajya Sabha written reply of 4 February 2025)'.
 * sources.csv names publishers in English and some carry an ISO date, which is written out here.
 */
export function publisherName(id: string): string {
  const source = dataset.sources.find((row) => row.id === id);
  if (!source) throw new Error(`No source "${id}" in sources.csv`);
  return formatDatesIn(source.publisher, 'en');
}

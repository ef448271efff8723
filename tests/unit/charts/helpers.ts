import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import type { ChartId } from '../../../src/charts/types.ts';
import type { Lang } from '../../../src/format/format.ts';

/** The five charts of the snapshot that these tests pin down (other charts have tests of their own). */
export const REPORT_CHARTS: ChartId[] = ['national-mix', 'hwc-rollout', 'states-total', 'concentration', 'states-mix'];

/**
 * The expected answers, read straight from the CSV files (not through src/data or the snapshot),
 * so the tests check the charts against the data rather than against the code that made them.
 */
const read = (file: string) => csvParse(readFileSync(`content/data/${file}`, 'utf8'));

const states = read('states.csv');
const national = read('consultations-by-state.csv').find((row) => row['state'] === 'IN' && row['hwc'] !== '');
if (!national) throw new Error('no national row with the HWC/OPD split');
export const AS_OF = national['as_of'] ?? '';

/** A state of the snapshot, as the data files give it. */
export interface StateRow {
  code: string;
  name: Record<Lang, string>;
  total: number;
  hwc: number;
  opd: number;
}

/** The snapshot's states, most consultations first. */
export const STATE_ROWS: StateRow[] = read('consultations-by-state.csv')
  .filter((row) => row['as_of'] === AS_OF && row['state'] !== 'IN')
  .map((row) => {
    const state = states.find((candidate) => candidate['code'] === row['state']);
    return {
      code: row['state'] ?? '',
      name: { hi: state?.['name_hi'] ?? '', en: state?.['name_en'] ?? '' },
      total: Number(row['total']),
      hwc: Number(row['hwc']),
      opd: Number(row['opd']),
    };
  })
  .sort((a, b) => b.total - a.total);

export const NATIONAL = { total: Number(national['total']), hwc: Number(national['hwc']), opd: Number(national['opd']) };
export const STATE_COUNT = states.length;

/** The facts of the snapshot's source, by metric. */
export const FACTS = Object.fromEntries(
  read('programme-facts.csv')
    .filter((row) => row['source'] === national['source'])
    .map((row) => [row['metric'] ?? '', { value: Number(row['value']), qualifier: row['qualifier'] ?? '' }]),
);

/** The publisher the snapshot's charts credit, as sources.csv names it in each language. */
const snapshotSource = read('sources.csv').find((row) => row['id'] === national['source']);
export const PUBLISHER = { en: snapshotSource?.['publisher'] ?? '', hi: snapshotSource?.['publisher_hi'] ?? '' };
/** The id of the snapshot's source, e.g. 'pib-2021-10-04-hi'. */
export const SNAPSHOT_SOURCE = national['source'] ?? '';

/** The texts of all <text> elements of an SVG, XML-unescaped. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((match) =>
    (match[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  );
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

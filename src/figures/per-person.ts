import type { Dataset, Qualifier } from '../data/schemas.ts';
import type { Ranking, StateNames } from './history.ts';

/**
 * Consultations per 1,000 people: each listed state's consultations on a date against its population at
 * the last census held (2011; the 2021 census was not held). Pure: derived from the dataset and the
 * rankings it is given, and no date or state is named here. The population has grown since 2011, so
 * every rate runs high; the prose and the charts say so.
 */

/** Rates are per this many people. */
export const PER = 1000;

/** One state's rate on a date, e.g. { code: 'IN-AP', consultations: 4223054, population: 49577103, perThousand: 85.18, countRank: 1, rateRank: 1 } */
export interface StateRate {
  code: string;
  name: StateNames;
  consultations: number;
  population: number;
  perThousand: number;
  countRank: number; // its place by consultations in the date's list
  rateRank: number; // its place by consultations per person among the same states
}

/** All-India on a date, where the data has a national figure for it; the rate keeps the figure's qualifier ('about 82.7'). */
export interface NationalRate {
  consultations: number;
  qualifier: Qualifier;
  source: string;
  population: number;
  perThousand: number;
}

/** One date's listed states, highest rate first, e.g. the snapshot's top ten on 4 October 2021. */
export interface RateList {
  asOf: string;
  sources: string[]; // the consultations' sources; the census is `PerPerson.census.source`
  states: StateRate[];
  national?: NationalRate;
}

/** The rates of every dated list, oldest first, and the census they divide by. */
export interface PerPerson {
  census: { date: string; source: string };
  lists: RateList[];
}

/** Consultations per 1,000 people: perThousand(4223054, 49577103) -> 85.18… */
export function perThousand(consultations: number, population: number): number {
  return (consultations / population) * PER;
}

/** The rates of each ranking's states (and India's, where the date has a national figure). */
export function derivePerPerson(data: Pick<Dataset, 'population' | 'consultations' | 'milestones'>, rankings: Ranking[]): PerPerson {
  const population = new Map(data.population.map((row) => [row.code, row]));
  const india = population.get('IN');
  if (!india) throw new Error('population.csv has no row for India (IN)');
  const lists = rankings.map((ranking): RateList => {
    const states = ranking.states
      .map((state) => {
        const people = population.get(state.code)?.population;
        if (people === undefined) throw new Error(`population.csv has no row for ${state.code}`);
        return { code: state.code, name: state.name, consultations: state.total, population: people, perThousand: perThousand(state.total, people), countRank: state.rank, rateRank: 0 };
      })
      .sort((a, b) => b.perThousand - a.perThousand || a.code.localeCompare(b.code))
      .map((state, index) => ({ ...state, rateRank: index + 1 }));
    return { asOf: ranking.asOf, sources: ranking.sources, states, ...nationalOn(data, ranking.asOf, india.population) };
  });
  return { census: { date: india.date, source: india.source }, lists };
}

/** India's rate on a date: from its 'IN' row, else from a national milestone of the same day. */
function nationalOn(data: Pick<Dataset, 'consultations' | 'milestones'>, asOf: string, population: number): { national?: NationalRate } {
  const row = data.consultations.find((candidate) => candidate.as_of === asOf && candidate.state === 'IN');
  const milestone = data.milestones.find((candidate) => candidate.as_of === asOf);
  const found = row
    ? { consultations: row.total, qualifier: 'exact' as const, source: row.source }
    : milestone
      ? { consultations: milestone.total, qualifier: milestone.qualifier, source: milestone.source }
      : undefined;
  return found ? { national: { ...found, population, perThousand: perThousand(found.consultations, population) } } : {};
}

/** The list of a date; throws where the data has no state rows for it. */
export function rateList(perPerson: PerPerson, asOf: string): RateList {
  const list = perPerson.lists.find((candidate) => candidate.asOf === asOf);
  if (!list) throw new Error(`No state rows on ${asOf} to rate per person`);
  return list;
}

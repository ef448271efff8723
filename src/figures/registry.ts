import type { Qualifier } from '../data/schemas.ts';
import { ratioQualifier, sinceSnapshot, type History } from './history.ts';
import { rateList, type PerPerson, type RateList } from './per-person.ts';
import type { Snapshot } from './snapshot.ts';

/** A figure the narrative can name by key, e.g. 'national.total' -> { kind: 'count', value: 13411325, qualifier: 'exact' } */
export type NamedFigure =
  | { kind: 'count'; value: number; qualifier: Qualifier }
  | { kind: 'share'; value: number; qualifier: Qualifier }
  | { kind: 'ratio'; value: number; qualifier: Qualifier }
  | { kind: 'rate'; value: number; qualifier: Qualifier }
  | { kind: 'rank'; value: number }
  | { kind: 'date'; value: string };

/**
 * Every figure the prose may cite, by a stable dotted key. The MDX asks for keys, never numbers:
 * `<Figure of="state.IN-MP.rank" />`. A figure derived from inexact ones keeps the loosest qualifier.
 */
export function figureRegistry(snapshot: Snapshot): Map<string, NamedFigure> {
  const figures = new Map<string, NamedFigure>();
  const exact = 'exact' as const;
  const count = (key: string, value: number, qualifier: Qualifier = exact) => figures.set(key, { kind: 'count', value, qualifier });
  const share = (key: string, value: number, qualifier: Qualifier = exact) => figures.set(key, { kind: 'share', value, qualifier });

  figures.set('snapshot.date', { kind: 'date', value: snapshot.asOf });
  const { national } = snapshot;
  count('national.total', national.total);
  count('national.hwc', national.hwc);
  count('national.opd', national.opd);
  share('national.hwcShare', national.hwcShare);
  share('national.opdShare', national.opdShare);

  for (const state of snapshot.states) {
    const key = `state.${state.code}`;
    count(`${key}.total`, state.total);
    count(`${key}.hwc`, state.hwc);
    count(`${key}.opd`, state.opd);
    share(`${key}.hwcShare`, state.hwcShare);
    share(`${key}.opdShare`, state.opdShare);
    share(`${key}.share`, state.share);
    figures.set(`${key}.rank`, { kind: 'rank', value: state.rank });
  }
  for (const [name, group] of Object.entries({ topThree: snapshot.topThree, topTen: snapshot.topTen, rest: snapshot.rest })) {
    count(`${name}.count`, group.count);
    count(`${name}.total`, group.total);
    share(`${name}.share`, group.share);
  }
  for (const [metric, measure] of Object.entries(snapshot.facts)) {
    count(`fact.${metric}`, measure.value, measure.qualifier);
    figures.set(`fact.${metric}.date`, { kind: 'date', value: measure.asOf });
  }
  const loosest = (...metrics: string[]): Qualifier => {
    const qualifiers = metrics.map((metric) => snapshot.facts[metric]?.qualifier ?? exact);
    return qualifiers.find((q) => q === 'about') ?? qualifiers.find((q) => q === 'at-least') ?? exact;
  };
  // 'over 27,000 of 1,55,000' is over 17.4%; 'over 27,000' spokes for 'about 3,000' hubs is about 9 each.
  share('rollout.share', snapshot.rollout.share, loosest('hwc-spokes', 'hwc-target'));
  figures.set('rollout.spokesPerHub', { kind: 'ratio', value: snapshot.rollout.spokesPerHub, qualifier: 'about' });
  for (const [name, event] of Object.entries(snapshot.events)) {
    figures.set(`event.${name}`, { kind: 'date', value: event.date });
  }
  return figures;
}

/**
 * A ratio as a figure. A lower bound is rounded down (to one decimal), so 'over 32.0' stays true however
 * the prose rounds it; other ratios keep their value. e.g. 430000000 'at-least' / 13411325 -> 32.0 'at-least'.
 */
function ratioFigure(value: number, qualifier: Qualifier): NamedFigure {
  return { kind: 'ratio', value: qualifier === 'at-least' ? Math.floor(value * 10) / 10 : value, qualifier };
}

/**
 * The keys of the "since then" section, from the history (src/figures/history.ts). Every key that names a
 * date exists for every date in the data; the `latest`, `first` and `since` keys follow the data, so prose
 * that cites them stays true when a dated set of rows is added. Keys (examples for today's data):
 * - `latest.total` 'over 43 crore', `latest.date`: the newest national milestone
 * - `milestone.<date>.total` (and `.hwc`, `.opd` where split), `milestone.first.total`, `milestone.first.date`
 * - `growth.multiple`: latest / the snapshot's total, 'over 32' (its qualifier from both figures); `growth.from.total`, `growth.from.date`
 * - `ranking.first.date`, `ranking.since.date` (the snapshot's ranking), `ranking.latest.date`, `ranking.dates.count`
 * - `rank.<date>.<code>`, `rank.latest.<code>`, `rank.since.<code>`: a state's place, only where it is in that top ten
 * - `total.<date>.<code>`, `total.latest.<code>`: its consultations on that date
 * - `fact.<metric>.<date>`, `fact.<metric>.first|latest` (and `.first.date`, `.latest.date`), `fact.<metric>.growth`
 *   (latest / the value at the snapshot, or the newest before it)
 * - `network.latest.date`, `network.latest.<metric>` (hwc-spokes, hubs, online-opds: the newest date that has all three),
 *   the same for `network.since` (the snapshot's), `network.growth.<metric>` (latest / since), `network.latest.share`
 *   (the newest spokes against the HWC target)
 */
export function historyFigures(history: History, snapshotAsOf: string): Map<string, NamedFigure> {
  const figures = new Map<string, NamedFigure>();
  const date = (key: string, value: string) => figures.set(key, { kind: 'date', value });
  const count = (key: string, value: number, qualifier: Qualifier) => figures.set(key, { kind: 'count', value, qualifier });

  const { latest, national, growth } = history;
  count('latest.total', latest.total, latest.qualifier);
  date('latest.date', latest.asOf);
  for (const point of national) {
    count(`milestone.${point.asOf}.total`, point.total, point.qualifier);
    if (point.hwc !== undefined) count(`milestone.${point.asOf}.hwc`, point.hwc, point.qualifier);
    if (point.opd !== undefined) count(`milestone.${point.asOf}.opd`, point.opd, point.qualifier);
  }
  const first = national[0]!;
  count('milestone.first.total', first.total, first.qualifier);
  date('milestone.first.date', first.asOf);
  figures.set('growth.multiple', ratioFigure(growth.multiple, growth.qualifier));
  count('growth.from.total', growth.from.total, growth.from.qualifier);
  date('growth.from.date', growth.from.asOf);

  const rankingsOf = history.rankings;
  if (rankingsOf.length > 0) {
    date('ranking.first.date', rankingsOf[0]!.asOf);
    date('ranking.latest.date', rankingsOf.at(-1)!.asOf);
    count('ranking.dates.count', rankingsOf.length, 'exact');
  }
  const rankingKeys = (name: string, ranking: (typeof rankingsOf)[number]) => {
    for (const state of ranking.states) {
      figures.set(`rank.${name}.${state.code}`, { kind: 'rank', value: state.rank });
      count(`total.${name}.${state.code}`, state.total, 'exact');
    }
  };
  for (const ranking of rankingsOf) rankingKeys(ranking.asOf, ranking);
  if (rankingsOf.length > 0) rankingKeys('latest', rankingsOf.at(-1)!);
  const pair = sinceSnapshot(history, snapshotAsOf);
  if (pair) {
    date('ranking.since.date', pair.from.asOf);
    rankingKeys('since', pair.from);
  }

  for (const [metric, points] of Object.entries(history.facts)) {
    const kind = metric.startsWith('share-') ? ('share' as const) : ('count' as const);
    const fact = (key: string, point: (typeof points)[number]) => figures.set(key, { kind, value: point.value, qualifier: point.qualifier });
    for (const point of points) fact(`fact.${metric}.${point.asOf}`, point);
    const oldest = points[0]!;
    const newest = points.at(-1)!;
    fact(`fact.${metric}.first`, oldest);
    date(`fact.${metric}.first.date`, oldest.asOf);
    fact(`fact.${metric}.latest`, newest);
    date(`fact.${metric}.latest.date`, newest.asOf);
    const base = points.filter((point) => point.asOf <= snapshotAsOf).at(-1);
    if (base && base !== newest) {
      figures.set(`fact.${metric}.growth`, ratioFigure(newest.value / base.value, ratioQualifier(newest.qualifier, base.qualifier)));
    }
  }

  // The whole network on one date, so a sentence never mixes dates: the newest such date, and the snapshot's
  // (or the newest before it).
  const newestNetwork = history.network.at(-1);
  const sinceNetwork = history.network.filter((count) => count.asOf <= snapshotAsOf).at(-1);
  for (const [name, network] of [['latest', newestNetwork], ['since', sinceNetwork]] as const) {
    if (!network) continue;
    date(`network.${name}.date`, network.asOf);
    for (const [metric, point] of Object.entries(network.points)) count(`network.${name}.${metric}`, point.value, point.qualifier);
  }
  if (newestNetwork && sinceNetwork && newestNetwork !== sinceNetwork) {
    for (const [metric, point] of Object.entries(newestNetwork.points)) {
      const before = sinceNetwork.points[metric as keyof typeof sinceNetwork.points];
      figures.set(`network.growth.${metric}`, ratioFigure(point.value / before.value, ratioQualifier(point.qualifier, before.qualifier)));
    }
  }
  const target = history.facts['hwc-target']?.at(-1);
  if (newestNetwork && target) {
    const spokes = newestNetwork.points['hwc-spokes'];
    figures.set('network.latest.share', { kind: 'share', value: spokes.value / target.value, qualifier: ratioQualifier(spokes.qualifier, target.qualifier) });
  }
  return figures;
}

/**
 * The sources behind the "since then" keys, so a sentence can cite where its figure comes from:
 * e.g. 'latest.total' -> ['thehawk-2025-12-02']; 'event.aam-renaming' -> ['thefederal-2023-11-26'] with `seeAlso` ['sakshipost-2025-02-04'].
 */
export function historyCitations(history: History): Map<string, { sources: string[]; seeAlso: string[]; asOf: string }> {
  const citations = new Map<string, { sources: string[]; seeAlso: string[]; asOf: string }>();
  const cite = (key: string, sources: string[], asOf: string, seeAlso: string[] = []) => citations.set(key, { sources, seeAlso, asOf });
  cite('latest.total', [history.latest.source], history.latest.asOf);
  for (const point of history.national) cite(`milestone.${point.asOf}.total`, [point.source], point.asOf);
  cite('growth.multiple', [...new Set([history.growth.from.source, history.growth.to.source])], history.growth.to.asOf);
  for (const ranking of history.rankings) cite(`ranking.${ranking.asOf}`, ranking.sources, ranking.asOf);
  const newest = history.rankings.at(-1);
  if (newest) cite('ranking.latest', newest.sources, newest.asOf);
  for (const [metric, points] of Object.entries(history.facts)) {
    for (const point of points) cite(`fact.${metric}.${point.asOf}`, [point.source], point.asOf);
    const last = points.at(-1)!;
    cite(`fact.${metric}.latest`, [last.source], last.asOf);
  }
  const network = history.network.at(-1);
  if (network) cite('network.latest', [...new Set(Object.values(network.points).map((point) => point.source))], network.asOf);
  for (const event of history.events) cite(`event.${event.event}`, event.source ? [event.source] : [], event.date, event.seeAlso);
  return citations;
}

/**
 * The keys of consultations per 1,000 people (src/figures/per-person.ts), for every dated list, and under
 * `snapshot` (the release's date) and `latest` (the newest list) so prose follows the data:
 * - `perPerson.census.date`: the census the rates divide by (1 March 2011)
 * - `perPerson.<date|snapshot|latest>.date`, `.national` (India's rate, where the date has a national figure),
 *   `.<code>` (a listed state's rate, e.g. 'perPerson.snapshot.IN-AP' 85.2), `.<code>.rank` (its place by rate)
 * - `multiple.perPerson.<a>.<b>` and `multiple.total.<a>.<b>`: on the snapshot, how many times state b's
 *   rate (or count) state a's is, e.g. 'multiple.perPerson.IN-AP.IN-UP' 12.4, 'multiple.total.IN-AP.IN-UP' 3.1
 */
export function perPersonFigures(perPerson: PerPerson, snapshotAsOf: string): Map<string, NamedFigure> {
  const figures = new Map<string, NamedFigure>();
  figures.set('perPerson.census.date', { kind: 'date', value: perPerson.census.date });
  const listKeys = (name: string, list: RateList) => {
    figures.set(`perPerson.${name}.date`, { kind: 'date', value: list.asOf });
    if (list.national) figures.set(`perPerson.${name}.national`, { kind: 'rate', value: list.national.perThousand, qualifier: list.national.qualifier });
    for (const state of list.states) {
      figures.set(`perPerson.${name}.${state.code}`, { kind: 'rate', value: state.perThousand, qualifier: 'exact' });
      figures.set(`perPerson.${name}.${state.code}.rank`, { kind: 'rank', value: state.rateRank });
    }
  };
  for (const list of perPerson.lists) listKeys(list.asOf, list);
  const snapshotList = rateList(perPerson, snapshotAsOf);
  listKeys('snapshot', snapshotList);
  const latest = perPerson.lists.at(-1);
  if (latest) listKeys('latest', latest);
  for (const a of snapshotList.states)
    for (const b of snapshotList.states) {
      if (a === b) continue;
      figures.set(`multiple.perPerson.${a.code}.${b.code}`, { kind: 'ratio', value: a.perThousand / b.perThousand, qualifier: 'exact' });
      figures.set(`multiple.total.${a.code}.${b.code}`, { kind: 'ratio', value: a.consultations / b.consultations, qualifier: 'exact' });
    }
  return figures;
}

/** Where the rates' figures come from: 'perPerson.census' -> the census tables; 'perPerson.<date>' -> that list's sources. */
export function perPersonCitations(perPerson: PerPerson): Map<string, { sources: string[]; seeAlso: string[]; asOf: string }> {
  const citations = new Map<string, { sources: string[]; seeAlso: string[]; asOf: string }>();
  citations.set('perPerson.census', { sources: [perPerson.census.source], seeAlso: [], asOf: perPerson.census.date });
  for (const list of perPerson.lists) citations.set(`perPerson.${list.asOf}`, { sources: list.sources, seeAlso: [], asOf: list.asOf });
  return citations;
}

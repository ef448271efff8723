import type { Dataset, Qualifier } from '../data/schemas.ts';

/**
 * What happened after the snapshot: the national series, the states' top ten on every date the data
 * has state rows for, how ranks moved between those dates, the programme's measures over time and the
 * dated events. Pure: everything is derived from the dataset it is given, and no date is named here.
 * Adding a dated set of rows to the CSVs adds a point, a ranking or a measure, and the newest one
 * becomes "latest" everywhere it is used.
 */

/** How many states a ranking lists: the sources publish a top ten. */
export const TOP_N = 10;

/** A state's names as states.csv spells them, e.g. { hi: 'पश्चिम बंगाल', en: 'West Bengal' }. */
export interface StateNames {
  hi: string;
  en: string;
}

/**
 * All-India cumulative consultations on a date, as its source gives it, e.g.
 * { asOf: '2025-11-23', total: 430000000, qualifier: 'at-least', source: 'thehawk-2025-12-02', note: '"over 43 crore"' }
 */
export interface NationalPoint {
  asOf: string;
  total: number;
  hwc?: number; // e.g. 8033029, where the source splits the total
  opd?: number;
  qualifier: Qualifier;
  source: string;
  note?: string;
}

/** A state's place in one date's top ten, e.g. { code: 'IN-WB', name: { hi: 'पश्चिम बंगाल', en: 'West Bengal' }, total: 12311019, rank: 3 } */
export interface RankedState {
  code: string;
  name: StateNames;
  total: number;
  rank: number; // 1 = most consultations
}

/**
 * The top ten of one date, most consultations first, e.g.
 * { asOf: '2023-02-16', sources: ['lokmattimes-2023-02-16'], states: [{ code: 'IN-AP', rank: 1, ... }, ...] }
 */
export interface Ranking {
  asOf: string;
  sources: string[]; // the distinct sources of the date's rows, usually one
  states: RankedState[];
}

/** A state's rank on a date, or null where it is not in that date's top ten, e.g. { asOf: '2021-07-03', rank: null }. */
export interface RankOn {
  asOf: string;
  rank: number | null;
}

/** How a state's place changed: 'entered' and 'left' are moves into and out of the top ten. */
export type Move = 'up' | 'down' | 'same' | 'entered' | 'left';

/**
 * A state's move between two rankings, e.g. Madhya Pradesh:
 * { code: 'IN-MP', from: { asOf: '2021-10-04', rank: 6 }, to: { asOf: '2023-02-16', rank: 8 }, move: 'down' }
 */
export interface RankChange {
  code: string;
  name: StateNames;
  from: RankOn;
  to: RankOn;
  move: Move;
}

/** One measure of the programme on a date, e.g. { asOf: '2023-02-16', value: 15731, qualifier: 'exact', source: 'lokmattimes-2023-02-16' } */
export interface FactPoint {
  asOf: string;
  value: number;
  qualifier: Qualifier;
  source: string;
  note?: string;
}

/**
 * A dated event, with its source and any other sources its note names, e.g.
 * { date: '2023-11-25', precision: 'day', event: 'aam-renaming', source: 'thefederal-2023-11-26', seeAlso: ['sakshipost-2025-02-04'], note: '…' }
 */
export interface HistoryEvent {
  date: string; // 'YYYY-MM-DD' or 'YYYY-MM', as precise as `precision`
  precision: 'day' | 'month';
  event: string;
  source?: string;
  seeAlso: string[]; // ids of sources.csv that the note names
  note?: string;
}

/**
 * The newest national figure against the snapshot's, e.g.
 * { from: { asOf: '2021-10-04', total: 13411325, qualifier: 'exact', source: 'pib-2021-10-04-hi' },
 *   to: { asOf: '2025-11-23', total: 430000000, qualifier: 'at-least', ... }, multiple: 32.06, qualifier: 'at-least' }
 */
export interface Growth {
  from: NationalPoint;
  to: NationalPoint;
  multiple: number; // to.total / from.total
  qualifier: Qualifier; // how exact the multiple is, from the two figures' qualifiers (see ratioQualifier)
}

/** The measures of the doctor-to-doctor network and the online OPD that the report follows over time. */
export const NETWORK_METRICS = ['hwc-spokes', 'hubs', 'online-opds'] as const;
export type NetworkMetric = (typeof NETWORK_METRICS)[number];

/**
 * The network on one date on which the data measures all of NETWORK_METRICS, so a sentence can give the
 * three side by side without mixing dates, e.g.
 * { asOf: '2023-02-16', points: { 'hwc-spokes': { value: 115234, qualifier: 'exact', ... }, hubs: {...}, 'online-opds': {...} } }
 */
export interface NetworkCount {
  asOf: string;
  points: Record<NetworkMetric, FactPoint>;
}

/** Everything the report says about the years after the snapshot. */
export interface History {
  national: NationalPoint[]; // oldest first
  latest: NationalPoint; // the newest national point
  rankingDates: string[]; // every date with state rows, oldest first, e.g. ['2021-07-03', ..., '2023-02-16']
  rankings: Ranking[]; // one per ranking date, same order
  changes: RankChange[]; // every state's move between each pair of consecutive rankings
  facts: Record<string, FactPoint[]>; // by metric, oldest first, e.g. facts['hubs']
  network: NetworkCount[]; // every date that measures the whole network, oldest first
  events: HistoryEvent[]; // oldest first
  growth: Growth;
}

/** The snapshot as history needs it: its date, source and all-India total. */
export interface SnapshotBase {
  asOf: string; // e.g. '2021-10-04'
  source: string; // e.g. 'pib-2021-10-04-hi'
  national: { total: number; hwc?: number; opd?: number };
}

const byDate = <T>(dateOf: (item: T) => string) => (a: T, b: T) => dateOf(a).localeCompare(dateOf(b));

/**
 * How exact a ratio a / b is, from how exact a and b are. A lower bound over an exact figure is a
 * lower bound ('over 43 crore' / 1.34 crore is over 32 times); anything rounded makes it rounded; a
 * lower bound in the denominator (or in both) bounds nothing, so the ratio is only 'about'.
 * e.g. ratioQualifier('at-least', 'exact') -> 'at-least'
 */
export function ratioQualifier(numerator: Qualifier, denominator: Qualifier): Qualifier {
  if (numerator === 'exact' && denominator === 'exact') return 'exact';
  if (numerator === 'at-least' && denominator === 'exact') return 'at-least';
  return 'about';
}

/**
 * The national series from national-milestones.csv, oldest first, each point with its qualifier and source.
 * e.g. nationalSeries(data)[0] -> { asOf: '2021-06-10', total: 6000000, qualifier: 'at-least', source: 'devdiscourse-2021-06-10', ... }
 */
export function nationalSeries(data: Pick<Dataset, 'milestones'>): NationalPoint[] {
  return data.milestones
    .map((row) => ({
      asOf: row.as_of,
      total: row.total,
      ...(row.hwc !== undefined ? { hwc: row.hwc } : {}),
      ...(row.opd !== undefined ? { opd: row.opd } : {}),
      qualifier: row.qualifier,
      source: row.source,
      ...(row.note !== undefined ? { note: row.note } : {}),
    }))
    .sort(byDate((point) => point.asOf));
}

/** Every date with at least one state row (not the all-India 'IN' row), oldest first. e.g. ['2021-07-03', '2021-09-21', '2021-10-04', '2023-02-16'] */
export function rankingDates(data: Pick<Dataset, 'consultations'>): string[] {
  return [...new Set(data.consultations.filter((row) => row.state !== 'IN').map((row) => row.as_of))].sort();
}

/**
 * The top ten of every ranking date, most consultations first. Ties keep the order of the state codes,
 * so a ranking never depends on the order of the file's rows.
 */
export function rankings(data: Pick<Dataset, 'consultations' | 'states'>): Ranking[] {
  const names = new Map(data.states.map((state) => [state.code, { hi: state.name_hi, en: state.name_en }]));
  return rankingDates(data).map((asOf) => {
    const rows = data.consultations.filter((row) => row.as_of === asOf && row.state !== 'IN');
    const states = [...rows]
      .sort((a, b) => b.total - a.total || a.state.localeCompare(b.state))
      .slice(0, TOP_N)
      .map((row, index) => ({
        code: row.state,
        name: names.get(row.state) ?? { hi: row.state, en: row.state },
        total: row.total,
        rank: index + 1,
      }));
    return { asOf, sources: [...new Set(rows.map((row) => row.source))], states };
  });
}

/** A state's rank in a ranking, or null where it is not in that top ten. e.g. rankIn(ranking2023, 'IN-WB') -> 3 */
export function rankIn(ranking: Ranking, code: string): number | null {
  return ranking.states.find((state) => state.code === code)?.rank ?? null;
}

function moveOf(from: number | null, to: number | null): Move | undefined {
  if (from === null && to === null) return undefined;
  if (from === null) return 'entered';
  if (to === null) return 'left';
  return to < from ? 'up' : to > from ? 'down' : 'same';
}

/**
 * Every state's move from one ranking to another (states in neither top ten are left out), in the order
 * of the later ranking, then those that left. e.g. rankChanges(oct2021, feb2023) includes
 * { code: 'IN-WB', from: { rank: 9 }, to: { rank: 3 }, move: 'up' } and { code: 'IN-TS', from: { rank: null }, to: { rank: 7 }, move: 'entered' }
 */
export function rankChanges(from: Ranking, to: Ranking): RankChange[] {
  const states = [...to.states, ...from.states.filter((state) => rankIn(to, state.code) === null)];
  return states.flatMap((state) => {
    const before = rankIn(from, state.code);
    const after = rankIn(to, state.code);
    const move = moveOf(before, after);
    return move
      ? [{ code: state.code, name: state.name, from: { asOf: from.asOf, rank: before }, to: { asOf: to.asOf, rank: after }, move }]
      : [];
  });
}

/** A state's rank on every ranking date, null where absent. e.g. rankPath(history, 'IN-TS') -> [null, null, null, 7] */
export function rankPath(history: Pick<History, 'rankings'>, code: string): (number | null)[] {
  return history.rankings.map((ranking) => rankIn(ranking, code));
}

/**
 * Every state that appears in at least one top ten, in the order of its best and then latest place,
 * e.g. ['IN-AP', 'IN-TN', 'IN-KA', 'IN-WB', ...].
 */
export function rankedStates(history: Pick<History, 'rankings'>): { code: string; name: StateNames }[] {
  const seen = new Map<string, StateNames>();
  for (const ranking of [...history.rankings].reverse()) {
    for (const state of ranking.states) if (!seen.has(state.code)) seen.set(state.code, state.name);
  }
  return [...seen].map(([code, name]) => ({ code, name }));
}

/**
 * The programme's measures over time, by metric, oldest first.
 * e.g. factSeries(data)['hubs'] -> [{ asOf: '2021-06-10', value: 1800, qualifier: 'at-least' }, { asOf: '2021-10-04', value: 3000, qualifier: 'about' }, ...]
 */
export function factSeries(data: Pick<Dataset, 'facts'>): Record<string, FactPoint[]> {
  const series: Record<string, FactPoint[]> = {};
  for (const row of [...data.facts].sort(byDate((fact) => fact.as_of))) {
    (series[row.metric] ??= []).push({
      asOf: row.as_of,
      value: row.value,
      qualifier: row.qualifier,
      source: row.source,
      ...(row.note !== undefined ? { note: row.note } : {}),
    });
  }
  return series;
}

/** The dates on which every network metric has a value, oldest first, with those values. */
export function networkCounts(facts: Record<string, FactPoint[]>): NetworkCount[] {
  const dates = [...new Set(NETWORK_METRICS.flatMap((metric) => (facts[metric] ?? []).map((point) => point.asOf)))].sort();
  return dates.flatMap((asOf) => {
    const found = NETWORK_METRICS.map((metric) => facts[metric]?.find((point) => point.asOf === asOf));
    if (found.some((point) => point === undefined)) return [];
    return [{ asOf, points: Object.fromEntries(NETWORK_METRICS.map((metric, index) => [metric, found[index]!])) as Record<NetworkMetric, FactPoint> }];
  });
}

/**
 * The events, oldest first, each with the sources its note names (an event may have no source of its own,
 * as the renaming has not; its note says where the new name appears).
 */
export function eventSeries(data: Pick<Dataset, 'events' | 'sources'>): HistoryEvent[] {
  const ids = data.sources.map((source) => source.id);
  return [...data.events].sort(byDate((event) => event.date)).map((event) => ({
    date: event.date,
    precision: event.precision,
    event: event.event,
    ...(event.source !== undefined ? { source: event.source } : {}),
    seeAlso: ids.filter((id) => id !== event.source && (event.note ?? '').includes(id)),
    ...(event.note !== undefined ? { note: event.note } : {}),
  }));
}

/**
 * The newest national figure against the snapshot. The snapshot's own milestone row is used where there
 * is one (same figure, with its qualifier); otherwise the snapshot's total, which is exact by definition.
 */
export function growthSince(national: NationalPoint[], base: SnapshotBase): Growth {
  const to = national.at(-1);
  if (!to) throw new Error('national-milestones.csv has no rows: there is no growth to report.');
  const from: NationalPoint = national.find((point) => point.asOf === base.asOf) ?? {
    asOf: base.asOf,
    total: base.national.total,
    qualifier: 'exact',
    source: base.source,
  };
  return { from, to, multiple: to.total / from.total, qualifier: ratioQualifier(to.qualifier, from.qualifier) };
}

/** Everything after the snapshot, derived from `data`. */
export function deriveHistory(data: Dataset, base: SnapshotBase): History {
  const national = nationalSeries(data);
  const latest = national.at(-1);
  if (!latest) throw new Error('national-milestones.csv has no rows: there is no history to report.');
  const ranked = rankings(data);
  const facts = factSeries(data);
  return {
    national,
    latest,
    rankingDates: ranked.map((ranking) => ranking.asOf),
    rankings: ranked,
    changes: ranked.slice(1).flatMap((to, index) => rankChanges(ranked[index]!, to)),
    facts,
    network: networkCounts(facts),
    events: eventSeries(data),
    growth: growthSince(national, base),
  };
}

/**
 * The two rankings a "since then" sentence compares: the snapshot's (or the newest one before it) and the
 * newest. e.g. { from: <2021-10-04>, to: <2023-02-16> }. Undefined when there are fewer than two.
 */
export function sinceSnapshot(history: Pick<History, 'rankings'>, snapshotAsOf: string): { from: Ranking; to: Ranking } | undefined {
  const to = history.rankings.at(-1);
  const from = history.rankings.filter((ranking) => ranking.asOf <= snapshotAsOf).at(-1) ?? history.rankings[0];
  if (!to || !from || from === to) return undefined;
  return { from, to };
}

/** A state's move from the snapshot's ranking to the newest, e.g. Telangana: { from: { rank: null }, to: { rank: 7 }, move: 'entered' }. */
export function moveSinceSnapshot(history: Pick<History, 'rankings'>, snapshotAsOf: string, code: string): RankChange | undefined {
  const pair = sinceSnapshot(history, snapshotAsOf);
  if (!pair) return undefined;
  return rankChanges(pair.from, pair.to).find((change) => change.code === code);
}

/** Whether a state was in no top ten before `asOf`. e.g. absentBefore(history, 'IN-TS', '2023-02-16') -> true */
export function absentBefore(history: Pick<History, 'rankings'>, code: string, asOf: string): boolean {
  return history.rankings.filter((ranking) => ranking.asOf < asOf).every((ranking) => rankIn(ranking, code) === null);
}

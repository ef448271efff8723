import type { Dataset, ProgrammeEvent, Qualifier } from '../data/schemas.ts';

/** A state's consultations on the snapshot date, with what follows from them. */
export interface StateFigure {
  code: string; // e.g. 'IN-MP'
  name: { hi: string; en: string }; // e.g. { hi: 'मध्य प्रदेश', en: 'Madhya Pradesh' }
  total: number; // e.g. 447878
  hwc: number; // e.g. 442417
  opd: number; // e.g. 5461
  hwcShare: number; // hwc / total, e.g. 0.9878
  opdShare: number;
  share: number; // total / national total, e.g. 0.0334
  rank: number; // 1 = most consultations; e.g. 6
  lead: 'hwc' | 'opd'; // the variant with more of the state's consultations
}

/** A measured figure with how exact its source says it is, e.g. { value: 3000, qualifier: 'about', asOf: '2021-10-04', source: 'pib-2021-10-04-hi' } */
export interface Measure {
  value: number;
  qualifier: Qualifier;
  asOf: string;
  source: string;
}

/** A group of states taken together, e.g. the top ten: { count: 10, total: 12024236, share: 0.8966 } */
export interface Group {
  count: number;
  total: number;
  share: number;
}

/** Everything the report says about one release: the national split, the states and the programme. */
export interface Snapshot {
  asOf: string; // e.g. '2021-10-04'
  source: string; // e.g. 'pib-2021-10-04-hi'
  national: { total: number; hwc: number; opd: number; hwcShare: number; opdShare: number };
  states: StateFigure[]; // ranked, most consultations first
  topThree: Group;
  topTen: Group;
  rest: Group; // every state and union territory outside the listed ones
  facts: Record<string, Measure>; // by metric, from the release's own source, e.g. facts['hubs']
  rollout: { share: number; spokesPerHub: number }; // HWC spokes against the target; spokes per hub
  events: Record<string, ProgrammeEvent>; // by event name, e.g. events['launch-opd']
}

/**
 * The snapshot the report is built on: the latest date on which the data gives the all-India
 * total split into HWC and OPD (today the release of 4 October 2021). A later release with the
 * same shape becomes the snapshot by adding its rows; nothing here names a date.
 */
export function deriveSnapshot(data: Dataset): Snapshot {
  const national = data.consultations
    .filter((row) => row.state === 'IN' && row.hwc !== undefined && row.opd !== undefined)
    .sort((a, b) => a.as_of.localeCompare(b.as_of))
    .at(-1);
  if (!national || national.hwc === undefined || national.opd === undefined) {
    throw new Error('The data has no all-India row with an HWC and OPD split: there is no snapshot to report.');
  }
  const { as_of: asOf, total } = national;
  const names = new Map(data.states.map((state) => [state.code, { hi: state.name_hi, en: state.name_en }]));

  const states: StateFigure[] = data.consultations
    .filter((row) => row.as_of === asOf && row.state !== 'IN')
    .map((row) => {
      const hwc = row.hwc ?? 0;
      const opd = row.opd ?? 0;
      return {
        code: row.state,
        name: names.get(row.state) ?? { hi: row.state, en: row.state },
        total: row.total,
        hwc,
        opd,
        hwcShare: hwc / row.total,
        opdShare: opd / row.total,
        share: row.total / total,
        rank: 0,
        lead: hwc >= opd ? ('hwc' as const) : ('opd' as const),
      };
    })
    .sort((a, b) => b.total - a.total)
    .map((state, index) => ({ ...state, rank: index + 1 }));

  const group = (members: StateFigure[]): Group => {
    const sum = members.reduce((acc, state) => acc + state.total, 0);
    return { count: members.length, total: sum, share: sum / total };
  };
  const listed = group(states);
  const facts = Object.fromEntries(
    data.facts
      .filter((fact) => fact.source === national.source)
      .map((fact) => [fact.metric, { value: fact.value, qualifier: fact.qualifier, asOf: fact.as_of, source: fact.source }]),
  );
  const spokes = facts['hwc-spokes']?.value ?? 0;
  return {
    asOf,
    source: national.source,
    national: { total, hwc: national.hwc, opd: national.opd, hwcShare: national.hwc / total, opdShare: national.opd / total },
    states,
    topThree: group(states.slice(0, 3)),
    topTen: group(states.slice(0, 10)),
    rest: { count: data.states.length - states.length, total: total - listed.total, share: (total - listed.total) / total },
    facts,
    rollout: {
      share: spokes / (facts['hwc-target']?.value ?? Number.NaN),
      spokesPerHub: spokes / (facts['hubs']?.value ?? Number.NaN),
    },
    events: Object.fromEntries(data.events.map((event) => [event.event, event])),
  };
}

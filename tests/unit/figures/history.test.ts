import { describe, expect, test } from 'vitest';
import { DATA_DIR } from '../../../src/data/files.ts';
import { loadDataset } from '../../../src/data/load.ts';
import type { Dataset } from '../../../src/data/schemas.ts';
import {
  absentBefore,
  deriveHistory,
  moveSinceSnapshot,
  rankChanges,
  rankPath,
  rankedStates,
  ratioQualifier,
} from '../../../src/figures/history.ts';
import { historyCitations, historyFigures } from '../../../src/figures/registry.ts';
import { deriveSnapshot } from '../../../src/figures/snapshot.ts';
import { formatFigure, type Lang } from '../../../src/format/format.ts';

const data = loadDataset(DATA_DIR);
const snapshot = deriveSnapshot(data);
const history = deriveHistory(data, snapshot);
const figures = historyFigures(history, snapshot.asOf);

const say = (key: string, lang: Lang = 'en', style?: Parameters<typeof formatFigure>[2], decimals?: number) => {
  const figure = figures.get(key);
  if (!figure) throw new Error(`no figure ${key}`);
  return formatFigure(figure, lang, style, decimals);
};
const codes = (asOf: string) => history.rankings.find((ranking) => ranking.asOf === asOf)?.states.map((state) => state.code);

describe('the national series', () => {
  test('is every milestone, oldest first, with its qualifier and source as the data gives them', () => {
    expect(history.national.map((point) => point.asOf)).toEqual(data.milestones.map((row) => row.as_of).sort());
    for (const row of data.milestones) {
      expect(history.national.find((point) => point.asOf === row.as_of)).toMatchObject({
        total: row.total,
        qualifier: row.qualifier,
        source: row.source,
      });
    }
    expect(history.national[0]).toMatchObject({ asOf: '2021-06-10', total: 6000000, qualifier: 'at-least' });
    expect(history.national.find((point) => point.asOf === '2023-02-16')).toMatchObject({ total: 100110000, qualifier: 'about' });
    expect(history.national.find((point) => point.asOf === '2022-03-25')).toMatchObject({ hwc: 22672187, opd: 7377779, qualifier: 'exact' });
  });

  test('the latest is over 43 crore, and the prose says so in both languages', () => {
    expect(history.latest).toMatchObject({ asOf: '2025-11-23', total: 430000000, qualifier: 'at-least', source: 'thehawk-2025-12-02' });
    expect(say('latest.total', 'en', 'crore')).toBe('over 43\u00A0crore');
    expect(say('latest.total', 'hi', 'crore')).toBe('43\u00A0करोड़ से अधिक');
    expect(say('latest.date', 'hi')).toBe('23 नवंबर 2025');
  });

  test('milestones keep their qualifiers by date', () => {
    expect(say('milestone.2023-02-16.total', 'en', 'crore', 3)).toBe('about 10.011\u00A0crore');
    expect(say('milestone.2024-12-31.total', 'hi', 'crore')).toBe('लगभग 31.86\u00A0करोड़');
    expect(say('milestone.2023-07-26.total')).toBe('14,17,81,384');
    expect(say('milestone.first.total', 'en', 'lakh')).toBe('over 60\u00A0lakh');
  });

  test('growth: over 32 times the snapshot, a lower bound because the latest is one', () => {
    expect(history.growth.from).toMatchObject({ asOf: '2021-10-04', total: 13411325, qualifier: 'exact' });
    expect(history.growth.qualifier).toBe('at-least');
    expect(history.growth.multiple).toBeCloseTo(430000000 / 13411325, 6);
    // A lower bound is rounded down, so 'over' stays true at any precision.
    expect(figures.get('growth.multiple')).toEqual({ kind: 'ratio', value: 32, qualifier: 'at-least' });
    expect(say('growth.multiple')).toBe('over 32');
    expect(say('growth.multiple', 'hi')).toBe('32 से अधिक');
  });

  test('a ratio is only as exact as its parts', () => {
    expect(ratioQualifier('exact', 'exact')).toBe('exact');
    expect(ratioQualifier('at-least', 'exact')).toBe('at-least');
    expect(ratioQualifier('about', 'exact')).toBe('about');
    expect(ratioQualifier('exact', 'at-least')).toBe('about');
    expect(ratioQualifier('at-least', 'at-least')).toBe('about');
  });
});

describe('the rankings', () => {
  test('there is one for every date with state rows, and no other', () => {
    expect(history.rankingDates).toEqual(['2021-07-03', '2021-09-21', '2021-10-04', '2023-02-16']);
    for (const ranking of history.rankings) {
      expect(ranking.states).toHaveLength(10);
      expect(ranking.states.map((state) => state.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const totals = ranking.states.map((state) => state.total);
      expect(totals).toEqual([...totals].sort((a, b) => b - a));
      expect(ranking.states.some((state) => state.code === 'IN')).toBe(false);
    }
    expect(history.rankings.find((ranking) => ranking.asOf === '2023-02-16')?.sources).toEqual(['lokmattimes-2023-02-16']);
  });

  test('the ranking of the snapshot date is the snapshot’s own', () => {
    expect(codes(snapshot.asOf)).toEqual(snapshot.states.slice(0, 10).map((state) => state.code));
  });

  test('West Bengal climbs to third by 16 February 2023', () => {
    expect(rankPath(history, 'IN-WB')).toEqual([null, 9, 9, 3]);
    expect(say('rank.2023-02-16.IN-WB')).toBe('third');
    expect(say('rank.latest.IN-WB', 'hi')).toBe('तीसरे');
    expect(moveSinceSnapshot(history, snapshot.asOf, 'IN-WB')).toMatchObject({
      from: { asOf: '2021-10-04', rank: 9 },
      to: { asOf: '2023-02-16', rank: 3 },
      move: 'up',
    });
  });

  test('Madhya Pradesh is sixth on every 2021 list, then eighth', () => {
    expect(rankPath(history, 'IN-MP')).toEqual([6, 6, 6, 8]);
    expect(say('rank.since.IN-MP')).toBe('sixth');
    expect(say('rank.latest.IN-MP', 'hi')).toBe('आठवें');
    expect(moveSinceSnapshot(history, snapshot.asOf, 'IN-MP')?.move).toBe('down');
  });

  test('Telangana is absent before 2023 and seventh after; absent means no rank, not zero', () => {
    expect(rankPath(history, 'IN-TS')).toEqual([null, null, null, 7]);
    expect(absentBefore(history, 'IN-TS', '2023-02-16')).toBe(true);
    expect(figures.has('rank.2021-10-04.IN-TS')).toBe(false);
    expect(figures.has('total.2021-10-04.IN-TS')).toBe(false);
    expect(moveSinceSnapshot(history, snapshot.asOf, 'IN-TS')?.move).toBe('entered');
  });

  test('moves between consecutive lists include entries and exits', () => {
    const [july, september] = history.rankings;
    const changes = rankChanges(july!, september!);
    expect(changes.find((change) => change.code === 'IN-WB')?.move).toBe('entered');
    expect(changes.find((change) => change.code === 'IN-UK')).toMatchObject({ move: 'left', to: { rank: null } });
    expect(history.changes.filter((change) => change.code === 'IN-KL').map((change) => change.move)).toEqual(['down', 'left']);
  });

  test('every state that was ever in a top ten is listed once', () => {
    const listed = rankedStates(history).map((state) => state.code);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(expect.arrayContaining(['IN-TS', 'IN-KL', 'IN-UK', 'IN-WB']));
    expect(listed).toHaveLength(12);
  });
});

describe('the programme over time', () => {
  test('each metric is a series, oldest first, with qualifiers as given', () => {
    expect(history.facts['hubs']?.map((point) => [point.asOf, point.value, point.qualifier])).toEqual([
      ['2021-06-10', 1800, 'at-least'],
      ['2021-10-04', 3000, 'about'],
      ['2023-02-16', 15731, 'exact'],
    ]);
    expect(history.facts['hwc-spokes']?.map((point) => point.value)).toEqual([20000, 27000, 28450, 50000, 115234]);
    expect(history.facts['peak-day']?.map((point) => point.qualifier)).toEqual(['about', 'exact']);
    expect(say('fact.doctors.2022-03-25')).toBe('over 1,00,000');
    expect(say('fact.share-women.2023-02-16')).toBe('over 57.0%');
    expect(say('fact.online-opds.latest')).toBe('1,152');
  });

  test('the network is compared on dates that measure all of it', () => {
    expect(history.network.map((count) => count.asOf)).toEqual(['2021-06-10', '2021-10-04', '2023-02-16']);
    expect(say('network.since.hwc-spokes')).toBe('over 27,000');
    expect(say('network.latest.hubs')).toBe('15,731');
    expect(say('network.growth.hubs')).toBe('about 5.2');
    expect(say('network.latest.share')).toBe('74.3%');
  });

  test('the renaming has its own source (the ministry\'s letter, as The Federal reported it); its note points to another', () => {
    const renaming = history.events.find((event) => event.event === 'aam-renaming');
    expect(renaming).toMatchObject({ date: '2023-11-25', precision: 'day', source: 'thefederal-2023-11-26', seeAlso: ['sakshipost-2025-02-04'] });
    expect(historyCitations(history).get('event.aam-renaming')).toEqual({
      sources: ['thefederal-2023-11-26'],
      seeAlso: ['sakshipost-2025-02-04'],
      asOf: '2023-11-25',
    });
    expect(historyCitations(history).get('latest.total')?.sources).toEqual(['thehawk-2025-12-02']);
  });

  test('no key of the history collides with a key of the snapshot', async () => {
    const { figureRegistry } = await import('../../../src/figures/registry.ts');
    const snapshotKeys = new Set(figureRegistry(snapshot).keys());
    expect([...figures.keys()].filter((key) => snapshotKeys.has(key))).toEqual([]);
  });
});

describe('no code assumes a single date', () => {
  /** The real data plus a later dated set of state rows and a later milestone. */
  function withLaterRows(): Dataset {
    const clone: Dataset = structuredClone(data);
    const asOf = '2026-03-31';
    const order = ['IN-UP', 'IN-AP', 'IN-WB', 'IN-TN', 'IN-KA', 'IN-MP', 'IN-MH', 'IN-TS', 'IN-RJ', 'IN-BR', 'IN-GJ'];
    order.forEach((state, index) => {
      clone.consultations.push({ as_of: asOf, state, total: 40000000 - index * 2000000, hwc: undefined, opd: undefined, source: 'thehawk-2025-12-02', line: 900 + index });
    });
    clone.milestones.push({ as_of: asOf, total: 500000000, hwc: undefined, opd: undefined, qualifier: 'about', source: 'thehawk-2025-12-02', note: undefined, line: 99 });
    clone.facts.push({ as_of: asOf, metric: 'hubs', value: 20000, qualifier: 'at-least', source: 'thehawk-2025-12-02', note: undefined, line: 99 });
    clone.facts.push({ as_of: asOf, metric: 'hwc-spokes', value: 160000, qualifier: 'at-least', source: 'thehawk-2025-12-02', note: undefined, line: 100 });
    clone.facts.push({ as_of: asOf, metric: 'online-opds', value: 2000, qualifier: 'exact', source: 'thehawk-2025-12-02', note: undefined, line: 101 });
    return clone;
  }

  test('a new dated set of rows adds a ranking and becomes the latest everywhere', () => {
    const later = withLaterRows();
    const laterHistory = deriveHistory(later, deriveSnapshot(later));
    const laterFigures = historyFigures(laterHistory, snapshot.asOf);
    const sayLater = (key: string, style?: Parameters<typeof formatFigure>[2]) => formatFigure(laterFigures.get(key)!, 'en', style);

    expect(laterHistory.rankingDates).toEqual(['2021-07-03', '2021-09-21', '2021-10-04', '2023-02-16', '2026-03-31']);
    const newest = laterHistory.rankings.at(-1)!;
    expect(newest.states).toHaveLength(10); // the eleventh row is not in the top ten
    expect(newest.states.map((state) => state.code)).not.toContain('IN-GJ');
    expect(rankPath(laterHistory, 'IN-GJ')).toEqual([5, 5, 5, 10, null]);
    expect(rankPath(laterHistory, 'IN-RJ')).toEqual([null, null, null, null, 9]);

    expect(sayLater('latest.total', 'crore')).toBe('about 50\u00A0crore');
    expect(formatFigure(laterFigures.get('latest.date')!, 'en')).toBe('31 March 2026');
    expect(sayLater('ranking.latest.date')).toBe('31 March 2026');
    expect(sayLater('rank.latest.IN-UP')).toBe('first');
    expect(laterFigures.has('rank.2026-03-31.IN-RJ')).toBe(true);
    // The old keys stay: history does not change.
    expect(sayLater('rank.2023-02-16.IN-WB')).toBe('third');
    // 'about 50 crore' over an exact figure is only 'about'.
    expect(laterFigures.get('growth.multiple')).toMatchObject({ kind: 'ratio', qualifier: 'about' });
    expect(sayLater('network.latest.date')).toBe('31 March 2026');
    expect(sayLater('network.latest.share')).toBe('over 103.2%');
    expect(moveSinceSnapshot(laterHistory, snapshot.asOf, 'IN-UP')).toMatchObject({ from: { rank: 4 }, to: { rank: 1 }, move: 'up' });
  });
});

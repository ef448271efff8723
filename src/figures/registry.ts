import type { Qualifier } from '../data/schemas.ts';
import type { Snapshot } from './snapshot.ts';

/** A figure the narrative can name by key, e.g. 'national.total' -> { kind: 'count', value: 13411325, qualifier: 'exact' } */
export type NamedFigure =
  | { kind: 'count'; value: number; qualifier: Qualifier }
  | { kind: 'share'; value: number; qualifier: Qualifier }
  | { kind: 'ratio'; value: number; qualifier: Qualifier }
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

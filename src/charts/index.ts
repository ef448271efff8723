/**
 * The report's charts, in the order the story meets them, and lookup by id.
 * A chart placed in the MDX with an id not listed here stops the build with the known ids.
 */
import { concentration } from './definitions/concentration.ts';
import { growth } from './definitions/growth.ts';
import { hwcRollout } from './definitions/hwc-rollout.ts';
import { map } from './definitions/map.ts';
import { nationalMix } from './definitions/national-mix.ts';
import { network } from './definitions/network.ts';
import { perPersonChart } from './definitions/per-person.ts';
import { ranks } from './definitions/ranks.ts';
import { statesMix } from './definitions/states-mix.ts';
import { statesTotal } from './definitions/states-total.ts';
import type { ChartId, ChartModule } from './types.ts';

/** Every chart. */
export const CHARTS: readonly ChartModule[] = [nationalMix, hwcRollout, statesTotal, concentration, perPersonChart, map, statesMix, growth, ranks, network];

/** The ids of every chart, e.g. for getStaticPaths. */
export const CHART_IDS: readonly ChartId[] = CHARTS.map((chart) => chart.id);

/** A chart by id; throws, naming the known ids, for any other. */
export function chartById(id: string): ChartModule {
  const found = CHARTS.find((chart) => chart.id === id);
  if (!found) throw new Error(`Unknown chart "${id}". Known charts: ${CHART_IDS.join(', ')}`);
  return found;
}

export type { ChartId, ChartModule } from './types.ts';

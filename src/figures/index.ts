import { dataset } from '../data/dataset.ts';
import { deriveHistory } from './history.ts';
import { derivePerPerson } from './per-person.ts';
import { figureRegistry, historyCitations, historyFigures, perPersonCitations, perPersonFigures, type NamedFigure } from './registry.ts';
import { deriveSnapshot } from './snapshot.ts';

/** The release the report is built on, with every figure derived from it. */
export const snapshot = deriveSnapshot(dataset);

/** What happened after the snapshot: the national series, the rankings of every dated set of state rows, the programme over time. */
export const history = deriveHistory(dataset, snapshot);

/** Consultations per 1,000 people (2011 census) for every dated list of states. */
export const perPerson = derivePerPerson(dataset, history.rankings);

/** Every figure the prose can cite by key: the snapshot's, the history's, the rates'. A key defined twice stops the build. */
export const figures = mergeFigures(figureRegistry(snapshot), historyFigures(history, snapshot.asOf), perPersonFigures(perPerson, snapshot.asOf));

/** Where the history's and the rates' figures come from, by key: e.g. citations.get('latest.total') -> { sources: ['thehawk-2025-12-02'], ... }. */
export const citations = new Map([...historyCitations(history), ...perPersonCitations(perPerson)]);

/** A figure by key; an unknown key stops the build and says which. */
export function figure(key: string): NamedFigure {
  const found = figures.get(key);
  if (!found) throw new Error(`Unknown figure "${key}". Known keys include: ${[...figures.keys()].slice(0, 12).join(', ')} …`);
  return found;
}

/** Joins registries; the same key in two of them is a bug, not an override. */
function mergeFigures(...registries: Map<string, NamedFigure>[]): Map<string, NamedFigure> {
  const merged = new Map<string, NamedFigure>();
  for (const registry of registries) {
    for (const [key, value] of registry) {
      if (merged.has(key)) throw new Error(`The figure "${key}" is defined twice.`);
      merged.set(key, value);
    }
  }
  return merged;
}

export { dataset };

import { dataset } from '../data/dataset.ts';
import { figureRegistry, type NamedFigure } from './registry.ts';
import { deriveSnapshot } from './snapshot.ts';

/** The release the report is built on, with every figure derived from it. */
export const snapshot = deriveSnapshot(dataset);

/** Every figure the prose can cite by key. */
export const figures = figureRegistry(snapshot);

/** A figure by key; an unknown key stops the build and says which. */
export function figure(key: string): NamedFigure {
  const found = figures.get(key);
  if (!found) throw new Error(`Unknown figure "${key}". Known keys include: ${[...figures.keys()].slice(0, 12).join(', ')} …`);
  return found;
}

export { dataset };

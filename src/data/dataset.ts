import { loadDataset } from './load.ts';

/** Where the report's data lives, relative to the project root (builds and tests run from there). */
export const DATA_DIR = 'content/data';

/** The validated data, read once per build. A broken rule throws here and stops the build. */
export const dataset = loadDataset(DATA_DIR);

import { DATA_DIR } from './files.ts';
import { loadDataset } from './load.ts';

/** The validated data, read once per build. A broken rule throws here and stops the build. */
export const dataset = loadDataset(DATA_DIR);

/**
 * Where the report's data lives, relative to the project root (builds and tests run from there).
 * DATA_DIR in the environment points a build at other data, as the build-failure test does.
 */
export const DATA_DIR = process.env.DATA_DIR ?? 'content/data';

/** The data files, as named in content/data and served at /data/. */
export const DATA_FILES = [
  'consultations-by-state.csv',
  'national-milestones.csv',
  'programme-facts.csv',
  'events.csv',
  'states.csv',
  'sources.csv',
  'population.csv',
  'tile-layout.csv',
] as const;

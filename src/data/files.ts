/** The data files, as named in content/data and served at /data/. */
export const DATA_FILES = [
  'consultations-by-state.csv',
  'national-milestones.csv',
  'programme-facts.csv',
  'events.csv',
  'states.csv',
  'sources.csv',
] as const;

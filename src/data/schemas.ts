import { z } from 'astro/zod';

// Each cell arrives as a string; these schemas say what it must be and turn it into its value.
// The `error` texts are the rules a reader of a build failure sees, so they are written as rules.

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be an ISO date (YYYY-MM-DD)' })
  .refine((value) => isRealDate(value), { error: 'must be a real calendar date' });

const isoDayOrMonth = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'must be an ISO date (YYYY-MM-DD or YYYY-MM)' })
  .refine((value) => isRealDate(value.length === 7 ? `${value}-01` : value), {
    error: 'must be a real calendar date',
  });

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Reads a number cell; a broken cell gives one message, the first rule that applies. */
function readNumber(value: string, rule: 'whole number' | 'number', context: z.core.$RefinementCtx<string>): number {
  const pattern = rule === 'whole number' ? /^\d+$/ : /^\d+(\.\d+)?$/;
  const broken =
    value === ''
      ? 'must not be empty'
      : /^-\d/.test(value)
        ? 'must not be negative'
        : pattern.test(value)
          ? undefined
          : `must be a ${rule}`;
  if (broken) {
    context.issues.push({ code: 'custom', message: broken, input: value });
    return z.NEVER;
  }
  return Number(value);
}

const count = z.string().transform((value, context) => readNumber(value, 'whole number', context));
const optionalCount = z
  .string()
  .transform((value, context) => (value === '' ? undefined : readNumber(value, 'whole number', context)));
const measure = z.string().transform((value, context) => readNumber(value, 'number', context));

export const qualifierSchema = z.enum(['exact', 'about', 'at-least'], {
  error: 'must be one of exact | about | at-least',
});
export type Qualifier = z.infer<typeof qualifierSchema>;

const stateCode = z.string().regex(/^IN(-[A-Z]{2})?$/, { error: 'must be a state code like IN-MP, or IN' });
const sourceId = z.string().min(1, { error: 'must name a source' });
const optionalText = z.string().transform((value) => (value === '' ? undefined : value));

/** Per file: its columns (all required in the header) and the schema of one row. */
export const fileSchemas = {
  'states.csv': z.object({
    code: stateCode,
    name_en: z.string().min(1, { error: 'must not be empty' }),
    name_hi: z.string().min(1, { error: 'must not be empty' }),
    kind: z.enum(['state', 'union-territory'], { error: 'must be state or union-territory' }),
    // Short forms for a tile on the map: a Latin code for English readers, a Devanagari short form for Hindi ones.
    short_en: z.string().min(1, { error: 'must not be empty' }),
    short_hi: z
      .string()
      .min(1, { error: 'must not be empty' })
      .regex(/^[^A-Za-z]*$/, { error: 'must be written in Devanagari, with no Latin letter' }),
  }),
  'sources.csv': z.object({
    id: z.string().regex(/^[a-z0-9-]+$/, { error: 'must be a lower-case id of letters, digits and hyphens' }),
    date: isoDay,
    // Empty where the day it appeared is not recorded (the census tables); credits then give the figures' date.
    published: z.union([z.literal('').transform(() => undefined), isoDay]),
    publisher: z.string().min(1, { error: 'must not be empty' }),
    // As a Hindi newspaper writes the publisher: in Devanagari, with no Latin letter (digits and ISO dates are fine).
    publisher_hi: z
      .string()
      .min(1, { error: 'must not be empty' })
      .regex(/^[^A-Za-z]*$/, { error: 'must be written in Devanagari, with no Latin letter' }),
    language: z.enum(['hi', 'en'], { error: 'must be hi or en' }),
    kind: z.enum(['primary', 'primary-mirror', 'secondary'], {
      error: 'must be primary, primary-mirror or secondary',
    }),
    url: z.union([z.literal('').transform(() => undefined), z.url({ error: 'must be a web address' })]),
    note: optionalText,
  }),
  'consultations-by-state.csv': z.object({
    as_of: isoDay,
    state: stateCode,
    total: count,
    hwc: optionalCount,
    opd: optionalCount,
    source: sourceId,
  }),
  'national-milestones.csv': z.object({
    as_of: isoDay,
    total: count,
    hwc: optionalCount,
    opd: optionalCount,
    qualifier: qualifierSchema,
    source: sourceId,
    note: optionalText,
  }),
  'programme-facts.csv': z.object({
    as_of: isoDay,
    metric: z.string().regex(/^[a-z-]+$/, { error: 'must be a metric name of lower-case letters and hyphens' }),
    value: measure,
    qualifier: qualifierSchema,
    source: sourceId,
    note: optionalText,
  }),
  'events.csv': z.object({
    date: isoDayOrMonth,
    precision: z.enum(['day', 'month'], { error: 'must be day or month' }),
    event: z.string().regex(/^[a-z-]+$/, { error: 'must be an event name of lower-case letters and hyphens' }),
    source: optionalText,
    note: optionalText,
  }),
  'population.csv': z.object({
    code: stateCode,
    population: count,
    date: isoDay,
    source: sourceId,
    note: optionalText,
  }),
  'tile-layout.csv': z.object({
    code: stateCode,
    column: count,
    row: count,
  }),
} as const;

export type DataFile = keyof typeof fileSchemas;

/** A validated row of a data file, with the line it stands on. */
export type Row<F extends DataFile> = z.infer<(typeof fileSchemas)[F]> & { line: number };

/** A state or union territory, e.g. { code: 'IN-MP', name_en: 'Madhya Pradesh', name_hi: 'मध्य प्रदेश', kind: 'state' } */
export type State = Row<'states.csv'>;
/**
 * A source, e.g. { id: 'thehawk-2025-12-02', date: '2025-11-23' (the figures are as of), published: '2025-12-02'
 * (the day it appeared), publisher: 'The Hawk (IANS; ...)', publisher_hi: 'द हॉक (आईएएनएस; ...)', language: 'en', ... }
 */
export type Source = Row<'sources.csv'>;
/** Cumulative consultations of one state on one date, e.g. { as_of: '2021-10-04', state: 'IN-MP', total: 447878, hwc: 442417, opd: 5461 } */
export type StateConsultations = Row<'consultations-by-state.csv'>;
/** All-India cumulative consultations on a date, e.g. { as_of: '2025-11-23', total: 430000000, qualifier: 'at-least' } */
export type Milestone = Row<'national-milestones.csv'>;
/** One measure of the programme on a date, e.g. { as_of: '2021-10-04', metric: 'hubs', value: 3000, qualifier: 'about' } */
export type ProgrammeFact = Row<'programme-facts.csv'>;
/** A dated event, e.g. { date: '2019-11', precision: 'month', event: 'launch-ab-hwc' } */
export type ProgrammeEvent = Row<'events.csv'>;

/** A state's (or, for code 'IN', India's) population at a census, e.g. { code: 'IN-AP', population: 49577103, date: '2011-03-01', source: 'census-2011-pca' } */
export type Population = Row<'population.csv'>;
/** Where a state's tile sits on the tile-grid map: column from the west, row from the north, e.g. { code: 'IN-AP', column: 4, row: 6 } */
export type Tile = Row<'tile-layout.csv'>;

/** Every data file, validated. */
export interface Dataset {
  states: State[];
  sources: Source[];
  consultations: StateConsultations[];
  milestones: Milestone[];
  facts: ProgrammeFact[];
  events: ProgrammeEvent[];
  population: Population[];
  tiles: Tile[];
}

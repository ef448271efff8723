import type { Problem } from './problems.ts';
import type { DataFile, Dataset } from './schemas.ts';

/**
 * The rules that need more than one row or file: sums, duplicates and references.
 * Runs only on data whose every cell is already valid. `pathOf` names a file as the build reports it.
 */
export function crossFileProblems(data: Dataset, pathOf: (file: DataFile) => string): Problem[] {
  const problems: Problem[] = [];
  const add = (file: DataFile, line: number, column: string, rule: string, value: string | number) =>
    problems.push({ file: pathOf(file), line, column, rule, value: String(value) });

  const stateCodes = new Set(data.states.map((state) => state.code));
  const sourceIds = new Set(data.sources.map((source) => source.id));

  const seenStates = new Set<string>();
  for (const state of data.states) {
    if (seenStates.has(state.code)) add('states.csv', state.line, 'code', 'each code must appear once', state.code);
    seenStates.add(state.code);
  }
  const seenSources = new Set<string>();
  for (const source of data.sources) {
    if (seenSources.has(source.id)) add('sources.csv', source.line, 'id', 'each id must appear once', source.id);
    seenSources.add(source.id);
    // A source cannot appear before the day its figures describe (ISO dates compare as text).
    if (source.published !== undefined && source.published < source.date) {
      add('sources.csv', source.line, 'published', 'published must not be before date (the day the figures are as of)', source.published);
    }
  }

  const checkSplit = (file: DataFile, row: { line: number; total: number; hwc?: number; opd?: number }) => {
    if (row.hwc === undefined || row.opd === undefined || row.hwc + row.opd === row.total) return;
    add(file, row.line, 'total', 'hwc + opd must equal total', `${row.hwc} + ${row.opd} = ${row.hwc + row.opd}, total ${row.total}`);
  };
  const checkSource = (file: DataFile, line: number, source: string | undefined) => {
    if (source !== undefined && !sourceIds.has(source)) add(file, line, 'source', 'source must be an id in sources.csv', source);
  };

  const seenRows = new Set<string>();
  for (const row of data.consultations) {
    const key = `${row.as_of} ${row.state}`;
    if (seenRows.has(key)) add('consultations-by-state.csv', row.line, 'state', 'one row per state and date', key);
    seenRows.add(key);
    if (row.state !== 'IN' && !stateCodes.has(row.state)) {
      add('consultations-by-state.csv', row.line, 'state', 'state must be a code in states.csv', row.state);
    }
    checkSplit('consultations-by-state.csv', row);
    checkSource('consultations-by-state.csv', row.line, row.source);
  }

  const seenMilestones = new Set<string>();
  for (const row of data.milestones) {
    if (seenMilestones.has(row.as_of)) add('national-milestones.csv', row.line, 'as_of', 'one row per date', row.as_of);
    seenMilestones.add(row.as_of);
    checkSplit('national-milestones.csv', row);
    checkSource('national-milestones.csv', row.line, row.source);
  }

  const seenFacts = new Set<string>();
  for (const row of data.facts) {
    const key = `${row.as_of} ${row.metric}`;
    if (seenFacts.has(key)) add('programme-facts.csv', row.line, 'metric', 'one row per metric and date', key);
    seenFacts.add(key);
    checkSource('programme-facts.csv', row.line, row.source);
  }
  for (const row of data.events) checkSource('events.csv', row.line, row.source);

  // The states of a date can add up to no more than the country on that date.
  for (const date of new Set(data.consultations.map((row) => row.as_of))) {
    const rows = data.consultations.filter((row) => row.as_of === date);
    const national =
      rows.find((row) => row.state === 'IN')?.total ??
      data.milestones.find((row) => row.as_of === date)?.total;
    const statesSum = rows.filter((row) => row.state !== 'IN').reduce((sum, row) => sum + row.total, 0);
    if (national !== undefined && statesSum > national) {
      const last = rows.at(-1);
      add('consultations-by-state.csv', last?.line ?? 0, 'total', `the states of ${date} must sum to no more than the national total ${national}`, statesSum);
    }
  }
  checkPopulation(data, stateCodes, sourceIds, add);
  checkTiles(data, stateCodes, add);
  return problems;
}

type Add = (file: DataFile, line: number, column: string, rule: string, value: string | number) => void;

/**
 * population.csv: one row per state and union territory and one for India ('IN'), each code known, and the
 * states and union territories summing exactly to India (the census's own totals do). Per-person rates
 * divide by these, so a state left out or counted twice would be a wrong rate, not a missing one.
 */
function checkPopulation(data: Dataset, stateCodes: Set<string>, sourceIds: Set<string>, add: Add): void {
  const file = 'population.csv' as const;
  const seen = new Set<string>();
  for (const row of data.population) {
    if (seen.has(row.code)) add(file, row.line, 'code', 'one row per state, union territory and India', row.code);
    seen.add(row.code);
    if (row.code !== 'IN' && !stateCodes.has(row.code)) add(file, row.line, 'code', 'code must be a code in states.csv, or IN', row.code);
    if (!sourceIds.has(row.source)) add(file, row.line, 'source', 'source must be an id in sources.csv', row.source);
  }
  const lastLine = data.population.at(-1)?.line ?? 0;
  for (const state of data.states) {
    if (!seen.has(state.code)) add(file, lastLine, 'code', 'every state and union territory in states.csv must have a row', state.code);
  }
  const india = data.population.find((row) => row.code === 'IN');
  if (!india) {
    add(file, lastLine, 'code', 'India (IN) must have a row', '');
  } else {
    const sum = data.population.filter((row) => row.code !== 'IN').reduce((total, row) => total + row.population, 0);
    if (sum !== india.population) {
      add(file, india.line, 'population', `the states and union territories must sum to India's ${india.population}`, sum);
    }
  }
}

/** tile-layout.csv: every state and union territory has exactly one tile, and no two tiles share a place. */
function checkTiles(data: Dataset, stateCodes: Set<string>, add: Add): void {
  const file = 'tile-layout.csv' as const;
  const seenCodes = new Set<string>();
  const seenPlaces = new Map<string, string>();
  for (const tile of data.tiles) {
    if (seenCodes.has(tile.code)) add(file, tile.line, 'code', 'one tile per state and union territory', tile.code);
    seenCodes.add(tile.code);
    if (!stateCodes.has(tile.code)) add(file, tile.line, 'code', 'code must be a code in states.csv', tile.code);
    const place = `${tile.column},${tile.row}`;
    const other = seenPlaces.get(place);
    if (other !== undefined) add(file, tile.line, 'column', `no two tiles may share a place (${other} is at column ${tile.column}, row ${tile.row})`, tile.code);
    else seenPlaces.set(place, tile.code);
  }
  const lastLine = data.tiles.at(-1)?.line ?? 0;
  for (const state of data.states) {
    if (!seenCodes.has(state.code)) add(file, lastLine, 'code', 'every state and union territory in states.csv must have a tile', state.code);
  }
}

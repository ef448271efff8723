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
    if (source.published < source.date) {
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
  return problems;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, type CsvRow } from './csv.ts';
import { DataError, type Problem } from './problems.ts';
import { fileSchemas, type DataFile, type Dataset, type Row } from './schemas.ts';
import { crossFileProblems } from './rules.ts';

/** Reads a file's text, or gives undefined when there is no such file. Tests pass their own. */
export type ReadText = (path: string) => string | undefined;

const readFromDisk: ReadText = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * Reads and validates every data file in `dir` (e.g. 'content/data').
 * Throws a DataError listing every problem found, in every file, so one build shows them all.
 */
export function loadDataset(dir: string, readText: ReadText = readFromDisk): Dataset {
  const problems: Problem[] = [];
  const read = <F extends DataFile>(file: F) => readDataFile(dir, file, readText, problems);
  const dataset: Dataset = {
    states: read('states.csv'),
    sources: read('sources.csv'),
    consultations: read('consultations-by-state.csv'),
    milestones: read('national-milestones.csv'),
    facts: read('programme-facts.csv'),
    events: read('events.csv'),
    population: read('population.csv'),
    tiles: read('tile-layout.csv'),
  };
  if (problems.length === 0) problems.push(...crossFileProblems(dataset, (file) => join(dir, file)));
  if (problems.length > 0) throw new DataError(problems);
  return dataset;
}

function readDataFile<F extends DataFile>(dir: string, file: F, readText: ReadText, problems: Problem[]): Row<F>[] {
  const path = join(dir, file);
  const schema = fileSchemas[file];
  const text = readText(path);
  if (text === undefined) {
    problems.push({ file: path, line: 0, column: '', rule: 'the file must exist', value: '' });
    return [];
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    problems.push({ file: path, line: 0, column: '', rule: 'the file must not be empty', value: '' });
    return [];
  }
  const table = parseCsv(text);
  const missing = Object.keys(schema.shape).filter((column) => !table.header.includes(column));
  for (const column of missing) {
    problems.push({ file: path, line: 1, column, rule: 'required column is missing', value: table.header.join(',') });
  }
  if (missing.length > 0) return [];
  // Each row was parsed by this file's own schema, so it has this file's row type.
  return table.rows.flatMap((row) => parseRow(schema, row, path, problems)) as Row<F>[];
}

function parseRow(
  schema: (typeof fileSchemas)[DataFile],
  row: CsvRow,
  file: string,
  problems: Problem[],
): object[] {
  const result = schema.safeParse(row.cells);
  if (result.success) return [{ ...result.data, line: row.line }];
  for (const issue of result.error.issues) {
    const column = String(issue.path[0] ?? '');
    problems.push({ file, line: row.line, column, rule: issue.message, value: row.cells[column] ?? '' });
  }
  return [];
}

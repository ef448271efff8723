/** One broken rule in one cell of a data file. */
export interface Problem {
  file: string; // e.g. 'content/data/states.csv'
  line: number; // 1-based; the header is line 1; 0 when the problem is the whole file
  column: string; // e.g. 'total'; '' when the problem is the whole file
  rule: string; // e.g. 'hwc + opd must equal total'
  value: string; // the value found, as written in the file
}

/** Formats a problem as the one line the build prints for it. */
export function formatProblem(problem: Problem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  const column = problem.column ? ` column "${problem.column}":` : '';
  return `${where}:${column} ${problem.rule} (found "${problem.value}")`;
}

/** Thrown when the data breaks a rule; its message lists every problem, one a line. */
export class DataError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(
      `The data breaks ${problems.length} rule${problems.length === 1 ? '' : 's'}:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'DataError';
    this.problems = problems;
  }
}

import { csvParseRows } from 'd3-dsv';

/** One data row of a CSV file, keyed by header, with the 1-based line it stands on. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/** A parsed CSV file: e.g. { header: ['code', 'name_en'], rows: [{ line: 2, cells: { code: 'IN-AP', ... } }] } */
export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/**
 * Parses CSV text. A byte-order mark and CRLF line endings are accepted (spreadsheets write both);
 * blank lines are skipped. Line numbers count the header as line 1, as an editor shows them.
 */
export function parseCsv(text: string): CsvTable {
  const clean = text.replace(/^\uFEFF/, '');
  const lines = csvParseRows(clean);
  const header = (lines[0] ?? []).map((name) => name.trim());
  const rows: CsvRow[] = [];
  lines.slice(1).forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const record: Record<string, string> = {};
    header.forEach((name, column) => {
      record[name] = (cells[column] ?? '').trim();
    });
    rows.push({ line: index + 2, cells: record });
  });
  return { header, rows };
}

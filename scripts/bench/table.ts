/** Plain-text tables and the units the benchmark prints. kB is 1000 bytes. */

export type Cell = string | number;

/** Columns padded to their widest cell; numbers and cells that look like figures are right-aligned. */
export function renderTable(headers: string[], rows: Cell[][]): string {
  const text = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(...text.map((row) => [...(row[column] ?? '')].length)));
  const right = headers.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number' || /^[\d.,<>~ -]+( ?(kB|ms|s|B))?$|^-$/.test(String(row[column] ?? ''))));
  const line = (row: string[]) =>
    row
      .map((cell, column) => {
        const pad = ' '.repeat(Math.max(0, (widths[column] ?? 0) - [...cell].length));
        return right[column] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(text[0] as string[]), rule, ...text.slice(1).map(line)].join('\n');
}

export const kB = (bytes: number): string => (Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(1)} kB` : '-');
export const ms = (value: number): string => (Number.isFinite(value) ? `${Math.round(value)} ms` : '-');
export const seconds = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)} s` : '-');

/** 'pass' when `value` is under (or, with atLeast, at least) the target, 'OVER' / 'UNDER' otherwise. */
export function mark(value: number, target: number, atLeast = false): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (atLeast) return value >= target ? 'pass' : 'UNDER';
  return value < target ? 'pass' : 'OVER';
}

export function heading(text: string): string {
  return `\n${text}\n${'='.repeat([...text].length)}`;
}

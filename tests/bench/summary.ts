/**
 * The table printed at the end of `npm run bench`: one row a benchmark, its key figure. Each
 * benchmark adds its rows as it finishes (`addSummaryRow`), so the table shows what ran.
 */
export interface SummaryRow {
  name: string;
  figure: string;
}

export const summaryRows: SummaryRow[] = [];

export function addSummaryRow(name: string, figure: string): void {
  summaryRows.push({ name, figure });
}

export function printSummary(log: (line: string) => void = console.log): void {
  if (summaryRows.length === 0) return;
  const width = Math.max(...summaryRows.map((r) => r.name.length));
  log('');
  log('summary');
  for (const row of summaryRows) log(`  ${row.name.padEnd(width)}  ${row.figure}`);
}

import type ExcelJS from 'exceljs';

/**
 * A new, empty Excel workbook. exceljs (with jszip, bluebird, unzipper …) is about half of an
 * export context's bundle and only the export routes need it: importing it on first use keeps it
 * out of every cold start of the context's other routes. esbuild still bundles it (no code
 * splitting in a Lambda bundle), but leaves it unevaluated until then.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}

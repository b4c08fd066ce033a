import ExcelJS from 'exceljs';

/** Every sheet of an .xlsx with its cells as text, row by row: what a reader of the file sees. */
export async function workbookCells(data: Buffer): Promise<Record<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheets: Record<string, string[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)))));
    sheets[sheet.name] = rows;
  });
  return sheets;
}

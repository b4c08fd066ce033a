import { describe, expect, it } from 'vitest';
import { fileNameOfDisposition } from './content-disposition';

describe('fileNameOfDisposition', () => {
  it('reads filename* (RFC 5987), else the quoted or bare filename', () => {
    expect(fileNameOfDisposition(`attachment; filename*=UTF-8''%E6%97%A5%E8%B0%83%E5%BA%A6.xlsx`)).toBe('日调度.xlsx');
    expect(fileNameOfDisposition('attachment; filename="a \\"b\\".xlsx"')).toBe('a "b".xlsx');
    expect(fileNameOfDisposition('attachment; filename=report.xlsx')).toBe('report.xlsx');
    expect(fileNameOfDisposition(`attachment; filename="fallback.xlsx"; filename*=UTF-8''%E0%A4%A`)).toBe('fallback.xlsx');
    expect(fileNameOfDisposition('attachment')).toBeUndefined();
    expect(fileNameOfDisposition(null)).toBeUndefined();
  });
});

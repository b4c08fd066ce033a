import { describe, expect, it } from 'vitest';
import { ExportFileError, formatExport, itemLine, parseExport, type Item } from './county-export-format';

const meta = { county: '370211', table: 'beatlink', exportedAt: '2026-11-29T00:00:00.000Z' };

/** Every DynamoDB type, with what native JSON would lose: a 38-digit number, binary, sets. */
const rich: Item = {
  pk: { S: 'T#370211#OFFICER' },
  sk: { S: 'ofr_01' },
  name: { S: '王伟 "引号" \n 换行' },
  big: { N: '12345678901234567890123456789012345678' },
  small: { N: '-0.000000000000000000000000000000000001' },
  secret: { B: new Uint8Array([0, 1, 2, 254, 255]) },
  tags: { SS: ['b', 'a'] },
  scores: { NS: ['3', '1.5'] },
  blobs: { BS: [new Uint8Array([9]), new Uint8Array([1, 2])] },
  active: { BOOL: false },
  gone: { NULL: true },
  nested: { M: { z: { L: [{ S: 'x' }, { N: '1' }, { M: {} }] }, a: { L: [] } } },
};
const items: Item[] = [
  { pk: { S: 'T#370211#STATION' }, sk: { S: 'stn_02' } },
  rich,
  { pk: { S: 'PLATFORM#TENANT' }, sk: { S: '370211' }, name: { S: '李沧' } },
  { pk: { S: 'PLATFORM#USERNAME' }, sk: { S: 'admin.370211' }, tenantId: { S: '370211' } },
  { pk: { S: 'T#370211#STATION' }, sk: { S: 'stn_01' } },
];

const exported = () => formatExport(items, meta).text;
const lines = (text: string) => text.split('\n');
const refusal = (text: string): ExportFileError => {
  try {
    parseExport(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ExportFileError);
    return error as ExportFileError;
  }
  throw new Error('the file was accepted');
};

describe('the county export file', () => {
  it('has a header with the count and checksum, then the items sorted by pk and sk', () => {
    const [header, ...rest] = lines(exported());
    expect(JSON.parse(header!)).toMatchObject({ format: 'beatlink-county-export', version: 1, county: '370211', items: 5, table: 'beatlink' });
    expect(rest.at(-1)).toBe('');
    const keys = rest.slice(0, -1).map((line) => `${JSON.parse(line).pk.S} ${JSON.parse(line).sk.S}`);
    expect(keys).toEqual(['PLATFORM#TENANT 370211', 'PLATFORM#USERNAME admin.370211', 'T#370211#OFFICER ofr_01', 'T#370211#STATION stn_01', 'T#370211#STATION stn_02']);
  });

  it('round-trips every type exactly: numbers to the digit, binary, sets, nested lists and maps', () => {
    const { items: back } = parseExport(exported());
    const again = back.find((i) => i.sk!.S === 'ofr_01')!;
    expect(again.big).toEqual({ N: '12345678901234567890123456789012345678' });
    expect(again.small).toEqual({ N: '-0.000000000000000000000000000000000001' });
    expect([...again.secret!.B!]).toEqual([0, 1, 2, 254, 255]);
    expect(itemLine(again)).toBe(itemLine(rich));
    expect(formatExport(back, meta).text).toBe(exported());
  });

  it('gives the same line for the same item whatever the order of its attributes', () => {
    const shuffled: Item = Object.fromEntries(Object.entries(rich).reverse());
    expect(itemLine(shuffled)).toBe(itemLine(rich));
  });

  it('refuses a file changed by one byte, naming the checksum', () => {
    const text = exported().replace('李沧', '李仓');
    expect(refusal(text).message).toMatch(/^line 1: the item lines \(2–6\) do not match the header's sha256/);
  });

  it('refuses a truncated file: a missing last line, or a last line cut short', () => {
    const whole = lines(exported());
    expect(refusal(whole.slice(0, -2).join('\n') + '\n').message).toMatch(/^line 5: the file ends after 4 of the 5 items/);
    const cut = exported().slice(0, -20);
    expect(refusal(cut).message).toMatch(/^line 6: the line is incomplete .* truncated/);
  });

  it('refuses, naming the line: broken JSON, a bad value, an item of another county, lines out of order, an extra line', () => {
    const whole = lines(exported());
    const edit = (index: number, line: string) => whole.map((l, i) => (i === index ? line : l)).join('\n');
    expect(refusal(edit(3, '{"pk":')).message).toMatch(/^line 4: not valid JSON/);
    expect(refusal(edit(3, '{"pk":{"S":"T#370211#STATION"},"sk":{"S":"stn_01"},"n":{"N":"12abc"}}')).message).toMatch(/^line 4: not a DynamoDB JSON item: n: not a number/);
    expect(refusal(edit(3, '{"pk":{"S":"T#370283#STATION"},"sk":{"S":"stn_01"}}')).message).toMatch(/^line 4: pk T#370283#STATION .* not an item of county 370211/);
    expect(refusal(edit(4, whole[3]!)).message).toMatch(/^line 5: .* out of order or repeated/);
    expect(refusal(`${whole.slice(0, -1).join('\n')}\n${whole[5]}\n`).message).toMatch(/^line 7: an extra line/);
    expect(refusal(edit(0, '{"format":"something-else"}')).message).toMatch(/^line 1: not a county export/);
    expect(refusal('').message).toMatch(/^line 1: the file is empty/);
  });
});

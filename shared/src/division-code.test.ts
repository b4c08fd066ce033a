import { describe, expect, it } from 'vitest';
import { countyCodeSchema, isCountyCode, isProvinceCode, isVillageCode, provinceOf } from './division-code';

describe('GB/T 2260 division codes', () => {
  it('accepts county-level codes and refuses prefectures, provinces and unknown provinces', () => {
    expect(isCountyCode('370283')).toBe(true);
    expect(isCountyCode('370211')).toBe(true);
    expect(isCountyCode('370200')).toBe(false);
    expect(isCountyCode('370000')).toBe(false);
    expect(isCountyCode('990283')).toBe(false);
    expect(isCountyCode('37028')).toBe(false);
    expect(isCountyCode('3702830')).toBe(false);
  });
  it('derives the province of a county', () => {
    expect(provinceOf('370283')).toBe('370000');
    expect(isProvinceCode('370000')).toBe(true);
    expect(isProvinceCode('370200')).toBe(false);
  });
  it('checks 12-digit village codes against their county', () => {
    expect(isVillageCode('370283101001')).toBe(true);
    expect(isVillageCode('370200101001')).toBe(false);
    expect(isVillageCode('37028310100')).toBe(false);
  });
  it('explains a bad code in Chinese', () => {
    const result = countyCodeSchema.safeParse('993456');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/行政区划代码/);
  });
});

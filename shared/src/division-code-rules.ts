/**
 * GB/T 2260 administrative division codes. A tenant is a county-level bureau, so its id is a
 * six-digit code whose last two digits are not `00` (that would be a prefecture or province).
 * Zod-free (the schemas are in division-code.ts), so the portal's pages check codes too.
 */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export function isCountyCode(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCE_PREFIXES.has(code.slice(0, 2)) && !code.endsWith('00');
}

export function isProvinceCode(code: string): boolean {
  return /^\d{2}0000$/.test(code) && PROVINCE_PREFIXES.has(code.slice(0, 2));
}

export function provinceOf(countyCode: string): string {
  return `${countyCode.slice(0, 2)}0000`;
}

/** 12-digit statistical division code of a village or community (统计用区划代码). */
export function isVillageCode(code: string): boolean {
  return /^\d{12}$/.test(code) && isCountyCode(code.slice(0, 6));
}

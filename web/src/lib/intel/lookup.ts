/**
 * The exact lookup box (POST /intel/lookup): one ID number or one phone, told apart by its shape.
 * The API checks the number properly (check digit, region); this only says which key to send.
 */
export type LookupBody = { idNumber: string } | { phone: string };

export const LOOKUP_HINT = '请输入 18 位身份证号码或电话号码';

export function lookupBody(input: string): { body: LookupBody } | { error: string } {
  const value = input.normalize('NFKC').replace(/\s+/g, '');
  if (!value) return { error: LOOKUP_HINT };
  if (/^\d{17}[\dXx]$/.test(value)) return { body: { idNumber: value.toUpperCase() } };
  if (/^\d{15,17}[Xx]?$|^\d{19,}$/.test(value)) return { error: '身份证号码须为 17 位数字加 1 位数字或 X' };
  const phone = value.replace(/^(\+|00)86/, '').replace(/[-()]/g, '');
  if (/^1[3-9]\d{9}$/.test(phone)) return { body: { phone } };
  // A landline, with or without its hyphen (the API keys phones on their digits).
  if (/^0\d{9,11}$/.test(phone)) return { body: { phone } };
  return { error: LOOKUP_HINT };
}

/**
 * Personal data as the API shows it: phones masked (`138****1111`, `0532-****5678`). The clear
 * value is only ever returned by a recorded reveal. Zod-free so the portal can use it too.
 */

/** Always four stars, so the mask does not tell the length of the hidden part. */
const HIDDEN = '****';

const MOBILE = /^1\d{10}$/;
/** `0532-88885678`, `010 12345678`: the area code as the caller wrote it. */
const LANDLINE_SEPARATED = /^(0\d{2,3})[-\s](\d{7,8})$/;
/** `053288885678`: 010 and 02x are the three-digit area codes, the others have four. */
const LANDLINE_JOINED = /^(0[12]\d|0[3-9]\d{2})(\d{7,8})$/;

/** `+86 138 0000 1111` → `13800001111`; landline separators are kept (they fix the area code). */
function normalise(phone: string): string {
  const trimmed = phone.trim().replace(/^(\+|00)86[-\s]?/, '');
  const digits = trimmed.replace(/[\s-]/g, '');
  return MOBILE.test(digits) ? digits : trimmed.replace(/\s+/g, ' ');
}

/**
 * Mobile: first three and last four digits (`138****1111`). Landline: area code and last four
 * (`0532-****5678`). Anything else keeps at most its last four characters (`****5678`).
 */
export function maskPhone(phone: string): string {
  const value = normalise(phone);
  if (MOBILE.test(value)) return `${value.slice(0, 3)}${HIDDEN}${value.slice(-4)}`;
  const landline = LANDLINE_SEPARATED.exec(value) ?? LANDLINE_JOINED.exec(value.replace(/[\s-]/g, ''));
  if (landline) return `${landline[1]}-${HIDDEN}${landline[2]!.slice(-4)}`;
  const rest = value.replace(/[\s-]/g, '');
  return rest.length > 4 ? `${HIDDEN}${rest.slice(-4)}` : HIDDEN;
}

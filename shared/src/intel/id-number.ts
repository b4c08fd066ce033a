import { isProvinceCode } from '../division-code-rules';

/**
 * Resident identity card numbers (公民身份号码), GB 11643-1999: 18 characters —
 *
 *   370283 19900101 123 5
 *   region birth    seq check
 *
 * - region (地址码): the GB/T 2260 code of the county where the number was issued. Only its shape
 *   is checked (six digits, a province prefix that exists, or 83 for Taiwan residents' residence
 *   permits): codes are renamed and abolished over time, yet old numbers keep them for life.
 * - birth date (出生日期码) YYYYMMDD: a real date, from 1900 on, not in the future.
 * - sequence (顺序码): three digits, odd for men and even for women; ★ `000` is rejected (numbers
 *   are handed out from 001).
 * - check digit (校验码): Σ digit × weight (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) mod 11, mapped
 *   through `10X98765432`; `X` stands for 10 and is normalised to upper case.
 *
 * The number is personal data (PIPL): it is encrypted at rest and shown masked (`maskIdNumber`)
 * everywhere but a recorded reveal. Validation needs nothing but the number, so the portal can
 * check it before sending.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;
const DAY = 86_400_000;
/** Births before this are not plausible for a living resident. */
const EARLIEST_BIRTH_YEAR = 1900;

/** Full-width digits and spaces as phones and IMEs type them, lower-case `x`: `１１０… x` → `110…X`. */
export function normaliseIdNumber(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The check character of the first 17 digits. */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('the first 17 characters of an ID number must be digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Region codes an ID number may carry: a province prefix that exists, or 83 (Taiwan residents). */
export function isIdRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && (isProvinceCode(`${code.slice(0, 2)}0000`) || code.startsWith('83'));
}

function realDate(yyyymmdd: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/**
 * The latest calendar date anywhere on Earth (UTC+14): a child born today in Asia/Shanghai, or
 * anywhere, is never "in the future".
 */
function latestToday(now = Date.now()): string {
  return new Date(now + 14 * 3_600_000).toISOString().slice(0, 10);
}

export const ID_NUMBER_PROBLEMS = ['format', 'region', 'birth_date', 'sequence', 'check_digit'] as const;
export type IdNumberProblem = (typeof ID_NUMBER_PROBLEMS)[number];

export interface IdNumberCheckOptions {
  /** The date births may not be after (YYYY-MM-DD); default: today's latest date on Earth. */
  today?: string;
}

/** The first thing wrong with the (normalised) number, or undefined when it is valid. */
export function idNumberProblem(value: string, options: IdNumberCheckOptions = {}): IdNumberProblem | undefined {
  const id = normaliseIdNumber(value);
  if (!SHAPE.test(id)) return 'format';
  if (!isIdRegionCode(id.slice(0, 6))) return 'region';
  const birth = realDate(id.slice(6, 14));
  if (!birth || Number(birth.slice(0, 4)) < EARLIEST_BIRTH_YEAR || birth > (options.today ?? latestToday())) return 'birth_date';
  if (id.slice(14, 17) === '000') return 'sequence';
  if (idCheckDigit(id.slice(0, 17)) !== id[17]) return 'check_digit';
  return undefined;
}

export function isValidIdNumber(value: string, options: IdNumberCheckOptions = {}): boolean {
  return idNumberProblem(value, options) === undefined;
}

/**
 * `370283199001011235` → `370283********1235`: region and last four stay (the office recognises
 * the county, the officer the person). Anything that is not 18 characters keeps at most its last
 * four, so a mistyped number shows no more than a valid one.
 */
export function maskIdNumber(value: string): string {
  const id = normaliseIdNumber(value);
  if (id.length === 18) return `${id.slice(0, 6)}********${id.slice(-4)}`;
  return id.length > 4 ? `****${id.slice(-4)}` : '****';
}

/** Birth date (YYYY-MM-DD) of a valid number; undefined otherwise. */
export function birthDateOf(value: string, options: IdNumberCheckOptions = {}): string | undefined {
  const id = normaliseIdNumber(value);
  return isValidIdNumber(id, options) ? realDate(id.slice(6, 14)) : undefined;
}

/** Sex from the 17th digit (odd = male); undefined for an invalid number. */
export function sexOf(value: string, options: IdNumberCheckOptions = {}): 'male' | 'female' | undefined {
  const id = normaliseIdNumber(value);
  if (!isValidIdNumber(id, options)) return undefined;
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** Age in whole years on `date` (YYYY-MM-DD); undefined for an invalid number or a date before birth. */
export function ageOn(value: string, date: string): number | undefined {
  const birth = birthDateOf(value, { today: date });
  if (!birth) return undefined;
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export interface SyntheticIdOptions {
  /** Six-digit region code (see the note on real people below). */
  regionCode: string;
  /** Birth years, both included. */
  birthYearRange: readonly [number, number];
  /** Fix the sex (the sequence's parity); random otherwise. */
  sex?: 'male' | 'female';
}

/**
 * A valid-looking ID number for demo and test data, deterministic in `random` (a seeded PRNG in
 * [0, 1)): the birth date is uniform over the years given, the sequence uniform over 001–999 (of
 * the right parity when `sex` is set), and the check digit is computed, so it passes validation.
 *
 * Synthetic: the region code is whatever the caller passes and the sequence is random, so the
 * number belongs to no one on purpose — but a real county code with a plausible birth date may
 * collide with a real person's number. Demo data should therefore use a region code that no
 * county has, e.g. the province prefix followed by a prefecture `99` (`379901`): it has the
 * shape of a real code and passes `isIdRegionCode`, and no resident holds it.
 */
export function syntheticIdNumber(random: () => number, options: SyntheticIdOptions): string {
  const { regionCode, birthYearRange, sex } = options;
  if (!isIdRegionCode(regionCode)) throw new RangeError(`not an ID region code: ${regionCode}`);
  const [from, to] = birthYearRange;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < EARLIEST_BIRTH_YEAR || to < from || to > 9999) {
    throw new RangeError(`birth years must be whole years from ${EARLIEST_BIRTH_YEAR}, in order: ${from}–${to}`);
  }
  const first = Date.UTC(from, 0, 1);
  const days = Math.round((Date.UTC(to + 1, 0, 1) - first) / DAY);
  const pick = (n: number) => Math.min(n - 1, Math.floor(random() * n));
  const birth = new Date(first + pick(days) * DAY).toISOString().slice(0, 10).replaceAll('-', '');
  // Odd sequences 001–999 (500 of them) are men's, even ones 002–998 (499) women's.
  const sequence = sex === 'male' ? 2 * pick(500) + 1 : sex === 'female' ? 2 * pick(499) + 2 : pick(999) + 1;
  const first17 = `${regionCode}${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

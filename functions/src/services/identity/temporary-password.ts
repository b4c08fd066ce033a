import { randomInt } from 'node:crypto';

// Look-alikes (0/O, 1/l/I) are left out: the password is read aloud or copied by hand once.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!@#$%^*-_+=?';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

const pick = (alphabet: string): string => alphabet.charAt(randomInt(alphabet.length));

/**
 * A strong one-time password (Cognito's default policy and more): `length` ≥ 12 characters with at
 * least one upper-case letter, lower-case letter, digit and symbol, from a CSPRNG.
 */
export function temporaryPassword(length = 16): string {
  if (length < 12) throw new Error('temporary passwords have at least 12 characters');
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < length) chars.push(pick(ALL));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

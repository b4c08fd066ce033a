import * as z from 'zod';

/**
 * Record ids: a short type prefix and a ULID (time-ordered, so lists sort by creation). Ids are
 * unique across tenants, which is what makes "another county's id → 404" a real test.
 */
export const ID_PREFIXES = {
  station: 'stn',
  office: 'ofc',
  workstation: 'wks',
  village: 'vil',
  department: 'dep',
  officer: 'ofr',
  agency: 'agy',
  agencyStaff: 'ags',
  matter: 'mat',
  matterEvent: 'mev',
  attachment: 'att',
  reveal: 'rvl',
  visit: 'vst',
  household: 'hhd',
  callback: 'cbk',
  absence: 'abs',
  intel: 'itl',
  intelEvent: 'iev',
  sensitivePeriod: 'spd',
  appeal: 'apl',
  apiKey: 'key',
  webhook: 'whk',
  webhookDelivery: 'whd',
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function ulid(now: number = Date.now(), random: () => number = Math.random): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD[Math.floor(random() * 32)];
  return time + rand;
}

/** The 10-character time part of a ULID for `ms`: ids of one kind sort and range by creation time. */
export function ulidTime(ms: number): string {
  return ulid(ms, () => 0).slice(0, 10);
}

/** Bounds of the ids of `kind` created within [fromMs, toMs], for a key-range Query. */
export function idRange(kind: IdKind, fromMs: number, toMs: number): [string, string] {
  return [`${ID_PREFIXES[kind]}_${ulidTime(fromMs)}`, `${ID_PREFIXES[kind]}_${ulidTime(toMs)}ZZZZZZZZZZZZZZZZ`];
}

export function newId(kind: IdKind, now?: number): string {
  return `${ID_PREFIXES[kind]}_${ulid(now, () => crypto.getRandomValues(new Uint8Array(1))[0]! / 256)}`;
}

export function idSchema(kind: IdKind) {
  return z
    .string()
    .regex(new RegExp(`^${ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`), { message: `须为有效的${kind}编号 / must be a ${kind} id` });
}

/**
 * The vocabulary of field duty (警力下沉) and its labels. Zod-free on purpose: the portal imports
 * these constants without pulling in schemas.
 */
type Label = { zh: string; en: string };

/** The two roles with village duty rules (DOMAIN.md, "Field duty"). */
export const DUTY_ROLES = ['community_officer', 'contact_officer'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];

/**
 * The compliance of one officer-week (see compliance.ts for the rules):
 * `met` 达标, `short` 不足 (some presence, not enough, not excused), `excused` 已报备 (an approved
 * absence covers what is missing), `violation` 违规 (no presence and no approved absence, or a
 * make-up that expired).
 */
export const COMPLIANCE_STATUSES = ['met', 'short', 'excused', 'violation'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];
export const COMPLIANCE_STATUS_LABELS: Record<ComplianceStatus, Label> = {
  met: { zh: '达标', en: 'Met' },
  short: { zh: '不足', en: 'Short' },
  excused: { zh: '已报备', en: 'Excused' },
  violation: { zh: '违规', en: 'Violation' },
};

/** What a make-up obligation (补课) is counted in: contact officers owe hours, community officers days. */
export const MAKE_UP_UNITS = ['hours', 'days'] as const;
export type MakeUpUnit = (typeof MAKE_UP_UNITS)[number];
export const MAKE_UP_UNIT_LABELS: Record<MakeUpUnit, Label> = {
  hours: { zh: '小时', en: 'hours' },
  days: { zh: '天', en: 'days' },
};

/** State of a make-up obligation ("挤出时间补上"). */
export const MAKE_UP_STATUSES = ['open', 'fulfilled', 'expired'] as const;
export type MakeUpStatus = (typeof MAKE_UP_STATUSES)[number];
export const MAKE_UP_STATUS_LABELS: Record<MakeUpStatus, Label> = {
  open: { zh: '待补课', en: 'Open' },
  fulfilled: { zh: '已补齐', en: 'Made up' },
  expired: { zh: '逾期未补', en: 'Expired' },
};

/**
 * Why a check-in was flagged, or why it could not be checked (see geo.ts):
 * - `too_far`: even at the edge of the reported accuracy circle the officer was farther from the
 *   village than the tenant allows;
 * - `inaccurate`: the position was too imprecise to tell (accuracy worse than the caller's limit);
 * - `no_village_position`: the village has no position on record, so nothing is checked (not
 *   flagged: the missing data is the office's, not the officer's);
 * - `no_position`: the phone gave no position (denied or unavailable): flagged for review.
 */
export const CHECK_IN_FLAG_REASONS = ['too_far', 'inaccurate', 'no_village_position', 'no_position'] as const;
export type CheckInFlagReason = (typeof CHECK_IN_FLAG_REASONS)[number];
export const CHECK_IN_FLAG_REASON_LABELS: Record<CheckInFlagReason, Label> = {
  too_far: { zh: '签到位置距村过远', en: 'Checked in too far from the village' },
  inaccurate: { zh: '定位精度不足', en: 'Position too imprecise' },
  no_village_position: { zh: '村（社区）未标注位置，未核验', en: 'Village has no position: not checked' },
  no_position: { zh: '签到时未获取定位', en: 'No position given at check-in' },
};

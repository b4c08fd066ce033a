import type { AbsenceStatus } from '@beatlink/shared/duty/absence-rules';
import { ABSENCE_STATUS_LABELS } from '@beatlink/shared/duty/absence-rules';
import {
  CHECK_IN_FLAG_REASON_LABELS,
  COMPLIANCE_STATUS_LABELS,
  MAKE_UP_STATUS_LABELS,
  MAKE_UP_UNIT_LABELS,
  type CheckInFlagReason,
  type ComplianceStatus,
  type DutyRole,
  type MakeUpStatus,
  type MakeUpUnit,
} from '@beatlink/shared/duty/labels';
import { ROLE_LABELS } from '@beatlink/shared/roles';

/** Labels and colours of the duty pages, from the zod-free shared vocabularies. */
export { ABSENCE_STATUSES, ABSENCE_STATUS_LABELS } from '@beatlink/shared/duty/absence-rules';

export const ABSENCE_STATUS_COLORS: Record<AbsenceStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };
export const COMPLIANCE_STATUS_COLORS: Record<ComplianceStatus, string> = { met: 'green', short: 'orange', excused: 'blue', violation: 'red' };
export const MAKE_UP_STATUS_COLORS: Record<MakeUpStatus, string> = { open: 'gold', fulfilled: 'green', expired: 'red' };

export const complianceLabel = (status: ComplianceStatus) => COMPLIANCE_STATUS_LABELS[status]?.zh ?? status;
export const makeUpStatusLabel = (status: MakeUpStatus) => MAKE_UP_STATUS_LABELS[status]?.zh ?? status;
export const absenceStatusLabel = (status: AbsenceStatus) => ABSENCE_STATUS_LABELS[status]?.zh ?? status;
export const unitLabel = (unit: MakeUpUnit) => MAKE_UP_UNIT_LABELS[unit]?.zh ?? unit;
/** 社区民警 / 包村民警. */
export const dutyRoleLabel = (role: DutyRole) => ROLE_LABELS[role]?.zh ?? role;
export const flagReasonLabel = (reason: CheckInFlagReason | undefined) => (reason ? (CHECK_IN_FLAG_REASON_LABELS[reason]?.zh ?? reason) : '签到位置异常');

/** `3` → `3`, `2.5` → `2.5`, `2.333` → `2.33`. */
export function amountText(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  return String(Math.round(n * 100) / 100);
}

/** `3 小时` / `1 天`. */
export function amountWithUnit(n: number | undefined, unit: MakeUpUnit): string {
  return `${amountText(n)} ${unitLabel(unit)}`;
}

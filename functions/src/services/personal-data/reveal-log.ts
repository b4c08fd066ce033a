import { newId } from '@beatlink/shared';
import { putRevealOp, queryRevealsOf, type RevealRecord, type RevealRecordKind } from '../../data/reveals';
import type { TxOp } from '../../data/repository';
import { isoNow, systemClock, type Clock } from '../../lib/clock';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import { auditActor, auditAppendOps, type AuditAppender } from '../audit/audit-log';

export type { RevealRecord, RevealRecordKind };

export interface RevealInput {
  recordKind: RevealRecordKind;
  recordId: string;
  /** Which field is shown in clear: `reporter.phone`, `parties.0.phone`, … */
  field: string;
  reason: string;
}

/**
 * The records of one reveal of a personal field, as transaction ops: the reveal log entry (who,
 * which field of which record, when, why) and its entry in the county's audit chain. The caller
 * commits them (with whatever else the reveal changes) before returning the clear value, so no
 * value is shown without both. Commit with `runAuditedTransaction` (services/audit): a concurrent
 * append elsewhere in the county makes the transaction fail with a retryable 409, and building the
 * ops again reads the new head.
 *
 * The audit entry names the field and the reveal record, not the reason: the reason is free text
 * and may name people, so it stays in the reveal log only.
 */
export async function recordRevealOps(ctxIn: TenantContext, input: RevealInput, clock: Clock = systemClock, appendAudit: AuditAppender = auditAppendOps): Promise<TxOp[]> {
  const ctx = requireTenant(ctxIn);
  const record: RevealRecord = {
    tenantId: ctx.tenantId,
    id: newId('reveal'),
    ...input,
    by: ctx.username,
    byName: ctx.name,
    byRoles: [...ctx.roles],
    at: isoNow(clock),
  };
  const audit = await appendAudit(
    ctx.tenantId,
    [{ actor: auditActor(ctx), action: 'reveal', record: { kind: input.recordKind, id: input.recordId }, summary: { field: input.field, revealId: record.id }, at: record.at }],
    clock,
  );
  return [putRevealOp(record), ...audit];
}

/** Who revealed what of one record, and why, oldest first. */
export function listRevealsOf(tenantId: string, recordKind: RevealRecordKind, recordId: string): Promise<RevealRecord[]> {
  return queryRevealsOf(tenantId, recordKind, recordId);
}

import { newId } from '@beatlink/shared';
import { putRevealOp, queryRevealsOf, type RevealRecord, type RevealRecordKind } from '../../data/reveals';
import type { TxOp } from '../../data/repository';
import { isoNow, systemClock, type Clock } from '../../lib/clock';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';

export type { RevealRecord, RevealRecordKind };

export interface RevealInput {
  recordKind: RevealRecordKind;
  recordId: string;
  /** Which field is shown in clear: `reporter.phone`, `parties.0.phone`, … */
  field: string;
  reason: string;
}

/**
 * The record of one reveal of a personal field, as a transaction op: the caller commits it
 * (with whatever else the reveal changes) before returning the clear value, so no value is shown
 * without its record.
 */
export function revealRecordOp(ctxIn: TenantContext, input: RevealInput, clock: Clock = systemClock): TxOp {
  const ctx = requireTenant(ctxIn);
  return putRevealOp({
    tenantId: ctx.tenantId,
    id: newId('reveal'),
    ...input,
    by: ctx.username,
    byName: ctx.name,
    byRoles: [...ctx.roles],
    at: isoNow(clock),
  });
}

/** Who revealed what of one record, and why, oldest first. */
export function listRevealsOf(tenantId: string, recordKind: RevealRecordKind, recordId: string): Promise<RevealRecord[]> {
  return queryRevealsOf(tenantId, recordKind, recordId);
}

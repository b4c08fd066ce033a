import type { IntelRevealInput, IntelRevealed } from '@beatlink/shared';
import { notFound } from '../../lib/app-error';
import type { TenantContext } from '../../lib/tenant-context';
import { runAuditedTransaction } from '../audit/audit-log';
import { defaultDeps, type ServiceDeps } from '../deps';
import { decryptField } from '../personal-data/field-cipher';
import { recordRevealOps } from '../personal-data/reveal-log';
import { INTEL_AUDIT_KIND, loadVisibleIntel, secretPurpose } from './records';

/** A reveal is a read for the user: a few retries when a colleague's change took the audit head first. */
const REVEAL_ATTEMPTS = 4;

/**
 * An ID number or phone of a record in clear, for a caller whose role may reveal it (intel.reveal;
 * never auxiliaries) and whose reach holds the record. The reveal (who, which field, why) and its
 * audit entry commit before the value leaves: no record, no value.
 */
export async function revealIntelField(ctxIn: TenantContext, id: string, input: IntelRevealInput, deps: ServiceDeps = defaultDeps()): Promise<IntelRevealed> {
  const { ctx, record } = await loadVisibleIntel(ctxIn, id);
  const sealed = record.secrets[input.field];
  if (!sealed) throw notFound('field', '该记录没有此项信息 / the record holds no such field');
  const value = await decryptField(ctx.tenantId, sealed.cipher, secretPurpose(input.field));
  await runAuditedTransaction(
    () => recordRevealOps(ctx, { recordKind: INTEL_AUDIT_KIND, recordId: record.id, field: `${record.type}.${input.field}`, reason: input.reason }, deps.clock),
    { attempts: REVEAL_ATTEMPTS },
  );
  return { field: input.field, value };
}

import type { RevealInput, RevealedPhone } from '@beatlink/shared';
import { getDisputeRecord } from '../../data/matters';
import { notFound } from '../../lib/app-error';
import type { TenantContext } from '../../lib/tenant-context';
import { runAuditedTransaction } from '../audit/audit-log';
import { defaultDeps, type ServiceDeps } from '../deps';
import { recordRevealOps } from '../personal-data/reveal-log';
import { loadVisibleStoredMatter } from './matter-access';
import { openPhone, PHONE_PURPOSES, type SealedPhone } from './phones';

const noPhone = () => notFound('field', '该处没有登记电话 / no phone recorded there');

/**
 * A reporter's or party's phone in clear, for a caller whose role may reveal it. The reveal is
 * recorded (who, when, why) and appended to the county's audit chain, in one transaction, before
 * the number leaves: no record, no number. A reveal is a read from the user's view, so losing the
 * race for the audit head to a concurrent append is retried once here before it becomes a 409.
 */
export async function revealMatterPhone(ctxIn: TenantContext, matterId: string, input: RevealInput, deps: ServiceDeps = defaultDeps()): Promise<RevealedPhone> {
  const { ctx, matter } = await loadVisibleStoredMatter(ctxIn, matterId);
  let sealed: Partial<SealedPhone> | undefined;
  let purpose: (typeof PHONE_PURPOSES)[keyof typeof PHONE_PURPOSES];
  if (input.field === 'reporter') {
    sealed = matter.reporter;
    purpose = PHONE_PURPOSES.reporter;
  } else {
    const index = Number(input.field.split('.')[1]);
    const dispute = matter.kind === 'dispute' ? await getDisputeRecord(ctx.tenantId, matter.id) : undefined;
    sealed = dispute?.parties[index];
    purpose = PHONE_PURPOSES.party;
  }
  if (!sealed?.phoneCipher) throw noPhone();
  const phone = await openPhone(ctx.tenantId, { phoneCipher: sealed.phoneCipher }, purpose);
  await runAuditedTransaction(() => recordRevealOps(ctx, { recordKind: 'matter', recordId: matter.id, field: input.field, reason: input.reason }, deps.clock), { attempts: 2 });
  return { phone, field: input.field };
}

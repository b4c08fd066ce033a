import type { OutboxMessage, Page } from '@beatlink/shared';
import { listOutboxMessages } from '../../data/deliveries';
import { AppError } from '../../lib/app-error';
import { readEnv } from '../../lib/env';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';

/**
 * The developer outbox: what the local channels would have e-mailed and texted, newest first.
 * Where SES and SNS deliver for real there is no outbox, and the route does not exist (404).
 */
export async function listOutbox(ctxIn: TenantContext, query: { limit: number; cursor?: string }, stage = readEnv().stage): Promise<Page<OutboxMessage>> {
  const ctx = requireTenant(ctxIn);
  if (stage === 'aws') throw new AppError('NOT_FOUND', '发件箱仅在本地环境提供 / the outbox exists only in the local stack');
  return listOutboxMessages(ctx.tenantId, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
}

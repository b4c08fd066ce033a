import type { ConfigUpdateInput, listQuerySchema, TenantCreateInput } from '@beatlink/shared';
import type { z } from 'zod';
import { dynamoIdempotencyStore } from '../../data/idempotency-store';
import { contextRouter, handle } from '../../lib/http-route';
import { getConfig, updateConfig } from '../../services/platform/tenant-config';
import { getTenant, listTenants, onboardTenant } from '../../services/platform/tenants';

/** The admin context: the operator onboards counties; a county reads and edits its configuration. */
export const handler = contextRouter(
  'admin',
  {
    createTenant: handle<TenantCreateInput>(({ ctx, body }) => onboardTenant(ctx, body)),
    listTenants: handle<unknown, z.infer<typeof listQuerySchema>>(({ ctx, query }) => listTenants(ctx, query)),
    getTenant: handle<unknown, unknown, { tenantId: string }>(({ ctx, params }) => getTenant(ctx, params.tenantId)),
    getConfig: handle(({ ctx }) => getConfig(ctx)),
    updateConfig: handle<ConfigUpdateInput>(({ ctx, body }) => updateConfig(ctx, body)),
  },
  { idempotencyStore: dynamoIdempotencyStore() },
);

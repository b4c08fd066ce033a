import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Me, TenantRecord } from '@beatlink/shared';
import { setPermanentPassword } from '@beatlink/infra/local/cognito-local';
import { DEMO_PASSWORD } from '@beatlink/infra/local/seed-plan';
import { apiAs } from '../support/api';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * A stack on disk (DynamoDB Local `-dbPath`, cognito-local's files) keeps what was written across
 * a stop and a start — and the second start seeds nothing again.
 */
describe('restarting a stack with its data on disk', () => {
  const dataDir = mkdtempSync(resolve(tmpdir(), 'beatlink-restart-'));
  let stack: TestStack | undefined;

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds the data written before the restart', async () => {
    stack = await startTestStack({ dataDir, seed: 'small' });
    expect(Object.values(stack.seed.counties).map((c) => c.outcome)).toEqual(['created', 'created']);
    const platform = await apiAs(stack.config, stack.logins.platformAdmin);
    await platform.post('/platform/tenants', { tenantId: '370285', name: '莱西市公安局', admin: { username: 'admin.370285', name: '孙立新' } });
    await setPermanentPassword(stack.config, 'admin.370285', DEMO_PASSWORD);
    const stationsBefore = await (await apiAs(stack.config, stack.logins.tenantAdmins['370283']!)).get<{ items: unknown[] }>('/directory/stations');

    const { ports } = stack;
    await stack.stop();
    stack = await startTestStack({ dataDir, ports, seed: 'small' });

    expect(Object.values(stack.seed.counties).map((c) => c.outcome)).toEqual(['skipped', 'skipped']);
    const platformAgain = await apiAs(stack.config, stack.logins.platformAdmin);
    const tenant = await platformAgain.get<TenantRecord>('/platform/tenants/370285');
    expect(tenant).toMatchObject({ tenantId: '370285', name: '莱西市公安局' });
    const me = await (await apiAs(stack.config, { username: 'admin.370285', password: DEMO_PASSWORD })).get<Me>('/me');
    expect(me.tenantId).toBe('370285');
    const stationsAfter = await (await apiAs(stack.config, stack.logins.tenantAdmins['370283']!)).get<{ items: unknown[] }>('/directory/stations');
    expect(stationsAfter.items).toHaveLength(stationsBefore.items.length);
  });
});

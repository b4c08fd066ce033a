import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { runAsPlatform, runInTenant } from '../lib/tenant-scope';
import { RoutingDocumentClient } from './routing-document-client';
import { tenantClientPicker } from './tenant-clients';
import type { TenantCredentialVendor } from './tenant-credentials';

/** A stand-in for an SDK client: says whose it is and what it was sent. */
function fakeClient(owner: string) {
  const sent: unknown[] = [];
  return {
    owner,
    sent,
    send: async (command: unknown, options?: unknown) => {
      sent.push({ command, options });
      return { owner };
    },
  };
}
type Fake = ReturnType<typeof fakeClient>;

const vendor: TenantCredentialVendor = {
  credentials: () => Promise.reject(new Error('not used')),
  provider: () => () => Promise.reject(new Error('not used')),
};

function setup(withVendor = true) {
  const processClient = fakeClient('process');
  const created: string[] = [];
  const pick = tenantClientPicker<Fake>(processClient, withVendor ? vendor : undefined, (county, v) => {
    expect(v).toBe(vendor);
    created.push(county);
    return fakeClient(county);
  });
  return { processClient, created, pick };
}

describe('tenant client picker', () => {
  it('uses the process client outside a scope and for platform code', async () => {
    const { processClient, created, pick } = setup();
    expect(pick()).toBe(processClient);
    expect(await runAsPlatform(async () => pick())).toBe(processClient);
    expect(created).toEqual([]);
  });

  it("uses one client per county inside the county's scope, created once", async () => {
    const { processClient, created, pick } = setup();
    const [a1, b, a2] = await Promise.all([runInTenant('370283', async () => pick()), runInTenant('370211', async () => pick()), runInTenant('370283', async () => pick())]);
    expect(a1.owner).toBe('370283');
    expect(b.owner).toBe('370211');
    expect(a2).toBe(a1);
    expect(created).toEqual(['370283', '370211']);
    expect(pick()).toBe(processClient);
  });

  it('keeps the process client in every scope where no credentials are vended (locally, in tests)', async () => {
    const { processClient, created, pick } = setup(false);
    expect(await runInTenant('370283', async () => pick())).toBe(processClient);
    expect(created).toEqual([]);
  });
});

describe('routing document client', () => {
  it("sends each command, with its options, through the client of the caller's scope at that moment", async () => {
    const { processClient, pick } = setup();
    const routing = new RoutingDocumentClient(pick as unknown as () => DynamoDBDocumentClient).asDocumentClient();
    const send = routing.send as unknown as (command: unknown, options?: unknown) => Promise<{ owner: string }>;
    const answers = await Promise.all([
      runInTenant('370283', () => send('get-a', { abortSignal: 'a' })),
      runInTenant('370211', async () => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        return send('get-b');
      }),
      send('get-platform'),
    ]);
    expect(answers.map((a) => a.owner)).toEqual(['370283', '370211', 'process']);
    expect(processClient.sent).toEqual([{ command: 'get-platform', options: undefined }]);
    const a = await runInTenant('370283', async () => pick());
    expect(a.sent).toEqual([{ command: 'get-a', options: { abortSignal: 'a' } }]);
  });
});

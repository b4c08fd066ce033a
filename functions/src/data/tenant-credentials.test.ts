import type { AssumeRoleCommandInput, Credentials } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { createTenantCredentialVendor, REFRESH_MARGIN_MS, TENANT_SESSION_SECONDS, type AssumeRole } from './tenant-credentials';

const ROLE = 'arn:aws:iam::123456789012:role/TenantDataAccessRole';
const HOUR = 3600_000;

/** A fake STS: records every AssumeRole, answers sessions of one hour from the fake clock. */
function fakeSts(clock: { now: number }) {
  const calls: AssumeRoleCommandInput[] = [];
  let fail = 0;
  const assume: AssumeRole = async (input) => {
    calls.push(input);
    const n = calls.length;
    // Answers on a later turn, so calls made meanwhile see the request in flight.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (fail > 0) {
      fail--;
      throw Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
    }
    return { AccessKeyId: `ASIA${n}`, SecretAccessKey: `secret${n}`, SessionToken: `token${n}`, Expiration: new Date(clock.now + HOUR) } satisfies Credentials;
  };
  return {
    calls,
    assume,
    failNext: (count = 1) => {
      fail = count;
    },
  };
}

function setup() {
  const clock = { now: Date.parse('2025-03-04T06:00:00Z') };
  const sts = fakeSts(clock);
  const vendor = createTenantCredentialVendor({ roleArn: ROLE, assume: sts.assume, now: () => clock.now });
  return { clock, sts, vendor };
}

describe('tenant credential vending', () => {
  it('assumes the tenant role with the county as the only session tag', async () => {
    const { sts, vendor } = setup();
    const credentials = await vendor.credentials('370283');
    expect(credentials).toMatchObject({ accessKeyId: 'ASIA1', secretAccessKey: 'secret1', sessionToken: 'token1' });
    expect(sts.calls).toHaveLength(1);
    const [request] = sts.calls;
    expect(request).toMatchObject({ RoleArn: ROLE, DurationSeconds: TENANT_SESSION_SECONDS, Tags: [{ Key: 'TenantId', Value: '370283' }] });
    expect(request!.RoleSessionName).toMatch(/^beatlink-370283-[0-9a-f]{8}$/);
    // STS: 2–64 characters of [\w+=,.@-].
    expect(request!.RoleSessionName).toMatch(/^[\w+=,.@-]{2,64}$/);
  });

  it('refuses to vend for anything but a county code', async () => {
    const { sts, vendor } = setup();
    for (const bad of ['37028', '3702830', '370000', 'T#370283', '*', '??????']) {
      await expect(vendor.credentials(bad)).rejects.toThrow(/not a county code/);
    }
    expect(sts.calls).toHaveLength(0);
  });

  it('shares one AssumeRole between concurrent first calls of a county, one per county', async () => {
    const { sts, vendor } = setup();
    const results = await Promise.all([vendor.credentials('370283'), vendor.credentials('370283'), vendor.credentials('370211'), vendor.credentials('370283')]);
    expect(sts.calls.map((c) => c.Tags?.[0]?.Value)).toEqual(['370283', '370211']);
    expect(results[0]).toBe(results[1]);
    expect(results[0]).toBe(results[3]);
    expect(results[2]!.accessKeyId).not.toBe(results[0]!.accessKeyId);
  });

  it('reuses the cached session until five minutes before it expires, then renews it once', async () => {
    const { clock, sts, vendor } = setup();
    const first = await vendor.credentials('370283');
    clock.now += HOUR - REFRESH_MARGIN_MS - 1000;
    expect(await vendor.credentials('370283')).toBe(first);
    expect(sts.calls).toHaveLength(1);

    clock.now += 2000;
    const renewed = await Promise.all([vendor.credentials('370283'), vendor.credentials('370283')]);
    expect(sts.calls).toHaveLength(2);
    expect(renewed[0]).toBe(renewed[1]);
    expect(renewed[0]!.accessKeyId).toBe('ASIA2');
    expect(await vendor.credentials('370283')).toBe(renewed[0]);
  });

  it('does not cache a failure: the next call assumes the role again', async () => {
    const { sts, vendor } = setup();
    sts.failNext();
    const failed = await Promise.allSettled([vendor.credentials('370283'), vendor.credentials('370283')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(sts.calls).toHaveLength(1);
    expect(await vendor.credentials('370283')).toMatchObject({ accessKeyId: 'ASIA2' });
    expect(sts.calls).toHaveLength(2);
  });

  it('gives providers asking for longer validity a session that lasts, and an expiration the SDK refreshes in time', async () => {
    const { clock, sts, vendor } = setup();
    const dynamo = vendor.provider('370283');
    const signer = vendor.provider('370283', 20 * 60_000);
    const a = await dynamo();
    const b = await signer();
    expect(b.accessKeyId).toBe(a.accessKeyId);
    // The signer's session is reported 15 minutes early: the SDK (5-minute margin) asks again 20 minutes before the end.
    expect(a.expiration!.getTime() - b.expiration!.getTime()).toBe(15 * 60_000);

    clock.now += HOUR - 10 * 60_000;
    expect((await dynamo()).accessKeyId).toBe('ASIA1');
    expect((await signer()).accessKeyId).toBe('ASIA2');
    expect(sts.calls).toHaveLength(2);
  });
});

import type { AssumeRoleCommandInput } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { createTenantCredentialVendor } from './tenant-credentials';
import { leadingKeysAllow, TENANT_LEADING_KEYS_PATTERN, TENANT_OBJECT_KEYS_PATTERN } from './tenant-policy';

/** What the CDK grants TenantDataAccessRole: infra/lib/table-access.ts imports this very constant. */
const TENANT_LEADING_KEYS = TENANT_LEADING_KEYS_PATTERN;

/** The principal tags a session gets: the Tags of the AssumeRole request the vendor sent. */
async function sessionTagsFor(county: string): Promise<Record<string, string>> {
  const requests: AssumeRoleCommandInput[] = [];
  const vendor = createTenantCredentialVendor({
    roleArn: 'arn:aws:iam::123456789012:role/TenantDataAccessRole',
    assume: async (input) => {
      requests.push(input);
      return { AccessKeyId: 'ASIA1', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 3600_000) };
    },
  });
  await vendor.credentials(county);
  return Object.fromEntries((requests[0]?.Tags ?? []).map((tag) => [tag.Key!, tag.Value!]));
}

describe('tenant leading-keys policy', () => {
  it('is the documented pattern (DESIGN: Tenancy)', () => {
    expect(TENANT_LEADING_KEYS).toBe('T#${aws:PrincipalTag/TenantId}#*');
  });

  it("lets county A's session reach county A's partitions and index partitions", async () => {
    const tags = await sessionTagsFor('370283');
    expect(tags).toEqual({ TenantId: '370283' });
    for (const key of ['T#370283#MATTER', 'T#370283#MATTER_EVENT#mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V', 'T#370283#OFFICER#BY#station#stn_1', 'T#370283#IDEMPOTENCY', 'T#370283#']) {
      expect(leadingKeysAllow(TENANT_LEADING_KEYS, tags, key), key).toBe(true);
    }
  });

  it("refuses county A's session every key of county B, of prefix-sharing codes and of the platform", async () => {
    const tags = await sessionTagsFor('370283');
    const refused = [
      'T#370211#MATTER',
      'T#370211#MATTER_EVENT#mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
      'T#37028#MATTER',
      'T#3702831#MATTER',
      'T#370283X#MATTER',
      'T#370283',
      'T#370283MATTER',
      't#370283#MATTER',
      'X#T#370283#MATTER',
      'PLATFORM#TENANT',
      'PLATFORM#IDEMPOTENCY',
      'PLATFORM#USERNAME',
      'P#370000#ROLLUP#week',
      'P#370000#TENANT',
      '',
    ];
    for (const key of refused) expect(leadingKeysAllow(TENANT_LEADING_KEYS, tags, key), key).toBe(false);
  });

  it("refuses county B's session county A's keys, and a session without the tag everything", async () => {
    const b = await sessionTagsFor('370211');
    expect(leadingKeysAllow(TENANT_LEADING_KEYS, b, 'T#370283#MATTER')).toBe(false);
    expect(leadingKeysAllow(TENANT_LEADING_KEYS, b, 'T#370211#MATTER')).toBe(true);
    for (const key of ['T#370283#MATTER', 'T##MATTER', 'T#${aws:PrincipalTag/TenantId}#MATTER', 'PLATFORM#TENANT']) {
      expect(leadingKeysAllow(TENANT_LEADING_KEYS, {}, key), key).toBe(false);
      expect(leadingKeysAllow(TENANT_LEADING_KEYS, { OtherTag: '370283' }, key), key).toBe(false);
    }
  });

  it('matches a substituted tag value literally, never as a wildcard', () => {
    expect(leadingKeysAllow(TENANT_LEADING_KEYS, { TenantId: '******' }, 'T#370283#MATTER')).toBe(false);
    expect(leadingKeysAllow(TENANT_LEADING_KEYS, { TenantId: '??????' }, 'T#370283#MATTER')).toBe(false);
  });

  it('implements StringLike: * any sequence, ? one character, ${*} ${?} ${$} literal, case-sensitive', () => {
    expect(leadingKeysAllow('a*b', {}, 'ab')).toBe(true);
    expect(leadingKeysAllow('a*b', {}, 'axxb')).toBe(true);
    expect(leadingKeysAllow('a*b', {}, 'axxbc')).toBe(false);
    expect(leadingKeysAllow('a?b', {}, 'axb')).toBe(true);
    expect(leadingKeysAllow('a?b', {}, 'ab')).toBe(false);
    expect(leadingKeysAllow('a?b', {}, 'axxb')).toBe(false);
    expect(leadingKeysAllow('??????', {}, '370283')).toBe(true);
    expect(leadingKeysAllow('a${*}', {}, 'a*')).toBe(true);
    expect(leadingKeysAllow('a${*}', {}, 'ab')).toBe(false);
    expect(leadingKeysAllow('${$}{x}${?}', {}, '${x}?')).toBe(true);
    expect(leadingKeysAllow('ABC', {}, 'abc')).toBe(false);
    expect(leadingKeysAllow('*', {}, '')).toBe(true);
  });

  it('confines the object keys of a session to its county', async () => {
    const tags = await sessionTagsFor('370283');
    expect(leadingKeysAllow(TENANT_OBJECT_KEYS_PATTERN, tags, 'tenants/370283/attachments/att_1')).toBe(true);
    for (const key of ['tenants/370211/attachments/att_1', 'tenants/3702831/attachments/att_1', 'tenants/37028/attachments/att_1', 'tenants/370283']) {
      expect(leadingKeysAllow(TENANT_OBJECT_KEYS_PATTERN, tags, key), key).toBe(false);
    }
  });
});

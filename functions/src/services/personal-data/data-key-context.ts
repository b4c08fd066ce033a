/**
 * The KMS encryption context of a county's data key: KMS checks it on Decrypt, and the tenant
 * role's permission on the key is conditioned on it (infra/lib/personal-data-key-access.ts uses
 * these very names). This module imports nothing: the CDK app loads it too.
 */

/** The encryption context's `purpose` value: only data-key wrapping may use the key. */
export const DATA_KEY_PURPOSE = 'beatlink-data-key';
/** The encryption context's keys, exactly these two (the IAM condition allows no others). */
export const PURPOSE_CONTEXT_KEY = 'purpose';
export const TENANT_CONTEXT_KEY = 'tenantId';
export const DATA_KEY_CONTEXT_KEYS = [PURPOSE_CONTEXT_KEY, TENANT_CONTEXT_KEY] as const;

export function dataKeyEncryptionContext(tenantId: string): Record<string, string> {
  return { [PURPOSE_CONTEXT_KEY]: DATA_KEY_PURPOSE, [TENANT_CONTEXT_KEY]: tenantId };
}

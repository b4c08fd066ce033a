import { randomBytes } from 'node:crypto';
import { AssumeRoleCommand, STSClient, type AssumeRoleCommandInput, type Credentials } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { isCountyCode } from '@beatlink/shared';
import { readEnv } from '../lib/env';
import { TENANT_TAG_KEY } from './tenant-policy';

export { leadingKeysAllow, TENANT_LEADING_KEYS_PATTERN, TENANT_OBJECT_KEYS_PATTERN, TENANT_TAG_KEY } from './tenant-policy';

/**
 * Credential vending for tenant-scoped data access (AWS only): the function assumes
 * TenantDataAccessRole with the session tag TenantId=<county>, whose policy reaches only that
 * county's items and objects (tenant-policy.ts). Sessions are cached per county in the warm
 * container until shortly before they expire; concurrent first calls for a county share one
 * AssumeRole; a failed AssumeRole is not cached (the next call tries again).
 */

/** Session length asked for (the role's maximum session duration is one hour). */
export const TENANT_SESSION_SECONDS = 3600;
/** A cached session is replaced when less than this is left (the SDK's own refresh margin). */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/** The AssumeRole request of one county's session. */
export function tenantSessionRequest(roleArn: string, county: string, random: () => string = () => randomBytes(4).toString('hex')): AssumeRoleCommandInput {
  if (!isCountyCode(county)) throw new Error(`tenant credentials: not a county code: ${JSON.stringify(county)}`);
  return {
    RoleArn: roleArn,
    RoleSessionName: `beatlink-${county}-${random()}`,
    Tags: [{ Key: TENANT_TAG_KEY, Value: county }],
    DurationSeconds: TENANT_SESSION_SECONDS,
  };
}

/** Sends one AssumeRole; the STS client in production, a fake in tests. */
export type AssumeRole = (input: AssumeRoleCommandInput) => Promise<Credentials | undefined>;

type SessionCredentials = AwsCredentialIdentity & { expiration: Date };

export interface TenantCredentialVendor {
  /** The county's session credentials, valid for at least `minValidityMs` more (default REFRESH_MARGIN_MS). */
  credentials(county: string, minValidityMs?: number): Promise<SessionCredentials>;
  /**
   * An SDK credential provider for the county. The SDK caches what a provider returns until five
   * minutes before `expiration`; a provider asked for more validity reports an expiration that
   * much earlier, so URLs signed with its credentials outlive their own expiry.
   */
  provider(county: string, minValidityMs?: number): AwsCredentialIdentityProvider;
}

export interface VendorDeps {
  roleArn: string;
  assume: AssumeRole;
  now?: () => number;
}

function sessionOf(credentials: Credentials | undefined): SessionCredentials {
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = credentials ?? {};
  if (!AccessKeyId || !SecretAccessKey || !SessionToken || !Expiration) throw new Error('AssumeRole returned no credentials');
  return { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken, expiration: new Date(Expiration) };
}

export function createTenantCredentialVendor({ roleArn, assume, now = Date.now }: VendorDeps): TenantCredentialVendor {
  const sessions = new Map<string, Promise<SessionCredentials>>();

  const credentials = (county: string, minValidityMs = REFRESH_MARGIN_MS): Promise<SessionCredentials> => {
    const cached = sessions.get(county);
    if (cached) {
      // A pending session is shared; a settled one is reused while it is valid long enough.
      return cached.then((session) => (session.expiration.getTime() - now() > minValidityMs ? session : renew(county, cached)));
    }
    return renew(county, undefined);
  };

  /** Starts one AssumeRole unless another call already replaced `stale`; forgets it if it fails. */
  const renew = (county: string, stale: Promise<SessionCredentials> | undefined): Promise<SessionCredentials> => {
    const current = sessions.get(county);
    if (current && current !== stale) return current;
    const session = Promise.resolve()
      .then(() => assume(tenantSessionRequest(roleArn, county)))
      .then(sessionOf);
    sessions.set(county, session);
    session.catch(() => {
      if (sessions.get(county) === session) sessions.delete(county);
    });
    return session;
  };

  return {
    credentials,
    provider: (county, minValidityMs = REFRESH_MARGIN_MS) => async () => {
      const session = await credentials(county, minValidityMs);
      const earlier = Math.max(0, minValidityMs - REFRESH_MARGIN_MS);
      return { ...session, expiration: new Date(session.expiration.getTime() - earlier) };
    },
  };
}

/**
 * Platform code (the tenant registry, province rollups, onboarding) runs outside any county's
 * scope with PlatformDataAccessRole's session. The SDK keeps what a provider returns until shortly
 * before it expires and shares one pending call, so this provider only assumes the role.
 */
export function platformCredentialProvider({ roleArn, assume }: Pick<VendorDeps, 'roleArn' | 'assume'>, random: () => string = () => randomBytes(4).toString('hex')): AwsCredentialIdentityProvider {
  return async () => sessionOf(await assume({ RoleArn: roleArn, RoleSessionName: `beatlink-platform-${random()}`, DurationSeconds: TENANT_SESSION_SECONDS }));
}

/** AssumeRole through STS (one client per process). */
export function stsAssumeRole(client: STSClient): AssumeRole {
  return async (input) => (await client.send(new AssumeRoleCommand(input))).Credentials;
}

const env = readEnv();

/**
 * The process's vendor: defined only where TENANT_DATA_ROLE_ARN is set (AWS). Locally and in
 * tests it is undefined and every client keeps the process's own credentials — no STS call.
 */
const sts = env.tenantDataRoleArn || env.platformDataRoleArn ? stsAssumeRole(new STSClient({ region: env.region, maxAttempts: 3 })) : undefined;

export const tenantCredentials: TenantCredentialVendor | undefined = env.tenantDataRoleArn && sts ? createTenantCredentialVendor({ roleArn: env.tenantDataRoleArn, assume: sts }) : undefined;

/**
 * The process clients' credentials where the function has a platform role (AWS: admin, province,
 * the jobs): its session; elsewhere undefined — the function's own credentials (locally the only ones).
 */
export const platformCredentials: AwsCredentialIdentityProvider | undefined = env.platformDataRoleArn && sts ? platformCredentialProvider({ roleArn: env.platformDataRoleArn, assume: sts }) : undefined;

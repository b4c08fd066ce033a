import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { HandlerFunction } from './handler-function';

/**
 * The two roles every data access in AWS goes through (functions/src/lib/tenant-scope.ts):
 *
 * - TenantDataAccessRole, assumed with the session tag TenantId=<county>: the county's items
 *   (`T#<county>#…`, table and indexes) and its attachment objects (`tenants/<county>/…`), nothing
 *   else but the two shared platform partitions of table-access.ts. Every tenant-serving function
 *   (the bounded contexts but admin and province, the per-county jobs, webhook-fanout) has no
 *   other way to the table or the bucket, so a bug in a repository cannot cross counties.
 * - PlatformDataAccessRole: platform items only (table-access.ts PLATFORM_LEADING_KEYS), for
 *   the platform contexts (admin, province) and the jobs' cross-county steps (listing the active
 *   counties, writing province rollups).
 *
 * The roles have fixed names, derived from the stack prefix and the region, so that the jobs
 * stack can name them without importing them from the API stack (which trusts the jobs'
 * function roles, and so imports from the jobs stack).
 */
export interface DataAccessRoleNames {
  tenant: string;
  platform: string;
}

export function dataAccessRoleNames(stackPrefix: string, region: string): DataAccessRoleNames {
  return { tenant: `${stackPrefix}-${region}-TenantData`, platform: `${stackPrefix}-${region}-PlatformData` };
}

export function roleArnOf(scope: Construct, roleName: string): string {
  return Stack.of(scope).formatArn({ service: 'iam', region: '', resource: 'role', resourceName: roleName });
}

/**
 * A tenant-scoped session must carry exactly one session tag, TenantId, holding a six-character
 * county code (checked both in the role's trust policy and in the callers' own policies).
 */
export const TENANT_SESSION_CONDITIONS: iam.Conditions = {
  StringLike: { 'aws:RequestTag/TenantId': '??????' },
  'ForAllValues:StringEquals': { 'aws:TagKeys': ['TenantId'] },
};
export const TENANT_SESSION_ACTIONS = ['sts:AssumeRole', 'sts:TagSession'];

/** The environment variables the functions read (functions/src/data/tenant-credentials.ts). */
export const TENANT_ROLE_VARIABLE = 'TENANT_DATA_ROLE_ARN';
export const PLATFORM_ROLE_VARIABLE = 'PLATFORM_DATA_ROLE_ARN';

/** The KMS key that wraps the counties' data keys (functions/src/lib/env.ts `masterKeyId`). */
export const MASTER_KEY_VARIABLE = 'MASTER_KEY_ID';

/**
 * Lets `fn` assume TenantDataAccessRole with a TenantId tag, and tells it the role's ARN and the
 * personal-data key's ARN: the function uses that key only through the tenant session (its own
 * role gets no KMS permission).
 */
export function grantTenantAssume(fn: HandlerFunction, roleArn: string, masterKeyArn: string): void {
  fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: TENANT_SESSION_ACTIONS, resources: [roleArn], conditions: TENANT_SESSION_CONDITIONS }));
  fn.function.addEnvironment(TENANT_ROLE_VARIABLE, roleArn);
  fn.function.addEnvironment(MASTER_KEY_VARIABLE, masterKeyArn);
}

/** Lets `fn` assume PlatformDataAccessRole (no session tags), and tells it the role's ARN. */
export function grantPlatformAssume(fn: HandlerFunction, roleArn: string): void {
  fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [roleArn] }));
  fn.function.addEnvironment(PLATFORM_ROLE_VARIABLE, roleArn);
}

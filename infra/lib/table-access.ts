import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { TABLE_DEFINITION } from '@beatlink/functions/data/table-definition';
import { TENANT_LEADING_KEYS_PATTERN } from '@beatlink/functions/data/tenant-policy';

/**
 * Item-level data access to the single table. Request paths use GetItem/Query/transactions only
 * (DESIGN), so Scan is never granted; transactions are authorised by the item actions they
 * contain. Index ARNs are listed by name from TABLE_DEFINITION: no `index/*` wildcard.
 */
const ITEM_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const ITEM_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const INDEX_ACTIONS = ['dynamodb:Query'];

/** The table is encrypted with a customer-managed key: callers use it through DynamoDB only. */
const KEY_ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'];

/**
 * The partition-key pattern of one tenant's items, taken from the caller's session tag: the very
 * string the functions' unit tests evaluate against keys (functions/src/data/tenant-policy.ts).
 */
export const TENANT_LEADING_KEYS = TENANT_LEADING_KEYS_PATTERN;
/**
 * Platform items: the tenant registry, platform idempotency records and the username registry
 * (`PLATFORM#…`), province rollups and province tenant lists (`P#<provinceId>#…`), and the
 * counties' configuration items (`T#<county>#CONFIG`), which onboarding writes in the same
 * transaction as the registry entry and the rollup reads for each county's time zone. No other
 * tenant partition.
 */
export const PLATFORM_LEADING_KEYS = ['PLATFORM#*', 'P#*', 'T#??????#CONFIG'];

/**
 * The two platform partitions a tenant-scoped session also needs (functions/src/data):
 * - `PLATFORM#USERNAME`: usernames are unique across counties (they are Cognito usernames), so
 *   the directory claims and releases them in the same transaction as the officer or staff
 *   record — one transaction, one set of credentials. Claims are item-by-key only (no Query), a
 *   claim holds a username and its owner's id, and a release is conditional on the owner.
 * - `PLATFORM#TENANT`, GetItem only: `GET /me` shows the caller's county record (its name).
 */
export const USERNAME_REGISTRY_PARTITION = 'PLATFORM#USERNAME';
export const TENANT_REGISTRY_PARTITION = 'PLATFORM#TENANT';
const USERNAME_CLAIM_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'];

export interface TableAccess {
  table: dynamodb.ITableV2;
  tableKey: kms.IKey;
}

export function indexArns(table: dynamodb.ITableV2): string[] {
  return TABLE_DEFINITION.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`);
}

/**
 * The statements for read/write item access, optionally restricted to items whose partition key
 * (of the table, or of the index queried) matches one of `leadingKeys`.
 */
export function tableDataStatements({ table, tableKey }: TableAccess, leadingKeys?: string[]): iam.PolicyStatement[] {
  const conditions = leadingKeys ? { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': leadingKeys } } : undefined;
  return [
    new iam.PolicyStatement({
      actions: [...ITEM_READ_ACTIONS, ...ITEM_WRITE_ACTIONS],
      resources: [table.tableArn],
      conditions,
    }),
    new iam.PolicyStatement({
      actions: INDEX_ACTIONS,
      resources: indexArns(table),
      conditions,
    }),
    new iam.PolicyStatement({
      actions: KEY_ACTIONS,
      resources: [tableKey.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Aws.REGION}.${Aws.URL_SUFFIX}` } },
    }),
  ];
}

/**
 * TenantDataAccessRole's table statements: the county's own partitions (`T#<TenantId tag>#…`),
 * read and write, on the table and its indexes, plus the two shared platform partitions above
 * with only the actions they need. Every statement carries a dynamodb:LeadingKeys condition.
 */
export function tenantTableStatements(access: TableAccess): iam.PolicyStatement[] {
  const leading = (keys: string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': keys } });
  return [
    ...tableDataStatements(access, [TENANT_LEADING_KEYS]),
    new iam.PolicyStatement({ actions: USERNAME_CLAIM_ACTIONS, resources: [access.table.tableArn], conditions: leading([USERNAME_REGISTRY_PARTITION]) }),
    new iam.PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [access.table.tableArn], conditions: leading([TENANT_REGISTRY_PARTITION]) }),
  ];
}

export function grantTableData(grantee: iam.IGrantable, access: TableAccess, leadingKeys?: string[]): void {
  for (const statement of tableDataStatements(access, leadingKeys)) grantee.grantPrincipal.addToPrincipalPolicy(statement);
}

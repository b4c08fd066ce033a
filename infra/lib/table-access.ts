import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { TABLE_DEFINITION } from '@beatlink/functions/data/table-definition';

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

/** The partition-key pattern of one tenant's items, taken from the caller's session tag. */
export const TENANT_LEADING_KEYS = 'T#${aws:PrincipalTag/TenantId}#*';
/** Platform items: the tenant registry (`PLATFORM#…`) and province rollups (`P#<provinceId>#…`). */
export const PLATFORM_LEADING_KEYS = ['PLATFORM#*', 'P#*'];

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

export function grantTableData(grantee: iam.IGrantable, access: TableAccess, leadingKeys?: string[]): void {
  for (const statement of tableDataStatements(access, leadingKeys)) grantee.grantPrincipal.addToPrincipalPolicy(statement);
}

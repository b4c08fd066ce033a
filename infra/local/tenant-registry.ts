import { GetItemCommand, QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DEFAULT_TENANT_CONFIG } from '@beatlink/shared';

/**
 * The platform's tenant registry as the local scheduler and CLIs see it: a Query of
 * `pk = PLATFORM#TENANT` (never a Scan), paged to the end, and each county's time zone from its
 * configuration item (`T#<t>#CONFIG` / `CONFIG`).
 */
export const TENANT_REGISTRY_PK = 'PLATFORM#TENANT';

export interface RegisteredTenant {
  tenantId: string;
  status: string;
  timeZone: string;
}

/** A registry item (as DynamoDB returns it) → the fields the scheduler needs. */
export function toRegisteredTenant(item: Record<string, AttributeValue>): RegisteredTenant | undefined {
  const tenantId = item.tenantId?.S;
  if (!tenantId) return undefined;
  return {
    tenantId,
    status: item.status?.S ?? 'active',
    timeZone: item.timeZone?.S || DEFAULT_TENANT_CONFIG.timeZone,
  };
}

export async function listTenants(client: DynamoDBClient, tableName: string): Promise<RegisteredTenant[]> {
  const tenants: RegisteredTenant[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: TENANT_REGISTRY_PK } },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const tenant = toRegisteredTenant(item);
      if (tenant) tenants.push(tenant);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return Promise.all(
    tenants.map(async (tenant) => {
      const config = await client.send(
        new GetItemCommand({
          TableName: tableName,
          Key: { pk: { S: `T#${tenant.tenantId}#CONFIG` }, sk: { S: 'CONFIG' } },
          // `timeZone` is a DynamoDB reserved word: it must go through an attribute name.
          ProjectionExpression: '#timeZone',
          ExpressionAttributeNames: { '#timeZone': 'timeZone' },
        }),
      );
      const timeZone = config.Item?.timeZone?.S;
      return timeZone ? { ...tenant, timeZone } : tenant;
    }),
  );
}

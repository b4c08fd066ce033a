import { createHash } from 'node:crypto';
import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { LocalStackConfig } from '@beatlink/infra/local/stack-config';

/**
 * A digest of every item in the table, to assert that a refused request wrote nothing. Tests
 * may Scan; request paths never do.
 */
export async function tableDigest(config: LocalStackConfig): Promise<{ items: number; digest: string }> {
  const client = new DynamoDBClient({
    endpoint: config.dynamodbEndpoint,
    region: config.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const lines: string[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: config.tableName, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) lines.push(JSON.stringify(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))));
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  lines.sort();
  return { items: lines.length, digest: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

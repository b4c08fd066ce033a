import { createHash } from 'node:crypto';
import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { LocalStackConfig } from '@beatlink/infra/local/stack-config';

export interface TableDigest {
  items: number;
  digest: string;
}

/** Parallel Scan segments: DynamoDB Local answers them on separate threads (about 2× faster here). */
const SEGMENTS = 4;

/**
 * A digest of every item in the table, to assert that a refused request wrote nothing. Tests
 * may Scan; request paths never do.
 */
export async function tableDigest(config: LocalStackConfig, ignore?: (item: Record<string, AttributeValue>) => boolean): Promise<TableDigest> {
  const client = new DynamoDBClient({
    endpoint: config.dynamodbEndpoint,
    region: config.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const lines: string[] = [];
  try {
    await Promise.all(
      Array.from({ length: SEGMENTS }, async (_, segment) => {
        let start: Record<string, AttributeValue> | undefined;
        do {
          const page = await client.send(
            new ScanCommand({ TableName: config.tableName, Segment: segment, TotalSegments: SEGMENTS, ExclusiveStartKey: start }),
          );
          // `ignore`: items a request writes by design whatever its input (an API key's rate counter).
          for (const item of page.Items ?? []) if (!ignore?.(item)) lines.push(JSON.stringify(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))));
          start = page.LastEvaluatedKey;
        } while (start);
      }),
    );
  } finally {
    client.destroy();
  }
  lines.sort();
  return { items: lines.length, digest: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

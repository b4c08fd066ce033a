import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DescribeTableCommand,
  ScanCommand,
  type AttributeValue,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { createTable } from '@beatlink/functions/data/create-table';
import { countyPrefix, formatExport, isCountyItem, parseExport, TENANT_REGISTRY_PK, USERNAME_CLAIMS_PK, type ExportHeader, type Item } from './county-export-format';

/**
 * A county's data out of a table and into another (`npm run county`): an operator's tool for a
 * backup, a move between stages, or a restore. What it carries and what it does not:
 * - every item of the county (its `T#<county>#…` partitions, its registry entry, its usernames),
 *   encrypted fields as they are stored, with the county's data keys, which are wrapped by the
 *   master key. The master key itself (`.data/keys/master.key` locally, the KMS key in AWS) is
 *   NOT in the file: the data is readable after an import only where the same master key is.
 * - not the attachments' files (the S3 bucket) nor the Cognito users (the identity store).
 */

/**
 * The county's partitions cannot be listed without reading the table (one partition per record
 * type, plus one per matter/record for events): this is an operator's tool, never a request path,
 * so a parallel Scan with a filter is acceptable here. Strongly consistent, so an export right
 * after a write sees it; it is not a snapshot of one instant (stop writing to the county first
 * for a point-in-time copy).
 */
const SEGMENTS = 4;

async function scanCounty(client: DynamoDBClient, tableName: string, county: string, options: { firstOnly?: boolean } = {}): Promise<Item[]> {
  const found: Item[] = [];
  await Promise.all(
    Array.from({ length: SEGMENTS }, async (_, segment) => {
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({
            TableName: tableName,
            Segment: segment,
            TotalSegments: SEGMENTS,
            ConsistentRead: true,
            ExclusiveStartKey: start,
            FilterExpression: 'begins_with(pk, :prefix) OR (pk = :registry AND sk = :county) OR (pk = :usernames AND tenantId = :county)',
            ExpressionAttributeValues: {
              ':prefix': { S: countyPrefix(county) },
              ':registry': { S: TENANT_REGISTRY_PK },
              ':usernames': { S: USERNAME_CLAIMS_PK },
              ':county': { S: county },
            },
          }),
        );
        // The filter and isCountyItem say the same thing; the second guards the file's contract.
        found.push(...(page.Items ?? []).filter((item) => isCountyItem(item, county)));
        start = options.firstOnly && found.length > 0 ? undefined : page.LastEvaluatedKey;
      } while (start);
    }),
  );
  return found;
}

/** Every item of `county` in `tableName`, as the export file's text. */
export async function exportCounty(options: { client: DynamoDBClient; tableName: string; county: string; now?: Date }): Promise<{ text: string; header: ExportHeader }> {
  const items = await scanCounty(options.client, options.tableName, options.county);
  return formatExport(items, { county: options.county, table: options.tableName, exportedAt: (options.now ?? new Date()).toISOString() });
}

export interface WriteOptions {
  /** Attempts per chunk of unprocessed items before giving up (DynamoDB throttles, then drains). */
  maxAttempts?: number;
  /** Base of the exponential backoff, in ms; each wait is drawn in [0, base·2^attempt] (full jitter). */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const BATCH = 25;
const PARALLEL_BATCHES = 4;
const MAX_BACKOFF_MS = 5_000;

/**
 * BatchWriteItem in chunks of 25 (its limit), retrying the unprocessed items of each chunk with
 * exponential backoff and full jitter; throws when a chunk still has some after `maxAttempts`.
 */
export async function writeItems(client: DynamoDBClient, tableName: string, items: Item[], options: WriteOptions = {}): Promise<void> {
  const maxAttempts = options.maxAttempts ?? 10;
  const backoffMs = options.backoffMs ?? 50;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < items.length; i += BATCH) chunks.push(items.slice(i, i + BATCH).map((Item) => ({ PutRequest: { Item } })));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending = chunks[next++]!;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt === maxAttempts) throw new Error(`import: ${pending.length} item(s) still unprocessed after ${maxAttempts} attempts (DynamoDB keeps throttling); nothing was rolled back — delete the county's items before importing again`);
        if (attempt > 0) await sleep(Math.floor(random() * Math.min(MAX_BACKOFF_MS, backoffMs * 2 ** attempt)));
        const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
        pending = result.UnprocessedItems?.[tableName] ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_BATCHES }, worker));
}

/** Usernames in `items` already claimed in the table (by anyone): an import must not take them over. */
async function claimedUsernames(client: DynamoDBClient, tableName: string, items: Item[]): Promise<Item[]> {
  const keys = items.filter((item) => item.pk?.S === USERNAME_CLAIMS_PK).map((item) => ({ pk: item.pk!, sk: item.sk! }));
  const claimed: Item[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let request: Record<string, AttributeValue>[] | undefined = keys.slice(i, i + 100);
    while (request && request.length > 0) {
      const result: BatchGetItemCommandOutput = await client.send(new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: request, ConsistentRead: true } } }));
      claimed.push(...(result.Responses?.[tableName] ?? []));
      request = result.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return claimed;
}

async function tableExists(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return false;
    throw error;
  }
}

/** An import refused before anything was written. */
export class ImportRefused extends Error {
  override name = 'ImportRefused';
}

/**
 * Imports an export file's text into `tableName` (created from TABLE_DEFINITION when missing).
 * Everything is checked before the first write: the file (see parseExport), then the table holds
 * no item of that county and none of its usernames is claimed. The checks and the writes are not
 * one transaction: nothing else may write that county meanwhile (an operator's restore).
 */
export async function importCounty(options: { client: DynamoDBClient; tableName: string; text: string; write?: WriteOptions }): Promise<{ header: ExportHeader; created: boolean }> {
  const { client, tableName } = options;
  const { header, items } = parseExport(options.text);
  let created = false;
  if (!(await tableExists(client, tableName))) created = (await createTable({ client, tableName })).created;
  const existing = await scanCounty(client, tableName, header.county, { firstOnly: true });
  if (existing.length > 0) {
    const [first] = existing;
    throw new ImportRefused(`table ${tableName} already holds items of county ${header.county} (e.g. pk ${first?.pk?.S} / sk ${first?.sk?.S}); import only into a table without them`);
  }
  const taken = await claimedUsernames(client, tableName, items);
  if (taken.length > 0) {
    const names = taken.map((item) => `${item.sk?.S} (held by ${item.tenantId?.S ?? 'the platform'})`);
    throw new ImportRefused(`table ${tableName} already has username(s) ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}; nothing was imported`);
  }
  await writeItems(client, tableName, items, options.write);
  return { header, created };
}

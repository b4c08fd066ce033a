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
 * exponential backoff and full jitter; throws when a chunk still has some after `maxAttempts`, or
 * on the first failed call — after the other workers have finished the chunk in hand and taken
 * no new one, so nothing is still being written when the caller undoes the import.
 */
async function batchWrite(client: DynamoDBClient, tableName: string, requests: WriteRequest[], options: WriteOptions = {}): Promise<void> {
  const maxAttempts = options.maxAttempts ?? 10;
  const backoffMs = options.backoffMs ?? 50;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += BATCH) chunks.push(requests.slice(i, i + BATCH));
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < chunks.length && !failed) {
      let pending = chunks[next++]!;
      try {
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt === maxAttempts) throw new Error(`${pending.length} item(s) still unprocessed after ${maxAttempts} attempts (DynamoDB keeps throttling)`);
          if (attempt > 0) await sleep(Math.floor(random() * Math.min(MAX_BACKOFF_MS, backoffMs * 2 ** attempt)));
          const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
          pending = result.UnprocessedItems?.[tableName] ?? [];
        }
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: PARALLEL_BATCHES }, worker));
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;
}

/** Puts the items (see batchWrite). */
export function writeItems(client: DynamoDBClient, tableName: string, items: Item[], options: WriteOptions = {}): Promise<void> {
  return batchWrite(client, tableName, items.map((Item) => ({ PutRequest: { Item } })), options);
}

/** Deletes the items' keys (see batchWrite); a key never written is no error. */
function deleteItems(client: DynamoDBClient, tableName: string, items: Item[], options: WriteOptions = {}): Promise<void> {
  return batchWrite(client, tableName, items.map((item) => ({ DeleteRequest: { Key: { pk: item.pk!, sk: item.sk! } } })), options);
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

/** An import that failed midway and was undone: the table is as it was found. */
export class ImportUndone extends Error {
  override name = 'ImportUndone';
}

/**
 * Imports an export file's text into `tableName` (created from TABLE_DEFINITION when missing).
 * Everything is checked before the first write: the file (see parseExport), then the table holds
 * no item of that county and none of its usernames is claimed. The checks and the writes are not
 * one transaction: nothing else may write that county meanwhile (an operator's restore). Hence
 * every key of the file was free, and a write failing midway is undone by deleting them all: the
 * table is left as it was found (an `ImportUndone`), or the error says what to delete.
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
  try {
    await writeItems(client, tableName, items, options.write);
  } catch (error) {
    const reason = (error as Error).message;
    try {
      await deleteItems(client, tableName, items, options.write);
    } catch (undoError) {
      throw new Error(
        `import into ${tableName} failed (${reason}) and undoing it failed too (${(undoError as Error).message}): delete the items of county ${header.county} (pk ${countyPrefix(header.county)}…, its ${TENANT_REGISTRY_PK} entry and its ${USERNAME_CLAIMS_PK} claims) before importing again`,
        { cause: undoError },
      );
    }
    throw new ImportUndone(`import into ${tableName} failed (${reason}); the ${items.length} item(s) it may have written were deleted again, the table is as it was — import again`, { cause: error });
  }
  return { header, created };
}

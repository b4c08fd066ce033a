import type { Entity } from 'dynamodb-toolbox/entity';

/**
 * Writes items straight into the table (BatchWrite, 25 to a request, `concurrency` requests in
 * flight, unprocessed items retried) with the entity's formatting: how the benchmarks lay down
 * large histories quickly. The items must carry their index keys already. The toolbox modules
 * are imported on first use, after the handler environment is set.
 */
export async function bulkPut(entity: Entity, items: ReadonlyArray<Record<string, unknown>>, concurrency: number): Promise<void> {
  const { BatchPutRequest } = await import('dynamodb-toolbox/entity/actions/batchPut');
  const { BatchWriteCommand, execute } = await import('dynamodb-toolbox/table/actions/batchWrite');
  const chunks: Array<ReadonlyArray<Record<string, unknown>>> = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      const requests = chunk.map((item) => entity.build(BatchPutRequest).item(item as never));
      const result = await execute({ maxAttempts: 20 }, entity.table.build(BatchWriteCommand).requests(...(requests as [never])));
      const left = Object.values(result.UnprocessedItems ?? {}).flat().length;
      if (left > 0) throw new Error(`BatchWrite left ${left} items unprocessed`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

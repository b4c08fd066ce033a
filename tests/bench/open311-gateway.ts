import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { newId, type ApiKeyCreated, type Page, type Village } from '@beatlink/shared';
import { apiAs } from '../support/api';
import type { TestStack } from '../support/stack';
import { bareDynamo, timed } from './bare-dynamo';
import { summarize, type Summary } from './stats';

/**
 * `POST /open311/v2/requests.json` through the whole local path (HTTP → gateway → middy chain →
 * API key check and rate window → form parsing → village resolution → sealing the phone → one
 * transaction) against the bare DynamoDB calls it cannot do without: read the key, count the
 * rate window, write the matter with its timeline event. Latency one request at a time, and
 * throughput with `concurrency` clients at once.
 */
const TENANT = '370283';

export interface Open311BenchOptions {
  rounds: number;
  perRound: number;
  concurrency: number;
  /** Requests per client in the throughput run. */
  perClient: number;
}

export interface Open311BenchResult {
  latency: { gateway: Summary; bare: Summary; ratio: number };
  throughput: { gatewayPerSecond: number; barePerSecond: number; ratio: number; concurrency: number; requests: number };
}

export async function benchOpen311(stack: TestStack, opts: Open311BenchOptions): Promise<Open311BenchResult> {
  const office = await apiAs(stack.config, stack.logins.byTenant[TENANT]!.program_office!);
  const key = await office.post<ApiKeyCreated>('/integrations/api-keys', {
    name: `基准测试 ${randomUUID().slice(0, 8)}`,
    scopes: ['matters:write'],
    rateLimit: { limit: 100_000, per: 'second' },
  });
  const villages = (await office.get<Page<Village>>('/directory/villages', { limit: 100 })).items;
  let turn = 0;
  const nextVillage = () => villages[turn++ % villages.length]!;
  const ddb = bareDynamo(stack);
  const table = stack.config.tableName;
  const url = `${stack.gatewayUrl}/open311/v2/requests.json`;

  const viaGateway = async () => {
    const village = nextVillage();
    const form = new URLSearchParams({
      api_key: key.key,
      jurisdiction_id: TENANT,
      service_code: 'sanitation',
      address_string: `${village.name}村委会东侧`,
      description: `基准测试：垃圾池满溢 ${randomUUID()}`,
      first_name: '秀英',
      last_name: '王',
      phone: '13805321234',
      'attribute[kind]': 'demand',
    });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    if (response.status !== 201) throw new Error(`open311 POST answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };
  const bare = async () => {
    const village = nextVillage();
    const now = new Date();
    await ddb.send(new GetCommand({ TableName: table, Key: { pk: `T#${TENANT}#API_KEY`, sk: key.id } }));
    const window = Math.floor(now.getTime() / 1000);
    await ddb.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: `T#${TENANT}#BENCH_RATE`, sk: `${key.id}#${window}` },
        UpdateExpression: 'ADD #c :one SET expiresAt = :exp',
        ConditionExpression: 'attribute_not_exists(#c) OR #c < :limit',
        ExpressionAttributeNames: { '#c': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':limit': 100_000, ':exp': window + 120 },
      }),
    );
    const id = newId('matter');
    const at = now.toISOString();
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: { pk: `T#${TENANT}#BENCH_MATTER`, sk: id, id, status: 'triage', description: `基准测试 ${randomUUID()}`, villageId: village.id, version: 1, createdAt: at }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: table, Item: { pk: `T#${TENANT}#BENCH_MATTER_EVENT#${id}`, sk: `${at}#${newId('matterEvent')}`, type: 'created', at }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
  };

  const gatewayMs: number[] = [];
  const bareMs: number[] = [];
  const sequential = async (fn: () => Promise<void>, into: number[] | undefined) => {
    for (let i = 0; i < opts.perRound; i++) {
      const ms = await timed(fn);
      into?.push(ms);
    }
  };
  // Warm-up (imports, JIT, the village cache), then alternating rounds.
  await sequential(viaGateway, undefined);
  await sequential(bare, undefined);
  for (let round = 0; round < opts.rounds; round++) {
    await sequential(viaGateway, gatewayMs);
    await sequential(bare, bareMs);
  }

  const perSecond = async (fn: () => Promise<void>) => {
    const started = performance.now();
    await Promise.all(Array.from({ length: opts.concurrency }, async () => {
      for (let i = 0; i < opts.perClient; i++) await fn();
    }));
    return (opts.concurrency * opts.perClient) / ((performance.now() - started) / 1000);
  };
  const gatewayPerSecond = await perSecond(viaGateway);
  const barePerSecond = await perSecond(bare);
  ddb.destroy();

  const gateway = summarize(gatewayMs);
  const bareSummary = summarize(bareMs);
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return {
    latency: { gateway, bare: bareSummary, ratio: round2(gateway.p50Ms / bareSummary.p50Ms) },
    throughput: {
      gatewayPerSecond: round2(gatewayPerSecond),
      barePerSecond: round2(barePerSecond),
      ratio: round2(barePerSecond / gatewayPerSecond),
      concurrency: opts.concurrency,
      requests: opts.concurrency * opts.perClient,
    },
  };
}

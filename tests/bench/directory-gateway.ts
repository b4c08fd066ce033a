import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { newId, type Department } from '@beatlink/shared';
import { apiAs } from '../support/api';
import type { TestStack } from '../support/stack';
import { bareDynamo, timed } from './bare-dynamo';

/**
 * Directory records through the whole local path (HTTP → gateway JWT check → middy chain →
 * service → DynamoDB Local) against the bare DynamoDB calls the same operations need, in the
 * same run against the same DynamoDB Local. Rounds alternate so that machine noise hits both.
 */
export interface Sample {
  createMs: number[];
  readMs: number[];
}

const TENANT = '370283';

export async function benchDirectory(stack: TestStack, opts: { rounds: number; perRound: number }) {
  const login = stack.logins.byTenant[TENANT]!.program_office!;
  const client = await apiAs(stack.config, login);
  const ddb = bareDynamo(stack);
  const table = stack.config.tableName;

  // What creating and reading a department costs at the bare minimum: read the county's rules,
  // put the record if absent; read it back by key.
  const bareCreate = async (name: string) => {
    await ddb.send(new GetCommand({ TableName: table, Key: { pk: `T#${TENANT}#CONFIG`, sk: 'CONFIG' } }));
    const id = newId('department');
    const now = new Date().toISOString();
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: { pk: `T#${TENANT}#BENCH_DEPARTMENT`, sk: id, id, name, status: 'active', version: 1, createdAt: now, updatedAt: now, createdBy: login.username, updatedBy: login.username, activeOfficerCount: 0 },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    return id;
  };
  const bareRead = (id: string) => ddb.send(new GetCommand({ TableName: table, Key: { pk: `T#${TENANT}#BENCH_DEPARTMENT`, sk: id } }));

  const gateway: Sample = { createMs: [], readMs: [] };
  const bare: Sample = { createMs: [], readMs: [] };
  const run = async (sample: Sample, create: (name: string) => Promise<string>, read: (id: string) => Promise<unknown>, record: boolean) => {
    const ids: string[] = [];
    for (let i = 0; i < opts.perRound; i++) {
      let id = '';
      const ms = await timed(async () => {
        id = await create(`基准测试${randomUUID().slice(0, 8)}`);
      });
      ids.push(id);
      if (record) sample.createMs.push(ms);
    }
    for (const id of ids) {
      const ms = await timed(() => read(id));
      if (record) sample.readMs.push(ms);
    }
  };
  const gatewayCreate = async (name: string) => (await client.post<Department>('/directory/departments', { name })).id;
  const gatewayRead = (id: string) => client.get(`/directory/departments/${id}`);

  // Warm-up: JIT, connection pools, DynamoDB Local's first-use costs.
  await run(gateway, gatewayCreate, gatewayRead, false);
  await run(bare, bareCreate, bareRead, false);
  for (let round = 0; round < opts.rounds; round++) {
    await run(gateway, gatewayCreate, gatewayRead, true);
    await run(bare, bareCreate, bareRead, true);
  }
  ddb.destroy();
  return { gateway, bare };
}

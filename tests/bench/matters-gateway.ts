import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { newId, type MatterDetail, type Page, type Village } from '@beatlink/shared';
import { apiAs } from '../support/api';
import type { TestStack } from '../support/stack';
import { bareDynamo, timed } from './bare-dynamo';

/**
 * Intake and one transition through the whole local path (HTTP → gateway JWT check → middy
 * chain → visibility, rules, encryption, duplicates → one transaction) against the bare DynamoDB
 * calls they cannot do without: read the rules and the village, write the matter with its
 * timeline event; read the matter, write it back on its version with the next event.
 */
export interface MatterSample {
  intakeMs: number[];
  transitionMs: number[];
}

const TENANT = '370283';

export async function benchMatters(stack: TestStack, opts: { rounds: number; perRound: number }) {
  const login = stack.logins.byTenant[TENANT]!.program_office!;
  const client = await apiAs(stack.config, login);
  const ddb = bareDynamo(stack);
  const table = stack.config.tableName;
  // Spread over villages, as real intake is: duplicate checks read one village's recent matters.
  const villages = (await client.get<Page<Village>>('/directory/villages', { limit: 100 })).items;
  let turn = 0;
  const nextVillage = () => villages[turn++ % villages.length]!;
  const text = () => `基准测试：村道路灯损坏 ${randomUUID()}`;

  const bareIntake = async () => {
    const village = nextVillage();
    await ddb.send(new GetCommand({ TableName: table, Key: { pk: `T#${TENANT}#CONFIG`, sk: 'CONFIG' } }));
    await ddb.send(new GetCommand({ TableName: table, Key: { pk: `T#${TENANT}#VILLAGE`, sk: village.id } }));
    const id = newId('matter');
    const now = new Date().toISOString();
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: { pk: `T#${TENANT}#BENCH_MATTER`, sk: id, id, status: 'triage', description: text(), villageId: village.id, version: 1, createdAt: now }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: table, Item: { pk: `T#${TENANT}#BENCH_MATTER_EVENT#${id}`, sk: `${now}#${newId('matterEvent')}`, type: 'created', at: now }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
    return { id, version: 1 };
  };
  const bareTransition = async (m: { id: string; version: number }) => {
    const { Item } = await ddb.send(new GetCommand({ TableName: table, Key: { pk: `T#${TENANT}#BENCH_MATTER`, sk: m.id }, ConsistentRead: true }));
    const now = new Date().toISOString();
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: { ...Item, severity: 'high', version: m.version + 1, updatedAt: now }, ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': m.version } } },
          { Put: { TableName: table, Item: { pk: `T#${TENANT}#BENCH_MATTER_EVENT#${m.id}`, sk: `${now}#${newId('matterEvent')}`, type: 'triage', at: now }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
  };
  const gatewayIntake = async () => {
    const village = nextVillage();
    const m = await client.post<MatterDetail>('/matters', {
      kind: 'demand',
      source: 'resident',
      villageId: village.id,
      categoryId: 'infrastructure',
      description: text(),
      reporter: { name: '王秀英', phone: '13805321234' },
      occurredAt: new Date().toISOString(),
    });
    return { id: m.id, version: m.version };
  };
  const gatewayTransition = (m: { id: string; version: number }) => client.post(`/matters/${m.id}/triage`, { version: m.version, severity: 'high', policeBusiness: false });

  const gateway: MatterSample = { intakeMs: [], transitionMs: [] };
  const bare: MatterSample = { intakeMs: [], transitionMs: [] };
  const run = async (sample: MatterSample, intake: () => Promise<{ id: string; version: number }>, transition: (m: { id: string; version: number }) => Promise<unknown>, record: boolean) => {
    const made: Array<{ id: string; version: number }> = [];
    for (let i = 0; i < opts.perRound; i++) {
      let m = { id: '', version: 0 };
      const ms = await timed(async () => {
        m = await intake();
      });
      made.push(m);
      if (record) sample.intakeMs.push(ms);
    }
    for (const m of made) {
      const ms = await timed(() => transition(m));
      if (record) sample.transitionMs.push(ms);
    }
  };
  await run(gateway, gatewayIntake, gatewayTransition, false);
  await run(bare, bareIntake, bareTransition, false);
  for (let round = 0; round < opts.rounds; round++) {
    await run(gateway, gatewayIntake, gatewayTransition, true);
    await run(bare, bareIntake, bareTransition, true);
  }
  ddb.destroy();
  return { gateway, bare };
}

import { DeleteTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTable } from '@beatlink/functions/data/create-table';
import { ExportFileError } from '@beatlink/infra/local/county-export-format';
import { exportCounty, ImportRefused, importCounty } from '@beatlink/infra/local/county-export';
import { tableDigest } from '../lib/table-digest';
import '../support/provided';

/**
 * A county's export imported into an empty table gives back the same items, byte for byte;
 * a tampered file and a second import are refused and write nothing.
 */
const config = inject('stackConfig');
const client = new DynamoDBClient({ endpoint: config.dynamodbEndpoint, region: config.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
const restored = `restore-${Date.now()}`;
const untouched = `restore-refused-${Date.now()}`;
const COUNTY = '370211';

afterAll(async () => {
  for (const TableName of [restored, untouched]) await client.send(new DeleteTableCommand({ TableName })).catch(() => undefined);
  client.destroy();
});

const get = async (TableName: string, pk: string, sk: string) => (await client.send(new GetItemCommand({ TableName, Key: { pk: { S: pk }, sk: { S: sk } }, ConsistentRead: true }))).Item;

describe('county export and import', () => {
  it('round-trips every item of the county into an empty table, and refuses a tampered file or a second import', async () => {
    const source = await exportCounty({ client, tableName: config.tableName, county: COUNTY });
    const lines = source.text.trimEnd().split('\n').slice(1);
    expect(lines).toHaveLength(source.header.items);
    const pks = new Set(lines.map((line) => (JSON.parse(line) as { pk: { S: string } }).pk.S));
    // The county's own partitions, its wrapped data key (encrypted fields stay readable with the
    // same master key), its registry entry and its usernames; nothing of the other county.
    expect(pks).toContain(`T#${COUNTY}#DATAKEY`);
    expect(pks).toContain(`T#${COUNTY}#MATTER`);
    expect(pks).toContain('PLATFORM#TENANT');
    expect(pks).toContain('PLATFORM#USERNAME');
    expect([...pks].filter((pk) => pk.includes('370283'))).toEqual([]);

    await createTable({ client, tableName: restored });
    const result = await importCounty({ client, tableName: restored, text: source.text });
    expect(result.header.items).toBe(source.header.items);

    // The same items: the re-export is line for line the same, and the new table holds nothing else.
    const copy = await exportCounty({ client, tableName: restored, county: COUNTY });
    expect(copy.header.sha256).toBe(source.header.sha256);
    expect(copy.text.split('\n').slice(1)).toEqual(source.text.split('\n').slice(1));
    const whole = await tableDigest({ ...config, tableName: restored });
    expect(whole.items).toBe(source.header.items);
    expect(await get(restored, 'PLATFORM#TENANT', COUNTY)).toEqual(await get(config.tableName, 'PLATFORM#TENANT', COUNTY));
    expect(await get(restored, `T#${COUNTY}#CONFIG`, 'CONFIG')).toEqual(await get(config.tableName, `T#${COUNTY}#CONFIG`, 'CONFIG'));

    // One changed byte (a version number in an item line): refused before any write.
    const at = source.text.indexOf('"version":{"N":"');
    expect(at).toBeGreaterThan(0);
    const digit = at + '"version":{"N":"'.length;
    const tampered = `${source.text.slice(0, digit)}${source.text[digit] === '9' ? '8' : '9'}${source.text.slice(digit + 1)}`;
    await createTable({ client, tableName: untouched });
    const refusal = await importCounty({ client, tableName: untouched, text: tampered }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ExportFileError);
    expect((refusal as Error).message).toMatch(/sha256/);
    expect((await tableDigest({ ...config, tableName: untouched })).items).toBe(0);

    // A second import into the table that has the county: refused, the table unchanged.
    await expect(importCounty({ client, tableName: restored, text: source.text })).rejects.toThrow(ImportRefused);
    expect(await tableDigest({ ...config, tableName: restored })).toEqual(whole);
  }, 120_000);
});

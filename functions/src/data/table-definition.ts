/**
 * The single table's key schema as plain data. The CDK data stack and the local stack both
 * create the table from this, so the two can never drift apart.
 *
 * Key shapes (every tenant key starts with `T#<tenantId>#`, platform keys with `PLATFORM#`):
 *   pk = T#<t>#<TYPE>            sk = <id>                 one partition per record type and county
 *   gsi1pk = T#<t>#<TYPE>#BY#<parentKind>#<parentId>   gsi1sk = <name>#<id>   children of a unit
 *   gsi2 = T#<t>#<TYPE>#BY#<parentKind>#<parentId>      a second parent (a village's workstation)
 * Matters overload gsi1–gsi8 with their inboxes (see data/entities/matters.ts): by village, by
 * stage, by holder, by running deadline, by station, by office, by workstation, by reporter.
 *
 * Indexes are only ever added at the end: an existing table (local `.data/`, a deployed stage)
 * gains the missing ones one at a time (DynamoDB and CloudFormation add one GSI per update).
 */
export const TABLE_DEFINITION = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  /** The stream feeds webhook fan-out (matter timeline events are its outbox). */
  stream: 'NEW_IMAGE',
  globalIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
    { indexName: 'gsi5', partitionKey: 'gsi5pk', sortKey: 'gsi5sk' },
    { indexName: 'gsi6', partitionKey: 'gsi6pk', sortKey: 'gsi6sk' },
    { indexName: 'gsi7', partitionKey: 'gsi7pk', sortKey: 'gsi7sk' },
    { indexName: 'gsi8', partitionKey: 'gsi8pk', sortKey: 'gsi8sk' },
  ],
} as const;

export const DEFAULT_TABLE_NAME = 'beatlink';

/**
 * The single table's key schema as plain data. The CDK data stack and the local stack both
 * create the table from this, so the two can never drift apart.
 *
 * Key shapes (every tenant key starts with `T#<tenantId>#`, platform keys with `PLATFORM#`):
 *   pk = T#<t>#<TYPE>            sk = <id>                 one partition per record type and county
 *   gsi1pk = T#<t>#<TYPE>#BY#<parentKind>#<parentId>   gsi1sk = <name>#<id>   children of a unit
 *   gsi2 is free for later issues (by assignee, by due date, …).
 */
export const TABLE_DEFINITION = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  globalIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

export const DEFAULT_TABLE_NAME = 'beatlink';

import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../client';
import { tenantPartition } from './common';

/** A tenant's data key, wrapped by the master key: `T#<t>#DATAKEY` / `v<keyVersion>`. */
export const DataKeyEntity = new Entity({
  name: 'dataKey',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    keyVersion: number().key(),
    wrapped: string(),
    createdAt: string(),
  }),
  computeKey: ({ tenantId, keyVersion }) => ({ pk: tenantPartition(tenantId, 'DATAKEY'), sk: `v${keyVersion}` }),
});

/**
 * One reveal of a personal field (who saw which clear value, when, why): `T#<t>#REVEAL` /
 * `<at>#<id>` for the county's log, gsi1 `T#<t>#REVEAL#BY#<KIND>#<recordId>` for one record's.
 */
export const RevealEntity = new Entity({
  name: 'reveal',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    at: string().key(),
    id: string().key(),
    recordKind: string().enum('matter', 'household', 'intel'),
    recordId: string(),
    field: string(),
    reason: string(),
    by: string(),
    byName: string(),
    byRoles: list(string()),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ tenantId, at, id }) => ({ pk: tenantPartition(tenantId, 'REVEAL'), sk: `${at}#${id}` }),
});

import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { $set, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { systemClock, type Clock } from '../lib/clock';
import { IDEMPOTENCY_LOCK_MS, IDEMPOTENCY_TTL_SECONDS, type IdempotencyRecord, type IdempotencyStore } from '../lib/idempotency';
import { IdempotencyEntity } from './entities/platform';
import { getItem } from './repository';

const isConditionFailure = (error: unknown) => (error as { name?: string }).name === 'ConditionalCheckFailedException';

interface StoredRecord {
  hash: string;
  state: 'in_progress' | 'completed';
  lockedUntil: number;
  expiresAt: number;
  statusCode?: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Idempotency records in the table (`<scope>#IDEMPOTENCY` / `<operationId>#<key>`), expired by the
 * table's TTL after 24 hours. Expired-but-not-yet-deleted records count as absent.
 */
export function dynamoIdempotencyStore(clock: Clock = systemClock): IdempotencyStore {
  const take = async (scope: string, key: string, hash: string): Promise<boolean> => {
    const nowMs = clock.now().getTime();
    const nowSec = Math.floor(nowMs / 1000);
    try {
      await IdempotencyEntity.build(PutItemCommand)
        .item({ scope, key, hash, state: 'in_progress', lockedUntil: nowMs + IDEMPOTENCY_LOCK_MS, expiresAt: nowSec + IDEMPOTENCY_TTL_SECONDS })
        .options({
          condition: {
            or: [
              { attr: 'hash', exists: false },
              { attr: 'expiresAt', lt: nowSec },
              { and: [{ attr: 'state', eq: 'in_progress' }, { attr: 'lockedUntil', lt: nowMs }] },
            ],
          },
        })
        .send();
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  };

  return {
    async begin(scope, key, hash) {
      for (let attempt = 0; attempt < 2; attempt++) {
        if (await take(scope, key, hash)) return { claimed: true };
        const existing = await getItem<StoredRecord>(IdempotencyEntity, { scope, key });
        if (existing) {
          const record: IdempotencyRecord = { hash: existing.hash, state: existing.state };
          if (existing.state === 'completed' && existing.statusCode !== undefined && existing.body !== undefined) {
            record.response = { statusCode: existing.statusCode, headers: existing.headers ?? {}, body: existing.body };
          }
          return { claimed: false, existing: record };
        }
      }
      return { claimed: false, existing: { hash, state: 'in_progress' } };
    },

    async complete(scope, key, hash, response) {
      await IdempotencyEntity.build(UpdateItemCommand)
        .item({ scope, key, state: 'completed', statusCode: response.statusCode, headers: $set(response.headers), body: response.body })
        .options({ condition: { and: [{ attr: 'hash', eq: hash }, { attr: 'state', eq: 'in_progress' }] } })
        .send();
    },

    async release(scope, key, hash) {
      try {
        await IdempotencyEntity.build(DeleteItemCommand)
          .key({ scope, key })
          .options({ condition: { and: [{ attr: 'hash', eq: hash }, { attr: 'state', eq: 'in_progress' }] } })
          .send();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}

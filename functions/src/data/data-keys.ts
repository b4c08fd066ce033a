import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import type { DataKeyStore, StoredDataKey } from '../services/personal-data/data-key-store';
import { DataKeyEntity } from './entities/personal-data';
import { getItem } from './repository';

const isConditionFailure = (error: unknown) => (error as { name?: string }).name === 'ConditionalCheckFailedException';

/** Wrapped data keys in the table; the first writer of a version wins (attribute_not_exists). */
export function tableDataKeyStore(): DataKeyStore {
  return {
    async get(tenantId, keyVersion) {
      const item = await getItem<StoredDataKey & { tenantId: string }>(DataKeyEntity, { tenantId, keyVersion });
      return item && { keyVersion: item.keyVersion, wrapped: item.wrapped, createdAt: item.createdAt };
    },
    async create(tenantId, key) {
      try {
        await DataKeyEntity.build(PutItemCommand)
          .item({ tenantId, ...key })
          .options({ condition: { attr: 'wrapped', exists: false } })
          .send();
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}

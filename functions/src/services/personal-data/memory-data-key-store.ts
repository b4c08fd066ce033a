import type { DataKeyStore, StoredDataKey } from './data-key-store';

/**
 * The table's conditional put, as a map: the first writer of a version wins. For unit tests of the
 * field cipher and the master-key adapters (no table needed).
 */
export function memoryDataKeyStore(): DataKeyStore & { keys: Map<string, StoredDataKey> } {
  const keys = new Map<string, StoredDataKey>();
  return {
    keys,
    async get(tenantId, keyVersion) {
      return keys.get(`${tenantId}#${keyVersion}`);
    },
    async create(tenantId, key) {
      const id = `${tenantId}#${key.keyVersion}`;
      if (keys.has(id)) return false;
      keys.set(id, key);
      return true;
    },
  };
}

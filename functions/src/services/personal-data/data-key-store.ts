/** A tenant's data key as stored: wrapped by the master key, never in clear. */
export interface StoredDataKey {
  keyVersion: number;
  wrapped: string;
  createdAt: string;
}

/** Where wrapped data keys live (the table, `T#<t>#DATAKEY` / `v<n>`; a map in unit tests). */
export interface DataKeyStore {
  get(tenantId: string, keyVersion: number): Promise<StoredDataKey | undefined>;
  /** Stores the key unless that version exists; false when another writer stored one first. */
  create(tenantId: string, key: StoredDataKey): Promise<boolean>;
}

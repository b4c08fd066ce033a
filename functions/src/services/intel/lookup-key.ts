import { createHmac, hkdfSync } from 'node:crypto';
import { normaliseLookupValue, type LookupKind } from '@beatlink/shared';
import { tableDataKeyStore } from '../../data/data-keys';
import { encryptField } from '../personal-data/field-cipher';
import { defaultMasterKey, type MasterKey } from '../personal-data/master-key';

/**
 * Keyed hashes for the exact lookup of ID numbers and phones (issue #4 point 5: no plaintext
 * index). Each county's lookup key is derived with HKDF-SHA256 from its data key (the one the
 * field cipher seals with, version 1), info `beatlink/lookup/v1`, salt the tenant id: it is never
 * stored, it cannot be computed without the master key, and one county's hashes say nothing about
 * another's. The hash is HMAC-SHA256 over `<kind>:<normalised value>` (upper-case X, digits only).
 *
 * Tied to data key v1: when keys rotate, the lookup items are rebuilt under the new key.
 */
const INFO = 'beatlink/lookup/v1';
const KEY_VERSION = 1;

const store = tableDataKeyStore();
let masterKey: MasterKey | undefined;
const cache = new Map<string, Buffer>();

export function deriveLookupKey(dataKey: Buffer, tenantId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(tenantId, 'utf8'), INFO, 32));
}

export function keyedHash(key: Buffer, kind: LookupKind, value: string): string {
  return createHmac('sha256', key).update(`${kind}:${normaliseLookupValue(kind, value)}`, 'utf8').digest('hex');
}

/**
 * The county's lookup key; undefined when the county has no data key yet (so nothing was ever
 * sealed and no lookup can match). `create` makes the data key first (before a record is sealed).
 */
async function lookupKey(tenantId: string, create: boolean): Promise<Buffer | undefined> {
  const cached = cache.get(tenantId);
  if (cached) return cached;
  let stored = await store.get(tenantId, KEY_VERSION);
  if (!stored && create) {
    // Sealing anything makes the county's data key (first writer wins, see field-cipher.ts).
    await encryptField(tenantId, '', 'intel.lookup.bootstrap');
    stored = await store.get(tenantId, KEY_VERSION);
  }
  if (!stored) return undefined;
  masterKey ??= defaultMasterKey();
  const key = deriveLookupKey(await masterKey.unwrap(stored.wrapped, tenantId), tenantId);
  cache.set(tenantId, key);
  return key;
}

/** The keyed hash of a value, making the county's key when needed (writes). */
export async function lookupHashForWrite(tenantId: string, kind: LookupKind, value: string): Promise<string> {
  const key = await lookupKey(tenantId, true);
  if (!key) throw new Error('the county has no data key after creating one');
  return keyedHash(key, kind, value);
}

/** The keyed hash of a value to look up; undefined when the county has no key (no match possible). */
export async function lookupHashForRead(tenantId: string, kind: LookupKind, value: string): Promise<string | undefined> {
  const key = await lookupKey(tenantId, false);
  return key && keyedHash(key, kind, value);
}

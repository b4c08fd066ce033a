import { randomBytes } from 'node:crypto';
import { tableDataKeyStore } from '../../data/data-keys';
import { isoNow, systemClock, type Clock } from '../../lib/clock';
import { KEY_BYTES, open, seal } from './aes-gcm';
import type { DataKeyStore } from './data-key-store';
import { defaultMasterKey, type MasterKey } from './master-key';

/**
 * Envelope encryption of personal fields (phones now, ID numbers later). Each tenant has its own
 * AES-256-GCM data key, made on first use and stored wrapped by the master key; unwrapped keys are
 * kept in memory for the life of the process. A value is
 * `v1.<keyVersion>.<iv>.<ciphertext>.<tag>` (base64url) sealed with AAD `<tenantId>|<purpose>`,
 * so a value copied to another tenant or another field does not decrypt.
 */
export interface FieldCipher {
  encrypt(tenantId: string, plaintext: string, purpose: string): Promise<string>;
  decrypt(tenantId: string, ciphertext: string, purpose: string): Promise<string>;
}

export interface FieldCipherDeps {
  masterKey: MasterKey;
  keys: DataKeyStore;
  clock?: Clock;
}

const FORMAT = 'v1';
/** The version new values are sealed with; older versions stay readable once keys rotate. */
const CURRENT_KEY_VERSION = 1;

const aadOf = (tenantId: string, purpose: string) => `${tenantId}|${purpose}`;

/** Never says more than that the value does not open here: no plaintext, no key material. */
const undecryptable = (reason: string) => new Error(`personal field cannot be decrypted: ${reason}`);

export function createFieldCipher(deps: FieldCipherDeps): FieldCipher {
  const clock = deps.clock ?? systemClock;
  const cache = new Map<string, Promise<Buffer>>();

  async function loadKey(tenantId: string, keyVersion: number, createIfMissing: boolean): Promise<Buffer> {
    const stored = await deps.keys.get(tenantId, keyVersion);
    if (stored) return deps.masterKey.unwrap(stored.wrapped, tenantId);
    if (!createIfMissing) throw undecryptable(`no data key v${keyVersion}`);
    const dataKey = randomBytes(KEY_BYTES);
    const wrapped = await deps.masterKey.wrap(dataKey, tenantId);
    if (await deps.keys.create(tenantId, { keyVersion, wrapped, createdAt: isoNow(clock) })) return dataKey;
    // Another process made the tenant's key first: use that one, so all values share one key.
    const winner = await deps.keys.get(tenantId, keyVersion);
    if (!winner) throw new Error(`data key v${keyVersion} was created concurrently but cannot be read`);
    return deps.masterKey.unwrap(winner.wrapped, tenantId);
  }

  function dataKey(tenantId: string, keyVersion: number, createIfMissing: boolean): Promise<Buffer> {
    const id = `${tenantId}#${keyVersion}`;
    let key = cache.get(id);
    if (!key) {
      key = loadKey(tenantId, keyVersion, createIfMissing);
      // A failure (table unavailable) is not remembered: the next call tries again.
      key.catch(() => cache.delete(id));
      cache.set(id, key);
    }
    return key;
  }

  return {
    async encrypt(tenantId, plaintext, purpose) {
      const key = await dataKey(tenantId, CURRENT_KEY_VERSION, true);
      return `${FORMAT}.${CURRENT_KEY_VERSION}.${seal(key, Buffer.from(plaintext, 'utf8'), aadOf(tenantId, purpose))}`;
    },
    async decrypt(tenantId, ciphertext, purpose) {
      const [format, version, ...sealed] = ciphertext.split('.');
      const keyVersion = Number(version);
      if (format !== FORMAT || !Number.isInteger(keyVersion) || keyVersion < 1) throw undecryptable('unknown format');
      const key = await dataKey(tenantId, keyVersion, false);
      try {
        return open(key, sealed.join('.'), aadOf(tenantId, purpose)).toString('utf8');
      } catch {
        throw undecryptable('altered, or sealed for another tenant or field');
      }
    },
  };
}

/*
 * The process-wide cipher: the table's data keys under the runtime's master key. Made at import,
 * so a stage without a usable master key fails at start-up, not at the first reveal.
 */
const defaultCipher = createFieldCipher({ masterKey: defaultMasterKey(), keys: tableDataKeyStore() });

export const encryptField = (tenantId: string, plaintext: string, purpose: string): Promise<string> => defaultCipher.encrypt(tenantId, plaintext, purpose);

export const decryptField = (tenantId: string, ciphertext: string, purpose: string): Promise<string> => defaultCipher.decrypt(tenantId, ciphertext, purpose);

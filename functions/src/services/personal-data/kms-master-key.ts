import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { dataKeyEncryptionContext } from './data-key-context';
import type { MasterKey } from './master-key';

/**
 * The AWS master key: a customer-managed KMS key (DataStack `PersonalDataKey`) wraps each county's
 * data key. The county is bound into the wrapping as KMS encryption context, which KMS checks on
 * Decrypt and which the tenant role's key policy conditions on (data-key-context.ts, whose names
 * infra/lib/personal-data-key-access.ts uses): a session of county A can neither wrap nor unwrap a key for county B.
 */

/** Marks values wrapped by this adapter (the local adapter's are `local1.`). */
export const KMS_WRAP_PREFIX = 'kms1';

/** What the adapter needs of a KMS client (the real one, or a fake in unit tests). */
export interface KmsSender {
  send(command: EncryptCommand | DecryptCommand): Promise<{ CiphertextBlob?: Uint8Array; Plaintext?: Uint8Array }>;
}

/**
 * `client` is asked for on every call: in AWS it returns the client of the county in scope (its
 * tenant session is what the key's permissions allow), so it must not be resolved once up front.
 */
export function kmsMasterKey(keyId: string, client: () => KmsSender): MasterKey {
  return {
    async wrap(dataKey, tenantId) {
      const { CiphertextBlob } = await client().send(
        new EncryptCommand({ KeyId: keyId, Plaintext: dataKey, EncryptionContext: dataKeyEncryptionContext(tenantId) }),
      );
      if (!CiphertextBlob) throw new Error('KMS Encrypt returned no ciphertext');
      return `${KMS_WRAP_PREFIX}.${Buffer.from(CiphertextBlob).toString('base64url')}`;
    },
    async unwrap(wrapped, tenantId) {
      const [prefix, blob, ...rest] = wrapped.split('.');
      if (prefix !== KMS_WRAP_PREFIX || !blob || rest.length > 0) {
        // A `local1.` key was wrapped by a laptop's key file (copied data?): no KMS key can open it.
        const origin = prefix === 'local1' ? ', but by a local master key file (local1.)' : '';
        throw new Error(`the data key was not wrapped by the KMS master key${origin}; expected a ${KMS_WRAP_PREFIX}. value`);
      }
      // KeyId is given so that KMS refuses a blob of any other key instead of using that key.
      const { Plaintext } = await client().send(
        new DecryptCommand({ KeyId: keyId, CiphertextBlob: Buffer.from(blob, 'base64url'), EncryptionContext: dataKeyEncryptionContext(tenantId) }),
      );
      if (!Plaintext) throw new Error('KMS Decrypt returned no plaintext');
      return Buffer.from(Plaintext);
    },
  };
}

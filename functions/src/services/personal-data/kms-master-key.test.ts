import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EncryptCommand, type DecryptCommand } from '@aws-sdk/client-kms';
import { afterAll, describe, expect, it } from 'vitest';
import { tenantClientPicker } from '../../data/tenant-clients';
import type { TenantCredentialVendor } from '../../data/tenant-credentials';
import { runInTenant } from '../../lib/tenant-scope';
import { createFieldCipher } from './field-cipher';
import { DATA_KEY_CONTEXT_KEYS, DATA_KEY_PURPOSE, dataKeyEncryptionContext } from './data-key-context';
import { kmsMasterKey, type KmsSender } from './kms-master-key';
import { localMasterKey } from './local-master-key';
import { defaultMasterKey } from './master-key';
import { memoryDataKeyStore } from './memory-data-key-store';

const KEY_ARN = 'arn:aws:kms:ap-east-1:123456789012:key/11111111-2222-3333-4444-555555555555';
const OTHER_KEY_ARN = 'arn:aws:kms:ap-east-1:123456789012:key/99999999-8888-7777-6666-555555555555';

/** An error shaped like the SDK's service exceptions. */
const kmsError = (name: string) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: 400 } });

/**
 * KMS in memory: AES-256-GCM under one secret per key, with the key id and the encryption context
 * (canonical: sorted) as AAD, and the key id carried in the blob, as KMS does. Decrypt with a
 * KeyId refuses a blob of another key; another context does not decrypt. Records every input.
 */
class FakeKms implements KmsSender {
  readonly keys = new Map<string, Buffer>();
  readonly inputs: (EncryptCommand['input'] | DecryptCommand['input'])[] = [];

  constructor(...keyIds: string[]) {
    for (const id of keyIds) this.keys.set(id, randomBytes(32));
  }

  private static aad(keyId: string, context: Record<string, string> | undefined): Buffer {
    const entries = Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Buffer.from(JSON.stringify([keyId, entries]), 'utf8');
  }

  async send(command: EncryptCommand | DecryptCommand): Promise<{ CiphertextBlob?: Uint8Array; Plaintext?: Uint8Array }> {
    this.inputs.push(command.input);
    if (command instanceof EncryptCommand) {
      const { KeyId, Plaintext, EncryptionContext } = command.input;
      const secret = KeyId ? this.keys.get(KeyId) : undefined;
      if (!KeyId || !secret || !Plaintext) throw kmsError('NotFoundException');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      cipher.setAAD(FakeKms.aad(KeyId, EncryptionContext));
      const sealed = Buffer.concat([cipher.update(Plaintext), cipher.final()]);
      const blob = { keyId: KeyId, iv: iv.toString('base64'), sealed: sealed.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
      return { CiphertextBlob: Buffer.from(JSON.stringify(blob), 'utf8') };
    }
    const { KeyId, CiphertextBlob, EncryptionContext } = command.input;
    if (!CiphertextBlob) throw kmsError('InvalidCiphertextException');
    const blob = JSON.parse(Buffer.from(CiphertextBlob).toString('utf8')) as { keyId: string; iv: string; sealed: string; tag: string };
    if (KeyId !== undefined && KeyId !== blob.keyId) throw kmsError('IncorrectKeyException');
    const secret = this.keys.get(blob.keyId);
    if (!secret) throw kmsError('InvalidCiphertextException');
    try {
      const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(blob.iv, 'base64'));
      decipher.setAAD(FakeKms.aad(blob.keyId, EncryptionContext));
      decipher.setAuthTag(Buffer.from(blob.tag, 'base64'));
      return { Plaintext: Buffer.concat([decipher.update(Buffer.from(blob.sealed, 'base64')), decipher.final()]) };
    } catch {
      throw kmsError('InvalidCiphertextException');
    }
  }
}


const dir = mkdtempSync(join(tmpdir(), 'beatlink-kms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('KMS master key', () => {
  it('round-trips a data key as kms1.<base64url ciphertext blob>', async () => {
    const kms = new FakeKms(KEY_ARN);
    const masterKey = kmsMasterKey(KEY_ARN, () => kms);
    const dataKey = randomBytes(32);
    const wrapped = await masterKey.wrap(dataKey, '370283');
    expect(wrapped).toMatch(/^kms1\.[\w-]+$/);
    expect(wrapped).not.toContain(dataKey.toString('base64url'));
    expect(await masterKey.unwrap(wrapped, '370283')).toEqual(dataKey);
  });

  it('sends the key id and exactly { purpose, tenantId } as encryption context, both ways', async () => {
    const kms = new FakeKms(KEY_ARN);
    const masterKey = kmsMasterKey(KEY_ARN, () => kms);
    const dataKey = randomBytes(32);
    const wrapped = await masterKey.wrap(dataKey, '370283');
    await masterKey.unwrap(wrapped, '370283');

    const context = { purpose: 'beatlink-data-key', tenantId: '370283' };
    expect(DATA_KEY_PURPOSE).toBe('beatlink-data-key');
    expect([...DATA_KEY_CONTEXT_KEYS]).toEqual(['purpose', 'tenantId']);
    expect(dataKeyEncryptionContext('370283')).toStrictEqual(context);
    expect(kms.inputs).toHaveLength(2);
    expect(kms.inputs[0]).toStrictEqual({ KeyId: KEY_ARN, Plaintext: dataKey, EncryptionContext: context });
    expect(kms.inputs[1]).toStrictEqual({ KeyId: KEY_ARN, CiphertextBlob: Buffer.from(wrapped.slice('kms1.'.length), 'base64url'), EncryptionContext: context });
  });

  it('does not unwrap a data key wrapped for another county', async () => {
    const kms = new FakeKms(KEY_ARN);
    const masterKey = kmsMasterKey(KEY_ARN, () => kms);
    const wrapped = await masterKey.wrap(randomBytes(32), '370283');
    await expect(masterKey.unwrap(wrapped, '370211')).rejects.toThrow(/InvalidCiphertext/);
  });

  it('refuses a blob of another KMS key (the key id is part of every Decrypt)', async () => {
    const kms = new FakeKms(KEY_ARN, OTHER_KEY_ARN);
    const wrapped = await kmsMasterKey(OTHER_KEY_ARN, () => kms).wrap(randomBytes(32), '370283');
    await expect(kmsMasterKey(KEY_ARN, () => kms).unwrap(wrapped, '370283')).rejects.toThrow(/IncorrectKey/);
  });

  it('refuses a key wrapped by a local key file (local1.) with a clear message, without calling KMS', async () => {
    const kms = new FakeKms(KEY_ARN);
    const local = await localMasterKey(join(dir, 'master.key')).wrap(randomBytes(32), '370283');
    expect(local).toMatch(/^local1\./);
    const masterKey = kmsMasterKey(KEY_ARN, () => kms);
    await expect(masterKey.unwrap(local, '370283')).rejects.toThrow(/not wrapped by the KMS master key, but by a local master key file/);
    await expect(masterKey.unwrap('kms1.', '370283')).rejects.toThrow(/not wrapped by the KMS master key/);
    expect(kms.inputs).toEqual([]);
  });

  it('asks for the client on every call, so each runs with the session of the county in scope', async () => {
    const kms = new FakeKms(KEY_ARN);
    const processClient = new FakeKms(KEY_ARN);
    // Only the vendor's presence matters to the picker; the fake clients ignore credentials.
    const vendor = {} as TenantCredentialVendor;
    const counties: string[] = [];
    const pick = tenantClientPicker<KmsSender>(processClient, vendor, (county) => {
      counties.push(county);
      return kms;
    });
    const masterKey = kmsMasterKey(KEY_ARN, pick);
    const a = await runInTenant('370283', () => masterKey.wrap(randomBytes(32), '370283'));
    await runInTenant('370211', () => masterKey.wrap(randomBytes(32), '370211'));
    await runInTenant('370283', () => masterKey.unwrap(a, '370283'));
    expect(counties).toEqual(['370283', '370211']);
    expect(kms.inputs).toHaveLength(3);
    expect(processClient.inputs).toEqual([]);
  });

  it('seals and opens personal fields through the field cipher, keys stored only KMS-wrapped', async () => {
    const kms = new FakeKms(KEY_ARN);
    const keys = memoryDataKeyStore();
    const cipher = createFieldCipher({ masterKey: kmsMasterKey(KEY_ARN, () => kms), keys });
    const value = await cipher.encrypt('370283', '13800001111', 'matter.reporter.phone');
    expect(keys.keys.get('370283#1')!.wrapped).toMatch(/^kms1\./);
    // A new process (fresh cache) unwraps the stored key through KMS.
    const restarted = createFieldCipher({ masterKey: kmsMasterKey(KEY_ARN, () => kms), keys });
    expect(await restarted.decrypt('370283', value, 'matter.reporter.phone')).toBe('13800001111');
    // The county's wrapped key copied to another county does not unwrap there.
    keys.keys.set('370211#1', keys.keys.get('370283#1')!);
    await expect(restarted.encrypt('370211', 'x', 'matter.reporter.phone')).rejects.toThrow(/InvalidCiphertext/);
  });
});

describe('defaultMasterKey in AWS', () => {
  const awsEnv = { tableName: 't', region: 'ap-east-1', attachmentBucket: 'b', userPoolId: 'p', stage: 'aws' as const };

  it('refuses to start without MASTER_KEY_ID, even with a key file configured', () => {
    expect(() => defaultMasterKey({ ...awsEnv, masterKeyFile: join(dir, 'master.key') })).toThrow(/MASTER_KEY_ID/);
  });

  it('uses the KMS key named by MASTER_KEY_ID (no client, no call until a key is wrapped)', async () => {
    const masterKey = defaultMasterKey({ ...awsEnv, masterKeyId: KEY_ARN });
    await expect(masterKey.unwrap(`local1.${'A'.repeat(16)}`, '370283')).rejects.toThrow(/not wrapped by the KMS master key/);
  });
});

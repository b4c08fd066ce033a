import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { open, seal } from './aes-gcm';
import { createFieldCipher } from './field-cipher';
import { localMasterKey } from './local-master-key';
import { defaultMasterKey } from './master-key';
import { memoryDataKeyStore } from './memory-data-key-store';


const dir = mkdtempSync(join(tmpdir(), 'beatlink-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const keyFile = join(dir, 'keys', 'master.key');

const store = memoryDataKeyStore();
const cipher = createFieldCipher({ masterKey: localMasterKey(keyFile), keys: store });
const PHONE = 'matter.reporter.phone';

/** Flips one character of the part at `index` of a `v1.<ver>.<iv>.<ct>.<tag>` value. */
function tamper(value: string, index: number): string {
  const parts = value.split('.');
  const part = parts[index]!;
  parts[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
  return parts.join('.');
}

describe('field cipher', () => {
  it('round-trips a value, in the documented format, with a fresh IV each time', async () => {
    const a = await cipher.encrypt('370283', '13800001111', PHONE);
    const b = await cipher.encrypt('370283', '13800001111', PHONE);
    expect(a).toMatch(/^v1\.1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('13800001111');
    expect(await cipher.decrypt('370283', a, PHONE)).toBe('13800001111');
    expect(await cipher.decrypt('370283', b, PHONE)).toBe('13800001111');
  });

  it('makes one data key per tenant, stored only wrapped', async () => {
    await cipher.encrypt('370211', '0532-88885678', PHONE);
    expect([...store.keys.keys()].sort()).toEqual(['370211#1', '370283#1']);
    expect(store.keys.get('370283#1')!.wrapped).toMatch(/^local1\./);
  });

  it('refuses an altered value (IV, ciphertext or tag)', async () => {
    const value = await cipher.encrypt('370283', '13800001111', PHONE);
    for (const index of [2, 3, 4]) await expect(cipher.decrypt('370283', tamper(value, index), PHONE)).rejects.toThrow(/cannot be decrypted/);
    await expect(cipher.decrypt('370283', value.replace(/^v1\./, 'v2.'), PHONE)).rejects.toThrow(/cannot be decrypted/);
  });

  it('refuses a value copied to another tenant or another field', async () => {
    const value = await cipher.encrypt('370283', '13800001111', PHONE);
    await expect(cipher.decrypt('370211', value, PHONE)).rejects.toThrow(/cannot be decrypted/);
    await expect(cipher.decrypt('370283', value, 'matter.party.phone')).rejects.toThrow(/cannot be decrypted/);
  });

  it('binds the AAD even under the same key', () => {
    const key = Buffer.alloc(32, 7);
    const sealed = seal(key, Buffer.from('13800001111'), '370283|matter.reporter.phone');
    expect(open(key, sealed, '370283|matter.reporter.phone').toString()).toBe('13800001111');
    expect(() => open(key, sealed, '370211|matter.reporter.phone')).toThrow();
    expect(() => open(key, sealed, '370283|matter.party.phone')).toThrow();
  });

  it('refuses a wrapped data key copied to another tenant', async () => {
    const copied = memoryDataKeyStore();
    const masterKey = localMasterKey(keyFile);
    const first = createFieldCipher({ masterKey, keys: copied });
    const value = await first.encrypt('370283', '13800001111', PHONE);
    copied.keys.set('370211#1', copied.keys.get('370283#1')!);
    const later = createFieldCipher({ masterKey, keys: copied });
    await expect(later.decrypt('370211', value, PHONE)).rejects.toThrow();
    await expect(later.encrypt('370211', 'x', PHONE)).rejects.toThrow();
  });

  it('converges on one key when two processes make a tenant’s first key at once, and a new process reads old values', async () => {
    const shared = memoryDataKeyStore();
    const one = createFieldCipher({ masterKey: localMasterKey(keyFile), keys: shared });
    const two = createFieldCipher({ masterKey: localMasterKey(keyFile), keys: shared });
    const [a, b] = await Promise.all([one.encrypt('370285', 'a', PHONE), two.encrypt('370285', 'b', PHONE)]);
    expect(shared.keys.size).toBe(1);
    const restarted = createFieldCipher({ masterKey: localMasterKey(keyFile), keys: shared });
    expect(await restarted.decrypt('370285', a, PHONE)).toBe('a');
    expect(await restarted.decrypt('370285', b, PHONE)).toBe('b');
  });
});

describe('master key', () => {
  it('creates the local key file once, readable by its owner only', async () => {
    const file = join(dir, 'fresh', 'master.key');
    const wrapped = await localMasterKey(file).wrap(Buffer.alloc(32, 1), '370283');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await localMasterKey(file).unwrap(wrapped, '370283')).toEqual(Buffer.alloc(32, 1));
  });

  it('refuses to start in AWS without the KMS key id, rather than use a file', () => {
    expect(() => defaultMasterKey({ tableName: 't', region: 'r', attachmentBucket: 'b', userPoolId: 'p', stage: 'aws', masterKeyFile: '/tmp/master.key' })).toThrow(/MASTER_KEY_ID/);
  });
});

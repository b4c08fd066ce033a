import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { KEY_BYTES, open, seal } from './aes-gcm';
import type { MasterKey } from './master-key';

/** Marks values wrapped by this adapter (a KMS-wrapped key will look different). */
const PREFIX = 'local1';

const wrapAad = (tenantId: string) => `datakey|${tenantId}`;

function parseKeyFile(file: string, text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${file} must hold a base64 ${KEY_BYTES}-byte key; delete it only if no data was encrypted with it`);
  return key;
}

/**
 * Reads the key file, creating it (mode 0600) when missing. The new key is written to a temporary
 * file and linked into place, so two processes starting at once both end up with the one linked.
 */
export function readOrCreateKeyFile(file: string): Buffer {
  try {
    return parseKeyFile(file, readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  return parseKeyFile(file, readFileSync(file, 'utf8'));
}

/** The laptop's master key: 32 bytes in a file, AES-256-GCM wrapping. Read on first use. */
export function localMasterKey(file: string): MasterKey {
  let key: Buffer | undefined;
  const masterKey = () => (key ??= readOrCreateKeyFile(file));
  return {
    async wrap(dataKey, tenantId) {
      return `${PREFIX}.${seal(masterKey(), dataKey, wrapAad(tenantId))}`;
    },
    async unwrap(wrapped, tenantId) {
      const [prefix, ...sealed] = wrapped.split('.');
      if (prefix !== PREFIX) throw new Error('the data key was not wrapped by the local master key');
      return open(masterKey(), sealed.join('.'), wrapAad(tenantId));
    },
  };
}

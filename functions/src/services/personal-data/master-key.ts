import { resolve } from 'node:path';
import { readEnv, type RuntimeEnv } from '../../lib/env';
import { localMasterKey } from './local-master-key';

/**
 * The master key port: wraps and unwraps the tenants' data keys. The master key itself never
 * leaves its keeper (a KMS key in AWS, a file on a laptop); the table holds only wrapped keys.
 * The tenant id is bound into the wrapping, so a wrapped key copied to another tenant fails.
 */
export interface MasterKey {
  wrap(dataKey: Buffer, tenantId: string): Promise<string>;
  unwrap(wrapped: string, tenantId: string): Promise<Buffer>;
}

/** `npm start`'s key file (the embedded stack always sets MASTER_KEY_FILE explicitly). */
export const DEFAULT_MASTER_KEY_FILE = '.data/keys/master.key';

/**
 * The master key for this runtime. In AWS a key file would sit unprotected in the bundle, so the
 * stage refuses to start rather than fall back to one.
 */
export function defaultMasterKey(env: RuntimeEnv = readEnv()): MasterKey {
  // Issue #8: `if (env.stage === 'aws') return kmsMasterKey(env.masterKeyId)` plugs in here.
  if (env.stage === 'aws') {
    throw new Error('APP_STAGE=aws: personal data needs the KMS master key adapter (issue #8), which is not built yet; refusing to use a local key file.');
  }
  return localMasterKey(resolve(env.masterKeyFile ?? DEFAULT_MASTER_KEY_FILE));
}

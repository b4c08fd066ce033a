import { resolve } from 'node:path';
import { readEnv, type RuntimeEnv } from '../../lib/env';
import { kmsClientNow } from './kms-client';
import { kmsMasterKey } from './kms-master-key';
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
 * The master key for this runtime: in AWS the KMS key named by MASTER_KEY_ID, used with the
 * county's tenant session. A key file would sit unprotected in the bundle, so without
 * MASTER_KEY_ID the stage refuses to start rather than fall back to one.
 */
export function defaultMasterKey(env: RuntimeEnv = readEnv()): MasterKey {
  if (env.stage === 'aws') {
    if (!env.masterKeyId) {
      throw new Error('APP_STAGE=aws: MASTER_KEY_ID (the KMS key that wraps the data keys) is not set; refusing to use a local key file for personal data.');
    }
    return kmsMasterKey(env.masterKeyId, kmsClientNow);
  }
  return localMasterKey(resolve(env.masterKeyFile ?? DEFAULT_MASTER_KEY_FILE));
}

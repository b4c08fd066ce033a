import { KMSClient, type KMSClientConfig } from '@aws-sdk/client-kms';
import { tenantClientPicker } from '../../data/tenant-clients';
import { tenantCredentials } from '../../data/tenant-credentials';
import { readEnv } from '../../lib/env';
import type { KmsSender } from './kms-master-key';

/** Short timeouts: an unanswering KMS becomes a 503 with Retry-After (error-mapping.ts), not a hung request. */
const clientConfig = (): KMSClientConfig => ({
  region: readEnv().region,
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 },
});

let picker: (() => KMSClient) | undefined;

/**
 * The KMS client for the code running now: inside a county's scope, one with that county's tenant
 * session (the only principal the personal-data key's policy lets wrap and unwrap, and only for
 * that county's encryption context); else the process's own, which the key refuses. Made on first
 * use, so a local run, which never wraps with KMS, constructs no client.
 */
export function kmsClientNow(): KmsSender {
  if (!picker) {
    const config = clientConfig();
    picker = tenantClientPicker(new KMSClient(config), tenantCredentials, (county, vendor) => new KMSClient({ ...config, credentials: vendor.provider(county) }));
  }
  return picker();
}

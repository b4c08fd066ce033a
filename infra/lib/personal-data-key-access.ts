import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { TENANT_TAG_KEY } from '@beatlink/functions/data/tenant-policy';
import { DATA_KEY_CONTEXT_KEYS, DATA_KEY_PURPOSE, PURPOSE_CONTEXT_KEY, TENANT_CONTEXT_KEY } from '@beatlink/functions/services/personal-data/data-key-context';

/** The encryption context a tenant session may use: its own county, for data-key wrapping only. */
export const PERSONAL_DATA_KEY_CONDITIONS: iam.Conditions = {
  StringEquals: {
    [`kms:EncryptionContext:${TENANT_CONTEXT_KEY}`]: `\${aws:PrincipalTag/${TENANT_TAG_KEY}}`,
    [`kms:EncryptionContext:${PURPOSE_CONTEXT_KEY}`]: DATA_KEY_PURPOSE,
  },
  'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': [...DATA_KEY_CONTEXT_KEYS] },
};

/**
 * TenantDataAccessRole's use of PersonalDataKey (functions/src/services/personal-data/kms-master-key.ts):
 * Encrypt and Decrypt only, and only with the encryption context of the session's county, so a
 * session of one county can neither wrap nor unwrap another county's data key. No GenerateDataKey
 * or ReEncrypt: the field cipher makes the data keys itself and KMS only wraps and unwraps them.
 */
export function personalDataKeyStatements(key: kms.IKey): iam.PolicyStatement[] {
  return [new iam.PolicyStatement({ actions: ['kms:Encrypt', 'kms:Decrypt'], resources: [key.keyArn], conditions: PERSONAL_DATA_KEY_CONDITIONS })];
}

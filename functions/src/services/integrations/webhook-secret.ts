import { randomBytes } from 'node:crypto';
import { decryptField, encryptField } from '../personal-data/field-cipher';

/**
 * Webhook signing secrets: `whsec_` + 32 random bytes (base64url). Unlike API keys the platform
 * must sign with the secret again, so it is sealed with the county's data key, not hashed.
 */
const PURPOSE = 'webhook_secret';

export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** `whsec_abcd…`: enough to tell two secrets apart in a list. */
export const webhookSecretPrefix = (secret: string): string => `${secret.slice(0, 'whsec_'.length + 4)}…`;

export const sealWebhookSecret = (tenantId: string, secret: string): Promise<string> => encryptField(tenantId, secret, PURPOSE);

export const openWebhookSecret = (tenantId: string, sealed: string): Promise<string> => decryptField(tenantId, sealed, PURPOSE);

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The secret part of an API key: 32 random bytes (43 base64url characters). Only its SHA-256 is
 * stored — a plain hash suffices for 256 random bits (nothing to guess), and it keeps
 * authentication to one GetItem with no slow KDF on the hot path.
 */
export const newApiKeySecret = (): string => randomBytes(32).toString('base64url');

export const apiKeySecretHash = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Compares a presented secret with the stored hash in constant time. */
export function apiKeySecretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(apiKeySecretHash(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** What a completed POST answered, replayed verbatim for a retry with the same key and body. */
export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface IdempotencyRecord {
  hash: string;
  state: 'in_progress' | 'completed';
  response?: StoredResponse;
}

/**
 * The port the idempotency middleware writes through. `scope` is `T#<tenantId>` or `PLATFORM`;
 * `key` is `<operationId>#<Idempotency-Key>`.
 */
export interface IdempotencyStore {
  /** Takes the key for this request, or returns the record that already holds it. */
  begin(scope: string, key: string, hash: string): Promise<{ claimed: true } | { claimed: false; existing: IdempotencyRecord }>;
  complete(scope: string, key: string, hash: string, response: StoredResponse): Promise<void>;
  /** Frees the key after a failed request, so the client may retry it. */
  release(scope: string, key: string, hash: string): Promise<void>;
}

/** Records live 24 hours; an in-progress claim is abandoned after a minute (a crashed request). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
export const IDEMPOTENCY_LOCK_MS = 60_000;

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** The fingerprint of a request: its path parameters and the body as sent. */
export function requestHash(params: unknown, body: unknown): string {
  return createHash('sha256').update(canonicalJson({ params, body })).digest('hex');
}

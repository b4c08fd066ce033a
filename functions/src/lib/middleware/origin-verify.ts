import { createHash, timingSafeEqual } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { MiddlewareObj } from '@middy/core';
import { AppError, dependencyUnavailable } from '../app-error';
import { readEnv } from '../env';
import { headerOf, type HttpResponse, type RouteEvent, type RouteRequest } from '../http-types';
import { logger } from '../logger';

/** The header the public API's CloudFront distribution adds to every origin request (PublicApiEdgeStack). */
export const ORIGIN_VERIFY_HEADER = 'x-beatlink-origin-verify';
/**
 * Set by the public API's CloudFront function to the host the integrator called (the origin sees
 * execute-api's); trustworthy only because origin verification keeps out requests that bypassed it.
 */
export const PUBLIC_HOST_HEADER = 'x-beatlink-public-host';

/** How long the fetched values are trusted before they are fetched again. */
export const SECRET_CACHE_MS = 5 * 60_000;
/** A header that matches no cached value triggers a re-fetch, at most this often (rotation pickup). */
export const MISMATCH_REFETCH_MS = 60_000;

/**
 * The values a request may carry: the secret's current value and, during a rotation, the previous
 * one (CloudFront sends the old value until the edge stack is redeployed).
 */
export type OriginSecretFetcher = () => Promise<readonly string[]>;

export interface OriginVerifyOptions {
  /** The secret's ARN; when unset (local stack, tests) the middleware does nothing. */
  secretArn?: string;
  /** Where the values come from; defaults to Secrets Manager (AWSCURRENT and AWSPREVIOUS). */
  fetchSecret?: OriginSecretFetcher;
  /** Milliseconds clock (tests). */
  now?: () => number;
}

/** Secrets Manager's AWSCURRENT value and, when one exists, its AWSPREVIOUS value. */
export function secretsManagerFetcher(secretArn: string, client = new SecretsManagerClient({ region: readEnv().region, maxAttempts: 3 })): OriginSecretFetcher {
  const stage = async (versionStage: 'AWSCURRENT' | 'AWSPREVIOUS'): Promise<string | undefined> => {
    try {
      const out = await client.send(new GetSecretValueCommand({ SecretId: secretArn, VersionStage: versionStage }));
      return out.SecretString || undefined;
    } catch (error) {
      // A secret that was never rotated has no AWSPREVIOUS version: that is not a failure.
      if (versionStage === 'AWSPREVIOUS' && (error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
      throw error;
    }
  };
  return async () => {
    const [current, previous] = await Promise.all([stage('AWSCURRENT'), stage('AWSPREVIOUS')]);
    if (!current) throw new Error('origin-verify secret has no current string value');
    return previous && previous !== current ? [current, previous] : [current];
  };
}

/** Digests first: timingSafeEqual needs equal lengths, and the header's length must not leak either. */
const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

function matchesAny(presented: string, values: readonly Buffer[]): boolean {
  const candidate = digest(presented);
  let matched = false;
  // Every value is compared (no early exit), so timing does not tell which one matched.
  for (const value of values) matched = timingSafeEqual(candidate, value) || matched;
  return matched;
}

const unavailable = (cause?: unknown): AppError => dependencyUnavailable({ zh: '来源校验', en: 'origin verification' }, 5, cause);

const FORBIDDEN_MESSAGE = '请通过公共 API 地址访问 / call the public API address (the edge URL), not the origin';

/**
 * Refuses (403 FORBIDDEN, in the route's error style) any public request that did not come through
 * the public API's CloudFront distribution, i.e. bypassed its WAF rate and managed rules by calling
 * the execute-api URL directly. It runs before the API key is read: a refused request costs no key
 * lookup and writes nothing. The values are fetched once per warm container and cached; a header
 * that matches none of them re-fetches (at most once a minute), so a rotated secret is picked up.
 * Without a secret ARN (the local stack) it does nothing.
 */
export function originVerify(options: OriginVerifyOptions = { secretArn: readEnv().originVerifySecretArn }): MiddlewareObj<RouteEvent, HttpResponse> {
  const { secretArn } = options;
  // middy wants at least one hook; a no-op keeps the chain's shape the same everywhere.
  if (!secretArn) return { name: 'originVerify', before: () => undefined };
  const fetchSecret = options.fetchSecret ?? secretsManagerFetcher(secretArn);
  const now = options.now ?? Date.now;
  let cached: { values: Buffer[]; fetchedAt: number } | undefined;
  let lastAttempt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<Buffer[]> | undefined;

  /** Fetches (one call at a time); on failure keeps serving the stale values if there are any. */
  const refresh = async (): Promise<Buffer[]> => {
    if (!inFlight) {
      lastAttempt = now();
      inFlight = fetchSecret()
        .then((values) => {
          cached = { values: values.map(digest), fetchedAt: now() };
          return cached.values;
        })
        .finally(() => {
          inFlight = undefined;
        });
    }
    try {
      return await inFlight;
    } catch (error) {
      if (cached) {
        logger.warn('origin-verify secret refresh failed, using the cached value', { error: (error as Error).name });
        return cached.values;
      }
      throw unavailable(error);
    }
  };
  // At most one fetch a minute once values are cached: neither wrong headers nor a failing
  // Secrets Manager turn into a Secrets Manager call per request.
  const mayRefetch = () => now() - lastAttempt >= MISMATCH_REFETCH_MS;
  const current = async (): Promise<Buffer[]> => {
    if (!cached) {
      // Nothing cached and the last fetch failed moments ago: answer 503 without calling again.
      if (!mayRefetch() && !inFlight) throw unavailable();
      return refresh();
    }
    return now() - cached.fetchedAt >= SECRET_CACHE_MS && mayRefetch() ? refresh() : cached.values;
  };

  return {
    name: 'originVerify',
    before: async (request: RouteRequest) => {
      const presented = headerOf(request.event, ORIGIN_VERIFY_HEADER);
      if (!presented) throw new AppError('FORBIDDEN', FORBIDDEN_MESSAGE);
      if (matchesAny(presented, await current())) return;
      if (mayRefetch() && matchesAny(presented, await refresh())) return;
      throw new AppError('FORBIDDEN', FORBIDDEN_MESSAGE);
    },
  };
}

import { TransitionNotAllowed } from '@beatlink/shared';
import { AppError, dependencyUnavailable } from './app-error';

const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'LimitExceededException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'InternalFailure',
  'InternalErrorException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
]);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'UND_ERR_SOCKET']);

interface AwsLikeError {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
  cause?: unknown;
}

/** Throttling, 5xx from a dependency, timeouts and refused connections: worth a retry later. */
export function isTransientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as AwsLikeError;
  if (e.name && TRANSIENT_NAMES.has(e.name)) return true;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if (e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && (status >= 500 || status === 429)) return true;
  return e.cause !== undefined && e.cause !== error && isTransientError(e.cause);
}

/**
 * Maps what may escape a service to an AppError: AppErrors as they are, transient dependency
 * failures to 503 with Retry-After, unmapped condition failures to 409. Anything else stays
 * unknown (→ 500 without internals).
 */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  // The shared state machine refuses what its table does not allow: 422.
  if (error instanceof TransitionNotAllowed) {
    return new AppError('TRANSITION_NOT_ALLOWED', error.message, { details: [{ path: 'transition', message: error.message }], cause: error });
  }
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as AwsLikeError).name;
  if (name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException' || name === 'TransactionConflictException') {
    return new AppError('CONFLICT', '记录状态已变化，请刷新后重试 / the data changed concurrently, reload and retry', { cause: error });
  }
  if (isTransientError(error)) return dependencyUnavailable({ zh: '后端服务', en: 'a backing service' }, 2, error);
  return undefined;
}

/** The error codes of the API and the HTTP status each one is sent with. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  CONFLICT: 409,
  TRANSITION_NOT_ALLOWED: 422,
  /** An Idempotency-Key sent again with another request. */
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  DEPENDENCY_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `assignment.officeId`; `''` for the whole body. */
  path: string;
  message: string;
}

/** The JSON body of every error response. */
export interface ErrorBody {
  /** `retryAfter` (seconds): the same request may succeed then (a concurrent change, throttling). */
  error: { code: ErrorCode; message: string; details?: ErrorDetail[]; retryAfter?: number };
}

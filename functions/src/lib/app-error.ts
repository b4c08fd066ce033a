import { ERROR_STATUS, type ErrorBody, type ErrorCode, type ErrorDetail } from '@beatlink/shared';

/**
 * The one error type services throw. The error-handler middleware turns it into
 * `{"error":{code,message,details}}` with the status of its code; anything else becomes a 500.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];
  /** Seconds the client should wait before retrying (sent as `Retry-After`). */
  readonly retryAfter?: number;

  constructor(code: ErrorCode, message: string, options: { details?: ErrorDetail[]; retryAfter?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details?.length ? { details: this.details } : {}),
        // Also in the body: a browser cannot read Retry-After across origins unless CORS exposes it.
        ...(this.retryAfter !== undefined ? { retryAfter: this.retryAfter } : {}),
      },
    };
  }
}

const detail = (path: string, message: string): ErrorDetail[] => [{ path, message }];

export const validationFailed = (details: ErrorDetail[], message = '请求参数有误 / invalid request'): AppError =>
  new AppError('VALIDATION_FAILED', message, { details });

export const invalidField = (path: string, message: string): AppError => validationFailed(detail(path, message));

export const unauthenticated = (message = '未登录或登录已失效 / not signed in'): AppError => new AppError('UNAUTHENTICATED', message);

export const forbidden = (message = '无权执行此操作 / not allowed'): AppError => new AppError('FORBIDDEN', message);

/** Also used for another county's id: existence is never revealed across tenants. */
export const notFound = (path: string, message = '记录不存在 / not found'): AppError =>
  new AppError('NOT_FOUND', message, { details: detail(path, message) });

export const conflict = (path: string, message: string): AppError => new AppError('CONFLICT', message, { details: detail(path, message) });

export const versionConflict = (): AppError =>
  new AppError('VERSION_CONFLICT', '记录已被他人修改，请刷新后重试 / the record has changed, reload and retry', {
    details: detail('version', '版本已过期 / stale version'),
  });

export const dependencyUnavailable = (dependency: { zh: string; en: string }, retryAfter = 2, cause?: unknown): AppError =>
  new AppError('DEPENDENCY_UNAVAILABLE', `${dependency.zh}暂不可用，请稍后重试 / ${dependency.en} is unavailable, retry later`, { retryAfter, cause });

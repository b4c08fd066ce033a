import type { ErrorCode, ErrorDetail } from '@beatlink/shared';

/** An error answer of the API (`{"error":{code,message,details}}`), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Seconds after which the same request may succeed (the API says so for transient conflicts). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'TRANSITION_NOT_ALLOWED',
  429: 'RATE_LIMITED',
  503: 'DEPENDENCY_UNAVAILABLE',
};

/** Builds an ApiError from a response status and its (possibly non-JSON) body. */
export function parseErrorBody(status: number, body: unknown): ApiError {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  const fallbackCode: ErrorCode = STATUS_CODES[status] ?? 'INTERNAL';
  if (typeof error !== 'object' || error === null) return new ApiError(status, fallbackCode, `HTTP ${status}`);
  const { code, message, details, retryAfter } = error as { code?: unknown; message?: unknown; details?: unknown; retryAfter?: unknown };
  const parsedDetails: ErrorDetail[] = Array.isArray(details)
    ? details
        .filter((d): d is { path?: unknown; message?: unknown } => typeof d === 'object' && d !== null)
        .map((d) => ({ path: typeof d.path === 'string' ? d.path : '', message: typeof d.message === 'string' ? d.message : '' }))
    : [];
  return new ApiError(
    status,
    typeof code === 'string' ? (code as ErrorCode) : fallbackCode,
    typeof message === 'string' ? message : `HTTP ${status}`,
    parsedDetails,
    typeof retryAfter === 'number' ? retryAfter : undefined,
  );
}

export const VERSION_CONFLICT_MESSAGE = '数据已被他人修改，请刷新后重试';

const CODE_MESSAGES: Record<ErrorCode | 'NETWORK', string> = {
  VALIDATION_FAILED: '提交的数据有误，请检查后重试',
  UNAUTHENTICATED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '记录不存在或已被删除',
  VERSION_CONFLICT: VERSION_CONFLICT_MESSAGE,
  CONFLICT: '操作与现有数据冲突',
  TRANSITION_NOT_ALLOWED: '当前状态不允许此操作',
  IDEMPOTENCY_KEY_REUSED: '同一幂等键已用于不同的请求，请重新提交',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  DEPENDENCY_UNAVAILABLE: '服务暂时不可用，请稍后重试',
  INTERNAL: '服务器内部错误，请稍后重试',
  NETWORK: '无法连接服务器，请检查网络后重试',
};

const CJK = /[\u4e00-\u9fff]/;

/** The Chinese half of a bilingual message ("须为有效的电话号码 / must be a valid phone number"). */
export function chinesePart(message: string): string {
  const [first] = message.split(' / ');
  return first && CJK.test(first) ? first.trim() : message.trim();
}

/** A Chinese sentence for the user: the server's own words when they are Chinese, else the code's. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'VERSION_CONFLICT') return VERSION_CONFLICT_MESSAGE;
    if (CJK.test(error.message)) return chinesePart(error.message);
    return CODE_MESSAGES[error.code] ?? CODE_MESSAGES.INTERNAL;
  }
  if (error instanceof TypeError) return CODE_MESSAGES.NETWORK;
  if (error instanceof Error && CJK.test(error.message)) return error.message;
  return CODE_MESSAGES.INTERNAL;
}

/** Whether the error means someone else changed the record since it was read. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'VERSION_CONFLICT' || (error.status === 409 && /version/i.test(error.message)));
}

import type { ErrorBody } from '@beatlink/shared';
import { sleep } from './processes';

/**
 * A small client for the Beatlink API (the local gateway or the AWS HTTP API), as a well-behaved
 * caller uses it: bearer ID token, JSON, `Idempotency-Key` on POSTs, and retries of what may be
 * retried (429/503 honouring Retry-After, network errors, a keyed POST still in progress).
 */
export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    const error = (body as Partial<ErrorBody> | undefined)?.error;
    const detail = error?.details?.map((d) => `${d.path}: ${d.message}`).join('; ');
    super(`${method} ${path} → ${status} ${error?.code ?? ''} ${error?.message ?? JSON.stringify(body)}${detail ? ` (${detail})` : ''}`);
  }

  get code(): string | undefined {
    return (this.body as Partial<ErrorBody> | undefined)?.error?.code;
  }
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

export interface ApiClientOptions {
  baseUrl: string;
  /** The ID token to send, if any. */
  token?: string;
  /** Retries of retryable failures (default 4). */
  retries?: number;
  /** Told about each retry (status, or 0 for a network error). */
  onRetry?: (method: string, path: string, status: number) => void;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
/** How long a keyed POST waits for an earlier attempt of itself (the API's lock is 60 s). */
const IN_PROGRESS_WAIT_MS = 65_000;

export class ApiClient {
  constructor(readonly options: ApiClientOptions) {}

  withToken(token: string | undefined): ApiClient {
    return new ApiClient({ ...this.options, token });
  }

  /** Sends one request (with retries) and returns whatever came back, error statuses included. */
  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const url = new URL(path, this.options.baseUrl);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const retryable = method === 'GET' || method === 'PUT' || Boolean(options.idempotencyKey);
    const attempts = retryable ? (this.options.retries ?? 4) + 1 : 1;
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
        });
      } catch (error) {
        if (attempt >= attempts) throw new Error(`${method} ${path}: ${(error as Error).message}`, { cause: error });
        this.options.onRetry?.(method, path, 0);
        await sleep(100 * 2 ** attempt);
        continue;
      }
      const text = await response.text();
      const body = (text ? parseJson(text) : undefined) as T;
      // A keyed POST may still be running from an attempt whose answer was lost (the API answers
      // 409 "…still in progress"); it frees a key whose request never finished after a minute.
      const inProgress = response.status === 409 && Boolean(options.idempotencyKey) && /in progress/.test(text);
      if (inProgress && Date.now() < started + IN_PROGRESS_WAIT_MS) {
        this.options.onRetry?.(method, path, response.status);
        await sleep(2_000);
        continue;
      }
      // A 409 with Retry-After is a transaction conflict with a concurrent change.
      const transientConflict = response.status === 409 && response.headers.has('retry-after');
      if (attempt < attempts && (RETRYABLE_STATUS.has(response.status) || transientConflict)) {
        this.options.onRetry?.(method, path, response.status);
        const retryAfter = Number(response.headers.get('retry-after'));
        await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 10) * 1000 : 150 * 2 ** attempt);
        continue;
      }
      return { status: response.status, headers: response.headers, body };
    }
  }

  /** Like `request`, but a non-2xx status throws an `ApiError`. */
  async call<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.request<T>(method, path, options);
    if (response.status < 200 || response.status >= 300) throw new ApiError(method, path, response.status, response.body);
    return response.body;
  }

  get<T = unknown>(path: string, query?: RequestOptions['query']): Promise<T> {
    return this.call<T>('GET', path, { query });
  }

  post<T = unknown>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
    return this.call<T>('POST', path, { body, idempotencyKey });
  }

  put<T = unknown>(path: string, body: unknown): Promise<T> {
    return this.call<T>('PUT', path, { body });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

import { ApiError, parseErrorBody } from './api-error';

export type QueryValue = string | number | boolean | undefined | null;

export interface ApiClientOptions {
  baseUrl: string;
  /** The Cognito ID token, or undefined when signed out. */
  getToken: () => Promise<string | undefined>;
  onUnauthenticated?: () => void;
  fetchImpl?: typeof fetch;
  newIdempotencyKey?: () => string;
}

export interface PostOptions {
  /**
   * The Idempotency-Key to send instead of a new one: a retried submit of the same draft (a
   * phone on a weak signal) reuses its key, so the API runs it at most once.
   */
  idempotencyKey?: string;
}

/**
 * A file the API sent (an Excel export): its bytes and its Content-Disposition, which
 * content-disposition.ts reads the name from (kept out of here: every phone page loads this client).
 */
export interface DownloadedFile {
  blob: Blob;
  disposition: string | null;
}

export interface ApiClient {
  get<T>(path: string, query?: Record<string, QueryValue>): Promise<T>;
  post<T>(path: string, body: unknown, options?: PostOptions): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  /** GET of a file route, with the same token and errors as `get`. */
  download(path: string, query?: Record<string, QueryValue>): Promise<DownloadedFile>;
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Calls the Beatlink API with the ID token; every error becomes an ApiError. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const newKey = options.newIdempotencyKey ?? (() => crypto.randomUUID());

  /** Sends the request; a failed answer (or no answer) becomes an ApiError. */
  async function send(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    accept: string,
    body?: unknown,
    query?: Record<string, QueryValue>,
    idempotencyKey?: string,
  ): Promise<Response> {
    const token = await options.getToken();
    const headers: Record<string, string> = { Accept: accept };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method === 'POST') headers['Idempotency-Key'] = idempotencyKey ?? newKey();
    let response: Response;
    try {
      response = await fetchImpl(buildUrl(options.baseUrl, path, query), {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : 'network error');
    }
    if (!response.ok) {
      const error = parseErrorBody(response.status, await jsonOf(response));
      if (response.status === 401) options.onUnauthenticated?.();
      throw error;
    }
    return response;
  }

  async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, query?: Record<string, QueryValue>, idempotencyKey?: string): Promise<T> {
    const response = await send(method, path, 'application/json', body, query, idempotencyKey);
    return (await jsonOf(response)) as T;
  }

  return {
    get: (path, query) => request('GET', path, undefined, query),
    post: (path, body, postOptions) => request('POST', path, body ?? {}, undefined, postOptions?.idempotencyKey),
    put: (path, body) => request('PUT', path, body),
    download: async (path, query) => {
      const response = await send('GET', path, '*/*', undefined, query);
      return { blob: await response.blob(), disposition: response.headers.get('content-disposition') };
    },
  };
}

import type { LocalStackConfig } from '@beatlink/infra/local/stack-config';
import { ApiClient, ApiError, type ApiResponse } from '@beatlink/infra/local/api-client';
import { idToken } from './auth';

export { ApiClient, ApiError, type ApiResponse };

/**
 * A tiny client for the gateway. `request` returns every status (for asserting 401/403/404);
 * `get`/`post`/`put` throw an `ApiError` on a non-2xx answer. No retries: tests see what the API
 * answered the first time.
 */
export function api(gatewayUrl: string, token?: string): ApiClient {
  return new ApiClient({ baseUrl: gatewayUrl, token, retries: 0 });
}

/** A client signed in as `login` (its ID token in the Authorization header). */
export async function apiAs(config: LocalStackConfig, login: { username: string; password: string }): Promise<ApiClient> {
  return api(config.gatewayUrl, await idToken(config, login));
}

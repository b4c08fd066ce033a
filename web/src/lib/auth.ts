import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signOut } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { createApiClient, type ApiClient } from './api-client';
import { createLocalTokenRefresher } from './local-token-refresher';
import { loadRuntimeConfig, type RuntimeConfig } from './runtime-config';

type TokenRefresher = Parameters<typeof cognitoUserPoolsTokenProvider.tokenOrchestrator.setTokenRefresher>[0];

let configured: Promise<RuntimeConfig> | undefined;

/**
 * Loads the runtime configuration and configures Amplify Auth once per page load. Tokens live in
 * localStorage (Amplify's default), so the session survives reloads.
 */
export function ensureAuth(): Promise<RuntimeConfig> {
  configured ??= loadRuntimeConfig()
    .then((config) => {
      Amplify.configure({
        Auth: {
          Cognito: {
            userPoolId: config.userPoolId,
            userPoolClientId: config.userPoolClientId,
            ...(config.userPoolEndpoint ? { userPoolEndpoint: config.userPoolEndpoint } : {}),
          },
        },
      });
      if (config.userPoolEndpoint) {
        // cognito-local lacks GetTokensFromRefreshToken, which Amplify's own refresher calls.
        const refresher = createLocalTokenRefresher(config.userPoolEndpoint, config.userPoolClientId);
        cognitoUserPoolsTokenProvider.tokenOrchestrator.setTokenRefresher(refresher as unknown as TokenRefresher);
      }
      return config;
    })
    .catch((error: unknown) => {
      configured = undefined;
      throw error;
    });
  return configured;
}

/** The current ID token (refreshed by Amplify when it has expired), or undefined when signed out. */
export async function currentIdToken(): Promise<string | undefined> {
  await ensureAuth();
  const session = await fetchAuthSession();
  return session.tokens?.idToken?.toString();
}

export async function signOutEverywhere(): Promise<void> {
  await ensureAuth();
  await signOut();
}

let client: Promise<ApiClient> | undefined;

/** The API client of this page: base URL from the runtime config, ID token from Amplify. */
export function getApiClient(): Promise<ApiClient> {
  client ??= ensureAuth().then((config) =>
    createApiClient({
      baseUrl: config.apiUrl,
      getToken: currentIdToken,
      onUnauthenticated: () => redirectToLogin(),
    }),
  );
  return client;
}

/** Sends the browser to the sign-in page, coming back to where it was afterwards. */
export function redirectToLogin(): void {
  const next = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

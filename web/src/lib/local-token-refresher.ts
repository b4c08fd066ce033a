import { decodeJwt, type DecodedJwt } from './jwt';

/** The part of Amplify's token record a refresher reads and returns. */
export interface RefreshableTokens {
  accessToken: DecodedJwt;
  idToken?: DecodedJwt;
  refreshToken?: string;
  clockDrift: number;
  username: string;
}

/** An error Amplify's token orchestrator understands: it clears the session on NotAuthorizedException. */
export class CognitoServiceError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

interface InitiateAuthResponse {
  AuthenticationResult?: { AccessToken?: string; IdToken?: string; RefreshToken?: string };
}

/**
 * cognito-local has no `GetTokensFromRefreshToken` (which Amplify's refresh calls), so locally the
 * portal refreshes with `InitiateAuth REFRESH_TOKEN_AUTH` against the user-pool endpoint.
 */
export function createLocalTokenRefresher(endpoint: string, clientId: string, fetchImpl: typeof fetch = fetch) {
  return async ({ tokens, username }: { tokens: RefreshableTokens; username: string }): Promise<RefreshableTokens> => {
    if (!tokens.refreshToken) throw new CognitoServiceError('NotAuthorizedException', 'No refresh token');
    const response = await fetchImpl(`${endpoint}/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: clientId,
        AuthParameters: { REFRESH_TOKEN: tokens.refreshToken },
      }),
    });
    const body = (await response.json().catch(() => ({}))) as InitiateAuthResponse & { __type?: string; message?: string };
    if (!response.ok) {
      const name = (body.__type ?? 'ServiceException').split('#').pop() ?? 'ServiceException';
      throw new CognitoServiceError(name, body.message ?? `HTTP ${response.status}`);
    }
    const result = body.AuthenticationResult;
    if (!result?.AccessToken) throw new CognitoServiceError('NotAuthorizedException', 'No tokens in the refresh response');
    const accessToken = decodeJwt(result.AccessToken);
    const iat = accessToken.payload.iat;
    if (!iat) throw new CognitoServiceError('iatNotFoundException', 'iat not found in access token');
    return {
      accessToken,
      ...(result.IdToken ? { idToken: decodeJwt(result.IdToken) } : {}),
      // Cognito keeps the refresh token unless it rotates it.
      refreshToken: result.RefreshToken ?? tokens.refreshToken,
      clockDrift: iat * 1000 - Date.now(),
      username,
    };
  };
}

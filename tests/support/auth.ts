import type { LocalStackConfig } from '@beatlink/infra/local/stack-config';
import { signIn } from '@beatlink/infra/local/cognito-local';

/**
 * Signs a user in against cognito-local (InitiateAuth USER_PASSWORD_AUTH, as the portal does
 * locally) and returns the ID token — the token the portal sends to the API. Tokens are cached
 * per stack and user for the life of the test process (they are valid for an hour).
 */
const cache = new Map<string, Promise<string>>();

export function idToken(config: LocalStackConfig, login: { username: string; password: string }): Promise<string> {
  const key = `${config.cognitoEndpoint}|${config.userPoolClientId}|${login.username}|${login.password}`;
  let token = cache.get(key);
  if (!token) {
    token = signIn(config, login.username, login.password).then((result) => result.idToken);
    token.catch(() => cache.delete(key));
    cache.set(key, token);
  }
  return token;
}

/** The claims of a token, unverified (for assertions on what cognito-local issued). */
export function decodeClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('Not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

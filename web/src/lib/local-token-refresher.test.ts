import { describe, expect, it, vi } from 'vitest';
import { decodeJwt } from './jwt';
import { CognitoServiceError, createLocalTokenRefresher, type RefreshableTokens } from './local-token-refresher';

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: object) => `${b64url({ alg: 'RS256' })}.${b64url(payload)}.sig`;

const current: RefreshableTokens = {
  accessToken: decodeJwt(jwt({ iat: 1, exp: 2 })),
  refreshToken: 'refresh-1',
  clockDrift: 0,
  username: 'wang',
};

describe('createLocalTokenRefresher', () => {
  it('calls InitiateAuth REFRESH_TOKEN_AUTH and returns tokens in Amplify’s shape', async () => {
    const now = Math.floor(Date.now() / 1000);
    const fetchImpl = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
      Response.json({ AuthenticationResult: { AccessToken: jwt({ iat: now, exp: now + 3600 }), IdToken: jwt({ name: '王警官', exp: now + 3600 }) } }),
    );
    const refresh = createLocalTokenRefresher('http://127.0.0.1:9229', 'client-1', fetchImpl);
    const tokens = await refresh({ tokens: current, username: 'wang' });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:9229/');
    expect(init?.headers).toEqual({
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    });
    expect(JSON.parse(String(init?.body))).toEqual({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'client-1', AuthParameters: { REFRESH_TOKEN: 'refresh-1' } });
    expect(tokens.idToken?.payload.name).toBe('王警官');
    expect(tokens.accessToken.toString()).toContain('.');
    expect(tokens.refreshToken).toBe('refresh-1');
    expect(tokens.username).toBe('wang');
    expect(Math.abs(tokens.clockDrift)).toBeLessThan(5_000);
  });

  it('reports Cognito errors by their type so Amplify clears a dead session', async () => {
    const fetchImpl = vi.fn(async () => Response.json({ __type: 'NotAuthorizedException', message: 'Invalid refresh token' }, { status: 400 }));
    const refresh = createLocalTokenRefresher('http://cognito', 'client-1', fetchImpl);
    const error = await refresh({ tokens: current, username: 'wang' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CognitoServiceError);
    expect((error as Error).name).toBe('NotAuthorizedException');
  });

  it('refuses without a refresh token', async () => {
    const refresh = createLocalTokenRefresher('http://cognito', 'client-1', vi.fn());
    await expect(refresh({ tokens: { ...current, refreshToken: undefined }, username: 'wang' })).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});

describe('decodeJwt', () => {
  it('reads UTF-8 claims', () => {
    expect(decodeJwt(jwt({ name: '李四', 'cognito:groups': ['auxiliary'] })).payload).toEqual({ name: '李四', 'cognito:groups': ['auxiliary'] });
    expect(() => decodeJwt('nope')).toThrow();
  });
});

import { describe, expect, inject, it } from 'vitest';
import type { Me } from '@beatlink/shared';
import { signIn } from '@beatlink/infra/local/cognito-local';
import { createLocalTokenRefresher } from '../../web/src/lib/local-token-refresher';
import { decodeJwt } from '../../web/src/lib/jwt';
import { api } from '../support/api';
import '../support/provided';

/**
 * The portal's local token refresher against the real cognito-local (which lacks Amplify's
 * GetTokensFromRefreshToken): a refresh returns a new ID token that the gateway accepts.
 */
const config = inject('stackConfig');
const logins = inject('logins');

describe('local token refresh', () => {
  it('turns a refresh token into a fresh ID token the API accepts', async () => {
    const login = logins.byTenant['370283']!.contact_officer!;
    const first = await signIn(config, login.username, login.password);
    expect(first.refreshToken).toBeTruthy();
    const refresh = createLocalTokenRefresher(config.cognitoEndpoint, config.userPoolClientId);
    const refreshed = await refresh({
      username: login.username,
      tokens: { accessToken: decodeJwt(first.accessToken), idToken: decodeJwt(first.idToken), refreshToken: first.refreshToken, clockDrift: 0, username: login.username },
    });
    expect(refreshed.idToken).toBeDefined();
    expect(refreshed.refreshToken).toBe(first.refreshToken);
    expect(refreshed.idToken!.payload['custom:tenantId']).toBe('370283');
    const me = await api(config.gatewayUrl, refreshed.idToken!.toString()).get<Me>('/me');
    expect(me).toMatchObject({ username: login.username, tenantId: '370283', roles: ['contact_officer'] });
  });

  it('refuses a refresh token cognito-local never issued, as Amplify expects', async () => {
    const refresh = createLocalTokenRefresher(config.cognitoEndpoint, config.userPoolClientId);
    const first = await signIn(config, logins.platformAdmin.username, logins.platformAdmin.password);
    await expect(
      refresh({
        username: logins.platformAdmin.username,
        tokens: { accessToken: decodeJwt(first.accessToken), refreshToken: 'not-a-refresh-token', clockDrift: 0, username: logins.platformAdmin.username },
      }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});

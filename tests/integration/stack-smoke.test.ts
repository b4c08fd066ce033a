import { describe, expect, inject, it } from 'vitest';
import type { Me } from '@beatlink/shared';
import { api, apiAs } from '../support/api';
import { decodeClaims, idToken } from '../support/auth';
import '../support/provided';

const gatewayUrl = inject('gatewayUrl');
const config = inject('stackConfig');
const logins = inject('logins');

describe('the embedded stack', () => {
  it('answers /health with every part up', async () => {
    const response = await api(gatewayUrl).request<{ status: string; checks: Record<string, unknown> }>('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.checks).toMatchObject({ dynamodb: 'ok', cognito: 'ok', handlers: { admin: 'ok', directory: 'ok' } });
  });

  it('signs the program office of 370283 in, and GET /me names its county', async () => {
    const login = logins.byTenant['370283']?.program_office;
    expect(login).toBeDefined();
    const token = await idToken(config, login!);
    expect(decodeClaims(token)).toMatchObject({ 'custom:tenantId': '370283', 'cognito:groups': ['program_office'] });
    const me = await (await apiAs(config, login!)).get<Me>('/me');
    expect(me.tenantId).toBe('370283');
    expect(me.roles).toContain('program_office');
    // The portal greets the officer by name, which cognito-local's tokens lack: /me finds it.
    expect(me.name).not.toBe(login!.username);
    expect(me.name).toMatch(/\p{Script=Han}/u);
    expect(me.tenantName).toMatch(/公安局$/);
  });

  it('refuses a request without a token with 401 UNAUTHENTICATED, before any handler runs', async () => {
    const response = await api(gatewayUrl).request('GET', '/me');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token that is not cognito-local’s', async () => {
    const token = await idToken(config, logins.platformAdmin);
    const [header, payload] = token.split('.');
    const response = await api(gatewayUrl, `${header}.${payload}.c2lnbmF0dXJl`).request('GET', '/me');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers an unknown route with a 404 error body', async () => {
    const response = await api(gatewayUrl).request('GET', '/no/such/route');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('answers the portal’s CORS preflight', async () => {
    const response = await fetch(`${gatewayUrl}/directory/stations`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(response.headers.get('access-control-allow-headers')).toContain('idempotency-key');
  });
});

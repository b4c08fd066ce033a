import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_IMMUTABLE } from '../lib/portal/portal-headers';
import { startPortal, type Portal, type PortalRuntimeConfig } from './portal';

/** The local portal server over a small export (infra/test/fixtures/portal-export/out). */
const FIXTURE = resolve(import.meta.dirname, '../test/fixtures/portal-export');
const runtimeConfig: PortalRuntimeConfig = {
  apiUrl: 'http://127.0.0.1:4000',
  region: 'ap-east-1',
  userPoolId: 'local_pool',
  userPoolClientId: 'client',
  userPoolEndpoint: 'http://127.0.0.1:9229',
  stage: 'local',
};
let portal: Portal;

beforeAll(async () => {
  portal = await startPortal({
    port: 0,
    runtimeConfig,
    origins: { api: ['http://127.0.0.1:4000'], identity: ['http://127.0.0.1:9229'], objects: ['http://127.0.0.1:4569'] },
    exportDir: FIXTURE,
  });
});
afterAll(() => portal.stop());

const get = (path: string, init?: RequestInit) => fetch(new URL(path, portal.url), init);

describe('local portal server (serves the export as CloudFront does)', () => {
  it('maps page URLs to the exported .html files', async () => {
    for (const [path, title] of [['/', '首页'], ['/matters/view?id=m_1', '事项']] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain(title);
    }
  });

  it('sends the security headers on every response, 404s included', async () => {
    for (const path of ['/', '/sw.js', '/nowhere']) {
      const response = await get(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp).toContain('connect-src \'self\' http://127.0.0.1:4000 http://127.0.0.1:9229 http://127.0.0.1:4569');
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('permissions-policy')).toContain('geolocation=(self)');
    }
  });

  it('caches content-hashed files for a year and revalidates everything else', async () => {
    expect((await get('/_next/static/chunks/app-0123abcd.js')).headers.get('cache-control')).toBe(CACHE_IMMUTABLE);
    expect((await get('/sw.js')).headers.get('cache-control')).toBe('no-cache');
    expect((await get('/matters/view')).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers /runtime-config.json from the stack, never from a file in the export', async () => {
    const response = await get('/runtime-config.json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual(runtimeConfig);
  });

  it('shows the 404 page with status 404 for missing files and paths outside the export', async () => {
    for (const path of ['/nowhere', '/matters/none', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain('页面不存在');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('/', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await get('/matters/view', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

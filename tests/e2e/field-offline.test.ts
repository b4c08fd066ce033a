/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, inject, it } from 'vitest';
import { WEB_DIR } from '@beatlink/infra/local/portal';
import { PHONE, UI_TIMEOUT, useBrowser } from '../support/browser';
import { exportedRoutes } from '../lib/first-load';
import '../support/provided';

/**
 * Every phone page opens with the network off after one online visit (issue #9, point 4): the
 * service worker (web/public/sw.js, scope /m) caches the page shells and their chunks when it
 * installs. /login is not among them on purpose: signing in needs Cognito, so it is never useful
 * offline, and the worker's scope (/m) keeps it out; a signed-in officer keeps his tokens.
 * The pages come from the export (web/out/m/*.html), so a new phone page missing from the
 * worker's SHELL list fails here.
 */
const portalUrl = inject('portalUrl');
const logins = inject('logins');
const chrome = useBrowser('field-offline');
const OFFLINE_NOTICE = '此页面尚未缓存';

const fieldPages = exportedRoutes().filter((route) => route === '/m' || route.startsWith('/m/'));

it('opens every phone page from the PWA cache with the network off, after visiting /m once', async () => {
  expect(fieldPages).toEqual(expect.arrayContaining(['/m', '/m/visit', '/m/intake', '/m/matters']));
  const page = await chrome.signIn(logins.byTenant['370283']!.contact_officer!, '/m', PHONE);
  // Activated means installed, and installing means the shell pages and their chunks are cached.
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), { timeout: UI_TIMEOUT }).toBe('activated');

  const portal = new URL(portalUrl).origin;
  const failed: string[] = [];
  page.on('requestfailed', (request) => {
    // The page's code and styles must come from the cache. The API (another origin) fails offline
    // as expected, the favicon is not cached, and ERR_ABORTED is a request cut short by the next goto.
    const url = new URL(request.url());
    const error = request.failure()?.errorText ?? '';
    if (url.origin === portal && url.pathname.startsWith('/_next/static/') && !error.includes('ERR_ABORTED')) failed.push(`${url.pathname}: ${error}`);
  });
  await page.context().setOffline(true);
  const problems: string[] = [];
  for (const route of fieldPages) {
    failed.length = 0;
    const response = await page.goto(`${portalUrl}${route}`, { waitUntil: 'load' });
    const html = response ? await response.text() : '';
    // The worker falls back to the cached /m, then to a notice: the page must be its own, as exported.
    const exported = readFileSync(resolve(WEB_DIR, `out${route}.html`), 'utf8');
    if (response?.status() !== 200 || html.includes(OFFLINE_NOTICE)) problems.push(`${route}: status ${response?.status()}, ${html.includes(OFFLINE_NOTICE) ? 'not cached' : 'no page'}`);
    else if (html !== exported) problems.push(`${route}: served another page than ${route}.html`);
    else if (failed.length > 0) problems.push(`${route}: ${failed.join(', ')}`);
  }
  expect(problems, problems.join('\n')).toEqual([]);
  await page.context().setOffline(false);
});

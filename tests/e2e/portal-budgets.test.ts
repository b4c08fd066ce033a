import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { DESKTOP, PHONE, useBrowser } from '../support/browser';
import { BUDGET_KB, describeFirstLoad, exportedRoutes, measureFirstLoads, routeKind, type FirstLoad, type RouteKind } from '../lib/first-load';
import '../support/provided';

/**
 * The portal's budgets (DESIGN.md "The portal"), measured by loading every exported page in
 * Chromium (tests/lib/first-load.ts): gzip first-load JS ≤ 180 kB on a field page (/login, /m…),
 * ≤ 400 kB on an office page, and no chart library in any first load. One browser, one signed-in
 * context per kind of page, the pages opened one after another.
 */
const portalUrl = inject('portalUrl');
const logins = inject('logins');
const chrome = useBrowser('portal-budgets');
const TENANT = '370283';
/** Every page loads its own chunks whoever signs in; these users simply stay on the page (no redirect to /login). */
const USERS = { field: logins.byTenant[TENANT]!.contact_officer!, office: logins.byTenant[TENANT]!.program_office! };
const DEVICES = { field: PHONE, office: DESKTOP };

const routes = exportedRoutes();

describe('first-load JS of every portal page, measured in Chromium', () => {
  const contexts: Partial<Record<RouteKind, BrowserContext>> = {};

  beforeAll(async () => {
    for (const kind of ['field', 'office'] as const) {
      // The field pages' service worker would answer from its cache: blocked, so the network load is measured.
      const page = await chrome.signIn(USERS[kind], kind === 'field' ? '/m' : '/', { ...DEVICES[kind], serviceWorkers: 'block', label: kind });
      contexts[kind] = page.context();
    }
  });

  it('measures every page of the export', () => {
    // The list comes from web/out: it must hold both kinds, so neither test below passes empty.
    expect(routes).toEqual(expect.arrayContaining(['/', '/login', '/m', '/m/visit', '/matters', '/matters/view', '/province']));
  });

  it.each(['field', 'office'] as const)('%s pages stay within budget and load no chart library', async (kind) => {
    const measured: FirstLoad[] = await measureFirstLoads(contexts[kind]!, portalUrl, routes.filter((r) => routeKind(r) === kind));
    const table = measured.map(describeFirstLoad).join('\n');
    console.log(`${kind} pages, first-load JS:\n${table}`);
    // A page sent to /login was measured as the login page: the sign-in did not hold.
    expect(measured.filter((m) => m.route !== '/login' && m.finalPath === '/login').map((m) => m.route)).toEqual([]);
    expect(measured.every((m) => m.scripts.length > 0)).toBe(true);
    const over = measured.filter((m) => m.gzipKb > BUDGET_KB[kind]).map(describeFirstLoad);
    expect(over, `over the ${kind} budget of ${BUDGET_KB[kind]} kB:\n${over.join('\n')}`).toEqual([]);
    const charts = measured.filter((m) => m.charts.length > 0).map(describeFirstLoad);
    expect(charts, `a chart library in the first load:\n${charts.join('\n')}`).toEqual([]);
  }, 400_000);
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { WEB_DIR, localPortalOrigins, portalRuntimeConfig, startPortal } from '@beatlink/infra/local/portal';
import { freePort } from '@beatlink/infra/local/processes';
import type { TestStack } from '../support/stack';
import { CHROMIUM, DESKTOP, PHONE, UI_TIMEOUT, submitLogin, type Login } from '../support/browser';
import { BUDGET_KB, FRAMEWORK_ROUTE, exportedRoutes, gzipBytes, measureFirstLoad, routeKind, type RouteKind } from '../lib/first-load';

/**
 * First-load JS of every portal page (gzip), measured by loading it in Chromium
 * (tests/lib/first-load.ts), as a ratio to the framework-only baseline (Next's own not-found page)
 * measured the same way, against DESIGN.md's budgets (office ≤ 400 kB, field ≤ 180 kB). Beside
 * it, the estimate from the build's route-bundle-stats (the chunks Turbopack lists for the route),
 * which misses what the browser really fetches (lazy chunks asked for during hydration).
 */
export interface PortalBundle {
  route: string;
  kind: RouteKind;
  gzipKb: number;
  budgetKb: number;
  withinBudget: boolean;
  ratioToFramework: number;
  charts: string[];
  /** Lazy chunks fetched without a click until the network was idle (not in the budget). */
  laterGzipKb: number;
  /** The build's route-bundle-stats estimate, gzip of the listed chunks (undefined when the route is not listed). */
  statsEstimateKb: number | undefined;
}

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function statsEstimates(): Map<string, number> {
  const stats = JSON.parse(readFileSync(resolve(WEB_DIR, '.next/diagnostics/route-bundle-stats.json'), 'utf8')) as RouteStats[];
  return new Map(stats.map((s) => [s.route, round1(s.firstLoadChunkPaths.reduce((sum, p) => sum + gzipBytes(readFileSync(resolve(WEB_DIR, p))), 0) / 1024)]));
}

/** A context signed in through the login form (service workers blocked: the network load is measured). */
async function signedIn(browser: Browser, portalUrl: string, login: Login, kind: RouteKind): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'zh-CN', ...(kind === 'field' ? PHONE : DESKTOP), serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${portalUrl}/login?next=${encodeURIComponent(kind === 'field' ? '/m' : '/')}`);
  await submitLogin(page, login);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: UI_TIMEOUT });
  await page.close();
  return context;
}

/** Serves the built export for `stack`, signs a contact officer and the program office of 370283 in, and measures every route. */
export async function benchPortalBundles(stack: TestStack): Promise<{ frameworkKb: number; bundles: PortalBundle[] }> {
  const portal = await startPortal({ port: await freePort(), runtimeConfig: portalRuntimeConfig(stack.config), origins: localPortalOrigins(stack.config) });
  const browser = await chromium.launch(CHROMIUM);
  try {
    const county = stack.logins.byTenant['370283']!;
    const contexts = { field: await signedIn(browser, portal.url, county.contact_officer!, 'field'), office: await signedIn(browser, portal.url, county.program_office!, 'office') };
    const framework = await measureFirstLoad(contexts.office, portal.url, FRAMEWORK_ROUTE);
    const estimates = statsEstimates();
    const bundles: PortalBundle[] = [];
    for (const route of exportedRoutes()) {
      const m = await measureFirstLoad(contexts[routeKind(route)], portal.url, route);
      bundles.push({
        route,
        kind: m.kind,
        gzipKb: m.gzipKb,
        budgetKb: BUDGET_KB[m.kind],
        withinBudget: m.gzipKb <= BUDGET_KB[m.kind],
        ratioToFramework: Math.round((m.gzipKb / framework.gzipKb) * 100) / 100,
        charts: m.charts,
        laterGzipKb: m.laterGzipKb,
        statsEstimateKb: estimates.get(route),
      });
    }
    return { frameworkKb: framework.gzipKb, bundles };
  } finally {
    await browser.close();
    await portal.stop();
  }
}

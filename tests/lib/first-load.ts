import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Request } from 'playwright-core';
import { WEB_DIR } from '@beatlink/infra/local/portal';

/**
 * First-load JS of a portal page, measured the way a phone or an office PC pays for it: the page
 * is opened by URL in Chromium (cache disabled, service workers blocked by the caller's context)
 * and every script of the portal's own origin the browser requested before the `load` event is
 * counted — the chunks the exported HTML names plus whatever hydration asks for at once. Scripts
 * requested later (lazy chunks: a chart after its data arrived, a dialog opened by a click) are
 * reported apart, and API calls (fetch, other origins) never count.
 *
 * Sizes are gzip at zlib's default level 6, what `next start`'s compression sends; CloudFront
 * sends Chromium Brotli, which is smaller, so the figure is an upper bound of what travels.
 */
export const BUDGET_KB = { field: 180, office: 400 } as const;
export type RouteKind = keyof typeof BUDGET_KB;

/** Next's own not-found page: the framework alone, the baseline of the bench's ratios. */
export const FRAMEWORK_ROUTE = '/_not-found';

/** The phone pages (DESIGN.md "The portal"): `/login` and every route under `/m`. */
export function isFieldRoute(route: string): boolean {
  return route === '/login' || route === '/m' || route.startsWith('/m/');
}

export const routeKind = (route: string): RouteKind => (isFieldRoute(route) ? 'field' : 'office');

/**
 * Every page of the static export as its URL (web/out/**\/*.html: `matters/view.html` →
 * `/matters/view`, `index.html` → `/`), so a new page is measured without touching a list.
 * The not-found pages are left out: they are the framework baseline, not a route.
 */
export function exportedRoutes(outDir = resolve(WEB_DIR, 'out')): string[] {
  const routes: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('_next')) continue;
      const path = resolve(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) {
        const route = `/${relative(outDir, path).slice(0, -'.html'.length)}`.replace(/(^|\/)index$/, '') || '/';
        if (route !== '/404' && route !== FRAMEWORK_ROUTE) routes.push(route);
      }
    }
  };
  walk(outDir);
  return routes.sort();
}

/**
 * What gives a chart library away in a minified chunk (the production build keeps no module
 * paths): echarts' instance attribute and zrender's private element keys.
 */
const CHART_MARKERS: Record<string, string[]> = { echarts: ['_echarts_instance_'], zrender: ['__zr_normal__', '___zrEVENTSAVED'] };

/** The chart libraries whose code is in `source`. */
export function chartLibrariesIn(source: string): string[] {
  return Object.entries(CHART_MARKERS)
    .filter(([, markers]) => markers.some((m) => source.includes(m)))
    .map(([name]) => name);
}

export const gzipBytes = (body: Buffer): number => gzipSync(body).length;

export interface Script {
  /** The path of the script on the portal (`/_next/static/chunks/…`). */
  path: string;
  gzipBytes: number;
  charts: string[];
}

export interface FirstLoad {
  route: string;
  kind: RouteKind;
  /** Where the page ended up (a redirect, e.g. to /login, means the measurement is not the route's). */
  finalPath: string;
  scripts: Script[];
  gzipKb: number;
  /** Chart libraries among the first-load scripts (must be none). */
  charts: string[];
  /** Scripts requested after `load` until the network was idle: lazy chunks, not in the budget. */
  later: Script[];
  laterGzipKb: number;
}

const kb = (scripts: Script[]) => Math.round((scripts.reduce((sum, s) => sum + s.gzipBytes, 0) / 1024) * 10) / 10;
/** Long enough for a page's API calls; a page that keeps polling is measured as it stands then. */
const IDLE_TIMEOUT_MS = 15_000;

const OUT_DIR = resolve(WEB_DIR, 'out');

/**
 * The bytes of a script the portal served: its file in the export (the portal serves the files
 * as they are), else the response. From the file because a page that moves on (a redirect to its
 * real route, a sign-in) takes the response bodies of its last requests with it.
 */
function scriptBody(pathname: string, fromResponse: () => Promise<Buffer>): Promise<Buffer> {
  const file = resolve(OUT_DIR, `.${decodeURIComponent(pathname)}`);
  if (file.startsWith(OUT_DIR + sep) && existsSync(file)) return Promise.resolve(readFileSync(file));
  return fromResponse();
}

/** Opens `route` in a new page of `context` (already signed in when the page needs a user) and measures its scripts. */
export async function measureFirstLoad(context: BrowserContext, portalUrl: string, route: string): Promise<FirstLoad> {
  const origin = new URL(portalUrl).origin;
  const page = await context.newPage();
  try {
    // A cold load every time: the context's HTTP cache would hide the chunks shared with the page before.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let loaded = false;
    const firstLoad = new Set<Request>();
    const scripts: Array<Promise<{ first: boolean; script: Script }>> = [];
    page.on('request', (request) => {
      if (!loaded) firstLoad.add(request);
    });
    page.on('load', () => {
      loaded = true;
    });
    let collecting = true;
    page.on('response', (response) => {
      const request = response.request();
      const url = new URL(response.url());
      if (!collecting || request.resourceType() !== 'script' || url.origin !== origin || !response.ok()) return;
      const script = scriptBody(url.pathname, () => response.body()).then((body) => ({
        first: firstLoad.has(request),
        script: { path: url.pathname, gzipBytes: gzipBytes(body), charts: chartLibrariesIn(body.toString('utf8')) },
      }));
      // Awaited below, where a failure still fails the measurement; marked handled so that a body the
      // closing page cuts off after the measurement is not an unhandled rejection.
      script.catch(() => undefined);
      scripts.push(script);
    });
    await page.goto(`${portalUrl}${route}`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle', { timeout: IDLE_TIMEOUT_MS }).catch(() => undefined);
    // Responses after this point belong to nothing measured (the page is about to close).
    collecting = false;
    const all = await Promise.all(scripts);
    const first = all.filter((s) => s.first).map((s) => s.script);
    const later = all.filter((s) => !s.first).map((s) => s.script);
    return {
      route,
      kind: routeKind(route),
      finalPath: new URL(page.url()).pathname,
      scripts: first,
      gzipKb: kb(first),
      charts: [...new Set(first.flatMap((s) => s.charts))],
      later,
      laterGzipKb: kb(later),
    };
  } finally {
    await page.close();
  }
}

/** Measures the routes one after another in one context (bounded: one page open at a time). */
/**
 * Pages measured at once: each has its own page, listeners and cache-disabled session, so none sees
 * another's requests; three at a time roughly halves the suite's time on two cores.
 */
const CONCURRENT_PAGES = 3;

export async function measureFirstLoads(context: BrowserContext, portalUrl: string, routes: readonly string[]): Promise<FirstLoad[]> {
  const results: FirstLoad[] = new Array<FirstLoad>(routes.length);
  let next = 0;
  const worker = async () => {
    while (next < routes.length) {
      const i = next++;
      results[i] = await measureFirstLoad(context, portalUrl, routes[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_PAGES, routes.length) }, worker));
  return results;
}

/** One line per route for a failure message or the bench: route, size, budget, lazy chunks. */
export function describeFirstLoad(f: FirstLoad): string {
  const charts = f.charts.length ? `  CHARTS: ${f.charts.join(', ')}` : '';
  return `${f.route.padEnd(24)} ${String(f.gzipKb).padStart(6)} kB gzip (${f.scripts.length} scripts; ${f.kind} budget ${BUDGET_KB[f.kind]} kB; later ${f.laterGzipKb} kB)${charts}`;
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIR } from '@beatlink/infra/local/portal';

/**
 * First-load JS of every portal route (gzip), from the Turbopack build's route-bundle-stats, as a
 * ratio to the framework-only baseline (Next's own not-found page) of the same build, and
 * against DESIGN.md's budgets: office pages ≤ 400 kB, field pages ≤ 180 kB.
 */
const BUDGET_KB = { office: 400, field: 180 };

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}

/** The phone pages: `/login` and every route under `/m`. */
export function isFieldRoute(route: string): boolean {
  return route === '/login' || route === '/m' || route.startsWith('/m/');
}

export function portalBundles() {
  const stats = JSON.parse(readFileSync(resolve(WEB_DIR, '.next/diagnostics/route-bundle-stats.json'), 'utf8')) as RouteStats[];
  const gzipKb = (paths: string[]) => paths.reduce((sum, p) => sum + gzipSync(readFileSync(resolve(WEB_DIR, p))).length, 0) / 1024;
  const baseline = stats.find((s) => s.route === '/_not-found');
  const baselineKb = baseline ? gzipKb(baseline.firstLoadChunkPaths) : NaN;
  return stats
    .filter((s) => s.route !== '/_not-found')
    .map((s) => {
      const kind = isFieldRoute(s.route) ? 'field' : 'office';
      const kb = Math.round(gzipKb(s.firstLoadChunkPaths) * 10) / 10;
      return { route: s.route, kind, gzipKb: kb, budgetKb: BUDGET_KB[kind], withinBudget: kb <= BUDGET_KB[kind], ratioToFramework: Math.round((kb / baselineKb) * 100) / 100 };
    });
}

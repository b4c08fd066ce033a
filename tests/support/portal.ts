import type { LocalStackConfig } from '@beatlink/infra/local/stack-config';
import { buildPortalIfStale, hasNextApp, localPortalOrigins, portalRuntimeConfig, startPortal } from '@beatlink/infra/local/portal';
import { freePort } from '@beatlink/infra/local/processes';

/**
 * The portal for browser tests: the static export served on a private port as CloudFront serves
 * it (same paths, security headers and cache rules), answering `/runtime-config.json` with this
 * stack's settings. The e2e run and a running `npm start` share web/out, so the portal is built
 * here only when the build is missing or stale.
 */
export interface TestPortal {
  url: string;
  stop(): Promise<void>;
}

export async function startTestPortal(config: LocalStackConfig, logDir: string, log: (line: string) => void = console.log): Promise<TestPortal> {
  if (!hasNextApp()) throw new Error('web/ has no Next.js app: the browser tests need the portal');
  await buildPortalIfStale(`${logDir}/portal-build.log`, log);
  return startPortal({ port: await freePort(), runtimeConfig: portalRuntimeConfig(config), origins: localPortalOrigins(config) });
}

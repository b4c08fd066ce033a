import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { LocalStackConfig } from './stack-config';
import { REPO_ROOT } from './stack-config';
import { logTail, spawnService, waitUntil, type ServiceProcess } from './processes';

/**
 * The portal (web/, Next.js) for the embedded stack: `next build` when the build is missing or
 * older than its sources, then `next start`. The portal reads `/runtime-config.json` when it
 * loads; `next start` picks up the files in public/ when it starts, not at build time, so the
 * config can be rewritten without a rebuild.
 */
export const WEB_DIR = resolve(REPO_ROOT, 'web');
export const RUNTIME_CONFIG_FILE = resolve(WEB_DIR, 'public/runtime-config.json');
const NEXT_BIN = resolve(REPO_ROOT, 'node_modules/next/dist/bin/next');

/** What the portal fetches from `/runtime-config.json` (web/src/lib/runtime-config.ts). */
export interface PortalRuntimeConfig {
  apiUrl: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  userPoolEndpoint: string;
  stage: 'local';
}

export function portalRuntimeConfig(config: LocalStackConfig): PortalRuntimeConfig {
  return {
    apiUrl: config.gatewayUrl,
    region: config.region,
    userPoolId: config.userPoolId,
    userPoolClientId: config.userPoolClientId,
    userPoolEndpoint: config.cognitoEndpoint,
    stage: 'local',
  };
}

export function writeRuntimeConfig(config: LocalStackConfig, file = RUNTIME_CONFIG_FILE): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(portalRuntimeConfig(config), null, 2)}\n`);
}

/** True when web/ holds a Next app (an app/ or pages/ directory). */
export function hasNextApp(webDir = WEB_DIR): boolean {
  return ['src/app', 'app', 'src/pages', 'pages'].some((dir) => existsSync(resolve(webDir, dir))) && existsSync(NEXT_BIN);
}

const IGNORED = new Set(['node_modules', '.next', 'out', '.turbo', 'next-env.d.ts', 'tsconfig.tsbuildinfo']);

function newestMtime(dir: string, skip: (path: string) => boolean): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (IGNORED.has(entry.name)) continue;
    const path = resolve(dir, entry.name);
    if (skip(path)) continue;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path, skip) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The build is stale when `.next/BUILD_ID` is missing or older than any source of the portal:
 * web/ (but not the runtime config, which is read at start) and the shared package it bundles.
 */
export function portalBuildIsStale(webDir = WEB_DIR): boolean {
  const buildId = resolve(webDir, '.next/BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const runtimeConfig = resolve(webDir, 'public/runtime-config.json');
  const sources = Math.max(
    newestMtime(webDir, (path) => path === runtimeConfig),
    newestMtime(resolve(REPO_ROOT, 'shared/src'), (path) => path.endsWith('.test.ts')),
  );
  return sources > built;
}

function nextEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
}

/** Runs `next build` in web/; resolves when it succeeded, else throws with the log's tail. */
export async function buildPortal(logFile: string, webDir = WEB_DIR): Promise<void> {
  const build = spawnService({ name: 'next build', command: process.execPath, args: [NEXT_BIN, 'build'], cwd: webDir, env: nextEnv(), logFile });
  const code = await build.exited;
  if (code !== 0) {
    throw new Error(`next build failed (exit ${code}); log ${relative(REPO_ROOT, logFile)}:\n${logTail(logFile, 25)}`);
  }
}

export async function buildPortalIfStale(logFile: string, log: (line: string) => void, webDir = WEB_DIR): Promise<void> {
  if (!portalBuildIsStale(webDir)) return;
  log('portal: building (next build; a minute or two)…');
  const started = Date.now();
  await buildPortal(logFile, webDir);
  log(`portal: built in ${Math.round((Date.now() - started) / 1000)} s`);
}

export interface Portal {
  url: string;
  process: ServiceProcess;
  stop(): Promise<void>;
}

/** `next start` on `port` (loopback); resolves once it answers. */
export async function startPortal(options: { port: number; logFile: string; webDir?: string }): Promise<Portal> {
  const webDir = options.webDir ?? WEB_DIR;
  const child = spawnService({
    name: 'next start',
    command: process.execPath,
    args: [NEXT_BIN, 'start', '-p', String(options.port), '-H', '127.0.0.1'],
    cwd: webDir,
    env: nextEnv(),
    logFile: options.logFile,
  });
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntil(async () => (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status < 500, {
      timeoutMs: 60_000,
      intervalMs: 300,
      description: `the portal on ${url}`,
      abortIf: () => (child.hasExited() ? `next start exited. Its log (${options.logFile}):\n${logTail(options.logFile)}` : undefined),
    });
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { url, process: child, stop: () => child.stop() };
}

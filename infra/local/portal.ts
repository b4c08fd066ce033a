import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import { CACHE_REVALIDATE, portalCacheControl, portalSecurityHeaders, type PortalOrigins } from '../lib/portal/portal-headers';
import { portalObjectPath } from '../lib/portal/portal-paths';
import type { LocalStackConfig } from './stack-config';
import { REPO_ROOT } from './stack-config';
import { logTail, spawnService } from './processes';

/**
 * The portal (web/, Next.js) for the embedded stack: `next build` (a static export into web/out,
 * the very files a deployment uploads to S3) when the build is missing or older than its sources,
 * then a small server that serves the export the way CloudFront does. The portal reads
 * `/runtime-config.json` when it loads; the server answers it from the stack's settings, so one
 * build runs against any stack. (The file in web/public is for `next dev`.)
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
 * The build is stale when `.next/BUILD_ID` or the export is missing or older than any source of the portal:
 * web/ (but not the runtime config, which is read at start) and the shared package it bundles.
 */
export function portalBuildIsStale(webDir = WEB_DIR): boolean {
  const buildId = resolve(webDir, '.next/BUILD_ID');
  if (!existsSync(buildId) || !existsSync(resolve(webDir, 'out/index.html'))) return true;
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
  stop(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  // Next's client reads the exported RSC payloads as text/plain (its static-export mode).
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface PortalOptions {
  port: number;
  /** Answered at `/runtime-config.json` (in AWS the deployment writes that object next to the pages). */
  runtimeConfig: PortalRuntimeConfig;
  /** The origins the pages may reach (the content security policy). */
  origins: PortalOrigins;
  /** The export to serve (default web/out). */
  exportDir?: string;
  /** One line per request (tests: off). */
  log?: (line: string) => void;
}

/** The origins the local portal's pages may reach: the gateway, cognito-local and the local S3 server. */
export function localPortalOrigins(config: Pick<LocalStackConfig, 'gatewayUrl' | 'cognitoEndpoint' | 's3Endpoint'>): PortalOrigins {
  return { api: [new URL(config.gatewayUrl).origin], identity: [new URL(config.cognitoEndpoint).origin], objects: [new URL(config.s3Endpoint).origin] };
}

/**
 * Serves the static export (web/out) on `port` (loopback) as CloudFront serves it in AWS: the
 * same URL → file mapping (lib/portal/portal-paths.ts), the same security headers and cache
 * rules (lib/portal/portal-headers.ts), `/404.html` with status 404 for anything missing.
 */
export async function startPortal(options: PortalOptions): Promise<Portal> {
  const outDir = options.exportDir ?? resolve(WEB_DIR, 'out');
  if (!existsSync(resolve(outDir, 'index.html'))) throw new Error(`the portal is not built (${relative(REPO_ROOT, outDir)}/index.html is missing): run npm run build -w web`);
  const headers = portalSecurityHeaders(options.origins);
  const runtimeConfig = `${JSON.stringify(options.runtimeConfig)}\n`;

  const server: Server = createServer((req, res) => {
    const send = (status: number, body: Buffer | string, type: string, cacheControl: string) => {
      res.writeHead(status, { ...headers, 'content-type': type, 'cache-control': cacheControl, 'content-length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD' });
      res.end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://portal').pathname);
    } catch {
      send(400, 'bad request', 'text/plain; charset=utf-8', CACHE_REVALIDATE);
      return;
    }
    const objectPath = portalObjectPath(path);
    options.log?.(`${req.method} ${path} → ${objectPath}`);
    if (objectPath === '/runtime-config.json') {
      send(200, runtimeConfig, 'application/json', 'no-store');
      return;
    }
    const file = resolve(outDir, `.${objectPath}`);
    // A path that climbs out of the export (`/../`) is simply not there.
    const inside = file.startsWith(`${outDir}${sep}`);
    if (inside && existsSync(file) && statSync(file).isFile()) {
      send(200, readFileSync(file), CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', portalCacheControl(objectPath));
      return;
    }
    send(404, readFileSync(resolve(outDir, '404.html')), CONTENT_TYPES['.html']!, CACHE_REVALIDATE);
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${options.port} is in use: stop what holds it, or start with another portal port`) : error),
    );
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stop: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalStackConfig } from '@beatlink/infra/local/stack-config';
import { buildPortalIfStale, hasNextApp, portalRuntimeConfig, startPortal, type Portal } from '@beatlink/infra/local/portal';
import { freePort } from '@beatlink/infra/local/processes';

/**
 * The portal for browser tests, without touching web/public/runtime-config.json (that file is
 * `npm start`'s): `next start` runs on a private port behind a small proxy that answers
 * `/runtime-config.json` with this stack's settings and forwards everything else. So the e2e run
 * and a running `npm start` do not fight over the file; they do share web/.next, so the portal is
 * built here only when the build is missing or stale.
 */
export interface TestPortal {
  url: string;
  stop(): Promise<void>;
}

export async function startTestPortal(config: LocalStackConfig, logDir: string, log: (line: string) => void = console.log): Promise<TestPortal> {
  if (!hasNextApp()) throw new Error('web/ has no Next.js app: the browser tests need the portal');
  await buildPortalIfStale(`${logDir}/portal-build.log`, log);
  const portal: Portal = await startPortal({ port: await freePort(), logFile: `${logDir}/portal.log` });
  const upstream = new URL(portal.url);
  const runtimeConfig = JSON.stringify(portalRuntimeConfig(config));

  const server: Server = createServer((req, res) => {
    if ((req.url ?? '/').split('?')[0] === '/runtime-config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(runtimeConfig);
      return;
    }
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`portal proxy: ${error.message}`);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stop: async () => {
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
      await portal.stop();
    },
  };
}

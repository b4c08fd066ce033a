import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BOUNDED_CONTEXTS } from '@beatlink/functions/routes';
import { schedules } from '@beatlink/functions/schedules';
import { BUNDLE_FILE, handlerEsbuildOptions } from '@beatlink/infra/lib/handler-bundling';
import { httpEntry, jobEntry } from '@beatlink/infra/lib/handler-function';
import { WEBHOOK_FANOUT } from '@beatlink/infra/lib/jobs-stack';
import { handlerEnv } from '@beatlink/infra/local/stack-config';
import { ratio, summarize } from './stats';
import type { Summary } from './stats';

/**
 * Every deployed function (each bounded context's HTTP handler, each scheduled job, the stream
 * consumer) bundled exactly as `cdk synth` bundles it (infra/lib/handler-bundling.ts), against a
 * minimal middy handler bundled the same way: bundle size, and the time a fresh Node process
 * takes to import the bundle (what a Lambda cold start pays before the first request), as ratios
 * to the minimal handler's. Needs no running stack.
 */

export const MINIMAL = 'minimal middy handler';
const MINIMAL_ENTRY = resolve(import.meta.dirname, 'fixtures/minimal-handler.ts');

/**
 * What the handlers read at import, as the local stack sets it; every endpoint is a closed port,
 * so a handler that reached the network while importing would fail instead of reaching AWS.
 */
const IMPORT_ENV = handlerEnv({
  region: 'ap-east-1',
  tableName: 'beatlink-bench',
  dynamodbEndpoint: 'http://127.0.0.1:9',
  cognitoEndpoint: 'http://127.0.0.1:9',
  s3Endpoint: 'http://127.0.0.1:9',
  attachmentBucket: 'beatlink-bench-attachments',
  masterKeyFile: join(tmpdir(), 'beatlink-bench-no-master-key'),
  userPoolId: 'ap-east-1_bench',
  userPoolClientId: 'bench',
  gatewayUrl: 'http://127.0.0.1:9',
});

/**
 * Run in a fresh `node`: counts socket connections from before the import until the event loop
 * has settled after it, and prints the import's duration. `--enable-source-maps` as in Lambda
 * (HandlerFunction's NODE_OPTIONS): Node then reads the bundle's source map while loading it.
 */
const IMPORT_PROBE = `
import net from 'node:net';
let connects = 0;
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) { connects += 1; return connect.apply(this, args); };
const started = performance.now();
await import(process.argv[1]);
const ms = performance.now() - started;
await new Promise((settled) => setTimeout(settled, 50));
console.log(JSON.stringify({ ms, connects }));
`;

export interface BundleFigures {
  name: string;
  bundleBytes: number;
  gzipBytes: number;
  sizeRatio: number;
  importMs: Summary;
  importRatio: number;
}

interface Built {
  name: string;
  file: string;
  bundleBytes: number;
  gzipBytes: number;
}

function entries(): { name: string; entry: string }[] {
  return [
    { name: MINIMAL, entry: MINIMAL_ENTRY },
    ...BOUNDED_CONTEXTS.map((context) => ({ name: `http/${context}`, entry: httpEntry(context) })),
    ...[...schedules.map((s) => s.job), WEBHOOK_FANOUT].map((job) => ({ name: `jobs/${job}`, entry: jobEntry(job) })),
  ];
}

async function bundle(name: string, entry: string, outRoot: string): Promise<Built> {
  const outdir = join(outRoot, name.replace(/[^a-z0-9-]+/gi, '_'));
  await build({ ...handlerEsbuildOptions(entry, outdir), metafile: false, logLevel: 'error' });
  const file = join(outdir, BUNDLE_FILE);
  const code = readFileSync(file);
  return { name, file, bundleBytes: code.length, gzipBytes: gzipSync(code).length };
}

function importOnce(file: string): number {
  const child = spawnSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', IMPORT_PROBE, pathToFileURL(file).href], {
    env: { PATH: process.env.PATH, ...IMPORT_ENV },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(`importing ${file} failed (${child.status}): ${child.stderr}`);
  const { ms, connects } = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as { ms: number; connects: number };
  if (connects > 0) throw new Error(`importing ${file} opened ${connects} network connection(s): a handler must not reach the network at import`);
  return ms;
}

export async function benchBundles(options: { runs: number }): Promise<BundleFigures[]> {
  const outRoot = mkdtempSync(join(tmpdir(), 'beatlink-bundles-'));
  try {
    const built = await Promise.all(entries().map(({ name, entry }) => bundle(name, entry, outRoot)));
    // Rounds over all bundles rather than runs of one: the machine's noise falls on all alike.
    const samples = new Map<string, number[]>(built.map((b) => [b.name, []]));
    for (let run = 0; run < options.runs; run += 1) {
      for (const b of built) samples.get(b.name)?.push(importOnce(b.file));
    }
    const minimal = built.find((b) => b.name === MINIMAL);
    if (!minimal) throw new Error('the minimal handler was not built');
    const minimalImport = summarize(samples.get(MINIMAL) ?? []);
    return built
      .map((b) => {
        const importMs = summarize(samples.get(b.name) ?? []);
        return {
          name: b.name,
          bundleBytes: b.bundleBytes,
          gzipBytes: b.gzipBytes,
          sizeRatio: Math.round((b.bundleBytes / minimal.bundleBytes) * 10) / 10,
          importMs,
          importRatio: ratio(importMs, minimalImport),
        };
      })
      .sort((a, b) => b.bundleBytes - a.bundleBytes);
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }
}

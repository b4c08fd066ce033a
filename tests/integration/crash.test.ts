import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Login } from '@beatlink/infra/local/seed-demo';
import { signIn } from '@beatlink/infra/local/cognito-local';
import { freePort, portInUse, waitUntil } from '@beatlink/infra/local/processes';
import { REPO_ROOT, type LocalStackConfig } from '@beatlink/infra/local/stack-config';
import { api, apiAs } from '../support/api';

/**
 * `npm start` killed with SIGKILL — the start process and every child, as the OOM killer or a
 * `kill -9` would (not a power cut: what the OS has buffered survives) — while writes are in
 * flight, then started again on the same data: every write the API acknowledged is there, the
 * seed is not run again, and the stack comes up ready. DynamoDB Local (`-dbPath`, SQLite) and
 * cognito-local's files are what is on trial. Runs `npm start` with the small seed and no portal
 * (BEATLINK_SEED_SIZE, BEATLINK_PORTAL) in a temp data dir (BEATLINK_DATA_DIR) on free ports:
 * about 1–2 minutes, most of it the first seed.
 *
 * DynamoDB Local answers a TransactWriteItems a few milliseconds before SQLite has it (measured:
 * 4 of 12 kills lost the transaction acknowledged 2–4 ms before; PutItem never), so the writes
 * acknowledged in the last moment before the kill are counted, not required — DynamoDB itself
 * acknowledges only what is durable. Everything acknowledged earlier must be there.
 */
const dataDir = mkdtempSync(resolve(tmpdir(), 'beatlink-crash-'));
const START_TIMEOUT_MS = 360_000;
/** Acknowledged this long before the kill, a write must survive it (see above; ample under CI load). */
const SETTLED_MS = 1_000;

interface Run {
  child: ChildProcess;
  output: () => string;
}

const ports = { PORTAL_PORT: 0, GATEWAY_PORT: 0, DYNAMODB_PORT: 0, COGNITO_PORT: 0, S3_PORT: 0 };
const runs: Run[] = [];

function start(): Run {
  const env = { ...process.env, BEATLINK_DATA_DIR: dataDir, BEATLINK_SEED_SIZE: 'small', BEATLINK_PORTAL: 'off', ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
  // Its own process group, as a terminal gives `npm start` one: the group is what the crash kills.
  const child = spawn(resolve(REPO_ROOT, 'node_modules/.bin/tsx'), ['infra/local/start.ts'], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const run = { child, output: () => output };
  runs.push(run);
  return run;
}

async function ready(run: Run): Promise<void> {
  await waitUntil(() => /ready in [\d.]+ s/.test(run.output()), {
    timeoutMs: START_TIMEOUT_MS,
    intervalMs: 250,
    description: '`npm start` to print "ready in"',
    abortIf: () => (run.child.exitCode !== null ? `npm start exited (${run.child.exitCode}):\n${run.output().slice(-3000)}` : undefined),
  });
}

const signal = (pgid: number, name: NodeJS.Signals) => {
  try {
    process.kill(-pgid, name);
  } catch {
    // Already gone.
  }
};

/** SIGKILL to the start process's group and to each service's group (they run detached). */
async function crash(run: Run): Promise<void> {
  const pidsFile = resolve(dataDir, 'pids.json');
  const children = existsSync(pidsFile) ? Object.values((JSON.parse(readFileSync(pidsFile, 'utf8')) as { children?: Record<string, number> }).children ?? {}) : [];
  for (const pgid of [run.child.pid!, ...children]) signal(pgid, 'SIGKILL');
  // Ports, not pids: a killed service may linger as a zombie where nothing reaps orphans.
  await waitUntil(async () => !(await Promise.all(Object.values(ports).map(portInUse))).some(Boolean), { timeoutMs: 20_000, description: 'the killed stack to release its ports' });
}

const readJson = <T>(name: string): T => JSON.parse(readFileSync(resolve(dataDir, name), 'utf8')) as T;

afterAll(async () => {
  for (const run of runs) {
    if (run.child.exitCode !== null || run.child.signalCode !== null) continue;
    signal(run.child.pid!, 'SIGTERM');
    // Ctrl-C's path (it stops the services); the SIGKILL below covers a shutdown that hangs.
    await Promise.race([new Promise((r) => run.child.once('exit', r)), new Promise((r) => setTimeout(r, 30_000))]);
  }
  const last = runs.at(-1);
  if (last) await crash(last).catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('npm start killed with SIGKILL', () => {
  it('keeps every acknowledged write, does not seed again and comes up ready', async () => {
    for (const name of Object.keys(ports) as (keyof typeof ports)[]) ports[name] = await freePort();
    const first = start();
    await ready(first);
    expect(first.output()).toMatch(/seeded 2 county\(ies\)/);
    const config = readJson<LocalStackConfig>('stack.json');
    const office = readJson<Partial<Record<string, Login>>>('demo-logins.json').program_office!;
    const client = await apiAs(config, office);

    // Three writers create departments until the crash; what was answered 201 must survive it.
    const acknowledged: { id: string; at: number }[] = [];
    let crashed = false;
    const writer = async (w: number) => {
      for (let i = 0; !crashed; i++) {
        try {
          const { id } = await client.post<{ id: string }>('/directory/departments', { name: `断电测试${w}-${i}` });
          acknowledged.push({ id, at: performance.now() });
        } catch (error) {
          if (!crashed) throw error;
        }
      }
    };
    const writers = Promise.all([0, 1, 2].map(writer));
    writers.catch(() => undefined); // Awaited below; a writer failing before the crash fails the test there.
    await waitUntil(() => acknowledged.length >= 12, { timeoutMs: 60_000, description: '12 acknowledged writes' });
    await new Promise((r) => setTimeout(r, SETTLED_MS + 500));
    const killedAt = performance.now();
    crashed = true;
    await crash(first);
    await writers;
    const settled = acknowledged.filter((w) => w.at <= killedAt - SETTLED_MS).map((w) => w.id);
    const lastMoment = acknowledged.filter((w) => w.at > killedAt - SETTLED_MS).map((w) => w.id);
    expect(settled.length).toBeGreaterThanOrEqual(12);

    const second = start();
    await ready(second);
    expect(second.output()).toMatch(/demo data already seeded; nothing to do/);
    // A fresh sign-in (not a cached token): cognito-local's users survived the crash as well.
    const fresh = api(config.gatewayUrl, (await signIn(config, office.username, office.password)).idToken);
    for (const id of settled) {
      expect((await fresh.get<{ id: string }>(`/directory/departments/${id}`)).id).toBe(id);
    }
    const found = await Promise.all(lastMoment.map(async (id) => (await fresh.request('GET', `/directory/departments/${id}`)).status));
    // The last moment's writes: each is whole or absent (200 or 404), and most are there.
    expect(found.every((status) => status === 200 || status === 404)).toBe(true);
    expect(found.filter((status) => status === 200).length).toBeGreaterThanOrEqual(lastMoment.length - 3);
    expect((await api(config.gatewayUrl).request('GET', '/health')).status).toBe(200);
  }, 2 * START_TIMEOUT_MS + 120_000);
});

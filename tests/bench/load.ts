import { randomUUID } from 'node:crypto';
import type { Page, Village } from '@beatlink/shared';
import { idToken } from '../support/auth';
import type { TestStack } from '../support/stack';

/**
 * The load test of issue #9: a fixed number of virtual users, each looping over a weighted mix
 * of what a county does all day — officers taking in matters (with an Idempotency-Key, as the
 * phone's outbox sends them) and checking in and out of villages, the office triaging (its
 * triage inbox, then one triage of a matter nobody else holds) and everyone reading lists
 * (matters inbox, villages, visits) — against the bench's own stack on loopback, over keep-alive
 * connections (Node's fetch). A warm-up, then the measured window: throughput, p50/p99 latency
 * per operation and overall, and every non-2xx answer by status (there must be none).
 */
const TENANT = '370283';

export interface LoadOptions {
  users: number;
  seconds: number;
  warmupSeconds: number;
}

export interface Latency {
  n: number;
  p50Ms: number;
  p99Ms: number;
}

export interface LoadResult {
  users: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  overall: Latency & { p99OverP50: number };
  operations: Record<string, Latency>;
  /** Non-2xx answers (and network failures as status 0) by status. */
  errors: Record<string, number>;
  errorCount: number;
  /** The first few failures as answered, for the log. */
  errorSamples: string[];
}

interface Actor {
  headers: Record<string, string>;
}

interface Sample {
  op: string;
  ms: number;
  status: number;
}

function latency(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 100) / 100;
  return { n: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99) };
}

export async function benchLoad(stack: TestStack, opts: LoadOptions): Promise<LoadResult> {
  const logins = stack.logins.byTenant[TENANT]!;
  const actorOf = async (login: { username: string; password: string }): Promise<Actor> => ({
    headers: { authorization: `Bearer ${await idToken(stack.config, login)}`, accept: 'application/json' },
  });
  const officer = await actorOf(logins.community_officer!);
  const office = await actorOf(logins.program_office!);
  const base = stack.gatewayUrl;

  let samples: Sample[] = [];
  const errorSamples: string[] = [];
  const call = async <T>(op: string, actor: Actor, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T | undefined> => {
    const started = performance.now();
    let status = 0;
    let text: string;
    try {
      const response = await fetch(new URL(path, base), {
        method,
        headers: body === undefined ? { ...actor.headers, ...headers } : { ...actor.headers, ...headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      text = String(error);
    }
    samples.push({ op, ms: performance.now() - started, status });
    if (status >= 200 && status < 300) return (text ? JSON.parse(text) : undefined) as T;
    if (errorSamples.length < 10) errorSamples.push(`${op} ${method} ${path} → ${status} ${text.slice(0, 200)}`);
    return undefined;
  };

  // The officer works in his own office's villages; the office sees the whole county.
  const me = (await call<{ unitId: string }>('setup', officer, 'GET', '/me'))!;
  const villages = (await call<Page<Village>>('setup', office, 'GET', `/directory/villages?officeId=${me.unitId}&limit=50`))!.items;
  if (villages.length === 0) throw new Error('the demo community officer has no villages');
  let turn = 0;
  const nextVillage = () => villages[turn++ % villages.length]!;
  /** Matters taken in and not yet triaged: each goes to one triage only, so no two users race for a version. */
  const untriaged: Array<{ id: string; version: number }> = [];

  const intake = async () => {
    const village = nextVillage();
    const created = await call<{ id: string; version: number }>(
      'intake',
      officer,
      'POST',
      '/matters',
      { kind: 'demand', source: 'resident', villageId: village.id, categoryId: 'infrastructure', description: `负载测试：村道路灯损坏 ${randomUUID()}`, reporter: { name: '王秀英', phone: '13805321234' }, occurredAt: new Date().toISOString() },
      { 'idempotency-key': randomUUID() },
    );
    if (created) untriaged.push({ id: created.id, version: created.version });
  };
  const visit = async () => {
    const village = nextVillage();
    const position = village.location ? { lat: village.location.lat + 0.001, lng: village.location.lng, accuracy: 20 } : undefined;
    const now = Date.now();
    const opened = await call<{ id: string; version: number }>('check-in', officer, 'POST', '/visits', { villageId: village.id, at: new Date(now - 2 * 3600_000).toISOString(), ...(position ? { position } : {}), makeUp: false });
    if (!opened) return;
    await call('check-out', officer, 'POST', `/visits/${opened.id}/check-out`, { version: opened.version, at: new Date(now).toISOString(), householdsVisited: 3, peopleTalkedTo: 5, matterIds: [] });
  };
  const triage = async () => {
    await call('triage inbox', office, 'GET', '/matters?inbox=triage&limit=20');
    const matter = untriaged.shift();
    if (matter) await call('triage', office, 'POST', `/matters/${matter.id}/triage`, { version: matter.version, severity: 'high', policeBusiness: false });
  };
  const lists = async () => {
    const pick = Math.random();
    if (pick < 0.4) await call('matters inbox', officer, 'GET', '/matters?inbox=all&limit=50');
    else if (pick < 0.7) await call('villages', office, 'GET', '/directory/villages?limit=100');
    else await call('visits', officer, 'GET', '/visits');
  };
  /** The day's mix: lists are most of the traffic, then intake, check-ins, triage. */
  const mix: Array<[number, () => Promise<void>]> = [
    [4, lists],
    [3, intake],
    [2, visit],
    [2, triage],
  ];
  const total = mix.reduce((n, [w]) => n + w, 0);
  const oneIteration = () => {
    let r = Math.random() * total;
    for (const [weight, scenario] of mix) {
      if ((r -= weight) < 0) return scenario();
    }
    return mix[0]![1]();
  };

  const runFor = async (seconds: number) => {
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: opts.users }, async () => {
        while (performance.now() < until) await oneIteration();
      }),
    );
  };

  await runFor(opts.warmupSeconds);
  samples = [];
  errorSamples.length = 0;
  const started = performance.now();
  await runFor(opts.seconds);
  const elapsed = (performance.now() - started) / 1000;

  const operations: Record<string, Latency> = {};
  for (const op of [...new Set(samples.map((s) => s.op))].sort()) operations[op] = latency(samples.filter((s) => s.op === op).map((s) => s.ms));
  const overall = latency(samples.map((s) => s.ms));
  const errors: Record<string, number> = {};
  for (const s of samples) if (s.status < 200 || s.status >= 300) errors[String(s.status)] = (errors[String(s.status)] ?? 0) + 1;
  return {
    users: opts.users,
    seconds: Math.round(elapsed * 10) / 10,
    requests: samples.length,
    requestsPerSecond: Math.round((samples.length / elapsed) * 10) / 10,
    overall: { ...overall, p99OverP50: Math.round((overall.p99Ms / Math.max(overall.p50Ms, 0.01)) * 100) / 100 },
    operations,
    errors,
    errorCount: Object.values(errors).reduce((n, c) => n + c, 0),
    errorSamples,
  };
}

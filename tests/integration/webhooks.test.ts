import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyHandlerEnv } from '@beatlink/infra/local/handler-runtime';
import type * as DeliverJob from '@beatlink/functions/jobs/deliver-webhooks';
import type * as SuperviseJob from '@beatlink/functions/jobs/supervise-matters';
import type { ErrorBody, Matter, Page, WebhookCreated, WebhookDeliveryView, WebhookPayload, WebhookView } from '@beatlink/shared';
import { apiAs, type ApiClient } from '../support/api';
import { ApiError } from '../support/api';

/**
 * Webhooks end to end: the table stream → fan-out → a signed POST to a receiver that verifies the
 * signature the way docs/integrations.md tells an integrator to (the receiver below is written from
 * that text alone), retries after a receiver failure, nothing lost while the receiver is down,
 * replay, the test event, URL rules.
 */
const config = inject('stackConfig');
const logins = inject('logins');
const seeded = inject('seededIds');
const COUNTY = '370211';

// ---- The receiver, from the documentation: "Beatlink-Signature: t=<unix seconds>,v1=<hex>", where v1 is
// HMAC-SHA256 with the endpoint's secret over "<t>.<raw body>"; compare in constant time; refuse a
// timestamp more than 300 seconds away.
interface Received {
  event: string;
  delivery: string;
  attempt: string;
  payload: WebhookPayload;
  verified: boolean;
}

function verifySignature(secret: string, header: string | undefined, rawBody: string, nowSeconds: number): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > 300 || !parts.v1) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

class Receiver {
  server?: Server;
  port = 0;
  secret = '';
  /**
   * Answer 500 to this many requests of this event type first. By type: the supervision job of an
   * earlier test reports every overdue matter of the shared county, and those deliveries may still
   * be arriving.
   */
  failNext = { event: '', count: 0 };
  received: Received[] = [];

  async start(port = 0): Promise<void> {
    this.server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) => String(req.headers[name.toLowerCase()] ?? '');
        const verified = verifySignature(this.secret, header('Beatlink-Signature') || undefined, raw, Math.floor(Date.now() / 1000));
        if (this.failNext.count > 0 && header('Beatlink-Event') === this.failNext.event) {
          this.failNext.count--;
          res.writeHead(500).end('down for maintenance');
          return;
        }
        this.received.push({ event: header('Beatlink-Event'), delivery: header('Beatlink-Delivery'), attempt: header('Beatlink-Attempt'), payload: JSON.parse(raw) as WebhookPayload, verified });
        res.writeHead(verified ? 204 : 401).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  url(): string {
    return `http://127.0.0.1:${this.port}/hooks/beatlink`;
  }

  async waitFor(predicate: (r: Received) => boolean, count = 1, timeoutMs = 20_000): Promise<Received[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const hits = this.received.filter(predicate);
      if (hits.length >= count) return hits;
      if (Date.now() > until) throw new Error(`receiver: ${hits.length}/${count} matching deliveries after ${timeoutMs} ms (got ${this.received.map((r) => r.event).join(', ')})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

let office: ApiClient;
let deliverJob: typeof DeliverJob.handler;
let superviseJob: typeof SuperviseJob.handler;
const receiver = new Receiver();
let hook: WebhookCreated;

async function newMatter(description: string): Promise<Matter> {
  return office.post<Matter>('/matters', {
    kind: 'demand',
    source: 'office',
    villageId: seeded.ids[COUNTY]!.villages![0],
    categoryId: 'sanitation',
    description,
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  });
}

async function deliveries(webhookId: string): Promise<WebhookDeliveryView[]> {
  return (await office.get<Page<WebhookDeliveryView>>(`/integrations/webhooks/${webhookId}/deliveries`, { limit: 100 })).items;
}

async function deliveryOf(webhookId: string, matterId: string, event: string): Promise<WebhookDeliveryView> {
  const until = Date.now() + 20_000;
  for (;;) {
    const found = (await deliveries(webhookId)).find((d) => d.matterId === matterId && d.event === event);
    if (found && found.attempts > 0) return found;
    if (Date.now() > until) throw new Error(`no attempted ${event} delivery of ${matterId}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs the retry job as the scheduler would at `at`. */
async function runRetries(at: string): Promise<void> {
  await deliverJob({ job: 'deliver-webhooks', tenantId: COUNTY, at }, undefined);
}

const later = (iso: string | undefined, seconds: number) => new Date(Date.parse(iso!) + seconds * 1000).toISOString();

beforeAll(async () => {
  applyHandlerEnv(config);
  deliverJob = (await import('@beatlink/functions/jobs/deliver-webhooks')).handler;
  superviseJob = (await import('@beatlink/functions/jobs/supervise-matters')).handler;
  office = await apiAs(config, logins.byTenant[COUNTY]!.program_office!);
  await receiver.start();
  hook = await office.post<WebhookCreated>('/integrations/webhooks', { url: receiver.url(), description: `测试接收端 ${randomUUID().slice(0, 8)}`, events: ['matter.created', 'matter.status_changed', 'matter.overdue'] });
  receiver.secret = hook.secret;
});

afterAll(async () => {
  // Later suites write matters in this county: nothing should be sent here any more.
  const current = await office.get<WebhookView>(`/integrations/webhooks/${hook.id}`).catch(() => undefined);
  if (current) await office.put(`/integrations/webhooks/${hook.id}`, { version: current.version, status: 'disabled' });
  await receiver.stop();
});

describe('webhooks', () => {
  it('shows the signing secret once and never again', async () => {
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await office.get<WebhookView[] | Page<WebhookView>>('/integrations/webhooks');
    const text = JSON.stringify(listed) + JSON.stringify(await office.get(`/integrations/webhooks/${hook.id}`));
    expect(text).toContain(hook.id);
    expect(text).not.toContain(hook.secret);
    expect(text).not.toContain(hook.secret.slice(6, 20));
  });

  it('refuses a URL that is not https (loopback http only locally), naming url', async () => {
    for (const url of ['ftp://127.0.0.1/x', 'http://grid.example.gov.cn/hooks', 'not a url', 'https://user:pw@grid.example.gov.cn/hooks']) {
      const error = await office.post('/integrations/webhooks', { url, events: ['matter.created'] }).catch((e: unknown) => e);
      expect(error, url).toBeInstanceOf(ApiError);
      expect((error as ApiError).status, url).toBe(400);
      expect(((error as ApiError).body as ErrorBody).error.details?.map((d) => d.path), url).toContain('url');
    }
  });

  it('signs matter.created and matter.status_changed so that a receiver written from the docs verifies them', async () => {
    const matter = await newMatter(`推送测试：垃圾池满溢 ${randomUUID()}`);
    const [created] = await receiver.waitFor((r) => r.payload.data.matter?.id === matter.id && r.event === 'matter.created');
    expect(created!.verified).toBe(true);
    expect(created!.payload).toMatchObject({ type: 'matter.created', county: COUNTY, data: { matter: { id: matter.id, status: 'triage', open311Status: 'open', categoryId: 'sanitation' } } });
    expect(created!.delivery).toMatch(/^whd_/);
    // No personal data and no description text in what leaves the county.
    expect(JSON.stringify(created!.payload)).not.toContain('推送测试');

    // Triage keeps the status (no event for it); assigning moves it.
    const triaged = await office.post<Matter>(`/matters/${matter.id}/triage`, { version: matter.version, severity: 'medium', policeBusiness: false });
    await office.post(`/matters/${matter.id}/assign`, { version: triaged.version, assignee: { type: 'agency', id: seeded.ids[COUNTY]!.agencies![0] } });
    const [changed] = await receiver.waitFor((r) => r.payload.data.matter?.id === matter.id && r.event === 'matter.status_changed');
    expect(changed!.verified).toBe(true);
    expect(changed!.payload.data.change).toEqual({ from: 'triage', to: 'assigned' });
    expect(changed!.payload.data.matter).toMatchObject({ status: 'assigned', open311Status: 'open' });
    expect(changed!.payload.data.matter!.agencyResponsible).not.toMatch(/活动办/);
    expect(receiver.received.filter((r) => r.payload.data.matter?.id === matter.id && r.event === 'matter.status_changed')).toHaveLength(1);

    // A body altered on the way does not verify.
    const raw = JSON.stringify(created!.payload);
    expect(verifySignature(hook.secret, 't=1,v1=00', raw, 1)).toBe(false);
  });

  it('reports matter.overdue when supervision finds a deadline passed', async () => {
    const matter = await newMatter(`超期推送测试 ${randomUUID()}`);
    const triaged = await office.post<Matter>(`/matters/${matter.id}/triage`, { version: matter.version, severity: 'medium', policeBusiness: false });
    const assigned = await office.post<Matter>(`/matters/${matter.id}/assign`, { version: triaged.version, assignee: { type: 'agency', id: seeded.ids[COUNTY]!.agencies![0] } });
    // The supervision job, run as if two days had passed: the acceptance deadline is behind it.
    await superviseJob({ job: 'supervise-matters', tenantId: COUNTY, at: later(assigned.acceptBy, 3600) }, undefined);
    const [overdue] = await receiver.waitFor((r) => r.payload.data.matter?.id === matter.id && r.event === 'matter.overdue');
    expect(overdue!.verified).toBe(true);
    expect(overdue!.payload.data.deadline).toEqual({ name: 'acceptBy', at: assigned.acceptBy });
  });

  it('retries after the receiver fails, with backoff, and records every attempt', async () => {
    receiver.failNext = { event: 'matter.created', count: 1 };
    const matter = await newMatter(`推送重试测试 ${randomUUID()}`);
    const first = await deliveryOf(hook.id, matter.id, 'matter.created');
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect(Date.parse(first.nextAttemptAt!) - Date.parse(first.lastAttemptAt!)).toBeGreaterThanOrEqual(29_000);

    // Not yet due: the job leaves it alone.
    await runRetries(later(first.lastAttemptAt, 5));
    expect((await office.get<WebhookDeliveryView>(`/integrations/webhook-deliveries/${first.id}`)).attempts).toBe(1);

    await runRetries(later(first.nextAttemptAt, 1));
    const done = await office.get<WebhookDeliveryView>(`/integrations/webhook-deliveries/${first.id}`);
    expect(done).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(done.history.map((a) => a.statusCode)).toEqual([204, 500]);
    const got = receiver.received.filter((r) => r.delivery === first.id);
    expect(got).toHaveLength(1);
    expect(got[0]!.verified).toBe(true);
    expect(got[0]!.attempt).toBe('2');
  });

  it('loses nothing while the receiver is down for a while', async () => {
    const port = receiver.port;
    await receiver.stop();
    const matters = [];
    for (let i = 0; i < 3; i++) matters.push(await newMatter(`接收端停机测试 ${i} ${randomUUID()}`));
    const pending = await Promise.all(matters.map((m) => deliveryOf(hook.id, m.id, 'matter.created')));
    for (const d of pending) expect(d).toMatchObject({ status: 'pending', attempts: 1 });
    expect(pending.every((d) => d.lastStatusCode === undefined && Boolean(d.lastError))).toBe(true);

    // Two more retry rounds while it is still down: attempts grow, nothing is given up.
    let at = pending.map((d) => d.nextAttemptAt!).sort().at(-1)!;
    for (let round = 0; round < 2; round++) {
      await runRetries(later(at, 1));
      const now = await Promise.all(pending.map((d) => office.get<WebhookDeliveryView>(`/integrations/webhook-deliveries/${d.id}`)));
      for (const d of now) expect(d).toMatchObject({ status: 'pending', attempts: round + 2 });
      at = now.map((d) => d.nextAttemptAt!).sort().at(-1)!;
    }

    await receiver.start(port);
    await runRetries(later(at, 1));
    const after = await Promise.all(pending.map((d) => office.get<WebhookDeliveryView>(`/integrations/webhook-deliveries/${d.id}`)));
    for (const d of after) expect(d).toMatchObject({ status: 'delivered', attempts: 4 });
    const ids = new Set(receiver.received.filter((r) => r.verified).map((r) => r.payload.data.matter?.id));
    for (const m of matters) expect(ids.has(m.id)).toBe(true);
  });

  it('replays a delivery with the same event id and sends a test event', async () => {
    const matter = await newMatter(`重放测试 ${randomUUID()}`);
    const delivery = await deliveryOf(hook.id, matter.id, 'matter.created');
    await receiver.waitFor((r) => r.delivery === delivery.id);
    const current = await office.get<WebhookDeliveryView>(`/integrations/webhook-deliveries/${delivery.id}`);
    const replayed = await office.post<WebhookDeliveryView>(`/integrations/webhook-deliveries/${delivery.id}/replay`, { version: current.version });
    // A replay of what has moved on since is refused.
    await expect(office.post(`/integrations/webhook-deliveries/${delivery.id}/replay`, { version: current.version })).rejects.toMatchObject({ status: 409 });
    expect(replayed.status).toBe('delivered');
    const both = await receiver.waitFor((r) => r.delivery === delivery.id, 2);
    expect(new Set(both.map((r) => r.payload.id)).size).toBe(1);
    expect(both.every((r) => r.verified)).toBe(true);

    const ping = await office.post<WebhookDeliveryView>(`/integrations/webhooks/${hook.id}/test`, { version: (await office.get<WebhookView>(`/integrations/webhooks/${hook.id}`)).version });
    expect(ping).toMatchObject({ event: 'ping', status: 'delivered' });
    const [pinged] = await receiver.waitFor((r) => r.event === 'ping');
    expect(pinged!.verified).toBe(true);
  });

  it('sends nothing to a disabled endpoint, and a rotated secret signs from then on', async () => {
    const current = await office.get<WebhookView>(`/integrations/webhooks/${hook.id}`);
    const rotated = await office.post<WebhookCreated>(`/integrations/webhooks/${hook.id}/rotate-secret`, { version: current.version });
    expect(rotated.secret).not.toBe(hook.secret);
    receiver.secret = rotated.secret;
    const matter = await newMatter(`换密钥测试 ${randomUUID()}`);
    const [signed] = await receiver.waitFor((r) => r.payload.data.matter?.id === matter.id);
    expect(signed!.verified).toBe(true);

    const disabled = await office.put<WebhookView>(`/integrations/webhooks/${hook.id}`, { version: rotated.version, status: 'disabled' });
    const quiet = await newMatter(`停用测试 ${randomUUID()}`);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(receiver.received.some((r) => r.payload.data.matter?.id === quiet.id)).toBe(false);
    expect((await deliveries(hook.id)).some((d) => d.matterId === quiet.id)).toBe(false);
    await office.put(`/integrations/webhooks/${hook.id}`, { version: disabled.version, status: 'active' });
  });
});

import { newId, type Page, type WebhookDeliveryStatus, type WebhookDeliveryView, type WebhookPayload } from '@beatlink/shared';
import {
  getWebhookDeliveryRecord,
  getWebhookRecord,
  putNewWebhookDelivery,
  putWebhookDeliveryChange,
  queryDueWebhookDeliveries,
  queryWebhookDeliveries,
  queryWebhooks,
  setWebhookLastDelivery,
  type StoredWebhook,
  type StoredWebhookDelivery,
} from '../../data/integrations';
import { conflict, notFound, versionConflict } from '../../lib/app-error';
import { mapLimited } from '../../lib/bounded-pool';
import { fixedClock, isoNow, systemClock, type Clock } from '../../lib/clock';
import { logger } from '../../lib/logger';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { runInTenant } from '../../lib/tenant-scope';
import { loadPublicMatter } from '../matters/public-view';
import { webhookDeliveryIdOf, webhookEventTypeOf, webhookEventsOf, type TimelineEventFields } from './webhook-events';
import { abandoned, afterAttempt, leased } from './webhook-retry';
import { openWebhookSecret } from './webhook-secret';
import { sendWebhook } from './webhook-sender';
import { signWebhook } from './webhook-signature';
import { loadWebhook } from './webhooks';

/**
 * Webhook deliveries: one per event and endpoint, its body fixed at creation, attempted at once
 * and then by the retry job with backoff until delivered or out of attempts; replayable.
 *
 * Concurrency: a runner first takes a lease (version + 1, due again only after the lease), sends,
 * then writes the outcome on the version it leased. Two runners rarely both send (a double send is
 * tolerable: receivers de-duplicate by event id); an outcome is never lost, because a delivery
 * leaves the due index only by a write on the version that was sent.
 */
export interface DeliveryDeps {
  clock?: Clock;
  send?: typeof sendWebhook;
}

interface Resolved {
  clock: Clock;
  send: typeof sendWebhook;
}

const resolve = (deps: DeliveryDeps, clock: Clock = systemClock): Resolved => ({ clock: deps.clock ?? clock, send: deps.send ?? sendWebhook });

/** Deliveries attempted at once by one fan-out or job run. */
const CONCURRENCY = 8;
/** Due deliveries one job run works through at most (the rest wait a minute). */
const MAX_PER_RUN = 200;
const PAGE = 50;

const endpointDisabled = '端点已停用或已删除，未投递 / the endpoint is disabled or deleted: not sent';

export function deliveryView(delivery: StoredWebhookDelivery): WebhookDeliveryView {
  const { tenantId: _t, ...view } = delivery;
  return view;
}

/** A new delivery, leased to the runner creating it (it attempts it next). */
function newDelivery(tenantId: string, webhookId: string, payload: WebhookPayload, id: string, at: string): StoredWebhookDelivery {
  const matterId = payload.data.matter?.id;
  const created: StoredWebhookDelivery = {
    tenantId,
    id,
    webhookId,
    event: payload.type,
    eventId: payload.id,
    ...(matterId ? { matterId } : {}),
    payload: JSON.stringify(payload),
    status: 'pending',
    attempts: 0,
    history: [],
    createdAt: at,
    version: 0,
  };
  return leased(created, at);
}

/**
 * Sends a leased delivery, signed now with the endpoint's current secret, and records the outcome
 * on the leased version. Returns the delivery as it stands afterwards.
 */
async function sendLeased(delivery: StoredWebhookDelivery, webhook: StoredWebhook, deps: Resolved): Promise<{ next: StoredWebhookDelivery; timedOut: boolean }> {
  const secret = await openWebhookSecret(delivery.tenantId, webhook.secret);
  // The receiver checks the timestamp against its own clock: the wall clock, not a job's `at`.
  const signature = signWebhook(secret, Math.floor(Date.now() / 1000), delivery.payload);
  const result = await deps.send({ url: webhook.url, body: delivery.payload, signature, event: delivery.event, deliveryId: delivery.id, attempt: delivery.attempts + 1 });
  const next = afterAttempt(delivery, result, isoNow(deps.clock));
  if (!(await putWebhookDeliveryChange(next, delivery.version))) {
    logger.warn('webhook delivery changed while sending', { deliveryId: delivery.id });
    return { next: (await getWebhookDeliveryRecord(delivery.tenantId, delivery.id)) ?? next, timedOut: Boolean(result.timedOut) };
  }
  if (!result.delivered) logger.info('webhook not delivered', { deliveryId: delivery.id, webhookId: webhook.id, attempt: next.attempts, status: next.status, statusCode: result.statusCode });
  try {
    await setWebhookLastDelivery(delivery.tenantId, webhook.id, { at: next.lastAttemptAt!, status: next.status, ...(result.statusCode !== undefined ? { statusCode: result.statusCode } : {}) });
  } catch (error) {
    logger.warn('webhook lastDelivery not noted', { webhookId: webhook.id, errorName: (error as Error).name });
  }
  return { next, timedOut: Boolean(result.timedOut) };
}

/** The endpoint a delivery goes to, read now (a disabled or rotated one counts from the next attempt). */
async function activeEndpoint(delivery: StoredWebhookDelivery): Promise<StoredWebhook | undefined> {
  const webhook = await getWebhookRecord(delivery.tenantId, delivery.webhookId);
  return webhook?.status === 'active' ? webhook : undefined;
}

/**
 * One attempt of a pending delivery by the retry job: lease it, send, record. Undefined when
 * another runner holds it; a delivery whose endpoint is disabled or gone ends failed, unsent.
 */
export async function attemptDelivery(delivery: StoredWebhookDelivery, deps: DeliveryDeps = {}): Promise<StoredWebhookDelivery | undefined> {
  const resolved = resolve(deps);
  const webhook = await activeEndpoint(delivery);
  if (!webhook) {
    const ended = abandoned(delivery, endpointDisabled);
    return (await putWebhookDeliveryChange(ended, delivery.version)) ? ended : undefined;
  }
  const lease = leased(delivery, isoNow(resolved.clock));
  if (!(await putWebhookDeliveryChange(lease, delivery.version))) return undefined;
  return (await sendLeased(lease, webhook, resolved)).next;
}

/**
 * Sends new (leased) deliveries, a few at a time. After an endpoint times out once, its other
 * deliveries of the batch wait for the retry job, so one dead receiver does not hold the stream.
 */
async function sendNew(created: StoredWebhookDelivery[], deps: Resolved): Promise<StoredWebhookDelivery[]> {
  const unresponsive = new Set<string>();
  // A batch of the stream may hold several counties' deliveries: each is sent in its own county's scope.
  const sent = await mapLimited(created, CONCURRENCY, (delivery) => runInTenant(delivery.tenantId, async () => {
    if (unresponsive.has(delivery.webhookId)) return undefined;
    try {
      const webhook = await activeEndpoint(delivery);
      if (!webhook) return undefined;
      const { next, timedOut } = await sendLeased(delivery, webhook, deps);
      if (timedOut) unresponsive.add(delivery.webhookId);
      return next;
    } catch (error) {
      // The delivery is stored: the retry job attempts it once the lease runs out.
      logger.warn('webhook first attempt failed', { deliveryId: delivery.id, errorName: (error as Error).name });
      return undefined;
    }
  }));
  return sent.filter((d): d is StoredWebhookDelivery => d !== undefined);
}

/** A matter timeline item as the table stores it (and its stream carries). */
export type MatterTimelineItem = TimelineEventFields & { matterId: string };

/** The county's active endpoints, read once per fan-out batch. */
export type EndpointLists = Map<string, Promise<StoredWebhook[]>>;

function activeEndpointsOf(tenantId: string, lists: EndpointLists): Promise<StoredWebhook[]> {
  let list = lists.get(tenantId);
  if (!list) {
    list = queryWebhooks(tenantId).then((all) => all.filter((w) => w.status === 'active'));
    lists.set(tenantId, list);
  }
  return list;
}

/**
 * Writes the deliveries a timeline event raises, one per active endpoint subscribed to it, and
 * returns those newly written (a stream record seen again writes none). Throws when a write
 * fails, so the stream record is retried.
 */
export async function createMatterEventDeliveries(tenantId: string, event: MatterTimelineItem, deps: DeliveryDeps = {}, lists: EndpointLists = new Map()): Promise<StoredWebhookDelivery[]> {
  const type = webhookEventTypeOf(event);
  if (!type) return [];
  const endpoints = (await activeEndpointsOf(tenantId, lists)).filter((w) => w.events.includes(type));
  if (endpoints.length === 0) return [];
  const loaded = await loadPublicMatter(tenantId, event.matterId);
  if (!loaded) {
    logger.warn('webhook fan-out: matter not found', { matterId: event.matterId, eventId: event.id });
    return [];
  }
  const { matter } = loaded;
  const [raised] = webhookEventsOf(event, loaded.view, tenantId, { ...(matter.acceptBy ? { acceptBy: matter.acceptBy } : {}), ...(matter.feedbackBy ? { feedbackBy: matter.feedbackBy } : {}) });
  if (!raised) return [];
  const at = isoNow(deps.clock ?? systemClock);
  const created: StoredWebhookDelivery[] = [];
  for (const webhook of endpoints) {
    const delivery = newDelivery(tenantId, webhook.id, raised.payload, webhookDeliveryIdOf(raised.payload.id, webhook.id, Date.parse(event.at)), at);
    if (await putNewWebhookDelivery(delivery)) created.push(delivery);
  }
  return created;
}

/** Sends deliveries just created (by createMatterEventDeliveries), at once; failures are left to the retry job. */
export function sendNewDeliveries(created: StoredWebhookDelivery[], deps: DeliveryDeps = {}): Promise<StoredWebhookDelivery[]> {
  return sendNew(created, resolve(deps));
}

/** One timeline event: its deliveries written and attempted at once. */
export async function fanOutMatterEvent(tenantId: string, event: MatterTimelineItem, deps: DeliveryDeps = {}): Promise<{ created: number; delivered: number }> {
  const created = await createMatterEventDeliveries(tenantId, event, deps);
  const sent = await sendNewDeliveries(created, deps);
  return { created: created.length, delivered: sent.filter((d) => d.status === 'delivered').length };
}

export interface DueDeliveryCounts {
  due: number;
  delivered: number;
  retrying: number;
  failed: number;
  /** Held by another runner meanwhile. */
  skipped: number;
}

/** deliver-webhooks: the county's pending deliveries due at or before `at`, each attempted once. */
export async function deliverDueWebhooks(tenantId: string, at: string, deps: DeliveryDeps = {}): Promise<DueDeliveryCounts> {
  // The run's times (leases, next attempts) are counted from `at`, like every job's.
  const run: DeliveryDeps = { ...deps, clock: deps.clock ?? fixedClock(at) };
  const counts: DueDeliveryCounts = { due: 0, delivered: 0, retrying: 0, failed: 0, skipped: 0 };
  let cursor: string | undefined;
  do {
    const page = await queryDueWebhookDeliveries(tenantId, at, { limit: PAGE, ...(cursor ? { cursor } : {}) });
    const outcomes = await mapLimited(page.items, CONCURRENCY, (delivery) => attemptDelivery(delivery, run));
    counts.due += page.items.length;
    for (const outcome of outcomes) {
      if (!outcome) counts.skipped += 1;
      else if (outcome.status === 'delivered') counts.delivered += 1;
      else if (outcome.status === 'failed') counts.failed += 1;
      else counts.retrying += 1;
    }
    cursor = page.nextCursor;
  } while (cursor && counts.due < MAX_PER_RUN);
  return counts;
}

// The management side (integration.manage) -----------------------------------------------------

async function loadDelivery(ctx: TenantScopedContext, id: string): Promise<StoredWebhookDelivery> {
  const delivery = await getWebhookDeliveryRecord(ctx.tenantId, id);
  if (!delivery) throw notFound('id', '投递记录不存在 / delivery not found');
  return delivery;
}

function requireActive(webhook: StoredWebhook): StoredWebhook {
  if (webhook.status !== 'active') throw conflict('status', 'Webhook 已停用，请先启用 / the webhook is disabled: enable it first');
  return webhook;
}

/** An endpoint's deliveries, newest first, optionally of one status. */
export async function listWebhookDeliveries(
  ctxIn: TenantContext,
  webhookId: string,
  query: { status?: WebhookDeliveryStatus; limit: number; cursor?: string },
): Promise<Page<WebhookDeliveryView>> {
  const ctx = requireTenant(ctxIn);
  await loadWebhook(ctx, webhookId);
  const page = await queryWebhookDeliveries(ctx.tenantId, webhookId, query.status, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
  return { ...page, items: page.items.map(deliveryView) };
}

export async function getWebhookDelivery(ctxIn: TenantContext, id: string): Promise<WebhookDeliveryView> {
  return deliveryView(await loadDelivery(requireTenant(ctxIn), id));
}

/**
 * Sends a delivery again now — the same event id and body, signed anew; its attempts go on
 * counting, so a delivery replayed after its last attempt gets this one attempt, no new backoff.
 */
export async function replayDelivery(ctxIn: TenantContext, id: string, input: { version: number }, deps: DeliveryDeps = {}): Promise<WebhookDeliveryView> {
  const ctx = requireTenant(ctxIn);
  const resolved = resolve(deps);
  const delivery = await loadDelivery(ctx, id);
  // What the caller saw: a replay of a delivery that has moved on since is refused, not doubled.
  if (delivery.version !== input.version) throw versionConflict();
  const webhook = requireActive(await loadWebhook(ctx, delivery.webhookId));
  const lease = leased(delivery, isoNow(resolved.clock));
  if (!(await putWebhookDeliveryChange(lease, delivery.version))) {
    throw conflict('id', '该投递正在发送，请稍后再试 / the delivery is being sent right now, retry shortly');
  }
  return deliveryView((await sendLeased(lease, webhook, resolved)).next);
}

/** "Send a test event": a `ping` delivery to the endpoint, attempted now and logged like any other. */
export async function pingWebhook(ctxIn: TenantContext, webhookId: string, input: { version: number }, deps: DeliveryDeps = {}): Promise<WebhookDeliveryView> {
  const ctx = requireTenant(ctxIn);
  const resolved = resolve(deps);
  const webhook = requireActive(await loadWebhook(ctx, webhookId));
  // The endpoint as the caller saw it (its URL may have changed since).
  if (webhook.version !== input.version) throw versionConflict();
  const at = isoNow(resolved.clock);
  const id = newId('webhookDelivery', Date.parse(at));
  // The event id shares the delivery's ULID: unique, and the two are easy to match in logs.
  const payload: WebhookPayload = { id: `evt_ping_${id.slice(id.indexOf('_') + 1)}`, type: 'ping', county: ctx.tenantId, occurredAt: at, data: {} };
  const delivery = newDelivery(ctx.tenantId, webhook.id, payload, id, at);
  if (!(await putNewWebhookDelivery(delivery))) throw conflict('id', '投递编号重复 / duplicate delivery id');
  return deliveryView((await sendLeased(delivery, webhook, resolved)).next);
}

import {
  newId,
  webhookUrlProblem,
  type Page,
  type WebhookCreateInput,
  type WebhookCreated,
  type WebhookUpdateInput,
  type WebhookView,
} from '@beatlink/shared';
import { getWebhookRecord, putNewWebhookOp, queryWebhooks, updateWebhookOp, type StoredWebhook } from '../../data/integrations';
import { runTransaction } from '../../data/repository';
import { invalidField, notFound, versionConflict } from '../../lib/app-error';
import { isoNow, systemClock, type Clock } from '../../lib/clock';
import { readEnv } from '../../lib/env';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { newWebhookSecret, sealWebhookSecret, webhookSecretPrefix } from './webhook-secret';

/**
 * The county's webhook endpoints (integration.manage): registered with a signing secret shown
 * once, changed or disabled with the version read, the secret rotated (the old one stops signing
 * at once: every attempt signs with the current one).
 */
export interface WebhookDeps {
  clock?: Clock;
}

export function webhookView(webhook: StoredWebhook): WebhookView {
  const { tenantId: _t, secret: _secret, updatedBy: _by, ...rest } = webhook;
  return rest;
}

/** https only; plain http to loopback only on the local stack (its test receivers). */
function requireUsableUrl(url: string): void {
  const problem = webhookUrlProblem(url, { allowLoopbackHttp: readEnv().stage === 'local' });
  if (problem) throw invalidField('url', problem);
}

/** An endpoint of the caller's county, else 404 (also for another county's id). */
export async function loadWebhook(ctx: TenantScopedContext, id: string): Promise<StoredWebhook> {
  const webhook = await getWebhookRecord(ctx.tenantId, id);
  if (!webhook) throw notFound('id', 'Webhook 不存在 / webhook not found');
  return webhook;
}

const withSecret = (webhook: StoredWebhook, secret: string): WebhookCreated => ({ ...webhookView(webhook), secret });

export async function createWebhook(ctxIn: TenantContext, input: WebhookCreateInput, deps: WebhookDeps = {}): Promise<WebhookCreated> {
  const ctx = requireTenant(ctxIn);
  requireUsableUrl(input.url);
  const at = isoNow(deps.clock ?? systemClock);
  const secret = newWebhookSecret();
  const webhook: StoredWebhook = {
    tenantId: ctx.tenantId,
    id: newId('webhook', Date.parse(at)),
    url: input.url,
    ...(input.description ? { description: input.description } : {}),
    events: [...input.events],
    status: 'active',
    secret: await sealWebhookSecret(ctx.tenantId, secret),
    secretPrefix: webhookSecretPrefix(secret),
    createdAt: at,
    createdBy: ctx.username,
    updatedAt: at,
    updatedBy: ctx.username,
    version: 1,
  };
  await runTransaction([putNewWebhookOp(webhook)]);
  return withSecret(webhook, secret);
}

/** The county's endpoints, newest first, each with its last delivery's outcome. */
export async function listWebhooks(ctxIn: TenantContext): Promise<Page<WebhookView>> {
  const ctx = requireTenant(ctxIn);
  const webhooks = await queryWebhooks(ctx.tenantId);
  return { items: webhooks.reverse().map(webhookView) };
}

export async function getWebhook(ctxIn: TenantContext, id: string): Promise<WebhookView> {
  return webhookView(await loadWebhook(requireTenant(ctxIn), id));
}

/** Fields left out stay as they are; an empty description removes it. */
export async function updateWebhook(ctxIn: TenantContext, id: string, input: WebhookUpdateInput, deps: WebhookDeps = {}): Promise<WebhookView> {
  const ctx = requireTenant(ctxIn);
  if (input.url !== undefined) requireUsableUrl(input.url);
  const webhook = await loadWebhook(ctx, id);
  if (webhook.version !== input.version) throw versionConflict();
  const set: Partial<StoredWebhook> = {
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.description ? { description: input.description } : {}),
    ...(input.events ? { events: [...input.events] } : {}),
    ...(input.status ? { status: input.status } : {}),
    version: webhook.version + 1,
    updatedAt: isoNow(deps.clock ?? systemClock),
    updatedBy: ctx.username,
  };
  const remove = input.description === '' ? (['description'] as const) : [];
  await runTransaction([updateWebhookOp(webhook, set, remove, webhook.version)]);
  const { description: _d, ...kept } = webhook;
  return webhookView({ ...(input.description === '' ? kept : webhook), ...set });
}

/** A new signing secret, shown in this answer only. */
export async function rotateWebhookSecret(ctxIn: TenantContext, id: string, input: { version: number }, deps: WebhookDeps = {}): Promise<WebhookCreated> {
  const ctx = requireTenant(ctxIn);
  const webhook = await loadWebhook(ctx, id);
  if (webhook.version !== input.version) throw versionConflict();
  const secret = newWebhookSecret();
  const set = {
    secret: await sealWebhookSecret(ctx.tenantId, secret),
    secretPrefix: webhookSecretPrefix(secret),
    version: webhook.version + 1,
    updatedAt: isoNow(deps.clock ?? systemClock),
    updatedBy: ctx.username,
  };
  await runTransaction([updateWebhookOp(webhook, set, [], webhook.version)]);
  return withSecret({ ...webhook, ...set }, secret);
}

import * as z from 'zod';
import { optionalText, versionSchema, withExample } from '../fields';
import { idSchema } from '../ids';
import type { PublicMatterView } from './public-matters';

/**
 * Webhooks: a county registers endpoints of its other systems; matter events are POSTed to them,
 * signed, retried with backoff, logged per delivery, and can be replayed.
 */
export const WEBHOOK_EVENTS = ['matter.created', 'matter.status_changed', 'matter.overdue'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
/** `ping` is only sent by "send a test event". */
export type WebhookDeliveryEventType = WebhookEventType | 'ping';
export const WEBHOOK_EVENT_LABELS: Record<WebhookDeliveryEventType, { zh: string; en: string }> = {
  'matter.created': { zh: '新事项', en: 'Matter created' },
  'matter.status_changed': { zh: '状态变化', en: 'Status changed' },
  'matter.overdue': { zh: '超期', en: 'Overdue' },
  ping: { zh: '测试', en: 'Test' },
};

/**
 * Signature headers. `Beatlink-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`;
 * a receiver recomputes v1 with its secret over the timestamp and the body bytes as received,
 * compares in constant time, and refuses timestamps older than `WEBHOOK_TOLERANCE_SECONDS`.
 */
export const WEBHOOK_HEADERS = {
  signature: 'Beatlink-Signature',
  event: 'Beatlink-Event',
  delivery: 'Beatlink-Delivery',
  attempt: 'Beatlink-Attempt',
} as const;
export const WEBHOOK_TOLERANCE_SECONDS = 300;
/** The secret: `whsec_` + 43 base64url characters (256 bits). */
export const WEBHOOK_SECRET_PATTERN = /^whsec_[A-Za-z0-9_-]{43}$/;

/**
 * Seconds to wait after the n-th failed attempt (index 0 = after the first). After the last one the
 * delivery is marked failed (about 15 hours in all); it can still be replayed.
 */
export const WEBHOOK_RETRY_DELAYS_SECONDS = [30, 60, 120, 300, 600, 1800, 3600, 7200, 14_400, 28_800] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_SECONDS.length + 1;
/** A receiver has this long to answer 2xx. */
export const WEBHOOK_TIMEOUT_MS = 5_000;

/**
 * What makes a URL unacceptable, or undefined. https only; plain http only to a loopback host and
 * only where the deployment allows it (the local stack).
 */
export function webhookUrlProblem(url: string, options: { allowLoopbackHttp: boolean }): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '须为完整的网址 / must be an absolute URL';
  }
  if (parsed.username || parsed.password) return '网址不能包含用户名或密码 / the URL must not carry credentials';
  if (parsed.hash) return '网址不能包含 # 片段 / the URL must not have a fragment';
  if (parsed.protocol === 'https:') return undefined;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol === 'http:' && loopback && options.allowLoopbackHttp) return undefined;
  return options.allowLoopbackHttp ? '须为 https 网址（本地可用 http://127.0.0.1） / https only (http to loopback locally)' : '须为 https 网址 / https only';
}

const urlSchema = z.string().trim().min(8).max(500);
const eventsSchema = z
  .array(z.enum(WEBHOOK_EVENTS))
  .min(1)
  .max(WEBHOOK_EVENTS.length)
  .refine((events) => new Set(events).size === events.length, { message: '事件重复 / duplicate event' });

export const webhookCreateSchema = withExample(
  z.strictObject({ url: urlSchema, description: optionalText(100), events: eventsSchema }),
  { url: 'https://grid.example.gov.cn/hooks/beatlink', description: '网格化平台', events: ['matter.created', 'matter.status_changed'] },
);
export type WebhookCreateInput = z.infer<typeof webhookCreateSchema>;

export const WEBHOOK_STATUSES = ['active', 'disabled'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

export const webhookUpdateSchema = withExample(
  z.strictObject({
    version: versionSchema,
    url: urlSchema.optional(),
    description: optionalText(100),
    events: eventsSchema.optional(),
    status: z.enum(WEBHOOK_STATUSES).optional(),
  }),
  { version: 1, events: ['matter.created', 'matter.status_changed', 'matter.overdue'] },
);
export type WebhookUpdateInput = z.infer<typeof webhookUpdateSchema>;

export const webhookVersionSchema = withExample(z.strictObject({ version: versionSchema }), { version: 1 });
export const webhookParamsSchema = z.strictObject({ id: idSchema('webhook') });
export const webhookDeliveryParamsSchema = z.strictObject({ id: idSchema('webhookDelivery') });

export interface WebhookView {
  id: string;
  url: string;
  description?: string;
  events: WebhookEventType[];
  status: WebhookStatus;
  /** `whsec_abcd…`: enough to tell secrets apart. */
  secretPrefix: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
  /** The last delivery's outcome, for the list. */
  lastDelivery?: { at: string; status: WebhookDeliveryStatus; statusCode?: number };
}

/** Creation and secret rotation: the only answers that carry the secret. */
export interface WebhookCreated extends WebhookView {
  secret: string;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
export const WEBHOOK_DELIVERY_STATUS_LABELS: Record<WebhookDeliveryStatus, { zh: string; en: string }> = {
  pending: { zh: '待投递/重试中', en: 'Pending' },
  delivered: { zh: '已送达', en: 'Delivered' },
  failed: { zh: '投递失败', en: 'Failed' },
};

export const webhookDeliveryListQuerySchema = z.strictObject({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2000).optional(),
});

export interface WebhookAttempt {
  at: string;
  /** The receiver's status; absent when it could not be reached. */
  statusCode?: number;
  /** Why it failed: a network error or the first 200 characters of a non-2xx answer. */
  error?: string;
  durationMs: number;
}

export interface WebhookDeliveryView {
  id: string;
  webhookId: string;
  event: WebhookDeliveryEventType;
  /** The id of the event (the same in every retry and replay, so receivers can de-duplicate). */
  eventId: string;
  matterId?: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt?: string;
  lastAttemptAt?: string;
  lastStatusCode?: number;
  lastError?: string;
  createdAt: string;
  deliveredAt?: string;
  /** The exact body sent (JSON text). */
  payload: string;
  /** The latest attempts, newest first (at most 20). */
  history: WebhookAttempt[];
  version: number;
}

/** The JSON body POSTed to a receiver. */
export interface WebhookPayload {
  /** The event id (`evt_<matter event id>`, or `evt_ping_<ulid>`). */
  id: string;
  type: WebhookDeliveryEventType;
  /** The county's code. */
  county: string;
  occurredAt: string;
  data: {
    matter?: PublicMatterView;
    /** matter.status_changed: the statuses on both sides. */
    change?: { from?: string; to: string };
    /** matter.overdue: which deadline passed. */
    deadline?: { name: 'acceptBy' | 'feedbackBy'; at: string };
  };
}

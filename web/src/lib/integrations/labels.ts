import type { ErrorDetail } from '@beatlink/shared';
import { API_SCOPE_LABELS, type ApiScope, type RateLimit, type RatePeriod } from '@beatlink/shared/integrations/api-keys';
import { WEBHOOK_DELIVERY_STATUS_LABELS, WEBHOOK_EVENT_LABELS, type WebhookDeliveryEventType, type WebhookDeliveryStatus } from '@beatlink/shared/integrations/webhooks';
import { splitDetails } from '../form-errors';

const PERIOD_UNITS: Record<RatePeriod, string> = { second: '秒', minute: '分钟', hour: '小时' };

/** `{limit:120, per:'minute'}` → `120 次/分钟`. */
export function rateLimitText(rate: RateLimit): string {
  return `${rate.limit} 次/${PERIOD_UNITS[rate.per] ?? rate.per}`;
}

export function scopeLabel(scope: ApiScope | string): string {
  return API_SCOPE_LABELS[scope as ApiScope]?.zh ?? scope;
}

export function eventLabel(event: WebhookDeliveryEventType | string): string {
  return WEBHOOK_EVENT_LABELS[event as WebhookDeliveryEventType]?.zh ?? event;
}

export function deliveryStatusLabel(status: WebhookDeliveryStatus | string): string {
  return WEBHOOK_DELIVERY_STATUS_LABELS[status as WebhookDeliveryStatus]?.zh ?? status;
}

export const DELIVERY_STATUS_COLORS: Record<WebhookDeliveryStatus, string> = { pending: 'orange', delivered: 'green', failed: 'red' };

/** 30 → `30 秒`, 120 → `2 分钟`, 5400 → `1 小时 30 分钟`, 14400 → `4 小时`. */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} 秒`;
  if (s < 3600) {
    const minutes = Math.floor(s / 60);
    const rest = s % 60;
    return rest ? `${minutes} 分 ${rest} 秒` : `${minutes} 分钟`;
  }
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return minutes ? `${hours} 小时 ${minutes} 分钟` : `${hours} 小时`;
}

/** The retry schedule in words: each wait, and how long until the last attempt. */
export function retryScheduleText(delays: readonly number[]): { steps: string[]; total: string } {
  return { steps: delays.map(durationText), total: durationText(delays.reduce((sum, d) => sum + d, 0)) };
}

/** A JSON text pretty-printed (2 spaces); anything else as it came. */
export function prettyJson(text: string | undefined): string {
  if (!text) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A list answer as an array, whether the API sends `{items}` (a page) or a bare array. */
export function itemsOf<T>(answer: T[] | { items?: T[] } | undefined | null): T[] {
  if (Array.isArray(answer)) return answer;
  return answer?.items ?? [];
}

export type ApiKeyField = 'name' | 'scopes' | 'agencyId' | 'rateLimit' | 'note';
const API_KEY_FIELDS: readonly ApiKeyField[] = ['name', 'scopes', 'agencyId', 'rateLimit', 'note'];

/** `scopes.1` → scopes, `rateLimit.limit` → rateLimit: where a 400's detail shows in the key dialog. */
export function apiKeyFieldOfPath(path: string): ApiKeyField | undefined {
  const head = path.split('.')[0] as ApiKeyField;
  return API_KEY_FIELDS.includes(head) ? head : undefined;
}

export type WebhookField = 'url' | 'description' | 'events' | 'status';
const WEBHOOK_FIELDS: readonly WebhookField[] = ['url', 'description', 'events', 'status'];

export function webhookFieldOfPath(path: string): WebhookField | undefined {
  const head = path.split('.')[0] as WebhookField;
  return WEBHOOK_FIELDS.includes(head) ? head : undefined;
}

/** A 400's details on the key dialog's fields. */
export function apiKeyErrorsOf(details: readonly ErrorDetail[]) {
  return splitDetails(details, apiKeyFieldOfPath);
}

export function webhookErrorsOf(details: readonly ErrorDetail[]) {
  return splitDetails(details, webhookFieldOfPath);
}

export interface ApiKeyDraft {
  name: string;
  scopes: ApiScope[];
  agencyId?: string;
  limit: number | null;
  per: RatePeriod;
  note: string;
}

/** What the dialog checks before sending (the server checks again). */
export function validateApiKeyDraft(draft: ApiKeyDraft): Partial<Record<ApiKeyField, string>> {
  const errors: Partial<Record<ApiKeyField, string>> = {};
  if (!draft.name.trim()) errors.name = '请填写名称';
  else if (draft.name.trim().length > 60) errors.name = '最多 60 个字符';
  if (draft.scopes.length === 0) errors.scopes = '至少选择一项权限范围';
  if (draft.scopes.includes('updates:write') && !draft.agencyId) errors.agencyId = '回传办理结果须绑定成员单位';
  if (draft.limit === null || !Number.isInteger(draft.limit) || draft.limit < 1 || draft.limit > 100_000) errors.rateLimit = '限流须为 1–100000 的整数';
  if (draft.note.trim().length > 200) errors.note = '最多 200 个字符';
  return errors;
}

/** The POST /integrations/api-keys body of a draft. */
export function apiKeyBody(draft: ApiKeyDraft) {
  const note = draft.note.trim();
  return {
    name: draft.name.trim(),
    scopes: draft.scopes,
    ...(draft.scopes.includes('updates:write') && draft.agencyId ? { agencyId: draft.agencyId } : {}),
    rateLimit: { limit: draft.limit ?? 0, per: draft.per },
    ...(note ? { note } : {}),
  };
}

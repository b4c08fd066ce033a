import type { ApiKeyCreated, ApiKeyView, Page, WebhookCreated, WebhookDeliveryView, WebhookView } from '@beatlink/shared';
import type { ApiClient } from './api-client';
import type { CountyPlan } from './seed-plan';
import { LOCAL_WEBHOOK_ECHO_PATH } from './webhook-echo';

/**
 * 对接集成 of a demo county: the 12345 hotline's key (its secret printed once at the end of the
 * first start and kept in `.data/demo-api-keys.json`), an agency's case-system key, a revoked key,
 * the grid platform's webhook pointed at the local echo receiver, a test event, and a few
 * requests the hotline submitted through Open311 — so the triage desk shows 热线/平台转入 matters
 * and the webhook's delivery log has deliveries. Through the API, as the county's program office
 * would; a resumed seed finds what exists by name and creates nothing twice.
 */
export interface SeededIntegrations {
  apiKeys: string[];
  webhooks: string[];
  webhookDeliveries: string[];
  /** The hotline key, when this run created it (a resumed seed cannot show it again). */
  demoKey?: { name: string; key: string; scopes: string[] };
}

const HOTLINE = '12345 热线平台（演示）';
const AGENCY_SYSTEM = '民政局业务系统（演示）';
const RETIRED = '旧网格平台（已停用）';
const GRID_HOOK = '网格化服务管理平台（本地演示接收端）';

const HOTLINE_REQUESTS = [
  { service_code: 'sanitation', description: '来电反映：村口垃圾池三天未清运，气味很大。', phone: '13805320101' },
  { service_code: 'infrastructure', description: '来电反映：村西路灯连续两晚不亮，夜间出行不便。', phone: '13805320102' },
  { service_code: 'road_safety', description: '来电反映：学校门口减速带损坏，车辆车速过快。', phone: '13805320103' },
];

export async function seedIntegrations(plan: CountyPlan, admin: ApiClient, id: (key: string) => string, opts: { log: (line: string) => void }): Promise<SeededIntegrations> {
  const started = Date.now();
  const seedKey = (part: string) => `seed-${plan.tenantId}-integrations-${part}`;
  const existing = (await admin.get<ApiKeyView[] | Page<ApiKeyView>>('/integrations/api-keys', { status: 'all' })) as ApiKeyView[] | Page<ApiKeyView>;
  const keys = Array.isArray(existing) ? existing : existing.items;
  const byName = (name: string) => keys.find((k) => k.name === name);
  const out: SeededIntegrations = { apiKeys: [], webhooks: [], webhookDeliveries: [] };

  // The grid platform's endpoint first, so it hears of the hotline's requests below.
  const hooks = (await admin.get<WebhookView[] | Page<WebhookView>>('/integrations/webhooks')) as WebhookView[] | Page<WebhookView>;
  const hookList = Array.isArray(hooks) ? hooks : hooks.items;
  const hook =
    hookList.find((h) => h.description === GRID_HOOK) ??
    (await admin.post<WebhookCreated>(
      '/integrations/webhooks',
      { url: new URL(LOCAL_WEBHOOK_ECHO_PATH, admin.options.baseUrl).toString(), description: GRID_HOOK, events: ['matter.created', 'matter.status_changed', 'matter.overdue'] },
      seedKey('webhook'),
    ));
  out.webhooks.push(hook.id);
  const deliveries = await admin.get<Page<WebhookDeliveryView>>(`/integrations/webhooks/${hook.id}/deliveries`, { limit: 10 });
  const ping = deliveries.items.find((d) => d.event === 'ping') ?? (await admin.post<WebhookDeliveryView>(`/integrations/webhooks/${hook.id}/test`, { version: hook.version }, seedKey('ping')));
  out.webhookDeliveries.push(ping.id);
  let hotline = byName(HOTLINE);
  if (!hotline) {
    const created = await admin.post<ApiKeyCreated>('/integrations/api-keys', { name: HOTLINE, scopes: ['matters:write', 'matters:read', 'stats:read'], note: '市 12345 政务服务便民热线工单转入' }, seedKey('hotline'));
    hotline = created;
    if (created.key) {
      out.demoKey = { name: HOTLINE, key: created.key, scopes: created.scopes };
      // The hotline's first requests, as its system would send them (form-encoded Open311).
      for (const [i, request] of HOTLINE_REQUESTS.entries()) {
        const village = plan.villages[i * 7 % plan.villages.length]!;
        const form = new URLSearchParams({ api_key: created.key, jurisdiction_id: plan.tenantId, address_string: `${village.input.name}村委会附近`, first_name: '来电', last_name: '群众', ...request });
        const response = await fetch(new URL('/open311/v2/requests.json', admin.options.baseUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': seedKey(`open311-${i}`) },
          body: form,
        });
        if (response.status !== 201) throw new Error(`seed: Open311 request answered ${response.status}: ${await response.text()}`);
      }
    }
  }
  out.apiKeys.push(hotline.id);
  const agencyId = id(plan.agencies[0]!.key);
  const agencyKey = byName(AGENCY_SYSTEM) ?? (await admin.post<ApiKeyCreated>('/integrations/api-keys', { name: AGENCY_SYSTEM, scopes: ['updates:write', 'matters:read'], agencyId, rateLimit: { limit: 60, per: 'minute' } }, seedKey('agency')));
  out.apiKeys.push(agencyKey.id);
  let retired = byName(RETIRED);
  if (!retired) retired = await admin.post<ApiKeyCreated>('/integrations/api-keys', { name: RETIRED, scopes: ['matters:read'] }, seedKey('retired'));
  if (retired.status === 'active') await admin.post(`/integrations/api-keys/${retired.id}/revoke`, { version: retired.version, reason: '平台迁移，旧接口下线' });
  out.apiKeys.push(retired.id);

  opts.log(`seed: ${plan.tenantId} integrations (${out.apiKeys.length} API keys, 1 webhook) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return out;
}

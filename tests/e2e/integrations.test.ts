/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ApiKeyView, Matter, Page as ListPage, WebhookDeliveryView, WebhookView } from '@beatlink/shared';
import { apiAs, type ApiClient } from '../support/api';
import { DESKTOP, UI_TIMEOUT, useBrowser } from '../support/browser';
import '../support/provided';

/**
 * 对接集成 (issue #7) in headless Chromium, as the county's program office:
 * - 接口密钥: creates a key for a hotline — its secret shown once, then never again on the page;
 *   the key works against Open311 (the request becomes a matter in triage); revoked from the
 *   page, it is refused at once;
 * - 事件推送: registers the local echo receiver, its signing secret shown once, sends a test
 *   event, reads the delivery log, replays a delivery;
 * - 接口文档: the operations of the OpenAPI document and the webhook verification guide.
 * Screenshots go to tests/artifacts/integrations-<n>-<step>.png.
 */
const config = inject('stackConfig');
const logins = inject('logins');
const gatewayUrl = inject('gatewayUrl');
const TENANT = '370283';

const chrome = useBrowser('integrations', { hookTimeout: 120_000 });
const { screenshot } = chrome;
const office = () => logins.byTenant[TENANT]!.program_office!;

let api: ApiClient;
beforeAll(async () => {
  api = await apiAs(config, office());
}, 120_000);

async function postRequest(key: string): Promise<Response> {
  return fetch(`${gatewayUrl}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ api_key: key, service_code: 'sanitation', address_string: '村委会', description: `浏览器测试 ${randomUUID()}` }),
  });
}

describe('API keys', () => {
  let page: Page;
  let key = '';
  let keyId = '';
  const name = `12345 热线（浏览器测试 ${randomUUID().slice(0, 6)}）`;

  it('creates a key: the secret is shown once, then only its prefix', async () => {
    page = await chrome.signIn(office(), '/integrations/api-keys', DESKTOP);
    await page.getByTestId('api-keys-table').waitFor({ timeout: UI_TIMEOUT });
    await page.getByTestId('create-api-key').click();
    await page.getByTestId('api-key-dialog').waitFor({ timeout: UI_TIMEOUT });
    // Nothing filled in: the name is refused in place.
    await page.getByTestId('api-key-save').click();
    await page.getByTestId('api-key-name-field-error').waitFor({ timeout: UI_TIMEOUT });
    await page.getByTestId('api-key-name').fill(name);
    for (const scope of ['matters:write', 'matters:read']) await page.getByTestId(`api-key-scope-${scope}`).setChecked(true);
    await screenshot(page, 'key-form');
    await page.getByTestId('api-key-save').click();
    const secret = page.getByTestId('api-key-secret');
    await secret.waitFor({ timeout: UI_TIMEOUT });
    key = (await secret.innerText()).trim();
    expect(key).toMatch(/^blk_370283_[0-9A-Z]{26}_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'key-shown-once');
    await page.getByTestId('api-key-secret-done').click();
    await page.getByTestId('secret-once-modal').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    const listed = (await api.get<{ items: ApiKeyView[] }>('/integrations/api-keys')).items.find((k) => k.name === name);
    expect(listed).toBeDefined();
    keyId = listed!.id;
    const row = page.locator(`[data-testid="api-key-row"][data-api-key-id="${keyId}"]`);
    await row.waitFor({ timeout: UI_TIMEOUT });
    expect(await row.innerText()).toContain(listed!.prefix.replace('…', ''));
    expect(await page.content()).not.toContain(key.slice(-20));
  });

  it('the key submits an Open311 request that lands in triage', async () => {
    const villages = await api.get<ListPage<{ id: string; name: string }>>('/directory/villages', { limit: 5 });
    const village = villages.items[0]!;
    const response = await fetch(`${gatewayUrl}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: key, jurisdiction_id: TENANT, service_code: 'sanitation', address_string: `${village.name}村委会东侧`, description: `浏览器测试：垃圾池满溢 ${randomUUID()}` }),
    });
    expect(response.status).toBe(201);
    const [created] = (await response.json()) as Array<{ service_request_id: string }>;
    const matter = await api.get<Matter>(`/matters/${created!.service_request_id}`);
    expect(matter).toMatchObject({ status: 'triage', source: 'hotline', villageId: village.id, categoryId: 'sanitation' });
  });

  it('revokes it from the page: the next call is refused', async () => {
    await page.getByTestId(`revoke-${keyId}`).click();
    await page.getByTestId('revoke-reason').fill('浏览器测试：对接结束');
    await page.getByTestId('revoke-confirm').click();
    // The active list drops it.
    await page.locator(`[data-testid="api-key-row"][data-api-key-id="${keyId}"][data-status="active"]`).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    expect((await postRequest(key)).status).toBe(401);
    const revoked = (await api.get<{ items: ApiKeyView[] }>('/integrations/api-keys', { status: 'revoked' })).items.find((k) => k.id === keyId);
    expect(revoked?.status).toBe('revoked');
    await screenshot(page, 'key-revoked');
  });
});

describe('webhooks', () => {
  let page: Page;
  let hook: WebhookView;
  const description = `网格平台（浏览器测试 ${randomUUID().slice(0, 6)}）`;

  it('registers the local receiver: the signing secret is shown once', async () => {
    page = await chrome.signIn(office(), '/integrations/webhooks', DESKTOP);
    await page.getByTestId('webhooks-table').waitFor({ timeout: UI_TIMEOUT });
    await page.getByTestId('create-webhook').click();
    await page.getByTestId('webhook-dialog').waitFor({ timeout: UI_TIMEOUT });
    // Plain http to a remote host is refused, on the field.
    await page.getByTestId('webhook-url').fill('http://grid.example.gov.cn/hooks');
    for (const event of ['matter.created', 'matter.status_changed']) await page.getByTestId(`webhook-event-${event}`).setChecked(true);
    await page.getByTestId('webhook-save').click();
    await page.getByTestId('webhook-url-field-error').waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'webhook-url-refused');
    await page.getByTestId('webhook-url').fill(`${gatewayUrl}/local/webhook-echo`);
    await page.getByTestId('webhook-description').fill(description);
    await page.getByTestId('webhook-save').click();
    const secret = page.getByTestId('webhook-secret');
    await secret.waitFor({ timeout: UI_TIMEOUT });
    expect((await secret.innerText()).trim()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'webhook-secret-once');
    await page.getByTestId('webhook-secret-done').click();
    const hooks = await api.get<{ items: WebhookView[] }>('/integrations/webhooks');
    hook = hooks.items.find((h) => h.description === description)!;
    expect(hook).toBeDefined();
    await page.locator(`[data-testid="webhook-row"][data-webhook-id="${hook.id}"]`).waitFor({ timeout: UI_TIMEOUT });
  });

  it('sends a test event and shows it delivered in the log; a replay is sent again', async () => {
    await page.getByTestId(`ping-${hook.id}`).click();
    const drawer = page.getByTestId('deliveries-drawer');
    await drawer.waitFor({ timeout: UI_TIMEOUT });
    const deliveries = await api.get<ListPage<WebhookDeliveryView>>(`/integrations/webhooks/${hook.id}/deliveries`, { limit: 10 });
    const ping = deliveries.items.find((d) => d.event === 'ping')!;
    expect(ping.status).toBe('delivered');
    await page.locator(`[data-testid="delivery-detail"][data-delivery-id="${ping.id}"], [data-testid="delivery-row"][data-delivery-id="${ping.id}"]`).first().waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'webhook-delivered');
    if (await page.getByTestId('delivery-detail').count()) await page.getByTestId('delivery-back').click();
    await page.locator(`[data-testid="delivery-row"][data-delivery-id="${ping.id}"]`).click();
    await page.getByTestId('delivery-payload').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByTestId('delivery-payload').innerText()).toContain('"type": "ping"');
    await page.getByTestId(`replay-${ping.id}`).first().click();
    await expect.poll(async () => (await api.get<WebhookDeliveryView>(`/integrations/webhook-deliveries/${ping.id}`)).attempts, { timeout: UI_TIMEOUT }).toBe(2);
    await screenshot(page, 'webhook-replayed');
    const echoed = (await (await fetch(`${gatewayUrl}/local/webhook-echo`)).json()) as Array<{ headers: Record<string, string> }>;
    expect(echoed.filter((e) => e.headers['beatlink-delivery'] === ping.id).length).toBeGreaterThanOrEqual(2);
  });
});

describe('API docs', () => {
  it('lists the Open311 and REST operations from the OpenAPI document, and the webhook guide', async () => {
    const page = await chrome.signIn(office(), '/integrations/docs', DESKTOP);
    await page.getByTestId('docs-operation-open311CreateRequestJson').waitFor({ timeout: UI_TIMEOUT });
    for (const op of ['v1CreateMatter', 'v1GetMatterTimeline', 'open311ListRequestsXml', 'open311PostUpdateJson']) {
      expect(await page.getByTestId(`docs-operation-${op}`).count(), op).toBe(1);
    }
    expect(await page.getByTestId('docs-webhook-snippet').innerText()).toContain('createHmac');
    expect(await page.getByTestId('docs-openapi-error').count()).toBe(0);
    await screenshot(page, 'docs');
  });
});

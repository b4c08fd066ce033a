/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Page as ListPage, Village, Workstation } from '@beatlink/shared';
import { apiAs } from '../support/api';
import { idOf } from '../lib/route-fixtures';
import '../support/provided';

/**
 * The portal in headless Chromium (Debian's), as the program office uses it: sign in, browse the
 * organisation tree, create a village under a workstation. Screenshots go to tests/artifacts/.
 */
const portalUrl = inject('portalUrl');
const config = inject('stackConfig');
const logins = inject('logins');
const seeded = inject('seededIds');
const TENANT = '370283';
const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
});

afterEach(async (context) => {
  // A failed step leaves a picture of what the user saw.
  if (context.task.result?.state === 'fail') await page?.screenshot({ path: resolve(ARTIFACTS, `failed-${Date.now()}.png`), fullPage: true });
});

afterAll(async () => {
  await browser?.close();
});

describe('the portal', () => {
  it('signs the program office in and shows name, county and role in Chinese', async () => {
    const login = logins.byTenant[TENANT]!.program_office!;
    await page.goto(`${portalUrl}/login`);
    await page.getByTestId('login-username').fill(login.username);
    await page.getByTestId('login-password').fill(login.password);
    await page.getByTestId('login-submit').click();
    const header = page.getByTestId('user-header');
    await header.waitFor({ timeout: 60_000 });
    const me = await (await apiAs(config, login)).get<{ name: string; tenantName: string }>('/me');
    await expect.poll(() => header.innerText(), { timeout: 30_000 }).toContain(me.name);
    const text = await header.innerText();
    expect(text).toContain(me.tenantName);
    expect(text).toContain('活动办');
  });

  it('refuses a wrong password with a clear Chinese message', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const other = await context.newPage();
    await other.goto(`${portalUrl}/login`);
    await other.getByTestId('login-username').fill(logins.byTenant[TENANT]!.program_office!.username);
    await other.getByTestId('login-password').fill('wrong-password-1');
    await other.getByTestId('login-submit').click();
    await expect.poll(() => other.getByTestId('login-error').innerText(), { timeout: 30_000 }).toContain('用户名或密码错误');
    await context.close();
  });

  it('browses the organisation tree and creates a village under a workstation', async () => {
    const client = await apiAs(config, logins.byTenant[TENANT]!.program_office!);
    const workstation = await client.get<Workstation>(`/directory/workstations/${idOf(seeded, TENANT, 'workstation')}`);

    await page.goto(`${portalUrl}/org`);
    await page.getByTestId('org-tree').waitFor({ timeout: 60_000 });
    // Searching opens the path to the workstation (the tree is virtual: only open nodes exist).
    await page.getByTestId('org-search').locator('input').first().fill(workstation.name).catch(() => page.getByTestId('org-search').fill(workstation.name));
    const node = page.getByTestId(`org-node-${workstation.id}`);
    await node.waitFor({ timeout: 30_000 });
    await node.click();
    await page.getByTestId('org-add-village').click();

    const form = page.getByTestId('resource-form');
    await form.waitFor();
    const villageName = `浏览器测试村${Date.now() % 100000}`;
    await form.getByTestId('field-name').fill(villageName);
    await form.getByTestId('field-kind').click();
    await page.locator('.ant-select-item-option[title="行政村"]').click();
    await form.getByTestId('field-households').fill('321');
    await page.screenshot({ path: resolve(ARTIFACTS, 'village-form.png') });
    await page.getByTestId('resource-form-submit').click();
    await form.waitFor({ state: 'hidden', timeout: 30_000 });

    // The API has it, under the right office and workstation.
    const villages = await client.get<ListPage<Village>>('/directory/villages', { workstationId: workstation.id, limit: 200 });
    const created = villages.items.find((v) => v.name === villageName);
    expect(created).toMatchObject({ officeId: workstation.officeId, workstationId: workstation.id, households: 321, version: 1 });

    // And the tree shows it.
    await page.getByTestId('org-search').locator('input').first().fill(villageName).catch(() => page.getByTestId('org-search').fill(villageName));
    await page.getByTestId(`org-node-${created!.id}`).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('org-tree').innerText(), { timeout: 30_000 }).toContain(villageName);
    // Really on screen, not clipped: the element at the row's centre is the row itself.
    // Checked inside the page in one step, and polled: the tree re-renders its rows when the
    // refetched directory arrives, which detaches any handle taken a moment earlier.
    const testId = `org-node-${created!.id}`;
    await expect
      .poll(
        () =>
          page.evaluate((id) => {
            const row = document.querySelector(`[data-testid="${id}"]`);
            if (!row) return 'missing';
            row.scrollIntoView({ block: 'center' });
            const box = row.getBoundingClientRect();
            const element = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
            return element?.closest('[data-testid^="org-node-"]')?.getAttribute('data-testid') ?? element?.outerHTML.slice(0, 200);
          }, testId),
        { timeout: 30_000 },
      )
      .toBe(testId);
    await page.screenshot({ path: resolve(ARTIFACTS, 'org-tree-village-created.png'), fullPage: true });
  });
});

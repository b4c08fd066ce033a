/// <reference lib="dom" />
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Page as ListPage, Village, Workstation } from '@beatlink/shared';
import { apiAs } from '../support/api';
import { saveScreenshot, submitLogin, useBrowser } from '../support/browser';
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
const chrome = useBrowser('portal');

let page: Page;

beforeAll(async () => {
  page = await chrome.newPage();
});

describe('the portal', () => {
  it('signs the program office in and shows name, county and role in Chinese', async () => {
    const login = logins.byTenant[TENANT]!.program_office!;
    await page.goto(`${portalUrl}/login`);
    await submitLogin(page, login);
    const header = page.getByTestId('user-header');
    await header.waitFor({ timeout: 60_000 });
    const me = await (await apiAs(config, login)).get<{ name: string; tenantName: string }>('/me');
    await expect.poll(() => header.innerText(), { timeout: 30_000 }).toContain(me.name);
    const text = await header.innerText();
    expect(text).toContain(me.tenantName);
    expect(text).toContain('活动办');
  });

  it('refuses a wrong password with a clear Chinese message', async () => {
    // Playwright's default window, as before: this page never needed the office's screen.
    const other = await chrome.newPage({ viewport: { width: 1280, height: 720 }, label: 'wrong-password' });
    await other.goto(`${portalUrl}/login`);
    await submitLogin(other, { username: logins.byTenant[TENANT]!.program_office!.username, password: 'wrong-password-1' });
    await expect.poll(() => other.getByTestId('login-error').innerText(), { timeout: 30_000 }).toContain('用户名或密码错误');
    await other.context().close();
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
    await saveScreenshot(page, 'village-form.png', { fullPage: false });
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
    await saveScreenshot(page, 'org-tree-village-created.png');
  });
});

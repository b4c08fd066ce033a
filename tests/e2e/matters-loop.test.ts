/// <reference lib="dom" />
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Me, Role } from '@beatlink/shared';
import type { MatterDetail, MatterEvent } from '@beatlink/shared/matters/views';
import { apiAs } from '../support/api';
import { UI_TIMEOUT, useBrowser } from '../support/browser';
import '../support/provided';

/**
 * The matters loop in headless Chromium, through the portal as each user works it:
 * the community officer takes in a demand on the field intake page (民政救助, routed to an
 * agency) → the program office triages it (not police business) and assigns it to the agency of
 * the routing suggestion → that agency's staff accepts and gives feedback on /agency → the office
 * verifies it by call-back, not satisfied → reopened → reassigned → accepted and answered again →
 * verified satisfied → closed as resolved. Each step is screenshotted to
 * tests/artifacts/matters-loop-<n>-<step>.png; the API is used only to look things up and assert.
 */
const portalUrl = inject('portalUrl');
const config = inject('stackConfig');
const logins = inject('logins');
const TENANT = '370283';
const chrome = useBrowser('matters-loop');
const { screenshot } = chrome;

const pages: Partial<Record<Role, Page>> = {};
let matterId: string;
let agencyId: string;
let agencyName: string;

const login = (role: Role) => {
  const found = logins.byTenant[TENANT]?.[role];
  if (!found) throw new Error(`no demo login for ${role} in ${TENANT}`);
  return found;
};
const apiOf = (role: Role) => apiAs(config, login(role));

/** A signed-in browser context per user, kept for the user's next step. */
async function signIn(role: Role, next: string): Promise<Page> {
  const page = await chrome.signIn(login(role), next, { label: role });
  pages[role] = page;
  return page;
}

const viewUrl = (id: string) => `/matters/view?id=${encodeURIComponent(id)}`;

async function statusIs(page: Page, label: string): Promise<void> {
  await expect.poll(() => page.getByTestId('matter-status').innerText(), { timeout: UI_TIMEOUT }).toBe(label);
}

/** Opens a transition's dialog, lets `fill` fill it in, screenshots it, sends it and waits for the new status. */
async function transition(page: Page, name: string, fill: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>, step: string, expectStatus: string): Promise<void> {
  await page.getByTestId(`matter-action-${name}`).click();
  const dialog = page.getByTestId('transition-dialog');
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  await fill(dialog);
  await screenshot(page, step);
  await page.getByTestId('transition-submit').click();
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  await statusIs(page, expectStatus);
}

async function officeOpensMatter(): Promise<Page> {
  const page = pages.program_office ?? (await signIn('program_office', viewUrl(matterId)));
  if (!page.url().includes(matterId)) await page.goto(`${portalUrl}${viewUrl(matterId)}`);
  else await page.reload();
  await page.getByTestId('matter-detail').waitFor({ timeout: UI_TIMEOUT });
  return page;
}

/** The agency staff opens the matter from the workspace list in the drawer. */
async function agencyOpensMatter(round: number): Promise<Page> {
  const page = pages.agency_staff ?? (await signIn('agency_staff', '/agency'));
  if (!page.url().endsWith('/agency')) await page.goto(`${portalUrl}/agency`);
  else await page.reload();
  await page.getByTestId('agency-workbench').waitFor({ timeout: UI_TIMEOUT });
  const row = page.getByTestId(`matters-row-${matterId}`);
  await row.waitFor({ timeout: UI_TIMEOUT });
  await screenshot(page, `agency-workspace-${round}`);
  await row.getByRole('link').first().click();
  await page.getByTestId('matter-drawer').getByTestId('matter-detail').waitFor({ timeout: UI_TIMEOUT });
  return page;
}

async function agencyAcceptsAndAnswers(round: number): Promise<void> {
  const page = await agencyOpensMatter(round);
  await statusIs(page, '已交办');
  await transition(page, 'accept', async (dialog) => dialog.getByTestId('transition-note').fill('已签收，安排专人上门核实'), `accept-${round}`, '办理中');
  await transition(
    page,
    'feedback',
    async (dialog) => {
      await dialog.getByTestId('feedback-outcome-resolved').click();
      await dialog
        .getByTestId('transition-note')
        .fill(round === 1 ? '已上门核实，符合低保条件，已纳入低保救助。' : '救助金已于今日发放到位，并协调村委会定期探望。');
      if (round === 1) {
        // A photo of the visit, through the pre-signed upload of the local S3 server.
        await dialog.getByTestId('attachment-input').setInputFiles({ name: '上门核实.png', mimeType: 'image/png', buffer: PNG });
        await expect.poll(() => dialog.getByTestId('attachment-item').getAttribute('data-state'), { timeout: UI_TIMEOUT }).toBe('done');
      }
    },
    `feedback-${round}`,
    '已反馈',
  );
}

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  // Which agency the demo agency_staff login belongs to: the matter goes to that one.
  const me = await (await apiOf('agency_staff')).get<Me>('/me');
  if (!me.agencyId) throw new Error('the demo agency_staff login has no agency');
  agencyId = me.agencyId;
});

describe('the matters loop in the portal', () => {
  it('the community officer takes in a demand on the field intake page', async () => {
    const page = await signIn('community_officer', '/m/intake');
    await page.getByTestId('m-intake-form').waitFor({ timeout: UI_TIMEOUT });
    await page.getByTestId('m-intake-kind-demand').click();
    const village = page.getByTestId('m-intake-village');
    await expect.poll(() => village.locator('option').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(1);
    await village.selectOption({ index: 1 });
    await page.getByTestId('m-intake-category').selectOption('civil_assistance');
    await page.getByTestId('m-intake-description').fill(`村民王秀英反映：家中八旬老人独居，无固定收入，生活困难，申请低保救助。（浏览器测试 ${Date.now()}）`);
    await page.getByTestId('m-intake-source-resident').click();
    await page.getByTestId('m-intake-reporter-name').fill('王秀英');
    await page.getByTestId('m-intake-reporter-phone').fill('13805321234');
    await screenshot(page, 'intake');
    await page.getByTestId('m-intake-submit').click();
    const result = page.getByTestId('m-intake-result');
    await result.waitFor({ timeout: UI_TIMEOUT });
    matterId = (await result.getAttribute('data-matter-id')) ?? '';
    expect(matterId).toMatch(/^mat_/);
    await screenshot(page, 'intake-done');

    const matter = await (await apiOf('program_office')).get<MatterDetail>(`/matters/${matterId}`);
    expect(matter).toMatchObject({ status: 'triage', kind: 'demand', categoryId: 'civil_assistance', reporter: { name: '王秀英', phoneMasked: '138****1234' } });
    expect(matter.routing?.route).toEqual({ target: 'agency', agencyKind: 'civil_affairs' });
  });

  it('the program office triages it (not police business) and assigns it to the agency of the routing suggestion', async () => {
    const page = await officeOpensMatter();
    await statusIs(page, '待研判');
    const detail = await (await apiOf('program_office')).get<MatterDetail>(`/matters/${matterId}`);
    // The demo agency staff works for the agency the routing table suggests (the county's 民政局).
    expect(detail.routing?.suggested?.id).toBe(agencyId);
    agencyName = detail.routing!.suggested!.name;
    await expect.poll(() => page.getByTestId('matter-routing-suggestion').innerText(), { timeout: UI_TIMEOUT }).toContain(`研判建议：按分类“民政救助”应交 民政（成员单位）：${agencyName}`);
    await expect.poll(() => page.getByTestId('matter-reporter-phone').innerText()).toBe('138****1234');
    await screenshot(page, 'triage-desk');

    await transition(
      page,
      'triage',
      async (dialog) => {
        await dialog.getByTestId('triage-severity-medium').click();
        await dialog.getByTestId('triage-police-no').click();
        await dialog.getByTestId('transition-note').fill('属民政救助事项，非公安职责，交民政部门办理。');
      },
      'triage',
      '待研判',
    );
    await expect.poll(() => page.getByTestId('matter-timeline').innerText(), { timeout: UI_TIMEOUT }).toContain('公安职责：否');

    await transition(
      page,
      'assign',
      async (dialog) => {
        // The suggestion is preselected: 综治成员单位 → the agency; the deadlines come from the SLA table.
        await expect.poll(() => dialog.getByTestId('assign-target-type').innerText(), { timeout: UI_TIMEOUT }).toContain('综治成员单位');
        await expect.poll(() => dialog.getByTestId('assign-agency-select').innerText(), { timeout: UI_TIMEOUT }).toContain(agencyName);
        await expect.poll(() => dialog.getByTestId('assign-sla').innerText()).toContain('签收 8 小时，反馈 72 小时');
        expect(await dialog.getByTestId('assign-accept-by').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
        await dialog.getByTestId('transition-note').fill('请核实老人家庭情况，符合条件的纳入低保。');
      },
      'assign',
      '已交办',
    );
    await expect.poll(() => page.getByTestId('matter-holder').innerText()).toContain(agencyName);
  });

  it('the agency staff accepts it on /agency and gives feedback with a photo', async () => {
    await agencyAcceptsAndAnswers(1);
    const matter = await (await apiOf('agency_staff')).get<MatterDetail>(`/matters/${matterId}`);
    expect(matter).toMatchObject({ status: 'feedback_given', feedback: { outcome: 'resolved' } });
    expect(matter.attachmentIds).toHaveLength(1);
  });

  it('the office verifies by call-back, not satisfied: the matter is reopened and reassigned', async () => {
    const page = await officeOpensMatter();
    await statusIs(page, '已反馈');
    await page.getByTestId('matter-attachments').locator('img').first().waitFor({ timeout: UI_TIMEOUT });
    await transition(
      page,
      'verify',
      async (dialog) => {
        await dialog.getByTestId('verify-satisfied-no').click();
        await dialog.getByTestId('transition-note').fill('电话回访王秀英：救助金至今未到账，群众不满意。');
      },
      'verify-unsatisfied',
      '重新办理',
    );
    await transition(
      page,
      'reassign',
      async (dialog) => {
        await expect.poll(() => dialog.getByTestId('assign-agency-select').innerText(), { timeout: UI_TIMEOUT }).toContain(agencyName);
        await dialog.getByTestId('transition-reason').fill('回访不满意：救助金未到位，请继续办理并反馈发放情况。');
      },
      'reassign',
      '已交办',
    );
  });

  it('the agency accepts it again and reports it resolved', async () => {
    await agencyAcceptsAndAnswers(2);
  });

  it('the office verifies it, satisfied, and closes it as resolved; the timeline lists every step', async () => {
    const page = await officeOpensMatter();
    await statusIs(page, '已反馈');
    await transition(
      page,
      'verify',
      async (dialog) => {
        await dialog.getByTestId('verify-satisfied-yes').click();
        await dialog.getByTestId('transition-note').fill('电话回访：救助金已到账，群众满意。');
      },
      'verify-satisfied',
      '已核实',
    );
    await transition(
      page,
      'close',
      async (dialog) => {
        await dialog.getByTestId('close-outcome-resolved').click();
        await dialog.getByTestId('transition-note').fill('群众满意，予以办结。');
      },
      'close',
      '已办结（已解决）',
    );

    const steps = ['created', 'triage', 'assign', 'accept', 'feedback', 'verify', 'reassign', 'accept', 'feedback', 'verify', 'close'];
    await expect
      .poll(() => page.getByTestId('matter-timeline').getByTestId('matter-event').evaluateAll((items) => items.map((li) => li.getAttribute('data-event-type'))), { timeout: UI_TIMEOUT })
      .toEqual(steps);
    const timeline = await page.getByTestId('matter-timeline').innerText();
    for (const text of ['交办', '签收', '反馈', '核实回访', '改派', '办结', '回访结果：不满意（电话回访）', '回访结果：满意（电话回访）', '已核实 → 已办结（已解决）', `承办单位：${agencyName}`]) {
      expect(timeline).toContain(text);
    }
    await screenshot(page, 'closed');

    const client = await apiOf('program_office');
    const matter = await client.get<MatterDetail>(`/matters/${matterId}`);
    expect(matter).toMatchObject({ status: 'closed_resolved', outcome: 'resolved', reopenCount: 1, holder: { type: 'agency', id: agencyId } });
    expect(matter.allowedTransitions).toEqual([]);
    const events = await client.get<{ items: MatterEvent[] }>(`/matters/${matterId}/timeline`);
    expect(events.items.map((e) => e.type)).toEqual(steps);
    expect(events.items.filter((e) => e.type === 'verify').map((e) => e.to)).toEqual(['reopened', 'verified']);
  });
});

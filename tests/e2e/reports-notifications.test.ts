/// <reference lib="dom" />
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { InboxItem, Me, NotificationPreferences, Page as ListPage, Role } from '@beatlink/shared';
import type { Report } from '@beatlink/shared/analysis/reports';
import type { SensitivePeriod } from '@beatlink/shared/analysis/sensitive-periods';
import { applyHandlerEnv } from '@beatlink/infra/local/handler-runtime';
import type * as WeeklyJob from '@beatlink/functions/jobs/weekly-analysis';
import type * as RemindersJob from '@beatlink/functions/jobs/send-reminders';
import { apiAs } from '../support/api';
import { ARTIFACTS, DESKTOP, PHONE, UI_TIMEOUT, useBrowser, type PageOptions } from '../support/browser';
import '../support/provided';

/**
 * 研判讲评 and the notification centre (issue #5) in headless Chromium:
 * - a bureau leader opens last week's county analysis, sees its charts drawn (lazy ECharts) and
 *   exports it to Excel — the workbook has every sheet and the report's village ranking;
 *   and turns an action item into an assigned matter;
 * - a contact officer on a phone (390×844) finds the morning reminder of his Tuesday village
 *   session in 通知, taps it read, and it stays read;
 * - the program office declares, moves and cancels a sensitive period, reads the developer
 *   outbox and saves his channel preferences.
 * The data comes from the jobs the scheduler runs (weekly-analysis, send-reminders), invoked here.
 * Screenshots go to tests/artifacts/reports-notifications-<n>-<step>.png.
 */
const portalUrl = inject('portalUrl');
const config = inject('stackConfig');
const logins = inject('logins');
const TENANT = '370283';
/** A Tuesday 09:00 in Shanghai far from the seeded weeks and the other suites' dates (2031-W10). */
const TUESDAY_0900 = '2031-03-04T01:00:00.000Z';
const SHEETS = ['概况', '分类统计', '村排名', '高风险纠纷', '超期事项', '驻村履职', '研判事项'];

// Every page may download (the Excel export).
const chrome = useBrowser('reports-notifications', { contextOptions: { acceptDownloads: true }, hookTimeout: 120_000 });
const { screenshot } = chrome;
let weekly: (event: unknown) => Promise<WeeklyJob.WeeklyAnalysisResult>;
let reminders: (event: unknown) => Promise<RemindersJob.SendRemindersResult>;

const login = (role: Role) => {
  const found = logins.byTenant[TENANT]?.[role];
  if (!found) throw new Error(`no demo login for ${role} in ${TENANT}`);
  return found;
};

const signIn = (role: Role, next: string, device: PageOptions): Promise<Page> => chrome.signIn(login(role), next, device);

beforeAll(async () => {
  applyHandlerEnv(config);
  // Imported after the environment is set: handler modules read it once, at import.
  weekly = (await import('@beatlink/functions/jobs/weekly-analysis')).handler as typeof weekly;
  reminders = (await import('@beatlink/functions/jobs/send-reminders')).handler as typeof reminders;
}, 120_000);

describe('a bureau leader and the weekly analysis', () => {
  let report: Report;
  let page: Page;

  it('opens last week\'s county report from the list and sees its charts drawn', async () => {
    // The Monday job, now: last week's report for the county and each station (idempotent).
    const run = await weekly({ job: 'weekly-analysis', tenantId: TENANT, at: new Date().toISOString() });
    expect(run.tenants[0]).toMatchObject({ tenantId: TENANT });
    const leader = await apiAs(config, login('bureau_leader'));
    const list = await leader.get<ListPage<Report>>('/analysis/reports', { type: 'weekly', scope: 'county', limit: 5 });
    expect(list.items.length).toBeGreaterThan(0);
    report = await leader.get<Report>(`/analysis/reports/${list.items[0]!.id}`);
    expect(report.scope.kind).toBe('county');
    expect(report.byVillage.length).toBeGreaterThan(0);

    page = await signIn('bureau_leader', '/reports', DESKTOP);
    const row = page.locator(`[data-testid="report-row"][data-report-id="${report.id}"]`);
    await row.waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'reports-list');
    await row.getByTestId('report-link').click();
    await page.getByTestId('report-view').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByTestId('report-total-matters').innerText()).toContain(String(report.totals.matters));
    // Each chart container holds the canvas ECharts drew (loaded after the page).
    for (const chart of ['report-chart-trend', 'report-chart-category', 'report-chart-villages']) {
      await page.locator(`[data-testid="${chart}"] canvas`).first().waitFor({ timeout: UI_TIMEOUT });
      const box = await page.locator(`[data-testid="${chart}"] canvas`).first().boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(100);
    }
    await expect.poll(() => page.getByTestId('report-summary').innerText(), { timeout: UI_TIMEOUT }).toContain(report.summary[0] ?? '研判综述');
    await screenshot(page, 'report-view');

    // 打印: the report alone — no menu, header or buttons; the charts stay.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByTestId('report-export').isVisible()).toBe(false);
    expect(await page.getByTestId('user-header').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="report-chart-villages"] canvas').first().isVisible()).toBe(true);
    await page.pdf({ path: resolve(ARTIFACTS, 'reports-notifications-report.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('exports it to Excel: every sheet, and the village ranking of the report', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: UI_TIMEOUT }), page.getByTestId('report-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^研判报告-\d{4}-W\d{2}-.+\.xlsx$/);
    const file = resolve(ARTIFACTS, `reports-notifications-${report.id}.xlsx`);
    await download.saveAs(file);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(SHEETS);
    const ranking = book.getWorksheet('村排名')!;
    const rows: Array<[string, number]> = [];
    ranking.eachRow((row, n) => {
      if (n > 1) rows.push([String(row.getCell(2).value), Number(row.getCell(3).value)]);
    });
    expect(rows).toEqual(report.byVillage.map((v) => [v.villageName, v.count]));
  });

  it('turns an action item into an assigned matter (转为交办), once', async () => {
    const action = report.actions.find((a) => a.villageId && !a.assignedMatterId);
    expect(action, 'an assignable action item').toBeDefined();
    const item = page.locator(`[data-testid="report-action"][data-action-id="${action!.id}"]`);
    await item.getByTestId('report-action-assign').click();
    const dialog = page.getByTestId('assign-action-dialog');
    await dialog.waitFor({ timeout: UI_TIMEOUT });
    // Opens a select of the dialog and clicks an option (the first, or the one titled so) in its
    // dropdown — once the dropdown of the previous pick has finished closing, so an option of that
    // one (still fading out) is never taken for an option of this one.
    const pick = async (testId: string, title?: string) => {
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: UI_TIMEOUT }).toBe(0);
      await dialog.getByTestId(testId).click();
      const options = page.locator(`.ant-select-dropdown:visible .ant-select-item-option${title ? `[title="${title}"]` : ''}`);
      await options.first().click();
    };
    await pick('assign-action-category');
    await pick('assign-target-type', '公安 · 警务工作站');
    await pick('assign-unit-select');
    await dialog.getByTestId('assign-action-note').fill('请组织民警本周内入村走访（浏览器测试）');
    await screenshot(page, 'assign-action');
    await page.getByTestId('assign-action-submit').click();
    await item.getByTestId('report-action-assigned').waitFor({ timeout: UI_TIMEOUT });

    const leader = await apiAs(config, login('bureau_leader'));
    const after = await leader.get<Report>(`/analysis/reports/${report.id}`);
    const assigned = after.actions.find((a) => a.id === action!.id)!;
    expect(assigned.assignedMatterId).toMatch(/^mat_/);
    const matter = await leader.get<{ status: string; villageId: string; holder?: { type: string } }>(`/matters/${assigned.assignedMatterId}`);
    expect(matter).toMatchObject({ status: 'assigned', villageId: action!.villageId, holder: { type: 'workstation' } });
    expect(await item.getByTestId('report-action-assign').count()).toBe(0);
  });
});

describe('a contact officer and his reminder on the phone', () => {
  it('sees the Tuesday reminder in 通知, taps it read, and it stays read', async () => {
    const officer = await apiAs(config, login('contact_officer'));
    const me = await officer.get<Me>('/me');
    // The 09:00 job of a Tuesday: today's village session, delivered to the inbox at once.
    await reminders({ job: 'send-reminders', tenantId: TENANT, at: TUESDAY_0900 });
    const inbox = await officer.get<ListPage<InboxItem>>('/notifications', { limit: 200 });
    const reminder = inbox.items.find((i) => i.reason === 'contact_session' && i.subject?.id === '2031-W10');
    expect(reminder, `no session reminder for ${me.username}`).toBeDefined();
    // A stack kept from an earlier run has it read already (the job writes it once): unread again.
    if (reminder!.readAt) await officer.post(`/notifications/${reminder!.id}/read`, { read: false });
    const unreadBefore = (await officer.get<{ unread: number }>('/notifications/unread-count')).unread;
    expect(unreadBefore).toBeGreaterThan(0);

    const page = await signIn('contact_officer', '/m', PHONE);
    await expect.poll(() => page.getByTestId('m-bell-count').getAttribute('data-count'), { timeout: UI_TIMEOUT }).toBe(String(unreadBefore));
    await page.getByTestId('m-bell').click();
    const item = page.locator(`[data-testid="m-notification"][data-notification-id="${reminder!.id}"]`);
    await item.waitFor({ timeout: UI_TIMEOUT });
    expect(await item.getAttribute('data-unread')).toBe('true');
    expect(await item.innerText()).toContain('包村工作提醒');
    expect(await page.getByTestId('m-notifications-unread').getAttribute('data-count')).toBe(String(unreadBefore));
    await screenshot(page, 'phone-unread');

    // Tapping marks it read and opens his week.
    await item.click();
    await page.waitForURL((url) => url.pathname === '/m/duty', { timeout: UI_TIMEOUT });
    expect((await officer.get<{ unread: number }>('/notifications/unread-count')).unread).toBe(unreadBefore - 1);

    await page.goto(`${portalUrl}/m/notifications`);
    await item.waitFor({ timeout: UI_TIMEOUT });
    expect(await item.getAttribute('data-unread')).toBe('false');
    expect(await page.getByTestId('m-notifications-unread').getAttribute('data-count')).toBe(String(unreadBefore - 1));

    // 全部已读 clears the rest; a reload shows them read.
    await page.getByTestId('m-notifications-read-all').click();
    await expect.poll(() => page.getByTestId('m-notifications-unread').getAttribute('data-count'), { timeout: UI_TIMEOUT }).toBe('0');
    await page.reload();
    await item.waitFor({ timeout: UI_TIMEOUT });
    expect(await item.getAttribute('data-unread')).toBe('false');
    expect(await page.getByTestId('m-notifications-unread').getAttribute('data-count')).toBe('0');
    expect(await page.locator('[data-testid="m-notification"][data-unread="true"]').count()).toBe(0);
    expect((await officer.get<{ unread: number }>('/notifications/unread-count')).unread).toBe(0);
    await screenshot(page, 'phone-read');
  });
});

describe('the program office', () => {
  it('declares a sensitive period, moves its end, and cancels it', async () => {
    const page = await signIn('program_office', '/sensitive-periods', DESKTOP);
    await page.getByTestId('periods-table').waitFor({ timeout: UI_TIMEOUT });
    const name = `测试安保${Date.now() % 100000}`;
    await page.getByTestId('period-create').click();
    await page.getByTestId('period-name').fill(name);
    await page.getByTestId('period-start').fill('2031-10-01');
    await page.getByTestId('period-end').fill('2031-09-30');
    await page.getByTestId('period-save').click();
    await expect.poll(() => page.getByTestId('period-dialog').innerText()).toContain('结束日期不能早于开始日期');
    await page.getByTestId('period-end').fill('2031-10-07');
    await page.getByTestId('period-save').click();
    await page.getByTestId('period-dialog').waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    const office = await apiAs(config, login('program_office'));
    const find = async () => (await office.get<ListPage<SensitivePeriod>>('/analysis/sensitive-periods', { limit: 100, status: 'all' })).items.find((p) => p.name === name);
    const created = await find();
    expect(created).toMatchObject({ startDate: '2031-10-01', endDate: '2031-10-07', status: 'active', version: 1 });
    const row = page.locator(`[data-testid="period-row"][data-period-id="${created!.id}"]`);
    await row.waitFor({ timeout: UI_TIMEOUT });
    expect(await row.innerText()).toContain('共 7 天');

    await row.getByTestId('period-edit').click();
    await page.getByTestId('period-end').fill('2031-10-08');
    await page.getByTestId('period-save').click();
    await page.getByTestId('period-dialog').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await expect.poll(async () => (await find())?.endDate, { timeout: UI_TIMEOUT }).toBe('2031-10-08');

    await row.getByTestId('period-cancel').click();
    await page.getByTestId('period-cancel-reason').fill('活动取消（浏览器测试）');
    await page.getByTestId('period-cancel-confirm').click();
    await expect.poll(async () => (await find())?.status, { timeout: UI_TIMEOUT }).toBe('cancelled');
    await expect.poll(() => row.getAttribute('data-status'), { timeout: UI_TIMEOUT }).toBe('cancelled');
    await screenshot(page, 'sensitive-periods');
  });

  it('sees the reminders in the developer outbox and saves his own channels', async () => {
    const page = await signIn('program_office', '/dev/outbox', DESKTOP);
    await expect.poll(() => page.getByTestId('outbox-row').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    expect(await page.getByTestId('outbox-table').innerText()).toContain('包村工作提醒');
    await screenshot(page, 'outbox');

    const office = await apiAs(config, login('program_office'));
    const before = await office.get<NotificationPreferences>('/notifications/preferences');
    await page.goto(`${portalUrl}/notifications?tab=preferences`);
    const toggle = page.getByTestId('preference-reports-sms');
    await toggle.waitFor({ timeout: UI_TIMEOUT });
    await toggle.click();
    await page.getByTestId('preferences-save').click();
    await expect
      .poll(async () => (await office.get<NotificationPreferences>('/notifications/preferences')).version, { timeout: UI_TIMEOUT })
      .toBe(before.version + 1);
    expect((await office.get<NotificationPreferences>('/notifications/preferences')).categories.reports.sms).toBe(!before.categories.reports.sms);
    await screenshot(page, 'preferences');
  });
});

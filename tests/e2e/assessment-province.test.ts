/// <reference lib="dom" />
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Appeal, GroupRanking, Me, Page as ListPage, ProvinceRollup, RankingsView, Role, SubjectScore } from '@beatlink/shared';
import { apiAs, type ApiClient } from '../support/api';
import { ARTIFACTS, DESKTOP, PHONE, UI_TIMEOUT, useBrowser, type PageOptions } from '../support/browser';
import '../support/provided';

/**
 * 网上得分、网上考核、网上排名 and the provincial view (issue #6) in headless Chromium, over the
 * seeded months:
 * - a community officer on a phone (390×844) opens 我的考核, sees his latest month's score item
 *   by item, and contests one item (申诉) — an empty reason is refused in place;
 * - the program office opens 考核申诉, accepts it with +3 points; the officer's score, the
 *   ranking and the phone show the adjustment;
 * - the provincial analyst compares the two counties on 全省汇总 (table, charts drawn, month
 *   view) and exports it to Excel.
 * Screenshots go to tests/artifacts/assessment-province-<n>-<step>.png.
 */
const config = inject('stackConfig');
const logins = inject('logins');
const TENANT = '370283';
const INDICATOR = 'households_visited';

const chrome = useBrowser('assessment-province', { contextOptions: { acceptDownloads: true }, hookTimeout: 120_000 });
const { screenshot } = chrome;

const login = (role: Role) => {
  const found = logins.byTenant[TENANT]?.[role];
  if (!found) throw new Error(`no demo login for ${role} in ${TENANT}`);
  return found;
};
const signIn = (role: Role, next: string, device: PageOptions): Promise<Page> => chrome.signIn(login(role), next, device);

let officer: ApiClient;
let office: ApiClient;
let me: Me;
let score: SubjectScore;
let appeal: Appeal;

beforeAll(async () => {
  officer = await apiAs(config, login('community_officer'));
  office = await apiAs(config, login('program_office'));
  me = await officer.get<Me>('/me');
  const mine = await officer.get<ListPage<SubjectScore>>('/assessment/scores', { limit: 50 });
  // His latest month (the seed scored the months of the previous quarter and since).
  const latest = mine.items.filter((s) => s.periodType === 'month').sort((a, b) => b.period.localeCompare(a.period))[0];
  expect(latest, `no published monthly score for ${me.username}`).toBeDefined();
  score = await officer.get<SubjectScore>(`/assessment/scores/${latest!.period}/${me.officerId}`);
}, 120_000);

describe('a community officer and his score on the phone', () => {
  let page: Page;

  it('sees his latest month item by item, with his rank', async () => {
    page = await signIn('community_officer', '/m/scores', PHONE);
    const card = page.locator(`[data-testid="m-score"][data-period="${score.period}"]`);
    await card.waitFor({ timeout: UI_TIMEOUT });
    expect(await card.getByTestId('m-score-total').innerText()).toContain(String(score.total));
    await screenshot(page, 'phone-scores');
    await card.click();
    await page.getByTestId('m-score-detail').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByTestId('m-score-item').count()).toBe(score.items.length);
    expect(await page.getByTestId('m-score-rank').first().innerText()).toContain(String(score.rank));
    for (const item of score.items.filter((i) => !i.applicable)) {
      expect(await page.locator(`[data-testid="m-score-item"][data-indicator="${item.indicator}"]`).getAttribute('data-applicable')).toBe('false');
    }
    await screenshot(page, 'phone-breakdown');
  });

  it('contests one item: a reason is required, then the appeal is filed and shown pending', async () => {
    const row = page.locator(`[data-testid="m-score-item"][data-indicator="${INDICATOR}"]`);
    await row.getByTestId('m-appeal-open').click();
    await row.getByTestId('m-appeal-submit').click();
    await row.getByTestId('m-appeal-error-reason').waitFor({ timeout: UI_TIMEOUT });
    await row.getByTestId('m-appeal-reason').fill('本月有两次走访因手机离线未及时上传，户数漏计（浏览器测试）');
    await screenshot(page, 'phone-appeal-form');
    await row.getByTestId('m-appeal-submit').click();
    await row.getByTestId('m-appeal-submitted').waitFor({ timeout: UI_TIMEOUT });

    const appeals = await officer.get<ListPage<Appeal>>('/assessment/appeals', { status: 'open', limit: 50 });
    appeal = appeals.items.find((a) => a.period === score.period && a.indicator === INDICATOR)!;
    expect(appeal).toMatchObject({ status: 'open', officerId: me.officerId });
    await page.locator(`[data-testid="m-appeal"][data-appeal-id="${appeal.id}"][data-status="open"]`).waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'phone-appeal-filed');
  });
});

describe('the program office decides the appeal', () => {
  it('accepts it with +3 points: the score and the ranking change', async () => {
    const page = await signIn('program_office', '/assessment/appeals?status=open', DESKTOP);
    const row = page.locator(`[data-testid="appeal-row"][data-appeal-id="${appeal.id}"]`);
    await row.waitFor({ timeout: UI_TIMEOUT });
    await row.click();
    const detail = page.locator(`[data-testid="appeal-detail"][data-appeal-id="${appeal.id}"]`);
    await detail.waitFor({ timeout: UI_TIMEOUT });
    await page.getByTestId('appeal-decision').getByText('采纳').click();
    const points = page.getByTestId('appeal-points');
    await points.locator('xpath=self::input | .//input').first().fill('3');
    await page.getByTestId('appeal-reason').fill('经核实离线记录已补传，补计走访户数得分');
    await screenshot(page, 'office-decide');
    await page.getByTestId('appeal-submit').click();
    await page.locator(`[data-testid="appeal-detail"][data-appeal-id="${appeal.id}"][data-status="accepted"]`).waitFor({ timeout: UI_TIMEOUT });

    const after = await office.get<SubjectScore>(`/assessment/scores/${score.period}/${me.officerId}`);
    expect(after.adjustments.map((a) => [a.appealId, a.points])).toContainEqual([appeal.id, 3]);
    expect(after.total).toBe(Math.round((score.total + 3) * 100) / 100);
    const rankings = await office.get<RankingsView>(`/assessment/runs/${score.period}/rankings`);
    const group: GroupRanking = rankings.groups.find((g) => g.group.key === score.group.key)!;
    expect(group.rows.find((r) => r.subjectId === me.officerId)!.total).toBe(after.total);
    await screenshot(page, 'office-decided');
  });

  it('shows the officer the decision and the adjustment on his phone', async () => {
    const page = await signIn('community_officer', `/m/scores?period=${score.period}`, PHONE);
    await page.getByTestId('m-score-adjustments').waitFor({ timeout: UI_TIMEOUT });
    await page.locator(`[data-testid="m-appeal"][data-appeal-id="${appeal.id}"][data-status="accepted"]`).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByTestId('m-score-detail').getByTestId('m-score-total').innerText()).toContain(String(Math.round((score.total + 3) * 100) / 100));
    await screenshot(page, 'phone-adjusted');
  });
});

describe('the provincial analyst compares the counties', () => {
  it('sees both counties in the table and the charts, by week and by month, and exports it', async () => {
    const viewer = await apiAs(config, logins.provinceViewer);
    const week = await viewer.get<ProvinceRollup>('/province/rollups', { periodType: 'week' });
    const page = await chrome.signIn(logins.provinceViewer, '/province', DESKTOP);
    await page.getByTestId('province-dashboard').waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => page.getByTestId('province-county').count(), { timeout: UI_TIMEOUT }).toBe(2);
    for (const county of week.counties) {
      expect(await page.locator(`[data-testid="province-county"][data-county-id="${county.countyId}"]`).innerText()).toContain(county.countyName);
    }
    for (const chart of ['province-chart-rates', 'province-chart-categories', 'province-chart-trend']) {
      const canvas = page.locator(`[data-testid="${chart}"] canvas`).first();
      await canvas.waitFor({ timeout: UI_TIMEOUT });
      expect((await canvas.boundingBox())!.width).toBeGreaterThan(100);
    }
    await screenshot(page, 'province-week');

    await page.getByTestId('province-type-month').click();
    const month = await viewer.get<ProvinceRollup>('/province/rollups', { periodType: 'month' });
    await expect.poll(() => page.getByTestId('province-period-label').innerText(), { timeout: UI_TIMEOUT }).toContain(month.period.slice(0, 4));
    await expect.poll(() => page.getByTestId('province-county').count(), { timeout: UI_TIMEOUT }).toBe(2);
    await screenshot(page, 'province-month');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: UI_TIMEOUT }), page.getByTestId('province-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = resolve(ARTIFACTS, `assessment-province-${month.period}.xlsx`);
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const text = JSON.stringify(book.worksheets.map((s) => s.getSheetValues()));
    for (const county of month.counties) expect(text).toContain(county.countyName);
    expect(text).toContain('全省合计');
  });
});

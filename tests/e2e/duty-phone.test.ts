/// <reference lib="dom" />
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isoWeekOf, type DutyWeek, type Page as ListPage, type Role, type Village, type Visit } from '@beatlink/shared';
import type { Absence } from '@beatlink/shared/duty/absence-rules';
import { apiAs } from '../support/api';
import { PHONE, UI_TIMEOUT, useBrowser } from '../support/browser';
import '../support/provided';

/**
 * Field duty on a phone-sized screen (390×844) in headless Chromium, as the officers and the
 * program office work it:
 * - a contact officer of 370283 checks in at his village (browser geolocation), checks out with
 *   the households he visited, and sees the week's status; then, with the network off, checks in
 *   and out again — both queued in the browser — and back online they are sent, stored once;
 * - a community officer of 370211 files an absence for today, the program office approves it on
 *   its phone, the officer records a make-up visit (补课) and sees the make-up done.
 * Screenshots go to tests/artifacts/duty-phone-<n>-<step>.png; the API only looks things up.
 */
const portalUrl = inject('portalUrl');
const config = inject('stackConfig');
const logins = inject('logins');
const chrome = useBrowser('duty-phone');
const { screenshot } = chrome;

const login = (tenantId: string, role: Role) => {
  const found = logins.byTenant[tenantId]?.[role];
  if (!found) throw new Error(`no demo login for ${role} in ${tenantId}`);
  return found;
};

/** A signed-in phone; the phone is where the village is. */
async function signIn(tenantId: string, role: Role, next: string, position?: { lat: number; lng: number }): Promise<Page> {
  return chrome.signIn(login(tenantId, role), next, {
    ...PHONE,
    ...(position ? { geolocation: { latitude: position.lat, longitude: position.lng, accuracy: 15 }, permissions: ['geolocation'] } : {}),
  });
}

/** The officer's first village with a position (his phone is put there). */
async function villageOf(tenantId: string, role: Role): Promise<Village> {
  const officer = await apiAs(config, login(tenantId, role));
  const week = await officer.get<DutyWeek>('/duty/week');
  const office = await apiAs(config, login(tenantId, 'program_office'));
  for (const v of week.villages) {
    const village = await office.get<Village>(`/directory/villages/${v.id}`);
    if (village.location) return village;
  }
  throw new Error(`no village with a position for the ${role} of ${tenantId}`);
}

async function checkIn(page: Page, village: Village, options: { makeUp?: boolean } = {}): Promise<void> {
  await page.getByTestId('m-visit-checkin-form').waitFor({ timeout: UI_TIMEOUT });
  const select = page.getByTestId('m-visit-village');
  await expect.poll(() => select.locator('option').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(1);
  await select.selectOption(village.id);
  await expect.poll(() => page.getByTestId('m-visit-position-accuracy').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
  if (options.makeUp) await page.getByTestId('m-visit-makeup').check();
  await page.getByTestId('m-visit-checkin').click();
  await page.getByTestId('m-visit-running').waitFor({ timeout: UI_TIMEOUT });
}

async function checkOut(page: Page, households: number, people: number): Promise<void> {
  await page.getByTestId('m-visit-households').fill(String(households));
  await page.getByTestId('m-visit-people').fill(String(people));
  await page.getByTestId('m-visit-notes').fill('走访独居老人，宣传防范电信诈骗');
  await page.getByTestId('m-visit-checkout').click();
  await page.getByTestId('m-visit-done').waitFor({ timeout: UI_TIMEOUT });
}

describe('a contact officer on his phone', () => {
  const TENANT = '370283';
  let page: Page;
  let village: Village;

  it('checks in at his village, checks out, and sees the week', async () => {
    village = await villageOf(TENANT, 'contact_officer');
    page = await signIn(TENANT, 'contact_officer', '/m/visit', village.location);
    await checkIn(page, village);
    await expect.poll(() => page.getByTestId('m-visit-running-village').innerText(), { timeout: UI_TIMEOUT }).toContain(village.name);
    await screenshot(page, 'checked-in');
    await checkOut(page, 4, 9);
    await screenshot(page, 'checked-out');

    await page.getByTestId('m-visit-to-week').click();
    await page.getByTestId('duty-card').waitFor({ timeout: UI_TIMEOUT });
    const status = await page.getByTestId('duty-status').getAttribute('data-status');
    expect(['met', 'short', 'excused', 'violation']).toContain(status);
    const week = await (await apiAs(config, login(TENANT, 'contact_officer'))).get<DutyWeek>('/duty/week');
    expect(status).toBe(week.record.status);
    const mine = week.visits.filter((v) => v.villageId === village.id && v.householdsVisited === 4 && v.peopleTalkedTo === 9);
    expect(mine.length).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.getByTestId('duty-visit').count(), { timeout: UI_TIMEOUT }).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'my-week');
  });

  it('without network queues the visit, and sends it once when back online', async () => {
    const officer = await apiAs(config, login(TENANT, 'contact_officer'));
    const before = (await officer.get<ListPage<Visit>>('/visits', { week: isoWeekOf(Date.now(), 'Asia/Shanghai'), limit: 200 })).items.length;
    await page.goto(`${portalUrl}/m/visit`);
    await page.getByTestId('m-visit-checkin-form').waitFor({ timeout: UI_TIMEOUT });
    await page.context().setOffline(true);
    await checkIn(page, village);
    await checkOut(page, 2, 3);
    expect(await page.getByTestId('m-visit-done').getAttribute('data-queued')).toBe('true');
    await expect.poll(() => page.getByTestId('queue-count').innerText(), { timeout: UI_TIMEOUT }).toBe('2');
    await screenshot(page, 'offline-queued');

    await page.context().setOffline(false);
    await expect.poll(() => page.getByTestId('queue-count').count(), { timeout: UI_TIMEOUT }).toBe(0);
    await screenshot(page, 'back-online-sent');
    const after = (await officer.get<ListPage<Visit>>('/visits', { week: isoWeekOf(Date.now(), 'Asia/Shanghai'), limit: 200 })).items;
    expect(after.length).toBe(before + 1);
    const sent = after.find((v) => v.householdsVisited === 2 && v.peopleTalkedTo === 3 && v.status === 'closed');
    expect(sent).toBeDefined();

    // Reloading and sending again sends nothing twice.
    await page.reload();
    await page.getByTestId('m-visit-checkin-form').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByTestId('queue-count').count()).toBe(0);
    expect((await officer.get<ListPage<Visit>>('/visits', { week: isoWeekOf(Date.now(), 'Asia/Shanghai'), limit: 200 })).items.length).toBe(before + 1);
  });

  it('opens the visit page with no signal at all (service worker), and the visit is sent later', async () => {
    const officer = await apiAs(config, login(TENANT, 'contact_officer'));
    const week = isoWeekOf(Date.now(), 'Asia/Shanghai');
    const before = (await officer.get<ListPage<Visit>>('/visits', { week, limit: 200 })).items.length;
    await page.goto(`${portalUrl}/m/visit`);
    await page.getByTestId('m-visit-checkin-form').waitFor({ timeout: UI_TIMEOUT });
    // The worker has cached the page shell once it controls the page.
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), { timeout: UI_TIMEOUT }).toBe('activated');
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: UI_TIMEOUT }).toBe(true);

    await page.context().setOffline(true);
    await page.reload();
    await checkIn(page, village);
    await expect.poll(() => page.getByTestId('queue-count').innerText(), { timeout: UI_TIMEOUT }).toBe('1');
    await screenshot(page, 'opened-offline-queued');
    // Back online: sent by itself (the page retries while something waits), no button pressed.
    await page.context().setOffline(false);
    await expect.poll(() => page.getByTestId('queue-count').count(), { timeout: UI_TIMEOUT }).toBe(0);
    const after = (await officer.get<ListPage<Visit>>('/visits', { week, limit: 200 })).items;
    expect(after.length).toBe(before + 1);
    // The officer checks out of it as usual once it is known to the server.
    const open = after.find((v) => v.status === 'open');
    expect(open).toBeDefined();
    await page.goto(`${portalUrl}/m/visit`);
    await page.getByTestId('m-visit-running').waitFor({ timeout: UI_TIMEOUT });
    await checkOut(page, 1, 2);
  });
});

describe('a community officer reports an absence, the office approves it, he makes up', () => {
  const TENANT = '370211';
  let absenceId: string;
  let village: Village;

  it('files the absence for today on his phone', async () => {
    village = await villageOf(TENANT, 'community_officer');
    const page = await signIn(TENANT, 'community_officer', '/m/absence', village.location);
    await page.getByTestId('m-absence-form').waitFor({ timeout: UI_TIMEOUT });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await page.getByTestId('m-absence-week').selectOption(isoWeekOf(Date.now(), 'Asia/Shanghai'));
    await page.getByTestId('m-absence-date').selectOption(today);
    await page.getByTestId('m-absence-reason').fill('参加县局集中培训（浏览器测试）');
    await screenshot(page, 'absence-form');
    await page.getByTestId('m-absence-submit').click();
    await page.getByTestId('m-absence-filed').waitFor({ timeout: UI_TIMEOUT });
    const own = await (await apiAs(config, login(TENANT, 'community_officer'))).get<ListPage<Absence>>('/absences', { week: isoWeekOf(Date.now(), 'Asia/Shanghai') });
    const filed = own.items.find((a) => a.date === today && a.status === 'pending');
    expect(filed).toBeDefined();
    absenceId = filed!.id;
    await screenshot(page, 'absence-filed');
  });

  it('the program office approves it on its phone', async () => {
    const page = await signIn(TENANT, 'program_office', '/duty/absences');
    const row = page.locator(`[data-testid="absence-row"][data-absence-id="${absenceId}"]`);
    await row.waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'office-pending');
    await row.getByRole('button', { name: '批准' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await expect
      .poll(async () => (await (await apiAs(config, login(TENANT, 'program_office'))).get<Absence>(`/absences/${absenceId}`)).status, { timeout: UI_TIMEOUT })
      .toBe('approved');
    await screenshot(page, 'office-approved');
  });

  it('he records a make-up visit and sees the make-up done', async () => {
    const page = chrome.pages.find((p) => p.url().includes('/m/absence'))!;
    await page.goto(`${portalUrl}/m/visit?makeUp=1`);
    await checkIn(page, village, { makeUp: true });
    await checkOut(page, 3, 6);
    await page.getByTestId('m-visit-to-week').click();
    // Older make-ups of the seeded weeks are listed too: this absence's row.
    const row = page.locator(`[data-testid="makeup-row"][data-absence-id="${absenceId}"]`);
    await row.waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => row.getAttribute('data-status'), { timeout: UI_TIMEOUT }).toBe('fulfilled');
    expect(await row.innerText()).toContain('已补齐');
    await screenshot(page, 'make-up-done');
    const week = await (await apiAs(config, login(TENANT, 'community_officer'))).get<DutyWeek>('/duty/week');
    expect(week.record.makeUp).toMatchObject({ absenceId, status: 'fulfilled', covered: 1 });
  });
});

/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { idCheckDigit, type DutyWeek, type Page as ListPage, type Role, type Village } from '@beatlink/shared';
import type { Household } from '@beatlink/shared/registry/households';
import { apiAs } from '../support/api';
import '../support/provided';

/**
 * Information collection (信息采集) in headless Chromium: a contact officer of 370283, on a
 * phone-sized screen, registers a household and records a call-back, then enters a person into
 * the 非标库 — a mistyped ID number is caught before sending, the saved record shows it masked —
 * and the program office opens the record, is asked for a reason, and sees the number once.
 * Screenshots: tests/artifacts/collect-phone-<n>-<step>.png.
 */
const portalUrl = inject('portalUrl');
const config = inject('stackConfig');
const logins = inject('logins');
const TENANT = '370283';
const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');
const UI_TIMEOUT = 60_000;

let browser: Browser;
const contexts: BrowserContext[] = [];
const pages: Page[] = [];
let shot = 0;
let village: Village;
let recordId: string;

const login = (role: Role) => logins.byTenant[TENANT]![role]!;
/** A valid synthetic ID number (fake prefecture 379901) whose check digit this test computes. */
const first17 = `3799011986042${String(Date.now() % 1000).padStart(3, '0')}`.slice(0, 16) + '1';
const ID_NUMBER = first17 + idCheckDigit(first17);
const WRONG_ID = first17 + (idCheckDigit(first17) === '1' ? '2' : '1');
const PHONE = `139${String(Date.now() % 1e8).padStart(8, '0')}`;

async function screenshot(page: Page, step: string): Promise<void> {
  shot += 1;
  await page.screenshot({ path: resolve(ARTIFACTS, `collect-phone-${String(shot).padStart(2, '0')}-${step}.png`), fullPage: true });
}

async function signIn(role: Role, next: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', ...(viewport.width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  contexts.push(context);
  const page = await context.newPage();
  pages.push(page);
  await page.goto(`${portalUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByTestId('login-username').fill(login(role).username);
  await page.getByTestId('login-password').fill(login(role).password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: UI_TIMEOUT });
  return page;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const week = await (await apiAs(config, login('contact_officer'))).get<DutyWeek>('/duty/week');
  village = await (await apiAs(config, login('program_office'))).get<Village>(`/directory/villages/${week.villages[0]!.id}`);
});

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  for (const [i, page] of pages.entries()) {
    await page.screenshot({ path: resolve(ARTIFACTS, `failed-collect-phone-${i}-${Date.now()}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
});

describe('collecting in the village on a phone', () => {
  let page: Page;

  it('registers a household and records a call-back', async () => {
    page = await signIn('contact_officer', '/m/households', { width: 390, height: 844 });
    const address = `东街 ${Date.now() % 100000} 号`;
    await page.getByTestId('m-household-village').selectOption(village.id);
    await page.getByTestId('m-household-new').click();
    await page.getByTestId('m-household-form').waitFor({ timeout: UI_TIMEOUT });
    await page.getByTestId('m-household-address').fill(address);
    await page.getByTestId('m-household-headName').fill('王秀兰');
    await page.getByTestId('m-household-headPhone').fill(PHONE);
    await page.getByTestId('m-household-members').fill('2');
    await page.getByTestId('m-household-tag-elderly_alone').click();
    await screenshot(page, 'household-form');
    await page.getByTestId('m-household-submit').click();
    const row = page.getByTestId('m-household-row').filter({ hasText: address });
    await row.waitFor({ timeout: UI_TIMEOUT });
    expect(await row.getByTestId('m-household-phone').innerText()).toBe(`${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`);

    await row.getByTestId('m-household-callback').click();
    await page.getByTestId('m-callback-form').waitFor({ timeout: UI_TIMEOUT });
    await page.getByTestId('m-callback-knows-yes').click();
    await page.getByTestId('m-callback-known-yes').click();
    await screenshot(page, 'callback-form');
    await page.getByTestId('m-callback-submit').click();
    await page.getByTestId('m-household-notice').waitFor({ timeout: UI_TIMEOUT });

    const households = await (await apiAs(config, login('program_office'))).get<ListPage<Household>>('/households', { villageId: village.id, limit: 200 });
    const saved = households.items.find((h) => h.address === address);
    expect(saved).toMatchObject({ headName: '王秀兰', members: 2, tags: ['elderly_alone'] });
    expect(JSON.stringify(saved)).not.toContain(PHONE);
  });

  it('enters a person: a mistyped ID number is caught on the phone, the saved one is masked', async () => {
    await page.goto(`${portalUrl}/m/collect`);
    await page.getByTestId('m-collect-form').waitFor({ timeout: UI_TIMEOUT });
    await page.getByTestId('m-collect-type-person').click();
    await page.getByTestId('m-collect-village').selectOption(village.id);
    await page.getByTestId('m-collect-person-name').fill('李建国');
    await page.getByTestId('m-collect-gender-male').click();
    await page.getByTestId('m-collect-person-idNumber').fill(WRONG_ID);
    await page.getByTestId('m-collect-person-phone').fill(PHONE);
    await page.getByTestId('m-collect-reliability-B').click();
    await page.getByTestId('m-collect-submit').click();
    await expect.poll(() => page.getByTestId('m-collect-error-person-idNumber').innerText(), { timeout: UI_TIMEOUT }).toContain('校验码');
    await screenshot(page, 'collect-wrong-id');

    await page.getByTestId('m-collect-person-idNumber').fill(ID_NUMBER);
    await page.getByTestId('m-collect-submit').click();
    const result = page.getByTestId('m-collect-result');
    await result.waitFor({ timeout: UI_TIMEOUT });
    recordId = (await result.getAttribute('data-record-id')) ?? '';
    expect(recordId).toMatch(/^itl_/);
    const shown = await page.getByTestId('m-collect-result-id').innerText();
    expect(shown).not.toContain(ID_NUMBER);
    expect(shown.endsWith(ID_NUMBER.slice(-4))).toBe(true);
    await screenshot(page, 'collect-saved');
  });

  it('the program office sees the number only after giving a reason', async () => {
    const office = await signIn('program_office', `/intel/view?id=${recordId}`, { width: 1280, height: 900 });
    await office.getByTestId('reveal-idNumber').click();
    await office.getByTestId('reveal-dialog').waitFor({ timeout: UI_TIMEOUT });
    await office.getByTestId('reveal-submit').click();
    // No reason, no number.
    expect(await office.getByTestId('revealed-value').count()).toBe(0);
    await office.getByTestId('reveal-reason').fill('核实身份信息（浏览器测试）');
    await office.getByTestId('reveal-submit').click();
    await expect.poll(() => office.getByTestId('revealed-value').innerText(), { timeout: UI_TIMEOUT }).toBe(ID_NUMBER);
    await screenshot(office, 'office-revealed');
  });
});

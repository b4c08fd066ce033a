/// <reference lib="dom" />
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { idCheckDigit, type DutyWeek, type Page as ListPage, type Role, type Village } from '@beatlink/shared';
import type { Household } from '@beatlink/shared/registry/households';
import { apiAs } from '../support/api';
import { PHONE as PHONE_SCREEN, UI_TIMEOUT, useBrowser } from '../support/browser';
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
const chrome = useBrowser('collect-phone');
const { screenshot } = chrome;
let village: Village;
let recordId: string;

const login = (role: Role) => logins.byTenant[TENANT]![role]!;
/** A valid synthetic ID number (fake prefecture 379901) whose check digit this test computes. */
const first17 = `3799011986042${String(Date.now() % 1000).padStart(3, '0')}`.slice(0, 16) + '1';
const ID_NUMBER = first17 + idCheckDigit(first17);
const WRONG_ID = first17 + (idCheckDigit(first17) === '1' ? '2' : '1');
const PHONE = `139${String(Date.now() % 1e8).padStart(8, '0')}`;

beforeAll(async () => {
  const week = await (await apiAs(config, login('contact_officer'))).get<DutyWeek>('/duty/week');
  village = await (await apiAs(config, login('program_office'))).get<Village>(`/directory/villages/${week.villages[0]!.id}`);
});

describe('collecting in the village on a phone', () => {
  let page: Page;

  it('registers a household and records a call-back', async () => {
    page = await chrome.signIn(login('contact_officer'), '/m/households', PHONE_SCREEN);
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
    const office = await chrome.signIn(login('program_office'), `/intel/view?id=${recordId}`, { viewport: { width: 1280, height: 900 } });
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

import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, UI_TIMEOUT, useBrowser, type Login, type PageOptions } from '../support/browser';
import { axeViolations, describeViolations, isBlocking } from '../lib/axe';
import { idOf } from '../lib/route-fixtures';
import '../support/provided';

/**
 * axe-core (WCAG 2.0/2.1 A and AA) on the portal's main pages in Chromium, each as the user who
 * works it and on that user's screen: no serious or critical violation. Minor and moderate ones
 * are printed, not refused.
 */
const portalUrl = inject('portalUrl');
const logins = inject('logins');
const seeded = inject('seededIds');
const chrome = useBrowser('accessibility');
const TENANT = '370283';
const county = logins.byTenant[TENANT]!;

type Who = 'signed-out' | 'officer' | 'office' | 'province';
const USERS: Record<Exclude<Who, 'signed-out'>, { login: Login; device: PageOptions }> = {
  officer: { login: county.community_officer!, device: PHONE },
  office: { login: county.program_office!, device: DESKTOP },
  province: { login: logins.provinceViewer, device: DESKTOP },
};

const PAGES: Array<{ path: string; who: Who }> = [
  { path: '/login', who: 'signed-out' },
  { path: '/m', who: 'officer' },
  { path: '/m/visit', who: 'officer' },
  { path: '/m/intake', who: 'officer' },
  { path: '/m/matters', who: 'officer' },
  { path: '/', who: 'office' },
  { path: '/matters', who: 'office' },
  { path: `/matters/view?id=${idOf(seeded, TENANT, 'matter')}`, who: 'office' },
  { path: '/org', who: 'office' },
  { path: '/duty/compliance', who: 'office' },
  { path: '/assessment/scores', who: 'office' },
  { path: '/province', who: 'province' },
];

/** One page per user, signed in once and sent from page to page. */
const pages = new Map<Who, Page>();
async function pageOf(who: Who, path: string): Promise<Page> {
  let page = pages.get(who);
  if (!page) {
    page = who === 'signed-out' ? await chrome.newPage({ ...PHONE, label: who }) : await chrome.signIn(USERS[who].login, path, { ...USERS[who].device, label: who });
    pages.set(who, page);
  }
  await page.goto(`${portalUrl}${path}`);
  // The page has drawn what its API calls returned.
  await page.waitForLoadState('networkidle', { timeout: UI_TIMEOUT }).catch(() => undefined);
  await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: UI_TIMEOUT }).toBe(0);
  return page;
}

describe('accessibility of the main pages (axe-core, WCAG 2 A/AA)', () => {
  it.each(PAGES)('$path ($who) has no serious or critical violation', async ({ path, who }) => {
    const page = await pageOf(who, path);
    expect(new URL(page.url()).pathname, 'the page stayed where it was sent').toBe(path.split('?')[0]);
    const violations = await axeViolations(page);
    const minor = violations.filter((v) => !isBlocking(v));
    if (minor.length > 0) console.log(`${path}, minor or moderate:\n${describeViolations(minor)}`);
    const blocking = violations.filter(isBlocking);
    expect(blocking, `${path}:\n${describeViolations(blocking)}`).toEqual([]);
  });
});

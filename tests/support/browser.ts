import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import './provided';

/**
 * The browser side of the e2e suites: Debian's headless Chromium, one per test file, with a
 * context per signed-in user. `useBrowser(name)` at the top of a file registers the hooks —
 * launch before the file, a full-page screenshot of every open page of a failed test
 * (tests/artifacts/failed-<name>-<page>-<time>.png), close everything after — and returns what
 * the tests open pages and sign in with.
 *
 * ```ts
 * const chrome = useBrowser('duty-phone');
 * const page = await chrome.signIn(login, '/m/visit', { ...PHONE, geolocation });
 * await chrome.screenshot(page, 'checked-in'); // tests/artifacts/duty-phone-01-checked-in.png
 * ```
 */
export const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');
/** How long the suites wait for the portal to show something. */
export const UI_TIMEOUT = 60_000;
export const PHONE_VIEWPORT = { width: 390, height: 844 };
export const DESKTOP_VIEWPORT = { width: 1440, height: 900 };
/** A phone: 390×844 at twice the pixels, touch. */
export const PHONE: BrowserContextOptions = { viewport: PHONE_VIEWPORT, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
/** The office's screen; what a page opens with unless told otherwise. */
export const DESKTOP: BrowserContextOptions = { viewport: DESKTOP_VIEWPORT };

/** How every suite (and the portal bench) launches Chromium. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export interface Login {
  username: string;
  password: string;
}

/** Options of one page: its context's (viewport, geolocation, …) and `label`, its name in failure screenshots. */
export type PageOptions = BrowserContextOptions & { label?: string };

export interface UseBrowserOptions {
  /** Context options every page of the file gets (before the page's own), e.g. `{ acceptDownloads: true }`. */
  contextOptions?: BrowserContextOptions;
  /** Timeout of the launch hook, when the file wants a shorter one than the project's. */
  hookTimeout?: number;
}

export interface TestBrowser {
  browser(): Browser;
  /** The pages opened so far, in order. */
  readonly pages: readonly Page[];
  /** A page in a fresh context: zh-CN, DESKTOP, the file's context options, then `options`. */
  newPage(options?: PageOptions): Promise<Page>;
  /** A page signed in as `login` and sent on to `next` (the portal keeps its tokens in localStorage). */
  signIn(login: Login, next: string, options?: PageOptions): Promise<Page>;
  /** A full-page screenshot numbered in the file's order: tests/artifacts/<name>-<nn>-<step>.png. */
  screenshot(page: Page, step: string): Promise<void>;
}

/** A screenshot to tests/artifacts/<file> (full page unless told otherwise). */
export async function saveScreenshot(page: Page, file: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: resolve(ARTIFACTS, file), fullPage: options.fullPage ?? true });
}

/** Fills in the login form and sends it; what follows is the caller's. */
export async function submitLogin(page: Page, login: Login): Promise<void> {
  await page.getByTestId('login-username').fill(login.username);
  await page.getByTestId('login-password').fill(login.password);
  await page.getByTestId('login-submit').click();
}

export function useBrowser(name: string, options: UseBrowserOptions = {}): TestBrowser {
  const portalUrl = inject('portalUrl');
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pages: Array<{ page: Page; label?: string }> = [];
  let shot = 0;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch(CHROMIUM);
  }, options.hookTimeout);

  afterEach(async (context) => {
    // A failed step leaves a picture of what each user saw.
    if (context.task.result?.state !== 'fail') return;
    for (const [i, { page, label }] of pages.entries()) {
      if (page.isClosed()) continue;
      await saveScreenshot(page, `failed-${name}-${label ?? i}-${Date.now()}.png`).catch(() => undefined);
    }
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  const current = (): Browser => {
    if (!browser) throw new Error(`${name}: the browser is not running (useBrowser's beforeAll has not run)`);
    return browser;
  };

  const newPage = async ({ label, ...contextOptions }: PageOptions = {}): Promise<Page> => {
    const context = await current().newContext({ locale: 'zh-CN', ...DESKTOP, ...options.contextOptions, ...contextOptions });
    contexts.push(context);
    const page = await context.newPage();
    pages.push({ page, label });
    return page;
  };

  return {
    browser: current,
    get pages() {
      return pages.map((p) => p.page);
    },
    newPage,
    async signIn(login, next, pageOptions) {
      const page = await newPage(pageOptions);
      await page.goto(`${portalUrl}/login?next=${encodeURIComponent(next)}`);
      await submitLogin(page, login);
      await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: UI_TIMEOUT });
      return page;
    },
    async screenshot(page, step) {
      shot += 1;
      await saveScreenshot(page, `${name}-${String(shot).padStart(2, '0')}-${step}.png`);
    },
  };
}

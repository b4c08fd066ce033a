import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { provideTestStack } from './global-setup';
import { startTestPortal } from './portal';
import './provided';

/**
 * globalSetup of the `e2e` project: the same test stack as the integration suite, plus the
 * portal (built if needed) configured for it through the proxy in portal.ts. Provides everything
 * global-setup.ts does, and `portalUrl`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await provideTestStack(project);
  try {
    const portal = await startTestPortal(stack.config, resolve(stack.dataDir, 'logs'));
    project.provide('portalUrl', portal.url);
    return async () => {
      await portal.stop();
      await stack.stop();
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

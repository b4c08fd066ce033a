import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { provideTestStack, releaseStack } from './global-setup';
import { startTestPortal } from './portal';
import './provided';

/**
 * globalSetup of the `e2e` project: the very same test stack as the integration suite (shared, see global-setup.ts), plus the
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
      await releaseStack();
    };
  } catch (error) {
    await releaseStack();
    throw error;
  }
}

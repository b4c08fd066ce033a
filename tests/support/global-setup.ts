import type { TestProject } from 'vitest/node';
import { startTestStack, type TestStack } from './stack';
import './provided';

/**
 * globalSetup of the `integration` project: one test stack (small seed of 370283 and 370211) for
 * all its files, stopped after the run. Tests read it with `inject(...)` (keys in provided.ts).
 */
export async function provideTestStack(project: TestProject): Promise<TestStack> {
  const started = Date.now();
  const stack = await startTestStack();
  console.log(`test stack up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${stack.gatewayUrl}`);
  project.provide('gatewayUrl', stack.gatewayUrl);
  project.provide('stackConfig', stack.config);
  project.provide('logins', stack.logins);
  project.provide('seededIds', stack.seeded);
  return stack;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await provideTestStack(project);
  return () => stack.stop();
}

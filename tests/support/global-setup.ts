import type { TestProject } from 'vitest/node';
import { startTestStack, type TestStack } from './stack';
import './provided';

/**
 * globalSetup of the `integration` and `e2e` projects: one test stack (small seed of 370283 and
 * 370211) for every file of both, stopped after the last of them. A process can host only one
 * stack (handlers read their environment once), and both projects' setups run in vitest's main
 * process, so they share it through a reference-counted slot on globalThis.
 */
interface SharedStack {
  stack: Promise<TestStack>;
  users: number;
}
const slot = globalThis as typeof globalThis & { __beatlinkTestStack?: SharedStack };

async function acquireStack(): Promise<TestStack> {
  if (!slot.__beatlinkTestStack) {
    const started = Date.now();
    const stack = startTestStack();
    slot.__beatlinkTestStack = { stack, users: 0 };
    void stack.then((s) => console.log(`test stack up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${s.gatewayUrl}`));
  }
  slot.__beatlinkTestStack.users++;
  return slot.__beatlinkTestStack.stack;
}

export async function releaseStack(): Promise<void> {
  const shared = slot.__beatlinkTestStack;
  if (!shared) return;
  if (--shared.users > 0) return;
  slot.__beatlinkTestStack = undefined;
  await (await shared.stack).stop();
}

export async function provideTestStack(project: TestProject): Promise<TestStack> {
  const stack = await acquireStack();
  project.provide('gatewayUrl', stack.gatewayUrl);
  project.provide('stackConfig', stack.config);
  project.provide('logins', stack.logins);
  project.provide('seededIds', stack.seeded);
  return stack;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await provideTestStack(project);
  return releaseStack;
}

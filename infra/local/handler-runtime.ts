import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, handlerEnv, type LocalStackConfig } from './stack-config';

/**
 * Running the Lambda code in this process: the gateway (HTTP handlers), the scheduler and the
 * job CLI (job handlers) import the very modules Lambda runs, after setting the environment
 * Lambda would have. Handlers may read their environment once, at import, so one process serves
 * one local stack.
 */
export const FUNCTIONS_SRC = resolve(REPO_ROOT, 'functions/src');

const APPLIED = Symbol.for('beatlink.local.handlerEnv');
type WithApplied = typeof globalThis & { [APPLIED]?: string };

export function applyHandlerEnv(config: LocalStackConfig): void {
  const env = handlerEnv(config);
  const key = JSON.stringify(env);
  const holder = globalThis as WithApplied;
  const previous = holder[APPLIED];
  if (previous !== undefined && previous !== key) {
    throw new Error(
      `This process already runs handlers against another local stack (${previous}). ` +
        'Handlers read their environment when imported: run one stack per process, or restart it on the same ports and data.',
    );
  }
  Object.assign(process.env, env);
  holder[APPLIED] = key;
}

export function httpHandlerFile(context: string): string {
  return resolve(FUNCTIONS_SRC, 'http', context, 'index.ts');
}

export function jobHandlerFile(job: string): string {
  return resolve(FUNCTIONS_SRC, 'jobs', `${job}.ts`);
}

export type LambdaHandler = (event: unknown, context: unknown) => Promise<unknown>;

/** Imports `file` and returns its `handler` export, with a clear error when there is none. */
export async function importHandler(file: string): Promise<LambdaHandler> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const mod = (await import(pathToFileURL(file).href)) as { handler?: unknown };
  if (typeof mod.handler !== 'function') throw new Error(`${file} has no exported function \`handler\``);
  return mod.handler as LambdaHandler;
}
